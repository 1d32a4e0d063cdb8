import { describe, expect, it } from 'vitest';
import { TimeBudget } from '../../src/core/budget.js';
import { VrpkitError, pointer } from '../../src/core/errors.js';

describe('TimeBudget', () => {
  it('honours deadline, iterations and abort', () => {
    let t = 0;
    const b = new TimeBudget({ timeLimitMs: 100, maxIterations: 10, now: () => t });
    expect(b.exhausted(0)).toBe(false);
    expect(b.exhausted(10)).toBe(true);
    t = 99;
    expect(b.exhausted()).toBe(false);
    t = 100;
    expect(b.exhausted()).toBe(true);
    const ac = new AbortController();
    const c = new TimeBudget({ signal: ac.signal });
    expect(c.exhausted()).toBe(false);
    ac.abort();
    expect(c.exhausted()).toBe(true);
    expect(c.aborted).toBe(true);
  });
});

describe('VrpkitError', () => {
  it('carries code, pointer and all issues', () => {
    const e = VrpkitError.fromIssues([
      { code: 'type', pointer: pointer('jobs', 0, 'id'), message: 'must be a string or number' },
      { code: 'range', pointer: '/vehicles', message: 'must not be empty' },
    ]);
    expect(e.code).toBe('type');
    expect(e.pointer).toBe('/jobs/0/id');
    expect(e.issues).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(e)).error.issues[1].pointer).toBe('/vehicles');
    expect(pointer('a/b', 'c~d')).toBe('/a~1b/c~0d');
  });
});
