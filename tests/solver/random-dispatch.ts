/**
 * Random small dispatch problems for the route evaluator's tests: several
 * windows, setup (shared and distinct locations), per-type service and setup,
 * breaks with maxLoad, speed factors and two profiles (one with a costs
 * matrix), maxTasks, maxTravelTime, maxDuration, maxDistance, skills, service
 * radius, allowed vehicles, release times and dispatch deadlines, soft
 * windows (latenessCost, maxLateness, problem defaults), shipments,
 * and every cost coefficient. Built from a list of integers so fast-check can
 * shrink them.
 */
import fc from 'fast-check';
import type { Break, Job, Problem, Shipment, ShipmentStop, TimeWindow, Vehicle } from '../../src/model/types.js';

const LOCATIONS = 9;

/** A deterministic problem from `values` (each drawn 0..1000). */
export function dispatchProblem(values: number[], sizes: { jobs: number; shipments: number; vehicles: number }): Problem {
  let c = 0;
  const next = (n: number) => values[c++ % values.length] % n;
  const coordinates: [number, number][] = Array.from({ length: LOCATIONS }, () => [next(30), next(30)]);
  // a few locations share coordinates (same location for setup under euclidean travel)
  if (next(2)) coordinates[LOCATIONS - 1] = [...coordinates[1]];
  const dims = 1 + next(2);
  const amount = (max: number) => Array.from({ length: dims }, () => next(max + 1));
  const windows = (): TimeWindow[] | undefined => {
    const r = next(4);
    if (r === 0) return undefined;
    const a = next(120);
    if (r === 1) return [[a, a + 10 + next(100)]];
    const b = a + 5 + next(25);
    const c2 = b + 10 + next(40);
    return r === 2 ? [[a, b], [c2, c2 + 10 + next(80)]] : [[a, a], [b, b + next(5)], [c2, c2 + 30 + next(100)]];
  };
  const durations = (x: Job | ShipmentStop) => {
    x.serviceDuration = next(8);
    if (next(2)) x.setupDuration = next(6);
    if (next(3) === 0) x.serviceDurationPerType = { van: next(12) };
    if (next(3) === 0) x.setupDurationPerType = { van: next(9), bike: next(4) };
  };
  const skills = () => (next(3) === 0 ? [['a'], ['b'], ['a', 'b']][next(3)] : undefined);
  const vehicleIds = Array.from({ length: sizes.vehicles }, (_, k) => `v${k}`);
  const jobs: Job[] = Array.from({ length: sizes.jobs }, (_, i) => {
    const j: Job = { id: `j${i}`, location: next(LOCATIONS) };
    durations(j);
    const tw = windows();
    if (tw) j.timeWindows = tw;
    // soft windows
    if (next(5) === 0) j.latenessCost = next(3);
    if (next(6) === 0) j.maxLateness = next(40);
    if (next(3) === 0) j.delivery = amount(4);
    if (next(3) === 0) j.pickup = amount(4);
    const s = skills();
    if (s) j.skills = s;
    if (next(4) === 0) j.priority = next(101);
    if (next(6) === 0) j.releaseTime = next(40);
    if (next(6) === 0) j.dispatchDeadline = 20 + next(60);
    if (next(8) === 0) j.allowedVehicles = [vehicleIds[next(vehicleIds.length)]];
    return j;
  });
  const shipments: Shipment[] = Array.from({ length: sizes.shipments }, (_, s) => {
    const stop = (): ShipmentStop => {
      const x: ShipmentStop = { location: next(LOCATIONS) };
      durations(x);
      if (next(2)) {
        const a = next(80);
        x.timeWindows = [[a, a + 60 + next(200)]];
      }
      return x;
    };
    const sh: Shipment = { id: `s${s}`, pickup: { id: `p${s}`, ...stop() }, delivery: { id: `d${s}`, ...stop() }, amount: amount(4) };
    const sk = skills();
    if (sk) sh.skills = sk;
    if (next(4) === 0) sh.priority = next(101);
    return sh;
  });
  const vehicles: Vehicle[] = vehicleIds.map((id) => {
    const v: Vehicle = { id };
    const profile = next(3);
    if (profile === 1) v.profile = 'bike';
    if (profile === 2) v.profile = 'truck';
    if (next(5)) v.start = next(LOCATIONS);
    if (next(4)) v.end = next(LOCATIONS);
    if (next(3) === 0) v.shift = [next(30), 150 + next(300)];
    if (next(2)) v.capacity = Array.from({ length: dims }, () => 3 + next(8));
    if (next(2)) v.type = ['van', 'bike', 'car'][next(3)];
    if (next(2)) v.speedFactor = [0.5, 1.5, 2][next(3)];
    if (next(4)) v.skills = [['a'], ['b'], ['a', 'b'], ['a', 'b']][next(4)];
    if (v.start !== undefined && next(4) === 0) v.serviceRadius = 10 + next(30);
    if (next(4) === 0) v.maxTasks = 1 + next(4);
    if (next(4) === 0) v.maxTravelTime = 30 + next(150);
    if (next(6) === 0) v.maxDuration = 60 + next(200);
    if (next(6) === 0) v.maxDistance = 40 + next(150);
    v.costs = { fixed: next(20), perDuration: next(3) / 2, perTaskTime: next(3) };
    if (v.profile !== 'truck') {
      v.costs.perDistance = next(3);
      v.costs.perTravelTime = next(3) / 2;
    }
    const nBreaks = next(3);
    if (nBreaks > 0) {
      v.breaks = Array.from({ length: nBreaks }, (_, b): Break => {
        const br: Break = { id: `b${b}`, duration: next(15) };
        const tw = windows();
        if (tw) br.timeWindows = tw;
        if (next(3) === 0) br.maxLoad = Array.from({ length: dims }, () => next(6));
        return br;
      });
    }
    return v;
  });
  const euclid = (a: number, b: number) => Math.hypot(coordinates[a][0] - coordinates[b][0], coordinates[a][1] - coordinates[b][1]);
  const matrix = (f: (a: number, b: number) => number) => {
    const m: number[] = [];
    for (let a = 0; a < LOCATIONS; a++) for (let b = 0; b < LOCATIONS; b++) m.push(f(a, b));
    return m;
  };
  const soft = next(8) === 0 ? { latenessCost: next(3), ...(next(2) ? { maxLateness: next(30) } : {}) } : undefined;
  return {
    jobs,
    ...(soft ? { defaults: soft } : {}),
    ...(shipments.length > 0 ? { shipments } : {}),
    vehicles,
    travel: { type: 'euclidean', coordinates },
    profiles: {
      bike: { type: 'euclidean', coordinates, speed: 0.5, rounding: 'nint' },
      truck: {
        type: 'matrix',
        size: LOCATIONS,
        durations: matrix((a, b) => Math.round(1.3 * euclid(a, b))),
        distances: matrix((a, b) => Math.round(euclid(a, b))),
        costs: matrix((a, b) => Math.round(2 * euclid(a, b)) + (a === b ? 0 : 3)),
      },
    },
  };
}

/** fast-check arbitrary of `dispatchProblem` inputs. */
export const arbDispatch = (max: { jobs: number; shipments: number; vehicles: number }) =>
  fc.record({
    jobs: fc.integer({ min: 0, max: max.jobs }),
    shipments: fc.integer({ min: 0, max: max.shipments }),
    vehicles: fc.integer({ min: 1, max: max.vehicles }),
    values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 300, maxLength: 300 }),
    order: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 30, maxLength: 30 }),
  });
