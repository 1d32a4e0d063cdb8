/**
 * What the search reads about the problem, for one fleet layout: the
 * compiled problem, the vehicle type of every route slot, and one
 * single-visit segment per search node — clients 0..n-1, then a start and an
 * end sentinel per route slot (start n + 2r, end n + 2r + 1) carrying the
 * slot's depot point and shift. Penalty weights live here too, so every
 * accumulator prices with the same weights.
 */
import type { CompiledProblem } from '../compile.js';
import { SegmentTable } from './table.js';
import type { SearchRoutes } from './routes.js';

export class SearchData {
  readonly n: number;
  readonly R: number;
  /** Number of search nodes: clients plus two sentinels per route slot. */
  readonly N: number;
  readonly dims: number;
  readonly P: number;
  /** Distances and durations of the first travel group (estimates). */
  readonly dist: Float64Array | Float32Array;
  readonly dur: Float64Array | Float32Array;
  /** Per vehicle type: distance, duration and arc-cost matrices, and whether the arc costs are symmetric. */
  readonly typeDist: (Float64Array | Float32Array)[];
  readonly typeDur: (Float64Array | Float32Array)[];
  readonly typeArc: (Float64Array | Float32Array)[];
  readonly arcSymmetric: Uint8Array;
  /** Whether a segment priced for type a may stand, as stored, in a route of type b (same matrices, no type-specific penalties). */
  readonly sameTravel: Uint8Array;
  /** Single-visit segments of every node (sentinels: their slot's depot and shift). */
  readonly visits: SegmentTable;
  /** Per client: its shipment partner (client index), -1 for a job. */
  readonly partner: Int32Array;
  /** Per client: 1 for a shipment's pickup. */
  readonly isPickup: Uint8Array;
  readonly hasShipments: boolean;
  /** Penalty per unit of load excess. */
  wQ = 1;
  /** Penalty per unit of time warp (and of max duration / distance excess). */
  wTW = 1;
  /** The objective's term added to every solution total (balance, makespan: search/objective.ts), or null. */
  extraPrice: ((rs: SearchRoutes) => number) | null = null;
  /** The objective's per-route term of a measure (0 duration, 1 distance, 2 stops, 3 end time), priced into every route (search/objective.ts), or null. */
  routeTerm: { measure: number; term: (x: number) => number } | null = null;

  constructor(readonly cp: CompiledProblem, readonly slotType: Int32Array) {
    const n = (this.n = cp.n);
    const R = (this.R = slotType.length);
    const N = (this.N = n + 2 * R);
    const dims = (this.dims = cp.dims);
    this.P = cp.P;
    this.dist = cp.dist;
    this.dur = cp.dur;
    const T = cp.T;
    this.typeDist = [];
    this.typeDur = [];
    this.typeArc = cp.typeArc;
    this.arcSymmetric = new Uint8Array(T);
    const symmetric = new Map<Float64Array | Float32Array, boolean>();
    for (let t = 0; t < T; t++) {
      this.typeDist.push(cp.groupDist[cp.typeGroup[t]]);
      this.typeDur.push(cp.groupDur[cp.typeGroup[t]]);
      const arc = cp.typeArc[t];
      // the compiler already knows whether its first distance matrix is symmetric
      let sym = arc === cp.dist ? cp.symmetric : symmetric.get(arc);
      if (sym === undefined) {
        sym = true;
        const P = cp.P;
        for (let a = 0; a < P && sym; a++) for (let b = a + 1; b < P; b++) if (arc[a * P + b] !== arc[b * P + a]) { sym = false; break; }
        symmetric.set(arc, sym);
      }
      this.arcSymmetric[t] = sym ? 1 : 0;
    }
    this.sameTravel = new Uint8Array(T * T);
    for (let a = 0; a < T; a++) {
      for (let b = 0; b < T; b++) {
        this.sameTravel[a * T + b] =
          a === b || (!cp.hasAssignPen && cp.typeGroup[a] === cp.typeGroup[b] && cp.typeArc[a] === cp.typeArc[b]) ? 1 : 0;
      }
    }
    this.partner = cp.partner;
    this.isPickup = cp.isPickup;
    this.hasShipments = cp.hasShipments;
    const v = (this.visits = new SegmentTable(N, dims));
    const t = v.time, l = v.load;
    for (let c = 0; c < n; c++) {
      v.first[c] = v.last[c] = c;
      v.count[c] = 1;
      t.duration[c] = cp.service[c];
      v.task[c] = cp.service[c];
      t.earliest[c] = cp.early[c];
      t.latest[c] = cp.late[c];
      t.release[c] = cp.release[c];
      t.deadline[c] = cp.deadline[c];
      for (let d = 0; d < dims; d++) {
        // a job's delivery rides from the start; a pickup (job or shipment) loads, a shipment's delivery unloads
        const del = cp.delivery[c * dims + d], gain = cp.pickup[c * dims + d] - cp.drop[c * dims + d];
        l.delivery[c * dims + d] = del;
        l.net[c * dims + d] = gain - del;
        l.peak[c * dims + d] = del > gain ? del : gain;
      }
    }
    for (let r = 0; r < R; r++) {
      const ty = slotType[r];
      for (const s of [n + 2 * r, n + 2 * r + 1]) {
        v.first[s] = v.last[s] = s === n + 2 * r ? cp.typeStart[ty] : cp.typeEnd[ty];
        t.earliest[s] = cp.typeShiftStart[ty];
        t.latest[s] = cp.typeShiftEnd[ty];
        t.release[s] = -Infinity;
        t.deadline[s] = Infinity;
      }
    }
  }

  startOf(r: number): number {
    return this.n + 2 * r;
  }

  endOf(r: number): number {
    return this.n + 2 * r + 1;
  }

  /** Distance between the points of two nodes (first travel group: an estimate). */
  d(a: number, b: number): number {
    const f = this.visits.first;
    return this.dist[f[a] * this.P + f[b]];
  }

  /** Arc cost between the points of two nodes for vehicle type t. */
  arc(t: number, a: number, b: number): number {
    const f = this.visits.first;
    return this.typeArc[t][f[a] * this.P + f[b]];
  }
}
