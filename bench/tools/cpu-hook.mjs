// Preloaded with `node --import ./bench/tools/cpu-hook.mjs dist/cli.js ...`: on exit,
// appends the process's CPU time (user + system, ms, every thread of the process) and
// its own run time (ms from this hook's start) as JSON to the file named by
// $VRPKIT_CPU_FILE. Used by bench/responsive.ts: on a busy machine the wall time of a
// child is stretched by the other work, its CPU time is not.
import { appendFileSync } from 'node:fs';

const started = process.hrtime.bigint();

process.on('exit', (code) => {
  const file = process.env.VRPKIT_CPU_FILE;
  if (!file) return;
  const u = process.cpuUsage();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  appendFileSync(file, JSON.stringify({ cpuMs: (u.user + u.system) / 1000, ms, code }) + '\n');
});
