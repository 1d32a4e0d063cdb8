/**
 * `vrpkit serve --redis` and `vrpkit worker` on a real redis-server (loopback,
 * random port, no persistence): a worker killed mid-solve loses nothing (the
 * job finishes on another worker), aborts reach a remote worker, and a large
 * problem fans out as a flow of zone jobs. Every plan is re-checked with
 * `checkSolution`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSolution } from '../../src/model/check.js';
import { parseProblemJson } from '../../src/io/json.js';
import { readPlan } from '../../src/io/solution.js';
import type { Problem } from '../../src/model/types.js';
import { REPO_ROOT } from '../io/shared.js';
import { makeInstance } from '../solver-decompose/instance.js';
import { defaultZoneSize } from '../../src/solver/decompose/zone-size.js';
import { http, poll, startCli, startRedis, startServe, type Running } from '../server/helpers.js';

const SMALL_TEXT = (() => {
  const p = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', 'city-deliveries.json'), 'utf8'));
  return JSON.stringify({ ...p, jobs: p.jobs.slice(0, 16), vehicles: p.vehicles.slice(0, 3) });
})();
const SMALL = parseProblemJson(SMALL_TEXT);

function expectCheckedPlan(problem: Problem, solution: unknown): void {
  const report = checkSolution(problem, readPlan(solution));
  expect(report.violations).toEqual([]);
  expect(report.feasible).toBe(true);
}

describe('vrpkit serve --redis with vrpkit worker', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let service: Awaited<ReturnType<typeof startServe>>;
  const workers: Running[] = [];
  const startWorker = async () => {
    const w = startCli(['worker', '--redis', redis.url, '--concurrency', '2', '--lock-duration', '2']);
    workers.push(w);
    await w.waitFor(/vrpkit worker: ready/, 60_000);
    return w;
  };

  beforeAll(async () => {
    redis = await startRedis();
    service = await startServe(['--redis', redis.url]);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await service?.stop('SIGKILL');
    await redis?.stop();
  });

  it('finishes a job on another worker when its worker is killed mid-solve', async () => {
    const doomed = await startWorker();
    const submitted = await http('POST', `${service.url}/jobs?timeLimit=4&seed=2`, SMALL_TEXT);
    expect(submitted.status).toBe(202);
    const id = submitted.json.id as string;
    await poll(() => http('GET', `${service.url}/jobs/${id}`), (r) => r.json.status === 'running');
    doomed.proc.kill('SIGKILL');
    await doomed.exited;
    const rescuer = await startWorker();
    const done = await poll(() => http('GET', `${service.url}/jobs/${id}`), (r) => r.json.status !== 'running' && r.json.status !== 'queued', 90_000, 250);
    expect(done.json.status).toBe('completed');
    expectCheckedPlan(SMALL, done.json.solution);
    expect(rescuer.stderr()).toContain(`solve ${id} completed`);
    expect(doomed.stderr()).not.toContain(`solve ${id} completed`);
  });

  it('answers a sync /solve through the queue, and DELETE aborts a job on a worker (best plan so far)', async () => {
    const s = await http('POST', `${service.url}/solve?maxIterations=10&seed=1`, SMALL_TEXT);
    expect(s.status).toBe(200);
    expectCheckedPlan(SMALL, s.json);
    const job = await http('POST', `${service.url}/jobs?timeLimit=100`, SMALL_TEXT);
    await poll(() => http('GET', `${service.url}/jobs/${job.json.id}`), (r) => r.json.bestCost !== null && r.json.status === 'running');
    const aborted = await http('DELETE', `${service.url}/jobs/${job.json.id}`);
    expect(aborted.json.status).toBe('aborted');
    expectCheckedPlan(SMALL, aborted.json.solution);
    const health = await http('GET', `${service.url}/health`);
    expect(health.json.solves).toMatchObject({ running: 0, maxRunning: null });
  });

  it('fans a large problem out as a flow of zone jobs and merges them into one checked plan', async () => {
    await startWorker();
    const big = makeInstance({ jobs: 1600, seed: 11 });
    const text = JSON.stringify(big);
    const r = await http('POST', `${service.url}/solve?timeLimit=8&seed=1`, text);
    expect(r.status).toBe(200);
    expect(r.json.unassigned).toEqual([]);
    expectCheckedPlan(parseProblemJson(text), r.json);
    const log = workers.map((w) => w.stderr()).join('');
    const zones = log.match(/zone \S+-zone-\d+ completed/g) ?? [];
    // one zone job per zone: ceil(jobs / zone size) zones (the default size follows the route length, zone-size.ts)
    expect(zones.length).toBe(Math.ceil(1600 / defaultZoneSize(big)));
    expect(zones.length).toBeGreaterThan(1);
  });

  it('lets workers and the service shut down cleanly on SIGTERM (exit 0, connections closed)', async () => {
    const alive = workers.filter((w) => w.proc.exitCode === null && w.proc.signalCode === null);
    expect(alive.length).toBeGreaterThan(0);
    expect(await Promise.all(alive.map((w) => w.stop('SIGTERM')))).toEqual(alive.map(() => 0));
    expect(await service.stop('SIGTERM')).toBe(0);
  });
});
