/**
 * End to end: `vrpkit solve FILE --format vroom --time-limit 5 --seed 1` on
 * every VROOM fixture, as the acceptance runs it. Each answer must be
 * VROOM's output format, feasible for the independent checker (read back with
 * `planFromVroom`), and at least as good by VROOM's objective (served
 * priority, then served tasks, then cost within 1 %) as the best hand-made
 * plan of tests/io/vroom-helpers.ts; VROOM's example_2 must reach VROOM's own
 * cost (5461).
 *
 * These take the acceptance's 5 s per fixture (about 40 s in all), so they are
 * OFF by default: turn them on with `VRPKIT_VROOM_SOLVE=1`; then a fixture the
 * solver refuses FAILS (with the solver's error), it is never skipped. Always
 * on: the same fixtures with `--max-iterations 200 --threads 1` (a few seconds),
 * which must answer in VROOM's format with a plan the checker finds feasible
 * that serves at least what the best hand-made plan serves.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { checkSolution } from '../../src/model/check.js';
import { compareObjective } from '../../src/model/objective.js';
import { fromVroom, planFromVroom } from '../../src/io/vroom/index.js';
import { CASES, planOf, vroomFixture } from '../io/vroom-helpers.js';

const ENABLED = process.env.VRPKIT_VROOM_SOLVE === '1';
if (!ENABLED) {
  console.warn('[vrpkit tests] VROOM end-to-end solves are off (tests/cli/vroom-solve.test.ts); run them with VRPKIT_VROOM_SOLVE=1');
}

/** Every fixture the solver is expected to solve (all of fixtures/vroom). */
const EXPECTED_TO_SOLVE = [
  'example_1.json',
  'example_2.json',
  'depot-distances.json',
  'shipments-skills-breaks.json',
  'coordinates-technicians.json',
  'costs-matrix.json',
];

describe('vrpkit solve on every VROOM fixture, few iterations (always on)', () => {
  it.each(EXPECTED_TO_SOLVE)('%s', (file) => {
    const r = runCli(['solve', `fixtures/vroom/${file}`, '--format', 'vroom', '--max-iterations', '200', '--seed', '1', '--threads', '1'], { timeoutMs: 120_000 });
    if (r.status !== 0) throw new Error(`vrpkit solve fixtures/vroom/${file} exited ${r.status}:\n${r.stderr}`);
    const out = JSON.parse(r.stdout);
    expect(out.code).toBe(0);
    const problem = fromVroom(vroomFixture(file));
    const report = checkSolution(problem, planFromVroom(problem, out));
    expect(report.violations).toEqual([]);
    for (const c of Object.values(CASES).filter((x) => x.file === file)) {
      const hand = checkSolution(problem, planOf(c.routes, c.unassigned)).summary;
      // served priority, then served tasks, at least the hand-made plan's (cost is the 5 s run's business)
      expect(report.summary.priority).toBeGreaterThanOrEqual(hand.priority);
      if (report.summary.priority === hand.priority) expect(report.summary.tasks).toBeGreaterThanOrEqual(hand.tasks);
    }
  });
});

describe.skipIf(!ENABLED)('vrpkit solve on every VROOM fixture (VRPKIT_VROOM_SOLVE=1)', () => {
  it.each(EXPECTED_TO_SOLVE)('%s', (file) => {
    const r = runCli(['solve', `fixtures/vroom/${file}`, '--format', 'vroom', '--time-limit', '5', '--seed', '1'], { timeoutMs: 120_000 });
    if (r.status !== 0) throw new Error(`vrpkit solve fixtures/vroom/${file} exited ${r.status}:\n${r.stderr}`);
    const out = JSON.parse(r.stdout);
    expect(out.code).toBe(0);
    const problem = fromVroom(vroomFixture(file));
    const report = checkSolution(problem, planFromVroom(problem, out));
    expect(report.violations).toEqual([]);

    for (const c of Object.values(CASES).filter((x) => x.file === file)) {
      const hand = checkSolution(problem, planOf(c.routes, c.unassigned));
      expect(hand.feasible).toBe(true);
      const verdict = compareObjective(report.summary, hand.summary, 0.01);
      expect(verdict, `solver ${JSON.stringify(report.summary)} vs hand-made ${JSON.stringify(hand.summary)}`).toBeLessThanOrEqual(0);
    }
    if (file === 'example_2.json') expect(out.summary.cost).toBe(5461);
  });
});
