/**
 * The body of one solve thread: receives a `solve` message, runs the core's
 * `solve` (exchanging elites with its sibling threads through the main thread
 * when asked), reports progress, and posts the solution or the error. An
 * `abort` message stops the current search, which then returns its best plan
 * so far. A thread runs one solve at a time and may be given the next one when
 * it has answered (a pool of zone solves does that).
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { solve, type SolveOptions } from '../solver/index.js';
import type { RoutePlan } from '../model/types.js';
import { serializeError, type FromWorker, type ToWorker } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('solve-worker must run in a worker thread');

let controller = new AbortController();
const waiting = new Map<number, (plan: RoutePlan | undefined) => void>();
let busy = false;

const post = (m: FromWorker) => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  if (m.type === 'abort') controller.abort();
  else if (m.type === 'exchanged') {
    const answer = waiting.get(m.iteration);
    waiting.delete(m.iteration);
    answer?.(m.plan);
  } else if (m.type === 'solve' && !busy) {
    busy = true;
    controller = new AbortController();
    run(m)
      .then(
        (solution) => post({ type: 'done', solution }),
        (e) => post({ type: 'error', error: serializeError(e) }),
      )
      .finally(() => {
        busy = false;
        waiting.clear();
      });
  }
});

async function run(m: Extract<ToWorker, { type: 'solve' }>) {
  if (m.nice !== undefined) lowerPriority(m.nice);
  const options: SolveOptions = { ...m.options, signal: controller.signal };
  if (m.deadline !== undefined) options.timeLimitMs = Math.max(1, m.deadline - Date.now());
  let lastProgress = -Infinity;
  options.onProgress = (progress) => {
    const t = Date.now();
    if (t - lastProgress < m.progressMs) return;
    lastProgress = t;
    post({ type: 'progress', progress });
  };
  if (m.exchangeEvery !== undefined) {
    options.exchange = {
      every: m.exchangeEvery,
      exchange: (offer, iteration) =>
        new Promise<RoutePlan | undefined>((resolve) => {
          waiting.set(iteration, resolve);
          post({ type: 'offer', iteration, offer });
        }),
    };
  }
  return solve(m.problem, options);
}

/**
 * Lowers this thread's scheduling priority to nice value `nice` (never raises
 * it). On Linux `setpriority` on a thread id affects that thread alone, so the
 * searches yield the CPU to the process's main thread (an HTTP service, a
 * queue worker renewing its locks) without giving up idle cores. Elsewhere it
 * does nothing.
 */
function lowerPriority(nice: number): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && getPriority(tid) < nice) setPriority(tid, nice);
  } catch {
    // not Linux, or not allowed: keep the priority
  }
}
