/** Re-planning while vehicles are on the road (see `replan`). */
export { replan } from './replan.js';
export type { ReplanOptions, ReplanResult } from './replan.js';
export { inferProgress, validateEvents } from './events.js';
export type { ReplanEvents, VehiclePosition, TravelUpdate, StepStatus, RouteProgress, PlanProgress } from './events.js';
export { reduceProblem, defaultPromisePenalty, hasDelivery } from './reduce.js';
export type { ReduceOptions, Reduction, VehicleState, Restriction } from './reduce.js';
export { updateTravel } from './travel-events.js';
export type { BaseMatrix, TravelReport, DerivableNetwork } from './travel-events.js';
export { mergePlan } from './merge.js';
export type { MergedPlan, MergedRoute, MergedStep, Leg } from './merge.js';
export { diffPlans } from './changes.js';
export type { ReplanChanges, EtaMove } from './changes.js';
export { planWithTimes } from './plan-times.js';
export { keepOrderPlan } from './keep-order.js';
export type { KeptOrderPlan } from './keep-order.js';
export type { Selection, CandidateSummary } from './replan.js';
