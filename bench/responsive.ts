/**
 * bench:responsive — how well the solver shares its thread and keeps its time
 * limits (issue 13, point 1). Three measurements, one at a time:
 *
 * 1. Event-loop delay: `perf_hooks.monitorEventLoopDelay` (10 ms resolution)
 *    around `solve` in this process (the library, no threads) on a
 *    1,000-customer Gehring–Homberger instance, and on a generated
 *    2,000-customer instance that `solve` plans zone by zone; with the gaps
 *    between `onProgress` calls (documented: about every 50 ms).
 *    Target: max delay ≤ 50 ms.
 * 2. Abort latency on the 1,000-customer instance: an `AbortSignal` fired after
 *    `--abort-after` ms (default 500), measured from `abort()` to the resolved
 *    plan; and a signal aborted before the call. Target ≤ 100 ms.
 * 3. Time-limit overshoot of the command (`node dist/cli.js solve FILE
 *    --time-limit L --threads T`) for 100 … 10,000 jobs: wall time − L, less
 *    0.3 s for Node's start-up; target ≤ max(5 % of L, 0.2 s).
 *
 *   npm run bench:responsive -- [--limits 0.5,2] [--sizes 100,200,1000,2000,5000,10000]
 *                               [--threads 1] [--repeat 1] [--skip loop,abort,cli] [--out bench/results/responsive.md]
 *
 * `--repeat N` runs every command case N times, one after the other, and
 * reports the run with the median wall time (a single run is one draw of the
 * machine's noise).
 *
 * Instances: `$VRPKIT_SHARED/instances` (or `--instances DIR`) for 100
 * (Solomon R101), 200 (R1_2_1) and 1,000 (R1_10_1); larger sizes are written
 * by bench/tools/make-large-instance.ts (seed 1) into the temp folder.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseSolomon } from '../src/io/solomon.js';
import { checkSolution } from '../src/model/check.js';
import type { Problem } from '../src/model/types.js';
import { solve, type SolveOptions } from '../src/solver/index.js';
import { makeLargeInstance } from './tools/make-large-instance.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const instancesDir = resolve(arg('instances', join(process.env.VRPKIT_SHARED ?? join(root, '..', 'shared'), 'instances')));

/** The instance file for a size: shipped benchmark files up to 1,000, generated above. */
function instanceFile(size: number): string {
  const shipped: Record<number, string> = { 100: 'solomon/R101.txt', 200: 'homberger/200/R1_2_1.txt', 1000: 'homberger/1000/R1_10_1.txt' };
  if (shipped[size]) {
    const f = join(instancesDir, shipped[size]);
    if (!existsSync(f)) throw new Error(`missing ${f} (use --instances DIR)`);
    return f;
  }
  const f = join(tmpdir(), `vrpkit-large-${size}-s1.txt`);
  if (!existsSync(f)) writeFileSync(f, makeLargeInstance(size, 1));
  return f;
}

const ms = (x: number) => x.toFixed(0);

interface LoopResult {
  label: string;
  jobs: number;
  limitS: number;
  wallMs: number;
  maxDelayMs: number;
  /** Longest CPU time (this process, ms) between two turns of a 1 ms timer: a synchronous block, however busy the machine. */
  maxBlockCpuMs: number;
  p99DelayMs: number;
  meanDelayMs: number;
  progressCalls: number;
  maxProgressGapMs: number;
  medianProgressGapMs: number;
  feasible: boolean;
}

/** 1. Event-loop delay and onProgress cadence around one in-process solve. */
async function loopDelay(label: string, problem: Problem, limitS: number): Promise<LoopResult> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  const calls: number[] = [];
  // CPU time between two turns of a 1 ms timer: the OS's scheduling on a busy machine stretches the wall delay, not this
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let lastCpu = cpu();
  let maxBlockCpuMs = 0;
  const timer = setInterval(() => {
    const c = cpu();
    maxBlockCpuMs = Math.max(maxBlockCpuMs, c - lastCpu);
    lastCpu = c;
  }, 1);
  h.enable();
  const t0 = performance.now();
  const solution = await solve(problem, { timeLimitMs: limitS * 1000, seed: 1, onProgress: () => calls.push(performance.now()) });
  const wallMs = performance.now() - t0;
  h.disable();
  clearInterval(timer);
  const ts = [t0, ...calls, t0 + wallMs];
  const gaps = ts.slice(1).map((t, i) => t - ts[i]);
  const sorted = [...gaps].sort((a, b) => a - b);
  return {
    label,
    jobs: problem.jobs.length,
    limitS,
    wallMs,
    maxDelayMs: h.max / 1e6,
    maxBlockCpuMs,
    p99DelayMs: h.percentile(99) / 1e6,
    meanDelayMs: h.mean / 1e6,
    progressCalls: calls.length,
    maxProgressGapMs: sorted[sorted.length - 1] ?? wallMs,
    medianProgressGapMs: sorted[sorted.length >> 1] ?? wallMs,
    feasible: checkSolution(problem, solution).feasible,
  };
}

interface AbortResult {
  case: string;
  answerMs: number;
  status: string;
  feasible: boolean;
}

/** 2. From abort() to the resolved plan. */
async function abortLatency(problem: Problem, abortAfterMs: number): Promise<AbortResult[]> {
  const out: AbortResult[] = [];
  const controller = new AbortController();
  let firedAt = 0;
  setTimeout(() => {
    firedAt = performance.now();
    controller.abort();
  }, abortAfterMs);
  const s = await solve(problem, { timeLimitMs: 120_000, seed: 1, signal: controller.signal });
  out.push({ case: `abort() after ${abortAfterMs} ms`, answerMs: performance.now() - firedAt, status: s.status ?? '', feasible: checkSolution(problem, s).feasible });
  const pre = new AbortController();
  pre.abort();
  const t0 = performance.now();
  const s2 = await solve(problem, { timeLimitMs: 120_000, seed: 1, signal: pre.signal } satisfies SolveOptions);
  out.push({ case: 'signal aborted before the call', answerMs: performance.now() - t0, status: s2.status ?? '', feasible: checkSolution(problem, s2).feasible });
  return out;
}

interface CliResult {
  jobs: number;
  limitS: number;
  wallS: number;
  /** CPU time of the child (user + system, all its threads), from bench/tools/cpu-hook.mjs. */
  cpuS: number;
  overshootS: number;
  allowedS: number;
  ok: boolean;
  exit: number;
}

/** 3. Wall time of `vrpkit solve --time-limit L` (a child process, as a user runs it). */
function cliOvershoot(file: string, jobs: number, limitS: number, threads: number): Promise<CliResult> {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('run npm run build first (dist/cli.js is missing)');
  const cpuFile = join(tmpdir(), `vrpkit-responsive-cpu-${process.pid}.jsonl`);
  rmSync(cpuFile, { force: true });
  return new Promise((resolvePromise) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', join(root, 'bench', 'tools', 'cpu-hook.mjs'), cli, 'solve', file, '--time-limit', String(limitS), '--threads', String(threads), '--output', join(tmpdir(), 'vrpkit-responsive.json')], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, VRPKIT_CPU_FILE: cpuFile } });
    child.stderr.resume();
    child.on('exit', (code) => {
      const wallS = (performance.now() - t0) / 1000;
      let cpuS = NaN;
      try {
        cpuS = JSON.parse(readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!).cpuMs / 1000;
      } catch {
        // no CPU figure (the hook did not run)
      }
      const overshootS = wallS - limitS - 0.3;
      const allowedS = Math.max(0.05 * limitS, 0.2);
      resolvePromise({ jobs, limitS, wallS, cpuS, overshootS, allowedS, ok: overshootS <= allowedS, exit: code ?? -1 });
    });
  });
}

function gitCommit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'bench'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return `${hash}${dirty ? ' + uncommitted changes in src/ or bench/' : ''}`;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const skip = new Set(arg('skip', '').split(',').filter(Boolean));
  const limits = arg('limits', '0.5,2').split(',').map(Number);
  const sizes = arg('sizes', '100,200,1000,2000,5000,10000').split(',').map(Number);
  const threads = Number(arg('threads', '1'));
  const repeat = Math.max(1, Math.floor(Number(arg('repeat', '1'))));
  const abortAfter = Number(arg('abort-after', '500'));
  const out = resolve(root, arg('out', 'bench/results/responsive.md'));
  const load0 = loadavg()[0];
  const started = new Date();

  const loops: LoopResult[] = [];
  let aborts: AbortResult[] = [];
  if (!skip.has('loop') || !skip.has('abort')) {
    const p1000 = parseSolomon(readFileSync(instanceFile(1000), 'utf8'));
    if (!skip.has('loop')) {
      loops.push(await loopDelay('R1_10_1 (search)', p1000, 5));
      process.stderr.write(`loop R1_10_1: max ${ms(loops[0].maxDelayMs)} ms, longest block ${ms(loops[0].maxBlockCpuMs)} ms CPU\n`);
      const p2000 = parseSolomon(readFileSync(instanceFile(2000), 'utf8'));
      loops.push(await loopDelay('generated 2,000 (zones)', p2000, 10));
      process.stderr.write(`loop 2000: max ${ms(loops[1].maxDelayMs)} ms, longest block ${ms(loops[1].maxBlockCpuMs)} ms CPU\n`);
    }
    if (!skip.has('abort')) {
      aborts = await abortLatency(p1000, abortAfter);
      process.stderr.write(`abort: ${aborts.map((a) => ms(a.answerMs)).join(', ')} ms\n`);
    }
  }
  const clis: CliResult[] = [];
  if (!skip.has('cli')) {
    for (const size of sizes) {
      const file = instanceFile(size);
      for (const limit of limits) {
        const runs: CliResult[] = [];
        for (let i = 0; i < repeat; i++) runs.push(await cliOvershoot(file, size, limit, threads));
        runs.sort((a, b) => a.wallS - b.wallS);
        const r = runs[(runs.length - 1) >> 1];
        clis.push(r);
        process.stderr.write(`cli ${size} jobs, ${limit} s: wall ${r.wallS.toFixed(2)} s, CPU ${r.cpuS.toFixed(2)} s, overshoot ${r.overshootS.toFixed(2)} s\n`);
      }
    }
  }
  const load1 = loadavg()[0];

  const yes = (b: boolean) => (b ? 'yes' : '**no**');
  const lines = [
    '# bench:responsive — event-loop delay, abort latency, time-limit overshoot',
    '',
    `- command: \`npm run bench:responsive${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}\``,
    `- code: commit ${gitCommit()}`,
    `- machine: ${availableParallelism()} cores (nproc), ${cpus()[0]?.model ?? '?'}, node ${process.version}; ${started.toISOString()}`,
    `- machine load (1-min load average, start → end): ${load0.toFixed(2)} → ${load1.toFixed(2)} on ${availableParallelism()} cores`,
    ...(Math.max(load0, load1) > availableParallelism()
      ? ['- **the machine was busy** (load above the core count, shared with other work): times are upper bounds, re-run on a quiet machine']
      : []),
    '',
  ];
  if (loops.length) {
    lines.push(
      '## 1. Event-loop delay around `solve` (library, this thread)',
      '',
      '`monitorEventLoopDelay({ resolution: 10 })` enabled for the whole call; seed 1. Target: max ≤ 50 ms. `onProgress` gaps include the time before the first call and after the last. Longest block CPU: the most CPU time this process spent between two turns of a 1 ms timer (every thread, so GC helpers count too) — the synchronous blocks themselves, which a busy machine does not stretch as it stretches the wall delay.',
      '',
      '| instance | jobs | time limit s | wall s | max delay ms | longest block CPU ms | p99 ms | mean ms | onProgress calls | max gap ms | median gap ms | ≤ 50 ms | plan feasible |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | :---: |',
      ...loops.map((l) =>
        `| ${l.label} | ${l.jobs} | ${l.limitS} | ${(l.wallMs / 1000).toFixed(2)} | ${ms(l.maxDelayMs)} | ${ms(l.maxBlockCpuMs)} | ${ms(l.p99DelayMs)} | ${l.meanDelayMs.toFixed(1)} | ${l.progressCalls} | ${ms(l.maxProgressGapMs)} | ${ms(l.medianProgressGapMs)} | ${yes(l.maxDelayMs <= 50)} | ${yes(l.feasible)} |`),
      '',
    );
  }
  if (aborts.length) {
    lines.push(
      '## 2. Abort latency (R1_10_1, 1,000 customers, library)',
      '',
      'Time from `controller.abort()` (or from the call, for a signal aborted before it) to the resolved plan. Target ≤ 100 ms.',
      '',
      '| case | answered after ms | status | plan feasible | ≤ 100 ms |',
      '| --- | ---: | --- | :---: | :---: |',
      ...aborts.map((a) => `| ${a.case} | ${ms(a.answerMs)} | ${a.status} | ${yes(a.feasible)} | ${yes(a.answerMs <= 100)} |`),
      '',
    );
  }
  if (clis.length) {
    lines.push(
      `## 3. Time-limit overshoot of \`vrpkit solve --time-limit L --threads ${threads}\``,
      '',
      `Wall time of the child process (start-up, parsing, solving, writing the plan)${repeat > 1 ? `; each case run ${repeat} times, the run with the median wall time shown` : ''}. Overshoot = wall − L − 0.3 s (Node start-up allowance); target ≤ max(5 % of L, 0.2 s). 100 = Solomon R101, 200 = R1_2_1, 1,000 = R1_10_1, larger = bench/tools/make-large-instance.ts seed 1 (solved zone by zone above 1,500 jobs). CPU s: the child's CPU time (user + system, every thread; bench/tools/cpu-hook.mjs) — on a busy machine the wall time stretches with the other work, the CPU time hardly does; CPU − L − 0.3 is what the overshoot would be on an idle core (GC threads count too, so it is an upper bound).`,
      '',
      '| jobs | L s | wall s | overshoot s | CPU s | CPU − L − 0.3 s | allowed s | within (wall) | exit |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: |',
      ...clis.map((c) => `| ${c.jobs} | ${c.limitS} | ${c.wallS.toFixed(2)} | ${c.overshootS.toFixed(2)} | ${c.cpuS.toFixed(2)} | ${(c.cpuS - c.limitS - 0.3).toFixed(2)} | ${c.allowedS.toFixed(2)} | ${yes(c.ok)} | ${c.exit} |`),
      '',
    );
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join('\n'));
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench:responsive: ${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
