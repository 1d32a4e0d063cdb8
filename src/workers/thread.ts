/**
 * Starting one solve thread: where its script is, and a small typed handle
 * around `worker_threads.Worker`.
 *
 * The built package runs `dist/workers/solve-worker.js`. Run from the sources
 * (tests through vitest, scripts through tsx) the thread loads
 * `src/workers/solve-worker.ts` through tsx's loader instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol.js';

/** Default thread count: the available cores, at most 8. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

let cached: { file: string; typescript: boolean } | undefined;

/** The solve-worker script next to this module (built or source), found once. */
export function workerScript(): { file: string; typescript: boolean } {
  if (cached) return cached;
  const here = import.meta.url;
  const candidates: [string, boolean][] = [
    ['./workers/solve-worker.js', false], // dist/*.js and dist/chunk-*.js
    ['./solve-worker.js', false], // dist/workers/*.js
    ['../workers/solve-worker.js', false], // dist/bench/*.js
    ['../dist/workers/solve-worker.js', false], // dist-bench/*.js
    ['./solve-worker.ts', true], // src/workers/*.ts
    ['../workers/solve-worker.ts', true], // src/<other>/*.ts
  ];
  for (const [rel, typescript] of candidates) {
    if (typescript !== here.endsWith('.ts')) continue;
    const file = fileURLToPath(new URL(rel, here));
    if (existsSync(file)) return (cached = { file, typescript });
  }
  throw new Error(`cannot find the solve-worker script next to ${fileURLToPath(here)} (run npm run build)`);
}

/** A running solve thread. */
export interface SolveThread {
  post(message: ToWorker): void;
  /** Stops the thread (idempotent). */
  terminate(): Promise<void>;
}

/**
 * Starts a solve thread; `onMessage` receives its messages, `onExit` is called
 * once when it ends for any reason other than `terminate` (with an error when
 * it crashed).
 */
export function startSolveThread(onMessage: (m: FromWorker) => void, onExit: (error?: Error) => void): SolveThread {
  const script = workerScript();
  const worker = script.typescript
    ? new Worker(
        `import(${JSON.stringify(pathToFileURL(tsxLoader()).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(script.file).href)}); });`,
        { eval: true },
      )
    : new Worker(script.file);
  let terminated = false;
  let exited = false;
  worker.on('message', onMessage);
  worker.on('error', (e) => {
    if (!exited && !terminated) {
      exited = true;
      onExit(e instanceof Error ? e : new Error(String(e)));
    }
  });
  worker.on('exit', (code) => {
    if (!exited && !terminated) {
      exited = true;
      onExit(code === 0 ? undefined : new Error(`solve thread exited with code ${code}`));
    }
  });
  return {
    post: (m) => worker.postMessage(m),
    terminate: async () => {
      if (terminated) return;
      terminated = true;
      await worker.terminate();
    },
  };
}

/** tsx's ESM registration module (sources only; tsx is a development dependency). */
function tsxLoader(): string {
  const file = fileURLToPath(new URL('../../node_modules/tsx/dist/esm/api/index.mjs', import.meta.url));
  if (!existsSync(file)) throw new Error('running vrpkit threads from the sources needs tsx (npm ci), or run npm run build');
  return file;
}
