import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReport, reportModel } from '../../src/io/report/index.js';
import { problemFromJson } from '../../src/io/json.js';
import { readPlan } from '../../src/io/solution.js';
import { checkSolution } from '../../src/model/check.js';
import { solve } from '../../src/solver/index.js';
import type { Problem, RoutePlan } from '../../src/model/types.js';
import { REPO_ROOT } from './shared.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', name), 'utf8'));
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

/** Two vans on a line, four jobs; job c has a window it cannot make when served last. */
const LINE: Problem = {
  travel: { type: 'euclidean', coordinates: [[0, 0]] },
  vehicles: [
    { id: 'v<1>', start: 0, end: 0, capacity: [5], shift: [0, 500] },
    { id: 'v2', start: 0, end: 0, capacity: [5], shift: [0, 500] },
  ],
  jobs: [
    { id: 'a', location: [10, 0], delivery: [1], serviceDuration: 5, timeWindows: [[0, 100]] },
    { id: 'b', location: [20, 0], delivery: [1], serviceDuration: 5, timeWindows: [[40, 60]] },
    { id: 'c', location: [0, 10], delivery: [1], serviceDuration: 5, timeWindows: [[0, 15]] },
    { id: 'd', location: [0, 20], delivery: [9] },
  ],
};

describe('renderReport', () => {
  it('a solved plan: one route path per route with its vehicle id, self-contained (no external reference)', async () => {
    const problem = problemFromJson(fixture('sla-plan-problem.json'));
    const solution = await solve(problem, { maxIterations: 20, seed: 1 });
    expect(checkSolution(problem, solution).feasible).toBe(true);
    const html = renderReport(problem, solution);
    const used = solution.routes.filter((r) => r.steps.some((s) => s.type === 'job'));
    expect(count(html, /<path class="route" data-vehicle="/g)).toBe(used.length);
    for (const r of used) expect(html).toContain(`data-vehicle="${r.vehicle}"`);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<(link|img|iframe|object)\b/i);
    expect(html).toContain("default-src 'none'");
    expect(renderReport(problem, solution)).toBe(html); // pure and deterministic
  });

  it('late stops are marked, windows drawn as bands, unassigned jobs listed with reasons, ids escaped', () => {
    const plan: RoutePlan = {
      routes: [{ vehicle: 'v<1>', steps: [{ type: 'start' }, { type: 'job', id: 'a' }, { type: 'job', id: 'b' }, { type: 'job', id: 'c' }, { type: 'end' }] }],
      unassigned: [{ id: 'd', reason: 'capacity' }],
    };
    const check = checkSolution(LINE, plan);
    expect(check.violations.map((v) => v.code)).toEqual(['late']);
    const model = reportModel(LINE, plan);
    expect(model.routes[0].late).toBe(1);
    const html = renderReport(LINE, plan);
    expect(count(html, /class="late-mark"/g)).toBe(1);
    expect(count(html, /<rect class="window/g)).toBe(3);
    expect(html).toContain('LATE by');
    expect(html).toMatch(/<td>d<\/td><td><span class="badge breached">capacity<\/span>/);
    expect(html).toContain('data-vehicle="v&lt;1&gt;"');
    expect(html).not.toContain('v<1>');
    expect(html).toContain('infeasible');
  });

  it("a plan the checker cannot read (a step type it does not know) is drawn from the plan's own numbers, breaks and pickups included", () => {
    const plan = {
      routes: [
        {
          vehicle: 'v2',
          steps: [
            { type: 'start', arrival: 0, waiting: 0, serviceStart: 0, departure: 0, load: [1], distance: 0 },
            { type: 'pickup', id: 'shipment-7', location: [10, 0], arrival: 10, waiting: 0, serviceStart: 10, departure: 15, load: [2], distance: 10 },
            { type: 'break', arrival: 15, waiting: 0, serviceStart: 15, departure: 45, load: [2], distance: 10 },
            { type: 'job', id: 'a', arrival: 45, waiting: 0, serviceStart: 45, departure: 50, load: [1], distance: 10 },
            { type: 'refuel', arrival: 50, waiting: 0, serviceStart: 50, departure: 52, load: [1], distance: 10 },
            { type: 'end', arrival: 60, waiting: 0, serviceStart: 60, departure: 60, load: [1], distance: 20 },
          ],
        },
      ],
      unassigned: [],
    } as unknown as RoutePlan;
    const model = reportModel(LINE, plan);
    expect(model.check).toBeUndefined();
    expect(model.checkError).toMatch(/step type/);
    expect(model.routes[0].steps.map((s) => [s.type, s.serviceStart])).toEqual([['start', 0], ['pickup', 10], ['break', 15], ['job', 45], ['refuel', 50], ['end', 60]]);
    const html = renderReport(LINE, plan);
    expect(count(html, /<rect class="break"/g)).toBe(1);
    expect(html).toMatch(/<rect class="service" [^>]*><title>pickup shipment-7/);
    expect(html).toContain('The checker could not read this plan');
    expect(count(html, /<path class="route"/g)).toBe(1);
  });

  it('SLA status per order when orders are given', () => {
    const problem = problemFromJson(fixture('sla-plan-problem.json'));
    const plan = readPlan(readFileSync(join(REPO_ROOT, 'fixtures/sla-plan-solution.json'), 'utf8'));
    const { orders, now, timeOrigin } = fixture('sla-plan-orders.json');
    const html = renderReport(problem, plan, { sla: { orders, now, timeOrigin } });
    expect(html).toContain('<section id="sla">');
    for (const o of orders) expect(html).toContain(`<td>${o.id}</td>`);
    expect(html).toMatch(/badge (met|breached|at-risk|pending)/);
    expect(renderReport(problem, plan)).not.toContain('<section id="sla">');
  });

  it('a matrix problem without coordinates gets a timeline but says it has no map', () => {
    const problem: Problem = { travel: { type: 'matrix', size: 2, durations: [0, 5, 5, 0] }, vehicles: [{ id: 'x', start: 0, end: 0 }], jobs: [{ id: 'j', location: 1, serviceDuration: 3 }] };
    const html = renderReport(problem, { routes: [{ vehicle: 'x', steps: [{ type: 'start' }, { type: 'job', id: 'j' }, { type: 'end' }] }] });
    expect(html).toContain('No coordinates to draw');
    expect(count(html, /<rect class="service"/g)).toBe(1);
  });
});
