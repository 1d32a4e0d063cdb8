import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, checkLimit, parseLimitsArg, resolveLimits } from '../../src/core/limits.js';
import { isVrpkitError } from '../../src/core/errors.js';

const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isVrpkitError(e)) return e;
    throw e;
  }
  throw new Error('expected a VrpkitError');
};

describe('input limits', () => {
  it('resolveLimits completes a partial set and refuses nonsense', () => {
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ maxNodes: 5 })).toEqual({ ...DEFAULT_LIMITS, maxNodes: 5 });
    expect(resolveLimits({ maxJobs: Infinity }).maxJobs).toBe(Infinity);
    expect(thrown(() => resolveLimits({ maxNodes: 0 })).pointer).toBe('limits/maxNodes');
    expect(thrown(() => resolveLimits({ maxNodes: 2.5 })).code).toBe('invalid-option');
    expect(thrown(() => resolveLimits({ maxWhales: 3 } as never)).message).toMatch(/unknown limit 'maxWhales'/);
  });

  it('checkLimit names the field, the value, the limit and how to raise it', () => {
    const limits = resolveLimits({ maxNodes: 100 });
    expect(() => checkLimit(limits, 'maxNodes', 100, 'nodes', 'gr:1')).not.toThrow();
    const e = thrown(() => checkLimit(limits, 'maxNodes', 2e9, "the 'p sp' node count", 'gr:3'));
    expect(e.code).toBe('limit');
    expect(e.pointer).toBe('gr:3');
    expect(e.message).toMatch(/the 'p sp' node count 2000000000 exceeds the limit of 100 \(maxNodes; raise it with --limits nodes=N/);
    // Not a number is over every limit.
    expect(thrown(() => checkLimit(limits, 'maxNodes', NaN, 'x', 'y')).code).toBe('limit');
  });

  it('parseLimitsArg reads the command-line form', () => {
    expect(parseLimitsArg('nodes=5e7,arcs=100000000, jobs = 10')).toEqual({ maxNodes: 5e7, maxArcs: 1e8, maxJobs: 10 });
    expect(parseLimitsArg('input-bytes=none,maxVehicles=3')).toEqual({ maxInputBytes: Infinity, maxVehicles: 3 });
    expect(thrown(() => parseLimitsArg('nodes')).code).toBe('usage');
    expect(thrown(() => parseLimitsArg('whales=3')).message).toMatch(/NAME one of input-bytes, network-bytes, nodes/);
    expect(thrown(() => parseLimitsArg('jobs=-1')).message).toMatch(/positive integer/);
  });
});
