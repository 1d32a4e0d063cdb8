/**
 * Reading VROOM's output document back as a `RoutePlan` for the independent
 * checker (`vrpkit check VROOM_PROBLEM VROOM_SOLUTION`), whether VROOM or
 * vrpkit wrote it.
 *
 * Steps keep their type and id (a pickup or delivery step names its stop by
 * the stop id); the numbers VROOM states become claims the checker compares:
 * `arrival`, `waiting_time` (→ `waiting`), `arrival + waiting_time` (→
 * `serviceStart`), `setup`, `arrival + waiting_time + setup + service` (→
 * `departure`), `load`, `distance`; per route `duration` (travel time →
 * `travelTime`), `setup`, `waiting_time`, `priority`, `distance`, and
 * `service` split into tasks (`service`) and breaks (`breakDuration`). Costs
 * are not compared: VROOM rounds them per route (see output.ts), the checker's
 * are exact. Unassigned tasks become unassigned jobs and whole shipments; VROOM
 * gives no reason, so the reason is `vrpkit`'s own `reason` field when present,
 * else `unspecified`.
 */
import { VrpkitError, pointer, type InputIssue } from '../../core/errors.js';
import { planIssues } from '../../model/check.js';
import { idKey } from '../../model/ids.js';
import { stopId, taskTable } from '../../model/tasks.js';
import type { Problem, RoutePlan } from '../../model/types.js';
import { has, isRecord } from './fields.js';

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Whether a parsed solution document is VROOM's output (a `code`, or `waiting_time` where vrpkit writes `waiting`). */
export function looksLikeVroomSolution(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.routes)) return false;
  if (num(value.code)) return true;
  if (isRecord(value.summary) && has(value.summary, 'waiting_time')) return true;
  return value.routes.some((r) => isRecord(r) && (has(r, 'waiting_time') || (Array.isArray(r.steps) && r.steps.some((s) => isRecord(s) && has(s, 'waiting_time')))));
}

/** Reads VROOM's output (parsed JSON) as a plan of `problem` (see the module comment); throws a `VrpkitError` when it is not shaped like one. */
export function planFromVroom(problem: Problem, value: unknown): RoutePlan {
  const structural = planIssues(value);
  if (structural.length > 0) throw VrpkitError.fromIssues(structural);
  const doc = value as Record<string, unknown>;
  const issues: InputIssue[] = [];
  const routes = (doc.routes as Record<string, unknown>[]).map((r, i) => {
    if (typeof r.vehicle !== 'string' && typeof r.vehicle !== 'number') {
      issues.push({ code: 'type', pointer: pointer('routes', i, 'vehicle'), message: 'a route needs a vehicle id' });
    }
    let breakTime = 0;
    const steps = (r.steps as Record<string, unknown>[]).map((s) => {
      const step: Record<string, unknown> = { type: s.type };
      if (s.type !== 'start' && s.type !== 'end' && s.id !== undefined) step.id = s.id;
      if (num(s.arrival)) step.arrival = s.arrival;
      if (num(s.waiting_time)) step.waiting = s.waiting_time;
      if (num(s.arrival) && num(s.waiting_time)) step.serviceStart = s.arrival + s.waiting_time;
      if (num(s.setup)) step.setup = s.setup;
      if (num(s.arrival) && num(s.waiting_time) && num(s.setup) && num(s.service)) step.departure = s.arrival + s.waiting_time + s.setup + s.service;
      if (Array.isArray(s.load)) step.load = s.load;
      if (num(s.distance)) step.distance = s.distance;
      if (s.type === 'break' && num(s.service)) breakTime += s.service;
      return step;
    });
    const out: Record<string, unknown> = { vehicle: r.vehicle, steps };
    if (num(r.duration)) out.travelTime = r.duration;
    if (num(r.distance)) out.distance = r.distance;
    if (num(r.setup)) out.setup = r.setup;
    if (num(r.waiting_time)) out.waiting = r.waiting_time;
    if (num(r.priority)) out.priority = r.priority;
    if (num(r.service)) {
      out.service = r.service - breakTime;
      out.breakDuration = breakTime;
    }
    return out;
  });
  if (issues.length > 0) throw VrpkitError.fromIssues(issues);

  const table = taskTable(problem);
  const shipments = problem.shipments ?? [];
  const done = new Set<number>();
  const unassigned: NonNullable<RoutePlan['unassigned']> = [];
  for (const e of (doc.unassigned ?? []) as Record<string, unknown>[]) {
    const id = e.id as string | number;
    const reason = typeof e.reason === 'string' && e.reason !== '' ? e.reason : 'unspecified';
    if (e.type === 'pickup' || e.type === 'delivery') {
      const s = (e.type === 'pickup' ? table.pickups : table.deliveries).get(idKey(id));
      if (s === undefined) unassigned.push({ id, type: 'shipment', reason });
      else if (!done.has(s)) {
        done.add(s);
        const sh = shipments[s];
        unassigned.push({ id: sh.id, type: 'shipment', pickup: stopId(sh, 'pickup'), delivery: stopId(sh, 'delivery'), reason });
      }
    } else unassigned.push({ id, reason });
  }

  const summary: Record<string, unknown> = {};
  const sum = isRecord(doc.summary) ? doc.summary : {};
  if (num(sum.priority)) summary.priority = sum.priority;
  if (num(sum.distance)) summary.distance = sum.distance;
  if (num(sum.routes)) summary.routes = sum.routes;
  return { routes, unassigned, summary } as unknown as RoutePlan;
}
