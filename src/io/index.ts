/**
 * The browser-safe format readers and writers (no `node:` imports here; the
 * Node file helpers `files.ts`, `load.ts`, `network-files.ts` are for the CLI
 * and the benchmarks only and are deliberately not re-exported).
 */
export { parseSolomon } from './solomon.js';
export type { SolomonOptions } from './solomon.js';
export { parseCvrplib } from './cvrplib.js';
export { parseLiLim, stopsFromTaskNumbers } from './lilim.js';
export type { LiLimOptions } from './lilim.js';
export type { CvrplibOptions } from './cvrplib.js';
export { parseProblemJson, problemFromJson, networkFileOf } from './json.js';
export type { ProblemJsonOptions } from './json.js';
export { parseJsonText } from './json-text.js';
export { detectFormat, PROBLEM_FORMATS } from './detect.js';
export type { ProblemFormat } from './detect.js';
export { solutionToJson, formatSolutionJson, readPlan } from './solution.js';
export { parseVrplibSolution } from './vrplib-solution.js';
export type { VrplibSolution } from './vrplib-solution.js';
export { solutionToGeoJson } from './solution-geojson.js';
export type { GeoJsonFeature, GeoJsonFeatureCollection, SolutionGeoJsonOptions } from './solution-geojson.js';
export { renderReport } from './report/index.js';
export type { ReportOptions } from './report/index.js';
export { fromVroom, toVroom, planFromVroom, looksLikeVroomProblem, looksLikeVroomSolution, vroomError } from './vroom/index.js';
export type { FromVroomOptions, VroomOutput, VroomRoute, VroomStep, VroomSummary, VroomUnassigned, VroomViolation } from './vroom/index.js';
export { readPlanFor } from './plan-input.js';
