/**
 * Loading a problem file for the command line and the benchmarks (Node only):
 * read (gzip accepted), detect the format, parse, and — for JSON route files
 * that name a road-network file — load the network relative to the route file.
 */
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { VrpkitError, isVrpkitError } from '../core/errors.js';
import { resolveLimits, type InputLimits } from '../core/limits.js';
import type { ArcRounding, Problem, TravelProvider } from '../model/types.js';
import { detectFormat, type ProblemFormat } from './detect.js';
import { readTextFile } from './files.js';
import { networkFileOf, problemFromJson } from './json.js';
import { parseJsonText } from './json-text.js';
import { parseSolomon } from './solomon.js';
import { parseCvrplib } from './cvrplib.js';
import { parseLiLim } from './lilim.js';
import { checkProblemSize } from './problem-size.js';
import { fromVroom, looksLikeVroomProblem } from './vroom/index.js';

export interface LoadProblemOptions {
  /** `auto` (default) detects the format from the file name and content. */
  format?: ProblemFormat | 'auto';
  /** Overrides the per-arc rounding of benchmark formats (Solomon default `truncate1`, CVRPLIB `nint`, Li & Lim `none`). */
  rounding?: ArcRounding;
  /** Loads a road-network file named by a JSON route file (absolute path in). */
  loadNetwork?: (path: string) => TravelProvider | Promise<TravelProvider>;
  /** Input limits (defaults: `DEFAULT_LIMITS`), for the file and every reader. */
  limits?: Partial<InputLimits>;
  /** Travel for the coordinates of a VROOM problem (a road network) instead of great-circle travel. */
  network?: TravelProvider;
}

/**
 * The format of a parsed JSON problem: `vroom` when forced, or when `auto`
 * and the document looks like a VROOM problem (`looksLikeVroomProblem`); else `json`.
 */
export function jsonFormat(value: unknown, requested: ProblemFormat | 'auto' | undefined): 'json' | 'vroom' {
  if (requested === 'vroom') return 'vroom';
  return (requested === undefined || requested === 'auto') && looksLikeVroomProblem(value) ? 'vroom' : 'json';
}

export interface LoadedProblem {
  problem: Problem;
  format: ProblemFormat;
}

/** Parses problem text of a known or detected format (no file access; networks need `loadProblemFile`). */
export function parseProblemText(
  text: string,
  format: ProblemFormat,
  options: { rounding?: ArcRounding; network?: TravelProvider; name?: string; limits?: Partial<InputLimits> } = {},
): Problem {
  switch (format) {
    case 'lilim':
      return parseLiLim(text, { rounding: options.rounding, name: options.name });
    case 'solomon':
      return parseSolomon(text, { rounding: options.rounding, limits: options.limits });
    case 'cvrplib': {
      const problem = parseCvrplib(text, { limits: options.limits });
      if (options.rounding && problem.travel.type === 'euclidean') problem.travel.rounding = options.rounding;
      return problem;
    }
    case 'json':
      return problemFromJson(parseJsonText(text, 'the route file', options.limits), { network: options.network, limits: options.limits });
    case 'vroom':
      return fromVroom(parseJsonText(text, 'the VROOM problem', options.limits), { network: options.network, name: options.name });
  }
}

/** Reads, detects and parses a problem file. Throws `VrpkitError` for bad input. */
export async function loadProblemFile(path: string, options: LoadProblemOptions = {}): Promise<LoadedProblem> {
  const text = readTextFile(path, options.limits);
  const detected = !options.format || options.format === 'auto' ? detectFormat(text, path) : options.format;
  const name = basename(path).replace(/\.gz$/i, '').replace(/\.[^.]*$/, '');
  if (detected !== 'json' && detected !== 'vroom') {
    return { problem: parseProblemText(text, detected, { ...options, name }), format: detected };
  }
  const value = parseJsonText(text, detected === 'vroom' ? 'the VROOM problem' : 'the route file', options.limits);
  // Sizes first: a document over the limits must not cost a road-network load.
  checkProblemSize(value, resolveLimits(options.limits));
  if (jsonFormat(value, options.format) === 'vroom') return { problem: fromVroom(value, { network: options.network, name }), format: 'vroom' };
  const file = networkFileOf(value);
  let network: TravelProvider | undefined;
  if (file !== undefined && options.loadNetwork) {
    const networkPath = isAbsolute(file) ? file : resolve(dirname(path), file);
    try {
      network = await options.loadNetwork(networkPath);
    } catch (e) {
      if (isVrpkitError(e)) throw e;
      throw new VrpkitError('file', `cannot load the road network '${file}': ${(e as Error).message}`, '/travel/file');
    }
  }
  return { problem: problemFromJson(value, { network, limits: options.limits }), format: 'json' };
}
