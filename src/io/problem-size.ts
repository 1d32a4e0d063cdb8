/**
 * Size checks of a parsed route file (a `Problem` as JSON), before it is
 * flattened, validated or turned into matrices: job and vehicle counts, and
 * the number of cells of the travel matrix the file declares or will need.
 * Each check names the field (JSON pointer) and the limit (`core/limits.ts`).
 */
import { VrpkitError, pointer } from '../core/errors.js';
import { checkLimit, type InputLimits } from '../core/limits.js';
import { DECOMPOSE_THRESHOLD, zonesApply } from '../solver/decompose/options.js';

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A key for a location value (index or `[x, y]`), to count distinct locations. */
function locationKey(loc: unknown): string | undefined {
  if (typeof loc === 'number') return `#${loc}`;
  if (Array.isArray(loc) && loc.length === 2) return `${String(loc[0])},${String(loc[1])}`;
  return undefined;
}

/**
 * Throws a `VrpkitError` (code `limit`) when a route file is larger than the
 * limits allow: `jobs` ≤ `maxJobs`, `vehicles` ≤ `maxVehicles`, a matrix travel's
 * `size²` (or rows², or entry count) ≤ `maxMatrixCells`, and — because road
 * network travel is resolved into a dense matrix over the distinct locations —
 * distinct locations² ≤ `maxMatrixCells` for `network` travel; capacity,
 * delivery and pickup vectors ≤ `maxDimensions` entries; `coordinates` /
 * `points` lists hold at most `maxJobs + 2 × maxVehicles` locations.
 */
export function checkProblemSize(value: unknown, limits: InputLimits): void {
  if (!isObject(value)) return;
  const { jobs, vehicles, travel } = value;
  if (Array.isArray(jobs)) checkLimit(limits, 'maxJobs', jobs.length, 'the number of jobs', '/jobs');
  if (Array.isArray(vehicles)) checkLimit(limits, 'maxVehicles', vehicles.length, 'the number of vehicles', '/vehicles');
  // Capacity dimensions: the longest capacity / delivery / pickup vector.
  const vectors: [unknown, string, string[]][] = [[jobs, 'jobs', ['delivery', 'pickup']], [vehicles, 'vehicles', ['capacity']]];
  for (const [list, name, fields] of vectors) {
    if (!Array.isArray(list)) continue;
    list.forEach((item: unknown, i: number) => {
      if (!isObject(item)) return;
      for (const f of fields) {
        const v = item[f];
        if (Array.isArray(v)) checkLimit(limits, 'maxDimensions', v.length, `the number of capacity dimensions of ${f}`, pointer(name, i, f));
      }
    });
  }
  if (!isObject(travel)) return;
  // Location lists: every entry is a place a job or a vehicle's start or end may use.
  const places = limits.maxJobs + 2 * limits.maxVehicles;
  for (const field of ['coordinates', 'points']) {
    const list = travel[field];
    if (Array.isArray(list) && list.length > places) {
      throw new VrpkitError(
        'limit',
        `travel.${field} has ${list.length} entries, more than the ${places} locations the jobs and vehicles limits allow (maxJobs + 2 × maxVehicles; raise them with --limits jobs=N,vehicles=N)`,
        pointer('travel', field),
      );
    }
  }
  if (travel.type === 'matrix') {
    if (typeof travel.size === 'number') {
      checkLimit(limits, 'maxMatrixCells', travel.size * travel.size, `the matrix of size ${travel.size} (size² cells)`, pointer('travel', 'size'));
    }
    for (const field of ['durations', 'distances']) {
      const m = travel[field];
      if (!Array.isArray(m)) continue;
      const cells = m.length > 0 && Array.isArray(m[0]) ? m.length * m.length : m.length;
      checkLimit(limits, 'maxMatrixCells', cells, `the ${field} matrix (cells)`, pointer('travel', field));
    }
  }
  if (travel.type === 'network') {
    const keys = new Set<string>();
    const add = (loc: unknown) => {
      const k = locationKey(loc);
      if (k !== undefined) keys.add(k);
    };
    if (Array.isArray(jobs)) for (const j of jobs) if (isObject(j)) add(j.location);
    if (Array.isArray(vehicles)) {
      for (const v of vehicles) {
        if (!isObject(v)) continue;
        add(v.start);
        add(v.end);
      }
    }
    const n = keys.size;
    // Above the decomposition threshold, where zones apply (solver/decompose/options.ts), the problem is solved
    // zone by zone, each zone with travel between its own locations only: no matrix over all of them.
    const shipments = Array.isArray(value.shipments) && value.shipments.length > 0;
    const profiles = Array.isArray(vehicles) && vehicles.some((v) => isObject(v) && v.profile !== undefined);
    const zoned = Array.isArray(jobs) && jobs.length > DECOMPOSE_THRESHOLD && zonesApply(shipments, profiles);
    if (!zoned) checkLimit(limits, 'maxMatrixCells', n * n, `road-network travel over ${n} distinct locations needs a matrix whose cell count`, '/jobs');
  }
}
