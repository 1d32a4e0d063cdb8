/**
 * Starting and stopping the service: listen, and on SIGTERM/SIGINT shut down
 * gracefully — stop accepting requests, abort running solves (each answers
 * with its best plan so far), let in-flight requests finish, then exit.
 */
import type { FastifyInstance } from 'fastify';
import { buildService, type ServiceOptions } from './app.js';
import type { SolveBackend } from './backend.js';
import { LocalBackend } from './local-backend.js';

export interface StartServiceOptions extends ServiceOptions {
  port: number;
  host: string;
  /** Solves running at once in this process (no Redis). */
  maxRunning: number;
  /** Solves waiting beyond those (then 429). */
  maxQueued: number;
  /** How long ended jobs are kept (ms). */
  resultTtlMs: number;
  /** Use this backend instead of in-process threads (the Redis queue). */
  backend?: SolveBackend;
}

export interface RunningService {
  app: FastifyInstance;
  backend: SolveBackend;
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  /** Graceful stop (idempotent). */
  close(): Promise<void>;
}

/** Builds the service and starts listening. */
export async function startService(options: StartServiceOptions): Promise<RunningService> {
  const backend =
    options.backend ?? new LocalBackend({ maxRunning: options.maxRunning, maxQueued: options.maxQueued, resultTtlMs: options.resultTtlMs });
  const app = buildService(backend, options);
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    app,
    backend,
    url: `http://${host}:${port}`,
    close: () =>
      (closing ??= (async () => {
        // app.close() stops the listener and waits for in-flight requests; aborting the
        // solves lets the waiting /solve requests answer with their best plans.
        await Promise.all([app.close(), backend.close()]);
      })()),
  };
}

/** Closes `service` on SIGTERM or SIGINT, then calls `exit(code)`; a second signal or `graceMs` forces the exit. */
export function closeOnSignals(service: RunningService, exit: (code: number) => void, graceMs = 15_000): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return exit(1);
    stopping = true;
    process.stderr.write(`vrpkit serve: ${signal}, shutting down\n`);
    const force = setTimeout(() => exit(1), graceMs);
    force.unref();
    service.close().then(
      () => exit(0),
      () => exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
