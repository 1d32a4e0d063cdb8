/**
 * What the HTML report shows, computed once from a problem and a plan: every
 * route with its steps (times re-derived by the independent checker where it
 * can, else the times the plan states), its polyline (along the roads on a road
 * network), unassigned jobs with their reasons, the KPIs and, when orders are
 * given, the SLA forecast. Steps of types the checker does not know (breaks,
 * pickups, deliveries of shipments) keep the plan's own numbers and are drawn
 * generically; if the checker or the KPIs cannot read a plan at all, the
 * report still renders with what the plan states and says why.
 */
import { checkSolution, type CheckReport } from '../../model/check.js';
import type { CheckedRoute } from '../../model/check-route.js';
import type { Id, Job, Location, PlanStep, Problem, RoutePlan, Solution, TimeWindow, Vehicle } from '../../model/types.js';
import { computeKpis, type Kpis } from '../../kpi/compute.js';
import { forecastSla, type SlaForecastReport } from '../../sla/forecast.js';
import type { SlaOrder } from '../../sla/orders.js';
import type { SlaPolicy } from '../../sla/policy.js';
import type { TimeInput } from '../../sla/time.js';
import { RouteGeometry, locationPosition, type Position } from '../route-geometry.js';
import { vehicleColour, type TimeFormat } from './html.js';

export interface ReportOptions {
  /** Page title. Default: the problem's name, else "vrpkit plan". */
  title?: string;
  /** How times print. Default `clock` (seconds) for haversine and road-network travel, else `number`. */
  timeFormat?: TimeFormat;
  /** Draw legs along the roads on a road network. Default true. */
  roads?: boolean;
  /** Orders with their SLA events: adds the SLA status per order (`forecastSla`). */
  sla?: { orders: readonly SlaOrder[]; timeOrigin: TimeInput; now: TimeInput; policy?: Partial<SlaPolicy>; timeUnitMs?: number };
  /** A line for the footer (e.g. when and by what the report was made); the renderer adds no clock of its own. */
  footer?: string;
}

export interface ReportStep {
  /** Index of the step in the plan route. */
  index: number;
  type: string;
  id?: Id;
  /** The problem location (as the plan or the checker states it). */
  location?: Location;
  at?: Position;
  arrival?: number;
  waiting?: number;
  serviceStart?: number;
  departure?: number;
  load?: number[];
  /** Lateness after the last window's end (0 when on time or unknown). */
  lateness: number;
  windows?: TimeWindow[];
  /** 1-based number among the route's stops (0 for start and end). */
  sequence: number;
}

export interface ReportRoute {
  index: number;
  vehicle: Id;
  /** Index in `problem.vehicles`, or −1 for a vehicle the problem does not have. */
  vehicleIndex: number;
  colour: string;
  steps: ReportStep[];
  line: Position[];
  stops: number;
  late: number;
  distance?: number;
  duration?: number;
  cost?: number;
  shift?: TimeWindow;
}

export interface ReportModel {
  title: string;
  timeFormat: TimeFormat;
  /** Whether coordinates are lon/lat (and distances metres). */
  geographic: boolean;
  followsRoads: boolean;
  routes: ReportRoute[];
  unassigned: { id: Id; reason?: string; message?: string; at?: Position }[];
  depots: { at: Position; vehicles: Id[] }[];
  /** Road segments near the routes (small networks only), for the map's background. */
  roads: [Position, Position][];
  check?: CheckReport;
  checkError?: string;
  kpis?: Kpis;
  kpiError?: string;
  sla?: SlaForecastReport;
  slaError?: string;
  footer?: string;
}

/** Most road arcs drawn behind the routes; larger networks get no background. */
const MAX_BACKGROUND_ARCS = 60_000;

/** Builds the report's view of a plan (see the module comment). */
export function reportModel(problem: Problem, plan: RoutePlan | Solution, options: ReportOptions = {}): ReportModel {
  const travel = problem.travel.type;
  const geographic = travel === 'haversine' || travel === 'network';
  const geometry = new RouteGeometry(problem, { roads: options.roads });
  const jobs = new Map<Id, Job>(problem.jobs.map((j) => [j.id, j]));
  const vehicleIndex = new Map<Id, number>();
  problem.vehicles.forEach((v, k) => {
    if (!vehicleIndex.has(v.id)) vehicleIndex.set(v.id, k);
  });

  const model: ReportModel = {
    title: options.title ?? problem.name ?? 'vrpkit plan',
    timeFormat: options.timeFormat ?? (geographic ? 'clock' : 'number'),
    geographic,
    followsRoads: geometry.followsRoads,
    routes: [],
    unassigned: [],
    depots: [],
    roads: [],
    footer: options.footer,
  };
  const attempt = <T>(fn: () => T): { value?: T; error?: string } => {
    try {
      return { value: fn() };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  };
  ({ value: model.check, error: model.checkError } = attempt(() => checkSolution(problem, plan)));
  ({ value: model.kpis, error: model.kpiError } = attempt(() => computeKpis(problem, plan)));
  const sla = options.sla;
  if (sla) {
    ({ value: model.sla, error: model.slaError } = attempt(() =>
      forecastSla(problem, plan, sla.orders as SlaOrder[], { timeOrigin: sla.timeOrigin, now: sla.now, policy: sla.policy, timeUnitMs: sla.timeUnitMs }),
    ));
  }

  const depots = new Map<string, { at: Position; vehicles: Id[] }>();
  const addDepot = (location: Location | undefined, vehicle: Id) => {
    const at = locationPosition(problem, location, geometry.network);
    if (!at) return;
    const key = `${at[0]},${at[1]}`;
    const d = depots.get(key);
    if (!d) depots.set(key, { at, vehicles: [vehicle] });
    else if (!d.vehicles.includes(vehicle)) d.vehicles.push(vehicle);
  };

  const routes = Array.isArray(plan.routes) ? plan.routes : [];
  routes.forEach((route, ri) => {
    const k = vehicleIndex.get(route.vehicle) ?? -1;
    const vehicle: Vehicle | undefined = k >= 0 ? problem.vehicles[k] : undefined;
    const checked = model.check?.routes.find((r) => r.index === ri);
    const planSteps = (Array.isArray(route.steps) ? route.steps : []) as PlanStep[];
    const steps = alignSteps(planSteps, checked, jobs);
    const at = new Map(geometry.stops(route.vehicle, steps.map(asPlanStep)).map((s) => [s.step, s.at]));
    for (const s of steps) s.at = at.get(s.index);
    const stops = steps.filter((s) => s.sequence > 0).length;
    if (stops === 0) return;
    addDepot(vehicle?.start, route.vehicle);
    addDepot(vehicle?.end, route.vehicle);
    const stated = route as { distance?: number; duration?: number; cost?: number };
    model.routes.push({
      index: ri,
      vehicle: route.vehicle,
      vehicleIndex: k,
      colour: vehicleColour(k >= 0 ? k : problem.vehicles.length + ri),
      steps,
      line: geometry.line(route.vehicle, steps.map(asPlanStep)),
      stops,
      late: steps.filter((s) => s.lateness > 0).length,
      distance: checked?.distance ?? stated.distance,
      duration: checked?.duration ?? stated.duration,
      cost: checked?.cost ?? stated.cost,
      shift: vehicle?.shift,
    });
  });

  for (const u of Array.isArray(plan.unassigned) ? plan.unassigned : []) {
    const job = jobs.get(u.id);
    model.unassigned.push({
      id: u.id,
      reason: u.reason,
      message: (u as { message?: string }).message,
      at: locationPosition(problem, job?.location, geometry.network),
    });
  }
  model.depots = [...depots.values()];
  model.roads = backgroundRoads(geometry, model);
  return model;
}

/**
 * The plan's steps with the checker's numbers where a checked step matches
 * (start, end, and the next checked step of the same type and id), else the
 * numbers the plan states.
 */
function alignSteps(planSteps: readonly PlanStep[], checked: CheckedRoute | undefined, jobs: ReadonlyMap<Id, Job>): ReportStep[] {
  const derived = checked?.steps ?? [];
  let cursor = 1;
  let sequence = 0;
  return planSteps.map((s, index) => {
    const type = String(s.type);
    let d: (typeof derived)[number] | undefined;
    if (type === 'start') d = derived[0];
    else if (type === 'end') d = derived.length > 1 ? derived[derived.length - 1] : undefined;
    else if (cursor < derived.length - 1 && derived[cursor].type === type && derived[cursor].id === s.id) d = derived[cursor++];
    const source = d ?? s;
    const stop = type !== 'start' && type !== 'end';
    return {
      index,
      type,
      id: s.id,
      arrival: finite(source.arrival),
      waiting: finite(source.waiting),
      serviceStart: finite(source.serviceStart),
      departure: finite(source.departure),
      load: source.load,
      lateness: d ? d.lateness : 0,
      windows: s.id !== undefined && stop ? jobs.get(s.id)?.timeWindows : undefined,
      sequence: stop ? ++sequence : 0,
      ...(s.location !== undefined ? { location: s.location } : d?.location !== undefined ? { location: d.location } : {}),
    } as ReportStep;
  });
}

function asPlanStep(s: ReportStep): PlanStep {
  return s as unknown as PlanStep;
}

function finite(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

/** Road arcs with both ends inside the routes' bounding box (grown by 10%), once per two-way road. */
function backgroundRoads(geometry: RouteGeometry, model: ReportModel): [Position, Position][] {
  const roads = geometry.network as unknown as
    | { arcCount?: number; forEachArc?: (fn: (from: number | string, to: number | string) => void) => void; coordinatesOf(id: number | string): [number, number] | undefined }
    | undefined;
  if (!roads || typeof roads.forEachArc !== 'function' || !((roads.arcCount ?? Infinity) <= MAX_BACKGROUND_ARCS)) return [];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of model.routes) {
    for (const [x, y] of r.line) {
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (!(x1 >= x0)) return [];
  const mx = (x1 - x0) * 0.1 + 1e-4;
  const my = (y1 - y0) * 0.1 + 1e-4;
  const inside = (p: [number, number] | undefined): p is [number, number] => !!p && p[0] >= x0 - mx && p[0] <= x1 + mx && p[1] >= y0 - my && p[1] <= y1 + my;
  const seen = new Set<string>();
  const out: [Position, Position][] = [];
  roads.forEachArc((from, to) => {
    const key = String(from) < String(to) ? `${from}|${to}` : `${to}|${from}`;
    if (seen.has(key)) return;
    seen.add(key);
    const a = roads.coordinatesOf(from);
    const b = roads.coordinatesOf(to);
    if (inside(a) && inside(b)) out.push([a, b]);
  });
  return out;
}
