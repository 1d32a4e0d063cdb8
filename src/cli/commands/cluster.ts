/**
 * `vrpkit cluster POINTS.json --k N | --max-demand D [...]`: delivery zones.
 * POINTS.json is `{ "points": [...], "depot"?, "metric"? }` or a bare array of
 * points; a point is `{ "id"?, "location": [x, y], "demand"? }` or `[x, y]`.
 * Prints JSON: the zone of every point id, and per zone its centre, demand,
 * size and member ids. Exit 0 on success, 2 on bad input or usage.
 */
import type { Command } from './types.js';
import { UsageError, numberOption, parseArgs, rejectUnknownOptions, stringOption } from '../args.js';
import { readTextFile, writeTextFile } from '../../io/files.js';
import { parseJsonText } from '../../io/json-text.js';
import { VrpkitError, pointer } from '../../core/errors.js';
import { clusterPoints } from '../../cluster/cluster.js';
import { checkLimit, resolveLimits } from '../../core/limits.js';
import { inFile } from '../errors.js';
import type { ClusterMethod, ClusterOptions, ClusterPoints } from '../../cluster/types.js';

const HELP = `vrpkit cluster POINTS.json (--k N | --max-demand D) [options]

Cuts delivery points into zones and prints JSON: the zone of every point id,
and per zone its centre, total demand, number of points and member ids.

POINTS.json: { "points": [ { "id"?, "location": [lon, lat], "demand"? } | [lon, lat], ... ],
"depot"?: [lon, lat], "metric"?: "euclidean" | "haversine" } — or just the array
of points. Demand defaults to 1 per point; ids default to the point's index.

Options:
  --k N                  number of zones (kmeans needs it; optional with --max-demand)
  --max-demand D         largest total demand of a zone (sweep, capacitated)
  --method M             kmeans | sweep | capacitated
                         (default: capacitated with --max-demand, else kmeans)
  --metric M             euclidean | haversine (default: the file's "metric", else euclidean)
  --seed N               seed for k-means++ seeding (default 1)
  --depot LON,LAT        sweep centre (default: the file's "depot", else the centroid)
  --balance B            sweep: demand | count (default demand)
  --size-tolerance T     capacitated: zone size at most (1 + T) n / k, soft (default 0.25)
  --max-iterations N     Lloyd iterations (kmeans) or rounds (capacitated)
  --output FILE          write the JSON to FILE instead of stdout

Exit codes: 0 zones printed, 2 bad input or usage, 1 internal error.`;

const METHODS = ['kmeans', 'sweep', 'capacitated'];

export const cluster: Command = {
  summary: 'delivery zones: k-means++, sweep or capacitated clustering of points',
  help: HELP,
  async run(argv, context) {
    const args = parseArgs(argv);
    rejectUnknownOptions(args, [
      'k', 'max-demand', 'method', 'metric', 'seed', 'depot', 'balance', 'size-tolerance', 'max-iterations', 'output',
    ]);
    if (args.positional.length !== 1) throw new UsageError('cluster needs one POINTS.json file (see vrpkit cluster --help)');
    const file = args.positional[0];
    const { points, depot, metric } = inFile(file, () => readDocument(parseJsonText(readTextFile(file, context?.limits), file, context?.limits)));

    const options: ClusterOptions = {};
    const k = numberOption(args, 'k');
    const maxDemand = numberOption(args, 'max-demand');
    if (k === undefined && maxDemand === undefined) throw new UsageError('cluster needs --k N or --max-demand D');
    if (k !== undefined) options.k = k;
    if (maxDemand !== undefined) options.maxDemand = maxDemand;
    const method = stringOption(args, 'method');
    if (method !== undefined) {
      if (!METHODS.includes(method)) throw new UsageError(`--method must be one of ${METHODS.join(', ')}, got '${method}'`);
      options.method = method as ClusterMethod;
    }
    const metricOption = stringOption(args, 'metric');
    if (metricOption !== undefined && metricOption !== 'euclidean' && metricOption !== 'haversine') {
      throw new UsageError(`--metric must be euclidean or haversine, got '${metricOption}'`);
    }
    options.metric = (metricOption ?? metric ?? 'euclidean') as 'euclidean' | 'haversine';
    const seed = numberOption(args, 'seed');
    if (seed !== undefined) options.seed = seed;
    const depotText = stringOption(args, 'depot');
    if (depotText !== undefined) {
      const parts = depotText.split(',').map((s) => Number(s.trim()));
      if (parts.length !== 2 || !parts.every(Number.isFinite)) throw new UsageError(`--depot must be LON,LAT, got '${depotText}'`);
      options.depot = [parts[0], parts[1]];
    } else if (depot !== undefined) options.depot = depot;
    const balance = stringOption(args, 'balance');
    if (balance !== undefined) {
      if (balance !== 'demand' && balance !== 'count') throw new UsageError(`--balance must be demand or count, got '${balance}'`);
      options.balance = balance;
    }
    const tolerance = numberOption(args, 'size-tolerance');
    if (tolerance !== undefined) options.sizeTolerance = tolerance;
    const maxIterations = numberOption(args, 'max-iterations');
    if (maxIterations !== undefined) options.maxIterations = maxIterations;

    // Bounded work: the clusterers compare every point with every zone (n × k distances per round).
    const limits = context?.limits ?? resolveLimits();
    checkLimit(limits, 'maxJobs', points.length, 'the number of points', '/points');
    let totalDemand = 0;
    for (const p of points) {
      const d = p !== null && typeof p === 'object' && !Array.isArray(p) ? (p as { demand?: unknown }).demand : undefined;
      totalDemand += typeof d === 'number' && Number.isFinite(d) && d > 0 ? d : d === undefined ? 1 : 0;
    }
    const zones = options.k ?? (options.maxDemand !== undefined && options.maxDemand > 0 ? Math.min(points.length, Math.ceil(totalDemand / options.maxDemand)) : 1);
    checkLimit(limits, 'maxMatrixCells', points.length * zones, `the clustering work (${points.length} points × ${zones} zones)`, options.k !== undefined ? '--k' : '--max-demand');
    const result = inFile(file, () => clusterPoints(points as ClusterPoints, options));
    const ids = (points as unknown[]).map((p, i) =>
      p !== null && typeof p === 'object' && !Array.isArray(p) && (p as { id?: unknown }).id !== undefined
        ? ((p as { id: string | number }).id)
        : i,
    );
    const geographic = result.metric === 'haversine';
    const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
    const members: (string | number)[][] = Array.from({ length: result.k }, () => []);
    ids.forEach((id, i) => members[result.zones[i]].push(id));
    const out = {
      method: result.method,
      metric: result.metric,
      k: result.k,
      cost: round(result.cost, 3),
      costUnit: geographic ? 'metres (sum of great-circle distances to zone centres)' : 'sum of distances to zone centres',
      iterations: result.iterations,
      zones: result.centres.map((centre, c) => ({
        zone: c,
        centre: geographic ? [round(centre[0], 6), round(centre[1], 6)] : centre,
        demand: result.demand[c],
        size: result.sizes[c],
        points: members[c],
      })),
      assignment: ids.map((id, i) => ({ id, zone: result.zones[i] })),
    };
    // Arrays of plain values (centres, member ids) on one line; `assignment` one entry per line.
    const text =
      JSON.stringify(out, null, 2)
        .replace(/\[\n[^[\]{}]*?\n\s*\]/g, (m) => '[' + m.slice(1, -1).trim().split(/,\s*\n\s*/).join(', ') + ']')
        .replace(/\{\n\s+"id": (.*),\n\s+"zone": (\d+)\n\s+\}/g, '{ "id": $1, "zone": $2 }') + '\n';
    const output = stringOption(args, 'output');
    if (output !== undefined) writeTextFile(output, text);
    else process.stdout.write(text);
    return 0;
  },
};

/** Points, depot and metric from the file: an object with "points" or a bare array. */
function readDocument(doc: unknown): { points: unknown[]; depot?: [number, number]; metric?: string } {
  if (Array.isArray(doc)) return { points: doc };
  if (typeof doc !== 'object' || doc === null) {
    throw new VrpkitError('cluster-points', 'the file must hold an object with "points" or an array of points', '');
  }
  const d = doc as Record<string, unknown>;
  if (!Array.isArray(d.points)) throw new VrpkitError('cluster-points', 'the file needs a "points" array', pointer('points'));
  let depot: [number, number] | undefined;
  if (d.depot !== undefined) {
    if (!Array.isArray(d.depot) || d.depot.length !== 2 || !d.depot.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new VrpkitError('cluster-option', 'depot must be a [lon, lat] pair of numbers', pointer('depot'));
    }
    depot = [d.depot[0], d.depot[1]];
  }
  let metric: string | undefined;
  if (d.metric !== undefined) {
    if (d.metric !== 'euclidean' && d.metric !== 'haversine') {
      throw new VrpkitError('cluster-option', `metric must be "euclidean" or "haversine", got ${JSON.stringify(d.metric)}`, pointer('metric'));
    }
    metric = d.metric;
  }
  const ids = new Set<unknown>();
  d.points.forEach((p, i) => {
    const id = p !== null && typeof p === 'object' && !Array.isArray(p) ? (p as { id?: unknown }).id : undefined;
    if (id === undefined) return;
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new VrpkitError('cluster-point', 'id must be a string or a number', pointer('points', i, 'id'));
    }
    if (ids.has(id)) throw new VrpkitError('cluster-point', `duplicate point id ${JSON.stringify(id)}`, pointer('points', i, 'id'));
    ids.add(id);
  });
  return { points: d.points, depot, metric };
}
