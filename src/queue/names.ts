/**
 * What the service and the workers agree on in Redis: the queue's name, the
 * job names and their data, and the cancel channel.
 *
 * - `solve`: one problem. A problem large enough for zones becomes the parent
 *   of a flow: its worker adds one `zone` child per zone sub-problem, waits
 *   for them (BullMQ's waiting-children state; any worker takes any child),
 *   then merges their routes and improves across zone borders.
 * - `zone`: one zone sub-problem; its result is the zone's plan.
 */
import type { Problem, RoutePlan } from '../model/types.js';
import type { JobOptions } from '../server/backend.js';
import type { ErrorBody } from '../server/errors.js';
import type { ZoneSolveOptions } from '../solver/decompose/fanout.js';

/** The BullMQ queue every solve goes through. */
export const QUEUE_NAME = 'vrpkit-solve';
/** Redis pub/sub channel: a message is the id of a job to abort. */
export const CANCEL_CHANNEL = 'vrpkit:cancel';
/** Redis key marking a job as cancelled (for workers that pick it up later). */
export const cancelKey = (id: string) => `vrpkit:cancel:${id}`;

export interface SolveJobData {
  problem: Problem;
  options: JobOptions;
  /** Zone flows: set by the worker once the zone children are added. */
  fanout?: {
    /** Whole-problem job and vehicle indices of every zone, in child order. */
    zones: { jobs: number[]; vehicles: number[] }[];
    /** `Date.now()` deadline of the whole solve. */
    deadline?: number;
  };
}

export interface ZoneJobData {
  problem: Problem;
  options: ZoneSolveOptions;
  zone: number;
  /** The flow's parent job (cancelling it cancels its zones). */
  parentId: string;
}

/** What a `solve` job returns (a solve that fails on bad input returns its error instead of throwing, so it is not retried). */
export interface SolveJobResult {
  status: 'completed' | 'aborted' | 'failed';
  solution?: Record<string, unknown>;
  error?: ErrorBody['error'];
  /** Zone flows: how many zone children answered. */
  zones?: number;
}

export interface ZoneJobResult {
  zone: number;
  plan: RoutePlan;
}
