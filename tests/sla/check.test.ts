import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSla, type SlaReport } from '../../src/sla/check.js';
import { isVrpkitError, type VrpkitError } from '../../src/core/errors.js';
import type { SlaOrder } from '../../src/sla/orders.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 22, 9, 0, 0); // 2026-11-22T09:00:00Z

function catchError(f: () => unknown): VrpkitError {
  try {
    f();
  } catch (e) {
    if (isVrpkitError(e)) return e;
    throw e;
  }
  throw new Error('expected a VrpkitError');
}

describe('checkSla stage boundaries', () => {
  it('accepting exactly 1 h after receipt is met; 1 ms and 1 s over are breached', () => {
    const r = checkSla(
      [
        { id: 'exact', receivedAt: '2026-11-22T09:00:00Z', acceptedAt: '2026-11-22T10:00:00Z' },
        { id: 'ms', receivedAt: '2026-11-22T09:00:00Z', acceptedAt: '2026-11-22T10:00:00.001Z' },
        { id: 's', receivedAt: '2026-11-22T09:00:00Z', acceptedAt: '2026-11-22T10:00:01Z' },
      ],
      { now: '2026-11-22T10:30:00Z' },
    );
    expect(r.orders[0].stages.accept).toMatchObject({ status: 'met', deadline: T0 + H, at: T0 + H });
    expect(r.orders[1].stages.accept).toMatchObject({ status: 'breached', breachMs: 1 });
    expect(r.orders[2].stages.accept).toMatchObject({ status: 'breached', breachMs: 1000 });
    expect(r.orders[0].stages.accept.deadlineIso).toBe('2026-11-22T10:00:00.000Z');
  });

  it('processing exactly 2 h and departing exactly 3 h after the previous event are met', () => {
    const r = checkSla(
      [{ id: 1, receivedAt: T0, acceptedAt: T0 + 0.5 * H, processedAt: T0 + 2.5 * H, departedAt: T0 + 5.5 * H }],
      { now: T0 + 6 * H },
    );
    const s = r.orders[0].stages;
    expect(s.process).toMatchObject({ status: 'met', deadline: T0 + 2.5 * H });
    expect(s.depart).toMatchObject({ status: 'met', deadline: T0 + 5.5 * H });
    const late = checkSla(
      [{ id: 1, receivedAt: T0, acceptedAt: T0 + 0.5 * H, processedAt: T0 + 2.5 * H + 1, departedAt: T0 + 5.5 * H + 2 }],
      { now: T0 + 6 * H },
    ).orders[0].stages;
    expect(late.process).toMatchObject({ status: 'breached', breachMs: 1 });
    // the depart deadline chains from the actual (late) processing: 1 ms later, so 1 ms over
    expect(late.depart).toMatchObject({ status: 'breached', breachMs: 1, deadline: T0 + 5.5 * H + 1 });
  });

  it('missing timestamps are pending with slack; deadlines chain from the previous deadline', () => {
    const r = checkSla([{ id: 'a', receivedAt: T0 }], { now: T0 + 20 * 60_000 });
    const s = r.orders[0].stages;
    expect(s.accept).toEqual({ status: 'pending', deadline: T0 + H, deadlineIso: '2026-11-22T10:00:00.000Z', slackMs: 40 * 60_000 });
    expect(s.process).toMatchObject({ status: 'pending', deadline: T0 + 3 * H, slackMs: 3 * H - 20 * 60_000 });
    expect(s.depart).toMatchObject({ status: 'pending', deadline: T0 + 6 * H });
    expect(s.deliver).toEqual({ status: 'not-applicable', deadline: null, deadlineIso: null });
    expect(r.orders[0].status).toBe('pending');
  });

  it('deadlines chain from the actual time when the stage happened (early or late)', () => {
    const r = checkSla(
      [
        { id: 'early', receivedAt: T0, acceptedAt: T0 + 10 * 60_000 },
        { id: 'late', receivedAt: T0, acceptedAt: T0 + 1.5 * H },
      ],
      { now: T0 + 2 * H },
    );
    expect(r.orders[0].stages.process.deadline).toBe(T0 + 10 * 60_000 + 2 * H);
    expect(r.orders[1].stages.accept).toMatchObject({ status: 'breached', breachMs: 0.5 * H });
    expect(r.orders[1].stages.process.deadline).toBe(T0 + 3.5 * H);
    expect(r.orders[1].stages.depart.deadline).toBe(T0 + 6.5 * H);
  });

  it('a pending stage whose deadline has passed is breached by now − deadline; exactly at the deadline it is pending with 0 slack', () => {
    const r = checkSla([{ id: 'x', receivedAt: T0 }], { now: T0 + H + 5000 });
    expect(r.orders[0].stages.accept).toMatchObject({ status: 'breached', breachMs: 5000 });
    expect(r.orders[0].stages.accept.at).toBeUndefined();
    const edge = checkSla([{ id: 'x', receivedAt: T0 }], { now: T0 + H });
    expect(edge.orders[0].stages.accept).toMatchObject({ status: 'pending', slackMs: 0 });
  });

  it('deliver is judged against promisedBy', () => {
    const r = checkSla(
      [
        { id: 'on', receivedAt: T0, acceptedAt: T0, processedAt: T0, departedAt: T0, deliveredAt: T0 + 2 * H, promisedBy: T0 + 2 * H },
        { id: 'off', receivedAt: T0, acceptedAt: T0, processedAt: T0, departedAt: T0, deliveredAt: T0 + 2 * H + 1000, promisedBy: T0 + 2 * H },
        { id: 'nopromise', receivedAt: T0, acceptedAt: T0, processedAt: T0, departedAt: T0, deliveredAt: T0 + 2 * H },
      ],
      { now: T0 + 3 * H },
    );
    expect(r.orders[0].stages.deliver.status).toBe('met');
    expect(r.orders[1].stages.deliver).toMatchObject({ status: 'breached', breachMs: 1000 });
    expect(r.orders[2].stages.deliver).toMatchObject({ status: 'not-applicable', at: T0 + 2 * H });
    expect(r.orders[2].status).toBe('met');
    expect(r.totals.deliver).toEqual({ total: 3, met: 1, breached: 1, pending: 0, atRisk: 0, notApplicable: 1, onTimeRate: 0.5 });
  });

  it('a forecast past the deadline makes a pending stage at-risk; on the deadline it stays pending', () => {
    const r = checkSla(
      [
        { id: 'risk', receivedAt: T0, acceptedAt: T0, processedAt: T0, forecast: { depart: T0 + 3 * H + 60_000 } },
        { id: 'ok', receivedAt: T0, acceptedAt: T0, processedAt: T0, forecast: { depart: T0 + 3 * H } },
        { id: 'done', receivedAt: T0, acceptedAt: T0, processedAt: T0, departedAt: T0 + H, forecast: { depart: T0 + 9 * H } },
      ],
      { now: T0 + H },
    );
    expect(r.orders[0].stages.depart).toMatchObject({ status: 'at-risk', slackMs: 2 * H, forecastBreachMs: 60_000, forecast: T0 + 3 * H + 60_000 });
    expect(r.orders[0].status).toBe('at-risk');
    expect(r.orders[1].stages.depart.status).toBe('pending');
    expect(r.orders[2].stages.depart.status).toBe('met'); // the event wins over a forecast
  });

  it('policy overrides: global, then per order', () => {
    const orders: SlaOrder[] = [
      { id: 'g', receivedAt: T0, acceptedAt: T0 + 20 * 60_000 },
      { id: 'own', receivedAt: T0, acceptedAt: T0 + 20 * 60_000, policy: { acceptWithinMs: 30 * 60_000 } },
    ];
    const r = checkSla(orders, { now: T0 + H, policy: { acceptWithinMs: 15 * 60_000, processWithinMs: H } });
    expect(r.orders[0].stages.accept).toMatchObject({ status: 'breached', breachMs: 5 * 60_000 });
    expect(r.orders[1].stages.accept.status).toBe('met');
    expect(r.orders[1].stages.process.deadline).toBe(T0 + 20 * 60_000 + H); // global processWithinMs still applies
    expect(r.orders[1].stages.depart.deadline).toBe(T0 + 20 * 60_000 + 4 * H); // default departWithinMs
  });

  it('reads ISO-8601 with offsets and epoch ms as the same instant', () => {
    const same = ['2026-11-22T10:00:00+01:00', '2026-11-22T04:00:00-05:00', '2026-11-22T14:30+05:30', '2026-11-22 09:00:00.000Z', '2026-11-22T10:00:00+0100', T0];
    const r = checkSla(
      same.map((receivedAt, i) => ({ id: i, receivedAt })),
      { now: '2026-11-22T09:00:00Z' },
    );
    for (const o of r.orders) expect(o.stages.accept.deadline).toBe(T0 + H);
  });
});

describe('checkSla input errors', () => {
  it('names the order and field of an out-of-order event', () => {
    const e = catchError(() =>
      checkSla(
        [
          { id: 'ok', receivedAt: T0 },
          { id: 'A-2', receivedAt: T0, acceptedAt: T0 + H, processedAt: T0 + 0.5 * H },
        ],
        { now: T0 },
      ),
    );
    expect(e.code).toBe('sla-order-sequence');
    expect(e.pointer).toBe('/orders/1/processedAt');
    expect(e.message).toContain('"A-2"');
    expect(e.message).toContain('acceptedAt');
  });

  it('lists every problem: unparseable and ambiguous times, gaps, duplicate ids, bad policy', () => {
    const e = catchError(() =>
      checkSla(
        [
          { id: 'a', receivedAt: '2026-11-22T09:00:00' },
          { id: 'b', receivedAt: '2026-11-22' },
          { id: 'c', receivedAt: T0, departedAt: T0 + H },
          { id: 'a', receivedAt: '2026-02-30T09:00:00Z' },
          { id: 'd', receivedAt: 'yesterday', policy: { acceptWithin: 5 } as never },
          { receivedAt: T0 } as never,
        ],
        { now: T0 },
      ),
    );
    const got = e.issues.map((i) => `${i.code} ${i.pointer}`);
    expect(got).toEqual([
      'sla-time /orders/0/receivedAt',
      'sla-time /orders/1/receivedAt',
      'sla-missing-stage /orders/2/acceptedAt',
      'sla-missing-stage /orders/2/processedAt',
      'sla-duplicate-id /orders/3/id',
      'sla-time /orders/3/receivedAt',
      'sla-time /orders/4/receivedAt',
      'sla-policy /orders/4/policy/acceptWithin',
      'sla-id /orders/5/id',
    ]);
    expect(e.issues[0].message).toMatch(/no UTC offset/);
    expect(e.issues[5].message).toMatch(/day 30/);
  });

  it('refuses a missing or unreadable now', () => {
    expect(catchError(() => checkSla([], { now: undefined as never })).pointer).toBe('/now');
    expect(catchError(() => checkSla([], { now: '2026-11-22T25:00:00Z' })).code).toBe('sla-now');
  });

  it('an empty order list gives zero totals and null rates', () => {
    const r = checkSla([], { now: T0 });
    expect(r.orders).toEqual([]);
    expect(r.totals.accept).toEqual({ total: 0, met: 0, breached: 0, pending: 0, atRisk: 0, notApplicable: 0, onTimeRate: null });
  });
});

// --- properties -------------------------------------------------------------

/** Orders with events in order: each stage happens (or not) a random delay after the previous. */
const orderArb = fc
  .record({
    received: fc.integer({ min: 0, max: 10 * H }),
    gaps: fc.array(fc.integer({ min: 0, max: 5 * H }), { minLength: 4, maxLength: 4 }),
    happened: fc.integer({ min: 0, max: 4 }),
    promise: fc.option(fc.integer({ min: 0, max: 12 * H }), { nil: undefined }),
    forecast: fc.option(fc.integer({ min: 0, max: 12 * H }), { nil: undefined }),
  })
  .map(({ received, gaps, happened, promise, forecast }) => {
    const o: SlaOrder = { id: 0, receivedAt: T0 + received };
    const fields = ['acceptedAt', 'processedAt', 'departedAt', 'deliveredAt'] as const;
    let t = T0 + received;
    for (let k = 0; k < happened; k++) {
      t += gaps[k];
      o[fields[k]] = t;
    }
    if (promise !== undefined) o.promisedBy = T0 + received + promise;
    if (forecast !== undefined) o.forecast = { depart: T0 + received + forecast, deliver: T0 + received + forecast + H };
    return o;
  });

const ordersArb = fc.array(orderArb, { maxLength: 20 }).map((os) => os.map((o, i) => ({ ...o, id: `o${i}` })));

function consistent(r: SlaReport): void {
  for (const o of r.orders) {
    for (const s of Object.values(o.stages)) {
      switch (s.status) {
        case 'met':
          expect(s.at! <= s.deadline!).toBe(true);
          break;
        case 'breached':
          expect(s.breachMs!).toBeGreaterThan(0);
          expect(s.breachMs).toBe((s.at ?? r.now) - s.deadline!);
          break;
        case 'pending':
        case 'at-risk':
          expect(s.at).toBeUndefined();
          expect(s.slackMs!).toBeGreaterThanOrEqual(0);
          expect(s.slackMs).toBe(s.deadline! - r.now);
          // at-risk exactly when a forecast says never or lies after the deadline
          expect(s.status === 'at-risk').toBe(s.forecast === null || (s.forecast !== undefined && s.forecast > s.deadline!));
          if (s.status === 'at-risk' && s.forecast != null) expect(s.forecastBreachMs).toBe(s.forecast - s.deadline!);
          break;
        case 'not-applicable':
          expect(s.deadline).toBeNull();
      }
    }
  }
  for (const t of Object.values(r.totals)) {
    expect(t.met + t.breached + t.pending + t.atRisk + t.notApplicable).toBe(t.total);
    expect(t.total).toBe(r.orders.length);
    if (t.onTimeRate !== null) {
      expect(t.onTimeRate).toBeGreaterThanOrEqual(0);
      expect(t.onTimeRate).toBeLessThanOrEqual(1);
    } else expect(t.met + t.breached).toBe(0);
  }
}

describe('checkSla properties', () => {
  it('statuses agree with the signs of slack and breach; totals add up to the order count', () => {
    fc.assert(
      fc.property(ordersArb, fc.integer({ min: 0, max: 20 * H }), (orders, nowOffset) => {
        consistent(checkSla(orders, { now: T0 + nowOffset }));
      }),
      { numRuns: 200 },
    );
  });

  it('moving every time and now by the same amount changes no status', () => {
    fc.assert(
      fc.property(ordersArb, fc.integer({ min: 0, max: 20 * H }), fc.integer({ min: -1e12, max: 1e12 }), (orders, nowOffset, shift) => {
        const move = (v: unknown) => (typeof v === 'number' ? v + shift : v);
        const moved = orders.map((o) => ({
          ...o,
          receivedAt: move(o.receivedAt) as number,
          acceptedAt: move(o.acceptedAt) as number | undefined,
          processedAt: move(o.processedAt) as number | undefined,
          departedAt: move(o.departedAt) as number | undefined,
          deliveredAt: move(o.deliveredAt) as number | undefined,
          promisedBy: move(o.promisedBy) as number | undefined,
          forecast: o.forecast && { depart: move(o.forecast.depart) as number, deliver: move(o.forecast.deliver) as number },
        }));
        const a = checkSla(orders, { now: T0 + nowOffset });
        const b = checkSla(moved, { now: T0 + nowOffset + shift });
        expect(b.orders.map((o) => Object.values(o.stages).map((s) => s.status))).toEqual(
          a.orders.map((o) => Object.values(o.stages).map((s) => s.status)),
        );
        expect(b.totals).toEqual(a.totals);
      }),
      { numRuns: 100 },
    );
  });

  it('any accept time later than the deadline by d > 0 ms is breached by exactly d', () => {
    fc.assert(
      fc.property(fc.integer({ min: -H, max: H }), (d) => {
        const r = checkSla([{ id: 1, receivedAt: T0, acceptedAt: T0 + H + d }], { now: T0 + 3 * H });
        const s = r.orders[0].stages.accept;
        if (d <= 0) expect(s.status).toBe('met');
        else expect(s).toMatchObject({ status: 'breached', breachMs: d });
      }),
    );
  });
});
