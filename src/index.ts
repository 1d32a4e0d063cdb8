/**
 * vrpkit — vehicle routing and dispatch optimisation in pure TypeScript.
 * This module is the whole public surface; nothing else is exported.
 */
export { VERSION } from './version.js';
export { Rng, VrpkitError, isVrpkitError, TimeBudget } from './core/index.js';
export type { InputIssue, BudgetOptions } from './core/index.js';
export { DEFAULT_LIMITS, resolveLimits } from './core/index.js';
export type { InputLimits } from './core/index.js';
export type * from './model/types.js';
export { checkSolution, validateProblem, assertProblem, resolveTravel, compareObjective } from './model/index.js';
export type { ObjectiveValues } from './model/index.js';
export type { CheckOptions, CheckReport, CheckSummary, CheckedRoute, CheckedStep, Tolerance, Violation, ViolationCode } from './model/index.js';
export { checkSla, forecastSla, applySlaToProblem, planningTimes, formatSlaTable, DEFAULT_SLA_POLICY, resolvePolicy, parseInstant } from './sla/index.js';
export type { SlaPolicy, SlaOrder, SlaStage, SlaStatus, SlaReport, SlaOrderResult, SlaStageResult, SlaTotals, CheckSlaOptions, ApplySlaOptions, SlaPlanningTimes, ForecastSlaOptions, SlaForecastReport, SlaForecastOrder, OrderPlan, TimeInput } from './sla/index.js';
export { computeKpis, changeRate, formatKpiTable } from './kpi/index.js';
export type { Kpis, KpiOptions, OrderKpis, RouteKpis, ChangeKpis, Spread } from './kpi/index.js';
export { clusterPoints } from './cluster/index.js';
export type { ClusterMethod, ClusterMetric, ClusterOptions, ClusterPointObject, ClusterPoints, ClusterResult, CoordinateDistance } from './cluster/index.js';
export { replan } from './dispatch/index.js';
export type { ReplanEvents, ReplanOptions, ReplanResult, ReplanChanges, EtaMove, MergedPlan, MergedRoute, MergedStep, StepStatus, VehiclePosition, TravelUpdate, TravelReport, BaseMatrix, Restriction, Selection, CandidateSummary, StopEvent } from './dispatch/index.js';
export { RoadNetwork, DEFAULT_SPEED_KMH } from './network/index.js';
export type { NodeId, Metric, MatrixMetric, PathAlgorithm, PathOptions, PathResult, PathFound, PathUnreachable, TravelMatrix, SnappedPoint, NetworkMemory, DimacsOptions, DimacsSource, EdgeList, EdgeListOptions, GraphologyOptions, GraphologyLike, EdgeNumberFn, GeoJsonOptions, UnitOptions } from './network/index.js';
export { haversineMetres, EARTH_RADIUS_M, GeoIndex } from './geo/index.js';
export type { NearestHit } from './geo/index.js';
export { solveByZones, shouldDecompose, DECOMPOSE_THRESHOLD } from './solver/decompose/index.js';
export type { DecomposeOptions, ZoneOptions, ZoningMethod } from './solver/decompose/index.js';
export { solve, defaultTimeLimitMs } from './solver/index.js';
export type { SolveOptions, SolveProgress, SolveExchange, ExchangeOffer } from './solver/index.js';
export * from './io/index.js';
