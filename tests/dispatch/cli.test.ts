import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, stderrError } from '../cli/run-cli.js';
import { REPO_ROOT } from '../io/shared.js';

const tmp = mkdtempSync(join(tmpdir(), 'vrpkit-replan-'));
const write = (name: string, value: unknown) => {
  const p = join(tmp, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
};
const PLAN = 'fixtures/replan-plan.json';
const EVENTS = 'fixtures/replan-events.json';

describe('vrpkit replan', () => {
  it('re-plans the shipped fixture: frozen stops kept, cancellation and new orders reported, checker passes', () => {
    const r = runCli(['replan', PLAN, EVENTS, '--max-iterations', '150', '--seed', '1']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const events = JSON.parse(readFileSync(join(REPO_ROOT, EVENTS), 'utf8'));
    const old = JSON.parse(readFileSync(join(REPO_ROOT, PLAN), 'utf8')).solution;
    expect(out.check).toEqual({ feasible: true, violations: [] });
    expect(out.changes.frozen).toEqual({ served: events.served.length, inProgress: events.inProgress.length });
    expect(out.changes.cancelled).toEqual(events.cancelled);
    expect(out.plan.unassigned).toContainEqual(expect.objectContaining({ id: events.cancelled[0], reason: 'cancelled' }));
    expect(out.changes.added.map((a: { id: string }) => a.id)).toEqual(events.newJobs.map((j: { id: string }) => j.id));
    // Frozen steps are the old plan's, with their statuses.
    const statusOf = new Map<string, string>();
    for (const route of out.plan.routes) for (const s of route.steps) if (s.type === 'job') statusOf.set(s.id, s.status);
    for (const id of events.served) expect(statusOf.get(id)).toBe('done');
    for (const id of events.inProgress) expect(statusOf.get(id)).toBe('in-progress');
    for (const route of out.plan.routes) {
      const before = old.routes.find((x: { vehicle: string }) => x.vehicle === route.vehicle);
      const frozen = route.steps.filter((s: { status: string }) => s.status !== 'planned');
      if (frozen.length === 0) continue;
      for (let i = 0; i < frozen.length; i++) {
        expect(frozen[i].arrival).toBe(before.steps[i].arrival);
        expect(frozen[i].id).toBe(before.steps[i].id);
      }
    }
    expect(out.changes.routeChangeRate).toBeGreaterThanOrEqual(0);
    expect(out.changes.routeChangeRate).toBeLessThanOrEqual(1);
  });

  it('reports bad events with pointers and exit code 2', () => {
    const bad = write('events.json', { now: 'soon', served: ['nope'], newJobs: [{ id: 'x', location: [3.7, 51.05], delivery: [-1] }] });
    const r = runCli(['replan', PLAN, bad]);
    expect(r.status).toBe(2);
    const err = stderrError(r);
    expect(err.issues.map((i) => i.pointer)).toEqual(expect.arrayContaining(['/now', '/served/0', '/newJobs/0/delivery/0']));
  });

  it('rejects a plan file of the wrong shape and wrong usage', () => {
    const r = runCli(['replan', write('plan.json', { solution: {} }), EVENTS]);
    expect(r.status).toBe(2);
    expect(stderrError(r).message).toMatch(/problem/);
    expect(runCli(['replan', PLAN]).status).toBe(2);
    expect(runCli(['replan', PLAN, EVENTS, '--promise-penalty', '-3']).status).toBe(2);
    const help = runCli(['replan', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/PLAN\.json/);
  });
});

describe('vrpkit replan with shipments', () => {
  const problem = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/courier-shipments.json'), 'utf8'));
  const solved = runCli(['solve', 'fixtures/courier-shipments.json', '--max-iterations', '60', '--seed', '1']);
  const solution = JSON.parse(solved.stdout);
  const planFile = write('shipments-plan.json', { problem, solution });
  // The first route with a pickup: everything up to and including that pickup is served.
  const route = solution.routes.find((r: { steps: { type: string }[] }) => r.steps.some((s) => s.type === 'pickup'));
  const upTo = route.steps.findIndex((s: { type: string }) => s.type === 'pickup');
  const picked = route.steps[upTo];
  const served = route.steps
    .slice(0, upTo + 1)
    .filter((s: { type: string }) => s.type !== 'start' && s.type !== 'break')
    .map((s: { type: string; id: string; shipment?: string }) => (s.type === 'job' ? s.id : { type: s.type, id: s.id, shipment: s.shipment, vehicle: route.vehicle }));

  it('keeps a picked-up parcel on its van and names its delivery as solve does; checker passes', () => {
    expect(solved.status, solved.stderr).toBe(0);
    const events = write('shipments-events.json', { now: picked.departure, served, inProgress: [] });
    const r = runCli(['replan', planFile, events, '--max-iterations', '60', '--seed', '1']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.check).toEqual({ feasible: true, violations: [] });
    const mine = out.plan.routes.find((x: { vehicle: string }) => x.vehicle === route.vehicle);
    const stops = mine.steps.filter((s: { shipment?: string }) => s.shipment === picked.shipment);
    expect(stops.map((s: { type: string; status: string }) => [s.type, s.status])).toEqual([
      ['pickup', 'done'],
      ['delivery', 'planned'],
    ]);
    const stopId = problem.shipments.find((x: { id: string }) => x.id === picked.shipment).delivery.id ?? picked.shipment;
    expect(stops[1].id).toBe(stopId);
    // Every shipment once: both stops in one route, or listed whole.
    for (const sh of problem.shipments) {
      const on = out.plan.routes.filter((x: { steps: { shipment?: string }[] }) => x.steps.some((s) => s.shipment === sh.id));
      const listed = out.plan.unassigned.filter((u: { id: string }) => u.id === sh.id);
      expect(on.length + listed.length).toBe(1);
      if (on.length === 1) expect(on[0].steps.filter((s: { shipment?: string }) => s.shipment === sh.id).map((s: { type: string }) => s.type)).toEqual(['pickup', 'delivery']);
    }
  });

  it('a delivery reported before its pickup: exit 2, one JSON error naming the entry', () => {
    const other = solution.routes.flatMap((r: { steps: { type: string; shipment?: string }[] }) => r.steps).find((s: { type: string; shipment?: string }) => s.type === 'delivery' && s.shipment !== picked.shipment);
    const events = write('shipments-bad.json', { now: 0, served: [{ type: 'delivery', shipment: other.shipment }] });
    const r = runCli(['replan', planFile, events]);
    expect(r.status).toBe(2);
    expect(stderrError(r)).toMatchObject({ code: 'event-order', pointer: '/served/0' });
  });
});
