/**
 * Travel of a VROOM document.
 *
 * - **Custom matrices** (`matrices.<profile>.durations / distances / costs`, or
 *   the deprecated top-level `matrix` = `matrices.car.durations`): arrays of
 *   rows of unsigned integers, square, non-empty. Each profile used by a
 *   vehicle becomes one `MatrixTravel` (row-major, cropped to the smallest of
 *   its matrices, which must all cover every index used). Without `distances`
 *   the distances are zeros (VROOM does the same); `per_km` then needs a
 *   distance matrix (VROOM would ask its routing engine, vrpkit has none), and
 *   so does a profile without `durations`. When one profile has distances,
 *   every used profile must (as in VROOM). Matrices of profiles no vehicle uses
 *   are checked and otherwise unused (as in VROOM).
 * - **Coordinates** (no matrices): VROOM would ask a routing engine (OSRM,
 *   openrouteservice, Valhalla). vrpkit uses great-circle (haversine) distances
 *   at `HAVERSINE_SPEED` m/s, or a road network given by the caller (the
 *   `--network FILE` option of the command line), for every profile alike.
 *   Up to `MAX_DENSE_POINTS` distinct points the matrices are built once and
 *   rounded to whole metres and seconds, as VROOM rounds a routing engine's
 *   answers; above that the travel stays on demand (haversine, or the network)
 *   and unrounded, so memory stays bounded.
 */
import type { MatrixTravel, Travel, TravelProvider } from '../../model/types.js';
import { haversineMetres } from '../../geo/haversine.js';
import { type Issues, at, checkKeys, has, isRecord, show } from './fields.js';
import type { Places } from './places.js';

/** Speed of the great-circle travel for coordinates, metres per second (36 km/h, vrpkit's haversine default). */
export const HAVERSINE_SPEED = 10;
/** Most distinct points for which coordinate travel is built as rounded dense matrices. */
export const MAX_DENSE_POINTS = 2000;
/** How many bad entries of one matrix are reported individually. */
const MAX_ENTRY_ISSUES = 5;

type Kind = 'durations' | 'distances' | 'costs';
const KINDS: Kind[] = ['durations', 'distances', 'costs'];

/** One square matrix, row-major. */
export interface Square {
  size: number;
  values: number[];
}

/** The matrices of one profile; `given` lists the keys present (a given but unreadable matrix is absent, its issues reported). */
export type ProfileMatrices = Partial<Record<Kind, Square>> & { given: Set<Kind> };

/** An array of `size` rows of `size` unsigned integers; undefined when unusable (issues reported). */
function readSquare(issues: Issues, x: unknown, ptr: string): Square | undefined {
  if (!Array.isArray(x)) {
    issues.add('type', ptr, `must be an array of rows (arrays of non-negative integers), got ${show(x)}`);
    return undefined;
  }
  const size = x.length;
  if (size === 0) {
    issues.add('matrix-size', ptr, 'must not be empty');
    return undefined;
  }
  const values = new Array<number>(size * size);
  let bad = 0;
  const report = (code: string, p: string, message: string) => {
    if (bad++ < MAX_ENTRY_ISSUES) issues.add(code, p, message);
  };
  for (let i = 0; i < size; i++) {
    const row = x[i];
    if (!Array.isArray(row) || row.length !== size) {
      report('matrix-size', at(ptr, i), `row ${i} must be an array of ${size} values (the matrix is square), got ${Array.isArray(row) ? `${row.length} values` : show(row)}`);
      continue;
    }
    for (let j = 0; j < size; j++) {
      const v = row[j];
      if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) values[i * size + j] = v;
      else report('type', at(ptr, i, j), `a matrix entry must be a non-negative integer, got ${show(v)}`);
    }
  }
  if (bad > MAX_ENTRY_ISSUES) issues.add('type', ptr, `${bad - MAX_ENTRY_ISSUES} more bad rows or entries not listed`);
  return bad === 0 ? { size, values } : undefined;
}

/** Reads `matrices` (or the deprecated `matrix`); an empty map when the document has neither. */
export function readMatrices(issues: Issues, root: Record<string, unknown>): Map<string, ProfileMatrices> {
  const out = new Map<string, ProfileMatrices>();
  if (has(root, 'matrices')) {
    if (has(root, 'matrix')) issues.add('conflict', '/matrix', 'the deprecated "matrix" cannot be used together with "matrices" (VROOM would ignore it)');
    const m = root.matrices;
    if (!isRecord(m)) {
      issues.add('type', '/matrices', `matrices must be an object of profiles, got ${show(m)}`);
      return out;
    }
    for (const profile of Object.keys(m)) {
      const ptr = at('/matrices', profile);
      const entry = m[profile];
      if (!isRecord(entry)) {
        issues.add('type', ptr, `matrices.${profile} must be an object with durations, distances and/or costs, got ${show(entry)}`);
        continue;
      }
      checkKeys(issues, entry, ptr, KINDS, `matrices.${profile}`);
      const set: ProfileMatrices = { given: new Set() };
      for (const kind of KINDS) {
        if (!has(entry, kind)) continue;
        set.given.add(kind);
        const sq = readSquare(issues, entry[kind], at(ptr, kind));
        if (sq) set[kind] = sq;
      }
      if (has(entry, 'distances') && !has(entry, 'durations')) {
        issues.add('required', at(ptr, 'durations'), `custom distances need custom durations for profile ${show(profile)} (as in VROOM)`);
      }
      out.set(profile, set);
    }
  } else if (has(root, 'matrix')) {
    const sq = readSquare(issues, root.matrix, '/matrix');
    out.set('car', sq ? { durations: sq, given: new Set(['durations']) } : { given: new Set(['durations']) });
  }
  return out;
}

/** What each used profile needs, for the checks of `profileTravel`. */
export interface ProfileUse {
  profile: string;
  /** Pointer of the first vehicle using it (its `profile` field, or the vehicle). */
  ptr: string;
  /** Whether some vehicle of the profile has `per_km` > 0. */
  perKm?: { ptr: string };
}

/**
 * The `MatrixTravel` of one used profile, or undefined (issues reported) when
 * its matrices are missing or do not cover the indices used. `distancesRequired`:
 * some profile has distances, so this one needs them too.
 */
export function profileTravel(issues: Issues, matrices: Map<string, ProfileMatrices>, use: ProfileUse, places: Places, distancesRequired: boolean): MatrixTravel | undefined {
  const set = matrices.get(use.profile);
  if (!set?.durations) {
    if (!set?.given.has('durations')) {
      issues.add('required', use.ptr, `no custom durations for profile ${show(use.profile)}: give matrices.${use.profile}.durations (vrpkit has no routing engine to ask)`);
    }
    return undefined;
  }
  let ok = !KINDS.some((k) => set.given.has(k) && !set[k]);
  if (!set.distances && !set.given.has('distances') && (distancesRequired || use.perKm)) {
    issues.add(
      'required',
      use.perKm && !distancesRequired ? use.perKm.ptr : at('/matrices', use.profile, 'distances'),
      use.perKm && !distancesRequired
        ? `per_km needs custom distances: give matrices.${use.profile}.distances (vrpkit has no routing engine to ask)`
        : `matrices.${use.profile}.distances is required: another profile has custom distances (as in VROOM)`,
    );
    ok = false;
  }
  const present = KINDS.filter((k) => set[k] !== undefined);
  for (const u of places.uses) {
    if (u.profile !== undefined && u.profile !== use.profile) continue;
    for (const k of present) {
      if (u.index >= set[k]!.size) {
        issues.add('location', u.ptr, `index ${u.index} is outside matrices.${use.profile}.${k} (size ${set[k]!.size}, indices 0..${set[k]!.size - 1})`);
        ok = false;
      }
    }
  }
  if (!ok) return undefined;
  const size = Math.min(...present.map((k) => set[k]!.size));
  const crop = (sq: Square): number[] => {
    if (sq.size === size) return sq.values;
    const out = new Array<number>(size * size);
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) out[i * size + j] = sq.values[i * sq.size + j];
    return out;
  };
  const travel: MatrixTravel = {
    type: 'matrix',
    size,
    durations: crop(set.durations),
    distances: set.distances ? crop(set.distances) : new Array<number>(size * size).fill(0),
  };
  if (set.costs) travel.costs = crop(set.costs);
  if (size <= places.indexCoordinates.size) {
    const coordinates: [number, number][] = [];
    for (let i = 0; i < size && places.indexCoordinates.has(i); i++) coordinates.push(places.indexCoordinates.get(i)!);
    if (coordinates.length === size) travel.coordinates = coordinates;
  }
  return travel;
}

/** Whole units as VROOM rounds a routing engine's answer (round half up); unreachable stays +Infinity. */
function whole(x: number): number {
  return Number.isFinite(x) ? Math.floor(x + 0.5) : Infinity;
}

/**
 * Travel between the document's distinct coordinate points (see the module
 * comment): dense rounded matrices up to `MAX_DENSE_POINTS`, on-demand travel above.
 */
export function coordinateTravel(points: [number, number][], network?: TravelProvider): Travel {
  const n = points.length;
  if (n > MAX_DENSE_POINTS) {
    return network ? { type: 'network', network, points } : { type: 'haversine', coordinates: points, speed: HAVERSINE_SPEED };
  }
  const durations = new Array<number>(n * n);
  const distances = new Array<number>(n * n);
  if (network) {
    const m = network.travelMatrix(points);
    for (let k = 0; k < n * n; k++) {
      durations[k] = whole(m.durations[k]);
      distances[k] = whole(m.distances[k]);
    }
  } else {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const metres = i === j ? 0 : haversineMetres(points[i][0], points[i][1], points[j][0], points[j][1]);
        distances[i * n + j] = whole(metres);
        durations[i * n + j] = whole(metres / HAVERSINE_SPEED);
      }
    }
  }
  return { type: 'matrix', size: n, durations, distances, coordinates: points };
}
