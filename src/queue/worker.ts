/**
 * `vrpkit worker`: takes solve jobs from the Redis queue and solves them in
 * worker threads (`solveInThreads`), reporting progress to the job.
 *
 * A problem large enough for zones becomes a BullMQ flow (names.ts): this
 * worker cuts it into zone sub-problems (`planZoneFanout`) and adds one `zone`
 * child per zone — with ids derived from the parent's, so a retried parent
 * adds nothing twice — then parks the parent until its children are done; any
 * worker takes any child. When the parent comes back, its routes are merged
 * (`mergeZonePlans`) and improved across zone borders (`solveByZones`
 * warm-started, in a thread) until the deadline.
 *
 * Nothing is lost when a worker dies: its jobs' locks expire and BullMQ's
 * stalled-job check hands them to another worker (up to `maxStalledCount`
 * times). Aborts arrive on a pub/sub channel (and as a key, for jobs that have
 * not started yet); an aborted solve completes with its best plan so far.
 */
import { Queue, WaitingChildrenError, Worker, type Job } from 'bullmq';
import { isVrpkitError } from '../core/errors.js';
import { problemFromJson } from '../io/json.js';
import type { Problem, RoutePlan, Solution } from '../model/types.js';
import { SEARCH_NICE, checkedSolutionJson } from '../server/local-backend.js';
import { errorResponse } from '../server/errors.js';
import { mergeZonePlans, planZoneFanout } from '../solver/decompose/fanout.js';
import { shouldDecompose } from '../solver/decompose/options.js';
import type { SolveProgress } from '../solver/index.js';
import { solveInThreads } from '../workers/solve-threads.js';
import { closeClients, redisClient, whenReady } from './connection.js';
import { CANCEL_CHANNEL, QUEUE_NAME, cancelKey, type SolveJobData, type SolveJobResult, type ZoneJobData, type ZoneJobResult } from './names.js';

export interface QueueWorkerOptions {
  url: string;
  /** Jobs solved at once by this process (default 1). */
  concurrency?: number;
  /** Threads per solve (default 1). */
  threads?: number;
  /** How long a job's lock lives without renewal (ms, default 30 000): a dead worker's jobs move on after about this long. */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for (ms, default lockDurationMs). */
  stalledIntervalMs?: number;
  /** How many times a job may stall (its worker dying) before it fails (default 2). */
  maxStalledCount?: number;
  /** Expected workers taking zone children at once, for their time budgets (default 2). */
  zoneParallelism?: number;
  /** How long finished jobs stay in Redis (ms, default 1 h). */
  resultTtlMs?: number;
  /** BullMQ key prefix (default "bull"). */
  prefix?: string;
  /** Called when a job starts (for logs). */
  onJobStart?: (job: { id: string; name: string }) => void;
  /** Called when a job ends (for logs). */
  onJobEnd?: (job: { id: string; name: string; status: string; ms: number }) => void;
}

export interface QueueWorker {
  /** Stops taking jobs, lets running ones finish (or, with `abort`, aborts them so they answer now), disconnects. */
  close(abort?: boolean): Promise<void>;
}

/** Starts a queue worker (rejects when Redis is unreachable). */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const clients = [redisClient(options.url), redisClient(options.url), redisClient(options.url)];
  try {
    await Promise.all(clients.map((c) => whenReady(c, options.url)));
  } catch (e) {
    for (const c of clients) c.disconnect();
    throw e;
  }
  const [workerClient, queueClient, subscriber] = clients;
  const prefix = options.prefix ? { prefix: options.prefix } : {};
  const queue = new Queue(QUEUE_NAME, { connection: queueClient, ...prefix });
  const ttlS = Math.max(1, Math.round((options.resultTtlMs ?? 3_600_000) / 1000));
  const threads = Math.max(1, options.threads ?? 1);
  const running = new Map<string, { controller: AbortController; parentId?: string }>();

  await subscriber.subscribe(CANCEL_CHANNEL);
  subscriber.on('message', (_channel: string, id: string) => {
    for (const [jobId, r] of running) if (jobId === id || r.parentId === id) r.controller.abort();
  });
  const cancelled = async (...ids: (string | undefined)[]) => {
    for (const id of ids) if (id && (await queueClient.exists(cancelKey(id)))) return true;
    return false;
  };

  /** Runs `work` with an abort controller registered for the job (and its parent). */
  const tracked = async <T>(job: Job, parentId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    running.set(job.id!, { controller, parentId });
    try {
      if (await cancelled(job.id, parentId)) controller.abort();
      return await work(controller.signal);
    } finally {
      running.delete(job.id!);
    }
  };

  const progressOf = (job: Job) => {
    let last = 0;
    return (p: SolveProgress) => {
      const t = Date.now();
      if (t - last < 500) return;
      last = t;
      const progress = { iteration: p.iteration, elapsedMs: Math.round(p.elapsedMs), bestCost: Number.isFinite(p.bestCost) ? p.bestCost : null, feasible: p.feasible };
      job.updateProgress(progress).catch(() => {});
    };
  };

  const solveJob = async (job: Job<SolveJobData, SolveJobResult>, token: string | undefined): Promise<SolveJobResult> => {
    let problem: Problem;
    try {
      problem = problemFromJson(job.data.problem);
    } catch (e) {
      return failed(e);
    }
    const o = job.data.options;
    if (!job.data.fanout && shouldDecompose(problem) && token) {
      // Fan out: one child per zone, then wait for them.
      const fanout = planZoneFanout(problem, {
        timeLimitMs: o.timeLimitMs,
        ...(o.maxIterations !== undefined ? { maxIterations: o.maxIterations } : {}),
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        parallelism: options.zoneParallelism ?? 2,
      });
      const deadline = Date.now() + o.timeLimitMs;
      await job.updateData({ ...job.data, fanout: { zones: fanout.tasks.map((t) => ({ jobs: t.jobs, vehicles: t.vehicles })), deadline } });
      await queue.addBulk(
        fanout.tasks.map((task, i) => ({
          name: 'zone',
          data: { problem: task.problem, options: task.options, zone: i, parentId: job.id! } satisfies ZoneJobData,
          opts: {
            jobId: `${job.id}-zone-${i}`,
            parent: { id: job.id!, queue: job.queueQualifiedName },
            ignoreDependencyOnFailure: true,
            removeOnComplete: { age: ttlS },
            removeOnFail: { age: ttlS },
          },
        })),
      );
      if (await job.moveToWaitingChildren(token)) throw new WaitingChildrenError();
    }
    if (job.data.fanout) return mergeZones(job, problem);
    return tracked(job, undefined, async (signal) => {
      try {
        const solution = await solveInThreads(problem, {
          timeLimitMs: o.timeLimitMs,
          ...(o.maxIterations !== undefined ? { maxIterations: o.maxIterations } : {}),
          ...(o.seed !== undefined ? { seed: o.seed } : {}),
          threads: Math.min(threads, o.threads),
          threadNice: SEARCH_NICE,
          signal,
          onProgress: progressOf(job),
        });
        return done(problem, solution);
      } catch (e) {
        if (isVrpkitError(e)) return failed(e);
        throw e;
      }
    });
  };

  /** The parent of a zone flow, back from waiting: merge the zones, improve across borders. */
  const mergeZones = async (job: Job<SolveJobData, SolveJobResult>, problem: Problem): Promise<SolveJobResult> => {
    const fanout = job.data.fanout!;
    const values = await job.getChildrenValues<ZoneJobResult>();
    const plans: (RoutePlan | undefined)[] = new Array(fanout.zones.length);
    for (const v of Object.values(values)) if (v && typeof v.zone === 'number') plans[v.zone] = v.plan;
    const merged = mergeZonePlans(problem, fanout.zones, plans);
    const o = job.data.options;
    return tracked(job, undefined, async (signal) => {
      // The border phase gets what is left of the limit, at least a fifth of it (zones may have queued).
      const left = fanout.deadline !== undefined ? Math.max(fanout.deadline - Date.now(), 0.2 * o.timeLimitMs) : o.timeLimitMs;
      const solution = await solveInThreads(problem, {
        timeLimitMs: left,
        ...(o.maxIterations !== undefined ? { maxIterations: o.maxIterations } : {}),
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        decompose: 'always',
        initialSolution: merged,
        threads: 1,
        threadNice: SEARCH_NICE,
        signal,
        onProgress: progressOf(job),
      });
      const result = done(problem, solution);
      result.zones = plans.filter(Boolean).length;
      return result;
    });
  };

  const zoneJob = async (job: Job<ZoneJobData, ZoneJobResult>): Promise<ZoneJobResult> =>
    tracked(job, job.data.parentId, async (signal) => {
      const solution = await solveInThreads(job.data.problem, { ...job.data.options, threads: 1, threadNice: SEARCH_NICE, signal, onProgress: progressOf(job) });
      return { zone: job.data.zone, plan: compactPlan(solution) };
    });

  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job, token?: string) => {
      const t0 = Date.now();
      options.onJobStart?.({ id: job.id!, name: job.name });
      const result = job.name === 'zone' ? await zoneJob(job as Job<ZoneJobData, ZoneJobResult>) : await solveJob(job as Job<SolveJobData, SolveJobResult>, token);
      options.onJobEnd?.({ id: job.id!, name: job.name, status: (result as SolveJobResult).status ?? 'completed', ms: Date.now() - t0 });
      return result;
    },
    {
      connection: workerClient,
      ...prefix,
      concurrency: Math.max(1, options.concurrency ?? 1),
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? options.lockDurationMs ?? 30_000,
      maxStalledCount: options.maxStalledCount ?? 2,
    },
  );
  worker.on('error', () => {}); // connection hiccups are retried by ioredis
  await worker.waitUntilReady();

  return {
    async close(abort = false) {
      if (abort) for (const r of running.values()) r.controller.abort();
      await worker.close();
      await Promise.allSettled([queue.close()]);
      await closeClients(clients);
    },
  };
}

/** A finished solve as the job's result (the checker must accept it). */
function done(problem: Problem, solution: Solution): SolveJobResult {
  return { status: solution.status === 'aborted' ? 'aborted' : 'completed', solution: checkedSolutionJson(problem, solution) };
}

/** Bad input is the job's answer, not a reason to retry. */
function failed(e: unknown): SolveJobResult {
  if (!isVrpkitError(e)) throw e;
  return { status: 'failed', error: errorResponse(e).body.error };
}

/** Vehicle + job ids of a zone's plan (all a parent needs, small in Redis). */
function compactPlan(solution: Solution): RoutePlan {
  return {
    routes: solution.routes.map((r) => ({ vehicle: r.vehicle, steps: r.steps.filter((s) => s.type === 'job').map((s) => ({ type: 'job' as const, id: s.id })) })),
    unassigned: solution.unassigned.map((u) => ({ id: u.id, reason: u.reason })),
  };
}
