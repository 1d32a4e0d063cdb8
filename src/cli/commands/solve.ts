/**
 * `vrpkit solve FILE`: read a problem, run the hybrid genetic search, print the
 * solution JSON (VROOM's shape) on stdout or into `--output`.
 *
 * stdout carries only the solution JSON. When stderr is a terminal it shows a
 * live progress line (iteration, elapsed time, best cost, feasible) and, at the
 * end, the independent checker's one-line verdict; otherwise stderr stays quiet
 * unless something goes wrong (or `--kpi` asks for the KPI table). Ctrl-C
 * stops the search and prints the best solution found so far.
 *
 * Exit codes: 0 success; 2 bad input or usage (one JSON error object on stderr
 * listing every problem); 1 internal error — including a solution that the
 * independent checker rejects (it is still written, with the violations on stderr).
 */
import type { Command } from './types.js';
import { UsageError, numberOption, parseArgs, rejectUnknownOptions, stringOption } from '../args.js';
import { solve as runSolver } from '../../solver/index.js';
import { checkSolution } from '../../model/check.js';
import { writeTextFile } from '../../io/files.js';
import { compactJson, solutionToJson } from '../../io/solution.js';
import { computeKpis, formatKpiTable } from '../../kpi/index.js';
import { solutionToGeoJson } from '../../io/solution-geojson.js';
import { FORMAT_HELP, HIERARCHY_HELP, loadProblemArg } from './problem-input.js';

const HELP = `vrpkit solve FILE [options]

Solves a routing problem and prints the solution as JSON on stdout:
{ "summary": {...}, "routes": [{ "vehicle", "cost", "distance", "duration",
  "steps": [{ "type": "start" }, { "type": "job", "id", "arrival", ... }, { "type": "end" }] }],
  "unassigned": [{ "id", "reason" }] }

FILE is a JSON route file, a Solomon/Homberger .txt or a CVRPLIB .vrp (gzip accepted).

Options:
${FORMAT_HELP}
${HIERARCHY_HELP}
  --time-limit S       stop after S seconds (default: the solver's own budget)
  --max-iterations N   stop after N iterations (with --seed: the same answer every run)
  --seed N             random seed (default 1)
  --output FILE        write the solution JSON to FILE instead of stdout
  --geojson FILE       also write the routes as a GeoJSON FeatureCollection (route lines,
                       job stops with their times, unassigned jobs, depots) for a map
  --kpi                add logistics KPIs (on-time rate, utilisation, balance, cost per
                       order, ...) to the JSON as "kpis" and print them as a table on stderr

Progress is shown on stderr only when stderr is a terminal. Ctrl-C stops the
search and prints the best solution found so far.

Exit codes: 0 success, 2 bad input or usage (one JSON error object on stderr),
1 internal error.`;

export const solve: Command = {
  summary: 'solve a routing problem (JSON, Solomon, CVRPLIB) and print the routes as JSON',
  help: HELP,
  async run(argv) {
    const args = parseArgs(argv, new Set(['kpi']));
    rejectUnknownOptions(args, ['format', 'rounding', 'time-limit', 'max-iterations', 'seed', 'output', 'kpi', 'geojson', 'hierarchy']);
    const withKpis = args.options.get('kpi') === true;
    if (args.positional.length !== 1) throw new UsageError('solve needs exactly one FILE (see vrpkit solve --help)');
    const timeLimit = numberOption(args, 'time-limit');
    const maxIterations = numberOption(args, 'max-iterations');
    const seed = numberOption(args, 'seed');
    const output = stringOption(args, 'output');
    const geojson = stringOption(args, 'geojson');
    if (timeLimit !== undefined && !(timeLimit > 0)) throw new UsageError('--time-limit must be a positive number of seconds');
    if (maxIterations !== undefined && !(Number.isInteger(maxIterations) && maxIterations >= 0)) {
      throw new UsageError('--max-iterations must be a non-negative integer');
    }
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');

    const { problem } = await loadProblemArg(args.positional[0], args);

    const live = process.stderr.isTTY === true;
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    let lastDraw = 0;
    let solution;
    try {
      solution = await runSolver(problem, {
        timeLimitMs: timeLimit !== undefined ? timeLimit * 1000 : undefined,
        maxIterations,
        seed,
        signal: controller.signal,
        onProgress: live
          ? (p) => {
              const now = Date.now();
              if (now - lastDraw < 100) return;
              lastDraw = now;
              const cost = Number.isFinite(p.bestCost) ? p.bestCost.toFixed(2) : '-';
              process.stderr.write(
                `\r\x1b[Kiteration ${p.iteration}  ${(p.elapsedMs / 1000).toFixed(1)} s  best ${cost}  ${p.feasible ? 'feasible' : 'infeasible'}`,
              );
            }
          : undefined,
      });
    } finally {
      process.removeListener('SIGINT', onSigint);
      if (live) process.stderr.write('\r\x1b[K');
    }

    const kpis = withKpis ? computeKpis(problem, solution) : undefined;
    const json = solutionToJson(solution);
    if (kpis) json.kpis = kpis;
    const text = compactJson(json, ['summary', 'stats', 'kpis']) + '\n';
    if (output !== undefined) writeTextFile(output, text);
    else process.stdout.write(text);
    if (geojson !== undefined) writeTextFile(geojson, compactJson(solutionToGeoJson(problem, solution)) + '\n');

    // Trust only the independent checker.
    const report = checkSolution(problem, solution);
    if (!report.feasible) {
      const issues = report.violations.slice(0, 50).map((v) => ({ code: v.code, pointer: '', message: v.message }));
      process.stderr.write(
        JSON.stringify({
          error: {
            code: 'internal',
            message: `the solver returned a plan that the independent checker rejects (${report.violations.length} violations)`,
            pointer: '',
            issues,
          },
        }) + '\n',
      );
      return 1;
    }
    if (kpis) process.stderr.write(formatKpiTable(kpis) + '\n');
    if (live) {
      const s = solution.summary;
      process.stderr.write(
        `cost ${s.cost.toFixed(2)}, distance ${s.distance.toFixed(2)}, ${s.routes} routes, ${s.unassigned} unassigned` +
          `, ${solution.status ?? 'completed'}; checked feasible\n`,
      );
    }
    return 0;
  },
};
