/**
 * Shared by `solve`, `check` and `validate`: the `--format` / `--rounding`
 * options and loading a problem file. A JSON route file with
 * `"travel": { "type": "network", "file": "roads.gr.gz", "points": [...] }` gets
 * its road network loaded by `loadNetworkFile` (path relative to the route file).
 */
import { UsageError, stringOption, type ParsedArgs } from '../args.js';
import { PROBLEM_FORMATS, type ProblemFormat } from '../../io/detect.js';
import { loadProblemFile, type LoadedProblem } from '../../io/load.js';
import { attachHierarchyFile, loadNetworkFile } from '../../io/network-files.js';
import type { ArcRounding } from '../../model/types.js';

export const FORMAT_HELP = `  --format F       auto (default) | json | solomon | cvrplib
  --rounding R     per-arc rounding for solomon/cvrplib files: truncate1 (Solomon default,
                   DIMACS), nint (CVRPLIB default, TSPLIB) or none (double precision)`;

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

/** Loads a problem file given on the command line (with `--hierarchy FILE` for its road network, if any). */
export async function loadProblemArg(file: string, args: ParsedArgs): Promise<LoadedProblem> {
  const hierarchy = stringOption(args, 'hierarchy');
  let used = false;
  const loaded = await loadProblemFile(file, {
    ...formatOptions(args),
    loadNetwork: (path) => {
      const net = loadNetworkFile(path);
      if (hierarchy !== undefined) attachHierarchyFile(net, hierarchy, ['duration']);
      used = true;
      return net;
    },
  });
  if (hierarchy !== undefined && !used) throw new UsageError('--hierarchy needs a route file with road-network travel ("travel": { "type": "network", "file": ... })');
  return loaded;
}
