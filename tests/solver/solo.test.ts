/**
 * Jobs no vehicle can serve alone leave before the search with a true reason
 * (src/solver/solo.ts): the reason holds over every allowed vehicle type, and
 * the message names each type's failure.
 */
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solver/index.js';
import { checkSolution } from '../../src/model/check.js';
import { soloReason, soloMessage, type TypeInfo } from '../../src/solver/solo.js';
import type { Job, Problem, Vehicle } from '../../src/model/types.js';

// Depot 0, the job at 1; 100 time units each way.
const travel = { type: 'matrix' as const, size: 2, durations: [0, 100, 100, 0] };
const problem = (jobs: Job[], vehicles: Vehicle[]): Problem => ({ jobs, vehicles, travel });

async function unassignedOf(p: Problem) {
  const s = await solve(p, { maxIterations: 20, seed: 1 });
  expect(checkSolution(p, s).feasible).toBe(true);
  return s.unassigned;
}

describe('solo reasons', () => {
  it('service 600 with maxDuration 500 is max-duration (was fleet-exhausted), also without a shift', async () => {
    const p = problem([{ id: 'a', location: 1, serviceDuration: 600 }], [{ id: 'v', start: 0, end: 0, maxDuration: 500 }]);
    expect(await unassignedOf(p)).toEqual([expect.objectContaining({ id: 'a', reason: 'max-duration' })]);
    // Within the limit it is routed.
    const fits = problem([{ id: 'a', location: 1, serviceDuration: 200 }], [{ id: 'v', start: 0, end: 0, maxDuration: 500 }]);
    expect(await unassignedOf(fits)).toEqual([]);
  });

  it('the reason holds for the vehicle closest to serving the job; the message names every vehicle’s failure', async () => {
    const p = problem(
      [{ id: 'a', location: 1, delivery: [5] }],
      [
        { id: 'small', start: 0, end: 0, capacity: [1] },
        { id: 'short', start: 0, end: 0, capacity: [10], shift: [0, 150] },
      ],
    );
    const [u] = await unassignedOf(p);
    expect(u.reason).toBe('time-window');
    expect(u.message).toMatch(/capacity: .*vehicle small/);
    expect(u.message).toMatch(/time-window: .*vehicle short/);
    expect(u.message).not.toMatch(/every allowed vehicle's capacity/);
    // The same fleet listed the other way round gives the same reason.
    const swapped = { ...p, vehicles: [...p.vehicles].reverse() };
    expect((await unassignedOf(swapped))[0].reason).toBe('time-window');
  });

  it('only allowed vehicles count; none allowed is no-vehicle', async () => {
    const vehicles: Vehicle[] = [
      { id: 'small', start: 0, end: 0, capacity: [1] },
      { id: 'big', start: 0, end: 0, capacity: [10], maxDistance: 50 },
    ];
    const p = problem([{ id: 'a', location: 1, delivery: [5], allowedVehicles: ['small'] }, { id: 'b', location: 1, allowedVehicles: [] }], vehicles);
    const u = await unassignedOf(p);
    expect(u).toEqual([expect.objectContaining({ id: 'a', reason: 'capacity' }), expect.objectContaining({ id: 'b', reason: 'no-vehicle' })]);
    expect(u[0].message).not.toMatch(/big/);
  });

  it('soloReason follows the documented order on one type', () => {
    const dummy = (a: number, b: number) => (a === b ? 0 : 100);
    const ti = (v: Vehicle): TypeInfo => ({ v, travel: undefined as never, locDur: dummy, locDist: dummy, start: 0, end: 0, shiftStart: v.shift?.[0] ?? -Infinity, shiftEnd: v.shift?.[1] ?? Infinity, maxDur: v.maxDuration ?? Infinity, maxDist: v.maxDistance ?? Infinity });
    const dur = (a: number, b: number) => (a === b ? 0 : 100);
    const job: Job = { id: 'j', location: 1, delivery: [3], timeWindows: [[0, 50]], releaseTime: 10 };
    const r = (v: Vehicle, j: Job = job) => soloReason(j, 1, ti(v), dur, dur, 1);
    expect(r({ id: 1, capacity: [1] })).toBe('capacity');
    // Leaving at 0 would reach the job at 100 > 50 anyway: the window, not the release, is to blame.
    expect(r({ id: 1, capacity: [5] })).toBe('time-window');
    expect(r({ id: 1, capacity: [5] }, { ...job, timeWindows: [[0, 105]] })).toBe('release-time');
    expect(r({ id: 1, capacity: [5], shift: [20, 10_000] }, { ...job, releaseTime: 30, dispatchDeadline: 25 })).toBe('release-time');
    expect(r({ id: 1, capacity: [5], maxDistance: 150 }, { ...job, timeWindows: undefined })).toBe('max-distance');
    expect(r({ id: 1, capacity: [5], maxDuration: 150 }, { ...job, timeWindows: [[500, 600]] })).toBe('max-duration');
    // Waiting for a late window does not count: the vehicle leaves later.
    expect(r({ id: 1, capacity: [5], maxDuration: 200 }, { ...job, timeWindows: [[500, 600]] })).toBe(null);
    expect(soloMessage([])).toMatch(/no vehicle is allowed/);
  });
});
