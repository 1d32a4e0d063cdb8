/**
 * The real `vrpkit serve` on a random loopback port: every route, the error
 * objects, the limits (413, 429, time-limit cap), jobs with progress and
 * abort, and a graceful SIGTERM. Every plan it returns is re-checked with
 * `checkSolution`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSolution } from '../../src/model/check.js';
import { parseProblemJson } from '../../src/io/json.js';
import { readPlan } from '../../src/io/solution.js';
import { REPO_ROOT } from '../io/shared.js';
import { http, peakRssKb, poll, postHuge, startServe } from './helpers.js';

const CITY_TEXT = readFileSync(join(REPO_ROOT, 'fixtures', 'city-deliveries.json'), 'utf8');
/** The shipped example cut to 16 deliveries and 3 vans: quick to solve on a busy machine. */
const SMALL_TEXT = (() => {
  const p = JSON.parse(CITY_TEXT);
  return JSON.stringify({ ...p, jobs: p.jobs.slice(0, 16), vehicles: p.vehicles.slice(0, 3) });
})();
const SMALL = parseProblemJson(SMALL_TEXT);

/** The answer's plan passes the independent checker (stated numbers included). */
function expectCheckedPlan(solution: unknown): void {
  const report = checkSolution(SMALL, readPlan(solution));
  expect(report.violations).toEqual([]);
  expect(report.feasible).toBe(true);
}

describe('vrpkit serve', () => {
  let service: Awaited<ReturnType<typeof startServe>>;
  beforeAll(async () => {
    service = await startServe(['--max-solves', '2', '--max-queue', '1', '--max-time-limit', '120', '--body-limit', '2']);
  });
  afterAll(async () => {
    await service?.stop('SIGKILL');
  });

  it('answers /health and describes itself at /openapi.json', async () => {
    const h = await http('GET', `${service.url}/health`);
    expect(h.status).toBe(200);
    expect(h.json).toMatchObject({ status: 'ok', solves: { running: 0, queued: 0, maxRunning: 2, maxQueued: 1 } });
    const o = await http('GET', `${service.url}/openapi.json`);
    expect(o.json.openapi).toBe('3.1.0');
    expect(Object.keys(o.json.paths)).toEqual(expect.arrayContaining(['/health', '/solve', '/jobs', '/jobs/{id}', '/check', '/validate']));
    expect(o.json.components.schemas.RouteFile).toBeTypeOf('object');
  });

  it('POST /solve returns a plan the checker accepts, the same for the same seed and iterations', async () => {
    const a = await http('POST', `${service.url}/solve?maxIterations=15&seed=3`, SMALL_TEXT);
    expect(a.status).toBe(200);
    expect(a.headers['x-vrpkit-job']).toBeTypeOf('string');
    expect(a.json.unassigned).toEqual([]);
    expectCheckedPlan(a.json);
    const b = await http('POST', `${service.url}/solve?maxIterations=15&seed=3`, SMALL_TEXT);
    expect(b.json.routes).toEqual(a.json.routes);
  });

  it('answers malformed JSON with 400 and the CLI error object naming the position', async () => {
    const r = await http('POST', `${service.url}/solve`, '{\n  "jobs": [1,,2]\n}');
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'json', pointer: 'line 2, column 14' });
    expect(r.json.error.issues).toHaveLength(1);
  });

  it('answers an invalid problem with 400 listing every issue with its JSON pointer', async () => {
    const bad = JSON.parse(CITY_TEXT);
    delete bad.jobs[3].location;
    bad.vehicles[1].capacity = [-1, 5];
    const r = await http('POST', `${service.url}/solve`, JSON.stringify(bad));
    expect(r.status).toBe(400);
    const pointers = r.json.error.issues.map((i: { pointer: string }) => i.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/jobs/3/location', '/vehicles/1/capacity/0']));
  });

  it('rejects unknown query parameters, time limits above the cap, other media types and unknown routes', async () => {
    const q = await http('POST', `${service.url}/solve?timelimit=3`, CITY_TEXT);
    expect(q.status).toBe(400);
    expect(q.json.error).toMatchObject({ code: 'usage', message: "unknown query parameter 'timelimit'" });
    const cap = await http('POST', `${service.url}/jobs?timeLimit=121`, CITY_TEXT);
    expect(cap.status).toBe(400);
    expect(cap.json.error.code).toBe('limit');
    const media = await http('POST', `${service.url}/solve`, CITY_TEXT, { 'content-type': 'text/plain' });
    expect(media.status).toBe(415);
    expect(media.json.error.code).toBe('unsupported-media-type');
    const none = await http('GET', `${service.url}/nowhere`);
    expect(none.status).toBe(404);
    expect(none.json.error.code).toBe('not-found');
  });

  it('POST /validate lists the issues; POST /check re-derives a plan, pointers under /problem and /solution', async () => {
    const ok = await http('POST', `${service.url}/validate`, CITY_TEXT);
    expect(ok.json).toEqual({ valid: true, format: 'route-file', issues: [] });
    const bad = await http('POST', `${service.url}/validate`, JSON.stringify({ travel: { type: 'euclidean' }, vehicles: [{ id: 1 }], jobs: [{ id: 1, location: [0, 'x'] }] }));
    expect(bad.status).toBe(200);
    expect(bad.json.valid).toBe(false);
    expect(bad.json.issues[0].pointer).toBe('/jobs/0/location');

    const problem = JSON.parse(CITY_TEXT);
    const ids = problem.jobs.map((j: { id: string }) => j.id);
    const plan = { routes: [{ vehicle: problem.vehicles[0].id, jobs: ids.slice(0, 3) }] };
    const c = await http('POST', `${service.url}/check`, JSON.stringify({ problem, solution: plan }));
    expect(c.status).toBe(200);
    expect(c.json.feasible).toBe(false); // the other jobs are missing
    expect(c.json.violations.some((v: { code: string }) => v.code === 'missing-job')).toBe(true);
    expect(c.json.routes).toHaveLength(1);
    const e = await http('POST', `${service.url}/check`, JSON.stringify({ problem: { ...problem, vehicles: 'no' }, solution: plan }));
    expect(e.status).toBe(400);
    expect(e.json.error.pointer).toBe('/problem/vehicles');
  });

  it('runs jobs in the background: 202, progress, best cost, 429 when full, abort → best plan, cancel, forget', async () => {
    const started: string[] = [];
    for (let k = 0; k < 2; k++) {
      const r = await http('POST', `${service.url}/jobs?timeLimit=100&seed=${k + 1}`, SMALL_TEXT);
      expect(r.status).toBe(202);
      expect(r.headers.location).toBe(`/jobs/${r.json.id}`);
      started.push(r.json.id);
    }
    const queued = await http('POST', `${service.url}/jobs?timeLimit=100`, SMALL_TEXT);
    expect(queued.status).toBe(202);
    expect(queued.json.status).toBe('queued');
    const full = await http('POST', `${service.url}/jobs?timeLimit=100`, SMALL_TEXT);
    expect(full.status).toBe(429);
    expect(full.json.error.code).toBe('busy');

    // the service keeps answering while both solves run off its main thread
    const health = await http('GET', `${service.url}/health`);
    expect(health.json.solves).toMatchObject({ running: 2, queued: 1 });

    const running = await poll(() => http('GET', `${service.url}/jobs/${started[0]}`), (r) => r.json.bestCost !== null);
    expect(running.json.status).toBe('running');
    expect(running.json.progress.bestCost).toBeGreaterThan(0);
    expect(running.json.solution).toBeUndefined();

    const aborted = await http('DELETE', `${service.url}/jobs/${started[0]}`);
    expect(aborted.status).toBe(200);
    expect(aborted.json.status).toBe('aborted');
    expectCheckedPlan(aborted.json.solution);
    // the queued job took the freed place; cancel the other two
    const cancelled = await http('DELETE', `${service.url}/jobs/${queued.json.id}`);
    expect(['aborted', 'cancelled']).toContain(cancelled.json.status);
    await http('DELETE', `${service.url}/jobs/${started[1]}`);

    // an ended job stays readable until it is deleted (forgotten)
    const kept = await http('GET', `${service.url}/jobs/${started[0]}`);
    expect(kept.json.status).toBe('aborted');
    await http('DELETE', `${service.url}/jobs/${started[0]}`);
    expect((await http('GET', `${service.url}/jobs/${started[0]}`)).status).toBe(404);
  });

  it('answers a 50 MB body with 413 without reading it into memory, and stays healthy', async () => {
    expect(existsSync(`/proc/${service.proc.pid}/status`)).toBe(true);
    // the jobs of the previous test end first (a full service may refuse before reading)
    await poll(() => http('GET', `${service.url}/health`), (r) => r.json.solves.running === 0 && r.json.solves.queued === 0);
    const before = peakRssKb(service.proc.pid!);
    const chunked = await postHuge(`${service.url}/solve`, 50 * 1024 * 1024, false);
    expect(chunked.status).toBe(413);
    expect(chunked.json.error.code).toBe('body-too-large');
    const declared = await postHuge(`${service.url}/solve`, 50 * 1024 * 1024, true);
    expect(declared.status).toBe(413);
    const grown = peakRssKb(service.proc.pid!) - before;
    expect(grown).toBeLessThan(25 * 1024); // the limit is 2 MB; a buffered body would add 50 MB
    const h = await http('GET', `${service.url}/health`);
    expect(h.json.status).toBe('ok');
    const s = await http('POST', `${service.url}/solve?maxIterations=5`, SMALL_TEXT);
    expect(s.status).toBe(200);
  });
});

describe('vrpkit serve shutdown', () => {
  it('on SIGTERM answers a running /solve with its best plan so far and exits 0', async () => {
    const service = await startServe([]);
    try {
      const pending = http('POST', `${service.url}/solve?timeLimit=200`, SMALL_TEXT);
      await poll(() => http('GET', `${service.url}/health`), (r) => r.json.solves.running === 1);
      await new Promise((r) => setTimeout(r, 500));
      service.proc.kill('SIGTERM');
      const answer = await pending;
      expect(answer.status).toBe(200);
      expect(answer.json.status).toBe('aborted');
      expectCheckedPlan(answer.json);
      expect(await service.exited).toBe(0);
    } finally {
      await service.stop('SIGKILL');
    }
  });
});
