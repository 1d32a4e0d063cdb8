/**
 * `vrpkit sla ORDERS.json [--now TIME] [--json]`: the SLA order clock.
 * ORDERS.json is `{ "now"?, "policy"?, "timeOrigin"?, "orders": [...] }` or a
 * bare array of orders. Prints a table (default) or the `checkSla` result as
 * JSON. With `--problem P --solution S` it reads the clock against that plan
 * (`forecastSla`: planned departure and ETA per order, at-risk stages).
 * Exit 0 on a report (breaches are findings, not errors), 2 on bad input or usage.
 */
import type { Command } from './types.js';
import { UsageError, numberOption, parseArgs, rejectUnknownOptions, stringOption } from '../args.js';
import { readTextFile } from '../../io/files.js';
import { parseJsonText } from '../../io/json-text.js';
import { VrpkitError } from '../../core/errors.js';
import { checkSla } from '../../sla/check.js';
import { forecastSla } from '../../sla/forecast.js';
import { formatSlaTable } from '../../sla/format.js';
import { readPlan } from '../../io/solution.js';
import { FORMAT_HELP, FORMAT_OPTIONS, loadProblemArg } from './problem-input.js';
import { inFile } from '../errors.js';
import type { SlaOrder } from '../../sla/orders.js';
import type { SlaPolicy } from '../../sla/policy.js';

const HELP = `vrpkit sla ORDERS.json [options]

Reads orders and reports, per order and stage (accept, process, depart, deliver),
met / breached (by how much) / pending (slack left) / at-risk, plus totals.
Standard policy: accept within 1 h of receipt, process within 2 h of acceptance,
depart within 3 h of processing, deliver by promisedBy.

ORDERS.json: { "now": TIME?, "timeOrigin": TIME?, "policy": { "acceptWithinMs",
"processWithinMs", "departWithinMs" }?, "orders": [ { "id", "receivedAt", "acceptedAt"?,
"processedAt"?, "departedAt"?, "deliveredAt"?, "promisedBy"?, "policy"?,
"forecast"?: { STAGE: TIME } } ] } — or just the array of orders.
TIME is ISO-8601 with an offset ("2026-11-22T09:30:00+01:00", "...Z") or epoch ms.

Options:
  --now TIME          read the clock at TIME (default: the file's "now", else the current time)
  --json              print the result as JSON (times as epoch ms plus ISO strings)
  --problem FILE      with --solution: forecast against a plan — each order (matched to the job
  --solution FILE     with its id) gets the plan's departure and ETA, and pending depart/deliver
                      stages the plan would breach become at-risk (unassigned jobs: at-risk too)
  --time-origin TIME  the instant problem time 0 stands for (default: the file's "timeOrigin")
  --time-unit-ms N    milliseconds per problem time unit (default 1000: problem times in seconds)
${FORMAT_HELP}

Exit codes: 0 report printed, 2 bad input or usage, 1 internal error.`;

export const sla: Command = {
  summary: 'SLA order clock: met / breached / pending / at-risk per order and stage',
  help: HELP,
  async run(argv, context) {
    const args = parseArgs(argv, new Set(['json']));
    rejectUnknownOptions(args, ['now', 'json', 'problem', 'solution', 'time-origin', 'time-unit-ms', ...FORMAT_OPTIONS]);
    if (args.positional.length !== 1) throw new UsageError('sla needs one ORDERS.json file (see vrpkit sla --help)');
    const ordersFile = args.positional[0];
    const doc = inFile(ordersFile, () => parseJsonText(readTextFile(ordersFile, context?.limits), ordersFile, context?.limits));
    let orders: unknown;
    let fileNow: unknown;
    let policy: unknown;
    let fileOrigin: unknown;
    if (Array.isArray(doc)) orders = doc;
    else if (typeof doc === 'object' && doc !== null) {
      const d = doc as Record<string, unknown>;
      if (d.orders === undefined) throw new VrpkitError('sla-orders', 'the file needs an "orders" array', '/orders');
      ({ orders, now: fileNow, policy, timeOrigin: fileOrigin } = d);
    } else throw new VrpkitError('sla-orders', 'the file must hold an object with "orders" or an array of orders', ordersFile);
    const now = timeArg(stringOption(args, 'now')) ?? fileNow ?? Date.now();
    const common = { now: now as string | number, policy: policy as Partial<SlaPolicy> | undefined };
    const problemFile = stringOption(args, 'problem');
    const solutionFile = stringOption(args, 'solution');
    if ((problemFile === undefined) !== (solutionFile === undefined)) throw new UsageError('--problem and --solution go together');
    const json = args.options.has('json');
    if (problemFile === undefined || solutionFile === undefined) {
      const report = inFile(ordersFile, () => checkSla(orders as SlaOrder[], common));
      process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : formatSlaTable(report));
      return 0;
    }
    const timeOrigin = timeArg(stringOption(args, 'time-origin')) ?? fileOrigin;
    if (timeOrigin === undefined) throw new UsageError('forecasting needs --time-origin (or "timeOrigin" in the orders file)');
    const { problem } = await loadProblemArg(problemFile, args, context?.limits);
    const plan = inFile(solutionFile, () => readPlan(readTextFile(solutionFile, context?.limits), context?.limits));
    const report = inFile(ordersFile, () =>
      forecastSla(problem, plan, orders as SlaOrder[], {
        ...common,
        timeOrigin: timeOrigin as string | number,
        timeUnitMs: numberOption(args, 'time-unit-ms'),
      }),
    );
    process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : formatSlaTable(report));
    return 0;
  },
};

/** A time given on the command line: digits are epoch ms, anything else is left for the ISO reader. */
function timeArg(text: string | undefined): string | number | undefined {
  if (text === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}
