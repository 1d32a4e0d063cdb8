export { EARTH_RADIUS_M, haversineMetres, haversineFrom } from './haversine.js';
export { GeoIndex } from './nearest.js';
export type { NearestHit } from './nearest.js';
