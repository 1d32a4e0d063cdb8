import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ExchangeHub, betterOffer } from '../../src/workers/exchange-hub.js';
import type { ExchangeOffer } from '../../src/solver/index.js';

const offer = (cost: number, feasible = true, tag = String(cost)): ExchangeOffer => ({
  cost,
  feasible,
  plan: { routes: [{ vehicle: tag, steps: [] }] },
});
const tagOf = (p: { routes: { vehicle: unknown }[] } | undefined) => (p ? String(p.routes[0].vehicle) : undefined);

describe('betterOffer', () => {
  it('prefers feasible plans, then lower cost, and nothing over something', () => {
    expect(betterOffer(offer(10, true), offer(5, false))).toBe(true);
    expect(betterOffer(offer(5, false), offer(10, true))).toBe(false);
    expect(betterOffer(offer(4), offer(5))).toBe(true);
    expect(betterOffer(offer(5), offer(5))).toBe(false);
    expect(betterOffer(offer(5), null)).toBe(true);
    expect(betterOffer(null, offer(5))).toBe(false);
  });
});

describe('ExchangeHub, barrier mode', () => {
  it('settles a round only when every running search has offered, then hands the elite to the worse ones', async () => {
    const hub = new ExchangeHub(3, 'barrier');
    const answers: (string | undefined)[] = [];
    let settled = 0;
    const a = hub.offer(0, offer(30, true, 'a'), 10).then((p) => ((answers[0] = tagOf(p)), settled++));
    const b = hub.offer(1, offer(20, true, 'b'), 10).then((p) => ((answers[1] = tagOf(p)), settled++));
    await Promise.resolve();
    expect(settled).toBe(0); // search 2 has not offered yet
    const c = hub.offer(2, offer(25, true, 'c'), 10).then((p) => ((answers[2] = tagOf(p)), settled++));
    await Promise.all([a, b, c]);
    expect(answers).toEqual(['b', undefined, 'b']);
    expect(hub.best?.cost).toBe(20);
  });

  it('does not wait for a search that has finished', async () => {
    const hub = new ExchangeHub(2, 'barrier');
    const p = hub.offer(0, offer(9, true, 'x'), 5);
    hub.finish(1);
    expect(await p).toBeUndefined();
  });

  it('answers the same whatever order the offers arrive in (reproducible rounds)', async () => {
    const costs = [[50, 40, 45], [39, 41, 38], [37, 37, 36]]; // per round, per search
    const run = async (order: number[]) => {
      const hub = new ExchangeHub(3, 'barrier');
      const got: (string | undefined)[][] = [];
      for (let r = 0; r < costs.length; r++) {
        const pending: Promise<void>[] = [];
        const row: (string | undefined)[] = [];
        for (const s of order) pending.push(hub.offer(s, offer(costs[r][s], true, `${r}:${s}`), 10 * (r + 1)).then((p) => void (row[s] = tagOf(p))));
        await Promise.all(pending);
        got.push(row);
      }
      return got;
    };
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }), async (order) => {
        expect(await run(order)).toEqual(await run([0, 1, 2]));
      }),
      { numRuns: 12 },
    );
    expect(await run([2, 1, 0])).toEqual([
      ['0:1', undefined, '0:1'],
      ['1:2', '1:2', undefined],
      ['2:2', '2:2', undefined],
    ]);
  });
});

describe('ExchangeHub, async mode', () => {
  it('answers at once with the best plan handed in so far', async () => {
    const hub = new ExchangeHub(2, 'async');
    expect(await hub.offer(0, offer(10, true, 'a'), 1)).toBeUndefined();
    expect(tagOf(await hub.offer(1, offer(12, true, 'b'), 1))).toBe('a');
    expect(await hub.offer(1, offer(8, true, 'b2'), 2)).toBeUndefined();
    expect(tagOf(await hub.offer(0, null, 2))).toBe('b2');
    expect(hub.adoptions).toBe(2);
  });
});
