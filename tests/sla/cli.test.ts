import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sla } from '../../src/cli/commands/sla.js';
import type { SlaReport } from '../../src/sla/check.js';
import type { SlaForecastReport } from '../../src/sla/forecast.js';
import { formatSlaTable, shortDuration } from '../../src/sla/format.js';

const FIXTURE = join(__dirname, '../../fixtures/sla-orders.json');

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await sla.run(argv);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('vrpkit sla', () => {
  it('the shipped fixture hits every status at its own now', async () => {
    const { code, out } = await run([FIXTURE, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as SlaReport;
    expect(r.nowIso).toBe('2026-11-22T11:00:00.000Z');
    const seen = new Set(r.orders.flatMap((o) => Object.values(o.stages).map((s) => s.status + (s.status === 'breached' && s.at === undefined ? '-open' : ''))));
    expect([...seen].sort()).toEqual(['at-risk', 'breached', 'breached-open', 'met', 'not-applicable', 'pending']);
    expect(r.totals.accept).toEqual({ total: 13, met: 10, breached: 2, pending: 1, atRisk: 0, notApplicable: 0, onTimeRate: 10 / 12 });
    const byId = new Map(r.orders.map((o) => [o.id, o]));
    expect(byId.get('ORD-1012')!.stages.accept.status).toBe('met'); // accepted exactly 1 h after receipt
    expect(byId.get('ORD-1009')!.stages.process.status).toBe('met'); // processed exactly 2 h after acceptance
    expect(byId.get('ORD-1006')!.stages.depart).toMatchObject({ status: 'at-risk', forecastBreachMs: 15 * 60_000 });
  });

  it('prints a table by default, and --now moves the clock', async () => {
    const { out } = await run([FIXTURE]);
    expect(out).toMatch(/^SLA clock at 2026-11-22T11:00:00.000Z — 13 orders$/m);
    expect(out).toMatch(/^ORD-1004\s+breached\s+BREACHED \+30m00s \(open\)\s+pending 1h30m left/m);
    expect(out).toMatch(/^accept\s+10\s+2\s+1\s+0\s+0\s+83\.3%$/m);
    const later = JSON.parse((await run([FIXTURE, '--now', '2026-11-22T23:00:00Z', '--json'])).out) as SlaReport;
    expect(later.orders.find((o) => o.id === 'ORD-1005')!.stages.accept.status).toBe('breached');
    const epoch = JSON.parse((await run([FIXTURE, '--now', String(Date.UTC(2026, 10, 22, 11)), '--json'])).out) as SlaReport;
    expect(epoch.totals).toEqual(JSON.parse((await run([FIXTURE, '--json'])).out).totals);
  });

  it('reports bad files as VrpkitErrors naming order and field; wrong usage as usage errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-sla-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ id: 'X', receivedAt: '2026-11-22T09:00:00Z', acceptedAt: '2026-11-22T08:00:00Z' }]));
    await expect(run([bad, '--now', '2026-11-22T10:00:00Z'])).rejects.toMatchObject({ code: 'sla-order-sequence', pointer: '/orders/0/acceptedAt' });
    writeFileSync(bad, JSON.stringify({ now: 0 }));
    await expect(run([bad])).rejects.toMatchObject({ code: 'sla-orders' });
    await expect(run([])).rejects.toThrow(/one ORDERS.json/);
    await expect(run([FIXTURE, '--bogus'])).rejects.toThrow(/unknown option --bogus/);
  });

  it('--problem/--solution forecasts against the shipped plan', async () => {
    const f = (n: string) => join(__dirname, '../../fixtures', n);
    const args = [f('sla-plan-orders.json'), '--problem', f('sla-plan-problem.json'), '--solution', f('sla-plan-solution.json')];
    const r = JSON.parse((await run([...args, '--json'])).out) as SlaForecastReport;
    expect(r.planFeasible).toBe(true);
    const byId = new Map(r.orders.map((o) => [o.id, o]));
    // van-2 leaves at 11:00Z (39600 s after the origin); P-3 had to leave by 10:30Z
    expect(byId.get('P-3')!.plan).toMatchObject({ state: 'routed', vehicle: 'van-2', position: 0, departureIso: '2026-11-22T11:00:00.000Z' });
    expect(byId.get('P-3')!.stages.depart).toMatchObject({ status: 'at-risk', forecastBreachMs: 30 * 60_000 });
    expect(byId.get('P-4')!.stages.deliver).toMatchObject({ status: 'at-risk', forecastBreachMs: 10 * 60_000 });
    expect(byId.get('P-5')!.plan).toEqual({ state: 'unassigned', reason: 'fleet-exhausted' });
    expect(byId.get('P-7')!.plan).toEqual({ state: 'not-planned' });
    const { out } = await run(args);
    expect(out).toMatch(/^P-3\s+breached\s+met\s+BREACHED \+10m00s\s+AT-RISK \+30m00s\s+n\/a\s+van-2#1\s+11:00Z\s+11:10Z$/m);
    // a different time unit moves the plan: minutes instead of seconds puts van-1's departure 25 days later
    const minutes = JSON.parse((await run([...args, '--json', '--time-unit-ms', '60000'])).out) as SlaForecastReport;
    expect(minutes.orders[0].plan).toMatchObject({ departure: Date.UTC(2026, 10, 22) + 36000 * 60_000 });
    await expect(run([f('sla-plan-orders.json'), '--problem', f('sla-plan-problem.json')])).rejects.toThrow(/go together/);
  });

  it('short durations', () => {
    expect([1, 999, 1000, 61_000, 3_600_000, 3_660_000].map(shortDuration)).toEqual(['1ms', '999ms', '1s', '1m01s', '1h00m', '1h01m']);
    expect(formatSlaTable({ now: 0, nowIso: '1970-01-01T00:00:00.000Z', orders: [], totals: { accept: t(), process: t(), depart: t(), deliver: t(), order: t() } })).toContain('0 orders');
  });
});

function t() {
  return { total: 0, met: 0, breached: 0, pending: 0, atRisk: 0, notApplicable: 0, onTimeRate: null };
}
