/**
 * `clusterPoints`: the one entry point of delivery-zone clustering. It checks
 * the options, reads the points into flat arrays, runs k-means, sweep or
 * capacitated clustering, and describes the zones (centres, demand, sizes,
 * cost). Pure and deterministic: same points + options + seed → same zones.
 */
import { VrpkitError, type InputIssue } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { readPoints, metricName, type PointSet } from './input.js';
import { makeSpace, type CentreSpace } from './space.js';
import { kMeansSteps } from './kmeans.js';
import { sweepZones } from './sweep.js';
import { capacitatedZonesSteps } from './capacitated.js';
import { runSteps, type Steps } from '../core/pacer.js';

function never(): boolean {
  return false;
}
import type { ClusterMethod, ClusterOptions, ClusterPoints, ClusterResult } from './types.js';

const METHODS: readonly ClusterMethod[] = ['kmeans', 'sweep', 'capacitated'];

/**
 * Cuts points into zones.
 * @param points `[x, y]` pairs, `{ location, demand?, id? }` objects, or a flat `[x0, y0, x1, y1, ...]` array
 * @param options method (`kmeans` | `sweep` | `capacitated`), `k` and/or `maxDemand`, metric, seed, ...
 * @returns zone id per point, centres, demand and size per zone, and the cost (sum of point-to-centre distances)
 * @throws VrpkitError for bad points (`cluster-point`, `cluster-demand`), bad options (`cluster-option`,
 *   `cluster-k`) or demand that cannot be packed (`cluster-capacity`)
 */
export function clusterPoints(points: ClusterPoints, options: ClusterOptions = {}): ClusterResult {
  return runSteps(clusterPointsSteps(points, options));
}

/**
 * `clusterPoints` as steps (core/pacer.ts), for callers that hand the event
 * loop a turn between them (`runPaced`). `stop` (a time budget) cuts the
 * k-means iterations and the capacitated rounds short, keeping valid zones;
 * while it says false the result is `clusterPoints`'s.
 */
export function* clusterPointsSteps(points: ClusterPoints, options: ClusterOptions = {}, stop: () => boolean = never): Steps<ClusterResult> {
  const metric = metricName(options.metric);
  const method = options.method ?? (options.maxDemand !== undefined ? 'capacitated' : 'kmeans');
  checkOptions(method, options);
  const set = readPoints(points, options.demand, metric === 'haversine');
  const k = options.k;
  if (k !== undefined && k > set.n) {
    throw new VrpkitError('cluster-k', `k = ${k} is more than the ${set.n} points`, 'k');
  }
  const rng = options.rng ?? new Rng(options.seed ?? 1);
  const space = makeSpace(set, options.metric);
  const geographic = metric === 'haversine';

  if (method === 'kmeans') {
    space.allocate(k as number);
    const run = yield* kMeansSteps(space, rng, options.maxIterations ?? 100, stop);
    return describe(method, metric, set, space, run.zones, k as number, run.history, run.iterations, false);
  }
  if (method === 'sweep') {
    const depot = options.depot ?? centroid(set);
    const { zones, k: zoneCount } = sweepZones(set, {
      k,
      maxDemand: options.maxDemand,
      depot,
      geographic,
      balance: options.balance ?? 'demand',
    });
    const result = describe(method, metric, set, space, zones, zoneCount, [], 1, true);
    result.history.push(result.cost);
    return result;
  }
  const run = yield* capacitatedZonesSteps(set, space, rng, {
    k,
    maxDemand: options.maxDemand,
    sizeTolerance: options.sizeTolerance ?? 0.25,
    maxIterations: options.maxIterations ?? 10,
    geographic,
  }, stop);
  return describe(method, metric, set, space, run.zones, run.k, run.history, run.iterations, run.k !== space.k);
}

/** Collects every bad option at once. */
function checkOptions(method: ClusterMethod, o: ClusterOptions): void {
  const issues: InputIssue[] = [];
  const bad = (code: string, field: string, message: string) => issues.push({ code, pointer: field, message });
  if (!METHODS.includes(method)) bad('cluster-option', 'method', `method must be one of ${METHODS.join(', ')}, got ${String(method)}`);
  if (o.k !== undefined && !(Number.isInteger(o.k) && o.k >= 1)) bad('cluster-k', 'k', `k must be an integer ≥ 1, got ${o.k}`);
  if (o.maxDemand !== undefined && !(typeof o.maxDemand === 'number' && o.maxDemand > 0 && o.maxDemand !== Infinity)) {
    bad('cluster-option', 'maxDemand', `maxDemand must be a finite number > 0, got ${o.maxDemand}`);
  }
  if (o.maxIterations !== undefined && !(Number.isInteger(o.maxIterations) && o.maxIterations >= 1)) {
    bad('cluster-option', 'maxIterations', `maxIterations must be an integer ≥ 1, got ${o.maxIterations}`);
  }
  if (o.sizeTolerance !== undefined && !(o.sizeTolerance >= 0)) {
    bad('cluster-option', 'sizeTolerance', `sizeTolerance must be ≥ 0, got ${o.sizeTolerance}`);
  }
  if (o.balance !== undefined && o.balance !== 'demand' && o.balance !== 'count') {
    bad('cluster-option', 'balance', `balance must be 'demand' or 'count', got ${String(o.balance)}`);
  }
  if (o.depot !== undefined && !(Array.isArray(o.depot) && o.depot.length === 2 && o.depot.every(Number.isFinite))) {
    bad('cluster-option', 'depot', 'depot must be a finite [x, y] pair');
  }
  if (method === 'kmeans' && o.k === undefined) bad('cluster-k', 'k', 'kmeans needs k (the number of zones)');
  if (method === 'kmeans' && o.maxDemand !== undefined) {
    bad('cluster-option', 'maxDemand', "kmeans ignores demand; use method 'capacitated' (or 'sweep') with maxDemand");
  }
  if ((method === 'sweep' || method === 'capacitated') && o.k === undefined && o.maxDemand === undefined) {
    bad('cluster-k', 'k', `${method} needs k or maxDemand`);
  }
  if (issues.length > 0) throw VrpkitError.fromIssues(issues);
}

/** Mean of the coordinates (the default sweep depot). */
function centroid(set: PointSet): [number, number] {
  let x = 0, y = 0;
  for (let i = 0; i < set.n; i++) {
    x += set.coords[2 * i];
    y += set.coords[2 * i + 1];
  }
  return [x / set.n, y / set.n];
}

/** Centres, demand, sizes and cost of final zones; recomputes centres when asked. */
function describe(
  method: ClusterMethod,
  metric: ClusterResult['metric'],
  set: PointSet,
  space: CentreSpace,
  zones: Int32Array,
  k: number,
  history: number[],
  iterations: number,
  recompute: boolean,
): ClusterResult {
  const demand = new Array<number>(k).fill(0);
  const sizes = new Array<number>(k).fill(0);
  const first = new Int32Array(k).fill(-1);
  for (let i = 0; i < set.n; i++) {
    const z = zones[i];
    demand[z] += set.demand[i];
    sizes[z]++;
    if (first[z] < 0) first[z] = i;
  }
  if (recompute) {
    space.allocate(k);
    for (let c = 0; c < k; c++) if (first[c] >= 0) space.placeAt(c, first[c]);
    space.update(zones);
  }
  let cost = 0;
  for (let i = 0; i < set.n; i++) cost += space.report(space.toCentre(i, zones[i]));
  const centres: [number, number][] = [];
  for (let c = 0; c < k; c++) centres.push(space.centre(c));
  const result: ClusterResult = { method, metric, k, zones, centres, demand, sizes, cost, history, iterations };
  const medoids = space.medoids();
  if (medoids) result.medoids = medoids;
  return result;
}
