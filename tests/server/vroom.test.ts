/**
 * The HTTP service with VROOM documents: POST /solve answers a VROOM problem
 * in VROOM's output format, /validate and /check read VROOM problems (and
 * VROOM output), errors name VROOM's fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import { fromVroom, planFromVroom } from '../../src/io/vroom/index.js';
import { VROOM_REQUEST, requestFormatOf } from '../../src/server/input.js';
import { vroomFixture } from '../io/vroom-helpers.js';
import { http, startServe } from './helpers.js';

describe('request formats', () => {
  it('VROOM is registered and tried before the route file', () => {
    expect(requestFormatOf(vroomFixture('example_1.json')).name).toBe('vroom');
    expect(requestFormatOf({ travel: { type: 'haversine' }, vehicles: [], jobs: [] }).name).toBe('route-file');
    const problem = fromVroom(vroomFixture('shipments-skills-breaks.json'));
    expect(VROOM_REQUEST.bodyPointer!(problem, '/vehicles/1/costs/perTravelTime')).toBe('/vehicles/1/costs/per_hour');
  });
});

describe('vrpkit serve with VROOM documents', () => {
  let service: Awaited<ReturnType<typeof startServe>>;
  beforeAll(async () => {
    service = await startServe(['--max-solves', '1', '--max-time-limit', '60']);
  });
  afterAll(async () => {
    await service?.stop('SIGKILL');
  });

  it("POST /solve answers a VROOM problem in VROOM's output format, checked feasible", async () => {
    const doc = vroomFixture('depot-distances.json');
    const r = await http('POST', `${service.url}/solve?maxIterations=50&seed=1&threads=1`, JSON.stringify(doc));
    expect(r.status).toBe(200);
    expect(r.json.code).toBe(0);
    expect(r.json.routes[0].steps[0]).toMatchObject({ type: 'start', waiting_time: 0, duration: 0 });
    const problem = fromVroom(doc);
    const report = checkSolution(problem, planFromVroom(problem, r.json));
    expect(report.violations).toEqual([]);
  });

  it('POST /validate names the format and lists VROOM pointers', async () => {
    const ok = await http('POST', `${service.url}/validate`, JSON.stringify(vroomFixture('example_1.json')));
    expect(ok.json).toEqual({ valid: true, format: 'vroom', issues: [] });
    const doc = vroomFixture('example_1.json');
    doc.vehicles[0].steps = [];
    const bad = await http('POST', `${service.url}/validate`, JSON.stringify(doc));
    expect(bad.json.valid).toBe(false);
    expect(bad.json.issues).toEqual([expect.objectContaining({ code: 'unsupported', pointer: '/vehicles/0/steps' })]);
    const s = await http('POST', `${service.url}/solve`, JSON.stringify(doc));
    expect(s.status).toBe(400);
    expect(s.json.error.pointer).toBe('/vehicles/0/steps');
  });

  it("POST /check reads a VROOM problem with VROOM's output", async () => {
    const body = { problem: vroomFixture('example_2.json'), solution: vroomFixture('example_2_sol.json') };
    const r = await http('POST', `${service.url}/check`, JSON.stringify(body));
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ feasible: true, violations: [], summary: { cost: 5461 } });
  });
});
