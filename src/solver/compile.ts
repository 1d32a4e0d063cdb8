/**
 * Compiling a `Problem` into the flat typed arrays the search works on.
 *
 * Clients are the jobs that at least one vehicle type can serve on its own,
 * numbered 0..n-1 (`jobIndex` maps back). Travel is a dense matrix over
 * "points": point c < n is client c, then one point per distinct vehicle
 * start/end location, then one virtual point with zero travel to and from
 * everything (the start or end of an open route). Vehicles with identical
 * attributes form one vehicle type with a count.
 */
import { VrpkitError, pointer } from '../core/errors.js';
import { resolveTravel, type ResolvedTravel } from '../model/travel.js';
import type { Problem, Unassigned } from '../model/types.js';
import { granularNeighbours, mortonCode } from './neighbours.js';
import { soloVerdict } from './solo.js';

/** Replacement for an infinite (unreachable) arc inside the search: huge but finite. */
export const UNREACHABLE_ARC = 1e9;

export interface CompiledProblem {
  problem: Problem;
  travel: ResolvedTravel;
  /** Number of clients (servable jobs). */
  n: number;
  /** Capacity dimensions (≥ 1). */
  dims: number;
  /** Number of points (clients + depots + virtual). */
  P: number;
  /** Row-major P × P; Float32 when every value is an integer that float32 holds exactly (less memory traffic). */
  dist: Float64Array | Float32Array;
  /** The same array as `dist` when durations equal distances. */
  dur: Float64Array | Float32Array;
  /** Point index of the virtual location. */
  virtualPoint: number;
  jobIndex: Int32Array;
  service: Float64Array;
  early: Float64Array;
  late: Float64Array;
  release: Float64Array;
  deadline: Float64Array;
  delivery: Float64Array;
  pickup: Float64Array;
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
  /** Jobs removed before the search, with reasons. */
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
  const travel = resolveTravel(problem);
  const jobs = problem.jobs;
  const vehicles = problem.vehicles;
  let dims = 1;
  for (const j of jobs) dims = Math.max(dims, j.delivery?.length ?? 0, j.pickup?.length ?? 0);
  for (const v of vehicles) dims = Math.max(dims, v.capacity?.length ?? 0);
  for (let j = 0; j < jobs.length; j++) {
    if (jobs[j].timeWindows && jobs[j].timeWindows!.length > 1) {
      throw new VrpkitError(
        'unsupported',
        'the solver supports at most one time window per job for now',
        pointer('jobs', j, 'timeWindows'),
      );
    }
  }

  // --- vehicle types -------------------------------------------------------
  const referenced = new Set<string>();
  for (const j of jobs) {
    for (const a of j.allowedVehicles ?? []) referenced.add(String(a));
    if (j.preferredVehicle !== undefined) referenced.add(String(j.preferredVehicle));
  }
  const typeKey = new Map<string, number>();
  const typeVehicles: number[][] = [];
  const vehicleType = new Int32Array(vehicles.length);
  vehicles.forEach((v, k) => {
    const key = JSON.stringify([
      travel.vehicleStart[k],
      travel.vehicleEnd[k],
      v.capacity ?? null,
      v.shift ?? null,
      v.costs?.fixed ?? 0,
      v.costs?.perDistance ?? 1,
      v.costs?.perDuration ?? 0,
      v.maxDuration ?? null,
      v.maxDistance ?? null,
      referenced.has(String(v.id)) ? String(v.id) : null,
    ]);
    let t = typeKey.get(key);
    if (t === undefined) {
      t = typeVehicles.length;
      typeKey.set(key, t);
      typeVehicles.push([]);
    }
    typeVehicles[t].push(k);
    vehicleType[k] = t;
  });
  const T = typeVehicles.length;

  // --- points ----------------------------------------------------------------
  const depotPoint = new Map<number, number>();
  const depotLocs: number[] = [];
  for (let k = 0; k < vehicles.length; k++) {
    for (const l of [travel.vehicleStart[k], travel.vehicleEnd[k]]) {
      if (l >= 0 && !depotPoint.has(l)) {
        depotPoint.set(l, depotLocs.length);
        depotLocs.push(l);
      }
    }
  }

  // --- per-job single-route feasibility -------------------------------------
  const fin = (x: number | undefined, d: number) => (x === undefined || x === null ? d : x);
  const unassigned: Unassigned[] = [];
  const keep: number[] = [];
  const typeInfo = typeVehicles.map((list) => {
    const v = vehicles[list[0]];
    const k = list[0];
    return {
      v,
      start: travel.vehicleStart[k],
      end: travel.vehicleEnd[k],
      shiftStart: fin(v.shift?.[0], -Infinity),
      shiftEnd: fin(v.shift?.[1], Infinity),
      maxDur: fin(v.maxDuration, Infinity),
      maxDist: fin(v.maxDistance, Infinity),
    };
  });
  const locDur = (a: number, b: number) => (a < 0 || b < 0 ? 0 : travel.duration(a, b));
  const locDist = (a: number, b: number) => (a < 0 || b < 0 ? 0 : travel.distance(a, b));
  for (let j = 0; j < jobs.length; j++) {
    const out = soloVerdict(problem, j, travel.jobLocation[j], typeInfo, typeVehicles, locDur, locDist, dims);
    if (out === null) keep.push(j);
    else unassigned.push(out);
  }

  // Number clients along a Z-order curve when coordinates are known: neighbours
  // get nearby indices, so the matrix rows the search reads stay in cache.
  if (travel.coordinates && keep.length > 64) {
    const c = travel.coordinates;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const j of keep) {
      const l = travel.jobLocation[j];
      x0 = Math.min(x0, c[2 * l]); x1 = Math.max(x1, c[2 * l]);
      y0 = Math.min(y0, c[2 * l + 1]); y1 = Math.max(y1, c[2 * l + 1]);
    }
    const code = new Map<number, number>();
    for (const j of keep) {
      const l = travel.jobLocation[j];
      const qx = Math.floor(((c[2 * l] - x0) / (x1 - x0 || 1)) * 65535);
      const qy = Math.floor(((c[2 * l + 1] - y0) / (y1 - y0 || 1)) * 65535);
      code.set(j, mortonCode(qx, qy));
    }
    keep.sort((a, b) => code.get(a)! - code.get(b)! || a - b);
  }
  const n = keep.length;
  const virtualPoint = n + depotLocs.length;
  const P = virtualPoint + 1;
  const pointLoc = new Int32Array(P);
  for (let c = 0; c < n; c++) pointLoc[c] = travel.jobLocation[keep[c]];
  for (let d = 0; d < depotLocs.length; d++) pointLoc[n + d] = depotLocs[d];
  pointLoc[virtualPoint] = -1;
  let dist: Float64Array | Float32Array = new Float64Array(P * P);
  let dur: Float64Array | Float32Array = new Float64Array(P * P);
  for (let a = 0; a < P; a++) {
    const la = pointLoc[a];
    if (la < 0) continue;
    for (let b = 0; b < P; b++) {
      const lb = pointLoc[b];
      if (lb < 0) continue;
      let x = travel.distance(la, lb);
      let y = travel.duration(la, lb);
      if (!Number.isFinite(x)) x = UNREACHABLE_ARC;
      if (!Number.isFinite(y)) y = UNREACHABLE_ARC;
      dist[a * P + b] = x;
      dur[a * P + b] = y;
    }
  }
  let same = true, integral = true;
  for (let i = 0; i < P * P; i++) {
    if (dist[i] !== dur[i]) same = false;
    if (!Number.isInteger(dist[i]) || !Number.isInteger(dur[i])) integral = false;
    else if ((Math.abs(dist[i]) > 16_777_216 && dist[i] !== UNREACHABLE_ARC) || (Math.abs(dur[i]) > 16_777_216 && dur[i] !== UNREACHABLE_ARC)) integral = false;
  }
  if (integral) {
    dist = Float32Array.from(dist);
    dur = same ? dist : Float32Array.from(dur);
  } else if (same) dur = dist;

  const service = new Float64Array(n);
  const early = new Float64Array(n);
  const late = new Float64Array(n);
  const release = new Float64Array(n);
  const deadline = new Float64Array(n);
  const delivery = new Float64Array(n * dims);
  const pickup = new Float64Array(n * dims);
  let hasTime = false;
  for (let c = 0; c < n; c++) {
    const job = jobs[keep[c]];
    service[c] = job.serviceDuration ?? 0;
    const tw = job.timeWindows?.[0];
    early[c] = tw ? tw[0] : -Infinity;
    late[c] = tw ? tw[1] : Infinity;
    release[c] = fin(job.releaseTime, -Infinity);
    deadline[c] = fin(job.dispatchDeadline, Infinity);
    if (Number.isFinite(early[c]) || Number.isFinite(late[c]) || Number.isFinite(release[c]) || Number.isFinite(deadline[c])) hasTime = true;
    for (let d = 0; d < dims; d++) {
      delivery[c * dims + d] = job.delivery?.[d] ?? 0;
      pickup[c * dims + d] = job.pickup?.[d] ?? 0;
    }
  }

  const typeStart = new Int32Array(T);
  const typeEnd = new Int32Array(T);
  const typeCap = new Float64Array(T * dims);
  const typeShiftStart = new Float64Array(T);
  const typeShiftEnd = new Float64Array(T);
  const typeFixed = new Float64Array(T);
  const typePerDist = new Float64Array(T);
  const typePerDur = new Float64Array(T);
  const typeMaxDur = new Float64Array(T);
  const typeMaxDist = new Float64Array(T);
  let maxFixed = 0;
  let maxPer = 0;
  for (let t = 0; t < T; t++) {
    const ti = typeInfo[t];
    typeStart[t] = ti.start >= 0 ? n + depotPoint.get(ti.start)! : virtualPoint;
    typeEnd[t] = ti.end >= 0 ? n + depotPoint.get(ti.end)! : virtualPoint;
    for (let d = 0; d < dims; d++) typeCap[t * dims + d] = ti.v.capacity?.[d] ?? Infinity;
    typeShiftStart[t] = ti.shiftStart;
    typeShiftEnd[t] = ti.shiftEnd;
    if (Number.isFinite(ti.shiftStart) || Number.isFinite(ti.shiftEnd)) hasTime = true;
    typeFixed[t] = ti.v.costs?.fixed ?? 0;
    typePerDist[t] = ti.v.costs?.perDistance ?? 1;
    typePerDur[t] = ti.v.costs?.perDuration ?? 0;
    typeMaxDur[t] = ti.maxDur;
    typeMaxDist[t] = ti.maxDist;
    maxFixed = Math.max(maxFixed, typeFixed[t]);
    maxPer = Math.max(maxPer, typePerDist[t] + typePerDur[t]);
  }
  let maxArc = 0;
  for (let i = 0; i < P * P; i++) {
    const a = dist[i] + dur[i];
    if (a < UNREACHABLE_ARC && a > maxArc) maxArc = a;
  }
  const notAllowedPenalty = 10 * (maxFixed + maxPer * maxArc * 2) + 1000;

  const assignPen = new Float64Array(n * T);
  const notAllowed = new Uint8Array(n * T);
  let hasAssignPen = false;
  for (let c = 0; c < n; c++) {
    const job = jobs[keep[c]];
    for (let t = 0; t < T; t++) {
      const ids = typeVehicles[t].map((k) => String(vehicles[k].id));
      let pen = 0;
      if (job.allowedVehicles && !job.allowedVehicles.some((a) => ids.includes(String(a)))) {
        notAllowed[c * T + t] = 1;
        pen += notAllowedPenalty;
      }
      if (job.preferredVehicle !== undefined && (job.reassignmentPenalty ?? 0) > 0 && !ids.includes(String(job.preferredVehicle))) {
        pen += job.reassignmentPenalty!;
      }
      assignPen[c * T + t] = pen;
      if (pen !== 0) hasAssignPen = true;
    }
  }

  let px: Float64Array | undefined;
  let py: Float64Array | undefined;
  if (travel.coordinates) {
    px = new Float64Array(P);
    py = new Float64Array(P);
    for (let p = 0; p < P; p++) {
      const l = pointLoc[p];
      if (l >= 0) {
        px[p] = travel.coordinates[2 * l];
        py[p] = travel.coordinates[2 * l + 1];
      }
    }
    // the virtual point sits at the first depot (or the origin)
    if (depotLocs.length > 0) {
      px[virtualPoint] = px[n];
      py[virtualPoint] = py[n];
    }
  }

  let symmetric = true;
  for (let a = 0; a < P && symmetric; a++) for (let b = a + 1; b < P; b++) if (dist[a * P + b] !== dist[b * P + a]) { symmetric = false; break; }
  let anyDel = false, anyPick = false;
  for (let i = 0; i < n * dims; i++) { if (delivery[i] !== 0) anyDel = true; if (pickup[i] !== 0) anyPick = true; }
  let intraDistanceOnly = !hasTime && !(anyDel && anyPick);
  for (let t = 0; t < T; t++) {
    if (typePerDur[t] !== 0 || Number.isFinite(typeMaxDur[t]) || Number.isFinite(typeMaxDist[t])) intraDistanceOnly = false;
  }

  const { nbStart, nbList } = options.granularSize > 0
    ? granularNeighbours(n, P, dist, dur, service, early, late, options.granularSize, hasTime)
    : { nbStart: new Int32Array(n + 1), nbList: new Int32Array(0) };

  return {
    problem, travel, n, dims, P, dist, dur, virtualPoint, jobIndex: Int32Array.from(keep),
    service, early, late, release, deadline, delivery, pickup,
    T, typeVehicles, typeStart, typeEnd, typeCap, typeShiftStart, typeShiftEnd, typeFixed, typePerDist,
    typePerDur, typeMaxDur, typeMaxDist, assignPen, notAllowed, hasAssignPen, hasTime, nbStart, nbList,
    px, py, unassigned, notAllowedPenalty, intraDistanceOnly, symmetric,
  };
}
