/**
 * `fromVroom(input)`: a VROOM problem (the JSON of VROOM's API, docs/API.md of
 * VROOM-Project/vroom; also what openrouteservice's optimization endpoint
 * takes) → a validated vrpkit `Problem`. Pure: no file or network access.
 *
 * Field by field: tasks.ts (jobs, shipments), vehicles.ts (vehicles, breaks,
 * costs), travel.ts (matrices, coordinates), places.ts (locations). What
 * VROOM's document says that vrpkit needs to answer in VROOM's terms
 * (descriptions, coordinates next to indices, VROOM's cost coefficients) is
 * kept in the `data.vroom` fields of jobs, stops, vehicles and breaks.
 *
 * Every problem is reported at once, each with a JSON pointer into the VROOM
 * document (`VrpkitError`, exit 2 on the command line): VROOM's own input
 * errors (ids, unsigned integers, amount lengths, overlapping windows, a vehicle
 * without start and end, `per_hour` with a costs matrix, …), fields that are
 * not part of VROOM's API (`unknown-field`: VROOM would silently ignore a typo
 * such as `time_window` on a job), and VROOM fields vrpkit does not handle
 * (`unsupported`: vehicle `steps`). The problem is then checked by
 * `validateProblem`; its findings are reported with the VROOM names of the
 * fields.
 */
import { VrpkitError, type InputIssue } from '../../core/errors.js';
import { validateProblem } from '../../model/validate.js';
import type { Job, Problem, Shipment, Travel, TravelProvider, Vehicle } from '../../model/types.js';
import { Issues, at, checkKeys, has, isRecord, show } from './fields.js';
import { Places } from './places.js';
import { readJob, readShipment } from './tasks.js';
import { DEFAULT_PER_HOUR, readVehicle, sortBreaks, vehicleCosts, type ReadVehicle } from './vehicles.js';
import { coordinateTravel, profileTravel, readMatrices, type ProfileUse } from './travel.js';

export interface FromVroomOptions {
  /** A road network for documents with coordinates (instead of great-circle travel); not allowed with matrices. */
  network?: TravelProvider;
  /** The problem's name. */
  name?: string;
}

const ROOT_KEYS = ['jobs', 'shipments', 'vehicles', 'matrices', 'matrix'];

/** Reads a VROOM problem (parsed JSON) into a validated `Problem`; throws a `VrpkitError` listing every issue. */
export function fromVroom(input: unknown, options: FromVroomOptions = {}): Problem {
  const issues = new Issues();
  if (!isRecord(input)) throw new VrpkitError('type', `a VROOM problem must be an object with vehicles and jobs and/or shipments, got ${show(input)}`, '');
  checkKeys(issues, input, '', ROOT_KEYS, 'a VROOM problem');

  const rawVehicles = input.vehicles;
  if (!Array.isArray(rawVehicles) || rawVehicles.length === 0) {
    issues.add(has(input, 'vehicles') ? 'type' : 'required', '/vehicles', 'vehicles must be a non-empty array of vehicle objects');
  }
  const vehiclesIn = Array.isArray(rawVehicles) ? rawVehicles : [];
  // VROOM: the first vehicle's capacity length is the length of every amount (0 without one).
  const first = vehiclesIn[0];
  const amountSize = isRecord(first) && Array.isArray(first.capacity) ? first.capacity.length : 0;

  const matrices = readMatrices(issues, input);
  const indexMode = has(input, 'matrices') || has(input, 'matrix');
  if (indexMode && options.network) issues.add('conflict', has(input, 'matrices') ? '/matrices' : '/matrix', 'a road network is for documents with coordinates; this one has custom matrices');
  const places = new Places(issues, indexMode);

  const read: (ReadVehicle | undefined)[] = vehiclesIn.map((v, k) => readVehicle(issues, places, v, k, amountSize));
  const jobs = listOf(issues, input, 'jobs').map((x, j) => readJob({ issues, places, amountSize }, x, j));
  const shipments = listOf(issues, input, 'shipments').map((x, s) => readShipment({ issues, places, amountSize }, x, s));

  uniqueIds(issues, jobs.map((j) => j?.id), 'job', (k) => at('/jobs', k, 'id'));
  uniqueIds(issues, shipments.map((s) => s?.pickup.id), 'pickup', (k) => at('/shipments', k, 'pickup', 'id'));
  uniqueIds(issues, shipments.map((s) => s?.delivery.id), 'delivery', (k) => at('/shipments', k, 'delivery', 'id'));
  uniqueIds(issues, read.map((v) => v?.vehicle.id), 'vehicle', (k) => at('/vehicles', k, 'id'));

  // Travel: one definition per profile used (matrices), or one for all (coordinates).
  const uses = profileUses(vehiclesIn, read);
  const travels = new Map<string, Travel>();
  if (indexMode) {
    const distancesRequired = [...matrices.values()].some((m) => m.given.has('distances'));
    for (const use of uses) {
      const t = profileTravel(issues, matrices, use, places, distancesRequired);
      if (t) travels.set(use.profile, t);
    }
  } else if (places.points.length > 0) {
    const t = coordinateTravel(places.points, options.network);
    for (const use of uses) travels.set(use.profile, t);
  }
  read.forEach((r, k) => {
    if (r && matrices.get(r.vroom.profile)?.costs && r.vroom.costs.per_hour !== DEFAULT_PER_HOUR) {
      issues.add('conflict', at('/vehicles', k, 'costs', 'per_hour'), `a costs matrix for profile ${show(r.vroom.profile)} gives the travel cost; per_hour cannot be used with it (as in VROOM)`);
    }
  });
  if (issues.list.length > 0) throw VrpkitError.fromIssues(issues.list, summaryOf(issues.list));

  const reportDistances = !indexMode || [...matrices.values()].some((m) => m.distances) || read.some((r) => r!.vroom.costs.per_km > 0);
  const mainProfile = uses[0].profile;
  const vehicles: Vehicle[] = read.map((r) => {
    const { vehicle, vroom, breakTime } = r!;
    vroom.costMatrix = indexMode && matrices.get(vroom.profile)?.costs !== undefined;
    vroom.reportDistances = reportDistances;
    const v: Vehicle = { ...vehicle, costs: vehicleCosts(vroom.costs, breakTime, vroom.costMatrix), data: { vroom } };
    if (indexMode && vroom.profile !== mainProfile) v.profile = vroom.profile;
    return v;
  });
  const problem: Problem = { jobs: jobs as Job[], vehicles, travel: travels.get(mainProfile)! };
  if (shipments.length > 0) problem.shipments = shipments as Shipment[];
  const others = indexMode ? uses.slice(1) : [];
  if (others.length > 0) problem.profiles = Object.fromEntries(others.map((u) => [u.profile, travels.get(u.profile)!]));
  if (options.name !== undefined) problem.name = options.name;

  const found = validateProblem(problem);
  if (found.length > 0) {
    const translated = found.map((i) => ({ ...i, pointer: vroomPointer(i.pointer, indexMode, mainProfile) }));
    throw VrpkitError.fromIssues(translated, summaryOf(translated));
  }
  for (const v of vehicles) if (v.breaks) v.breaks = sortBreaks(v.breaks);
  return problem;
}

function summaryOf(list: InputIssue[]): string | undefined {
  return list.length === 1 ? undefined : `invalid VROOM problem: ${list.length} problems found`;
}

/** `jobs` / `shipments`: an optional array. */
function listOf(issues: Issues, root: Record<string, unknown>, key: string): unknown[] {
  if (!has(root, key)) return [];
  if (!Array.isArray(root[key])) {
    issues.add('type', `/${key}`, `${key} must be an array, got ${show(root[key])}`);
    return [];
  }
  return root[key] as unknown[];
}

/** Reports ids used twice in one list (VROOM: "Duplicate job id", …). */
function uniqueIds(issues: Issues, ids: (number | string | undefined)[], what: string, ptr: (k: number) => string): void {
  const first = new Map<string, number>();
  ids.forEach((id, k) => {
    if (id === undefined) return;
    const key = String(id);
    const f = first.get(key);
    if (f === undefined) first.set(key, k);
    else issues.add('duplicate-id', ptr(k), `${what} id ${key} is used twice (first at ${ptr(f)})`);
  });
}

/** The profiles vehicles use, in order of first use, with what their checks need. */
function profileUses(raw: unknown[], read: (ReadVehicle | undefined)[]): ProfileUse[] {
  const uses = new Map<string, ProfileUse>();
  read.forEach((r, k) => {
    if (!r) return;
    const name = r.vroom.profile;
    let use = uses.get(name);
    if (!use) {
      const x = raw[k] as Record<string, unknown>;
      use = { profile: name, ptr: has(x, 'profile') ? at('/vehicles', k, 'profile') : at('/vehicles', k) };
      uses.set(name, use);
    }
    if (r.vroom.costs.per_km > 0 && !use.perKm) use.perKm = { ptr: at('/vehicles', k, 'costs', 'per_km') };
  });
  return [...uses.values()];
}

const TASK_FIELDS: Record<string, string> = {
  serviceDuration: 'service',
  setupDuration: 'setup',
  serviceDurationPerType: 'service_per_type',
  setupDurationPerType: 'setup_per_type',
  timeWindows: 'time_windows',
};
const VEHICLE_FIELDS: Record<string, string> = {
  shift: 'time_window',
  maxTasks: 'max_tasks',
  maxTravelTime: 'max_travel_time',
  maxDistance: 'max_distance',
  speedFactor: 'speed_factor',
};
const BREAK_FIELDS: Record<string, string> = { timeWindows: 'time_windows', duration: 'service', maxLoad: 'max_load' };
const COST_FIELDS: Record<string, string> = { perTravelTime: 'per_hour', perDistance: 'per_km', perTaskTime: 'per_task_hour' };

/** A pointer into the vrpkit problem built by `fromVroom` → the same place in the VROOM document. */
export function vroomPointer(ptr: string, indexMode: boolean, mainProfile: string): string {
  if (!ptr.startsWith('/')) return ptr;
  const t = ptr.slice(1).split('/');
  const rename = (k: number, map: Record<string, string>) => {
    if (k < t.length && Object.hasOwn(map, t[k])) t[k] = map[t[k]];
  };
  const location = (k: number, coord: string, index: string) => {
    if (t[k] === coord) t[k] = indexMode ? index : coord;
  };
  if (t[0] === 'jobs') {
    rename(2, TASK_FIELDS);
    location(2, 'location', 'location_index');
  } else if (t[0] === 'shipments') {
    if (t[2] === 'id') t.splice(2, 1, 'pickup', 'id');
    else if (t[2] === 'pickup' || t[2] === 'delivery') {
      rename(3, TASK_FIELDS);
      location(3, 'location', 'location_index');
    }
  } else if (t[0] === 'vehicles') {
    rename(2, VEHICLE_FIELDS);
    location(2, 'start', 'start_index');
    location(2, 'end', 'end_index');
    if (t[2] === 'breaks') rename(4, BREAK_FIELDS);
    if (t[2] === 'costs') rename(3, COST_FIELDS);
  } else if (t[0] === 'travel') {
    return indexMode ? at('/matrices', mainProfile, ...t.slice(1, 2)) : '';
  } else if (t[0] === 'profiles') {
    return at('/matrices', ...t.slice(1, 3));
  }
  return '/' + t.join('/');
}

/**
 * The VROOM pointer of a place in a problem built by `fromVroom` (for errors
 * found later, e.g. by the solver): `vroomPointer` with the problem's own
 * index mode and main profile.
 */
export function vroomPointerIn(problem: Problem, ptr: string): string {
  const data = (v: Vehicle) => (v.data as { vroom?: { profile?: string; start?: { location_index?: number }; end?: { location_index?: number } } } | undefined)?.vroom;
  const main = problem.vehicles.find((v) => v.profile === undefined);
  const d = main ? data(main) : undefined;
  const indexMode = d?.start?.location_index !== undefined || d?.end?.location_index !== undefined;
  return vroomPointer(ptr, indexMode, d?.profile ?? 'car');
}

/** A `VrpkitError` about a problem built by `fromVroom`, with its pointers in VROOM's terms. */
export function vroomError(problem: Problem, e: VrpkitError): VrpkitError {
  const issues = e.issues.map((i) => ({ ...i, pointer: vroomPointerIn(problem, i.pointer) }));
  return VrpkitError.fromIssues(issues, issues.length === 1 ? undefined : e.message);
}
