/**
 * A route's re-derived numbers per step, kept flat (`RouteTrace`): the
 * independent checker compares a plan's stated step numbers against them and
 * builds a step's report object (`derivedStep`) only when it is asked for
 * (`vrpkit check` prints every step) or when a stated number disagrees.
 * Part of the independent checker; never imports solver code.
 */
import type { Location } from './types.js';
import type { RouteContext } from './check-context.js';
import type { Timeline } from './check-schedule.js';
import type { CheckedStep } from './check-route.js';

/**
 * What a route's evaluation re-derived per step, as flat numbers: enough to
 * compare a plan's stated step numbers (`derivedStepClaims`) and to build any
 * step's `CheckedStep` (`derivedStep`) without keeping one object per step.
 * Derived step 0 is the start, 1..n the route items, n + 1 the end.
 */
export interface RouteTrace {
  vehicleIndex: number;
  /** The route's items (tasks and breaks; none for an empty route). */
  items: number[];
  /** Departure. */
  d: number;
  tl: Timeline;
  /** Load after each derived step: row `s` (dims numbers) for derived step `s`. */
  loads: Float64Array;
  dims: number;
  startLocation: Location | undefined;
  endLocation: Location | undefined;
}

/** Derived step `s` of a trace as the checker reports it (the same object for every caller). */
export function derivedStep(ctx: RouteContext, trace: RouteTrace, s: number): CheckedStep {
  const { tl, d, dims, items } = trace;
  const load = Array.from(trace.loads.subarray(s * dims, (s + 1) * dims));
  if (s === 0) {
    return { type: 'start', location: trace.startLocation, arrival: d, waiting: 0, serviceStart: d, setup: 0, departure: d, load, distance: 0, lateness: 0 };
  }
  if (s === items.length + 1) {
    const end = tl.endArrival;
    return { type: 'end', location: trace.endLocation, arrival: end, waiting: 0, serviceStart: end, setup: 0, departure: end, load, distance: tl.distance, lateness: 0 };
  }
  const i = s - 1;
  const x = items[i];
  if (x < 0) {
    const b = (ctx.vehicles[trace.vehicleIndex].breaks ?? [])[-1 - x];
    return {
      type: 'break', id: b.id, arrival: tl.arrival[i], waiting: tl.waiting[i], serviceStart: tl.serviceStart[i], setup: tl.setup[i],
      departure: tl.departure[i], distance: tl.distanceTo[i], lateness: tl.lateness[i], load,
    };
  }
  const task = ctx.tasks.tasks[x];
  return task.shipment !== undefined
    ? {
        type: task.kind, id: task.id, shipment: task.shipment, location: task.location, arrival: tl.arrival[i], waiting: tl.waiting[i],
        serviceStart: tl.serviceStart[i], setup: tl.setup[i], departure: tl.departure[i], distance: tl.distanceTo[i], lateness: tl.lateness[i],
        load,
      }
    : {
        type: task.kind, id: task.id, location: task.location, arrival: tl.arrival[i], waiting: tl.waiting[i],
        serviceStart: tl.serviceStart[i], setup: tl.setup[i], departure: tl.departure[i], distance: tl.distanceTo[i], lateness: tl.lateness[i],
        load,
      };
}

/** The numbers of derived step `s` that a plan step may state (`Step` claims), read from the trace. */
export interface StepNumbers {
  arrival: number;
  waiting: number;
  serviceStart: number;
  setup: number;
  departure: number;
  distance: number;
  lateness: number;
}

/** Fills `out` with the claimable numbers of derived step `s` (the same numbers `derivedStep` puts in the step). */
export function derivedStepNumbers(trace: RouteTrace, s: number, out: StepNumbers): StepNumbers {
  const { tl, d, items } = trace;
  if (s === 0) {
    out.arrival = out.serviceStart = out.departure = d;
    out.waiting = out.setup = out.distance = out.lateness = 0;
  } else if (s === items.length + 1) {
    out.arrival = out.serviceStart = out.departure = tl.endArrival;
    out.waiting = out.setup = out.lateness = 0;
    out.distance = tl.distance;
  } else {
    const i = s - 1;
    out.arrival = tl.arrival[i];
    out.waiting = tl.waiting[i];
    out.serviceStart = tl.serviceStart[i];
    out.setup = tl.setup[i];
    out.departure = tl.departure[i];
    out.distance = tl.distanceTo[i];
    out.lateness = tl.lateness[i];
  }
  return out;
}
