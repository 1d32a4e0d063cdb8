/**
 * Reader for Solomon (1987) and Gehring–Homberger VRPTW text files.
 *
 * ```
 * C101
 *
 * VEHICLE
 * NUMBER     CAPACITY
 *   25         200
 *
 * CUSTOMER
 * CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME
 *     0      40         50          0          0       1236          0
 *     1      45         68         10        912        967         90
 * ```
 *
 * Mapping to a `Problem`:
 * - customer 0 is the depot; every other row is a job whose id is its customer
 *   number, with `delivery: [DEMAND]`, `serviceDuration: SERVICE` and
 *   `timeWindows: [[READY, DUE]]` (the window constrains the start of service);
 * - `NUMBER` vehicles with ids `1..NUMBER` (an upper bound on the routes, not
 *   a number to use), `capacity: [CAPACITY]`, start = end = the depot and
 *   `shift: [depot READY, depot DUE]`;
 * - travel is Euclidean on the file's coordinates (index 0 = depot, then the
 *   customers in file order) with travel time = distance (speed 1).
 *
 * Rounding: by default every arc is **truncated to one decimal**
 * (`floor(10 d) / 10`, `truncate1`), the DIMACS 2021 distance-only convention
 * under which the `dist` best-known values are stated. Pass
 * `{ rounding: 'none' }` for the classic double-precision (hierarchical) tables.
 *
 * Malformed input throws a `VrpkitError` with code `parse`, listing every
 * problem found, each with its line number as pointer (`line 12`); a fleet or
 * customer count over the input limits (`options.limits`) throws code `limit`.
 */
import type { ArcRounding, Job, Problem, Vehicle } from '../model/types.js';
import { checkLimit, resolveLimits, type InputLimits } from '../core/limits.js';
import { IssueList, TextLines, excerpt, fields, linePointer, toNumber } from './text-lines.js';

export interface SolomonOptions {
  /** Per-arc rounding of distances and travel times. Default `truncate1` (DIMACS). */
  rounding?: ArcRounding;
  /** Input limits (defaults: `DEFAULT_LIMITS`): vehicle `NUMBER` ≤ `maxVehicles`, customer rows ≤ `maxJobs`. */
  limits?: Partial<InputLimits>;
}

/** Parses a Solomon / Gehring–Homberger instance into a `Problem` (see the module comment). */
export function parseSolomon(text: string, options: SolomonOptions = {}): Problem {
  const limits = resolveLimits(options.limits);
  const lines = new TextLines(text);
  const issues = new IssueList('parse', 'invalid Solomon file');

  const upper = (i: number) => lines.get(i).trim().toUpperCase();
  const nextNonEmpty = (from: number): number => {
    let i = from;
    while (i < lines.length && lines.isBlank(i)) i++;
    return i;
  };

  // Name: the first non-empty line, unless the file starts directly with VEHICLE.
  let name: string | undefined;
  const first = nextNonEmpty(0);
  if (first < lines.length && upper(first) !== 'VEHICLE') name = excerpt(lines.get(first).trim(), 200);

  const vehicleAt = lines.findNonBlank((l) => l.trim().toUpperCase() === 'VEHICLE');
  const customerAt = lines.findNonBlank((l) => l.trim().toUpperCase() === 'CUSTOMER');
  if (vehicleAt < 0) issues.add(0, "missing the 'VEHICLE' section");
  if (customerAt < 0) issues.add(0, "missing the 'CUSTOMER' section");
  if (vehicleAt >= 0 && customerAt >= 0 && customerAt < vehicleAt) {
    issues.add(customerAt, "the 'CUSTOMER' section must come after the 'VEHICLE' section");
  }
  issues.throwIfAny();

  // VEHICLE: a header line (NUMBER CAPACITY), then the two numbers.
  let fleetSize = 0;
  let capacity = 0;
  let i = nextNonEmpty(vehicleAt + 1);
  if (i < customerAt && /[a-z]/i.test(lines.get(i))) i = nextNonEmpty(i + 1);
  if (i >= customerAt) {
    issues.add(vehicleAt, "the 'VEHICLE' section has no 'NUMBER CAPACITY' values");
  } else {
    const f = fields(lines.get(i));
    const n = toNumber(f[0]);
    const q = toNumber(f[1]);
    if (f.length !== 2) issues.add(i, `expected 2 values (NUMBER CAPACITY), found ${f.length}`);
    if (n === undefined || !Number.isInteger(n) || n < 1) {
      issues.add(i, `vehicle NUMBER must be a positive integer, got '${excerpt(f[0] ?? '')}'`);
    } else {
      checkLimit(limits, 'maxVehicles', n, 'the vehicle NUMBER', linePointer(i));
      fleetSize = n;
    }
    if (q === undefined || q < 0) issues.add(i, `vehicle CAPACITY must be a non-negative number, got '${excerpt(f[1] ?? '')}'`);
    else capacity = q;
    for (let k = nextNonEmpty(i + 1); k < customerAt; k = nextNonEmpty(k + 1)) {
      issues.add(k, `unexpected line in the 'VEHICLE' section: '${excerpt(lines.get(k).trim())}'`);
    }
  }

  // CUSTOMER: header line(s) with letters, then rows of 7 numbers.
  const coordinates: [number, number][] = [];
  const jobs: Job[] = [];
  let depot: { ready: number; due: number } | undefined;
  const seen = new Map<number, number>();
  let j = customerAt + 1;
  while (j < lines.length && (lines.isBlank(j) || /[a-z]/i.test(lines.get(j)))) j++;
  // a row of seven plain integers (the usual file) is read without building strings; anything else the general way
  const row = new Float64Array(7);
  for (; j < lines.length; j++) {
    const plain = lines.integers(j, row);
    if (plain === 0) continue; // spaces and tabs only
    let v: ArrayLike<number> = row;
    if (plain !== 7 || row[0] < 0) {
      if (lines.isBlank(j)) continue;
      const f = fields(lines.get(j));
      if (f.length === 0) continue;
      if (f.length === 1 && f[0].toUpperCase() === 'EOF') break;
      if (f.length !== 7) {
        issues.add(j, `expected 7 values (CUST NO. XCOORD. YCOORD. DEMAND READY DUE SERVICE), found ${f.length}`);
        continue;
      }
      const parsed = f.map(toNumber);
      const bad = parsed.findIndex((x) => x === undefined);
      if (bad >= 0) {
        issues.add(j, `value ${bad + 1} is not a number: '${excerpt(f[bad])}'`);
        continue;
      }
      v = parsed as number[];
      if (!Number.isInteger(v[0]) || v[0] < 0) {
        issues.add(j, `CUST NO. must be a non-negative integer, got '${excerpt(f[0])}'`);
        continue;
      }
    }
    const id = v[0], x = v[1], y = v[2], demand = v[3], ready = v[4], due = v[5], service = v[6];
    const previous = seen.get(id);
    if (previous !== undefined) {
      issues.add(j, `customer ${id} is listed twice (first at line ${previous + 1})`);
      continue;
    }
    seen.set(id, j);
    if (demand < 0) issues.add(j, `DEMAND must be non-negative, got ${demand}`);
    if (service < 0) issues.add(j, `SERVICE TIME must be non-negative, got ${service}`);
    if (ready > due) issues.add(j, `READY TIME ${ready} is after DUE DATE ${due}`);
    if (id === 0) {
      if (coordinates.length > 0) issues.add(j, 'the depot (customer 0) must be the first row');
      depot = { ready, due };
      coordinates.unshift([x, y]);
      continue;
    }
    coordinates.push([x, y]);
    if (jobs.length >= limits.maxJobs) checkLimit(limits, 'maxJobs', jobs.length + 1, 'the number of customer rows', linePointer(j));
    jobs.push({
      id,
      location: -1, // set below, once the depot's index is known
      delivery: [demand],
      serviceDuration: service,
      timeWindows: [[ready, due]],
    });
  }
  if (!depot) issues.add(customerAt, 'no depot row (customer 0) in the CUSTOMER section');
  if (depot && jobs.length === 0) issues.add(customerAt, 'no customers in the CUSTOMER section');
  issues.throwIfAny();

  // Depot first (index 0), customers after it in file order.
  jobs.forEach((job, k) => (job.location = k + 1));
  const shift: [number, number] = [depot!.ready, depot!.due];
  const vehicles: Vehicle[] = [];
  for (let k = 1; k <= fleetSize; k++) {
    vehicles.push({ id: k, start: 0, end: 0, capacity: [capacity], shift: [shift[0], shift[1]] });
  }
  return {
    name,
    jobs,
    vehicles,
    travel: { type: 'euclidean', coordinates, rounding: options.rounding ?? 'truncate1' },
  };
}
