/**
 * Plain-text tables for KPIs (the CLI prints these). Pure string formatting:
 * rates as percentages, `–` for a figure that does not exist (null), durations
 * in milliseconds as `1h 05m 00s`, problem-unit numbers with up to 2 decimals.
 */
import type { Kpis } from './compute.js';
import type { Spread } from './stats.js';

/** A number with up to `digits` decimals (trailing zeros dropped); `–` for null. */
export function formatNumber(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined) return '–';
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toFixed(digits)));
}

/** A rate in [0, 1] as a percentage with one decimal; `–` for null. */
export function formatRate(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`;
}

/** Milliseconds as `[-]1h 05m 00s` (sub-second parts rounded); `–` for null. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  if (!Number.isFinite(ms)) return String(ms);
  const sign = ms < 0 ? '-' : '';
  let s = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${sign}${h}h ${String(m).padStart(2, '0')}m ${String(s).padStart(2, '0')}s`;
}

/** Text table with columns padded to width; numeric-looking cells are right-aligned unless `alignNumbers` is false. */
export function textTable(header: string[], rows: string[][], alignNumbers = true): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const numeric = /^[-+]?[\d.,]+%?$|^–$|^-?\d+h \d\dm \d\ds$/;
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (alignNumbers && c > 0 && numeric.test(cell) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function spreadRow(name: string, s: Spread, f: (x: number | null) => string): string[] {
  return [name, f(s.mean), f(s.std), f(s.min), f(s.max), f(s.p90), formatNumber(s.cv, 3), formatNumber(s.maxMinRatio, 3)];
}

/** The KPI / value rows of the summary table (plan verdict, orders, cost, utilisation, change). */
export function kpiSummaryRows(kpis: Kpis): string[][] {
  const o = kpis.orders;
  const time = o.source === 'orders' ? formatMs : (x: number | null) => formatNumber(x);
  const summary: string[][] = [
    ['plan', kpis.plan.feasible ? 'feasible' : `INFEASIBLE (${kpis.plan.violations} violations)`],
    ['orders', `${o.total} (${o.source === 'orders' ? 'given orders' : 'jobs'})`],
    ['on time', `${o.onTime} (${formatRate(o.onTimeRate)})`],
    ['late', `${o.late} (${formatRate(o.delayRate)})`],
    ['open (not served)', String(o.open)],
    ['mean lateness', time(o.lateness.mean)],
    ['max lateness', time(o.lateness.max)],
  ];
  if (kpis.cycleTime) {
    const c = kpis.cycleTime;
    summary.push(['cycle time mean ± std', c.count === 0 ? '–' : `${formatMs(c.mean)} ± ${formatMs(c.std)}`]);
    summary.push(['cycle time p90 / max', c.count === 0 ? '–' : `${formatMs(c.p90)} / ${formatMs(c.max)}`]);
  }
  const ls = kpis.lateStops;
  summary.push(['late stops', ls.count === 0 ? '0' : `${ls.count} (total ${formatNumber(ls.total)}, max ${formatNumber(ls.max)}, priced ${formatNumber(ls.cost)})`]);
  const k = kpis.cost;
  summary.push(
    ['cost', formatNumber(k.cost)],
    ['distance', formatNumber(k.distance)],
    ['cost per order', formatNumber(k.costPerOrder)],
    ['distance per order', formatNumber(k.distancePerOrder)],
  );
  const u = kpis.utilisation;
  summary.push(
    ['vehicles used', `${u.vehiclesUsed} of ${u.vehiclesAvailable} (${formatRate(u.fleetUsage)})`],
    ['load factor', u.load.length === 0 ? '–' : u.load.map(formatRate).join(' / ')],
    ['working time / shift', formatRate(u.workingTime)],
  );
  if (kpis.change) {
    const ch = kpis.change;
    summary.push([
      'route change rate',
      `${formatRate(ch.rate)} (${ch.changed} of ${ch.compared}: ${ch.vehicleChanged} vehicle, ${ch.positionChanged} position, ` +
        `${ch.newlyAssigned} newly assigned, ${ch.newlyUnassigned} newly unassigned)`,
    ]);
  }
  return summary;
}

/** Formats KPIs as a few aligned text tables (orders, cost, utilisation, balance, routes). */
export function formatKpiTable(kpis: Kpis): string {
  const out: string[] = [];
  out.push(textTable(['KPI', 'value'], kpiSummaryRows(kpis), false));
  const b = kpis.balance;
  out.push(
    textTable(['balance', 'mean', 'std', 'min', 'max', 'p90', 'cv', 'max/min'], [
      spreadRow('route duration', b.duration, (x) => formatNumber(x)),
      spreadRow('stops', b.stops, (x) => formatNumber(x)),
    ]),
  );
  if (kpis.routes.length > 0) {
    out.push(
      textTable(
        ['vehicle', 'stops', 'duration', 'distance', 'cost', 'load', 'working time'],
        kpis.routes.map((r) => [
          String(r.vehicle),
          String(r.stops),
          formatNumber(r.duration),
          formatNumber(r.distance),
          formatNumber(r.cost),
          r.loadFactor.length === 0 ? '–' : r.loadFactor.map(formatRate).join(' / '),
          formatRate(r.workingTimeFactor),
        ]),
      ),
    );
  }
  return out.join('\n\n') + '\n';
}
