/**
 * `vrpkit worker --redis URL`: a queue worker (src/queue/worker.ts) that takes
 * solve jobs enqueued by `vrpkit serve --redis URL`.
 */
import type { Command } from './types.js';
import { UsageError, numberOption, parseArgs, rejectUnknownOptions, stringOption } from '../args.js';
import { defaultThreads } from '../../workers/thread.js';

const HELP = `vrpkit worker --redis URL [options]

Takes solve jobs from the Redis queue that 'vrpkit serve --redis URL' fills and
solves them in worker threads. Large problems fan out as a flow: one child job
per zone (any worker takes any child), then the parent merges the zones and
improves across their borders. If a worker dies, its jobs are handed to another
one once their lock expires. SIGTERM or Ctrl-C: stop taking jobs, abort the
running ones (they complete with their best plan so far) and exit.

Options:
  --redis URL           the Redis server, e.g. redis://127.0.0.1:6379 (required)
  --concurrency N       jobs solved at once (default: cores, at most 8)
  --threads N           threads per solve (default 1)
  --lock-duration S     seconds a job's lock lives without renewal: a dead worker's
                        jobs move on after about this long (default 30)
  --result-ttl S        how long finished jobs stay in Redis (default 3600)
  --quiet               no line per started and finished job on stderr`;

function intOption(args: ReturnType<typeof parseArgs>, name: string, fallback: number): number {
  const v = numberOption(args, name);
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 1) throw new UsageError(`--${name} must be an integer ≥ 1`);
  return v;
}

export const worker: Command = {
  summary: 'take solve jobs from a Redis queue (see serve --redis)',
  help: HELP,
  async run(argv) {
    const args = parseArgs(argv, new Set(['quiet']));
    rejectUnknownOptions(args, ['redis', 'concurrency', 'threads', 'lock-duration', 'result-ttl', 'quiet']);
    if (args.positional.length > 0) throw new UsageError(`worker takes no FILE (got '${args.positional[0]}')`);
    const url = stringOption(args, 'redis');
    if (url === undefined) throw new UsageError('worker needs --redis URL (see vrpkit worker --help)');
    const lock = numberOption(args, 'lock-duration') ?? 30;
    if (!(lock >= 1)) throw new UsageError('--lock-duration must be at least 1 second');
    const ttl = numberOption(args, 'result-ttl') ?? 3600;
    if (!(ttl > 0)) throw new UsageError('--result-ttl must be a positive number of seconds');
    const quiet = args.options.get('quiet') === true;
    const concurrency = intOption(args, 'concurrency', defaultThreads());
    const { startQueueWorker } = await import('../../queue/worker.js');
    const w = await startQueueWorker({
      url,
      concurrency,
      threads: intOption(args, 'threads', 1),
      lockDurationMs: lock * 1000,
      resultTtlMs: ttl * 1000,
      onJobStart: quiet ? undefined : (j) => process.stderr.write(`vrpkit worker: ${j.name} ${j.id} started\n`),
      onJobEnd: quiet ? undefined : (j) => process.stderr.write(`vrpkit worker: ${j.name} ${j.id} ${j.status} in ${(j.ms / 1000).toFixed(1)} s\n`),
    });
    process.stderr.write(`vrpkit worker: ready (pid ${process.pid}, queue ${url}, concurrency ${concurrency})\n`);
    return new Promise<number>((resolve) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return resolve(1);
        stopping = true;
        process.stderr.write(`vrpkit worker: ${signal}, finishing\n`);
        w.close(true).then(() => resolve(0), () => resolve(1));
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
  },
};
