export { clusterPoints } from './cluster.js';
export type {
  ClusterMethod,
  ClusterMetric,
  ClusterOptions,
  ClusterPointObject,
  ClusterPoints,
  ClusterResult,
  CoordinateDistance,
} from './types.js';
