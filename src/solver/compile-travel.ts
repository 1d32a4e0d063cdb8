/**
 * Points and travel matrices of the search. Point c < n is client c; then one
 * point per distinct (travel group, depot location); then one virtual point
 * with zero travel to and from everything (an open start or end). A travel
 * group is a travel definition (profile) with a speed factor: each has dense
 * P × P distance and duration matrices (durations divided by the speed
 * factor). Every vehicle type also gets an arc-cost matrix — what one arc
 * costs it: `perDistance × distance + perTravelTime × duration`, or its
 * travel's `costs` matrix — the same array as the distances in the common
 * case (perDistance 1, nothing else), so the search's bounds read one matrix.
 */
import type { VehicleTravel } from '../model/fleet-travel.js';
import type { ResolvedTravel } from '../model/travel.js';
import type { Problem } from '../model/types.js';
import { runSteps, type Steps } from '../core/pacer.js';

/** Replacement for an infinite (unreachable) arc inside the search: huge but finite. */
export const UNREACHABLE_ARC = 1e9;

export type Matrix = Float64Array | Float32Array;

export interface SearchTravel {
  P: number;
  virtualPoint: number;
  /** Travel group of every vehicle type, and per group its matrices. */
  typeGroup: Int32Array;
  groupDist: Matrix[];
  groupDur: Matrix[];
  /** Arc-cost matrix of every vehicle type (may be the same array as its group's distances). */
  typeArc: Matrix[];
  typeStart: Int32Array;
  typeEnd: Int32Array;
  /** Location index of every point in group 0's travel (−1: virtual), for geometry. */
  pointLoc: Int32Array;
  /** Largest entry below `UNREACHABLE_ARC` (at least 0) of every matrix above. */
  maxOf: Map<Matrix, number>;
}

/** Builds the points and matrices for clients `keep` (task indices) and the given vehicle types. */
export function searchTravel(
  problem: Problem, fleet: VehicleTravel[], keep: number[], typeVehicles: number[][],
): SearchTravel {
  return runSteps(searchTravelSteps(problem, fleet, keep, typeVehicles));
}

/** `searchTravel` as steps (core/pacer.ts): yields after about every 16,384 matrix entries. */
export function* searchTravelSteps(
  problem: Problem, fleet: VehicleTravel[], keep: number[], typeVehicles: number[][],
): Steps<SearchTravel> {
  const n = keep.length;
  const T = typeVehicles.length;
  // travel groups: (resolved travel, speed factor)
  const groupKey = new Map<string, number>();
  const groups: VehicleTravel[] = [];
  const typeGroup = new Int32Array(T);
  const travelIds = new Map<ResolvedTravel, number>();
  for (let t = 0; t < T; t++) {
    const vt = fleet[typeVehicles[t][0]];
    if (!travelIds.has(vt.travel)) travelIds.set(vt.travel, travelIds.size);
    const key = `${travelIds.get(vt.travel)}:${vt.speedFactor}`;
    let g = groupKey.get(key);
    if (g === undefined) {
      g = groups.length;
      groupKey.set(key, g);
      groups.push(vt);
    }
    typeGroup[t] = g;
  }
  // depot points: one per (group, location)
  const depotPoint = new Map<string, number>();
  const depots: { g: number; loc: number }[] = [];
  const depotOf = (g: number, loc: number): number => {
    const key = `${g}:${loc}`;
    let p = depotPoint.get(key);
    if (p === undefined) {
      p = n + depots.length;
      depotPoint.set(key, p);
      depots.push({ g, loc });
    }
    return p;
  };
  const typeStart = new Int32Array(T), typeEnd = new Int32Array(T);
  const startLoc: number[] = [], endLoc: number[] = [];
  for (let t = 0; t < T; t++) {
    const k = typeVehicles[t][0];
    const travel = fleet[k].travel;
    startLoc.push(travel.vehicleStart[k]);
    endLoc.push(travel.vehicleEnd[k]);
  }
  for (let t = 0; t < T; t++) if (startLoc[t] >= 0) typeStart[t] = depotOf(typeGroup[t], startLoc[t]);
  for (let t = 0; t < T; t++) if (endLoc[t] >= 0) typeEnd[t] = depotOf(typeGroup[t], endLoc[t]);
  const virtualPoint = n + depots.length;
  const P = virtualPoint + 1;
  const rowsPerStep = Math.max(1, Math.floor(16_384 / P));
  for (let t = 0; t < T; t++) {
    if (startLoc[t] < 0) typeStart[t] = virtualPoint;
    if (endLoc[t] < 0) typeEnd[t] = virtualPoint;
  }
  // matrices per group
  const groupDist: Matrix[] = [], groupDur: Matrix[] = [];
  const locOf = (g: number, p: number): number => {
    if (p < n) return groups[g].travel.jobLocation[keep[p]];
    if (p === virtualPoint) return -1;
    const d = depots[p - n];
    return d.g === g ? d.loc : -1; // another group's depot: never used by this group's routes
  };
  const maxOf = new Map<Matrix, number>();
  for (let g = 0; g < groups.length; g++) {
    const { travel, speedFactor } = groups[g];
    const loc = new Int32Array(P);
    for (let p = 0; p < P; p++) loc[p] = locOf(g, p);
    let dist: Matrix = new Float64Array(P * P);
    let dur: Matrix = new Float64Array(P * P);
    // one pass per row (plain helper, so the engine optimises it): values, whether they fit Float32, and the maxima
    const acc = { flags: 0, maxDist: 0, maxDur: 0 };
    const sameFn = travel.duration === travel.distance && speedFactor === 1;
    for (let a = 0; a < P; a++) {
      const la = loc[a];
      if (la >= 0) fillRow(travel, speedFactor, sameFn, la, loc, a * P, dist, dur, acc);
      if (a % rowsPerStep === rowsPerStep - 1) yield;
    }
    // Float32 when every value is an integer float32 holds exactly (less memory traffic)
    const same = (acc.flags & DIFFERENT) === 0, integral = (acc.flags & NOT_FLOAT32) === 0;
    if (integral) {
      dist = Float32Array.from(dist);
      yield;
      dur = same ? dist : Float32Array.from(dur);
    } else if (same) dur = dist;
    groupDist.push(dist);
    groupDur.push(dur);
    maxOf.set(dist, acc.maxDist);
    if (dur !== dist) maxOf.set(dur, acc.maxDur);
  }
  // arc costs per type
  const typeArc: Matrix[] = [];
  for (let t = 0; t < T; t++) {
    const g = typeGroup[t];
    const k = typeVehicles[t][0];
    const costs = problem.vehicles[k].costs;
    const vt = fleet[k];
    const perDist = costs?.perDistance ?? 1, perTravel = costs?.perTravelTime ?? 0;
    if (!vt.costs && perDist === 1 && perTravel === 0) {
      typeArc.push(groupDist[g]);
      continue;
    }
    const dist = groupDist[g], dur = groupDur[g];
    const arc = new Float64Array(P * P);
    const size = vt.travel.size;
    for (let a = 0; a < P; a++) {
      const la = locOf(g, a);
      for (let b = 0; b < P; b++) {
        const lb = locOf(g, b);
        if (vt.costs) arc[a * P + b] = la < 0 || lb < 0 ? 0 : Number.isFinite(vt.costs[la * size + lb]) ? vt.costs[la * size + lb] : UNREACHABLE_ARC;
        else arc[a * P + b] = perDist * dist[a * P + b] + perTravel * dur[a * P + b];
      }
      if (a % rowsPerStep === rowsPerStep - 1) yield;
    }
    typeArc.push(arc);
    maxOf.set(arc, matrixMax(arc));
  }
  const pointLoc = new Int32Array(P);
  for (let p = 0; p < P; p++) pointLoc[p] = locOf(typeGroup[0] ?? 0, p);
  return { P, virtualPoint, typeGroup, groupDist, groupDur, typeArc, typeStart, typeEnd, pointLoc, maxOf };
}

/** `fillRow` flags: some duration differs from its distance; some value is not an integer Float32 holds exactly. */
const DIFFERENT = 1;
const NOT_FLOAT32 = 2;
/** Largest integer up to which every integer is exact in Float32. */
const FLOAT32_EXACT = 16_777_216;

/**
 * Fills row `la` → every point of `dist` and `dur` (from offset `off`) with the
 * travel's arcs (non-finite ones as `UNREACHABLE_ARC`), adding to `acc` the
 * `DIFFERENT` / `NOT_FLOAT32` flags and the largest reachable distance and duration.
 */
function fillRow(
  travel: ResolvedTravel, speedFactor: number, sameFn: boolean, la: number, loc: Int32Array, off: number,
  dist: Matrix, dur: Matrix, acc: { flags: number; maxDist: number; maxDur: number },
): void {
  let flags = acc.flags, maxDist = acc.maxDist, maxDur = acc.maxDur;
  const P = loc.length;
  for (let b = 0; b < P; b++) {
    const lb = loc[b];
    if (lb < 0) continue;
    let x = travel.distance(la, lb);
    let y = sameFn ? x : travel.duration(la, lb) / speedFactor;
    if (!Number.isFinite(x)) x = UNREACHABLE_ARC;
    if (!Number.isFinite(y)) y = UNREACHABLE_ARC;
    dist[off + b] = x;
    dur[off + b] = y;
    if (x !== y) flags |= DIFFERENT;
    if (!Number.isInteger(x) || !Number.isInteger(y)) flags |= NOT_FLOAT32;
    else if ((Math.abs(x) > FLOAT32_EXACT && x !== UNREACHABLE_ARC) || (Math.abs(y) > FLOAT32_EXACT && y !== UNREACHABLE_ARC)) flags |= NOT_FLOAT32;
    if (x < UNREACHABLE_ARC && x > maxDist) maxDist = x;
    if (y < UNREACHABLE_ARC && y > maxDur) maxDur = y;
  }
  acc.flags = flags;
  acc.maxDist = maxDist;
  acc.maxDur = maxDur;
}

/** Largest entry of `m` below `UNREACHABLE_ARC` (0 when none is above 0). */
export function matrixMax(m: Matrix): number {
  let max = 0;
  for (let i = 0; i < m.length; i++) if (m[i] < UNREACHABLE_ARC && m[i] > max) max = m[i];
  return max;
}

/**
 * Whether rows `a0 .. a1 − 1` of the square matrix `m` (side `P`) equal the
 * matching columns (m[a][b] === m[b][a] for every b > a). Walks 64 × 64
 * tiles, so the column reads stay in cache.
 */
export function symmetricRows(m: Matrix, P: number, a0: number, a1: number): boolean {
  for (let b0 = a0; b0 < P; b0 += 64) {
    const b1 = Math.min(P, b0 + 64);
    for (let a = a0; a < a1; a++) {
      for (let b = b0 > a ? b0 : a + 1; b < b1; b++) if (m[a * P + b] !== m[b * P + a]) return false;
    }
  }
  return true;
}
