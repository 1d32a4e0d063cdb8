/**
 * A solution document of any supported kind as a plan of a problem, for the
 * checker and the report: a VRPLIB `.sol` route file (task numbers; Li & Lim
 * stop numbers become pickup/delivery steps), VROOM's output document
 * (`planFromVroom`), or vrpkit's solution JSON / short form (`readPlan`).
 * Browser-safe (text or parsed value in, no file access).
 */
import type { InputLimits } from '../core/limits.js';
import type { Problem, RoutePlan } from '../model/types.js';
import type { ProblemFormat } from './detect.js';
import { parseJsonText } from './json-text.js';
import { stopsFromTaskNumbers } from './lilim.js';
import { readPlan } from './solution.js';
import { looksLikeVrplibSolution, parseVrplibSolution } from './vrplib-solution.js';
import { looksLikeVroomSolution, planFromVroom } from './vroom/index.js';

/** Reads a solution (text or parsed JSON) as a plan of `problem`; `format` is the problem's (CVRPLIB numbers customers from 2). */
export function readPlanFor(problem: Problem, input: string | unknown, format?: ProblemFormat, limits?: Partial<InputLimits>): RoutePlan {
  if (typeof input === 'string' && looksLikeVrplibSolution(input)) {
    return stopsFromTaskNumbers(problem, parseVrplibSolution(input, { jobIdOffset: format === 'cvrplib' ? 1 : 0, limits }));
  }
  const value = typeof input === 'string' ? parseJsonText(input, 'the solution file', limits) : input;
  return looksLikeVroomSolution(value) ? planFromVroom(problem, value) : readPlan(value, limits);
}
