/**
 * The HTML report of a plan: `renderReport(problem, plan, options)` returns one
 * self-contained HTML page (map, timeline per vehicle, KPIs, SLA status per
 * order, unassigned jobs with reasons). Pure: no file, clock or network access;
 * the caller writes the string where it wants (`vrpkit report`, `vrpkit solve --report`).
 */
import type { Problem, RoutePlan, Solution } from '../../model/types.js';
import { reportModel, type ReportOptions } from './model.js';
import { renderPage } from './page.js';

export type { ReportOptions, ReportModel, ReportRoute, ReportStep } from './model.js';
export { reportModel } from './model.js';

/** Renders the report page of `plan` for `problem` (see the module comment). */
export function renderReport(problem: Problem, plan: RoutePlan | Solution, options: ReportOptions = {}): string {
  return renderPage(reportModel(problem, plan, options));
}
