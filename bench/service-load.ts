/**
 * bench:service — load and fault benchmark of the service (issue 13, point 5).
 * Loopback only, bounded in count and time (`--deadline`, default 15 min),
 * stops everything it started by itself.
 *
 * A. `vrpkit serve` (solves in worker threads here): `--requests` (200) small
 *    solves (`--time-limit` 1 s each) sent `--concurrency` (20) at a time to
 *    POST /solve. Every request must be answered with a plan that
 *    `checkSolution` accepts; latency p50/p95/max, the server's peak RSS
 *    (VmHWM), and GET /health sampled every 100 ms meanwhile (its latency
 *    while `--max-solves` solves run at once).
 * B. `vrpkit serve --redis` with 2 `vrpkit worker`s on a throw-away
 *    redis-server: `--redis-jobs` (60) jobs via POST /jobs; when a quarter
 *    has completed, one worker is killed with SIGKILL. Every job must still
 *    complete (its plan checked), and no job may complete twice (the workers'
 *    logs name every start and end).
 *
 *   npm run bench:service -- [--requests 200] [--concurrency 20] [--time-limit 1] [--max-solves 4]
 *                            [--redis-jobs 60] [--skip http,redis] [--out bench/results/service.md]
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseProblemJson } from '../src/io/json.js';
import { readPlan } from '../src/io/solution.js';
import { checkSolution } from '../src/model/check.js';
import { REPO_ROOT, http, peakRssKb, startCli, startRedis, startServe, type Running } from './tools/processes.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The shipped example cut to 25 deliveries and 4 vans: a small solve. */
const SMALL_TEXT = (() => {
  const p = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', 'city-deliveries.json'), 'utf8'));
  return JSON.stringify({ ...p, name: 'city-25', jobs: p.jobs.slice(0, 25), vehicles: p.vehicles.slice(0, 4) });
})();
const SMALL = parseProblemJson(SMALL_TEXT);

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
const sortNum = (a: number[]) => [...a].sort((x, y) => x - y);

/** Whether a solution JSON is a plan the checker accepts, and whether it routes every job. */
function planOk(solution: unknown): { feasible: boolean; allRouted: boolean } {
  try {
    const report = checkSolution(SMALL, readPlan(solution));
    return { feasible: report.feasible, allRouted: report.feasible && report.summary.unassigned === 0 };
  } catch {
    return { feasible: false, allRouted: false };
  }
}

/** A tiny Node script: GET the URL every 100 ms until stdin closes; prints "<ms> <running solves>" per answer. */
const HEALTH_SAMPLER = `
const http = require('node:http');
let go = true;
process.stdin.on('end', () => (go = false)).resume();
const once = () => new Promise((resolve) => {
  const t0 = performance.now();
  http.get(process.argv[1], (res) => {
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      try { process.stdout.write((performance.now() - t0).toFixed(2) + ' ' + JSON.parse(body).solves.running + '\\n'); } catch {}
      resolve();
    });
  }).on('error', () => resolve());
});
(async () => { while (go) { await once(); await new Promise((r) => setTimeout(r, 100)); } })();
`;

/** Runs `count` tasks, `concurrency` at a time. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(count, concurrency) }, async () => {
    while (next < count) await task(next++);
  }));
}

interface HttpRun {
  requests: number;
  answered: number;
  ok: number;
  allRouted: number;
  statuses: Record<string, number>;
  latencies: number[];
  wallS: number;
  healthAll: number[];
  healthBusy: number[];
  busyAt: number;
  peakRssMb: number;
  exitCode: number | null;
  /** The service's own event-loop delay over the run (from its /health). */
  loop: { p99: number; max: number };
}

async function httpLoad(requests: number, concurrency: number, limitS: number, maxSolves: number): Promise<HttpRun> {
  const service = await startServe(['--max-solves', String(maxSolves), '--max-queue', String(Math.max(concurrency, 8)), '--threads', '1']);
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let ok = 0;
  let allRouted = 0;
  let answered = 0;
  const healthAll: number[] = [];
  const healthBusy: number[] = [];
  // /health is timed from a separate small process, so the latencies are the
  // service's, not this busy client's event loop.
  const sampler = spawn(process.execPath, ['-e', HEALTH_SAMPLER, `${service.url}/health`], { stdio: ['pipe', 'pipe', 'inherit'] });
  let samples = '';
  sampler.stdout!.on('data', (d) => (samples += d));
  const samplerDone = new Promise<void>((r) => sampler.on('exit', () => r()));
  const t0 = performance.now();
  await pool(requests, concurrency, async () => {
    const s = performance.now();
    const r = await http('POST', `${service.url}/solve?timeLimit=${limitS}`, SMALL_TEXT).catch((e) => ({ status: 0, json: undefined, text: String(e) }));
    latencies.push(performance.now() - s);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status !== 0) answered++;
    if (r.status === 200) {
      const c = planOk(r.json);
      if (c.feasible) ok++;
      if (c.allRouted) allRouted++;
    }
  });
  const wallS = (performance.now() - t0) / 1000;
  sampler.stdin!.end();
  await samplerDone;
  for (const line of samples.trim().split('\n')) {
    const [ms, running] = line.split(' ').map(Number);
    if (!Number.isFinite(ms)) continue;
    healthAll.push(ms);
    if (running >= maxSolves) healthBusy.push(ms);
  }
  const loop = (await http('GET', `${service.url}/health`)).json?.eventLoopDelayMs ?? { p99: NaN, max: NaN };
  const peakRssMb = peakRssKb(service.proc.pid!) / 1024;
  const exitCode = await service.stop('SIGTERM');
  return { requests, answered, ok, allRouted, statuses, latencies, wallS, healthAll, healthBusy, busyAt: maxSolves, peakRssMb, exitCode, loop };
}

interface RedisRun {
  jobs: number;
  completed: number;
  checked: number;
  allRouted: number;
  statuses: Record<string, number>;
  killedAfter: number;
  runningOnKilled: number;
  rescued: number;
  completedTwice: number;
  neverCompleted: number;
  latencies: number[];
  wallS: number;
}

async function redisLoad(jobs: number, limitS: number, deadline: number): Promise<RedisRun> {
  const redis = await startRedis();
  const workers: Running[] = [];
  let service: Awaited<ReturnType<typeof startServe>> | undefined;
  try {
    service = await startServe(['--redis', redis.url, '--max-queue', String(jobs + 10)]);
    for (let k = 0; k < 2; k++) {
      const w = startCli(['worker', '--redis', redis.url, '--concurrency', '2', '--lock-duration', '3']);
      workers.push(w);
      await w.waitFor(/vrpkit worker: ready/, 60_000);
    }
    const t0 = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < jobs; i++) {
      const r = await http('POST', `${service.url}/jobs?timeLimit=${limitS}&seed=${i + 1}`, SMALL_TEXT);
      if (r.status !== 202) throw new Error(`POST /jobs answered ${r.status}: ${r.text}`);
      ids.push(r.json.id);
    }
    const ended = new Map<string, any>();
    const pollAll = async () => {
      for (const id of ids) {
        if (ended.has(id)) continue;
        const r = await http('GET', `${service!.url}/jobs/${id}`);
        if (r.json && r.json.status !== 'queued' && r.json.status !== 'running') ended.set(id, r.json);
      }
    };
    let killedAfter = -1;
    let runningOnKilled = 0;
    while (ended.size < jobs) {
      if (Date.now() > deadline) throw new Error(`deadline reached with ${jobs - ended.size} jobs open`);
      await pollAll();
      if (killedAfter < 0 && ended.size >= jobs / 4) {
        const log = workers[0].stderr();
        const startedThere = new Set([...log.matchAll(/solve (\S+) started/g)].map((m) => m[1]));
        const doneThere = new Set([...log.matchAll(/solve (\S+) (?:completed|aborted|failed) in/g)].map((m) => m[1]));
        runningOnKilled = [...startedThere].filter((id) => !doneThere.has(id)).length;
        workers[0].proc.kill('SIGKILL');
        await workers[0].exited;
        killedAfter = ended.size;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const wallS = (performance.now() - t0) / 1000;
    const completions = new Map<string, number>();
    for (const w of workers) for (const m of w.stderr().matchAll(/solve (\S+) completed in/g)) completions.set(m[1], (completions.get(m[1]) ?? 0) + 1);
    const killedLog = workers[0].stderr();
    const killedStarted = new Set([...killedLog.matchAll(/solve (\S+) started/g)].map((m) => m[1]));
    const killedDone = new Set([...killedLog.matchAll(/solve (\S+) completed in/g)].map((m) => m[1]));
    const rescued = [...killedStarted].filter((id) => !killedDone.has(id) && workers[1].stderr().includes(`solve ${id} completed`)).length;
    const statuses: Record<string, number> = {};
    let checked = 0;
    let allRouted = 0;
    const latencies: number[] = [];
    for (const v of ended.values()) {
      statuses[v.status] = (statuses[v.status] ?? 0) + 1;
      if (v.status === 'completed') {
        const c = planOk(v.solution);
        if (!c.feasible) process.stderr.write(`job ${v.id}: completed without a plan the checker accepts: ${JSON.stringify(v).slice(0, 600)}\n`);
        if (c.feasible) checked++;
        if (c.allRouted) allRouted++;
      }
      if (v.finishedAt) latencies.push(Date.parse(v.finishedAt) - Date.parse(v.createdAt));
    }
    return {
      jobs,
      completed: statuses.completed ?? 0,
      checked,
      allRouted,
      statuses,
      killedAfter,
      runningOnKilled,
      rescued,
      completedTwice: [...completions.values()].filter((c) => c > 1).length,
      neverCompleted: ids.filter((id) => !completions.has(id)).length,
      latencies,
      wallS,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await service?.stop('SIGKILL');
    await redis.stop();
  }
}

function gitCommit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'bench'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return `${hash}${dirty ? ' + uncommitted changes in src/ or bench/' : ''}`;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const skip = new Set(arg('skip', '').split(',').filter(Boolean));
  const requests = Number(arg('requests', '200'));
  const concurrency = Number(arg('concurrency', '20'));
  const limitS = Number(arg('time-limit', '1'));
  const maxSolves = Number(arg('max-solves', '4'));
  const redisJobs = Number(arg('redis-jobs', '60'));
  const deadline = Date.now() + Number(arg('deadline', '900')) * 1000;
  const out = resolve(REPO_ROOT, arg('out', 'bench/results/service.md'));
  const guard = setTimeout(() => {
    process.stderr.write('bench:service: deadline reached, stopping\n');
    process.exit(3);
  }, deadline - Date.now() + 60_000);
  guard.unref();
  const load0 = loadavg()[0];
  const started = new Date();
  let a: HttpRun | undefined;
  let b: RedisRun | undefined;
  if (!skip.has('http')) {
    a = await httpLoad(requests, concurrency, limitS, maxSolves);
    process.stderr.write(`http: ${a.ok}/${a.requests} ok in ${a.wallS.toFixed(1)} s\n`);
  }
  if (!skip.has('redis')) {
    b = await redisLoad(redisJobs, limitS, deadline);
    process.stderr.write(`redis: ${b.checked}/${b.jobs} completed and checked in ${b.wallS.toFixed(1)} s\n`);
  }
  const load1 = loadavg()[0];
  const f = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const lines = [
    '# bench:service — load and fault benchmark of `vrpkit serve` and `vrpkit worker`',
    '',
    `- command: \`npm run bench:service${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}\``,
    `- code: commit ${gitCommit()}`,
    `- machine: ${availableParallelism()} cores (nproc), ${cpus()[0]?.model ?? '?'}, node ${process.version}; ${started.toISOString()}`,
    `- machine load (1-min load average, start → end): ${load0.toFixed(2)} → ${load1.toFixed(2)} on ${availableParallelism()} cores`,
    ...(Math.max(load0, load1) > availableParallelism()
      ? ['- **the machine was busy** (load above the core count, shared with other work): times are upper bounds, re-run on a quiet machine']
      : []),
    `- problem: fixtures/city-deliveries.json cut to 25 deliveries and 4 vans (haversine, time windows), time limit ${limitS} s per solve; every plan re-checked by \`checkSolution\``,
    '',
  ];
  if (a) {
    const l = sortNum(a.latencies);
    const hb = sortNum(a.healthBusy);
    const ha = sortNum(a.healthAll);
    lines.push(
      `## A. ${a.requests} × POST /solve, ${concurrency} at a time (\`vrpkit serve --max-solves ${a.busyAt}\`, threads)`,
      '',
      '| requests | answered | feasible plans (checker) | all jobs routed | HTTP statuses | wall s | p50 ms | p95 ms | max ms | server peak RSS MB | exit on SIGTERM |',
      '| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${a.requests} | ${a.answered} | ${a.ok} | ${a.allRouted} | ${Object.entries(a.statuses).map(([k, v]) => `${k}: ${v}`).join(', ')} | ${f(a.wallS, 1)} | ${f(pct(l, 50))} | ${f(pct(l, 95))} | ${f(l[l.length - 1])} | ${f(a.peakRssMb)} | ${a.exitCode} |`,
      '',
      `GET /health every 100 ms meanwhile (from a separate process): ${ha.length} samples, p50 ${f(pct(ha, 50), 1)} ms, p95 ${f(pct(ha, 95), 1)} ms, max ${f(ha[ha.length - 1], 1)} ms; ` +
        `while ${a.busyAt} solves ran: ${hb.length} samples, p95 ${f(pct(hb, 95), 1)} ms, max ${f(hb[hb.length - 1], 1)} ms (target < 50 ms). ` +
        `The service's own event-loop delay over the run (\`eventLoopDelayMs\` of /health): p99 ${f(a.loop.p99, 1)} ms, max ${f(a.loop.max, 1)} ms.`,
      '',
    );
  }
  if (b) {
    const l = sortNum(b.latencies);
    lines.push(
      `## B. ${b.jobs} jobs through Redis, 2 workers (concurrency 2, lock 3 s), one SIGKILLed after ${b.killedAfter} had ended`,
      '',
      '| jobs | completed | feasible plans (checker) | all jobs routed | statuses | running on the killed worker | re-run and completed by the other | completed twice | never completed | wall s | job p50 s | job p95 s |',
      '| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${b.jobs} | ${b.completed} | ${b.checked} | ${b.allRouted} | ${Object.entries(b.statuses).map(([k, v]) => `${k}: ${v}`).join(', ')} | ${b.runningOnKilled} | ${b.rescued} | ${b.completedTwice} | ${b.neverCompleted} | ${f(b.wallS, 1)} | ${f(pct(l, 50) / 1000, 1)} | ${f(pct(l, 95) / 1000, 1)} |`,
      '',
      'Job latency: from POST /jobs to the end of the job (queue wait included). Starts and completions are counted from the workers\' logs.',
      '',
    );
  }
  writeFileSync(out, lines.join('\n'));
  process.stdout.write(lines.join('\n') + '\n');
  const pass = (!a || (a.ok === a.requests && a.exitCode === 0)) && (!b || (b.checked === b.jobs && b.completedTwice === 0 && b.neverCompleted === 0));
  process.exitCode = pass ? 0 : 1;
}

main().catch((e) => {
  process.stderr.write(`bench:service: ${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
