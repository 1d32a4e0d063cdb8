/**
 * `vrpkit replan PLAN.json EVENTS.json`: re-plan while vehicles are on the road.
 *
 * PLAN.json is `{ "problem": <route file>, "solution": <solution JSON> }` — the
 * problem as a JSON route file (as `vrpkit solve` reads) and the plan being
 * driven (as `vrpkit solve` prints it; steps without times get the checker's).
 * EVENTS.json is the `ReplanEvents` object of `src/dispatch/events.ts`.
 * Prints `{ "plan", "changes", "check" }` as JSON on stdout (or `--output`).
 *
 * Exit codes: 0 success, 2 bad input or usage, 1 internal error — including a
 * new plan that the independent checker rejects (still printed).
 */
import type { Command } from './types.js';
import { UsageError, numberOption, parseArgs, rejectUnknownOptions, stringOption } from '../args.js';
import { VrpkitError, isVrpkitError } from '../../core/errors.js';
import { checkOutputPath, readTextFile, writeTextFile } from '../../io/files.js';
import { parseJsonText } from '../../io/json-text.js';
import { networkFileOf, problemFromJson } from '../../io/json.js';
import { checkProblemSize } from '../../io/problem-size.js';
import { checkLimit, resolveLimits } from '../../core/limits.js';
import { attachHierarchyFile, loadNetworkFile } from '../../io/network-files.js';
import { dirname, isAbsolute, resolve } from 'node:path';
import { nonFiniteAsString, readPlan } from '../../io/solution.js';
import { inFile } from '../errors.js';
import { replan as runReplan } from '../../dispatch/replan.js';
import type { ReplanEvents } from '../../dispatch/events.js';
import type { RoutePlan } from '../../model/types.js';

const HELP = `vrpkit replan PLAN.json EVENTS.json [options]

Re-plans routes while vehicles are on the road: served and in-progress stops stay
as they are, vehicles on the road continue from where they are, new orders join,
cancelled ones leave, promised orders stay on their vehicle unless moving them pays.
A shipment picked up and not delivered stays on its vehicle (its goods are on board).

PLAN.json    { "problem": <JSON route file>, "solution": <solution JSON of vrpkit solve> }
EVENTS.json  { "now": 39600,
               "vehiclePositions": [{ "vehicle": "van-1", "location": [lon, lat], "at": 39600 }],
               "served": [ids], "inProgress": [ids],        (default: inferred from the plan's times)
                 shipment stops as plan steps name them: { "type": "pickup" | "delivery",
                 "shipment": id, "id"?: stop id, "vehicle"?: id }
               "newJobs": [jobs], "cancelled": [job or shipment ids],
               "travelUpdates": [{ "from": i, "to": j, "duration": d, "distance": m }],   (matrix travel)
               "closures": [[fromNode, toNode]],                                   (road network:
               "speedFactors": [{ "from": node, "to": node, "factor": 2 }] }        "travel.file")

Prints { "plan": { "routes": [{ "vehicle", "steps": [{ ..., "status": "done" | "in-progress" |
"planned" }] }], "unassigned" }, "changes": { "routeChangeRate", "etaMoves", "moved",
"newlyUnassigned", "restricted", ... }, "check": { "feasible", "violations" } } on stdout.

Options:
  --time-limit S        stop the search after S seconds
  --max-iterations N    stop after N iterations (with --seed: the same answer every run)
  --seed N              random seed (default 1)
  --promise-penalty P   cost of moving a promised order to another vehicle
                        (default: the old plan's cost per routed order; 0 = no promises)
  --eta-threshold T     count ETA moves above T time units (default 900)
  --max-eta-shift S     no promised order's service start moves more than S time units;
                        when that cannot hold, the previous assignments are kept
  --output FILE         write the JSON to FILE instead of stdout
  --hierarchy FILE      contraction-hierarchy file of the plan's road network: loaded when
                        it exists, else built and written there (closures then reuse it)

Exit codes: 0 success, 2 bad input or usage (one JSON error object on stderr),
1 internal error (also when the independent checker rejects the new plan).`;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Prefixes every issue pointer of a VrpkitError (errors inside PLAN.json's `problem` / `solution`). */
function under(prefix: string, f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (isVrpkitError(e)) throw VrpkitError.fromIssues(e.issues.map((i) => ({ ...i, pointer: prefix + i.pointer })));
    throw e;
  }
}

export const replan: Command = {
  summary: 're-plan on the road: frozen stops, new and cancelled orders, changed travel',
  help: HELP,
  async run(argv, context) {
    const args = parseArgs(argv);
    rejectUnknownOptions(args, ['time-limit', 'max-iterations', 'seed', 'promise-penalty', 'eta-threshold', 'max-eta-shift', 'output', 'hierarchy']);
    if (args.positional.length !== 2) throw new UsageError('replan needs PLAN.json and EVENTS.json (see vrpkit replan --help)');
    const timeLimit = numberOption(args, 'time-limit');
    const maxIterations = numberOption(args, 'max-iterations');
    const seed = numberOption(args, 'seed');
    const promisePenalty = numberOption(args, 'promise-penalty');
    const etaThreshold = numberOption(args, 'eta-threshold');
    const maxEtaShift = numberOption(args, 'max-eta-shift');
    if (maxEtaShift !== undefined && !(maxEtaShift >= 0)) throw new UsageError('--max-eta-shift must be a non-negative number');
    const output = stringOption(args, 'output');
    if (timeLimit !== undefined && !(timeLimit > 0)) throw new UsageError('--time-limit must be a positive number of seconds');
    if (maxIterations !== undefined && !(Number.isInteger(maxIterations) && maxIterations >= 0)) {
      throw new UsageError('--max-iterations must be a non-negative integer');
    }
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
    if (promisePenalty !== undefined && !(promisePenalty >= 0)) throw new UsageError('--promise-penalty must be a non-negative number');
    if (etaThreshold !== undefined && !(etaThreshold >= 0)) throw new UsageError('--eta-threshold must be a non-negative number');

    const limits = context?.limits;
    const [planFile, eventsFile] = args.positional;
    if (output !== undefined) checkOutputPath(output, '--output');
    const planDoc = inFile(planFile, () => parseJsonText(readTextFile(planFile, limits), 'the plan file', limits));
    if (!isObject(planDoc) || !isObject(planDoc.problem) || !isObject(planDoc.solution)) {
      const missing = !isObject(planDoc) ? '' : !isObject(planDoc.problem) ? '/problem' : '/solution';
      throw new VrpkitError('type', 'the plan file must be { "problem": <route file>, "solution": <solution> }', missing || planFile);
    }
    // Sizes first: a problem over the limits must not cost a road-network load.
    under('/problem', () => checkProblemSize(planDoc.problem, limits ?? resolveLimits()));
    // A route file may name a road-network file (relative to PLAN.json); closures then use its node ids.
    const networkFile = networkFileOf(planDoc.problem);
    const network =
      networkFile === undefined
        ? undefined
        : loadNetworkFile(isAbsolute(networkFile) ? networkFile : resolve(dirname(args.positional[0]), networkFile), { limits });
    const hierarchy = stringOption(args, 'hierarchy');
    if (hierarchy !== undefined && !network) throw new UsageError('--hierarchy needs a plan whose route file names a road-network file');
    if (hierarchy !== undefined && network) attachHierarchyFile(network, hierarchy, ['duration']);
    const problem = under('/problem', () => problemFromJson(planDoc.problem, { network, limits })) as ReturnType<typeof problemFromJson>;
    const plan = under('/solution', () => readPlan(planDoc.solution)) as RoutePlan;
    const events = inFile(eventsFile, () => parseJsonText(readTextFile(eventsFile, limits), 'the events file', limits));
    if (!isObject(events)) throw new VrpkitError('type', 'the events file must be a JSON object', eventsFile);
    if (Array.isArray(events.newJobs)) {
      checkLimit(limits ?? resolveLimits(), 'maxJobs', problem.jobs.length + events.newJobs.length, 'the number of jobs with the new ones', '/newJobs');
    }

    const result = await inFile(eventsFile, () =>
      runReplan(problem, plan, events as unknown as ReplanEvents, {
        timeLimitMs: timeLimit !== undefined ? timeLimit * 1000 : undefined,
        maxIterations,
        seed,
        promisePenalty,
        etaThreshold,
        maxEtaShift,
      }),
    );
    const text = JSON.stringify({ plan: result.plan, changes: result.changes, check: result.check }, nonFiniteAsString, 2) + '\n';
    if (output !== undefined) writeTextFile(output, text);
    else process.stdout.write(text);
    if (!result.check.feasible) {
      process.stderr.write(JSON.stringify({ error: { code: 'infeasible', message: 'the independent checker rejects the new plan', violations: result.check.violations } }) + '\n');
      return 1;
    }
    return 0;
  },
};
