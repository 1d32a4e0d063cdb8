/**
 * Shared by `solve`, `check` and `validate`: the `--format` / `--rounding`
 * options and loading a problem file. A JSON route file with
 * `"travel": { "type": "network", "file": "roads.gr.gz", "points": [...] }` gets
 * its road network loaded by `loadNetworkFile` (path relative to the route file).
 * A FILE of `-` is standard input.
 */
import { UsageError, stringOption, type ParsedArgs } from '../args.js';
import { PROBLEM_FORMATS, type ProblemFormat } from '../../io/detect.js';
import { resolve } from 'node:path';
import { detectFormat } from '../../io/detect.js';
import { networkFileOf, problemFromJson } from '../../io/json.js';
import { parseJsonText } from '../../io/json-text.js';
import { loadProblemFile, parseProblemText, type LoadedProblem } from '../../io/load.js';
import { isStdin, readInputText } from '../input.js';
import { attachHierarchyFile, loadNetworkFile } from '../../io/network-files.js';
import type { ArcRounding } from '../../model/types.js';
import type { InputLimits } from '../../core/limits.js';
import { inFile } from '../errors.js';

export const FORMAT_HELP = `  --format F       auto (default) | json | solomon | cvrplib | lilim
  --rounding R     per-arc rounding for solomon/cvrplib/lilim files: truncate1 (Solomon default,
                   DIMACS), nint (CVRPLIB default, TSPLIB) or none (double precision, Li & Lim default)`;

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
  const hierarchy = stringOption(args, 'hierarchy');
  let used = false;
  const loadNetwork = (path: string) => {
    const net = loadNetworkFile(path, { limits });
    if (hierarchy !== undefined) attachHierarchyFile(net, hierarchy, ['duration']);
    used = true;
    return net;
  };
  const options = { ...formatOptions(args), limits, loadNetwork };
  let loaded: LoadedProblem;
  if (!isStdin(file)) loaded = await inFile(file, () => loadProblemFile(file, options));
  else {
    const text = readInputText(file, limits);
    const format = options.format === 'auto' ? detectFormat(text, 'standard input') : options.format;
    if (format !== 'json') return { problem: parseProblemText(text, format, options), format };
    const value = parseJsonText(text, 'the route file', limits);
    const networkFile = networkFileOf(value);
    const network = networkFile === undefined ? undefined : loadNetwork(resolve(networkFile));
    loaded = { problem: problemFromJson(value, { network, limits }), format };
  }
  if (hierarchy !== undefined && !used) throw new UsageError('--hierarchy needs a route file with road-network travel ("travel": { "type": "network", "file": ... })');
  return loaded;
}
