/**
 * `vrpkit report PROBLEM PLAN -o report.html`: the HTML report of a plan — a
 * map of the routes (along the roads on a road network), a timeline per
 * vehicle, the KPIs, SLA status per order (with `--orders`) and the unassigned
 * jobs with their reasons — as one self-contained file that opens offline.
 * The page itself is made by `renderReport` (pure); this command reads the
 * files and writes the page.
 */
import type { Command } from './types.js';
import { UsageError, parseArgs, rejectUnknownOptions, stringOption } from '../args.js';
import { writeTextFile } from '../../io/files.js';
import { renderReport, type ReportOptions } from '../../io/report/index.js';
import { REPORT_OPTIONS_HELP, reportOptions } from './report-options.js';

export { REPORT_OPTIONS_HELP, reportOptions } from './report-options.js';
import type { Problem, RoutePlan, Solution } from '../../model/types.js';
import { readInputText } from '../input.js';
import { FORMAT_HELP, FORMAT_OPTIONS, loadProblemArg } from './problem-input.js';
import { readPlanFor } from '../../io/plan-input.js';

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
