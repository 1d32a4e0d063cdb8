/**
 * `vrpkit sla ORDERS.json [--now TIME] [--json]`: the SLA order clock.
 * ORDERS.json is `{ "now"?, "policy"?, "orders": [...] }` or a bare array of
 * orders. Prints a table (default) or the `checkSla` result as JSON. Exit 0 on
 * a report (breaches are findings, not errors), 2 on bad input or usage.
 */
import type { Command } from './types.js';
import { UsageError, parseArgs, rejectUnknownOptions, stringOption } from '../args.js';
import { readTextFile } from '../../io/files.js';
import { parseJsonText } from '../../io/json-text.js';
import { VrpkitError } from '../../core/errors.js';
import { checkSla } from '../../sla/check.js';
import { formatSlaTable } from '../../sla/format.js';
import type { SlaOrder } from '../../sla/orders.js';
import type { SlaPolicy } from '../../sla/policy.js';

const HELP = `vrpkit sla ORDERS.json [options]

Reads orders and reports, per order and stage (accept, process, depart, deliver),
met / breached (by how much) / pending (slack left) / at-risk, plus totals.
Standard policy: accept within 1 h of receipt, process within 2 h of acceptance,
depart within 3 h of processing, deliver by promisedBy.

ORDERS.json: { "now": TIME?, "policy": { "acceptWithinMs", "processWithinMs",
"departWithinMs" }?, "orders": [ { "id", "receivedAt", "acceptedAt"?,
"processedAt"?, "departedAt"?, "deliveredAt"?, "promisedBy"?, "policy"?,
"forecast"?: { STAGE: TIME } } ] } — or just the array of orders.
TIME is ISO-8601 with an offset ("2026-11-22T09:30:00+01:00", "...Z") or epoch ms.

Options:
  --now TIME   read the clock at TIME (default: the file's "now", else the current time)
  --json       print the checkSla result as JSON (times as epoch ms plus ISO strings)

Exit codes: 0 report printed, 2 bad input or usage, 1 internal error.`;

export const sla: Command = {
  summary: 'SLA order clock: met / breached / pending / at-risk per order and stage',
  help: HELP,
  async run(argv) {
    const args = parseArgs(argv, new Set(['json']));
    rejectUnknownOptions(args, ['now', 'json']);
    if (args.positional.length !== 1) throw new UsageError('sla needs one ORDERS.json file (see vrpkit sla --help)');
    const doc = parseJsonText(readTextFile(args.positional[0]), args.positional[0]);
    let orders: unknown;
    let fileNow: unknown;
    let policy: unknown;
    if (Array.isArray(doc)) orders = doc;
    else if (typeof doc === 'object' && doc !== null) {
      const d = doc as Record<string, unknown>;
      if (d.orders === undefined) throw new VrpkitError('sla-orders', 'the file needs an "orders" array', '/orders');
      ({ orders, now: fileNow, policy } = d);
    } else throw new VrpkitError('sla-orders', 'the file must hold an object with "orders" or an array of orders', '');
    const nowText = stringOption(args, 'now');
    const now = nowText !== undefined ? (/^-?\d+(\.\d+)?$/.test(nowText) ? Number(nowText) : nowText) : fileNow ?? Date.now();
    const report = checkSla(orders as SlaOrder[], { now: now as string | number, policy: policy as Partial<SlaPolicy> | undefined });
    process.stdout.write(args.options.has('json') ? JSON.stringify(report, null, 2) + '\n' : formatSlaTable(report));
    return 0;
  },
};
