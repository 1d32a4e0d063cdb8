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
  it('is refused: exit 2, one JSON error naming /problem/shipments', () => {
    const problem = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/courier-shipments.json'), 'utf8'));
    const planFile = join(tmp, 'shipments-plan.json');
    writeFileSync(planFile, JSON.stringify({ problem, solution: { routes: [] } }));
    const eventsFile = join(tmp, 'shipments-events.json');
    writeFileSync(eventsFile, JSON.stringify({ now: 0 }));
    const r = runCli(['replan', planFile, eventsFile]);
    expect(r.status).toBe(2);
    expect(stderrError(r)).toMatchObject({ code: 'unsupported', pointer: '/problem/shipments' });
  });
});
