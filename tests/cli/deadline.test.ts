/**
 * `--time-limit` as a deadline for the whole command (src/cli/commands/deadline.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterSolveReserveMs, solveBudgetMs } from '../../src/cli/commands/deadline.js';
import type { Problem } from '../../src/model/types.js';
import { makeInstance } from '../solver-decompose/instance.js';
import { runCli } from './run-cli.js';

const problem = (jobs: number, shipments = 0): Problem => ({
  jobs: Array.from({ length: jobs }, (_, i) => ({ id: i, location: 0 })),
  shipments: Array.from({ length: shipments }, (_, i) => ({ id: `s${i}`, pickup: { location: 0 }, delivery: { location: 0 } })),
  vehicles: [{ id: 'v' }],
  travel: { type: 'euclidean', coordinates: [[0, 0]] },
} as Problem);

describe('solve budget under --time-limit', () => {
  it('is the limit less the time since the process started and the after-solve reserve', () => {
    const p = problem(1000);
    expect(solveBudgetMs(2000, p, 0, 300)).toBeCloseTo(2000 - 300 - afterSolveReserveMs(p), 9);
  });

  it('grows the reserve with the tasks (shipments count twice) and with extra outputs', () => {
    expect(afterSolveReserveMs(problem(10_000))).toBeGreaterThan(afterSolveReserveMs(problem(100)));
    expect(afterSolveReserveMs(problem(100, 50))).toBe(afterSolveReserveMs(problem(200)));
    expect(afterSolveReserveMs(problem(100), 2)).toBeCloseTo(3 * afterSolveReserveMs(problem(100)), 9);
  });

  it('never goes below 1 ms when the time is already used up', () => {
    expect(solveBudgetMs(500, problem(10_000), 0, 900)).toBe(1);
  });
});

describe('vrpkit solve --time-limit on a problem solved zone by zone', () => {
  it('answers a feasible plan with every job (exit 0: the checker accepted it) under a limit shorter than its set-up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-deadline-'));
    try {
      const problem = makeInstance({ jobs: 1600, seed: 2 });
      const file = join(dir, 'p.json');
      writeFileSync(file, JSON.stringify(problem));
      const r = runCli(['solve', file, '--time-limit', '0.3', '--threads', '1'], { timeoutMs: 120_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const plan = JSON.parse(r.stdout) as { routes: { steps: { type: string; id?: number }[] }[]; unassigned: { id: number }[] };
      const ids = [...plan.routes.flatMap((route) => route.steps.filter((s) => s.type === 'job').map((s) => s.id)), ...plan.unassigned.map((u) => u.id)];
      expect(ids.sort((a, b) => Number(a) - Number(b))).toEqual(problem.jobs.map((j) => j.id));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
