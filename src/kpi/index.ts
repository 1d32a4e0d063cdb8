/** Logistics KPIs of a plan: on-time and delay rates, cycle time, utilisation, balance, cost, change rate. */
export { computeKpis, changeRate } from './compute.js';
export type { Kpis, KpiOptions, OrderKpis, RouteKpis, ChangeKpis } from './compute.js';
export { formatKpiTable, formatMs, formatNumber, formatRate, textTable } from './format.js';
export { spread } from './stats.js';
export type { Spread } from './stats.js';
