/**
 * The in-process backend: solves run in worker threads (`solveInThreads`), at
 * most `maxRunning` at once, with at most `maxQueued` more waiting; beyond
 * that `submit` answers 429. Ended jobs are kept `resultTtlMs` (and at most
 * `maxKept` of them), then forgotten.
 */
import { randomUUID } from 'node:crypto';
import { checkSolution } from '../model/check.js';
import { solutionToJson } from '../io/solution.js';
import type { Solution } from '../model/types.js';
import type { SolveProgress } from '../solver/index.js';
import { solveInThreads } from '../workers/solve-threads.js';
import { errorResponse, HttpError } from './errors.js';
import type { BackendStats, JobView, SolveBackend, SolveRequest } from './backend.js';

/** Nice value of the service's search threads (Linux): below the HTTP thread, still using every idle core. */
export const SEARCH_NICE = 10;

export interface LocalBackendOptions {
  maxRunning: number;
  maxQueued: number;
  resultTtlMs: number;
  maxKept?: number;
}

interface LocalJob {
  view: JobView;
  request?: SolveRequest;
  controller: AbortController;
  ended: Promise<void>;
  end: () => void;
  expires?: ReturnType<typeof setTimeout>;
}

/** A plan's JSON with the independent checker's verdict; throws when the checker rejects it. */
export function checkedSolutionJson(problem: SolveRequest['problem'], solution: Solution): Record<string, unknown> {
  const report = checkSolution(problem, solution);
  if (!report.feasible) {
    throw new HttpError(500, 'internal', `the solver returned a plan that the independent checker rejects (${report.violations.length} violations)`);
  }
  return solutionToJson(solution);
}

/** Solves in worker threads of this process, bounded (see the module comment). */
export class LocalBackend implements SolveBackend {
  private readonly jobs = new Map<string, LocalJob>();
  private readonly waiting: LocalJob[] = [];
  private running = 0;
  private closed = false;

  constructor(private readonly options: LocalBackendOptions) {}

  async submit(request: SolveRequest): Promise<JobView> {
    if (this.closed) throw new HttpError(503, 'shutting-down', 'the service is shutting down');
    if (this.running >= this.options.maxRunning && this.waiting.length >= this.options.maxQueued) {
      throw new HttpError(429, 'busy', `${this.running} solves are running and ${this.waiting.length} waiting (the limit); retry later`, '', { 'retry-after': '1' });
    }
    let end!: () => void;
    const ended = new Promise<void>((r) => (end = r));
    const job: LocalJob = {
      view: { id: randomUUID(), status: 'queued', createdAt: new Date().toISOString(), progress: null, bestCost: null },
      request,
      controller: new AbortController(),
      ended,
      end,
    };
    this.jobs.set(job.view.id, job);
    this.waiting.push(job);
    this.pump();
    return { ...job.view };
  }

  async get(id: string): Promise<JobView | undefined> {
    const job = this.jobs.get(id);
    return job ? { ...job.view } : undefined;
  }

  async wait(id: string, signal?: AbortSignal): Promise<JobView> {
    const job = this.jobs.get(id);
    if (!job) throw new HttpError(404, 'not-found', `no job ${id}`);
    const onAbort = () => this.stop(job);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await job.ended;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    return { ...job.view };
  }

  async cancel(id: string): Promise<JobView | undefined> {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (job.view.status === 'queued' || job.view.status === 'running') {
      this.stop(job);
      await job.ended;
      return { ...job.view };
    }
    await this.forget(id);
    return { ...job.view };
  }

  async forget(id: string): Promise<void> {
    const job = this.jobs.get(id);
    if (!job || job.view.status === 'queued' || job.view.status === 'running') return;
    if (job.expires) clearTimeout(job.expires);
    this.jobs.delete(id);
  }

  async stats(): Promise<BackendStats> {
    return { running: this.running, queued: this.waiting.length, maxRunning: this.options.maxRunning, maxQueued: this.options.maxQueued };
  }

  async close(): Promise<void> {
    this.closed = true;
    const open = [...this.jobs.values()].filter((j) => j.view.status === 'queued' || j.view.status === 'running');
    for (const job of open) this.stop(job);
    await Promise.all(open.map((j) => j.ended));
    for (const job of this.jobs.values()) if (job.expires) clearTimeout(job.expires);
  }

  /** Cancels a queued job or aborts a running one. */
  private stop(job: LocalJob): void {
    if (job.view.status === 'queued') {
      const at = this.waiting.indexOf(job);
      if (at >= 0) this.waiting.splice(at, 1);
      this.finish(job, 'cancelled');
    } else if (job.view.status === 'running') job.controller.abort();
  }

  private pump(): void {
    while (this.running < this.options.maxRunning && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running++;
      this.run(job).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(job: LocalJob): Promise<void> {
    const request = job.request!;
    job.view.status = 'running';
    job.view.startedAt = new Date().toISOString();
    try {
      const solution = await solveInThreads(request.problem, {
        timeLimitMs: request.options.timeLimitMs,
        ...(request.options.maxIterations !== undefined ? { maxIterations: request.options.maxIterations } : {}),
        ...(request.options.seed !== undefined ? { seed: request.options.seed } : {}),
        threads: request.options.threads,
        // the HTTP thread first: /health and new requests are answered while solves run
        threadNice: SEARCH_NICE,
        signal: job.controller.signal,
        onProgress: (p: SolveProgress) => {
          job.view.progress = { iteration: p.iteration, elapsedMs: Math.round(p.elapsedMs), bestCost: Number.isFinite(p.bestCost) ? p.bestCost : null, feasible: p.feasible };
          job.view.bestCost = job.view.progress.bestCost;
        },
      });
      job.view.solution = checkedSolutionJson(request.problem, solution);
      job.view.bestCost = solution.summary.cost;
      this.finish(job, solution.status === 'aborted' ? 'aborted' : 'completed');
    } catch (e) {
      job.view.error = errorResponse(e).body.error;
      this.finish(job, 'failed');
    }
  }

  private finish(job: LocalJob, status: JobView['status']): void {
    job.view.status = status;
    job.view.finishedAt = new Date().toISOString();
    job.request = undefined; // the problem is no longer needed
    job.end();
    job.expires = setTimeout(() => this.jobs.delete(job.view.id), this.options.resultTtlMs);
    job.expires.unref();
    this.evict();
  }

  /** Forgets the oldest ended jobs beyond `maxKept`. */
  private evict(): void {
    const maxKept = this.options.maxKept ?? 1000;
    if (this.jobs.size <= maxKept) return;
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= maxKept) break;
      if (job.view.status === 'queued' || job.view.status === 'running') continue;
      if (job.expires) clearTimeout(job.expires);
      this.jobs.delete(id);
    }
  }
}
