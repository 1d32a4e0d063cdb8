/**
 * Loading road-network files for the command line and the benchmarks (Node only).
 *
 * - `X.gr` / `X.gr.gz` (DIMACS): the sibling `X.co` / `X.co.gz` is read too when
 *   present. Distance unit: `metresPerUnit` if given, else taken from the file's
 *   comment lines ("decimetres" → 0.1, "centimetres" → 0.01), else 1 (metres)
 *   — `RoadNetwork.fromDimacs` applies the same rule.
 * - `X.geojson` / `X.json` (gzip accepted): a FeatureCollection of roads.
 *
 * Every file is read within the input limits (`core/limits.ts`).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { VrpkitError } from '../core/errors.js';
import type { InputLimits } from '../core/limits.js';
import { RoadNetwork } from '../network/road-network.js';
import { announcedMetresPerUnit, type DimacsOptions } from '../network/dimacs.js';
import type { Metric } from '../network/types.js';
import type { GeoJsonOptions } from '../network/geojson.js';
import { readBytes, readTextFile } from './files.js';
import { parseJsonText } from './json-text.js';

export { announcedMetresPerUnit };

export interface NetworkFileOptions {
  /** Metres per DIMACS weight unit (overrides what the file's comments say). */
  metresPerUnit?: number;
  /** Speed for derived durations, km/h (default 50). */
  speedKmh?: number;
  /** Input limits (defaults: `DEFAULT_LIMITS`). */
  limits?: Partial<InputLimits>;
}

/** The sibling coordinate file of a `.gr` file, if one exists. */
export function coordinateFileOf(grPath: string): string | undefined {
  const m = /\.gr(\.gz)?$/i.exec(grPath);
  if (!m) return undefined;
  const stem = grPath.slice(0, m.index);
  for (const candidate of [`${stem}.co${m[1] ?? ''}`, `${stem}.co`, `${stem}.co.gz`]) if (existsSync(candidate)) return candidate;
  return undefined;
}

/** Loads a road network from a DIMACS (`.gr[.gz]`, + `.co[.gz]`) or GeoJSON (`.geojson`, `.json`) file. */
export function loadNetworkFile(path: string, options: NetworkFileOptions = {}): RoadNetwork {
  const lower = path.toLowerCase();
  if (/\.gr(\.gz)?$/.test(lower)) {
    const gr = readBytes(path, options.limits, 'maxNetworkBytes');
    const coPath = coordinateFileOf(path);
    const co = coPath ? readBytes(coPath, options.limits, 'maxNetworkBytes') : null;
    const dimacs: DimacsOptions = { metresPerUnit: options.metresPerUnit, speedKmh: options.speedKmh, limits: options.limits };
    return RoadNetwork.fromDimacs(gr, co, dimacs);
  }
  if (/\.(geo)?json(\.gz)?$/.test(lower)) {
    const geo: GeoJsonOptions = { speedKmh: options.speedKmh };
    return RoadNetwork.fromGeoJSON(parseJsonText(readTextFile(path, options.limits), 'the network file', options.limits), geo);
  }
  throw new VrpkitError('file', `unknown road-network file type '${path}' (expected .gr, .gr.gz, .geojson or .json)`, path);
}

/** What `attachHierarchyFile` did: the metrics loaded from the file and those built (and written). */
export interface HierarchyFileReport {
  loaded: Metric[];
  built: Metric[];
}

/**
 * Gives `net` the contraction hierarchies of `metrics` from the file at `path`
 * (`--hierarchy FILE`): loads the file when it exists, builds the metrics it
 * lacks (or all of them when there is no file) and then (re)writes the file
 * with everything the network has. A file made for another network, or a
 * corrupted one, is an input error naming `--hierarchy`, never silently replaced.
 */
export function attachHierarchyFile(net: RoadNetwork, path: string, metrics: readonly Metric[]): HierarchyFileReport {
  const loaded: Metric[] = [];
  if (existsSync(path)) {
    try {
      loaded.push(...net.loadHierarchy(readFileSync(path)));
    } catch (e) {
      if (e instanceof VrpkitError) throw new VrpkitError(e.code, `${e.issues[0].message} (file ${path}; delete it to rebuild)`, '--hierarchy');
      throw e;
    }
  }
  const built = metrics.filter((m) => !net.hasHierarchy(m));
  if (built.length > 0) {
    net.buildHierarchy({ metrics: built });
    // Write beside and rename, so a reader never sees half a file.
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, net.saveHierarchy());
    renameSync(tmp, path);
  }
  return { loaded, built };
}
