/**
 * The violations of one non-empty route (docs/semantics.md, "Violations"),
 * given its re-derived schedule: unreachable arcs, windows, release times and
 * dispatch deadlines, who may serve each task (allowed vehicles, skills,
 * service radius), shipment precedence, capacity, shift, the route limits and
 * the breaks. Part of the independent checker.
 */
import { eps, type RouteContext } from './check-context.js';
import type { Timeline } from './check-schedule.js';
import type { Violation, ViolationCode } from './check-route.js';
import { idKey, sameId } from './ids.js';

/** What `routeViolations` needs about the evaluated route. */
export interface RouteFacts {
  index: number;
  vehicleIndex: number;
  items: number[];
  /** Departure. */
  d: number;
  tl: Timeline;
  duration: number;
  distance: number;
  travelTime: number;
  /** Worst capacity excess (0 = none) and where: −1 at the start, else the item position. */
  overload: { amount: number; at: number };
  /** Item position of a break → its load's excess over `maxLoad`. */
  breakOverload: Map<number, number>;
  violations: Violation[];
}

const NONE: readonly never[] = [];

/** Appends the violations of a non-empty route. */
export function routeViolations(ctx: RouteContext, f: RouteFacts): void {
  const { items, tl, d } = f;
  const tasks = ctx.tasks.tasks;
  const v = ctx.vehicles[f.vehicleIndex];
  const vt = ctx.fleet[f.vehicleIndex];
  const vehicle = v.id;
  const breaks = v.breaks ?? [];
  const add = (code: ViolationCode, message: string, extra: Partial<Violation> = {}) =>
    f.violations.push({ code, message, route: f.index, vehicle, ...extra });
  /** How a violation names task `t`: `job` (job or stop id) and, for a stop, `shipment`. */
  const who = (t: number): Partial<Violation> =>
    tasks[t].shipment !== undefined ? { job: tasks[t].id, shipment: tasks[t].shipment } : { job: tasks[t].id };
  const name = (t: number) =>
    tasks[t].kind === 'job' ? `job ${String(tasks[t].id)}` : `${tasks[t].kind} ${String(tasks[t].id)} of shipment ${String(tasks[t].shipment)}`;
  const vname = `vehicle ${String(vehicle)}`;

  for (const i of tl.unreachable) {
    const to = i >= 0 ? name(items[i]) : 'the route end';
    add('unreachable', `${vname}: the arc to ${to} has no finite travel`, i >= 0 ? who(items[i]) : {});
  }
  // built on first need (shipments, skills): most routes need neither
  let position: Map<number, number> | undefined;
  let skills: Set<string> | undefined;
  const start = vt.travel.vehicleStart[f.vehicleIndex];
  items.forEach((t, i) => {
    if (t < 0) return;
    const task = tasks[t];
    // Lateness up to the task's maxLateness (soft windows) is priced, not a violation.
    const over = tl.lateness[i] - task.maxLateness;
    if (tl.lateness[i] > 0 && over > eps(ctx, tl.usedWindowEnd[i] + task.maxLateness)) {
      const bound = task.maxLateness > 0 ? `, more than its maxLateness ${task.maxLateness}` : '';
      add('late', `${name(t)} is late by ${tl.lateness[i]}${bound}`, { ...who(t), amount: over });
    }
    const job = task.kind === 'job' ? ctx.problem.jobs[t] : undefined;
    if (job?.releaseTime !== undefined && d < job.releaseTime - eps(ctx, job.releaseTime)) {
      add('release-time', `${vname} departs at ${d}, before job ${String(job.id)}'s release time ${job.releaseTime}`, {
        job: job.id,
        amount: job.releaseTime - d,
      });
    }
    if (job?.dispatchDeadline !== undefined && d > job.dispatchDeadline + eps(ctx, job.dispatchDeadline)) {
      add('dispatch-deadline', `${vname} departs at ${d}, after job ${String(job.id)}'s dispatch deadline ${job.dispatchDeadline}`, {
        job: job.id,
        amount: d - job.dispatchDeadline,
      });
    }
    const allowed = task.order.allowedVehicles;
    if (allowed && !allowed.some((a) => sameId(a, vehicle))) add('not-allowed', `${name(t)} may not be served by ${vname}`, who(t));
    const needed = task.order.skills;
    const has = needed && needed.length > 0 ? (skills ??= new Set((v.skills ?? []).map(idKey))) : undefined;
    const missing = has ? needed!.filter((s) => !has.has(idKey(s))) : NONE;
    if (missing.length > 0) add('skills', `${name(t)} needs skill${missing.length > 1 ? 's' : ''} ${missing.map(String).join(', ')} that ${vname} lacks`, who(t));
    if (v.serviceRadius !== undefined) {
      const far = start >= 0 ? vt.travel.distance(start, vt.travel.jobLocation[t]) : Infinity;
      if (!(far <= v.serviceRadius + eps(ctx, v.serviceRadius))) {
        add('service-radius', `${name(t)} is ${far} from ${vname}'s start, beyond its service radius ${v.serviceRadius}`, { ...who(t), amount: far - v.serviceRadius });
      }
    }
    if (task.kind === 'delivery') {
      if (!position) {
        position = new Map<number, number>();
        for (let k = 0; k < items.length; k++) position.set(items[k], k);
      }
      const p = position.get(task.partner);
      if (p !== undefined && p > i) add('precedence', `the delivery of shipment ${String(task.shipment)} comes before its pickup`, who(t));
    }
  });
  if (f.overload.amount > 0) {
    const at = f.overload.at;
    const where = at < 0 ? 'at the start' : `after ${name(items[at])}`;
    add('capacity', `${vname} is overloaded by ${f.overload.amount} ${where}`, { amount: f.overload.amount, ...(at >= 0 ? who(items[at]) : {}) });
  }
  if (v.shift) {
    const [shiftStart, shiftEnd] = v.shift;
    if (d < shiftStart - eps(ctx, shiftStart)) add('shift-start', `${vname} departs at ${d}, before its shift starts at ${shiftStart}`, { amount: shiftStart - d });
    if (tl.endArrival > shiftEnd + eps(ctx, shiftEnd)) {
      add('shift-end', `${vname} ends at ${tl.endArrival}, after its shift ends at ${shiftEnd}`, { amount: tl.endArrival - shiftEnd });
    }
  }
  const limit = (code: ViolationCode, value: number, max: number | undefined, what: string) => {
    if (max !== undefined && value > max + eps(ctx, max)) add(code, `${vname}'s route ${what} ${value} > ${code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())} ${max}`, { amount: value - max });
  };
  limit('max-duration', f.duration, v.maxDuration, 'lasts');
  limit('max-distance', f.distance, v.maxDistance, 'is long');
  limit('max-travel-time', f.travelTime, v.maxTravelTime, 'travels for');
  const taskCount = items.filter((x) => x >= 0).length;
  if (v.maxTasks !== undefined && taskCount > v.maxTasks) add('max-tasks', `${vname} serves ${taskCount} tasks > maxTasks ${v.maxTasks}`, { amount: taskCount - v.maxTasks });

  // Breaks: each exactly once, in a window, within its load limit.
  const taken = new Int32Array(breaks.length);
  items.forEach((x, i) => {
    if (x >= 0) return;
    const b = breaks[-1 - x];
    if (taken[-1 - x]++ > 0) {
      add('duplicate-break', `${vname} takes break ${String(b.id)} more than once`, { break: b.id });
      return;
    }
    if (tl.lateness[i] > 0) add('break-window', `${vname}'s break ${String(b.id)} starts ${tl.lateness[i]} after its last window`, { break: b.id, amount: tl.lateness[i] });
    const over = f.breakOverload.get(i);
    if (over !== undefined) add('break-load', `${vname} carries ${over} more than break ${String(b.id)}'s maxLoad`, { break: b.id, amount: over });
  });
  breaks.forEach((b, k) => {
    if (taken[k] === 0) add('missing-break', `${vname} serves tasks but does not take break ${String(b.id)}`, { break: b.id });
  });
}
