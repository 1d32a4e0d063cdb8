/** The SLA order clock: policy, `checkSla`, planning inputs and forecasts against a plan. */
export { DEFAULT_SLA_POLICY, resolvePolicy } from './policy.js';
export type { SlaPolicy } from './policy.js';
export { parseInstant, toIso } from './time.js';
export type { TimeInput, ParsedInstant } from './time.js';
export { SLA_STAGES, parseOrders } from './orders.js';
export type { SlaOrder, SlaStage, ParsedOrder } from './orders.js';
export { checkSla, evaluateOrder, stageDeadlines, slaTotals } from './check.js';
export type { CheckSlaOptions, SlaReport, SlaOrderResult, SlaStageResult, SlaStatus, SlaTotals, StageForecast } from './check.js';
export { applySlaToProblem, planningTimes } from './plan.js';
export type { ApplySlaOptions, SlaPlanningTimes } from './plan.js';
export { forecastSla } from './forecast.js';
export { formatSlaTable } from './format.js';
export type { ForecastSlaOptions, SlaForecastReport, SlaForecastOrder, OrderPlan } from './forecast.js';
export { plannedJobs } from './planned.js';
export type { PlannedJob, PlannedJobs } from './planned.js';
