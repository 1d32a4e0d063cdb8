export { RoadNetwork } from './road-network.js';
export type {
  Metric,
  MatrixMetric,
  PathAlgorithm,
  PathOptions,
  PathResult,
  PathFound,
  PathUnreachable,
  TravelMatrix,
  SnappedPoint,
  NetworkMemory,
} from './road-network.js';
export type { NodeId } from './ids.js';
export type { DimacsOptions, DimacsSource } from './dimacs.js';
export type { EdgeList, EdgeListOptions, GraphologyOptions, GraphologyLike, EdgeNumberFn } from './builders.js';
export type { GeoJsonOptions } from './geojson.js';
export type { UnitOptions } from './parts.js';
export { DEFAULT_SPEED_KMH } from './parts.js';
