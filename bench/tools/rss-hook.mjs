// Preloaded with `node --import ./bench/tools/rss-hook.mjs dist/cli.js ...`: on exit,
// appends the process's peak resident set size (KiB) and run time (ms) as JSON to
// the file named by $VRPKIT_RSS_FILE. Used by bench/hostile.ts and the hostile-input test.
//
// Peak RSS is VmHWM of /proc/self/status (Linux): it starts afresh at exec, whereas
// getrusage's maxrss also counts the parent's pages at fork time. Elsewhere maxRSS.
import { appendFileSync, readFileSync } from 'node:fs';

const started = process.hrtime.bigint();

function peakKiB() {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', (code) => {
  const file = process.env.VRPKIT_RSS_FILE;
  if (!file) return;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  appendFileSync(file, JSON.stringify({ maxRssKiB: peakKiB(), ms, code }) + '\n');
});
