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
 * with its line number as pointer (`line 12`). Sizes are checked against the
 * input limits (`options.limits`) before anything is sized from them: code `limit`.
 */
import type { Job, MatrixTravel, MetricTravel, Problem, Vehicle } from '../model/types.js';
import { checkLimit, resolveLimits, type InputLimits } from '../core/limits.js';
import { IssueList, TextLines, excerpt, linePointer, toNumber } from './text-lines.js';
import { Section, TWINS, matrixValues, readMatrix, type Token } from './cvrplib-sections.js';

export interface CvrplibOptions {
  /** Input limits (defaults: `DEFAULT_LIMITS`): `DIMENSION − 1` ≤ `maxJobs`, `VEHICLES` ≤ `maxVehicles`, EXPLICIT `DIMENSION²` ≤ `maxMatrixCells`. */
  limits?: Partial<InputLimits>;
}

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

/** Parses a CVRPLIB `.vrp` instance into a `Problem` (see the module comment). */
export function parseCvrplib(text: string, options: CvrplibOptions = {}): Problem {
  const limits = resolveLimits(options.limits);
  const lines = new TextLines(text);
  const issues = new IssueList('parse', 'invalid CVRPLIB file');
  const spec = new Map<string, { value: string; line: number }>();
  const sections = new Map<string, Section>();

  /** The DIMENSION read so far, when it is a usable integer (checked against the limits). */
  let knownDimension: number | undefined;
  const sectionCap = (key: string): number => {
    const n = knownDimension;
    if (n === undefined) return Math.max(3 * (limits.maxJobs + 1), Math.min(limits.maxMatrixCells, 1e8)) + 1;
    if (key === 'EDGE_WEIGHT_SECTION') {
      const format = (spec.get('EDGE_WEIGHT_FORMAT')?.value ?? 'FULL_MATRIX').toUpperCase();
      return Math.min(MATRIX_FORMATS.has(format) ? matrixValues(n, TWINS[format] ?? format) : n * n, limits.maxMatrixCells + 1);
    }
    return 4 * n + 2; // id + up to 3 values per node (coordinates, demand, display data), depot list
  };

  let current: Section | undefined;
  for (let i = 0; i < lines.length; i++) {
    const first = lines.firstNonSpace(i);
    if (first < 0) continue;
    const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
    if (!letter && current?.overflow) continue; // more data for a section already over its size: reported once
    const raw = lines.get(i).trim();
    if (/^[A-Za-z]/.test(raw)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*(.*))?$/.exec(raw);
      if (!m) {
        issues.add(i, `cannot read the line '${excerpt(raw)}'`);
        current = undefined;
        continue;
      }
      const key = m[1].toUpperCase();
      if (key === 'EOF') break;
      if (key.endsWith('_SECTION')) {
        if (sections.has(key)) issues.add(i, `${excerpt(key)} appears twice`);
        current = new Section(i, sectionCap(key));
        sections.set(key, current);
        // Data may follow the keyword on the same line (rare, but legal).
        if (!current.addLine(m[2] ?? '', i)) issues.add(i, `${excerpt(key)} has more values than DIMENSION allows`);
        continue;
      }
      current = undefined;
      if (m[2] === undefined) {
        issues.add(i, `expected 'KEY : value', got '${excerpt(raw)}'`);
        continue;
      }
      spec.set(key, { value: m[2].trim().replace(/^"(.*)"$/, '$1'), line: i });
      if (key === 'DIMENSION') {
        const n = Number(m[2].trim());
        if (Number.isInteger(n) && n >= 2) {
          checkLimit(limits, 'maxJobs', n - 1, 'the customer count (DIMENSION − 1)', linePointer(i));
          knownDimension = n;
        }
      }
      continue;
    }
    if (!current) {
      issues.add(i, `data outside of any section: '${excerpt(raw)}'`);
      continue;
    }
    if (current.overflow) continue;
    if (!current.addLine(raw, i)) {
      const key = [...sections].find(([, sec]) => sec === current)![0];
      issues.add(i, `${excerpt(key)} has more values than DIMENSION ${knownDimension ?? '?'} allows (at most ${current.cap})`);
    }
  }

  // --- specification part ---------------------------------------------------
  const num = (key: string, integer: boolean, min: number): number | undefined => {
    const s = spec.get(key);
    if (!s) return undefined;
    const n = toNumber(s.value);
    if (n === undefined || (integer && !Number.isInteger(n)) || n < min) {
      issues.add(s.line, `${key} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got '${excerpt(s.value)}'`);
      return undefined;
    }
    return n;
  };
  const type = spec.get('TYPE');
  if (type && !/^A?CVRP$/i.test(type.value)) {
    issues.add(type.line, `TYPE '${excerpt(type.value)}' is not supported (only CVRP)`, 'unsupported');
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
      `EDGE_WEIGHT_TYPE '${excerpt(weightType)}' is not supported (EUC_2D or EXPLICIT)`,
      'unsupported',
    );
  } else if (weightType === 'EXPLICIT' && !MATRIX_FORMATS.has(weightFormat)) {
    issues.add(
      spec.get('EDGE_WEIGHT_FORMAT')?.line ?? 0,
      `EDGE_WEIGHT_FORMAT '${excerpt(weightFormat)}' is not supported`,
      'unsupported',
    );
  }
  issues.throwIfAny();
  const n = dimension!;
  if (fleet !== undefined) checkLimit(limits, 'maxVehicles', fleet, 'VEHICLES', linePointer(spec.get('VEHICLES')!.line));
  if (weightType === 'EXPLICIT') {
    checkLimit(limits, 'maxMatrixCells', n * n, `the EXPLICIT matrix of DIMENSION ${n} (DIMENSION² cells)`, linePointer(spec.get('DIMENSION')!.line));
  }

  // --- data part --------------------------------------------------------------
  const nodeIndex = (t: Token): number | undefined => {
    const id = Number(t.value);
    if (!Number.isInteger(id) || id < 1 || id > n) {
      issues.add(t.line, `node id must be an integer in 1..${n}, got '${t.value}'`);
      return undefined;
    }
    return id - 1;
  };

  /** Reads `id v1 .. vk` rows of a section into one array per node (undefined = not listed). */
  const rowLine = new Map<string, Int32Array>();
  const rows = (key: string, width: number, required: boolean): (number[] | undefined)[] => {
    const out: (number[] | undefined)[] = new Array(n);
    const section = sections.get(key);
    if (!section) {
      if (required) issues.add(0, `missing ${key}`);
      return out;
    }
    const lineOf = new Int32Array(n).fill(section.line);
    rowLine.set(key, lineOf);
    // Values arrive in line order: each run of values with the same line is one row.
    for (let a = 0; a < section.length; ) {
      const line = section.lines[a];
      let b = a + 1;
      while (b < section.length && section.lines[b] === line) b++;
      const count = b - a;
      const from = a;
      a = b;
      if (count !== width + 1) {
        issues.add(line, `${key}: expected ${width + 1} values per line, found ${count}`);
        continue;
      }
      const idx = nodeIndex(section.token(from));
      if (idx === undefined) continue;
      const values = Array.from(section.values.subarray(from + 1, from + 1 + width));
      const bad = values.findIndex((v) => Number.isNaN(v));
      if (bad >= 0) {
        issues.add(line, `${key}: '${section.token(from + 1 + bad).value}' is not a number`);
        continue;
      }
      if (out[idx]) issues.add(line, `${key}: node ${idx + 1} is listed twice`);
      out[idx] = values;
      lineOf[idx] = line;
    }
    if (required) {
      let missing = -1;
      for (let k = 0; k < n && missing < 0; k++) if (out[k] === undefined) missing = k;
      // One issue is enough to say the section is incomplete.
      if (missing >= 0) issues.add(section.line, `${key}: node ${missing + 1} is missing`);
    }
    return out;
  };

  const coords = rows('NODE_COORD_SECTION', 2, weightType === 'EUC_2D');
  const display = sections.has('DISPLAY_DATA_SECTION') ? rows('DISPLAY_DATA_SECTION', 2, false) : undefined;
  const demands = rows('DEMAND_SECTION', 1, true);
  const demandLine = (node: number) => rowLine.get('DEMAND_SECTION')?.[node] ?? 0;

  // DEPOT_SECTION: node ids terminated by -1; vrpkit reads one depot.
  let depot = -1;
  const depotSection = sections.get('DEPOT_SECTION');
  if (!depotSection) issues.add(0, 'missing DEPOT_SECTION');
  else {
    const ids: Token[] = [];
    for (let k = 0; k < depotSection.length && ids.length < 2; k++) {
      if (depotSection.values[k] === -1) break;
      ids.push(depotSection.token(k));
    }
    if (ids.length === 0) issues.add(depotSection.line, 'DEPOT_SECTION lists no depot');
    else if (ids.length > 1) issues.add(ids[1].line, 'more than one depot is not supported', 'unsupported');
    else depot = nodeIndex(ids[0]) ?? -1;
  }

  for (let k = 0; k < n; k++) {
    const d = demands[k]?.[0];
    if (d === undefined) continue;
    if (d < 0 || !Number.isInteger(d)) issues.add(demandLine(k), `demand of node ${k + 1} must be a non-negative integer, got ${d}`);
  }
  if (depot >= 0 && (demands[depot]?.[0] ?? 0) !== 0) {
    issues.add(demandLine(depot), `the depot (node ${depot + 1}) has a non-zero demand`);
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
