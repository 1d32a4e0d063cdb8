/**
 * Compiling a `Problem` into the flat typed arrays the search works on.
 *
 * Clients are the tasks (jobs and shipment stops, see model/tasks.ts) of the
 * orders that at least one vehicle type can serve on their own, numbered
 * 0..n-1 (`taskIndex` maps back; a shipment's two stops are both kept or both
 * left out, and `partner` links them). Travel is a dense matrix over
 * "points": point c < n is client c, then one point per distinct vehicle
 * start/end location, then one virtual point with zero travel to and from
 * everything (the start or end of an open route). Vehicles with identical
 * attributes form one vehicle type with a count.
 */
import { resolveTaskTravel } from '../model/task-travel.js';
import { stopId, taskTable, type TaskTable } from '../model/tasks.js';
import type { ResolvedTravel } from '../model/travel.js';
import type { Problem, Unassigned, UnassignedReason } from '../model/types.js';
import { idKey } from '../model/ids.js';
import { resolveFleetTravel } from '../model/fleet-travel.js';
import { breakAllowance, needsExactWalk, relaxedClients } from './compile-relax.js';
import { exactSoloVerdict } from './compile-solo.js';
import { vehicleTypes } from './compile-types.js';
import { RouteEvaluator } from './evaluate.js';
import { UNREACHABLE_ARC, matrixMax, searchTravelSteps, symmetricRows } from './compile-travel.js';
import { type Pacer, runPaced, runSteps, type Steps } from '../core/pacer.js';
import { granularNeighbours, mortonCode } from './neighbours.js';
import { soloShipmentVerdict, soloVerdict, type TypeInfo } from './solo.js';

export { UNREACHABLE_ARC };

export interface CompiledProblem {
  problem: Problem;
  /** Travel resolved per task: `travel.jobLocation[t]` is task t's location. */
  travel: ResolvedTravel;
  /** The problem's tasks (jobs, then shipment stops). */
  tasks: TaskTable;
  /** Number of clients (tasks of servable orders). */
  n: number;
  /** Capacity dimensions (≥ 1). */
  dims: number;
  /** Capacity dimensions of the problem (without the search's task-count dimension). */
  problemDims: number;
  /** The search's task-count dimension (its capacity is `maxTasks`), or -1 when no vehicle limits tasks. */
  countDim: number;
  /** Number of points (clients + depots + virtual). */
  P: number;
  /** Row-major P × P distances and durations of the first travel group (estimates: neighbours, geometry). */
  dist: Float64Array | Float32Array;
  /** The same array as `dist` when durations equal distances. */
  dur: Float64Array | Float32Array;
  /** Per vehicle type: its travel group (profile + speed factor); per group: its matrices. */
  typeGroup: Int32Array;
  groupDist: (Float64Array | Float32Array)[];
  groupDur: (Float64Array | Float32Array)[];
  /** Per vehicle type: what one arc costs it (see compile-travel.ts). */
  typeArc: (Float64Array | Float32Array)[];
  typeMaxTravel: Float64Array;
  typePerTask: Float64Array;
  /**
   * Whether a route's exact evaluation needs more than the segment algebra
   * (several windows, setup, per-type durations, breaks): the search then
   * sees a relaxed model (compile-relax.ts) and the decode repairs exactly.
   */
  needsWalk: boolean;
  /** The exact route evaluator, when the compiler built one (needsWalk); the decode reuses it. */
  evaluator?: RouteEvaluator;
  /**
   * Whether clients may stay out of the routes in the search (some order has a
   * priority): leaving one out costs its `prize`, which follows the objective's
   * order — served priority first, then served tasks, then cost.
   */
  optional: boolean;
  /** Per client: what leaving its order out costs (a shipment's prize is on its pickup; 0 on its delivery). */
  prize: Float64Array;
  /** Point index of the virtual location. */
  virtualPoint: number;
  /** Task index (in `tasks`) of every client. */
  taskIndex: Int32Array;
  /** The partner stop of a shipment stop (client index), -1 for a job. */
  partner: Int32Array;
  /** 1 for a shipment's pickup stop. */
  isPickup: Uint8Array;
  /** Whether some client is a shipment stop. */
  hasShipments: boolean;
  service: Float64Array;
  early: Float64Array;
  late: Float64Array;
  release: Float64Array;
  deadline: Float64Array;
  /** Per (client, dimension): what a job brings from the start, what a job or pickup stop loads, what a delivery stop unloads. */
  delivery: Float64Array;
  pickup: Float64Array;
  drop: Float64Array;
  /** Vehicle types. */
  T: number;
  typeVehicles: number[][];
  typeStart: Int32Array;
  typeEnd: Int32Array;
  typeCap: Float64Array;
  typeShiftStart: Float64Array;
  typeShiftEnd: Float64Array;
  typeFixed: Float64Array;
  typePerDist: Float64Array;
  typePerDur: Float64Array;
  typeMaxDur: Float64Array;
  typeMaxDist: Float64Array;
  /** Per (client, type): reassignment penalty plus a large penalty when not allowed. */
  assignPen: Float64Array;
  notAllowed: Uint8Array;
  hasAssignPen: boolean;
  /** True when some client has a finite time window, release time or deadline, or a shift is finite. */
  hasTime: boolean;
  /**
   * True when a route's cost depends only on its distance and load: no time
   * windows, shifts, release times or deadlines, no max duration or distance,
   * no per-duration cost, and loads that do not depend on the visiting order
   * (no job has both... i.e. deliveries only or pickups only).
   */
  intraDistanceOnly: boolean;
  /** Whether the distance matrix is symmetric. */
  symmetric: boolean;
  /** Granular neighbours: CSR lists. */
  nbStart: Int32Array;
  nbList: Int32Array;
  /** Point coordinates (x, y) when known, else undefined. */
  px?: Float64Array;
  py?: Float64Array;
  /** Orders (jobs, shipments) removed before the search, with reasons. */
  unassigned: Unassigned[];
  /** Penalty used for a client on a vehicle it is not allowed on. */
  notAllowedPenalty: number;
}

export interface CompileOptions {
  /** Granular neighbourhood size (Gamma). */
  granularSize: number;
}

/** Compiles a validated problem (see the module comment). */
export function compileProblem(problem: Problem, options: CompileOptions): CompiledProblem {
  return runSteps(compileSteps(problem, options));
}

/**
 * Compiles cooperatively: hands the event loop a turn whenever `pacer`'s
 * slice is used up; resolves to `undefined` when its signal fires first. The
 * result is the same as `compileProblem`'s.
 */
export function compileProblemPaced(problem: Problem, options: CompileOptions, pacer: Pacer): Promise<CompiledProblem | undefined> {
  return runPaced(compileSteps(problem, options), pacer);
}

/** `compileProblem` as steps (core/pacer.ts): yields between chunks of about 16,384 matrix entries (or 32 orders) of work. */
export function* compileSteps(problem: Problem, options: CompileOptions): Steps<CompiledProblem> {
  const tasks = taskTable(problem);
  const travel = resolveTaskTravel(problem, tasks);
  const fleet = resolveFleetTravel(problem, tasks, travel);
  const jobs = problem.jobs;
  const shipments = problem.shipments ?? [];
  const vehicles = problem.vehicles;
  const J = jobs.length;
  let problemDims = 1;
  for (const j of jobs) problemDims = Math.max(problemDims, j.delivery?.length ?? 0, j.pickup?.length ?? 0);
  for (const sh of shipments) problemDims = Math.max(problemDims, sh.amount?.length ?? 0);
  for (const v of vehicles) problemDims = Math.max(problemDims, v.capacity?.length ?? 0);
  const countDim = vehicles.some((v) => v.maxTasks !== undefined) ? problemDims : -1;
  const dims = countDim >= 0 ? problemDims + 1 : problemDims;
  // several windows, setup, per-type durations, breaks: the search runs on a relaxed model (compile-relax.ts)
  const needsWalk = needsExactWalk(problem, tasks);

  // --- vehicle types ---------------------------------------------------------
  const { T, typeVehicles, typeInfo } = vehicleTypes(problem, (k) => fleet[k].travel, (k) => fleet[k].speedFactor);

  // --- per-order single-route feasibility -------------------------------------
  const fin = (x: number | undefined, d: number) => (x === undefined || x === null ? d : x);
  const unassigned: Unassigned[] = [];
  /** Kept tasks, a shipment's stops next to each other (pickup first). */
  const keep: number[] = [];
  // With the relaxed model, the exact evaluator decides who can be served alone (compile-solo.ts).
  const evaluator = needsWalk ? new RouteEvaluator(problem, { tasks, travel, fleet, dims: problemDims }) : undefined;
  const vehicleIds = vehicles.map((v) => v.id);
  const exact = evaluator
    ? (order: number[], quick: Unassigned | null, entry: (reason: UnassignedReason, message: string) => Unassigned) =>
      exactSoloVerdict(evaluator, order, typeVehicles, vehicleIds, quick, entry)
    : undefined;
  for (let j = 0; j < J; j++) {
    const out = soloVerdict(problem, j, typeInfo, typeVehicles, problemDims);
    const verdict = exact ? exact([j], out, (reason, message) => ({ id: jobs[j].id, reason, message })) : out;
    if (verdict === null) keep.push(j);
    else unassigned.push(verdict);
    if ((j & 31) === 31) yield;
  }
  for (let s = 0; s < shipments.length; s++) {
    const p = J + 2 * s;
    const out = soloShipmentVerdict(problem, s, p, typeInfo, typeVehicles, problemDims);
    const sh = shipments[s];
    const verdict = exact
      ? exact([p, p + 1], out, (reason, message) => ({
        id: sh.id, type: 'shipment', pickup: stopId(sh, 'pickup'), delivery: stopId(sh, 'delivery'), reason,
        message: message.replace(/the job/g, 'the shipment'),
      }))
      : out;
    if (verdict === null) keep.push(p, p + 1);
    else unassigned.push(verdict);
    if ((s & 31) === 31) yield;
  }

  // Number clients along a Z-order curve when coordinates are known: neighbours
  // get nearby indices, so the matrix rows the search reads stay in cache.
  if (travel.coordinates && keep.length > 64) {
    const c = travel.coordinates;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const t of keep) {
      const l = travel.jobLocation[t];
      x0 = Math.min(x0, c[2 * l]); x1 = Math.max(x1, c[2 * l]);
      y0 = Math.min(y0, c[2 * l + 1]); y1 = Math.max(y1, c[2 * l + 1]);
    }
    const code = new Map<number, number>();
    for (const t of keep) {
      const l = travel.jobLocation[t];
      const qx = Math.floor(((c[2 * l] - x0) / (x1 - x0 || 1)) * 65535);
      const qy = Math.floor(((c[2 * l + 1] - y0) / (y1 - y0 || 1)) * 65535);
      code.set(t, mortonCode(qx, qy));
    }
    yield;
    keep.sort((a, b) => code.get(a)! - code.get(b)! || a - b);
    yield;
  }
  const n = keep.length;
  const st = yield* searchTravelSteps(problem, fleet, keep, typeVehicles);
  const { P, virtualPoint, typeGroup, groupDist, groupDur, typeArc, typeStart, typeEnd, pointLoc } = st;
  const dist = groupDist[0] ?? new Float64Array(P * P);
  const dur = groupDur[0] ?? dist;

  const clientOf = new Map<number, number>();
  keep.forEach((t, c) => clientOf.set(t, c));
  const service = new Float64Array(n);
  const early = new Float64Array(n);
  const late = new Float64Array(n);
  const release = new Float64Array(n);
  const deadline = new Float64Array(n);
  const delivery = new Float64Array(n * dims);
  const pickup = new Float64Array(n * dims);
  const drop = new Float64Array(n * dims);
  const partner = new Int32Array(n).fill(-1);
  const isPickup = new Uint8Array(n);
  let hasTime = false;
  const relaxed = relaxedClients(problem, tasks, keep);
  for (let c = 0; c < n; c++) {
    const task = tasks.tasks[keep[c]];
    service[c] = relaxed.service[c];
    early[c] = relaxed.early[c];
    late[c] = relaxed.late[c];
    if (task.kind === 'job') {
      const job = jobs[task.owner];
      release[c] = fin(job.releaseTime, -Infinity);
      deadline[c] = fin(job.dispatchDeadline, Infinity);
      for (let d = 0; d < dims; d++) {
        delivery[c * dims + d] = job.delivery?.[d] ?? 0;
        pickup[c * dims + d] = job.pickup?.[d] ?? 0;
      }
    } else {
      release[c] = -Infinity;
      deadline[c] = Infinity;
      partner[c] = clientOf.get(task.partner)!;
      const amount = shipments[task.owner].amount;
      if (task.kind === 'pickup') {
        isPickup[c] = 1;
        for (let d = 0; d < dims; d++) pickup[c * dims + d] = amount?.[d] ?? 0;
      } else for (let d = 0; d < dims; d++) drop[c * dims + d] = amount?.[d] ?? 0;
    }
    if (countDim >= 0) pickup[c * dims + countDim] = 1; // every task counts against maxTasks
    if (Number.isFinite(early[c]) || Number.isFinite(late[c]) || Number.isFinite(release[c]) || Number.isFinite(deadline[c])) hasTime = true;
  }
  const hasShipments = partner.some((x) => x >= 0);

  const typeCap = new Float64Array(T * dims);
  const typeShiftStart = new Float64Array(T);
  const typeShiftEnd = new Float64Array(T);
  const typeFixed = new Float64Array(T);
  const typePerDist = new Float64Array(T);
  const typePerDur = new Float64Array(T);
  const typeMaxDur = new Float64Array(T);
  const typeMaxDist = new Float64Array(T);
  const typeMaxTravel = new Float64Array(T);
  const typePerTask = new Float64Array(T);
  let maxFixed = 0;
  let maxPer = 0;
  for (let t = 0; t < T; t++) {
    const ti = typeInfo[t];
    for (let d = 0; d < problemDims; d++) typeCap[t * dims + d] = ti.v.capacity?.[d] ?? Infinity;
    if (countDim >= 0) typeCap[t * dims + countDim] = ti.v.maxTasks ?? Infinity;
    typeMaxTravel[t] = ti.v.maxTravelTime ?? Infinity;
    typePerTask[t] = ti.v.costs?.perTaskTime ?? 0;
    typeShiftStart[t] = ti.shiftStart;
    // breaks are placed by the decode; the search keeps room for them (compile-relax.ts)
    const breaks = breakAllowance(ti.v);
    typeShiftEnd[t] = ti.shiftEnd - breaks;
    if (Number.isFinite(ti.shiftStart) || Number.isFinite(ti.shiftEnd)) hasTime = true;
    typeFixed[t] = ti.v.costs?.fixed ?? 0;
    typePerDist[t] = ti.v.costs?.perDistance ?? 1;
    typePerDur[t] = ti.v.costs?.perDuration ?? 0;
    typeMaxDur[t] = ti.maxDur - breaks;
    typeMaxDist[t] = ti.maxDist;
    maxFixed = Math.max(maxFixed, typeFixed[t]);
    maxPer = Math.max(maxPer, typePerDist[t] + typePerDur[t]);
  }
  let maxArc = 0;
  // the travel step knows the maxima of the matrices it built
  for (const m of new Set([...typeArc, dur])) maxArc = Math.max(maxArc, st.maxOf.get(m) ?? matrixMax(m));
  const notAllowedPenalty = 10 * (maxFixed + Math.max(1, maxPer) * maxArc * 2) + 1000;

  const assignPen = new Float64Array(n * T);
  const notAllowed = new Uint8Array(n * T);
  let hasAssignPen = false;
  const typeIds = typeVehicles.map((list) => list.map((k) => idKey(vehicles[k].id)));
  for (let c = 0; c < n; c++) {
    const task = tasks.tasks[keep[c]];
    const order = task.order;
    for (let t = 0; t < T; t++) {
      const ids = typeIds[t];
      let pen = 0;
      if (!allowedOn(order, ids, typeInfo[t], typeInfo[t].travel.jobLocation[keep[c]])) {
        notAllowed[c * T + t] = 1;
        pen += notAllowedPenalty;
      }
      if (task.kind === 'job') {
        const job = jobs[task.owner];
        if (job.preferredVehicle !== undefined && (job.reassignmentPenalty ?? 0) > 0 && !ids.includes(idKey(job.preferredVehicle))) {
          pen += job.reassignmentPenalty!;
        }
      }
      assignPen[c * T + t] = pen;
      if (pen !== 0) hasAssignPen = true;
    }
    if ((c & 63) === 63) yield;
  }

  let px: Float64Array | undefined;
  let py: Float64Array | undefined;
  const geo = T > 0 ? fleet[typeVehicles[0][0]].travel : travel;
  if (geo.coordinates) {
    px = new Float64Array(P);
    py = new Float64Array(P);
    for (let p = 0; p < P; p++) {
      const l = pointLoc[p];
      if (l >= 0) {
        px[p] = geo.coordinates[2 * l];
        py[p] = geo.coordinates[2 * l + 1];
      }
    }
    // the virtual point sits at the first depot (or the origin)
    if (virtualPoint > n) {
      px[virtualPoint] = px[n];
      py[virtualPoint] = py[n];
    }
  }

  let symmetric = true;
  // bands of 64 rows (tiles keep the column reads in cache); a step is about a band's share of the work
  for (let a = 0; a < P && symmetric; a += 64) {
    symmetric = symmetricRows(dist, P, a, Math.min(P, a + 64));
    yield;
  }
  let anyDel = false, anyPick = false;
  for (let i = 0; i < n * dims; i++) { if (delivery[i] !== 0) anyDel = true; if (pickup[i] !== 0) anyPick = true; }
  let intraDistanceOnly = !hasTime && !(anyDel && anyPick) && !hasShipments;
  for (let t = 0; t < T; t++) {
    if (typePerDur[t] !== 0 || typePerTask[t] !== 0 || Number.isFinite(typeMaxDur[t]) || Number.isFinite(typeMaxDist[t]) || Number.isFinite(typeMaxTravel[t])) intraDistanceOnly = false;
  }

  // prizes: one served task outweighs any route cost change it can cause, one unit of priority all tasks
  const optional = tasks.tasks.some((t) => t.priority > 0);
  const prize = new Float64Array(n);
  if (optional) {
    const perTask = notAllowedPenalty;
    const perPriority = perTask * (n + 1);
    for (let c = 0; c < n; c++) {
      const task = tasks.tasks[keep[c]];
      if (task.kind === 'delivery') continue;
      const stops = task.kind === 'pickup' ? 2 : 1;
      prize[c] = stops * (perTask + perPriority * task.priority);
    }
  }

  const { nbStart, nbList } = options.granularSize > 0
    ? granularNeighbours(n, P, dist, dur, service, early, late, options.granularSize, hasTime)
    : { nbStart: new Int32Array(n + 1), nbList: new Int32Array(0) };

  return {
    problem, travel, tasks, n, dims, problemDims, countDim, P, dist, dur, typeGroup, groupDist, groupDur, typeArc, typeMaxTravel, typePerTask, needsWalk, optional, prize, virtualPoint, taskIndex: Int32Array.from(keep), partner, isPickup, hasShipments,
    service, early, late, release, deadline, delivery, pickup, drop,
    T, typeVehicles, typeStart, typeEnd, typeCap, typeShiftStart, typeShiftEnd, typeFixed, typePerDist,
    typePerDur, typeMaxDur, typeMaxDist, assignPen, notAllowed, hasAssignPen, hasTime, nbStart, nbList,
    px, py, unassigned, notAllowedPenalty, intraDistanceOnly, symmetric, evaluator,
  };
}

/** Whether an order (job or shipment) may go on vehicle type `ti` (ids of its vehicles): allowedVehicles, skills, service radius. */
function allowedOn(order: { allowedVehicles?: (string | number)[]; skills?: (string | number)[] }, ids: string[], ti: TypeInfo, loc: number): boolean {
  if (order.allowedVehicles && !order.allowedVehicles.some((a) => ids.includes(idKey(a)))) return false;
  if (order.skills && order.skills.length > 0) {
    const have = new Set((ti.v.skills ?? []).map(String));
    if (!order.skills.every((x) => have.has(String(x)))) return false;
  }
  const radius = ti.v.serviceRadius;
  if (radius !== undefined && ti.start >= 0 && ti.locDist(ti.start, loc) > radius) return false;
  return true;
}
