/**
 * `vrpkit solve FILE`: read a problem, run the hybrid genetic search, print the
 * solution JSON (VROOM's shape; for VROOM input exactly VROOM's output format)
 * on stdout or into `--output`.
 *
 * stdout carries only the solution JSON (or nothing, with `-o FILE`). When
 * stderr is a terminal it shows a live progress line (iteration, elapsed time,
 * best cost, feasible) and, at the end, the independent checker's one-line
 * verdict; otherwise stderr stays quiet unless something goes wrong (or
 * `--kpi` asks for the KPI table). `--progress` prints progress as JSON lines
 * on stderr instead, wherever stderr goes (a log, CI, a service). FILE `-`
 * reads standard input. Ctrl-C stops the search and prints the best solution
 * found so far.
 *
 * Exit codes: 0 success; 2 bad input or usage (one JSON error object on stderr
 * listing every problem); 1 internal error — including a solution that the
 * independent checker rejects (it is still written, with the violations on stderr).
 */
import type { Command } from './types.js';
import type { Solution } from '../../model/types.js';
import { UsageError, numberOption, parseArgs, rejectUnknownOptions, stringOption } from '../args.js';
import { quickPlanExpected, solve as runSolver } from '../../solver/index.js';
import type { solveInThreads } from '../../workers/solve-threads.js';
import { defaultThreads } from '../../workers/thread.js';
import { checkSolution } from '../../model/check.js';
import { checkOutputPath, writeTextFile } from '../../io/files.js';
import { compactJson, solutionToJson } from '../../io/solution.js';
import { solutionJsonText } from '../../io/solution-text.js';
import { FORMAT_HELP, FORMAT_OPTIONS, HIERARCHY_HELP, loadProblemArg } from './problem-input.js';
import { toVroom, vroomError } from '../../io/vroom/index.js';
import { isVrpkitError } from '../../core/errors.js';
import { REPORT_OPTIONS_HELP, reportOptions } from './report-options.js';
import { progressLines } from './progress.js';
import { OBJECTIVE_NAMES, isObjectiveName } from '../../model/validate-objective.js';
import { solveBudgetMs } from './deadline.js';

const HELP = `vrpkit solve FILE [options]

Solves a routing problem and prints the solution as JSON on stdout:
{ "summary": {...}, "routes": [{ "vehicle", "cost", "distance", "duration",
  "steps": [{ "type": "start" }, { "type": "job", "id", "arrival", ... }, { "type": "end" }] }],
  "unassigned": [{ "id", "reason" }] }

FILE is a JSON route file, a VROOM problem (VROOM's JSON API; the solution is then
printed in VROOM's output format: code, summary, unassigned, routes with steps),
a Solomon/Homberger .txt, a Li & Lim .txt or a CVRPLIB .vrp (gzip accepted), or -
for standard input.

Options:
${FORMAT_HELP}
${HIERARCHY_HELP}
  --time-limit S       finish within S seconds of starting: reading, solving, checking and
                       writing the plan all count (default: the solver's own budget)
  --max-iterations N   stop after N iterations (with --seed: the same answer every run)
  --seed N             random seed (default 1)
  --objective NAME     cost (default), fewest-vehicles, balance or makespan: replaces the
                       file's "objective" (a balance object there keeps its measure and weight)
  --threads N          worker threads searching together (default: the available cores,
                       at most 8); the same seed, --max-iterations and N give the same answer
  -o, --output FILE    write the solution JSON to FILE instead of stdout
  --geojson FILE       also write the routes as a GeoJSON FeatureCollection (route lines,
                       job stops with their times, unassigned jobs, depots) for a map
  --kpi                add logistics KPIs (on-time rate, utilisation, balance, cost per
                       order, ...) to the JSON as "kpis" and print them as a table on stderr
  --report FILE        also write the HTML report (map, timeline, KPIs, unassigned); with:
${REPORT_OPTIONS_HELP}
  --progress           print progress as JSON lines on stderr, wherever it goes:
                       {"type":"progress","iteration","elapsedMs","bestCost","feasible"} about
                       once a second, then {"type":"done","status","iterations","elapsedMs",
                       "cost","routes","unassigned","feasible"} (feasible as the checker says)

Without --progress a live progress line is shown on stderr only when stderr is a
terminal. Ctrl-C stops the search and prints the best solution found so far.

Exit codes: 0 success, 2 bad input or usage (one JSON error object on stderr),
1 internal error.`;

export const solve: Command = {
  summary: 'solve a routing problem (JSON, Solomon, CVRPLIB) and print the routes as JSON',
  help: HELP,
  async run(argv, context) {
    const args = parseArgs(argv, new Set(['kpi', 'progress', 'straight']));
    rejectUnknownOptions(args, [
      ...FORMAT_OPTIONS, 'time-limit', 'max-iterations', 'seed', 'output', 'kpi', 'geojson', 'progress',
      'report', 'orders', 'now', 'time-origin', 'time-unit-ms', 'time-format', 'straight', 'threads', 'hierarchy', 'objective',
    ]);
    const withKpis = args.options.get('kpi') === true;
    if (args.positional.length !== 1) throw new UsageError('solve needs exactly one FILE (see vrpkit solve --help)');
    const timeLimit = numberOption(args, 'time-limit');
    const maxIterations = numberOption(args, 'max-iterations');
    const seed = numberOption(args, 'seed');
    const objective = stringOption(args, 'objective');
    if (objective !== undefined && !isObjectiveName(objective)) throw new UsageError(`--objective must be one of ${OBJECTIVE_NAMES.join(', ')}, got ${JSON.stringify(objective)}`);
    const output = stringOption(args, 'output');
    const geojson = stringOption(args, 'geojson');
    const reportFile = stringOption(args, 'report');
    const report = reportFile !== undefined ? reportOptions(args) : undefined;
    if (reportFile === undefined && ['orders', 'now', 'time-origin', 'time-unit-ms', 'time-format', 'straight'].some((o) => args.options.has(o))) {
      throw new UsageError('--orders, --now, --time-origin, --time-unit-ms, --time-format and --straight go with --report');
    }
    if (timeLimit !== undefined && !(timeLimit > 0)) throw new UsageError('--time-limit must be a positive number of seconds');
    if (maxIterations !== undefined && !(Number.isInteger(maxIterations) && maxIterations >= 0)) {
      throw new UsageError('--max-iterations must be a non-negative integer');
    }
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
    const threads = numberOption(args, 'threads') ?? defaultThreads();
    if (!Number.isInteger(threads) || threads < 1) throw new UsageError('--threads must be an integer ≥ 1');

    if (output !== undefined) checkOutputPath(output, '--output');
    if (geojson !== undefined) checkOutputPath(geojson, '--geojson');
    const { problem, format } = await loadProblemArg(args.positional[0], args, context?.limits);

    const extraOutputs = (withKpis ? 1 : 0) + (geojson !== undefined ? 1 : 0) + (reportFile !== undefined ? 1 : 0);
    const jsonProgress = args.options.get('progress') === true ? progressLines((line) => process.stderr.write(line)) : undefined;
    const live = !jsonProgress && process.stderr.isTTY === true;
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    let lastDraw = 0;
    let solution: Solution;
    try {
      // the limit is a deadline for the whole command, counted from the process start (deadline.ts)
      const timeLimitMs = timeLimit !== undefined ? solveBudgetMs(timeLimit * 1000, problem, extraOutputs) : undefined;
      // One thread searches right here; more run in worker threads (src/workers) — unless the limit only
      // leaves time for the quick plan, which has no search to spread and would lose the threads' start-up.
      const oneThread = threads === 1 || quickPlanExpected(problem, { timeLimitMs, objective });
      // (the threads' code, the KPIs, GeoJSON and the report are loaded only when used: start-up time)
      const inThreads = oneThread ? undefined : (await import('../../workers/solve-threads.js')).solveInThreads;
      const solveFn = !inThreads ? runSolver : (p: typeof problem, o: Parameters<typeof solveInThreads>[1]) => inThreads(p, { ...o, threads });
      solution = await solveFn(problem, {
        timeLimitMs,
        maxIterations,
        seed,
        objective,
        signal: controller.signal,
        onProgress: jsonProgress
          ? jsonProgress.progress
          : live
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
    } catch (e) {
      // The solver names fields of the problem; VROOM input names them as VROOM does.
      throw format === 'vroom' && isVrpkitError(e) ? vroomError(problem, e) : e;
    } finally {
      process.removeListener('SIGINT', onSigint);
      if (live) process.stderr.write('\r\x1b[K');
    }

    const kpi = withKpis ? await import('../../kpi/index.js') : undefined;
    const kpis = kpi?.computeKpis(problem, solution);
    // VROOM input gets VROOM's output document (src/io/vroom/output.ts); a plain solution is written directly
    // (solution-text.ts: the same text as compactJson, which remains for every other shape).
    const direct = format !== 'vroom' && !kpis ? solutionJsonText(solution) : undefined;
    let text: string;
    if (direct !== undefined) text = direct + '\n';
    else {
      const json: Record<string, unknown> = format === 'vroom' ? { ...toVroom(problem, solution) } : solutionToJson(solution);
      if (kpis) json.kpis = kpis;
      text = compactJson(json, ['summary', 'stats', 'kpis']) + '\n';
    }
    if (output !== undefined) writeTextFile(output, text);
    else process.stdout.write(text);
    if (geojson !== undefined) {
      const { solutionToGeoJson } = await import('../../io/solution-geojson.js');
      writeTextFile(geojson, compactJson(solutionToGeoJson(problem, solution, { roads: report?.roads })) + '\n');
    }
    if (reportFile !== undefined) (await import('./report.js')).writeReport(reportFile, problem, solution, report ?? {});

    // Trust only the independent checker.
    // the verdict only (no report object per route step; every rule still checked: model/check.ts)
    const check = checkSolution(problem, solution, { routes: false });
    jsonProgress?.done(solution, check.feasible);
    if (!check.feasible) {
      const issues = check.violations.slice(0, 50).map((v) => ({ code: v.code, pointer: '', message: v.message }));
      process.stderr.write(
        JSON.stringify({
          error: {
            code: 'internal',
            message: `the solver returned a plan that the independent checker rejects (${check.violations.length} violations)`,
            pointer: '',
            issues,
          },
        }) + '\n',
      );
      return 1;
    }
    if (kpi && kpis) process.stderr.write(kpi.formatKpiTable(kpis) + '\n');
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
