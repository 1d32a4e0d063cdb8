/**
 * The service's backend with `--redis`: solves are BullMQ jobs that
 * `vrpkit worker` processes take; the service only enqueues, reads job state
 * and results from Redis, and publishes aborts. Results stay in Redis until
 * fetched and forgotten (DELETE, or after a sync /solve) or until they expire
 * (`resultTtlMs`).
 */
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { HttpError } from '../server/errors.js';
import type { BackendStats, JobStatus, JobView, SolveBackend, SolveRequest } from '../server/backend.js';
import { closeClients, redisClient, whenReady } from './connection.js';
import { CANCEL_CHANNEL, QUEUE_NAME, cancelKey, type SolveJobData, type SolveJobResult } from './names.js';

export interface QueueBackendOptions {
  url: string;
  /** How long finished jobs stay in Redis (ms). */
  resultTtlMs: number;
  /** Jobs waiting in the queue beyond which submits answer 429. */
  maxQueued: number;
  /** How long DELETE waits for an aborted job to hand in its best plan (ms, default 60 s). */
  abortWaitMs?: number;
  /** BullMQ key prefix (default "bull"; tests use their own). */
  prefix?: string;
}

/** Connects to Redis and returns the queue backend (rejects when Redis is unreachable). */
export async function createQueueBackend(options: QueueBackendOptions): Promise<SolveBackend> {
  const clients = [redisClient(options.url), redisClient(options.url), redisClient(options.url)];
  try {
    await Promise.all(clients.map((c) => whenReady(c, options.url)));
  } catch (e) {
    for (const c of clients) c.disconnect();
    throw e;
  }
  const [queueClient, eventsClient, publisher] = clients;
  const prefix = options.prefix ? { prefix: options.prefix } : {};
  const queue = new Queue<SolveJobData, SolveJobResult>(QUEUE_NAME, { connection: queueClient, ...prefix });
  const events = new QueueEvents(QUEUE_NAME, { connection: eventsClient, ...prefix });
  await events.waitUntilReady();
  return new QueueBackend(queue, events, publisher, options, clients);
}

type Publisher = ReturnType<typeof redisClient>;

class QueueBackend implements SolveBackend {
  /** Resolves when the backend closes: waiting /solve requests then stop waiting (their jobs go on). */
  private closing!: () => void;
  private readonly closed = new Promise<void>((resolve) => (this.closing = resolve));

  constructor(
    private readonly queue: Queue<SolveJobData, SolveJobResult>,
    private readonly events: QueueEvents,
    private readonly publisher: Publisher,
    private readonly options: QueueBackendOptions,
    private readonly clients: Publisher[],
  ) {}

  private get ttlS(): number {
    return Math.max(1, Math.round(this.options.resultTtlMs / 1000));
  }

  async submit(request: SolveRequest): Promise<JobView> {
    const counts = await this.queue.getJobCounts('wait', 'prioritized', 'delayed');
    const waiting = (counts.wait ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0);
    if (waiting >= this.options.maxQueued) {
      throw new HttpError(429, 'busy', `${waiting} solves are waiting in the queue (the limit); retry later`, '', { 'retry-after': '5' });
    }
    const id = randomUUID();
    const job = await this.queue.add('solve', { problem: request.problem, options: request.options }, {
      jobId: id,
      attempts: 1,
      removeOnComplete: { age: this.ttlS },
      removeOnFail: { age: this.ttlS },
    });
    return view(job, 'queued');
  }

  private async job(id: string): Promise<Job<SolveJobData, SolveJobResult> | undefined> {
    const job = await this.queue.getJob(id);
    return job && job.name === 'solve' ? job : undefined;
  }

  async get(id: string): Promise<JobView | undefined> {
    // The state first, then the job: read the other way round, a job finishing in
    // between would look completed without its result.
    const state = await this.queue.getJobState(id);
    if (state === 'unknown') return undefined;
    const job = await this.job(id);
    return job ? view(job, statusOf(state, job)) : undefined;
  }

  async wait(id: string, signal?: AbortSignal): Promise<JobView> {
    const job = await this.job(id);
    if (!job) throw new HttpError(404, 'not-found', `no job ${id}`);
    const onAbort = () => void this.cancel(id).catch(() => {});
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.race([job.waitUntilFinished(this.events).catch(() => {}), this.closed]);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    return (await this.get(id)) ?? view(job, 'cancelled');
  }

  async cancel(id: string): Promise<JobView | undefined> {
    const job = await this.job(id);
    if (!job) return undefined;
    const state = await job.getState();
    if (state === 'waiting' || state === 'delayed' || state === 'prioritized') {
      try {
        await job.remove();
        return { ...view(job, 'cancelled'), finishedAt: new Date().toISOString() };
      } catch {
        // taken by a worker meanwhile: abort it below
      }
    }
    if (state === 'completed' || state === 'failed') {
      const ended = await this.get(id);
      await job.remove().catch(() => {});
      return ended;
    }
    await this.publisher.set(cancelKey(id), '1', 'EX', this.ttlS);
    await this.publisher.publish(CANCEL_CHANNEL, id);
    const abortWaitMs = this.options.abortWaitMs ?? 60_000;
    await job.waitUntilFinished(this.events, abortWaitMs).catch(() => {});
    return this.get(id);
  }

  async forget(id: string): Promise<void> {
    const job = await this.job(id);
    if (!job) return;
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') await job.remove().catch(() => {});
  }

  async stats(): Promise<BackendStats> {
    const c = await this.queue.getJobCounts('active', 'wait', 'prioritized', 'delayed', 'waiting-children');
    return {
      running: (c.active ?? 0) + (c['waiting-children'] ?? 0),
      queued: (c.wait ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0),
      maxRunning: null,
      maxQueued: this.options.maxQueued,
    };
  }

  async close(): Promise<void> {
    this.closing();
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    await closeClients(this.clients);
  }
}

function statusOf(state: string, job: Job<SolveJobData, SolveJobResult>): JobStatus {
  switch (state) {
    case 'completed':
      return job.returnvalue?.status ?? 'completed';
    case 'failed':
      return 'failed';
    case 'active':
    case 'waiting-children':
      return 'running';
    default:
      return 'queued';
  }
}

function view(job: Job<SolveJobData, SolveJobResult>, status: JobStatus): JobView {
  const iso = (t: number | undefined) => (t ? new Date(t).toISOString() : undefined);
  const progress = typeof job.progress === 'object' && job.progress !== null ? (job.progress as unknown as JobView['progress']) : null;
  const result = status === 'running' || status === 'queued' ? undefined : job.returnvalue;
  const solution = result?.solution;
  const out: JobView = {
    id: job.id!,
    status,
    createdAt: iso(job.timestamp)!,
    progress,
    bestCost: solution ? ((solution.summary as { cost?: number })?.cost ?? null) : (progress?.bestCost ?? null),
  };
  const startedAt = iso(job.processedOn);
  const finishedAt = iso(job.finishedOn);
  if (startedAt) out.startedAt = startedAt;
  if (finishedAt && status !== 'running' && status !== 'queued') out.finishedAt = finishedAt;
  if (solution) out.solution = solution;
  if (result?.error) out.error = result.error;
  else if (status === 'failed') {
    out.error = { code: 'internal', message: job.failedReason || 'the job failed', pointer: '', issues: [{ code: 'internal', pointer: '', message: job.failedReason || 'the job failed' }] };
  }
  return out;
}
