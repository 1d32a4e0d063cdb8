/**
 * `vrpkit matrix --network FILE --points FILE`: a travel matrix between points
 * (node ids or [lon, lat] snapped to the nearest node) as JSON.
 */
import type { Command } from './types.js';
import { UsageError, numberOption, parseArgs, rejectUnknownOptions, stringOption } from '../args.js';
import { attachHierarchyFile, loadNetworkFile } from '../../io/network-files.js';
import { readTextFile } from '../../io/files.js';
import { parseJsonText } from '../../io/json-text.js';
import { VrpkitError, pointer } from '../../core/errors.js';
import type { MatrixMetric, RoadNetwork } from '../../network/road-network.js';
import type { NodeId } from '../../network/ids.js';
import { checkLimit, resolveLimits, type InputLimits } from '../../core/limits.js';
import { inFile } from '../errors.js';

const HELP = `vrpkit matrix --network FILE --points FILE [options]

Prints a travel matrix between points as JSON:
{ "metric", "points": [{ "input", "node", "snapDistance" }],
  "durations": [[...]] (seconds), "distances": [[...]] (metres),
  "unreachable": [[row, col], ...] }  — unreachable entries are null;
numbers are rounded to 3 decimals (millimetres, milliseconds).

The points file is a JSON array (or { "points": [...] }) of node ids or
[lon, lat] pairs; pairs are snapped to the nearest node (snapDistance in metres).

  --network FILE     DIMACS .gr/.gr.gz (+ sibling .co/.co.gz) or GeoJSON .geojson/.json
  --points FILE      the points (rows and columns)
  --targets FILE     other points for the columns (default: the same points)
  --metric M         both (default: fastest paths, seconds and their metres)
                     | duration (fastest) | distance (shortest)
  --metres-per-unit X  DIMACS weight unit in metres (default: from the file's comments, else 1)
  --speed KMH        speed for durations where the file has none (default 50)
  --hierarchy FILE   contraction-hierarchy file of the network: loaded when it exists,
                     else built for the metric (seconds to a minute) and written there

Exit codes: 0 success, 2 bad input or usage.`;

type PointInput = NodeId | [number, number];

/** Reads a points file: an array of ids / [lon, lat], or `{ "points": [...] }`. */
function readPoints(file: string, limits?: InputLimits): PointInput[] {
  const value = parseJsonText(readTextFile(file, limits), 'the points file', limits);
  const list = Array.isArray(value) ? value : (value as { points?: unknown })?.points;
  if (!Array.isArray(list)) throw new VrpkitError('invalid-points', 'the points file must be a JSON array or { "points": [...] }', '');
  const base = Array.isArray(value) ? '' : '/points';
  list.forEach((p, i) => {
    const ok = typeof p === 'number' || typeof p === 'string' || (Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number'));
    if (!ok) throw new VrpkitError('invalid-points', 'a point must be a node id or [lon, lat]', `${base}${pointer(i)}`);
  });
  if (list.length === 0) throw new VrpkitError('invalid-points', 'the points file lists no points', base);
  return list as PointInput[];
}

/** Resolves points to node ids, with snap distances for coordinates. */
function resolve(net: RoadNetwork, points: PointInput[], where: string): { input: PointInput; node: NodeId; snapDistance: number }[] {
  return points.map((p, i) => {
    if (Array.isArray(p)) {
      try {
        const hit = net.nearestNode(p[0], p[1]);
        return { input: p, node: hit.node, snapDistance: round3(hit.distance) };
      } catch (e) {
        if (e instanceof VrpkitError) throw new VrpkitError(e.code, e.issues[0].message, pointer(where, i));
        throw e;
      }
    }
    return { input: p, node: net.idOf(net.indexOf(p, pointer(where, i))), snapDistance: 0 };
  });
}

/** Output rounding: millimetres and milliseconds are plenty; keeps the JSON free of float noise. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function rowsOf(values: Float64Array, rows: number, cols: number): (number | null)[][] {
  const out: (number | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: (number | null)[] = [];
    for (let c = 0; c < cols; c++) {
      const v = values[r * cols + c];
      row.push(v === Infinity ? null : round3(v));
    }
    out.push(row);
  }
  return out;
}

export const matrix: Command = {
  summary: 'travel matrix between points on a road network (JSON)',
  help: HELP,
  async run(argv, context) {
    const args = parseArgs(argv);
    rejectUnknownOptions(args, ['network', 'points', 'targets', 'metric', 'metres-per-unit', 'speed', 'hierarchy']);
    if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
    const file = stringOption(args, 'network');
    const pointsFile = stringOption(args, 'points');
    if (!file || !pointsFile) throw new UsageError('matrix needs --network FILE --points FILE (see vrpkit matrix --help)');
    const metric = stringOption(args, 'metric') ?? 'both';
    if (!['distance', 'duration', 'both'].includes(metric)) throw new UsageError('--metric must be distance, duration or both');
    const targetsFile = stringOption(args, 'targets');
    const points = inFile(pointsFile, () => readPoints(pointsFile, context?.limits));
    const targetPoints = targetsFile ? inFile(targetsFile, () => readPoints(targetsFile, context?.limits)) : null;
    const cells = points.length * (targetPoints ?? points).length;
    checkLimit(context?.limits ?? resolveLimits(), 'maxMatrixCells', cells, `the ${points.length} × ${(targetPoints ?? points).length} matrix (cells)`, targetsFile ? '--targets' : '--points');
    const hierarchy = stringOption(args, 'hierarchy');
    const net = loadNetworkFile(file, { metresPerUnit: numberOption(args, 'metres-per-unit'), speedKmh: numberOption(args, 'speed'), limits: context?.limits });
    if (hierarchy !== undefined) attachHierarchyFile(net, hierarchy, [metric === 'distance' ? 'distance' : 'duration']);
    const sources = resolve(net, points, 'points');
    const targets = targetPoints ? resolve(net, targetPoints, 'targets') : sources;
    const m = net.matrix(sources.map((s) => s.node), targets.map((t) => t.node), { metric: metric as MatrixMetric });
    const out: Record<string, unknown> = { metric, points: sources };
    if (targetPoints) out.targets = targets;
    if (m.durations) out.durations = rowsOf(m.durations, m.rows, m.cols);
    if (m.distances) out.distances = rowsOf(m.distances, m.rows, m.cols);
    out.unreachable = m.unreachable;
    process.stdout.write(JSON.stringify(out) + '\n');
    return 0;
  },
};
