/**
 * Road networks from GeoJSON: every LineString / MultiLineString feature is a
 * road; consecutive coordinates are arcs whose length is the great-circle
 * distance (metres). Identical coordinates anywhere become one node, so roads
 * that share a vertex are connected. Node ids are 0-based, in order of first
 * appearance. Other geometry types are ignored.
 *
 * Direction: property `oneway` (configurable) = true/'yes'/'true'/'1'/1 →
 * forward only; -1/'-1'/'reverse' → backward only; anything else → both ways.
 * Speed: property `maxspeed` (configurable) in km/h ('30 mph' understood),
 * else `speedKmh` (default 50).
 */
import { VrpkitError, pointer } from '../core/errors.js';
import { haversineMetres } from '../geo/haversine.js';
import { RangeIds } from './ids.js';
import { ArcBuffer, type NetworkParts, type UnitOptions, unitSettings } from './parts.js';
import { isLonLat } from './builders.js';

export interface GeoJsonOptions extends Omit<UnitOptions, 'metresPerUnit'> {
  /** Property telling the direction. Default `oneway`. */
  onewayProperty?: string;
  /** Property with the speed in km/h. Default `maxspeed`. */
  speedProperty?: string;
  /** Treat every road as one-way in drawing direction. Default false. */
  directed?: boolean;
}

interface FeatureLike {
  type?: string;
  geometry?: { type?: string; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

/** Parses a GeoJSON FeatureCollection of roads into network parts (metres, seconds). */
export function partsFromGeoJSON(fc: unknown, options: GeoJsonOptions = {}): NetworkParts {
  const [, defaultSpeed] = unitSettings(options);
  const features = (fc as { features?: unknown })?.features;
  if (!fc || typeof fc !== 'object' || !Array.isArray(features)) {
    throw new VrpkitError('invalid-geojson', 'expected a GeoJSON FeatureCollection with a features array', pointer('features'));
  }
  const onewayProp = options.onewayProperty ?? 'oneway';
  const speedProp = options.speedProperty ?? 'maxspeed';
  const byCoord = new Map<string, number>();
  const coords: number[] = [];
  const arcs = new ArcBuffer(1024);
  const node = (c: unknown, where: string): number => {
    if (!Array.isArray(c) || !isLonLat(c[0], c[1])) {
      throw new VrpkitError('invalid-coordinates', `expected [lon, lat] in degrees, got ${JSON.stringify(c)}`, where);
    }
    const key = `${c[0]},${c[1]}`;
    let i = byCoord.get(key);
    if (i === undefined) {
      i = coords.length / 2;
      coords.push(c[0], c[1]);
      byCoord.set(key, i);
    }
    return i;
  };
  features.forEach((f: FeatureLike, fi: number) => {
    const g = f?.geometry;
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString')) return;
    const props = f.properties ?? {};
    const dir = direction(props[onewayProp], options.directed ?? false);
    const speed = parseSpeed(props[speedProp]) ?? defaultSpeed;
    const lines = g.type === 'LineString' ? [g.coordinates] : (g.coordinates as unknown[]);
    if (!Array.isArray(lines)) throw new VrpkitError('invalid-geojson', 'coordinates must be an array', pointer('features', fi, 'geometry', 'coordinates'));
    lines.forEach((line, li) => {
      const base = g.type === 'LineString' ? pointer('features', fi, 'geometry', 'coordinates') : pointer('features', fi, 'geometry', 'coordinates', li);
      if (!Array.isArray(line)) throw new VrpkitError('invalid-geojson', 'a line must be an array of positions', base);
      let prev = -1;
      for (let k = 0; k < line.length; k++) {
        const cur = node(line[k], `${base}/${k}`);
        if (prev >= 0 && cur !== prev) {
          const d = haversineMetres(coords[2 * prev], coords[2 * prev + 1], coords[2 * cur], coords[2 * cur + 1]);
          const t = d / speed;
          if (dir >= 0) arcs.add(prev, cur, d, t);
          if (dir <= 0) arcs.add(cur, prev, d, t);
        }
        prev = cur;
      }
    });
  });
  const n = coords.length / 2;
  if (n === 0) throw new VrpkitError('empty-network', 'no LineString or MultiLineString roads in the collection', pointer('features'));
  return { nodeCount: n, ...arcs.finish(), coords: Float64Array.from(coords), ids: new RangeIds(0, n), metresPerUnit: 1 };
}

/** 1 forward only, -1 backward only, 0 both ways. */
function direction(v: unknown, directed: boolean): number {
  if (v === true || v === 1 || v === 'yes' || v === 'true' || v === '1') return 1;
  if (v === -1 || v === '-1' || v === 'reverse') return -1;
  return directed ? 1 : 0;
}

/** Speed in metres per second from a km/h number or an OSM maxspeed text; undefined when unusable. */
function parseSpeed(v: unknown): number | undefined {
  let kmh: number | undefined;
  if (typeof v === 'number') kmh = v;
  else if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh)?\s*$/i.exec(v);
    if (m) kmh = Number(m[1]) * (m[2]?.toLowerCase() === 'mph' ? 1.609344 : 1);
  }
  return kmh !== undefined && kmh > 0 && Number.isFinite(kmh) ? kmh / 3.6 : undefined;
}
