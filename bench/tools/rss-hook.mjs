// Preloaded with `node --import ./bench/tools/rss-hook.mjs dist/cli.js ...`: on exit,
// appends the process's peak resident set size (KiB) and run time (ms) as JSON to
// the file named by $VRPKIT_RSS_FILE. Used by bench/hostile.ts and the hostile-input test.
import { appendFileSync } from 'node:fs';

const started = process.hrtime.bigint();
process.on('exit', (code) => {
  const file = process.env.VRPKIT_RSS_FILE;
  if (!file) return;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  appendFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, ms, code }) + '\n');
});
