/**
 * The report options of the command line (`--orders`, `--now`,
 * `--time-format`, ...), shared by `vrpkit report` and `vrpkit solve --report`:
 * kept apart from the report's code, which `solve` loads only when asked for a report.
 */
import { UsageError, numberOption, stringOption, type ParsedArgs } from '../args.js';
import { VrpkitError } from '../../core/errors.js';
import { parseJsonText } from '../../io/json-text.js';
import type { ReportOptions } from '../../io/report/index.js';
import type { SlaOrder } from '../../sla/orders.js';
import type { SlaPolicy } from '../../sla/policy.js';
import { readInputText } from '../input.js';

export const REPORT_OPTIONS_HELP = `  --orders FILE        add the SLA status per order: an orders file as for 'vrpkit sla'
                       ({ "now", "timeOrigin", "policy"?, "orders": [...] })
  --now TIME           read the SLA clock at TIME (default: the orders file's "now", else now)
  --time-origin TIME   the instant problem time 0 stands for (default: the orders file's "timeOrigin")
  --time-unit-ms N     milliseconds per problem time unit (default 1000)
  --time-format F      clock (times are seconds: 09:05) or number; default clock for
                       haversine and road-network travel, number otherwise
  --straight           draw straight legs even on a road network`;

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
