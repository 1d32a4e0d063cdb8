/**
 * Great-circle distances on a spherical Earth (mean radius), in metres.
 * Coordinates are `[lon, lat]` in degrees, longitude first (GeoJSON order).
 */

/** Earth radius in metres (IUGG mean radius), the radius the shared road graphs use. */
export const EARTH_RADIUS_M = 6_371_008.8;

const TO_RAD = Math.PI / 180;

/** Great-circle distance in metres between two lon/lat points given in degrees (haversine formula). */
export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const s1 = Math.sin(((lat2 - lat1) * TO_RAD) / 2);
  const s2 = Math.sin(((lon2 - lon1) * TO_RAD) / 2);
  const h = s1 * s1 + Math.cos(lat1 * TO_RAD) * Math.cos(lat2 * TO_RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Haversine distance in metres from a fixed point whose `cos(lat)` is known to
 * another point: the form used in hot loops (one cosine fewer per call).
 */
export function haversineFrom(lon1: number, lat1: number, cosLat1: number, lon2: number, lat2: number): number {
  const s1 = Math.sin(((lat2 - lat1) * TO_RAD) / 2);
  const s2 = Math.sin(((lon2 - lon1) * TO_RAD) / 2);
  const h = s1 * s1 + cosLat1 * Math.cos(lat2 * TO_RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
