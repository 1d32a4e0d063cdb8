/**
 * Speed and allocation of the exact route evaluator (src/solver/evaluate.ts):
 * routes of 10, 30 and 100 tasks over a dispatch problem with three windows
 * per job, setup, per-type service, two breaks with maxLoad, a speed factor,
 * skills and shipments; reports nanoseconds per evaluation and per task, and
 * the heap growth over the timed loop without garbage collection in between
 * (≈ 0 when `evaluate` allocates nothing).
 *
 *   node --expose-gc --import tsx bench/evaluate.ts
 */
import { Rng } from '../src/core/rng.js';
import type { Job, Problem, Shipment } from '../src/model/types.js';
import { RouteEvaluation, RouteEvaluator } from '../src/solver/evaluate.js';

const rng = new Rng(7);
const n = 400;
const coordinates: [number, number][] = Array.from({ length: n + 1 }, () => [rng.range(0, 1000), rng.range(0, 1000)]);
const jobs: Job[] = Array.from({ length: 300 }, (_, i) => {
  const a = rng.range(0, 2000);
  return {
    id: i, location: i + 1, serviceDuration: 5 + rng.range(0, 10), setupDuration: rng.range(0, 5),
    serviceDurationPerType: { van: 7 }, delivery: [rng.range(0, 3)], skills: rng.range(0, 3) === 0 ? ['a'] : undefined,
    timeWindows: [[a, a + 200], [a + 600, a + 900], [a + 1500, a + 3000]],
  };
});
const shipments: Shipment[] = Array.from({ length: 50 }, (_, s) => ({
  id: `s${s}`, amount: [1], pickup: { location: 301 + 2 * (s % 49) }, delivery: { location: 302 + 2 * (s % 49) },
}));
const problem: Problem = {
  jobs, shipments,
  vehicles: [{
    id: 'v', start: 0, end: 0, type: 'van', speedFactor: 1.5, capacity: [60], skills: ['a'], shift: [0, 1e6],
    breaks: [{ id: 'lunch', timeWindows: [[1000, 1400]], duration: 45, maxLoad: [40] }, { id: 'tea', timeWindows: [[2500, 2600], [3000, 3300]], duration: 15 }],
    costs: { perTravelTime: 0.5, perTaskTime: 0.1 },
  }],
  travel: { type: 'euclidean', coordinates },
};

const ev = new RouteEvaluator(problem);
const out = new RouteEvaluation();
const g = (globalThis as { gc?: () => void }).gc;
for (const len of [10, 30, 100]) {
  // 64 random routes of `len` tasks: jobs and whole shipments (pickup before delivery)
  const routes: Int32Array[] = [];
  for (let r = 0; r < 64; r++) {
    const route: number[] = [];
    while (route.length < len) {
      if (len - route.length >= 2 && rng.range(0, 5) === 0) {
        const s = rng.range(0, shipments.length - 1);
        const p = jobs.length + 2 * s;
        if (route.includes(p)) continue;
        const at = rng.range(0, route.length);
        route.splice(at, 0, p);
        route.splice(rng.range(at + 1, route.length), 0, p + 1);
      } else {
        const j = rng.range(0, jobs.length - 1);
        if (!route.includes(j)) route.splice(rng.range(0, route.length), 0, j);
      }
    }
    routes.push(Int32Array.from(route));
  }
  const calls = Math.round(3e6 / len);
  for (let i = 0; i < 20_000; i++) ev.evaluate(0, routes[i & 63], len, out); // warm up
  g?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < calls; i++) sink += ev.evaluate(0, routes[i & 63], len, out).cost;
  const ms = performance.now() - t0;
  const heap1 = process.memoryUsage().heapUsed;
  console.log(
    `route of ${len} tasks: ${((ms * 1e6) / calls).toFixed(0)} ns per evaluation, ${((ms * 1e6) / calls / len).toFixed(1)} ns per task; ` +
      `heap growth over ${calls} evaluations without GC: ${((heap1 - heap0) / 1024).toFixed(0)} KiB (checksum ${sink.toExponential(3)})`,
  );
}
