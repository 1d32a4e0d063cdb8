/**
 * `RoadNetwork`: an immutable road graph compiled into flat typed arrays, with
 * shortest paths, one-to-many searches, travel matrices and snapping.
 *
 * Units: distances are reported in metres and durations in seconds. Arc
 * distances are stored in the source's units (DIMACS OSM files: decimetres, with
 * `metresPerUnit: 0.1`) so sums of integer weights stay exact; results are
 * converted once at the end. Where a source has no travel times they are
 * derived from a speed (`speedKmh`, default 50 km/h).
 *
 * Public node ids go in and out: DIMACS node numbers (1-based, as in the file),
 * graphology keys, edge-list ids, or 0-based node numbers for GeoJSON.
 */
import { VrpkitError, pointer } from '../core/errors.js';
import { GeoIndex } from '../geo/nearest.js';
import { potentialScales } from './potentials.js';
import type { OnDemandTravel, TravelProvider } from '../model/types.js';
import { travelOnDemand } from './on-demand.js';
import type { NodeId } from './ids.js';
import { ALGORITHMS } from './types.js';
import type { MatrixMetric, Metric, NetworkMemory, PathAlgorithm, PathOptions, PathResult, SnappedPoint, TravelMatrix } from './types.js';
import type { NetworkParts } from './parts.js';
import { compileArcs, reversedTopology, type Topology } from './topology.js';
import { overlayPath } from './overlay-path.js';
import { chainStructure, overlayWeights, primaryOnly, reversedOverlayWeights, type OverlayWeights } from './overlay.js';
import { overlayOneToAll } from './overlay-matrix.js';
import { oneToMany, searchPath, type SearchGraph } from './search.js';
import { parseDimacs, type DimacsOptions, type DimacsSource } from './dimacs.js';
import { partsFromEdges, partsFromGraphology, isLonLat, type EdgeList, type EdgeListOptions, type GraphologyLike, type GraphologyOptions } from './builders.js';
import { partsFromGeoJSON, type GeoJsonOptions } from './geojson.js';
import type { HierarchyMetric } from './ch-types.js';
import { matrixSums, type UsableHierarchy } from './ch-network.js';
import { hierarchyPath } from './ch-query.js';
import { NetworkHierarchies } from './ch-host.js';

export type { MatrixMetric, Metric, NetworkMemory, PathAlgorithm, PathFound, PathOptions, PathResult, PathUnreachable, SnappedPoint, TravelMatrix } from './types.js';

export class RoadNetwork implements TravelProvider {
  /** @internal */ readonly topology: Topology;
  /** @internal per-arc distance in source units, CSR order */ readonly arcDistance: Float64Array;
  /** @internal per-arc duration in seconds, CSR order */ readonly arcDuration: Float64Array;
  /** Metres per distance unit of the source. */
  readonly metresPerUnit: number;
  private readonly unitsPerMetre: number;
  private scales?: { distance: number; duration: number };
  private geoIndex?: GeoIndex;
  private overlays?: Map<MatrixMetric, OverlayWeights>;
  private reverse?: RoadNetwork;
  /** Own contraction hierarchies, and the reuse of those of the network this one was derived from. */
  private hierarchies: NetworkHierarchies;

  /** @internal Use the `from*` builders. */
  constructor(topology: Topology, arcDistance: Float64Array, arcDuration: Float64Array, metresPerUnit: number) {
    this.topology = topology;
    this.arcDistance = arcDistance;
    this.arcDuration = arcDuration;
    this.metresPerUnit = metresPerUnit;
    const inv = 1 / metresPerUnit;
    this.unitsPerMetre = Math.abs(inv - Math.round(inv)) < 1e-9 ? Math.round(inv) : 0;
    this.hierarchies = new NetworkHierarchies(this, null);
  }

  /** @internal Compiles builder output. */
  static fromParts(p: NetworkParts): RoadNetwork {
    const c = compileArcs(p.nodeCount, p.tails, p.heads);
    const m = p.tails.length;
    const distance = new Float64Array(m);
    const duration = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      distance[k] = p.distance[c.order[k]];
      duration[k] = p.duration[c.order[k]];
    }
    let complete = p.coords !== null;
    if (p.coords) for (let i = 0; i < p.coords.length && complete; i++) if (p.coords[i] !== p.coords[i]) complete = false;
    const topology: Topology = {
      nodeCount: p.nodeCount,
      arcCount: m,
      fwdOffsets: c.fwdOffsets,
      fwdHeads: c.fwdHeads,
      revOffsets: c.revOffsets,
      revTails: c.revTails,
      revArc: c.revArc,
      coords: p.coords,
      coordsComplete: complete,
      ids: p.ids,
    };
    return new RoadNetwork(topology, distance, duration, p.metresPerUnit);
  }

  /** Builds from DIMACS `.gr` (+ `.co`) text or bytes (gzip accepted). Node ids are the DIMACS numbers. */
  static fromDimacs(gr: DimacsSource, co?: DimacsSource | null, options?: DimacsOptions): RoadNetwork {
    return RoadNetwork.fromParts(parseDimacs(gr, co, options));
  }

  /** Builds from a graphology graph; node keys are the ids. */
  static fromGraphology(graph: GraphologyLike, options?: GraphologyOptions): RoadNetwork {
    return RoadNetwork.fromParts(partsFromGraphology(graph, options));
  }

  /** Builds from parallel edge arrays (plain or typed). */
  static fromEdges(edges: EdgeList, options?: EdgeListOptions): RoadNetwork {
    return RoadNetwork.fromParts(partsFromEdges(edges, options));
  }

  /** Builds from a GeoJSON FeatureCollection of road LineStrings; node ids are 0-based. */
  static fromGeoJSON(featureCollection: unknown, options?: GeoJsonOptions): RoadNetwork {
    return RoadNetwork.fromParts(partsFromGeoJSON(featureCollection, options));
  }

  /** Number of nodes. */
  get nodeCount(): number {
    return this.topology.nodeCount;
  }

  /** Number of directed arcs (a two-way road counts twice). */
  get arcCount(): number {
    return this.topology.arcCount;
  }

  /** Whether every node has coordinates (snapping and A* potentials need them). */
  get hasCoordinates(): boolean {
    return this.topology.coordsComplete;
  }

  /** Whether `id` is a node of the network. */
  hasNode(id: NodeId): boolean {
    return this.topology.ids.indexOf(id) >= 0;
  }

  /** Internal index of a node id; throws `unknown-node` naming `where`. */
  indexOf(id: NodeId, where = 'node'): number {
    const i = this.topology.ids.indexOf(id);
    if (i < 0) throw new VrpkitError('unknown-node', `node ${JSON.stringify(id)} is not in the network`, where);
    return i;
  }

  /** Public id of an internal index. */
  idOf(index: number): NodeId {
    return this.topology.ids.idOf(index);
  }

  /** `[lon, lat]` of a node, or undefined when unknown. */
  coordinatesOf(id: NodeId): [number, number] | undefined {
    const c = this.topology.coords;
    const i = this.indexOf(id);
    if (!c || c[2 * i] !== c[2 * i]) return undefined;
    return [c[2 * i], c[2 * i + 1]];
  }

  /** Calls `fn` for every arc with public ids, distance in metres and duration in seconds. */
  forEachArc(fn: (from: NodeId, to: NodeId, distance: number, duration: number) => void): void {
    const { fwdOffsets, fwdHeads, nodeCount, ids } = this.topology;
    for (let u = 0; u < nodeCount; u++) {
      for (let a = fwdOffsets[u]; a < fwdOffsets[u + 1]; a++) {
        fn(ids.idOf(u), ids.idOf(fwdHeads[a]), this.toMetres(this.arcDistance[a]), this.arcDuration[a]);
      }
    }
  }

  /** Source distance units → metres (exact division for 1/integer unit sizes such as decimetres). */
  toMetres(units: number): number {
    return this.unitsPerMetre > 0 ? units / this.unitsPerMetre : units * this.metresPerUnit;
  }

  /** @internal The weights a search sees for a metric. */
  searchGraph(metric: Metric): SearchGraph {
    const scales = this.potentialScales();
    return metric === 'duration'
      ? { topology: this.topology, weight: this.arcDuration, scale: scales.duration }
      : { topology: this.topology, weight: this.arcDistance, scale: scales.distance };
  }

  /**
   * Per metric, the largest factor `s` with `weight(arc) >= s * haversine(arc)`
   * on every arc (0 without coordinates): makes the A* potentials admissible and
   * consistent for any weights. Measured on first use.
   */
  private potentialScales(): { distance: number; duration: number } {
    if (!this.scales) this.scales = potentialScales(this.topology, this.arcDistance, this.arcDuration);
    return this.scales;
  }

  /** The shortest (or fastest, with `metric: 'duration'`) path from `source` to `target`. */
  shortestPath(source: NodeId, target: NodeId, options: PathOptions = {}): PathResult {
    const s = this.indexOf(source, 'source');
    const t = this.indexOf(target, 'target');
    const metric = options.metric ?? 'distance';
    if (metric !== 'distance' && metric !== 'duration') throw new VrpkitError('invalid-option', `metric must be 'distance' or 'duration', got '${metric}'`, 'metric');
    const ready = options.algorithm === undefined ? this.hierarchyFor(metric) : null;
    const algorithm = options.algorithm ?? (ready ? 'hierarchy' : 'contracted');
    if (!ALGORITHMS.includes(algorithm)) {
      throw new VrpkitError('invalid-option', `unknown algorithm '${algorithm}' (expected ${ALGORITHMS.join(', ')})`, 'algorithm');
    }
    const g = this.searchGraph(metric);
    const contracted = () => overlayPath(this.topology, this.overlay(metric), g.weight, g.topology.coordsComplete ? g.scale : 0, s, t);
    let raw: { arcs: number[] | null; settled: number };
    if (algorithm === 'hierarchy') {
      const use = ready ?? this.hierarchyFor(metric) ?? this.ownHierarchy(metric);
      const found = hierarchyPath(use.hierarchy, s, t, use.taint);
      // A best path through a changed arc (derived network): the ordinary search answers.
      raw = found.tainted ? contracted() : found;
    } else raw = algorithm === 'contracted' ? contracted() : searchPath(g, s, t, algorithm);
    if (raw.arcs === null) {
      return { reachable: false, source, target, distance: Infinity, duration: Infinity, nodes: [], settled: raw.settled };
    }
    const ids = this.topology.ids;
    const heads = this.topology.fwdHeads;
    const nodes: NodeId[] = [ids.idOf(s)];
    let d = 0;
    let time = 0;
    for (const a of raw.arcs) {
      d += this.arcDistance[a];
      time += this.arcDuration[a];
      nodes.push(ids.idOf(heads[a]));
    }
    return { reachable: true, source, target, distance: this.toMetres(d), duration: time, nodes, settled: raw.settled };
  }

  /**
   * One-to-many: from `source` to each target, stopping once all are settled.
   * Returns metres (`distance`) or seconds (`duration`) per target, Infinity when unreachable.
   */
  distancesFrom(source: NodeId, targets: NodeId[], options: { metric?: Metric } = {}): Float64Array {
    const metric = options.metric ?? 'distance';
    const s = this.indexOf(source, 'source');
    const idx = Int32Array.from(targets, (id, i) => this.indexOf(id, pointer('targets', i)));
    const out = new Float64Array(idx.length);
    oneToMany(this.searchGraph(metric), s, idx, out, null, null);
    if (metric === 'distance') for (let i = 0; i < out.length; i++) out[i] = this.toMetres(out[i]);
    return out;
  }

  /**
   * One-to-all: metres (`distance`) or seconds (`duration`) from `source` to every
   * node, indexed by internal node index (`idOf(i)` names entry i); Infinity when
   * unreachable. Runs on the chain-contracted overlay.
   */
  distancesToAll(source: NodeId, options: { metric?: Metric } = {}): Float64Array {
    const metric = options.metric ?? 'distance';
    const s = this.indexOf(source, 'source');
    const out = new Float64Array(this.nodeCount);
    overlayOneToAll(this.overlay(metric), s, out);
    if (metric === 'distance') for (let i = 0; i < out.length; i++) out[i] = this.toMetres(out[i]);
    return out;
  }

  /**
   * A travel matrix between node ids, row-major. `metric`: `distance` (shortest
   * paths, metres), `duration` (fastest paths, seconds) or `both` (fastest paths,
   * their seconds and metres; among equally fast paths the shortest). Default
   * `both`. Runs on the contraction hierarchy once it is built.
   */
  matrix(sources: NodeId[], targets: NodeId[] = sources, options: { metric?: MatrixMetric } = {}): TravelMatrix {
    const src = Int32Array.from(sources, (id, i) => this.indexOf(id, pointer('sources', i)));
    const tgt = Int32Array.from(targets, (id, i) => this.indexOf(id, pointer('targets', i)));
    return this.matrixByIndex(src, tgt, options.metric ?? 'both');
  }

  /** @internal Matrix between internal node indices. */
  matrixByIndex(src: Int32Array, tgt: Int32Array, metric: MatrixMetric): TravelMatrix {
    if (metric !== 'distance' && metric !== 'duration' && metric !== 'both') {
      throw new VrpkitError('invalid-option', `metric must be 'distance', 'duration' or 'both', got '${metric}'`, 'metric');
    }
    const rows = src.length;
    const cols = tgt.length;
    const primary = new Float64Array(rows * cols);
    const second = metric === 'both' ? new Float64Array(rows * cols) : null;
    // The contraction hierarchy when there is one, else rows on the chain-contracted overlay.
    const hm = metric === 'distance' ? 'distance' : 'duration';
    matrixSums(this.hierarchyFor(hm), () => this.overlay(metric), src, tgt, primary, second, ...this.recontraction(hm));
    const unreachable: [number, number][] = [];
    for (let k = 0; k < primary.length; k++) if (primary[k] === Infinity) unreachable.push([Math.floor(k / cols), k % cols]);
    const distances = metric === 'distance' ? primary : second;
    if (distances) for (let k = 0; k < distances.length; k++) distances[k] = this.toMetres(distances[k]);
    const result: TravelMatrix = { rows, cols, metric, unreachable };
    if (distances) result.distances = distances;
    if (metric !== 'distance') result.durations = primary;
    return result;
  }

  /**
   * @internal Overlay weights for a matrix metric (built once per network and
   * metric). `duration` reuses a `both` overlay; a reversed network turns its
   * partner's overlay around when their chain structures are paired.
   */
  overlay(metric: MatrixMetric): OverlayWeights {
    if (!this.overlays) this.overlays = new Map();
    let W = this.overlays.get(metric);
    if (W) return W;
    const other = this.reverse?.overlays;
    // The partner's `both` overlay turned around gives this network's `both`, and so its `duration`.
    if (metric === 'duration' && other?.has('both') && !other.has('duration')) this.overlay('both');
    const both = metric === 'duration' ? this.overlays.get('both') : undefined;
    const turn = other?.get(metric);
    if (both) W = primaryOnly(both);
    else if (turn) W = reversedOverlayWeights(turn, chainStructure(this.topology)) ?? undefined;
    if (!W) {
      W =
        metric === 'distance'
          ? overlayWeights(this.topology, this.arcDistance, null)
          : overlayWeights(this.topology, this.arcDuration, metric === 'both' ? this.arcDistance : null);
    }
    this.overlays.set(metric, W);
    return W;
  }

  /**
   * Travel between points (node ids, or `[lon, lat]` snapped to the nearest node):
   * fastest paths, `n × n` row-major seconds and metres, Infinity when unreachable.
   * Implements `TravelProvider`, which is how the solver uses road networks.
   */
  travelMatrix(points: (number | string | [number, number])[]): { durations: Float64Array; distances: Float64Array } {
    const idx = this.resolvePoints(points, 'points');
    const m = this.matrixByIndex(idx, idx, 'both');
    return { durations: m.durations!, distances: m.distances! };
  }

  /**
   * Travel between points a block at a time, for problems too large for an
   * `n × n` matrix (`TravelProvider.travelOnDemand`, used by `resolveTravel`):
   * the same seconds and metres as `travelMatrix`, from the `duration`
   * contraction hierarchy (built here when missing).
   */
  travelOnDemand(points: (number | string | [number, number])[]): OnDemandTravel {
    return travelOnDemand(this, points);
  }

  /** @internal Node ids or `[lon, lat]` (snapped) → internal indices. */
  resolvePoints(points: (NodeId | readonly [number, number])[], where: string): Int32Array {
    if (!Array.isArray(points)) throw new VrpkitError('invalid-points', 'points must be an array', where);
    return Int32Array.from(points, (p, i) => {
      if (Array.isArray(p)) return this.snapIndex(p[0], p[1], pointer(where, i)).index;
      return this.indexOf(p as NodeId, pointer(where, i));
    });
  }

  /** The node nearest to `(lon, lat)` by great-circle distance (ties: first node), with the distance in metres. */
  nearestNode(lon: number, lat: number): SnappedPoint {
    const hit = this.snapIndex(lon, lat, 'point');
    return { node: this.idOf(hit.index), distance: hit.distance };
  }

  /** `nearestNode` for each `[lon, lat]`. */
  nearestNodes(points: readonly (readonly [number, number])[]): SnappedPoint[] {
    return points.map((p, i) => {
      const hit = this.snapIndex(p?.[0], p?.[1], pointer('points', i));
      return { node: this.idOf(hit.index), distance: hit.distance };
    });
  }

  private snapIndex(lon: number, lat: number, where: string): { index: number; distance: number } {
    if (!isLonLat(lon, lat)) throw new VrpkitError('invalid-coordinates', `expected [lon, lat] in degrees, got [${lon}, ${lat}]`, where);
    const c = this.topology.coords;
    if (!c) throw new VrpkitError('no-coordinates', 'the network has no node coordinates to snap to', where);
    if (!this.geoIndex) this.geoIndex = new GeoIndex(c);
    const hit = this.geoIndex.nearest(lon, lat);
    if (!hit) throw new VrpkitError('no-coordinates', 'the network has no node coordinates to snap to', where);
    return hit;
  }

  /**
   * A network with the arcs `from → to` closed (all parallel arcs; close `to → from`
   * too for a two-way road). Shares the topology; copies the two weight arrays.
   */
  withClosures(arcs: readonly (readonly [NodeId, NodeId])[]): RoadNetwork {
    const dist = this.arcDistance.slice();
    const dur = this.arcDuration.slice();
    arcs.forEach(([from, to], i) => {
      for (const a of this.arcsBetween(from, to, pointer('closures', i))) {
        dist[a] = Infinity;
        dur[a] = Infinity;
      }
    });
    return this.derive(dist, dur);
  }

  /**
   * A network whose arcs `from → to` take `factor` times as long (2 = half speed;
   * factors below 1 speed up). Shares the topology and distances; copies durations.
   */
  withSpeedFactors(factors: readonly { from: NodeId; to: NodeId; factor: number }[]): RoadNetwork {
    const dur = this.arcDuration.slice();
    factors.forEach(({ from, to, factor }, i) => {
      if (typeof factor !== 'number' || !(factor > 0) || factor === Infinity) {
        throw new VrpkitError('invalid-factor', `factor must be a positive finite number, got ${String(factor)}`, pointer('factors', i, 'factor'));
      }
      for (const a of this.arcsBetween(from, to, pointer('factors', i))) dur[a] *= factor;
    });
    return this.derive(this.arcDistance, dur);
  }

  /**
   * The network with every arc `u → v` turned into `v → u` (same distance and
   * duration): a forward search on it is a backward search on this network, so
   * `reversed().matrix(a, b)` is the transpose of `matrix(b, a)`. Ids,
   * coordinates and snapping are unchanged. Shares the graph arrays (forward and
   * reverse adjacency swap roles); lays out the two weight arrays in the new arc
   * order. Built once and kept; `reversed().reversed()` is this network.
   */
  reversed(): RoadNetwork {
    if (this.reverse) return this.reverse;
    const order = this.topology.revArc;
    const m = order.length;
    const dist = new Float64Array(m);
    const dur = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      dist[k] = this.arcDistance[order[k]];
      dur[k] = this.arcDuration[order[k]];
    }
    const net = new RoadNetwork(reversedTopology(this.topology), dist, dur, this.metresPerUnit);
    // Same arcs and weights, so the same snapping index and potential scales.
    if (this.geoIndex) net.geoIndex = this.geoIndex;
    if (this.scales) net.scales = this.scales;
    net.reverse = this;
    this.reverse = net;
    return net;
  }

  private derive(dist: Float64Array, dur: Float64Array): RoadNetwork {
    const net = new RoadNetwork(this.topology, dist, dur, this.metresPerUnit);
    if (this.geoIndex) net.geoIndex = this.geoIndex;
    net.hierarchies = new NetworkHierarchies(net, this.hierarchies);
    return net;
  }

  /**
   * Builds the contraction hierarchies of the given metrics (default both) if
   * they are not built yet: a few seconds to a minute on a city graph, after
   * which `shortestPath` (default algorithm), `matrix` and `travelMatrix`
   * answer from them. Networks derived later (`withClosures`,
   * `withSpeedFactors`) reuse them exactly where no weight went down. Also
   * prepares the point-to-point queries (core table and query layout).
   */
  buildHierarchy(options: { metrics?: readonly Metric[] } = {}): this {
    const metrics = options.metrics ?? ['distance', 'duration'];
    metrics.forEach((m, i) => {
      if (m !== 'distance' && m !== 'duration') throw new VrpkitError('invalid-option', `metric must be 'distance' or 'duration', got '${String(m)}'`, pointer('metrics', i));
      this.ownHierarchy(m);
      this.hierarchies.prepareQueries(m);
    });
    return this;
  }

  /** Whether this network has its own contraction hierarchy for `metric`. */
  hasHierarchy(metric: Metric): boolean {
    return this.hierarchies.has(metric);
  }

  /**
   * The network's contraction hierarchies as bytes (versioned, tied to this
   * network by a checksum) for `loadHierarchy`; throws when none is built.
   */
  saveHierarchy(): Uint8Array {
    return this.hierarchies.save();
  }

  /**
   * Loads hierarchies saved by `saveHierarchy` on the same network (same
   * nodes, arcs and weights); throws a `VrpkitError` for a corrupted file or
   * one made for another network. Returns the metrics loaded. The first
   * point-to-point query of each metric then derives its query layout (a few
   * hundred milliseconds on a city graph).
   */
  loadHierarchy(bytes: Uint8Array): Metric[] {
    return this.hierarchies.load(bytes);
  }

  /**
   * @internal How a matrix on a derived network may re-contract (see
   * `matrixSums`): the callback, and the row count above which redoing
   * entries on the chain overlay would cost more (about one overlay row per
   * thousand nodes of re-contraction, measured on the OSM graphs).
   */
  recontraction(metric: HierarchyMetric): [(() => UsableHierarchy) | null, number] {
    if (!this.hierarchies.canRecontract(metric)) return [null, Infinity];
    return [() => this.hierarchies.build(metric), 16 + this.nodeCount / 1000];
  }

  /** @internal This network's own hierarchy for `metric`, built when missing. */
  ownHierarchy(metric: HierarchyMetric): UsableHierarchy {
    return this.hierarchies.build(metric);
  }

  /**
   * @internal A hierarchy that answers exactly for this network and metric:
   * its own, or that of a network it was derived from (with taint flags, see
   * ch-updates.ts); null when there is none or no weight may be trusted.
   */
  hierarchyFor(metric: HierarchyMetric): UsableHierarchy | null {
    return this.hierarchies.usable(metric);
  }

  /** CSR indices of every arc `from → to`; throws when there is none. */
  private arcsBetween(from: NodeId, to: NodeId, where: string): number[] {
    const u = this.indexOf(from, `${where}/from`);
    const v = this.indexOf(to, `${where}/to`);
    const { fwdOffsets, fwdHeads } = this.topology;
    const found: number[] = [];
    for (let a = fwdOffsets[u]; a < fwdOffsets[u + 1]; a++) if (fwdHeads[a] === v) found.push(a);
    if (found.length === 0) throw new VrpkitError('unknown-arc', `there is no arc ${JSON.stringify(from)} → ${JSON.stringify(to)}`, where);
    return found;
  }

  /** Bytes held by the compiled typed arrays (not counting the lazily built snapping index or search scratch). */
  memory(): NetworkMemory {
    const t = this.topology;
    const nodeBytes = t.fwdOffsets.byteLength + t.revOffsets.byteLength + (t.coords?.byteLength ?? 0) + t.ids.bytes;
    const arcBytes =
      t.fwdHeads.byteLength + t.revTails.byteLength + t.revArc.byteLength + this.arcDistance.byteLength + this.arcDuration.byteLength;
    return {
      bytes: nodeBytes + arcBytes,
      nodeBytes,
      arcBytes,
      bytesPerNode: nodeBytes / Math.max(1, t.nodeCount),
      bytesPerArc: arcBytes / Math.max(1, t.arcCount),
    };
  }
}
