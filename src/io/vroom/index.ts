/**
 * VROOM-compatible input and output (VROOM's JSON API, docs/API.md of
 * VROOM-Project/vroom): `fromVroom` reads a VROOM problem into a `Problem`,
 * `toVroom` writes a solution as VROOM's output, `planFromVroom` reads VROOM's
 * output back as a plan for the checker. Browser-safe.
 */
export { fromVroom, vroomPointer, vroomPointerIn, vroomError } from './input.js';
export type { FromVroomOptions } from './input.js';
export { toVroom } from './output.js';
export { planFromVroom, looksLikeVroomSolution } from './plan.js';
export { looksLikeVroomProblem } from './detect.js';
export { shipmentId as vroomShipmentId } from './tasks.js';
export { HAVERSINE_SPEED as VROOM_HAVERSINE_SPEED, MAX_DENSE_POINTS as VROOM_MAX_DENSE_POINTS } from './travel.js';
export type * from './types.js';
