/**
 * Reader for Li & Lim (2001) pickup-and-delivery (PDPTW) text files, the
 * standard shipment benchmark:
 *
 * ```
 * 25	200	1
 * 0	40	50	0	0	1236	0	0	0
 * 1	45	68	-10	912	967	90	11	0
 * 3	42	66	10	65	146	90	0	75
 * ```
 *
 * Line 1 is `K Q S`: fleet size, vehicle capacity and a speed value that the
 * published files fill inconsistently (1 or 0) and every reader ignores. Then one line per
 * task: `id x y demand ready due service pickupSibling deliverySibling`. Task 0
 * (the first row) is the depot. A pickup has `pickupSibling = 0` and names its
 * delivery in `deliverySibling`; a delivery names its pickup in
 * `pickupSibling` and carries the negated demand.
 *
 * Mapping to a `Problem`:
 * - one shipment per pickup, in file order: `id` = the pickup's task number,
 *   `amount: [demand]`, `pickup` / `delivery` stops whose `id`s are the file's
 *   task numbers (so plans name stops by task number, as published solution
 *   files do), `serviceDuration: service`, `timeWindows: [[ready, due]]`;
 * - `K` vehicles with ids `1..K`, `capacity: [Q]`, start = end = the depot,
 *   `shift: [depot ready, depot due]`;
 * - euclidean travel on the file's coordinates (index 0 = depot, then the
 *   tasks in file order) in **double precision** (`rounding: 'none'`, the
 *   convention of the published values; see the instances' README), travel
 *   time = distance (S is not used).
 *
 * Malformed input throws a `VrpkitError` with code `parse`, listing every
 * problem found, each with its line number as pointer (`line 12`).
 */
import type { ArcRounding, Id, Problem, RoutePlan, Shipment, Vehicle } from '../model/types.js';
import { idKey } from '../model/ids.js';
import { IssueList, fields, splitLines, toNumber } from './text-lines.js';

export interface LiLimOptions {
  /** Per-arc rounding of distances and travel times. Default `none` (double precision). */
  rounding?: ArcRounding;
  /** The problem's name (the file has none; the command line uses the file name). */
  name?: string;
}

interface Row {
  line: number;
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
  pickupSibling: number;
  deliverySibling: number;
}

/** Parses a Li & Lim PDPTW instance into a `Problem` (see the module comment). */
export function parseLiLim(text: string, options: LiLimOptions = {}): Problem {
  const lines = splitLines(text);
  const issues = new IssueList('parse', 'invalid Li & Lim file');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i >= lines.length) {
    issues.add(0, "the file is empty (expected a first line 'K Q S')");
    issues.throwIfAny();
  }
  const head = fields(lines[i]);
  const [K, Q, S] = head.map(toNumber); // S: read for validation only (see the module comment)
  if (head.length !== 3) issues.add(i, `the first line must be 'K Q S' (fleet size, capacity, speed), found ${head.length} values`);
  if (K === undefined || !Number.isInteger(K) || K < 1) issues.add(i, `fleet size K must be a positive integer, got '${head[0] ?? ''}'`);
  if (Q === undefined || Q < 0) issues.add(i, `capacity Q must be a non-negative number, got '${head[1] ?? ''}'`);
  if (S === undefined || S < 0) issues.add(i, `the third value S must be a non-negative number, got '${head[2] ?? ''}'`);

  const rows: Row[] = [];
  const byId = new Map<number, Row>();
  for (let j = i + 1; j < lines.length; j++) {
    const f = fields(lines[j]);
    if (f.length === 0) continue;
    if (f.length !== 9) {
      issues.add(j, `expected 9 values (id x y demand ready due service pickup-sibling delivery-sibling), found ${f.length}`);
      continue;
    }
    const v = f.map(toNumber);
    const bad = v.findIndex((x) => x === undefined);
    if (bad >= 0) {
      issues.add(j, `value ${bad + 1} is not a number: '${f[bad]}'`);
      continue;
    }
    const [id, x, y, demand, ready, due, service, pickupSibling, deliverySibling] = v as number[];
    const intOk = [id, pickupSibling, deliverySibling].every((n) => Number.isInteger(n) && n >= 0);
    if (!intOk) {
      issues.add(j, 'the task number and the sibling numbers must be non-negative integers');
      continue;
    }
    const first = byId.get(id);
    if (first) {
      issues.add(j, `task ${id} is listed twice (first at line ${first.line + 1})`);
      continue;
    }
    if (service < 0) issues.add(j, `service time must be non-negative, got ${service}`);
    if (ready > due) issues.add(j, `ready time ${ready} is after due time ${due}`);
    const row: Row = { line: j, id, x, y, demand, ready, due, service, pickupSibling, deliverySibling };
    if (rows.length === 0 && id !== 0) issues.add(j, `the first task must be the depot (task 0), got task ${id}`);
    rows.push(row);
    byId.set(id, row);
  }
  if (rows.length === 0) issues.add(i, 'no task lines after the first line');
  issues.throwIfAny();

  const depot = rows[0];
  // Pairs: every non-depot task is a pickup (names its delivery) or a delivery (names its pickup).
  const shipments: Shipment[] = [];
  const location = new Map<number, number>(rows.map((r, k) => [r.id, k]));
  for (const r of rows.slice(1)) {
    if (r.id === 0) continue;
    if (r.pickupSibling === 0 && r.deliverySibling > 0) {
      const d = byId.get(r.deliverySibling);
      if (!d) {
        issues.add(r.line, `pickup ${r.id} names delivery ${r.deliverySibling}, which is not in the file`);
        continue;
      }
      if (d.pickupSibling !== r.id || d.deliverySibling !== 0) {
        issues.add(r.line, `pickup ${r.id} names delivery ${d.id}, but task ${d.id} does not name ${r.id} as its pickup`);
        continue;
      }
      if (r.demand < 0 || d.demand !== -r.demand) {
        issues.add(r.line, `pickup ${r.id} has demand ${r.demand} and its delivery ${d.id} ${d.demand}: expected d ≥ 0 and −d`);
        continue;
      }
      shipments.push({
        id: r.id,
        amount: [r.demand],
        pickup: { id: r.id, location: location.get(r.id)!, serviceDuration: r.service, timeWindows: [[r.ready, r.due]] },
        delivery: { id: d.id, location: location.get(d.id)!, serviceDuration: d.service, timeWindows: [[d.ready, d.due]] },
      });
    } else if (r.pickupSibling > 0 && r.deliverySibling === 0) {
      const p = byId.get(r.pickupSibling);
      if (!p || p.deliverySibling !== r.id) issues.add(r.line, `delivery ${r.id} names pickup ${r.pickupSibling}, which does not name it back`);
    } else {
      issues.add(r.line, `task ${r.id} is neither a pickup (pickup-sibling 0, delivery-sibling set) nor a delivery (pickup-sibling set, delivery-sibling 0)`);
    }
  }
  issues.throwIfAny();

  const vehicles: Vehicle[] = [];
  for (let k = 1; k <= K!; k++) vehicles.push({ id: k, start: 0, end: 0, capacity: [Q!], shift: [depot.ready, depot.due] });
  const problem: Problem = {
    jobs: [],
    shipments,
    vehicles,
    travel: { type: 'euclidean', coordinates: rows.map((r) => [r.x, r.y]), rounding: options.rounding ?? 'none' },
  };
  if (options.name !== undefined) problem.name = options.name;
  return problem;
}

/** True when the text looks like a Li & Lim file: a `K Q S` line, then a 9-value depot line `0 …`. */
export function looksLikeLiLim(text: string): boolean {
  const lines = splitLines(text.slice(0, 4096)).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  const a = fields(lines[0]);
  const b = fields(lines[1]);
  return a.length === 3 && a.every((x) => toNumber(x) !== undefined) && b.length === 9 && b[0] === '0' && b.every((x) => toNumber(x) !== undefined);
}

/**
 * Turns the `job` steps of a plan read from a task-number route file (VRPLIB
 * `.sol`, SINTEF) into `pickup` / `delivery` steps where the number names no
 * job but exactly one shipment stop (a pickup id or a delivery id). Other
 * steps are kept as they are (the checker then reports what is wrong).
 */
export function stopsFromTaskNumbers(problem: Problem, plan: RoutePlan): RoutePlan {
  const shipments = problem.shipments ?? [];
  if (shipments.length === 0) return plan;
  const jobs = new Set(problem.jobs.map((j) => idKey(j.id)));
  const stops = new Map<string, 'pickup' | 'delivery' | 'both'>();
  const mark = (id: Id, which: 'pickup' | 'delivery') => {
    const k = idKey(id);
    const had = stops.get(k);
    stops.set(k, had && had !== which ? 'both' : which);
  };
  for (const s of shipments) {
    mark(s.pickup.id ?? s.id, 'pickup');
    mark(s.delivery.id ?? s.id, 'delivery');
  }
  return {
    ...plan,
    routes: plan.routes.map((r) => ({
      ...r,
      steps: r.steps.map((s) => {
        if (s.type !== 'job' || s.id === undefined || jobs.has(idKey(s.id))) return s;
        const which = stops.get(idKey(s.id));
        return which === 'pickup' || which === 'delivery' ? { ...s, type: which } : s;
      }),
    })),
  };
}
