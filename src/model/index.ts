/** The model's public API: the language types, travel resolution, validation and the independent checker. */
export type * from './types.js';
export { resolveTravel, haversineMetres, roundArc, EARTH_RADIUS_M } from './travel.js';
export type { ResolvedTravel } from './travel.js';
export { checkSolution, capacityDimensions, planIssues } from './check.js';
export type { CheckOptions, CheckReport, CheckSummary, CheckedRoute, CheckedStep, Tolerance, Violation, ViolationCode } from './check.js';
export { validateProblem, assertProblem } from './validate.js';
export { compareObjective } from './objective.js';
export type { ObjectiveValues } from './objective.js';
