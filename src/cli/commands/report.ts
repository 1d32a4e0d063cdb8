/**
 * `vrpkit report PROBLEM PLAN -o report.html`: the HTML report of a plan — a
 * map of the routes (along the roads on a road network), a timeline per
 * vehicle, the KPIs, SLA status per order (with `--orders`) and the unassigned
 * jobs with their reasons — as one self-contained file that opens offline.
 * The page itself is made by `renderReport` (pure); this command reads the
 * files and writes the page.
 */
import type { Command } from './types.js';
import { UsageError, numberOption, parseArgs, rejectUnknownOptions, stringOption, type ParsedArgs } from '../args.js';
import { VrpkitError } from '../../core/errors.js';
import { writeTextFile } from '../../io/files.js';
import { parseJsonText } from '../../io/json-text.js';
import { renderReport, type ReportOptions } from '../../io/report/index.js';
import type { SlaOrder } from '../../sla/orders.js';
import type { SlaPolicy } from '../../sla/policy.js';
import type { Problem, RoutePlan, Solution } from '../../model/types.js';
import { readInputText } from '../input.js';
import { FORMAT_HELP, FORMAT_OPTIONS, loadProblemArg } from './problem-input.js';
import { readPlanFor } from '../../io/plan-input.js';

export const REPORT_OPTIONS_HELP = `  --orders FILE        add the SLA status per order: an orders file as for 'vrpkit sla'
                       ({ "now", "timeOrigin", "policy"?, "orders": [...] })
  --now TIME           read the SLA clock at TIME (default: the orders file's "now", else now)
  --time-origin TIME   the instant problem time 0 stands for (default: the orders file's "timeOrigin")
  --time-unit-ms N     milliseconds per problem time unit (default 1000)
  --time-format F      clock (times are seconds: 09:05) or number; default clock for
                       haversine and road-network travel, number otherwise
  --straight           draw straight legs even on a road network`;

const HELP = `vrpkit report PROBLEM PLAN -o report.html [options]

Writes the HTML report of PLAN (a solution as 'vrpkit solve' writes it, the short
form { "routes": [{ "vehicle", "jobs": [...] }] }, or a VRPLIB .sol file) for PROBLEM:
a map (one colour per vehicle, along the roads on a road network), a timeline per
vehicle (travel, waiting, service, breaks, time windows, late stops), the KPIs,
the SLA status per order (--orders) and the unassigned jobs with their reasons.
One self-contained file: it opens offline. Times come from the independent checker.
PLAN may be - (standard input): vrpkit solve P.json | vrpkit report P.json - -o r.html

Options:
  -o, --output FILE    where to write the page (required)
${REPORT_OPTIONS_HELP}
${FORMAT_HELP}

Exit codes: 0 written, 2 bad input or usage, 1 internal error.`;

export const report: Command = {
  summary: 'write the HTML report of a plan: map, timeline, KPIs, SLA, unassigned',
  help: HELP,
  async run(argv) {
    const args = parseArgs(argv, new Set(['straight']));
    rejectUnknownOptions(args, ['output', 'orders', 'now', 'time-origin', 'time-unit-ms', 'time-format', 'straight', ...FORMAT_OPTIONS]);
    if (args.positional.length !== 2) throw new UsageError('report needs PROBLEM and PLAN (see vrpkit report --help)');
    const output = stringOption(args, 'output');
    if (output === undefined) throw new UsageError('report needs -o FILE (the HTML file to write)');
    const options = reportOptions(args);
    const { problem, format } = await loadProblemArg(args.positional[0], args);
    const text = readInputText(args.positional[1]);
    const plan = readPlanFor(problem, text, format);
    writeReport(output, problem, plan, options);
    return 0;
  },
};

/** Writes the report page of a plan to a file. */
export function writeReport(path: string, problem: Problem, plan: RoutePlan | Solution, options: ReportOptions): void {
  writeTextFile(path, renderReport(problem, plan, options));
}

/** The report options of the command line (`--orders`, `--now`, `--time-format`, ...); shared with `solve --report`. */
export function reportOptions(args: ParsedArgs): ReportOptions {
  const options: ReportOptions = {};
  const timeFormat = stringOption(args, 'time-format');
  if (timeFormat !== undefined) {
    if (timeFormat !== 'clock' && timeFormat !== 'number') throw new UsageError(`--time-format must be clock or number, got '${timeFormat}'`);
    options.timeFormat = timeFormat;
  }
  if (args.options.get('straight') === true) options.roads = false;
  const ordersFile = stringOption(args, 'orders');
  if (ordersFile === undefined) {
    for (const o of ['now', 'time-origin', 'time-unit-ms']) if (args.options.has(o)) throw new UsageError(`--${o} needs --orders`);
    return options;
  }
  const doc = parseJsonText(readInputText(ordersFile), 'the orders file');
  const d = (Array.isArray(doc) ? { orders: doc } : doc) as Record<string, unknown>;
  if (typeof d !== 'object' || d === null || !Array.isArray(d.orders)) throw new VrpkitError('sla-orders', 'the orders file needs an "orders" array', '/orders');
  const now = timeArg(stringOption(args, 'now')) ?? d.now ?? Date.now();
  const timeOrigin = timeArg(stringOption(args, 'time-origin')) ?? d.timeOrigin;
  if (timeOrigin === undefined) throw new UsageError('--orders needs --time-origin TIME or "timeOrigin" in the orders file');
  options.sla = {
    orders: d.orders as SlaOrder[],
    now: now as string | number,
    timeOrigin: timeOrigin as string | number,
    policy: d.policy as Partial<SlaPolicy> | undefined,
    timeUnitMs: numberOption(args, 'time-unit-ms'),
  };
  return options;
}

/** A time given on the command line: digits are epoch ms, anything else is left for the ISO reader. */
function timeArg(text: string | undefined): string | number | undefined {
  if (text === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}
