/**
 * Travel as it is now: changed arcs of a matrix, closed or slowed roads of a
 * road network.
 *
 * - Matrix travel: `travelUpdates` are applied to a copy of the matrices.
 * - Road network travel: the reduced problem gets *matrix* travel over its
 *   points (old points first, then new ones: vehicle positions, new orders), so
 *   the solver and the checker see exactly the times computed here. The
 *   network is derived with `withClosures` / `withSpeedFactors`. When the caller
 *   passes the old matrix over `travel.points` (`baseMatrix`) and the changes
 *   only make arcs slower or closed, only the pairs whose old shortest path may
 *   have used a changed arc are recomputed (rows of the affected sources);
 *   otherwise the whole matrix is computed once on the derived network.
 * - Metric travel is unchanged.
 */
import { VrpkitError } from '../core/errors.js';
import type { Location, MatrixTravel, Problem, TravelProvider } from '../model/types.js';
import type { ReplanEvents } from './events.js';
import { RoadNetwork } from '../network/index.js';

type Point = number | string | [number, number];

/** The old matrix over `travel.points`, as a dispatch system keeps it between re-plans. */
export interface BaseMatrix {
  durations: ArrayLike<number>;
  distances: ArrayLike<number>;
}

/** How travel was brought up to date. */
export interface TravelReport {
  /**
   * `unchanged`: no travel event; `matrix-updates`: arcs replaced in a matrix copy;
   * `network-full`: the whole matrix over the points computed on the derived
   * network; `network-affected`: only the rows of affected sources recomputed.
   */
  mode: 'unchanged' | 'matrix-updates' | 'network-full' | 'network-affected';
  /** Matrix entries that changed value. */
  changedPairs: number;
  /** Source rows computed on the road network (network travel only). */
  rowsComputed?: number;
  /** Why the affected-rows shortcut was not used, when it was not. */
  note?: string;
}

type NodeId = number | string;

/** What a road network offers for re-planning (a `RoadNetwork` has all of it). */
export interface DerivableNetwork extends TravelProvider {
  withClosures?(arcs: readonly (readonly [NodeId, NodeId])[]): DerivableNetwork;
  withSpeedFactors?(factors: readonly { from: NodeId; to: NodeId; factor: number }[]): DerivableNetwork;
  /** Row-major matrix between node ids (`metric: 'duration'` → seconds, `'both'` → seconds and metres). */
  matrix?(sources: NodeId[], targets: NodeId[], options: { metric: 'duration' | 'both' }): { durations?: Float64Array; distances?: Float64Array };
  forEachArc?(fn: (from: NodeId, to: NodeId, distance: number, duration: number) => void): void;
  nearestNode?(lon: number, lat: number): { node: NodeId };
  /** One-to-many from `source` (seconds with `metric: 'duration'`). */
  distancesFrom?(source: NodeId, targets: NodeId[], options: { metric: 'duration' }): Float64Array;
  readonly nodeCount?: number;
  readonly arcCount?: number;
  /** The same network with every arc reversed, if the network can derive it cheaply. */
  reversed?(): DerivableNetwork;
  idOf?(index: number): NodeId;
}

/**
 * The network with every arc reversed (closed arcs left out), so that one
 * forward search from `u` on it gives the times from every point *to* `u`.
 * Uses `network.reversed()` when the network offers it; otherwise builds it from
 * the public arc list (O(arcs), about 2 s on a 270k-node city graph).
 */
function reversedNetwork(base: DerivableNetwork): DerivableNetwork | undefined {
  if (!base.forEachArc || base.nodeCount === undefined || !base.idOf) return undefined;
  const m = base.arcCount ?? 0;
  let k = 0;
  let numeric = true;
  base.forEachArc((f) => {
    if (typeof f !== 'number') numeric = false;
  });
  // Numeric ids (DIMACS) go in typed arrays; string keys in plain arrays.
  const from: NodeId[] | Float64Array = numeric ? new Float64Array(m) : [];
  const to: NodeId[] | Float64Array = numeric ? new Float64Array(m) : [];
  const distance = new Float64Array(m);
  const duration = new Float64Array(m);
  base.forEachArc((f, t, d, u) => {
    if (!Number.isFinite(u) || !Number.isFinite(d)) return;
    from[k] = t as number;
    to[k] = f as number;
    distance[k] = d;
    duration[k] = u;
    k++;
  });
  const nodes = Array.from({ length: base.nodeCount }, (_, i) => base.idOf!(i));
  const cut = <T extends { length: number; slice(a: number, b: number): T }>(a: T) => (a.length === k ? a : a.slice(0, k));
  return RoadNetwork.fromEdges({ from: cut(from as Float64Array), to: cut(to as Float64Array), distance: cut(distance), duration: cut(duration), nodes }, { directed: true });
}

/**
 * Brings the reduced problem's travel up to date with the events. Returns the
 * problem to solve (travel and, for road networks, locations rewritten to matrix
 * indices) and a report. Pure: the inputs are not modified.
 */
export function updateTravel(
  reduced: Problem,
  events: ReplanEvents,
  baseMatrix?: BaseMatrix,
): { problem: Problem; report: TravelReport; network?: DerivableNetwork } {
  const travel = reduced.travel;
  if (travel.type === 'matrix') {
    const updates = events.travelUpdates ?? [];
    if (updates.length === 0) return { problem: reduced, report: { mode: 'unchanged', changedPairs: 0 } };
    const size = travel.size;
    const durations = Float64Array.from(travel.durations as ArrayLike<number>);
    const distances = Float64Array.from((travel.distances ?? travel.durations) as ArrayLike<number>);
    let changedPairs = 0;
    for (const u of updates) {
      const k = u.from * size + u.to;
      const before = [durations[k], distances[k]];
      if (u.duration !== undefined) durations[k] = u.duration;
      if (u.distance !== undefined) distances[k] = u.distance;
      if (durations[k] !== before[0] || distances[k] !== before[1]) changedPairs++;
    }
    const next: MatrixTravel = { ...travel, durations, distances };
    return { problem: { ...reduced, travel: next }, report: { mode: 'matrix-updates', changedPairs } };
  }
  if (travel.type !== 'network') return { problem: reduced, report: { mode: 'unchanged', changedPairs: 0 } };

  const base = travel.network as DerivableNetwork;
  let network: DerivableNetwork = base;
  if (events.closures && events.closures.length > 0) {
    if (typeof network.withClosures !== 'function') throw new VrpkitError('travel', 'the road network cannot close arcs (no withClosures)', '/closures');
    network = network.withClosures(events.closures as [NodeId, NodeId][]);
  }
  if (events.speedFactors !== undefined) {
    if (typeof network.withSpeedFactors !== 'function') throw new VrpkitError('travel', 'the road network cannot slow arcs (no withSpeedFactors)', '/speedFactors');
    network = network.withSpeedFactors(events.speedFactors as { from: NodeId; to: NodeId; factor: number }[]);
  }

  // Index every point: the problem's points keep their indices, new ones follow.
  const points: Point[] = [...(travel.points ?? [])];
  const byKey = new Map<string, number>();
  const key = (p: Point) => (Array.isArray(p) ? `c${p[0]},${p[1]}` : `n${typeof p}:${p}`);
  points.forEach((p, i) => {
    if (!byKey.has(key(p))) byKey.set(key(p), i);
  });
  const index = (loc: Location): number => {
    if (typeof loc === 'number') return loc;
    const k = key(loc);
    let i = byKey.get(k);
    if (i === undefined) {
      i = points.length;
      points.push(loc);
      byKey.set(k, i);
    }
    return i;
  };
  const jobs = reduced.jobs.map((j) => ({ ...j, location: index(j.location) }));
  const shipments = reduced.shipments?.map((sh) => ({
    ...sh,
    pickup: { ...sh.pickup, location: index(sh.pickup.location) },
    delivery: { ...sh.delivery, location: index(sh.delivery.location) },
  }));
  const vehicles = reduced.vehicles.map((v) => {
    const out = { ...v };
    if (v.start !== undefined) out.start = index(v.start);
    if (v.end !== undefined) out.end = index(v.end);
    return out;
  });
  const size = points.length;
  const changed = network !== base;
  const { durations, distances, report } = networkMatrix(base, network, points, changed ? events : undefined, baseMatrix, travel.points?.length ?? 0);
  const coordinates = points.every((p) => Array.isArray(p)) ? (points as [number, number][]).map((p) => [p[0], p[1]] as [number, number]) : undefined;
  const next: MatrixTravel = { type: 'matrix', size, durations, distances, ...(coordinates ? { coordinates } : {}) };
  return { problem: { ...reduced, jobs, ...(shipments ? { shipments } : {}), vehicles, travel: next }, report, network };
}

function networkMatrix(
  base: DerivableNetwork,
  network: DerivableNetwork,
  points: Point[],
  events: ReplanEvents | undefined,
  baseMatrix: BaseMatrix | undefined,
  baseCount: number,
): { durations: Float64Array; distances: Float64Array; report: TravelReport } {
  const size = points.length;
  const full = (note?: string) => {
    const m = network.travelMatrix(points);
    let changedPairs = 0;
    if (events && baseMatrix) {
      for (let i = 0; i < baseCount; i++) {
        for (let j = 0; j < baseCount; j++) {
          const k = i * size + j;
          const b = i * baseCount + j;
          if (m.durations[k] !== baseMatrix.durations[b] || m.distances[k] !== baseMatrix.distances[b]) changedPairs++;
        }
      }
    }
    const report: TravelReport = { mode: events ? 'network-full' : 'unchanged', changedPairs, rowsComputed: size };
    if (note) report.note = note;
    return { durations: m.durations, distances: m.distances, report };
  };
  if (!events) return full();
  if (!baseMatrix) return full('no base matrix given: computed the whole matrix on the derived network once');
  if (baseMatrix.durations.length !== baseCount * baseCount || baseMatrix.distances.length !== baseCount * baseCount) {
    throw new VrpkitError('matrix-size', `the base matrix must be ${baseCount} × ${baseCount} (travel.points)`, 'baseMatrix');
  }
  const factors = (events.speedFactors ?? []) as { from: NodeId; to: NodeId; factor: number }[];
  if (factors.some((f) => f.factor < 1)) return full('a speed-up can shorten any path: computed the whole matrix once');
  if (!base.matrix || !base.forEachArc || !network.matrix) return full('the network offers no matrix / arc access: computed the whole matrix once');
  const arcs = [...((events.closures ?? []) as [NodeId, NodeId][]).map(([from, to]) => ({ from, to })), ...factors.filter((f) => f.factor !== 1)];
  const nodeOf = (p: Point): NodeId => {
    if (!Array.isArray(p)) return p;
    if (!base.nearestNode) throw new VrpkitError('travel', 'the network cannot snap coordinates', 'travel/points');
    return base.nearestNode(p[0], p[1]).node;
  };
  const nodes = points.map(nodeOf);
  const oldNodes = nodes.slice(0, baseCount);
  const affected = affectedRows(base, oldNodes, arcs, baseMatrix.durations);

  // Start from the old matrix; recompute affected rows and everything touching new points.
  const durations = new Float64Array(size * size);
  const distances = new Float64Array(size * size);
  for (let i = 0; i < baseCount; i++) {
    for (let j = 0; j < baseCount; j++) {
      durations[i * size + j] = baseMatrix.durations[i * baseCount + j];
      distances[i * size + j] = baseMatrix.distances[i * baseCount + j];
    }
  }
  const rows: number[] = [];
  for (let i = 0; i < size; i++) if (i >= baseCount || affected[i]) rows.push(i);
  let changedPairs = 0;
  if (rows.length > 0) {
    const m = network.matrix(rows.map((i) => nodes[i]), nodes, { metric: 'both' });
    rows.forEach((i, r) => {
      for (let j = 0; j < size; j++) {
        const k = i * size + j;
        const d = m.durations![r * size + j];
        const x = m.distances![r * size + j];
        if (i < baseCount && j < baseCount && (d !== durations[k] || x !== distances[k])) changedPairs++;
        durations[k] = d;
        distances[k] = x;
      }
    });
  }
  const others: number[] = [];
  for (let i = 0; i < baseCount; i++) if (!affected[i]) others.push(i);
  if (size > baseCount && others.length > 0) {
    const newNodes = nodes.slice(baseCount);
    const m = network.matrix(others.map((i) => nodes[i]), newNodes, { metric: 'both' });
    const cols = newNodes.length;
    others.forEach((i, r) => {
      for (let c = 0; c < cols; c++) {
        durations[i * size + baseCount + c] = m.durations![r * cols + c];
        distances[i * size + baseCount + c] = m.distances![r * cols + c];
      }
    });
  }
  return {
    durations,
    distances,
    report: { mode: 'network-affected', changedPairs, rowsComputed: rows.length, note: `${rows.length - (size - baseCount)} of ${baseCount} rows affected by the changed arcs` },
  };
}

/**
 * Rows (sources) of the old matrix whose fastest path to some point may use a
 * changed arc u → v: `d(i, u) + w(u, v) + d(v, j) ≤ d(i, j)` (with a relative
 * tolerance, so ties count as affected). Exact for closures and slow-downs:
 * weights only grow, so a fastest path that avoids every changed arc stays
 * fastest. Costs one search per point (to the arc tails, stopping early) and
 * one per arc head, on the old network.
 */
function affectedRows(base: DerivableNetwork, nodes: NodeId[], arcs: { from: NodeId; to: NodeId }[], old: ArrayLike<number>): Uint8Array {
  const n = nodes.length;
  const affected = new Uint8Array(n);
  if (arcs.length === 0 || n === 0) return affected;
  const key = (a: NodeId, b: NodeId) => `${typeof a}:${a}|${typeof b}:${b}`;
  const weight = new Map<string, number>();
  for (const a of arcs) weight.set(key(a.from, a.to), Infinity);
  base.forEachArc!((from, to, _distance, duration) => {
    const k = key(from, to);
    const w = weight.get(k);
    if (w !== undefined && duration < w) weight.set(k, duration);
  });
  const tails = [...new Set(arcs.map((a) => a.from))];
  const heads = [...new Set(arcs.map((a) => a.to))];
  const tailIndex = new Map(tails.map((t, i) => [t, i]));
  const headIndex = new Map(heads.map((h, i) => [h, i]));
  const T = tails.length;
  // Times from every point to each tail: one backward search per tail on the
  // reversed network (or, without one, one forward search per point).
  let toTail: Float64Array;
  const reversed = typeof base.reversed === 'function' ? base.reversed() : reversedNetwork(base);
  if (reversed?.matrix) {
    const cols = reversed.matrix(tails, nodes, { metric: 'duration' }).durations!;
    toTail = new Float64Array(n * T);
    for (let t = 0; t < T; t++) for (let i = 0; i < n; i++) toTail[i * T + t] = cols[t * n + i];
  } else {
    toTail = base.matrix!(nodes, tails, { metric: 'duration' }).durations!;
  }
  const fromHead = base.matrix!(heads, nodes, { metric: 'duration' }).durations!;
  for (let i = 0; i < n; i++) {
    for (const a of arcs) {
      const w = weight.get(key(a.from, a.to))!;
      const du = toTail[i * T + tailIndex.get(a.from)!];
      if (!Number.isFinite(du + w)) continue;
      const h = headIndex.get(a.to)!;
      let hit = false;
      for (let j = 0; j < n && !hit; j++) {
        const via = du + w + fromHead[h * n + j];
        const dij = old[i * n + j];
        if (Number.isFinite(via) && via <= dij + 1e-9 * Math.abs(dij) + 1e-9) hit = true;
      }
      if (hit) {
        affected[i] = 1;
        break;
      }
    }
  }
  return affected;
}

