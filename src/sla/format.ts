/**
 * Plain-text report of the SLA clock (what `vrpkit sla` prints without `--json`).
 * Pure string formatting.
 */
import { formatRate, textTable } from '../kpi/format.js';
import type { SlaReport, SlaStageResult, SlaTotals } from './check.js';
import type { OrderPlan, SlaForecastReport } from './forecast.js';
import { SLA_STAGES } from './orders.js';

/** A short duration: `1ms`, `45s`, `12m30s`, `1h05m` (hours and minutes only from 1 h on). */
export function shortDuration(ms: number): string {
  const a = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (a < 1000) return `${sign}${Math.round(a)}ms`;
  const totalS = Math.floor(a / 1000);
  if (totalS < 60) return `${sign}${totalS}s`;
  const totalM = Math.floor(totalS / 60);
  if (totalM < 60) return `${sign}${totalM}m${String(totalS % 60).padStart(2, '0')}s`;
  return `${sign}${Math.floor(totalM / 60)}h${String(totalM % 60).padStart(2, '0')}m`;
}

/** One stage as a table cell: `met`, `BREACHED +5m00s`, `pending 40m00s left`, `AT-RISK +5m00s`, `n/a`. */
export function stageCell(s: SlaStageResult): string {
  switch (s.status) {
    case 'met':
      return 'met';
    case 'breached':
      return `BREACHED +${shortDuration(s.breachMs ?? 0)}${s.at === undefined ? ' (open)' : ''}`;
    case 'pending':
      return `pending ${shortDuration(s.slackMs ?? 0)} left`;
    case 'at-risk':
      return s.forecastBreachMs === undefined ? 'AT-RISK (not planned)' : `AT-RISK +${shortDuration(s.forecastBreachMs)}`;
    default:
      return 'n/a';
  }
}

function totalsRow(name: string, t: SlaTotals): string[] {
  return [name, String(t.met), String(t.breached), String(t.pending), String(t.atRisk), String(t.notApplicable), formatRate(t.onTimeRate)];
}

/** `HH:MM` UTC of an instant, prefixed with the date when it is not the day of `now`. */
function clock(ms: number, now: number): string {
  const iso = new Date(ms).toISOString();
  const sameDay = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return (sameDay ? '' : iso.slice(0, 10) + ' ') + iso.slice(11, 16) + 'Z';
}

/** The plan columns of a forecast: vehicle#position (1-based), departure, ETA. */
function planCells(plan: OrderPlan, now: number): string[] {
  if (plan.state === 'routed') return [`${String(plan.vehicle)}#${plan.position + 1}`, clock(plan.departure, now), clock(plan.eta, now)];
  if (plan.state === 'unassigned') return [`unassigned${plan.reason ? ` (${plan.reason})` : ''}`, '–', '–'];
  return ['not in plan', '–', '–'];
}

/**
 * The per-order table, then the totals per stage, headed by the time the clock
 * was read at. A forecast report gets the plan's vehicle, departure and ETA too.
 */
export function formatSlaTable(report: SlaReport | SlaForecastReport): string {
  const forecast = 'planFeasible' in report;
  let head = `SLA clock at ${report.nowIso ?? report.now} — ${report.orders.length} orders`;
  if (forecast) head += `, forecast against a plan the checker finds ${report.planFeasible ? 'feasible' : `INFEASIBLE (${report.planViolations} violations)`}`;
  const orders = textTable(
    ['order', 'status', ...SLA_STAGES, ...(forecast ? ['plan', 'departure', 'ETA'] : [])],
    report.orders.map((o) => [
      String(o.id),
      o.status,
      ...SLA_STAGES.map((s) => stageCell(o.stages[s])),
      ...('plan' in o ? planCells(o.plan, report.now) : []),
    ]),
  );
  const totals = textTable(
    ['stage', 'met', 'breached', 'pending', 'at-risk', 'n/a', 'on time'],
    [...SLA_STAGES.map((s) => totalsRow(s, report.totals[s])), totalsRow('order', report.totals.order)],
  );
  return `${head}\n\n${orders}\n\n${totals}\n(on time = met / (met + breached): stages already decided)\n`;
}
