/**
 * Builders from in-memory graphs: a graphology graph, or plain/typed edge arrays.
 * Both end in `NetworkParts` (internal indices, distance units, seconds).
 */
import type { Attributes } from 'graphology-types';
import { VrpkitError, pointer } from '../core/errors.js';
import { KeyedIds, type NodeId } from './ids.js';
import { ArcBuffer, checkWeight, type NetworkParts, type UnitOptions, unitSettings } from './parts.js';

/** A per-edge number read from a graphology edge (graphology's `getEdgeWeight` shape). */
export type EdgeNumberFn = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  sourceAttributes: Attributes,
  targetAttributes: Attributes,
  undirected: boolean,
) => number;

/** The slice of the graphology API the builder uses (so graphology stays an optional peer). */
export interface GraphologyLike {
  order: number;
  forEachNode(cb: (node: string, attributes: Attributes) => void): void;
  forEachEdge(
    cb: (
      edge: string,
      attributes: Attributes,
      source: string,
      target: string,
      sourceAttributes: Attributes,
      targetAttributes: Attributes,
      undirected: boolean,
    ) => void,
  ): void;
}

export interface GraphologyOptions extends UnitOptions {
  /**
   * Edge distance: an attribute name or a function. Default: attribute `weight`,
   * and 1 where an edge has none (graphology's convention). A named attribute
   * that is missing on an edge is an error.
   */
  weight?: string | EdgeNumberFn;
  /** Edge travel time in seconds: an attribute name or a function. Default: distance / speed. */
  duration?: string | EdgeNumberFn;
  /** Node coordinates: attribute names `[lonAttr, latAttr]` or a function returning `[lon, lat]`. */
  coordinates?: [string, string] | ((node: string, attributes: Attributes) => [number, number] | undefined);
}

/** Compiles a graphology graph (directed, undirected or mixed). Node keys are the public ids. */
export function partsFromGraphology(graph: GraphologyLike, options: GraphologyOptions = {}): NetworkParts {
  const [metresPerUnit, speed] = unitSettings(options);
  if (!graph || typeof graph.forEachEdge !== 'function') {
    throw new VrpkitError('invalid-graph', 'expected a graphology graph', 'graph');
  }
  const keys: string[] = [];
  const index = new Map<string, number>();
  const coordsList: number[] = [];
  let anyCoords = false;
  const coordOpt = options.coordinates;
  graph.forEachNode((node, attrs) => {
    index.set(node, keys.length);
    keys.push(node);
    let c: [number, number] | undefined;
    if (typeof coordOpt === 'function') c = coordOpt(node, attrs);
    else if (coordOpt) {
      const lon = attrs[coordOpt[0]];
      const lat = attrs[coordOpt[1]];
      if (lon !== undefined || lat !== undefined) c = [lon, lat];
    }
    if (c) {
      if (!isLonLat(c[0], c[1])) {
        throw new VrpkitError('invalid-coordinates', `node '${node}' has coordinates ${JSON.stringify(c)}, not [lon, lat] in degrees`, pointer('nodes', node));
      }
      anyCoords = true;
      coordsList.push(c[0], c[1]);
    } else coordsList.push(NaN, NaN);
  });
  if (keys.length === 0) throw new VrpkitError('empty-network', 'the graph has no nodes', 'graph');
  const weightOpt = options.weight ?? 'weight';
  const explicitWeight = options.weight !== undefined;
  const durOpt = options.duration;
  const arcs = new ArcBuffer(1024);
  graph.forEachEdge((edge, attrs, source, target, sAttrs, tAttrs, undirected) => {
    let w: unknown;
    if (typeof weightOpt === 'function') w = weightOpt(edge, attrs, source, target, sAttrs, tAttrs, undirected);
    else {
      w = attrs[weightOpt];
      if (w === undefined) {
        if (explicitWeight) throw new VrpkitError('missing-weight', `edge '${edge}' has no '${weightOpt}' attribute`, pointer('edges', edge, weightOpt));
        w = 1;
      }
    }
    const d = checkWeight(w, `weight of edge '${edge}'`, pointer('edges', edge, typeof weightOpt === 'string' ? weightOpt : 'weight'));
    let t: number;
    if (durOpt === undefined) t = (d * metresPerUnit) / speed;
    else {
      const raw = typeof durOpt === 'function' ? durOpt(edge, attrs, source, target, sAttrs, tAttrs, undirected) : attrs[durOpt];
      t = checkWeight(raw, `duration of edge '${edge}'`, pointer('edges', edge, typeof durOpt === 'string' ? durOpt : 'duration'));
    }
    const u = index.get(source)!;
    const v = index.get(target)!;
    arcs.add(u, v, d, t);
    if (undirected && u !== v) arcs.add(v, u, d, t);
  });
  return {
    nodeCount: keys.length,
    ...arcs.finish(),
    coords: anyCoords ? Float64Array.from(coordsList) : null,
    ids: new KeyedIds(keys),
    metresPerUnit,
  };
}

/** Edges as parallel arrays (plain or typed). */
export interface EdgeList {
  from: ArrayLike<NodeId>;
  to: ArrayLike<NodeId>;
  /** Per-edge distance (metres, or units with `metresPerUnit`). */
  distance: ArrayLike<number>;
  /** Per-edge travel time in seconds. Default: distance / speed. */
  duration?: ArrayLike<number>;
  /** Per edge: truthy = one way (from → to only). Default: `options.directed`. */
  oneway?: ArrayLike<boolean | number>;
  /** Every node id (isolated nodes included), fixing the node order. Default: order of first appearance. */
  nodes?: ArrayLike<NodeId>;
  /** `[lon, lat]` per entry of `nodes` (requires `nodes`). */
  coordinates?: ArrayLike<readonly [number, number]>;
}

export interface EdgeListOptions extends UnitOptions {
  /** Whether edges are one-way arcs (default true) or two-way roads. */
  directed?: boolean;
}

/** Compiles parallel edge arrays. */
export function partsFromEdges(edges: EdgeList, options: EdgeListOptions = {}): NetworkParts {
  const [metresPerUnit, speed] = unitSettings(options);
  const { from, to, distance, duration, oneway, nodes, coordinates } = edges ?? ({} as EdgeList);
  if (!from || !to || !distance) throw new VrpkitError('invalid-edges', 'edges need from, to and distance arrays', 'edges');
  const m = from.length;
  for (const [name, arr] of [['to', to], ['distance', distance], ['duration', duration], ['oneway', oneway]] as const) {
    if (arr !== undefined && arr.length !== m) {
      throw new VrpkitError('length-mismatch', `edges.${name} has ${arr.length} entries, edges.from has ${m}`, pointer('edges', name));
    }
  }
  const keys: NodeId[] = [];
  const index = new Map<NodeId, number>();
  const add = (id: NodeId, where: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      if (nodes) throw new VrpkitError('unknown-node', `node ${JSON.stringify(id)} is not in edges.nodes`, where);
      if (typeof id !== 'number' && typeof id !== 'string') throw new VrpkitError('invalid-node-id', `node id must be a number or string, got ${String(id)}`, where);
      i = keys.length;
      keys.push(id);
      index.set(id, i);
    }
    return i;
  };
  if (nodes) {
    for (let i = 0; i < nodes.length; i++) {
      const id = nodes[i];
      if (typeof id !== 'number' && typeof id !== 'string') throw new VrpkitError('invalid-node-id', `node id must be a number or string, got ${String(id)}`, pointer('nodes', i));
      if (index.has(id)) throw new VrpkitError('duplicate-node', `node id ${JSON.stringify(id)} appears twice`, pointer('nodes', i));
      index.set(id, i);
      keys.push(id);
    }
  }
  let coords: Float64Array | null = null;
  if (coordinates) {
    if (!nodes) throw new VrpkitError('invalid-edges', 'edges.coordinates needs edges.nodes (one coordinate pair per node)', pointer('edges', 'coordinates'));
    if (coordinates.length !== nodes.length) throw new VrpkitError('length-mismatch', `edges.coordinates has ${coordinates.length} entries, edges.nodes has ${nodes.length}`, pointer('edges', 'coordinates'));
    coords = new Float64Array(2 * nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      const c = coordinates[i];
      if (!c || !isLonLat(c[0], c[1])) throw new VrpkitError('invalid-coordinates', `coordinates must be [lon, lat] in degrees`, pointer('edges', 'coordinates', i));
      coords[2 * i] = c[0];
      coords[2 * i + 1] = c[1];
    }
  }
  const directed = options.directed ?? true;
  const arcs = new ArcBuffer(2 * m);
  for (let e = 0; e < m; e++) {
    const u = add(from[e], pointer('edges', 'from', e));
    const v = add(to[e], pointer('edges', 'to', e));
    const d = checkWeight(distance[e], 'distance', pointer('edges', 'distance', e));
    const t = duration ? checkWeight(duration[e], 'duration', pointer('edges', 'duration', e)) : (d * metresPerUnit) / speed;
    arcs.add(u, v, d, t);
    const oneWay = oneway ? Boolean(oneway[e]) : directed;
    if (!oneWay && u !== v) arcs.add(v, u, d, t);
  }
  if (keys.length === 0) throw new VrpkitError('empty-network', 'the network has no nodes', 'edges');
  return { nodeCount: keys.length, ...arcs.finish(), coords, ids: new KeyedIds(keys), metresPerUnit };
}

/** Whether `(lon, lat)` are finite degrees in range. */
export function isLonLat(lon: unknown, lat: unknown): boolean {
  return typeof lon === 'number' && typeof lat === 'number' && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}
