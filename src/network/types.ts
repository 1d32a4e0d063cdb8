/** Public types of road-network queries. */
import type { NodeId } from './ids.js';
import type { SearchAlgorithm } from './search.js';

export type Metric = 'distance' | 'duration';
export type MatrixMetric = Metric | 'both';
/**
 * `dijkstra`, `astar`, `bidirectional`, `bidirectional-astar` run on the full
 * graph; `contracted` runs bidirectional A* on the chain-contracted overlay
 * (degree-2 shape points folded into their roads) and expands the path again;
 * `hierarchy` runs on the contraction hierarchy (built first if missing).
 */
export type PathAlgorithm = SearchAlgorithm | 'contracted' | 'hierarchy';

export const ALGORITHMS: readonly PathAlgorithm[] = ['dijkstra', 'astar', 'bidirectional', 'bidirectional-astar', 'contracted', 'hierarchy'];

export interface PathOptions {
  /**
   * Default `hierarchy` once the metric's contraction hierarchy is built
   * (`buildHierarchy`, `loadHierarchy`), else `contracted` (uses A* potentials
   * when every node has coordinates).
   */
  algorithm?: PathAlgorithm;
  /** What to minimise. Default `distance`. */
  metric?: Metric;
}

/** A shortest path: its length in metres, its travel time in seconds and its nodes (public ids). */
export interface PathFound {
  reachable: true;
  source: NodeId;
  target: NodeId;
  distance: number;
  duration: number;
  nodes: NodeId[];
  /** Nodes settled by the search (a measure of work). */
  settled: number;
}

/** No path from source to target. */
export interface PathUnreachable {
  reachable: false;
  source: NodeId;
  target: NodeId;
  distance: number;
  duration: number;
  nodes: NodeId[];
  settled: number;
}

export type PathResult = PathFound | PathUnreachable;

/** A `rows × cols` travel matrix, row-major; unreachable pairs are Infinity and listed as `[row, col]`. */
export interface TravelMatrix {
  rows: number;
  cols: number;
  metric: MatrixMetric;
  /** Metres (for `distance`, and for `both`: the distance of the fastest path; among equally fast paths, the shortest). */
  distances?: Float64Array;
  /** Seconds (for `duration` and `both`). */
  durations?: Float64Array;
  unreachable: [number, number][];
}

/** A snapped point: the nearest node and its great-circle distance in metres. */
export interface SnappedPoint {
  node: NodeId;
  distance: number;
}

/** Compiled memory: bytes in typed arrays, split by what grows with nodes and with arcs. */
export interface NetworkMemory {
  bytes: number;
  nodeBytes: number;
  arcBytes: number;
  bytesPerNode: number;
  bytesPerArc: number;
}

