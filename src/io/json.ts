/**
 * Native JSON route files: a `Problem` written as JSON.
 *
 * ```json
 * {
 *   "name": "city deliveries",
 *   "travel": { "type": "haversine", "speed": 8 },
 *   "vehicles": [{ "id": "van-1", "start": [4.89, 52.37], "end": [4.89, 52.37],
 *                  "capacity": [40], "shift": [25200, 54000] }],
 *   "jobs": [{ "id": "order-17", "location": [4.91, 52.36], "delivery": [3],
 *              "serviceDuration": 300, "timeWindows": [[32400, 39600]] }]
 * }
 * ```
 *
 * Travel may be `matrix` (`size`, `durations`, optional `distances`, row-major
 * flat arrays or arrays of rows), `euclidean` / `haversine` (coordinates), or a
 * road network stored in a file:
 * `{ "type": "network", "file": "roads.gr.gz", "points": [...] }`. A route
 * file cannot hold a network object, so the caller (the CLI) loads `file` and
 * passes the network in `options.network`; `networkFileOf(value)` tells which file.
 *
 * Errors: text that is not JSON → `VrpkitError` code `json` with the position
 * (`line 3, column 5`); a document that is not a valid problem → every issue
 * found by `validateProblem`, at once, with JSON pointers into the file.
 */
import { VrpkitError, pointer, type InputIssue } from '../core/errors.js';
import { validateProblem } from '../model/validate.js';
import type { Problem, TravelProvider } from '../model/types.js';
import { parseJsonText } from './json-text.js';
import { resolveLimits, type InputLimits } from '../core/limits.js';
import { checkProblemSize } from './problem-size.js';

export { parseJsonText, lineColumn } from './json-text.js';

export interface ProblemJsonOptions {
  /** The road network for `travel.type: 'network'` with a `file` (loaded by the caller). */
  network?: TravelProvider;
  /** Input limits (defaults: `DEFAULT_LIMITS`); see `checkProblemSize`. */
  limits?: Partial<InputLimits>;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The road-network file a route file refers to (`travel.file` of a `network` travel), if any. */
export function networkFileOf(value: unknown): string | undefined {
  if (!isObject(value) || !isObject(value.travel)) return undefined;
  const t = value.travel;
  return t.type === 'network' && typeof t.file === 'string' ? t.file : undefined;
}

/**
 * Turns a parsed route file into a validated `Problem`. Throws one `VrpkitError`
 * listing every issue (JSON pointers into the file) when it is not valid.
 */
export function problemFromJson(value: unknown, options: ProblemJsonOptions = {}): Problem {
  checkProblemSize(value, resolveLimits(options.limits));
  const issues: InputIssue[] = [];
  let input = value;
  let rowsOf: { field: string; size: number }[] = [];

  if (isObject(value) && isObject(value.travel)) {
    const travel = value.travel;
    if (travel.type === 'network' && 'file' in travel) {
      const { file, network: inFile, ...rest } = travel;
      // A route file cannot hold a network object: the one the caller loads replaces it, so say so.
      if (inFile !== undefined) issues.push({ code: 'unknown-field', pointer: pointer('travel', 'network'), message: 'a route file names its road network with "file"; "network" is not a field of it' });
      if (typeof file !== 'string' || file === '') {
        issues.push({ code: 'type', pointer: pointer('travel', 'file'), message: 'must be the path of a road-network file' });
      } else if (!options.network) {
        issues.push({
          code: 'unsupported',
          pointer: pointer('travel', 'file'),
          message: `the road network '${file}' must be loaded by the caller (the vrpkit command does it)`,
        });
      }
      // Validate the rest of the file against a stand-in network so every other issue is reported too.
      const network: TravelProvider = options.network ?? { travelMatrix: () => ({ durations: new Float64Array(), distances: new Float64Array() }) };
      input = { ...value, travel: { ...rest, network } };
    } else if (travel.type === 'matrix') {
      const flattened = flattenMatrixRows(travel, issues, '/travel');
      input = { ...value, travel: flattened.travel };
      rowsOf = flattened.rows;
    }
  }
  // Matrix profiles may give their matrices as rows too.
  if (isObject(input) && isObject(input.profiles)) {
    const profiles: Record<string, unknown> = { ...input.profiles };
    for (const [name, t] of Object.entries(profiles)) {
      if (!isObject(t) || t.type !== 'matrix') continue;
      const flattened = flattenMatrixRows(t, issues, pointer('profiles', name));
      profiles[name] = flattened.travel;
      rowsOf = rowsOf.concat(flattened.rows);
    }
    input = { ...input, profiles };
  }

  for (const issue of validateProblem(input)) {
    issues.push(rowsOf.length > 0 ? { ...issue, pointer: unflattenPointer(issue.pointer, rowsOf) } : issue);
  }
  if (issues.length > 0) throw VrpkitError.fromIssues(issues);
  return input as Problem;
}

/** Parses and validates a JSON route file (text). */
export function parseProblemJson(text: string, options: ProblemJsonOptions = {}): Problem {
  return problemFromJson(parseJsonText(text, 'the route file', options.limits), options);
}

/**
 * Accepts `durations` / `distances` / `costs` given as arrays of rows (as VROOM does):
 * flattens them row-major, infers `size` when missing, and reports ragged rows.
 */
function flattenMatrixRows(
  travel: Record<string, unknown>,
  issues: InputIssue[],
  base: string,
): { travel: Record<string, unknown>; rows: { field: string; size: number }[] } {
  const out: Record<string, unknown> = { ...travel };
  const rows: { field: string; size: number }[] = [];
  for (const name of ['durations', 'distances', 'costs']) {
    const field = `${base}/${name}`;
    const m = travel[name];
    if (!Array.isArray(m) || m.length === 0 || !m.every(Array.isArray)) continue;
    const n = m.length;
    if (out.size === undefined) out.size = n;
    const size = typeof out.size === 'number' ? out.size : n;
    const flat: unknown[] = [];
    m.forEach((row: unknown[], i: number) => {
      if (row.length !== size) {
        issues.push({
          code: 'matrix-size',
          pointer: `${field}/${i}`,
          message: `row ${i} has ${row.length} entries, expected ${size}`,
        });
      }
      for (let j = 0; j < size; j++) flat.push(row[j]);
    });
    out[name] = flat;
    rows.push({ field, size });
  }
  return { travel: out, rows };
}

/** Maps `/travel/durations/k` of the flattened matrix back to `/travel/durations/i/j` of the file (profiles too). */
function unflattenPointer(p: string, rows: { field: string; size: number }[]): string {
  for (const { field, size } of rows) {
    const prefix = `${field}/`;
    if (p.startsWith(prefix)) {
      const k = Number(p.slice(prefix.length).split('/')[0]);
      if (Number.isInteger(k) && size > 0) return `${prefix}${Math.floor(k / size)}/${k % size}`;
    }
  }
  return p;
}
