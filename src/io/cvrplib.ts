/**
 * Reader for TSPLIB / CVRPLIB `.vrp` files (e.g. the Uchoa et al. X set).
 *
 * ```
 * NAME : X-n101-k25
 * TYPE : CVRP
 * DIMENSION : 101
 * EDGE_WEIGHT_TYPE : EUC_2D
 * CAPACITY : 206
 * NODE_COORD_SECTION
 * 1 365 689
 * ...
 * DEMAND_SECTION
 * 1 0
 * ...
 * DEPOT_SECTION
 *  1
 *  -1
 * EOF
 * ```
 *
 * Mapping to a `Problem`:
 * - node ids are `1..DIMENSION` (TSPLIB); node `id` has location index `id − 1`;
 * - every node except the depot is a job whose id is its node number, with
 *   `delivery: [demand]`;
 * - the number of routes is free (Uchoa et al. convention): one vehicle per
 *   customer (ids `1..n`) unless the file says `VEHICLES`; every vehicle has
 *   `capacity: [CAPACITY]`, start = end = the depot, no shift;
 * - travel: `EUC_2D` → Euclidean with TSPLIB `nint` per-arc rounding
 *   (`floor(d + 0.5)`, the convention of the X best-known values);
 *   `EXPLICIT` (`FULL_MATRIX`, `LOWER_ROW`, `UPPER_ROW`, `LOWER_DIAG_ROW`,
 *   `UPPER_DIAG_ROW` and their `_COL` twins) → a matrix, durations = distances.
 *   Other weight types throw `unsupported`;
 * - optional `SERVICE_TIME` → every job's `serviceDuration`; optional `DISTANCE`
 *   → every vehicle's route limit: `maxDuration` when there is a service time
 *   (the CMT convention counts service time in the route length; travel time =
 *   distance), else `maxDistance`.
 *
 * Malformed input throws a `VrpkitError` (code `parse`, or `unsupported` for
 * valid TSPLIB features vrpkit does not read) listing every problem found, each
 * with its line number as pointer (`line 12`).
 */
import type { Job, MatrixTravel, MetricTravel, Problem, Vehicle } from '../model/types.js';
import { IssueList, fields, splitLines, toNumber } from './text-lines.js';

const MATRIX_FORMATS = new Set([
  'FULL_MATRIX',
  'LOWER_ROW',
  'UPPER_ROW',
  'LOWER_DIAG_ROW',
  'UPPER_DIAG_ROW',
  'LOWER_COL',
  'UPPER_COL',
  'LOWER_DIAG_COL',
  'UPPER_DIAG_COL',
]);

interface Token {
  value: string;
  line: number;
}

/** Parses a CVRPLIB `.vrp` instance into a `Problem` (see the module comment). */
export function parseCvrplib(text: string): Problem {
  const lines = splitLines(text);
  const issues = new IssueList('parse', 'invalid CVRPLIB file');
  const spec = new Map<string, { value: string; line: number }>();
  const sections = new Map<string, { tokens: Token[]; line: number }>();

  let current: Token[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    if (/^[A-Za-z]/.test(raw)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*(.*))?$/.exec(raw);
      if (!m) {
        issues.add(i, `cannot read the line '${raw}'`);
        current = undefined;
        continue;
      }
      const key = m[1].toUpperCase();
      if (key === 'EOF') break;
      if (key.endsWith('_SECTION')) {
        if (sections.has(key)) issues.add(i, `${key} appears twice`);
        const tokens: Token[] = [];
        sections.set(key, { tokens, line: i });
        current = tokens;
        // Data may follow the keyword on the same line (rare, but legal).
        for (const f of fields(m[2] ?? '')) tokens.push({ value: f, line: i });
        continue;
      }
      current = undefined;
      if (m[2] === undefined) {
        issues.add(i, `expected 'KEY : value', got '${raw}'`);
        continue;
      }
      spec.set(key, { value: m[2].trim().replace(/^"(.*)"$/, '$1'), line: i });
      continue;
    }
    if (!current) {
      issues.add(i, `data outside of any section: '${raw}'`);
      continue;
    }
    for (const f of fields(raw)) current.push({ value: f, line: i });
  }

  // --- specification part ---------------------------------------------------
  const num = (key: string, integer: boolean, min: number): number | undefined => {
    const s = spec.get(key);
    if (!s) return undefined;
    const n = toNumber(s.value);
    if (n === undefined || (integer && !Number.isInteger(n)) || n < min) {
      issues.add(s.line, `${key} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got '${s.value}'`);
      return undefined;
    }
    return n;
  };
  const type = spec.get('TYPE');
  if (type && !/^A?CVRP$/i.test(type.value)) {
    issues.add(type.line, `TYPE '${type.value}' is not supported (only CVRP)`, 'unsupported');
  }
  const dimension = num('DIMENSION', true, 2);
  if (!spec.has('DIMENSION')) issues.add(0, 'missing DIMENSION');
  const capacity = num('CAPACITY', false, 0);
  if (!spec.has('CAPACITY')) issues.add(0, 'missing CAPACITY');
  const fleet = num('VEHICLES', true, 1);
  const routeLimit = num('DISTANCE', false, 0);
  const serviceTime = num('SERVICE_TIME', false, 0);
  const weightType = (spec.get('EDGE_WEIGHT_TYPE')?.value ?? '').toUpperCase();
  const weightFormat = (spec.get('EDGE_WEIGHT_FORMAT')?.value ?? 'FULL_MATRIX').toUpperCase();
  if (!spec.has('EDGE_WEIGHT_TYPE')) issues.add(0, 'missing EDGE_WEIGHT_TYPE');
  else if (weightType !== 'EUC_2D' && weightType !== 'EXPLICIT') {
    issues.add(
      spec.get('EDGE_WEIGHT_TYPE')!.line,
      `EDGE_WEIGHT_TYPE '${weightType}' is not supported (EUC_2D or EXPLICIT)`,
      'unsupported',
    );
  } else if (weightType === 'EXPLICIT' && !MATRIX_FORMATS.has(weightFormat)) {
    issues.add(
      spec.get('EDGE_WEIGHT_FORMAT')?.line ?? 0,
      `EDGE_WEIGHT_FORMAT '${weightFormat}' is not supported`,
      'unsupported',
    );
  }
  issues.throwIfAny();
  const n = dimension!;

  // --- data part --------------------------------------------------------------
  const nodeIndex = (t: Token): number | undefined => {
    const id = toNumber(t.value);
    if (id === undefined || !Number.isInteger(id) || id < 1 || id > n) {
      issues.add(t.line, `node id must be an integer in 1..${n}, got '${t.value}'`);
      return undefined;
    }
    return id - 1;
  };

  /** Reads `id v1 .. vk` rows of a section into one array per node (undefined = not listed). */
  const rows = (key: string, width: number, required: boolean): (number[] | undefined)[] => {
    const out: (number[] | undefined)[] = new Array(n);
    const section = sections.get(key);
    if (!section) {
      if (required) issues.add(0, `missing ${key}`);
      return out;
    }
    const tokens = section.tokens;
    const byLine = new Map<number, Token[]>();
    for (const t of tokens) {
      let row = byLine.get(t.line);
      if (!row) byLine.set(t.line, (row = []));
      row.push(t);
    }
    for (const [line, row] of byLine) {
      if (row.length !== width + 1) {
        issues.add(line, `${key}: expected ${width + 1} values per line, found ${row.length}`);
        continue;
      }
      const idx = nodeIndex(row[0]);
      if (idx === undefined) continue;
      const values = row.slice(1).map((t) => toNumber(t.value));
      const bad = values.findIndex((v) => v === undefined);
      if (bad >= 0) {
        issues.add(line, `${key}: '${row[bad + 1].value}' is not a number`);
        continue;
      }
      if (out[idx]) issues.add(line, `${key}: node ${idx + 1} is listed twice`);
      out[idx] = values as number[];
    }
    if (required) {
      const missing = out.length === 0 ? 0 : Array.from(out, (v) => v === undefined).indexOf(true);
      // One issue is enough to say the section is incomplete.
      if (missing >= 0) issues.add(section.line, `${key}: node ${missing + 1} is missing`);
    }
    return out;
  };

  const coords = rows('NODE_COORD_SECTION', 2, weightType === 'EUC_2D');
  const display = sections.has('DISPLAY_DATA_SECTION') ? rows('DISPLAY_DATA_SECTION', 2, false) : undefined;
  const demands = rows('DEMAND_SECTION', 1, true);

  // DEPOT_SECTION: node ids terminated by -1; vrpkit reads one depot.
  let depot = -1;
  const depotSection = sections.get('DEPOT_SECTION');
  if (!depotSection) issues.add(0, 'missing DEPOT_SECTION');
  else {
    const ids: Token[] = [];
    for (const t of depotSection.tokens) {
      if (t.value === '-1') break;
      ids.push(t);
    }
    if (ids.length === 0) issues.add(depotSection.line, 'DEPOT_SECTION lists no depot');
    else if (ids.length > 1) issues.add(ids[1].line, 'more than one depot is not supported', 'unsupported');
    else depot = nodeIndex(ids[0]) ?? -1;
  }

  for (let k = 0; k < n; k++) {
    const d = demands[k]?.[0];
    if (d === undefined) continue;
    if (d < 0 || !Number.isInteger(d)) issues.add(demandLine(sections, k), `demand of node ${k + 1} must be a non-negative integer, got ${d}`);
  }
  if (depot >= 0 && (demands[depot]?.[0] ?? 0) !== 0) {
    issues.add(demandLine(sections, depot), `the depot (node ${depot + 1}) has a non-zero demand`);
  }

  let travel: MetricTravel | MatrixTravel;
  if (weightType === 'EUC_2D') {
    travel = { type: 'euclidean', coordinates: coords.map((c) => [c?.[0] ?? 0, c?.[1] ?? 0]), rounding: 'nint' };
  } else {
    const matrix = readMatrix(sections.get('EDGE_WEIGHT_SECTION'), n, weightFormat, issues);
    const geometry = display ?? coords;
    travel = { type: 'matrix', size: n, durations: matrix, distances: matrix };
    if (geometry.every((c) => c !== undefined)) {
      travel.coordinates = geometry.map((c) => [c![0], c![1]]);
    }
  }
  issues.throwIfAny();

  const jobs: Job[] = [];
  for (let k = 0; k < n; k++) {
    if (k === depot) continue;
    const job: Job = { id: k + 1, location: k, delivery: [demands[k]![0]] };
    if (serviceTime !== undefined) job.serviceDuration = serviceTime;
    jobs.push(job);
  }
  const vehicles: Vehicle[] = [];
  const count = fleet ?? jobs.length;
  for (let k = 1; k <= count; k++) {
    const v: Vehicle = { id: k, start: depot, end: depot, capacity: [capacity!] };
    if (routeLimit !== undefined) {
      if (serviceTime !== undefined) v.maxDuration = routeLimit;
      else v.maxDistance = routeLimit;
    }
    vehicles.push(v);
  }
  const name = spec.get('NAME')?.value;
  return name !== undefined ? { name, jobs, vehicles, travel } : { jobs, vehicles, travel };
}

function demandLine(sections: Map<string, { tokens: Token[]; line: number }>, node: number): number {
  const s = sections.get('DEMAND_SECTION')!;
  const t = s.tokens.find((tok) => tok.value === String(node + 1));
  return t ? t.line : s.line;
}

/** Reads an EXPLICIT edge-weight section into a full row-major matrix. */
function readMatrix(
  section: { tokens: Token[]; line: number } | undefined,
  n: number,
  format: string,
  issues: IssueList,
): Float64Array {
  const m = new Float64Array(n * n);
  if (!section) {
    issues.add(0, 'missing EDGE_WEIGHT_SECTION');
    return m;
  }
  // For symmetric matrices each *_COL layout lists the same sequence as its *_ROW twin transposed.
  const twins: Record<string, string> = {
    UPPER_COL: 'LOWER_ROW',
    LOWER_COL: 'UPPER_ROW',
    UPPER_DIAG_COL: 'LOWER_DIAG_ROW',
    LOWER_DIAG_COL: 'UPPER_DIAG_ROW',
  };
  const layout = twins[format] ?? format;
  // Visit the cells in file order without materialising them (FULL_MATRIX of n = 1000 is 10^6 cells).
  const visit = (cell: (i: number, j: number) => void) => {
    for (let i = 0; i < n; i++) {
      if (layout === 'FULL_MATRIX') for (let j = 0; j < n; j++) cell(i, j);
      else if (layout === 'UPPER_ROW') for (let j = i + 1; j < n; j++) cell(i, j);
      else if (layout === 'LOWER_ROW') for (let j = 0; j < i; j++) cell(i, j);
      else if (layout === 'UPPER_DIAG_ROW') for (let j = i; j < n; j++) cell(i, j);
      else if (layout === 'LOWER_DIAG_ROW') for (let j = 0; j <= i; j++) cell(i, j);
    }
  };
  let needed = 0;
  visit(() => needed++);
  const tokens = section.tokens;
  if (tokens.length !== needed) {
    issues.add(
      section.line,
      `EDGE_WEIGHT_SECTION: ${format} of dimension ${n} needs ${needed} values, found ${tokens.length}`,
    );
    return m;
  }
  let k = 0;
  let reported = 0;
  visit((i, j) => {
    const t = tokens[k++];
    const v = toNumber(t.value);
    if (v === undefined || v < 0) {
      if (reported++ < 5) issues.add(t.line, `EDGE_WEIGHT_SECTION: '${t.value}' is not a non-negative number`);
      return;
    }
    m[i * n + j] = v;
    if (layout !== 'FULL_MATRIX') m[j * n + i] = v;
  });
  return m;
}
