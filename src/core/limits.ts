/**
 * Input limits: how large an input may be before vrpkit refuses it, checked
 * *before* anything is allocated from a header count or a size field.
 *
 * A reader that allocates from a count it read (`p sp <nodes> <arcs>`,
 * `DIMENSION`, a fleet size, a matrix `size`) calls `checkLimit` with that
 * count first. Anything over a limit is a `VrpkitError` with code `limit` that
 * names the header or field (`pointer`), the value and the limit, and says how
 * to raise it. The defaults keep every refused input well under 1 GB of memory
 * and cover the largest public benchmark sets and city-to-country road graphs;
 * pass `limits: { maxNodes: … }` (library) or `--limits nodes=…` (command
 * line) to raise them.
 *
 * API, for every reader:
 * - `resolveLimits(partial)` → a complete, checked `InputLimits`;
 * - `checkLimit(limits, 'maxNodes', count, what, pointer)` throws when
 *   `count > limits.maxNodes`;
 * - `parseLimitsArg('nodes=5e7,arcs=1e8')` → a partial for the command line.
 */
import { VrpkitError } from './errors.js';

export interface InputLimits {
  /**
   * Largest text input (route, event, SLA, points, solution and benchmark files):
   * bytes on disk and inflated size of a gzip file. Text readers build strings
   * and objects several times the size of their input, hence a modest default.
   */
  maxInputBytes: number;
  /** Largest road-network file (DIMACS `.gr` / `.co`, read as bytes): on disk and inflated. */
  maxNetworkBytes: number;
  /** Largest node count of a road network (DIMACS `p sp <nodes> …`). */
  maxNodes: number;
  /** Largest arc count of a road network (DIMACS `p sp … <arcs>`). */
  maxArcs: number;
  /** Most jobs (customers) in one problem (JSON `jobs`, Solomon rows, CVRPLIB `DIMENSION`). */
  maxJobs: number;
  /** Most vehicles in one problem (JSON `vehicles`, Solomon `NUMBER`, CVRPLIB `VEHICLES`). */
  maxVehicles: number;
  /** Most cells (`size²`) of one travel matrix (JSON `travel.size`, CVRPLIB EXPLICIT matrices). */
  maxMatrixCells: number;
  /** Most capacity dimensions (entries of a `capacity`, `delivery` or `pickup` vector): every load check costs one step per dimension. */
  maxDimensions: number;
  /**
   * Most objects and arrays in one JSON document, counted before parsing: each
   * costs ~50–100 bytes once parsed, so this bounds the memory of `JSON.parse`.
   */
  maxJsonContainers: number;
}

/** The defaults (see README, "Limits"). */
export const DEFAULT_LIMITS: Readonly<InputLimits> = Object.freeze({
  maxInputBytes: 32 * 1024 * 1024,
  maxNetworkBytes: 256 * 1024 * 1024,
  maxNodes: 10_000_000,
  maxArcs: 25_000_000,
  maxJobs: 200_000,
  maxVehicles: 100_000,
  maxMatrixCells: 16_000_000,
  maxDimensions: 32,
  maxJsonContainers: 2_000_000,
});

/** Command-line names of the limits (`--limits nodes=…,arcs=…`). */
export const LIMIT_NAMES: Readonly<Record<string, keyof InputLimits>> = Object.freeze({
  'input-bytes': 'maxInputBytes',
  'network-bytes': 'maxNetworkBytes',
  nodes: 'maxNodes',
  arcs: 'maxArcs',
  jobs: 'maxJobs',
  vehicles: 'maxVehicles',
  'matrix-cells': 'maxMatrixCells',
  dimensions: 'maxDimensions',
  'json-containers': 'maxJsonContainers',
});

const CLI_NAME: Record<keyof InputLimits, string> = {
  maxInputBytes: 'input-bytes',
  maxNetworkBytes: 'network-bytes',
  maxNodes: 'nodes',
  maxArcs: 'arcs',
  maxJobs: 'jobs',
  maxVehicles: 'vehicles',
  maxMatrixCells: 'matrix-cells',
  maxDimensions: 'dimensions',
  maxJsonContainers: 'json-containers',
};

/** Completes and checks a partial set of limits (each a positive integer, `Infinity` allowed). */
export function resolveLimits(partial?: Partial<InputLimits>): InputLimits {
  const out: InputLimits = { ...DEFAULT_LIMITS };
  if (partial === undefined || partial === null) return out;
  if (typeof partial !== 'object') throw new VrpkitError('invalid-option', 'limits must be an object', 'limits');
  for (const [key, value] of Object.entries(partial)) {
    if (!(key in DEFAULT_LIMITS)) {
      throw new VrpkitError('invalid-option', `unknown limit '${key}' (known: ${Object.keys(DEFAULT_LIMITS).join(', ')})`, `limits/${key}`);
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 1) || (Number.isFinite(value) && !Number.isInteger(value))) {
      throw new VrpkitError('invalid-option', `limit ${key} must be a positive integer, got ${String(value)}`, `limits/${key}`);
    }
    out[key as keyof InputLimits] = value;
  }
  return out;
}

/**
 * Throws a `VrpkitError` (code `limit`) when `count` exceeds `limits[name]`.
 * `what` names the header or field as the user wrote it ("the 'p sp' node
 * count", "DIMENSION"); `at` is its pointer (`line 3`, `/jobs`, `gr:7`).
 * A count that is not a finite number counts as over the limit.
 */
export function checkLimit(limits: InputLimits, name: keyof InputLimits, count: number, what: string, at: string): void {
  const max = limits[name];
  if (count <= max) return;
  throw new VrpkitError(
    'limit',
    `${what} ${count} exceeds the limit of ${max} (${limitHint(name)})`,
    at,
  );
}

/** How to raise a limit, for messages: `maxNodes; raise it with --limits nodes=N or the maxNodes option`. */
export function limitHint(name: keyof InputLimits): string {
  return `${name}; raise it with --limits ${CLI_NAME[name]}=N or the ${name} option`;
}

/** Parses `--limits nodes=5e7,arcs=1e8,input-bytes=1073741824` (names of `LIMIT_NAMES` or the option names). */
export function parseLimitsArg(text: string): Partial<InputLimits> {
  const out: Partial<InputLimits> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([A-Za-z-]+)\s*=\s*(\S+)\s*$/.exec(part);
    const key = m ? (LIMIT_NAMES[m[1]] ?? (m[1] in DEFAULT_LIMITS ? (m[1] as keyof InputLimits) : undefined)) : undefined;
    if (!m || !key) {
      throw new VrpkitError(
        'usage',
        `--limits takes NAME=N[,NAME=N…] with NAME one of ${Object.keys(LIMIT_NAMES).join(', ')}; got '${part}'`,
        '--limits',
      );
    }
    const value = m[2] === 'Infinity' || m[2] === 'none' ? Infinity : Number(m[2]);
    if (!(value >= 1) || (Number.isFinite(value) && !Number.isInteger(value))) {
      throw new VrpkitError('usage', `--limits ${m[1]} must be a positive integer (or 'none'), got '${m[2]}'`, '--limits');
    }
    out[key] = value;
  }
  return out;
}

