/**
 * `vrpkit serve`: the HTTP service (src/server). Solves run in worker threads
 * of this process, or, with `--redis URL`, are queued for `vrpkit worker`s.
 */
import type { Command } from './types.js';
import { UsageError, numberOption, parseArgs, rejectUnknownOptions, stringOption } from '../args.js';
import { defaultThreads } from '../../workers/thread.js';

const HELP = `vrpkit serve [options]

Runs the HTTP service:
  GET /health, POST /solve, POST /jobs, GET|DELETE /jobs/:id, POST /check,
  POST /validate, GET /openapi.json (bodies are route-file JSON; errors are the
  CLI's JSON error object). SIGTERM or Ctrl-C shuts it down gracefully: running
  solves are aborted and answer with their best plan so far.

Options:
  --port P              TCP port (default 8080; 0 picks a free one)
  --host H              address to listen on (default 127.0.0.1)
  --redis URL           queue solves in Redis for 'vrpkit worker' processes instead of
                        solving here (e.g. redis://127.0.0.1:6379)
  --max-solves N        solves running at once here (default: cores, at most 8)
  --max-queue N         solves waiting beyond those before answering 429 (default 4 x max-solves;
                        with --redis: jobs waiting in the queue, default 1000)
  --threads N           worker threads per solve (default 1; a request may ask for fewer)
  --max-threads N       most threads a request may ask for (default: cores, at most 8)
  --max-time-limit S    cap on a request's time limit in seconds (default 300)
  --body-limit MB       largest request body (default 16; larger bodies get 413)
  --result-ttl S        how long finished jobs are kept (default 3600)

The first line on stderr is "vrpkit serve: listening on http://HOST:PORT".`;

const OPTIONS = ['port', 'host', 'redis', 'max-solves', 'max-queue', 'threads', 'max-threads', 'max-time-limit', 'body-limit', 'result-ttl'];

function positiveInt(args: ReturnType<typeof parseArgs>, name: string, fallback: number, min = 1): number {
  const v = numberOption(args, name);
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < min) throw new UsageError(`--${name} must be an integer ≥ ${min}`);
  return v;
}

function positive(args: ReturnType<typeof parseArgs>, name: string, fallback: number): number {
  const v = numberOption(args, name);
  if (v === undefined) return fallback;
  if (!(v > 0)) throw new UsageError(`--${name} must be a positive number`);
  return v;
}

export const serve: Command = {
  summary: 'run the HTTP service (solve, jobs, check, validate)',
  help: HELP,
  async run(argv) {
    const args = parseArgs(argv);
    rejectUnknownOptions(args, OPTIONS);
    if (args.positional.length > 0) throw new UsageError(`serve takes no FILE (got '${args.positional[0]}')`);
    const port = positiveInt(args, 'port', 8080, 0);
    if (port > 65535) throw new UsageError('--port must be at most 65535');
    const host = stringOption(args, 'host') ?? '127.0.0.1';
    const cores = defaultThreads();
    const maxRunning = positiveInt(args, 'max-solves', cores);
    const redis = stringOption(args, 'redis');
    const maxQueued = positiveInt(args, 'max-queue', redis ? 1000 : 4 * maxRunning, 0);
    const maxThreadsPerSolve = positiveInt(args, 'max-threads', cores);
    const threadsPerSolve = Math.min(positiveInt(args, 'threads', 1), maxThreadsPerSolve);
    const maxTimeLimitMs = positive(args, 'max-time-limit', 300) * 1000;
    const bodyLimitBytes = Math.round(positive(args, 'body-limit', 16) * 1024 * 1024);
    const resultTtlMs = positive(args, 'result-ttl', 3600) * 1000;

    const backend = redis
      ? await (await import('../../queue/backend.js')).createQueueBackend({ url: redis, resultTtlMs, maxQueued })
      : undefined;
    // the HTTP framework is loaded only here, so that every other command starts fast
    const { closeOnSignals, startService } = await import('../../server/serve.js');
    const service = await startService({
      port, host, maxRunning, maxQueued, threadsPerSolve, maxThreadsPerSolve, maxTimeLimitMs, bodyLimitBytes, resultTtlMs,
      ...(backend ? { backend } : {}),
    });
    process.stderr.write(`vrpkit serve: listening on ${service.url}${redis ? ` (queue: ${redis})` : ''}\n`);
    return new Promise<number>((resolve) => closeOnSignals(service, resolve));
  },
};
