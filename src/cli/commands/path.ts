/**
 * `vrpkit path --network FILE --from ID --to ID`: one shortest path as JSON.
 * `--from` / `--to` take a node id, or `lon,lat` to snap to the nearest node.
 */
import type { Command } from './types.js';
import { UsageError, numberOption, parseArgs, rejectUnknownOptions, stringOption } from '../args.js';
import { attachHierarchyFile, loadNetworkFile } from '../../io/network-files.js';
import { VrpkitError } from '../../core/errors.js';
import { round3 } from './matrix.js';
import type { RoadNetwork, PathAlgorithm, Metric } from '../../network/road-network.js';
import type { NodeId } from '../../network/ids.js';

const ALGORITHMS = ['contracted', 'hierarchy', 'dijkstra', 'astar', 'bidirectional', 'bidirectional-astar'];

const HELP = `vrpkit path --network FILE --from ID --to ID [options]

Prints the shortest path between two nodes of a road network as JSON:
{ "source", "target", "reachable", "distance" (metres), "duration" (seconds),
  "nodes": [...], "algorithm", "metric", "settled" }. Unreachable: "reachable": false,
distance and duration null, nodes []. Numbers are rounded to 3 decimals.

  --network FILE     DIMACS .gr/.gr.gz (+ sibling .co/.co.gz) or GeoJSON .geojson/.json
  --from ID          source node id (DIMACS: 1-based as in the file), or lon,lat to snap
  --to ID            target node id, or lon,lat
  --algorithm A      contracted (default: bidirectional A* on the graph with degree-2
                     shape points folded away) | hierarchy (default with --hierarchy:
                     contraction hierarchy) | dijkstra | astar | bidirectional
                     | bidirectional-astar
  --hierarchy FILE   contraction-hierarchy file of the network: loaded when it exists,
                     else built for the metric (seconds to a minute) and written there
  --metric M         distance (default) | duration
  --metres-per-unit X  DIMACS weight unit in metres (default: from the file's comments, else 1)
  --speed KMH        speed for durations where the file has none (default 50)

Exit codes: 0 success (also when unreachable), 2 bad input or usage.`;

/** A node id from the command line, or the node nearest to `lon,lat`. */
export function nodeArg(net: RoadNetwork, text: string, name: string): { node: NodeId; snapDistance?: number } {
  const parts = text.split(',');
  if (parts.length === 2) {
    const lon = Number(parts[0]);
    const lat = Number(parts[1]);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new UsageError(`--${name} must be a node id or lon,lat, got '${text}'`);
    const hit = net.nearestNode(lon, lat);
    return { node: hit.node, snapDistance: round3(hit.distance) };
  }
  if (!net.hasNode(text)) throw new VrpkitError('unknown-node', `node '${text}' is not in the network`, `--${name}`);
  return { node: net.idOf(net.indexOf(text)) };
}

export const path: Command = {
  summary: 'shortest path between two nodes of a road network (JSON)',
  help: HELP,
  async run(argv, context) {
    const args = parseArgs(argv);
    rejectUnknownOptions(args, ['network', 'from', 'to', 'algorithm', 'metric', 'metres-per-unit', 'speed', 'hierarchy']);
    if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
    const file = stringOption(args, 'network');
    const from = stringOption(args, 'from');
    const to = stringOption(args, 'to');
    if (!file || from === undefined || to === undefined) throw new UsageError('path needs --network FILE --from ID --to ID (see vrpkit path --help)');
    const algorithm = stringOption(args, 'algorithm');
    if (algorithm !== undefined && !ALGORITHMS.includes(algorithm)) throw new UsageError(`--algorithm must be one of ${ALGORITHMS.join(', ')}`);
    const metric = stringOption(args, 'metric') ?? 'distance';
    if (metric !== 'distance' && metric !== 'duration') throw new UsageError(`--metric must be distance or duration`);
    const hierarchy = stringOption(args, 'hierarchy');
    const net = loadNetworkFile(file, { metresPerUnit: numberOption(args, 'metres-per-unit'), speedKmh: numberOption(args, 'speed'), limits: context?.limits });
    if (hierarchy !== undefined) attachHierarchyFile(net, hierarchy, [metric as Metric]);
    const source = nodeArg(net, from, 'from');
    const target = nodeArg(net, to, 'to');
    const chosen = (algorithm ?? (net.hasHierarchy(metric as Metric) ? 'hierarchy' : 'contracted')) as PathAlgorithm;
    const r = net.shortestPath(source.node, target.node, { algorithm: chosen, metric: metric as Metric });
    const out = {
      source: r.source,
      target: r.target,
      ...(source.snapDistance !== undefined ? { sourceSnapDistance: source.snapDistance } : {}),
      ...(target.snapDistance !== undefined ? { targetSnapDistance: target.snapDistance } : {}),
      reachable: r.reachable,
      distance: r.reachable ? round3(r.distance) : null,
      duration: r.reachable ? round3(r.duration) : null,
      algorithm: chosen,
      metric,
      settled: r.settled,
      nodes: r.nodes,
    };
    process.stdout.write(JSON.stringify(out) + '\n');
    return 0;
  },
};
