/**
 * Random re-planning cases mixing jobs and shipments: a small euclidean
 * instance, a random plan (pickups before their deliveries, times from the
 * checker), and progress events at a random `now` — either inferred from the
 * plan's times or reported as served / in-progress prefixes of the routes
 * (stops named by shipment or by stop id, sometimes with their vehicle) —
 * plus cancellations of open orders and new jobs.
 */
import { Rng } from '../../src/core/rng.js';
import type { Id, Job, Problem, Shipment, Solution, Vehicle } from '../../src/model/types.js';
import type { ReplanEvents } from '../../src/dispatch/events.js';
import type { StopEvent } from '../../src/dispatch/stops.js';
import { planOfSteps } from './ship-helpers.js';

export interface ShipCase {
  problem: Problem;
  plan: Solution;
  events: ReplanEvents;
}

/** Builds one case from a seed. */
export function makeShipCase(seed: number, opts: { windows?: boolean } = {}): ShipCase {
  const rng = new Rng(seed);
  const nJobs = 2 + rng.int(6);
  const nShip = 1 + rng.int(4);
  const nVehicles = 1 + rng.int(3);
  const coordinates: [number, number][] = [[50, 50]];
  for (let i = 0; i < nJobs + 2 * nShip + 6; i++) coordinates.push([rng.int(100), rng.int(100)]);
  const window = (from: number, span: number): [number, number][] => [[from, from + span]];
  const jobs: Job[] = Array.from({ length: nJobs }, (_, i) => {
    const j: Job = { id: `j${i}`, location: 1 + i, serviceDuration: rng.int(10), delivery: [rng.int(3) === 0 ? 0 : 1 + rng.int(3)], pickup: [rng.int(3) === 0 ? 1 + rng.int(2) : 0] };
    if (opts.windows) j.timeWindows = window(rng.int(300), 400 + rng.int(400));
    return j;
  });
  const shipments: Shipment[] = Array.from({ length: nShip }, (_, s) => {
    const sh: Shipment = {
      id: `s${s}`,
      amount: [1 + rng.int(5)],
      pickup: { location: 1 + nJobs + 2 * s, serviceDuration: rng.int(10) },
      delivery: { location: 2 + nJobs + 2 * s, serviceDuration: rng.int(10) },
    };
    if (rng.int(2) === 0) sh.pickup.id = `p${s}`;
    if (rng.int(2) === 0) sh.delivery.id = `d${s}`;
    if (opts.windows) {
      const a = rng.int(300);
      sh.pickup.timeWindows = window(a, 300 + rng.int(300));
      // Some deliveries close soon after the pickup: a late re-plan may find them passed.
      sh.delivery.timeWindows = window(a, 200 + rng.int(600));
    }
    return sh;
  });
  const vehicles: Vehicle[] = Array.from({ length: nVehicles }, (_, k) => ({
    id: `v${k}`,
    start: 0,
    end: 0,
    capacity: [12 + rng.int(20)],
    shift: [0, 5000],
    costs: { fixed: 10, perDistance: 1, perDuration: 0 },
  }));
  const problem: Problem = { jobs, shipments, vehicles, travel: { type: 'euclidean', coordinates } };

  // Random plan: orders shuffled, dealt to vehicles at random positions, ~10 % unassigned.
  const orders: { kind: 'job' | 'shipment'; id: string }[] = [...jobs.map((j) => ({ kind: 'job' as const, id: String(j.id) })), ...shipments.map((s) => ({ kind: 'shipment' as const, id: String(s.id) }))];
  for (let i = orders.length - 1; i > 0; i--) {
    const k = rng.int(i + 1);
    [orders[i], orders[k]] = [orders[k], orders[i]];
  }
  const seqs: string[][] = vehicles.map(() => []);
  const unassigned: Solution['unassigned'] = [];
  for (const o of orders) {
    if (rng.int(10) === 0) {
      const sh = shipments.find((s) => s.id === o.id);
      unassigned.push(sh ? { id: o.id, type: 'shipment', pickup: sh.pickup.id ?? sh.id, delivery: sh.delivery.id ?? sh.id, reason: 'fleet-exhausted' } : { id: o.id, reason: 'fleet-exhausted' });
      continue;
    }
    const seq = seqs[rng.int(seqs.length)];
    if (o.kind === 'job') {
      seq.splice(rng.int(seq.length + 1), 0, o.id);
    } else {
      const p = rng.int(seq.length + 1);
      seq.splice(p, 0, `P:${o.id}`);
      seq.splice(p + 1 + rng.int(seq.length - p), 0, `D:${o.id}`);
    }
  }
  const routes = vehicles.map((v, k) => ({ vehicle: v.id, tasks: seqs[k], departure: rng.int(20) })).filter((r) => r.tasks.length > 0);
  const plan = planOfSteps(problem, routes, unassigned);

  let horizon = 1;
  for (const r of plan.routes) horizon = Math.max(horizon, r.steps[r.steps.length - 1].arrival);
  const now = rng.int(Math.ceil(horizon * 1.1));
  const events: ReplanEvents = { now };
  /** Orders with a task served or under way (not cancellable). */
  const started = new Set<string>();
  const orderOf = (s: { type: string; id?: Id; shipment?: Id }) => String(s.type === 'job' ? s.id : s.shipment);
  if (rng.int(2) === 0) {
    // Reported progress: a served prefix of each route, sometimes followed by a stop in progress.
    const served: (Id | StopEvent)[] = [];
    const inProgress: (Id | StopEvent)[] = [];
    for (const r of plan.routes) {
      const tasks = r.steps.filter((s) => s.type === 'job' || s.type === 'pickup' || s.type === 'delivery');
      const k = rng.int(tasks.length + 1);
      tasks.forEach((s, i) => {
        if (i > k || (i === k && rng.int(2) === 0)) return;
        started.add(orderOf(s));
        const entry: Id | StopEvent =
          s.type === 'job'
            ? (s.id as Id)
            : { type: s.type as 'pickup' | 'delivery', ...(rng.int(2) === 0 ? { shipment: s.shipment } : { id: s.id }), ...(rng.int(3) === 0 ? { vehicle: r.vehicle } : {}) };
        (i < k ? served : inProgress).push(entry);
      });
    }
    events.served = served;
    events.inProgress = inProgress;
  } else {
    for (const r of plan.routes) for (const s of r.steps) if (s.type !== 'start' && s.type !== 'end' && s.serviceStart <= now) started.add(orderOf(s));
  }
  const open = orders.map((o) => o.id).filter((id) => !started.has(id));
  const cancelled: Id[] = [];
  for (let c = rng.int(3); c > 0 && open.length > 0; c--) cancelled.push(open.splice(rng.int(open.length), 1)[0]);
  events.cancelled = cancelled;
  events.newJobs = Array.from({ length: rng.int(3) }, (_, n) => ({ id: `new${n}`, location: 1 + nJobs + 2 * nShip + n, delivery: [0], pickup: [1 + rng.int(2)] }));
  return { problem, plan, events };
}
