/**
 * The report's tables: the checker's verdict, the KPIs (the same rows as the
 * CLI's KPI table), routes, SLA status per order, and unassigned jobs with
 * their reasons. Each returns an HTML fragment.
 */
import { formatRate, kpiSummaryRows } from '../../kpi/format.js';
import { stageCell } from '../../sla/format.js';
import { SLA_STAGES } from '../../sla/orders.js';
import { distanceText, durationText, esc, num } from './html.js';
import type { ReportModel } from './model.js';

function table(header: string[], rows: string[][], cls = ''): string {
  const head = header.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The independent checker's verdict and its first violations. */
export function renderCheck(model: ReportModel): string {
  if (!model.check) return `<p class="bad">The checker could not read this plan: ${esc(model.checkError ?? 'unknown error')}. Times shown are the plan's own.</p>`;
  const c = model.check;
  if (c.feasible) return '<p class="good">The independent checker re-derived every time, load, distance and cost: the plan is <b>feasible</b>.</p>';
  const rows = c.violations.slice(0, 30).map((v) => [esc(v.code), esc(v.vehicle ?? ''), esc(v.job ?? ''), esc(v.message)]);
  const more = c.violations.length > 30 ? `<p class="note">… and ${c.violations.length - 30} more.</p>` : '';
  return `<p class="bad">The plan is <b>infeasible</b>: ${c.violations.length} violations.</p>${table(['violation', 'vehicle', 'job', 'detail'], rows)}${more}`;
}

/** KPI summary plus one row per route. */
export function renderKpis(model: ReportModel): string {
  const k = model.kpis;
  if (!k) return `<p class="note">KPIs unavailable: ${esc(model.kpiError ?? 'unknown error')}</p>`;
  const summary = table(['KPI', 'value'], kpiSummaryRows(k).map(([a, b]) => [esc(a), esc(b)]), 'kpi');
  const fmt = model.timeFormat;
  const routes = table(
    ['vehicle', 'stops', 'distance', 'duration', 'cost', 'load', 'working time', 'late'],
    model.routes.map((r) => {
      const kr = k.routes.find((x) => x.vehicle === r.vehicle);
      return [
        `<span class="swatch" style="background:${r.colour}"></span>${esc(r.vehicle)}`,
        String(r.stops),
        esc(distanceText(r.distance, model.geographic)),
        esc(durationText(r.duration, fmt)),
        esc(num(r.cost)),
        esc(kr?.loadFactor.length ? kr.loadFactor.map(formatRate).join(' / ') : '–'),
        esc(formatRate(kr?.workingTimeFactor)),
        r.late ? `<span class="bad">${r.late}</span>` : '0',
      ];
    }),
  );
  return `${summary}\n<h3>Routes</h3>\n${routes}`;
}

/** SLA status per order (forecast against this plan). */
export function renderSla(model: ReportModel): string {
  if (model.slaError) return `<p class="bad">SLA data could not be read: ${esc(model.slaError)}</p>`;
  const sla = model.sla;
  if (!sla) return '';
  const badge = (s: string) => `<span class="badge ${esc(s)}">${esc(s)}</span>`;
  const rows = sla.orders.map((o) => {
    const plan = o.plan;
    const where = plan.state === 'routed' ? `${esc(plan.vehicle)} #${plan.position + 1}` : plan.state === 'unassigned' ? `unassigned${plan.reason ? ` (${esc(plan.reason)})` : ''}` : 'not in plan';
    const eta = plan.state === 'routed' ? esc(plan.etaIso ? `${plan.etaIso.slice(0, 16).replace('T', ' ')}Z` : String(plan.eta)) : '–';
    return [esc(o.id), badge(o.status), ...SLA_STAGES.map((s) => esc(stageCell(o.stages[s]))), where, eta];
  });
  const t = sla.totals.order;
  const head = `<p>Read at ${esc(sla.nowIso ?? sla.now)}: ${t.met} met, <span class="bad">${t.breached} breached</span>, ${t.atRisk} at risk, ${t.pending} pending (on time ${formatRate(t.onTimeRate)}).</p>`;
  return head + table(['order', 'status', ...SLA_STAGES, 'plan', 'ETA'], rows, 'sla');
}

/** Unassigned jobs with their reasons. */
export function renderUnassigned(model: ReportModel): string {
  if (model.unassigned.length === 0) return '<p class="good">Every job is in a route.</p>';
  return table(
    ['job', 'reason', 'detail'],
    model.unassigned.map((u) => [esc(u.id), `<span class="badge breached">${esc(u.reason ?? 'no reason given')}</span>`, esc(u.message ?? '')]),
  );
}
