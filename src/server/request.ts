/**
 * From an HTTP request to a bounded solve request: the problem from the body
 * (input.ts) and the query options, held to the service's limits.
 */
import { defaultTimeLimitMs } from '../solver/index.js';
import type { SolveRequest } from './backend.js';
import { HttpError } from './errors.js';
import { problemFromBody } from './input.js';

export interface SolveLimits {
  /** Longest time limit a request may ask for (and the limit of solves bounded by iterations only). */
  maxTimeLimitMs: number;
  /** Threads per solve unless the request asks for fewer. */
  threadsPerSolve: number;
  /** Most threads a request may ask for. */
  maxThreadsPerSolve: number;
}

export interface SolveQuery {
  timeLimit?: number;
  maxIterations?: number;
  seed?: number;
  threads?: number;
}

/** The query-string schema of POST /solve and POST /jobs (fastify checks it before the handler). */
export const SOLVE_QUERY_SCHEMA = {
  type: 'object',
  properties: {
    timeLimit: { type: 'number', exclusiveMinimum: 0, description: 'stop after this many seconds (default: the solver budget, within the service cap)' },
    maxIterations: { type: 'integer', minimum: 0, description: 'stop after this many iterations (with seed: the same answer every run)' },
    seed: { type: 'integer', description: 'random seed (default 1)' },
    threads: { type: 'integer', minimum: 1, description: 'worker threads for this solve (at most the service maximum)' },
  },
  additionalProperties: false,
} as const;

/** Reads a solve request; throws `VrpkitError` (bad problem) or `HttpError` (above a limit). */
export function solveRequest(body: unknown, query: SolveQuery, limits: SolveLimits): SolveRequest {
  const { problem } = problemFromBody(body);
  let timeLimitMs: number;
  if (query.timeLimit !== undefined) {
    timeLimitMs = query.timeLimit * 1000;
    if (timeLimitMs > limits.maxTimeLimitMs) {
      throw new HttpError(400, 'limit', `query parameter timeLimit ${query.timeLimit} s is above this service's cap of ${limits.maxTimeLimitMs / 1000} s`);
    }
  } else if (query.maxIterations !== undefined) timeLimitMs = limits.maxTimeLimitMs;
  else timeLimitMs = Math.min(defaultTimeLimitMs(problem.jobs.length), limits.maxTimeLimitMs);
  if (query.threads !== undefined && query.threads > limits.maxThreadsPerSolve) {
    throw new HttpError(400, 'limit', `query parameter threads ${query.threads} is above this service's cap of ${limits.maxThreadsPerSolve}`);
  }
  return {
    problem,
    options: {
      timeLimitMs,
      ...(query.maxIterations !== undefined ? { maxIterations: query.maxIterations } : {}),
      ...(query.seed !== undefined ? { seed: query.seed } : {}),
      threads: query.threads ?? limits.threadsPerSolve,
    },
  };
}
