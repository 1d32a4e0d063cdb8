/**
 * Builds `fixtures/replan-plan.json` and `fixtures/replan-events.json`: a small
 * realistic re-planning case. Three vans in Ghent (two leave at 9:00, one
 * afternoon van starts at 11:30), 20 orders with two-hour delivery slots and a
 * few returns (pickups). The plan is made by actually solving the problem with
 * vrpkit (seeded, fixed iterations). At 11:00 two orders are served and one is
 * in progress; two new orders arrive (a delivery and a return) and one order is
 * cancelled (its parcel is already on a van).
 *
 * Run: npx tsx bench/tools/make-replan-fixture.ts   (deterministic: same files every run)
 */
import { writeFileSync } from 'node:fs';
import { Rng } from '../../src/core/rng.js';
import { solve } from '../../src/solver/index.js';
import { solutionToJson } from '../../src/io/solution.js';
import { inferProgress } from '../../src/dispatch/events.js';
import type { Job, Problem, Solution } from '../../src/model/types.js';

const H = 3600;
const DEPOT: [number, number] = [3.7035, 51.0386]; // a parcel hub south of Ghent centre
const AREAS: { name: string; at: [number, number] }[] = [
  { name: 'Binnenstad', at: [3.7245, 51.0543] },
  { name: 'Muide', at: [3.7328, 51.0695] },
  { name: 'Gentbrugge', at: [3.7598, 51.0437] },
  { name: 'Sint-Amandsberg', at: [3.7489, 51.0607] },
  { name: 'Mariakerke', at: [3.6787, 51.0698] },
  { name: 'Sint-Denijs-Westrem', at: [3.6706, 51.0235] },
];
const NOW = 11 * H;

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

function makeProblem(seed: number): Problem {
  const rng = new Rng(seed);
  const slot = () => {
    const start = (9 + 2 * rng.int(4)) * H; // 9-11, 11-13, 13-15, 15-17
    return [[start, start + 2 * H]] as [number, number][];
  };
  const jobs: Job[] = [];
  for (let i = 0; i < 20; i++) {
    const area = AREAS[rng.int(AREAS.length)];
    const location: [number, number] = [round5(area.at[0] + (rng.next() - 0.5) * 0.02), round5(area.at[1] + (rng.next() - 0.5) * 0.012)];
    const isReturn = i % 7 === 3;
    jobs.push({
      id: `ord-${2001 + i}`,
      location,
      delivery: [isReturn ? 0 : 1 + rng.int(4)],
      pickup: [isReturn ? 1 + rng.int(3) : 0],
      serviceDuration: 180 + 60 * rng.int(4),
      timeWindows: slot(),
      data: { area: area.name },
    });
  }
  const van = (id: string, shift: [number, number]) => ({
    id,
    start: DEPOT,
    end: DEPOT,
    capacity: [30],
    shift,
    costs: { fixed: 30, perDistance: 0.0004, perDuration: 0.006 },
  });
  return {
    name: 'Ghent parcel round, re-planned at 11:00 (synthetic, seeded)',
    travel: { type: 'haversine', speed: 7 },
    vehicles: [van('van-1', [8 * H, 17 * H]), van('van-2', [8 * H, 17 * H]), van('van-3', [11.5 * H, 19 * H])],
    jobs,
  };
}

async function main(): Promise<void> {
  for (let seed = 1; seed < 500; seed++) {
    const problem = makeProblem(seed);
    const solution: Solution = await solve(problem, { seed: 1, maxIterations: 1500 });
    if (solution.unassigned.length > 0) continue;
    const progress = inferProgress(problem, solution, { now: NOW });
    const served = [...progress.jobStatus].filter(([, s]) => s === 'done').map(([id]) => id);
    const inProgress = [...progress.jobStatus].filter(([, s]) => s === 'in-progress').map(([id]) => id);
    const van3 = progress.vehicles[2];
    const departed = progress.vehicles.filter((v) => v.departed && v.jobs.length > v.frozen.length + 1);
    if (served.length !== 2 || inProgress.length !== 1 || van3.departed || departed.length < 1) continue;
    // Cancel the last delivery of a van on the road (its parcel is on board).
    const onRoad = departed[0];
    const cancelled = [...onRoad.jobs].reverse().find((id) => (problem.jobs.find((j) => j.id === id)!.delivery ?? [0])[0] > 0)!;
    // A live GPS ping of the other van on the road, between its last stop and the next one.
    const other = progress.vehicles.find((v) => v.departed && !v.inProgress && v.jobs.length > v.frozen.length);
    const ping = () => {
      if (!other) return [];
      const route = solution.routes.find((r) => r.vehicle === other.vehicle)!;
      const k = other.frozen.length; // steps[k] = last frozen step (or start), steps[k + 1] = next stop
      const a = route.steps[k].location as [number, number];
      const b = route.steps[k + 1].location as [number, number];
      return [{ vehicle: other.vehicle, location: [round5((a[0] + b[0]) / 2), round5((a[1] + b[1]) / 2)], at: NOW }];
    };
    const events = {
      now: NOW,
      served,
      inProgress,
      vehiclePositions: ping(),
      newJobs: [
        { id: 'ord-2101', location: [3.7301, 51.0512], delivery: [2], pickup: [0], serviceDuration: 240, timeWindows: [[13 * H, 17 * H]], data: { area: 'Binnenstad', note: 'ordered 10:52' } },
        { id: 'ret-2102', location: [3.6912, 51.0633], delivery: [0], pickup: [1], serviceDuration: 180, timeWindows: [[12 * H, 16 * H]], data: { area: 'Mariakerke', note: 'return, booked 10:55' } },
      ],
      cancelled: [cancelled],
    };
    const plan = { problem, solution: solutionToJson(solution) };
    writeFileSync('fixtures/replan-plan.json', JSON.stringify(plan, null, 1) + '\n');
    writeFileSync('fixtures/replan-events.json', JSON.stringify(events, null, 2) + '\n');
    console.log(`instance seed ${seed}: served ${served.join(', ')}; in progress ${inProgress.join(', ')}; cancelled ${cancelled}; cost ${solution.summary.cost.toFixed(2)}`);
    return;
  }
  throw new Error('no seed gave the wanted situation at 11:00');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
