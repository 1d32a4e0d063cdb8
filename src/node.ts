/**
 * vrpkit/node — the Node-only adapters (worker threads, the HTTP service, the
 * Redis queue). The pure core (`vrpkit`) stays free of `node:` imports; import
 * this entry only in Node.
 */
export { solveInThreads, threadSeed, defaultExchangeEvery } from './workers/solve-threads.js';
export type { ThreadSolveOptions } from './workers/solve-threads.js';
export { solveZonesInThreads } from './workers/solve-zones.js';
export { shareTravel, restoreLocations } from './workers/shared-travel.js';
export { ExchangeHub } from './workers/exchange-hub.js';
export type { ExchangeMode } from './workers/exchange-hub.js';
export { defaultThreads } from './workers/thread.js';
export { buildService } from './server/app.js';
export type { ServiceOptions } from './server/app.js';
export { startService, closeOnSignals } from './server/serve.js';
export type { StartServiceOptions, RunningService } from './server/serve.js';
export { LocalBackend } from './server/local-backend.js';
export type { SolveBackend, JobView, JobStatus, JobProgress, JobOptions, SolveRequest, BackendStats } from './server/backend.js';
export { REQUEST_FORMATS, registerRequestFormat, problemFromBody } from './server/input.js';
export type { RequestFormat } from './server/input.js';
export { createQueueBackend } from './queue/backend.js';
export type { QueueBackendOptions } from './queue/backend.js';
export { startQueueWorker } from './queue/worker.js';
export type { QueueWorker, QueueWorkerOptions } from './queue/worker.js';
