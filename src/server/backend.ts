/**
 * What the HTTP routes need from whatever runs the solves: the in-process
 * thread backend (local-backend.ts) or the Redis queue (src/queue). A job is
 * reported as a `JobView` (plain JSON).
 */
import type { Problem } from '../model/types.js';
import type { ErrorBody } from './errors.js';

export type JobStatus = 'queued' | 'running' | 'completed' | 'aborted' | 'failed' | 'cancelled';

export interface JobProgress {
  iteration: number;
  elapsedMs: number;
  /** Best search cost so far (null before the first plan). */
  bestCost: number | null;
  feasible: boolean;
}

export interface JobView {
  id: string;
  status: JobStatus;
  /** ISO times. */
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  progress: JobProgress | null;
  /** The plan's cost when done, else the best search cost so far (null when none yet). */
  bestCost: number | null;
  /** The solution JSON (as `vrpkit solve` prints it) once the job has ended with a plan. */
  solution?: Record<string, unknown>;
  /** Why the job failed. */
  error?: ErrorBody['error'];
}

/** Solve options a request may set (already bounded by the service's limits). */
export interface JobOptions {
  timeLimitMs: number;
  maxIterations?: number;
  seed?: number;
  /** Threads for this one solve. */
  threads: number;
}

export interface SolveRequest {
  problem: Problem;
  options: JobOptions;
}

export interface BackendStats {
  running: number;
  queued: number;
  /** Solves that may run at once (null when workers elsewhere decide: the Redis queue). */
  maxRunning: number | null;
  maxQueued: number;
}

export interface SolveBackend {
  /** Accepts a solve; throws `HttpError` 429 when the bounded queue is full. */
  submit(request: SolveRequest): Promise<JobView>;
  /** The job's state, undefined when unknown (or expired). */
  get(id: string): Promise<JobView | undefined>;
  /** Waits until the job has ended (a sync solve); `signal` gives up waiting (and aborts the job). */
  wait(id: string, signal?: AbortSignal): Promise<JobView>;
  /**
   * Stops a job: a queued one is cancelled, a running one aborted and its best
   * plan so far returned; an ended one is forgotten (its final state returned).
   */
  cancel(id: string): Promise<JobView | undefined>;
  /** Forgets an ended job (after a sync solve has answered). */
  forget(id: string): Promise<void>;
  stats(): Promise<BackendStats>;
  /** Stops accepting work, aborts what runs (each ends with its best plan), waits for it. */
  close(): Promise<void>;
}
