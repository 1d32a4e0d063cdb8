/**
 * Shared by `solve`, `check` and `validate`: the `--format` / `--rounding`
 * options and loading a problem file. A JSON route file with
 * `"travel": { "type": "network", "file": "roads.gr.gz", "points": [...] }` gets
 * its road network loaded by `loadNetworkFile` (path relative to the route file).
 * A FILE of `-` is standard input. A VROOM problem (detected, or `--format
 * vroom`) with coordinates travels great-circle, or on the road network of
 * `--network FILE`.
 */
import { UsageError, stringOption, type ParsedArgs } from '../args.js';
import { PROBLEM_FORMATS, type ProblemFormat } from '../../io/detect.js';
import { resolve } from 'node:path';
import { detectFormat } from '../../io/detect.js';
import { networkFileOf, problemFromJson } from '../../io/json.js';
import { parseJsonText } from '../../io/json-text.js';
import { jsonFormat, loadProblemFile, parseProblemText, type LoadedProblem } from '../../io/load.js';
import { fromVroom } from '../../io/vroom/index.js';
import { isStdin, readInputText } from '../input.js';
import type { ArcRounding, TravelProvider } from '../../model/types.js';
import type { InputLimits } from '../../core/limits.js';
import { inFile } from '../errors.js';

export const FORMAT_HELP = `  --format F       auto (default) | json | solomon | cvrplib | lilim | vroom (VROOM's JSON API;
                   detected by auto)
  --rounding R     per-arc rounding for solomon/cvrplib/lilim files: truncate1 (Solomon default,
                   DIMACS), nint (CVRPLIB default, TSPLIB) or none (double precision, Li & Lim default)
  --network FILE   VROOM input with coordinates: travel on this road network (DIMACS .gr/.gr.gz
                   or GeoJSON) instead of great-circle distances at 36 km/h`;

/** The options \`formatOptions\` and \`loadProblemArg\` read (for \`rejectUnknownOptions\`). */
export const FORMAT_OPTIONS = ['format', 'rounding', 'network'] as const;

/** Reads `--format` and `--rounding`, rejecting unknown values. */
export function formatOptions(args: ParsedArgs): { format: ProblemFormat | 'auto'; rounding?: ArcRounding } {
  const format = stringOption(args, 'format') ?? 'auto';
  if (format !== 'auto' && !PROBLEM_FORMATS.includes(format as ProblemFormat)) {
    throw new UsageError(`--format must be auto, ${PROBLEM_FORMATS.join(', ')}; got '${format}'`);
  }
  const rounding = stringOption(args, 'rounding');
  if (rounding !== undefined && !['none', 'nint', 'truncate1'].includes(rounding)) {
    throw new UsageError(`--rounding must be none, nint or truncate1; got '${rounding}'`);
  }
  return { format: format as ProblemFormat | 'auto', rounding: rounding as ArcRounding | undefined };
}

export const HIERARCHY_HELP = `  --hierarchy FILE contraction-hierarchy file for the route file's road network: loaded
                   when it exists, else built (seconds to a minute) and written there`;

/**
 * Loads a problem file given on the command line (and the road-network file it
 * names, with `--hierarchy FILE` for it), within the limits; `-` reads standard
 * input (a road-network file it names is then relative to the working directory).
 */
export async function loadProblemArg(file: string, args: ParsedArgs, limits?: InputLimits): Promise<LoadedProblem> {
  const options = formatOptions(args);
  const hierarchy = stringOption(args, 'hierarchy');
  let used = false;
  // the road-network code is loaded only for a problem that names a network (start-up time)
  const loadNetwork = async (path: string): Promise<TravelProvider> => {
    const { attachHierarchyFile, loadNetworkFile } = await import('../../io/network-files.js');
    const net = loadNetworkFile(path, { limits });
    if (hierarchy !== undefined) attachHierarchyFile(net, hierarchy, ['duration']);
    used = true;
    return net;
  };
  const networkFile = stringOption(args, 'network');
  const network = networkFile !== undefined ? await loadNetwork(networkFile) : undefined;
  const loaded = await loadAny(file, options, network, loadNetwork, limits);
  if (network && loaded.format !== 'vroom') {
    throw new UsageError("--network is for VROOM input with coordinates; a route file names its road network in travel.file");
  }
  if (hierarchy !== undefined && !used) throw new UsageError('--hierarchy needs a route file with road-network travel (travel.file), or --network with VROOM input');
  return loaded;
}

async function loadAny(
  file: string, options: ReturnType<typeof formatOptions>, network: TravelProvider | undefined,
  loadNetwork: (path: string) => Promise<TravelProvider>, limits?: InputLimits,
): Promise<LoadedProblem> {
  if (!isStdin(file)) return inFile(file, () => loadProblemFile(file, { ...options, network, loadNetwork, limits }));
  const text = readInputText(file, limits);
  const format = options.format === 'auto' ? detectFormat(text, 'standard input') : options.format;
  if (format !== 'json' && format !== 'vroom') return { problem: parseProblemText(text, format, { ...options, limits }), format };
  const value = parseJsonText(text, format === 'vroom' ? 'the VROOM problem' : 'the route file', limits);
  if (jsonFormat(value, options.format) === 'vroom') return { problem: fromVroom(value, { network }), format: 'vroom' };
  const routeNetwork = networkFileOf(value);
  return { problem: problemFromJson(value, { network: routeNetwork === undefined ? undefined : await loadNetwork(resolve(routeNetwork)), limits }), format: 'json' };
}
