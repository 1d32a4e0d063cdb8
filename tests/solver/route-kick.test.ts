/**
 * What the ILS does when it stagnates: a route-elimination kick from the best
 * (route-kick.ts), and string ruins (perturb.ts). The kick either removes a
 * route with a feasible plan or leaves the plan as it was and waits twice as
 * long; solves with both give checked, reproducible plans.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { checkSolution, solve } from '../../src/index.js';
import { Inserter } from '../../src/solver/search/insert.js';
import { LocalSearch } from '../../src/solver/search/local-search.js';
import { computeNeighbourhood } from '../../src/solver/search/neighbourhood.js';
import { Perturbation } from '../../src/solver/search/perturb.js';
import { KickCall, RouteKick } from '../../src/solver/search/route-kick.js';
import { RouteSplit } from '../../src/solver/search/route-split.js';
import { fleetLowerBound } from '../../src/solver/search/route-min.js';
import { defaultRouteKick, defaultStringRuin } from '../../src/solver/run-ils.js';
import type { SearchRoutes } from '../../src/solver/search/routes.js';
import { problem, routesOf } from './windows-fixture.js';

const never = async (): Promise<boolean> => false;

function clientsOf(rs: SearchRoutes): number[] {
  const out: number[] = [];
  for (let r = 0; r < rs.R; r++) for (let p = 1; p <= rs.len[r]; p++) out.push(rs.nodes[r][p]);
  return out.sort((a, b) => a - b);
}

function used(rs: SearchRoutes): number {
  let k = 0;
  for (let r = 0; r < rs.R; r++) if (rs.len[r] > 0) k++;
  return k;
}

describe('RouteKick', () => {
  it('removes one route from a plan with routes to spare, keeping every client and the plan feasible', () => {
    return fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), async (seed) => {
        const p = problem(12, seed);
        // one client per route: feasible (as many vans as clients), far above the load bound
        const rs = routesOf(p, Array.from({ length: 12 }, (_, i) => [i]));
        const nb = computeNeighbourhood(rs.data.cp, 11);
        const kick = new RouteKick(rs, nb, seed, 5, 2000);
        expect(kick.due(4, 12)).toBe(KickCall.None);
        expect(kick.due(5, 12)).toBe(KickCall.Kick);
        expect(kick.due(5, fleetLowerBound(rs))).toBe(KickCall.None);
        const ok = await kick.kick(never);
        expect(clientsOf(rs)).toEqual(Array.from({ length: 12 }, (_, i) => i));
        for (let r = 0; r < rs.R; r++) {
          expect(rs.loadExcess[r]).toBeLessThanOrEqual(1e-7);
          expect(rs.timeWarp[r]).toBeLessThanOrEqual(1e-7);
        }
        expect(used(rs)).toBe(ok ? 11 : 12);
        expect(kick.tried).toBe(1);
        expect(kick.removed).toBe(ok ? 1 : 0);
      }),
      { numRuns: 40 },
    );
  });

  it('after a failed kick the plan is unchanged and the next waits twice as long', async () => {
    const p = problem(12, 7);
    const lists = [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]];
    const rs = routesOf(p, lists);
    const nb = computeNeighbourhood(rs.data.cp, 11);
    // one step cannot place the six clients of a removed route
    const kick = new RouteKick(rs, nb, 1, 10, 1);
    expect(kick.due(10, 2)).toBe(KickCall.Kick);
    expect(await kick.kick(never)).toBe(false);
    for (let r = 0; r < 2; r++) expect(Array.from(rs.nodes[r].slice(1, rs.len[r] + 1))).toEqual(lists[r]);
    expect(kick.due(19, 2)).toBe(KickCall.None);
    expect(kick.due(20, 2)).toBe(KickCall.Kick);
  });

  it('a kick that brings no new best sends the search back to the best and doubles the wait; one that does, not', async () => {
    const p = problem(12, 3);
    const single = Array.from({ length: 12 }, (_, i) => [i]);
    const rs = routesOf(p, single);
    const fruitless = new RouteKick(rs, computeNeighbourhood(rs.data.cp, 11), 1, 10, 2000);
    expect(fruitless.due(10, 12)).toBe(KickCall.Kick);
    expect(await fruitless.kick(never)).toBe(true);
    // no new best since: the next call is a return to the best, then the wait is 20
    expect(fruitless.due(10, 11)).toBe(KickCall.Back);
    expect(fruitless.due(19, 11)).toBe(KickCall.None);
    expect(fruitless.due(20, 11)).toBe(KickCall.Kick);

    const rs2 = routesOf(p, single);
    const fruitful = new RouteKick(rs2, computeNeighbourhood(rs2.data.cp, 11), 1, 10, 2000);
    expect(await fruitful.kick(never)).toBe(true);
    fruitful.improved();
    expect(fruitful.due(10, 11)).toBe(KickCall.Kick);
  });
});

describe('RouteSplit (the route-opening kick)', () => {
  it('moves the clients nearest a random one into an empty route — as many as a route of one more holds — keeping every client once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 4 }), (seed, k) => {
        const p = problem(24, seed);
        const lists = Array.from({ length: k }, (_, r) => Array.from({ length: 24 / k }, (_, i) => r * (24 / k) + i));
        const rs = routesOf(p, lists);
        const nb = computeNeighbourhood(rs.data.cp, 23);
        const before = lists.map((l) => l.slice());
        const opener = new RouteSplit(rs, nb, new Inserter(rs, nb), new Rng(seed));
        expect(opener.split()).toBe(true);
        expect(clientsOf(rs)).toEqual(Array.from({ length: 24 }, (_, i) => i));
        expect(used(rs)).toBe(k + 1);
        // the new route is the first slot that was empty, with round(24 / (k + 1)) clients (the granular list holds them all)
        const opened = Array.from(rs.nodes[k].slice(1, rs.len[k] + 1));
        expect(opened.length).toBe(Math.round(24 / (k + 1)));
        // the other routes kept their other clients, in their order
        for (let r = 0; r < k; r++) {
          expect(Array.from(rs.nodes[r].slice(1, rs.len[r] + 1))).toEqual(before[r].filter((c) => !opened.includes(c)));
        }
        // route data are up to date: positions and costs match a fresh update
        for (let r = 0; r <= k; r++) for (let q = 1; q <= rs.len[r]; q++) expect(rs.pos[rs.nodes[r][q]]).toBe(q);
        const costs = Array.from(rs.cost);
        for (let r = 0; r < rs.R; r++) rs.update(r);
        expect(Array.from(rs.cost)).toEqual(costs);
      }),
      { numRuns: 40 },
    );
  });

  it('fails, leaving the plan unchanged, when no empty route is left', () => {
    const p = { ...problem(6, 5), vehicles: problem(6, 5).vehicles.slice(0, 2) };
    const rs = routesOf(p, [[0, 1, 2], [3, 4, 5]]);
    const nb = computeNeighbourhood(rs.data.cp, 5);
    expect(new RouteSplit(rs, nb, new Inserter(rs, nb), new Rng(1)).split()).toBe(false);
    expect(Array.from(rs.nodes[0].slice(1, 4))).toEqual([0, 1, 2]);
    expect(Array.from(rs.nodes[1].slice(1, 4))).toEqual([3, 4, 5]);
  });

  it('with an opener, kicks alternate: remove a route, then open one; at the load bound every kick opens', async () => {
    const p = problem(12, 9);
    const rs = routesOf(p, [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);
    const nb = computeNeighbourhood(rs.data.cp, 11);
    const kick = new RouteKick(rs, nb, 1, 5, 2000, new RouteSplit(rs, nb, new Inserter(rs, nb), new Rng(2)));
    expect(kick.due(5, 3)).toBe(KickCall.Kick);
    const removed = await kick.kick(never);
    const after1 = used(rs);
    expect(after1).toBe(removed ? 2 : 3);
    kick.improved();
    // the second kick opens a route: its clients come from routes longer than it, so none empties
    expect(await kick.kick(never)).toBe(true);
    expect(used(rs)).toBe(after1 + 1);
    expect([kick.tried, kick.removed, kick.opened]).toEqual([2, removed ? 1 : 0, 1]);
    expect(clientsOf(rs)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    // at the bound a plain kick is never due; with an opener it is, and opens
    const bound = fleetLowerBound(rs);
    const atBound = routesOf(p, [Array.from({ length: 12 }, (_, i) => i)]);
    const nb2 = computeNeighbourhood(atBound.data.cp, 11);
    expect(new RouteKick(atBound, nb2, 1, 5, 2000).due(5, bound)).toBe(KickCall.None);
    const k2 = new RouteKick(atBound, nb2, 1, 5, 2000, new RouteSplit(atBound, nb2, new Inserter(atBound, nb2), new Rng(3)));
    expect(k2.due(5, 1)).toBe(KickCall.Kick);
    expect(await k2.kick(never)).toBe(true);
    expect(used(atBound)).toBe(2);
    expect(k2.opened).toBe(1);
  });
});

describe('string ruins', () => {
  it('cut runs of consecutive clients, at most one per route and stringMax long, and put every client back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 6 }), (seed, stringMax) => {
        const p = problem(24, seed);
        const lists = [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15], [16, 17, 18, 19, 20, 21, 22, 23]];
        const rs = routesOf(p, lists);
        const nb = computeNeighbourhood(rs.data.cp, 8);
        const inserter = new Inserter(rs, nb);
        const ls = new LocalSearch(rs, nb, inserter, new Rng(seed), true);
        const removed = new Set<number>();
        const remove = rs.remove.bind(rs);
        rs.remove = (u: number) => { removed.add(u); remove(u); };
        const pert = new Perturbation(rs, nb, inserter, ls, new Rng(seed), 1, 10, 0, stringMax);
        const moved = pert.perturb();
        expect(moved).toBe(removed.size);
        expect(moved).toBeGreaterThanOrEqual(1);
        expect(moved).toBeLessThanOrEqual(10);
        expect(clientsOf(rs)).toEqual(Array.from({ length: 24 }, (_, i) => i));
        // the removed clients form at most one run per route, each at most stringMax long
        for (const l of lists) {
          const at = l.map((c, i) => (removed.has(c) ? i : -1)).filter((i) => i >= 0);
          if (at.length === 0) continue;
          expect(at.length).toBeLessThanOrEqual(stringMax);
          expect(at[at.length - 1] - at[0]).toBe(at.length - 1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('solving with kicks and string ruins', () => {
  it('are on by default above 500 clients with time windows; up to 500 the kick only on long routes', () => {
    expect(defaultRouteKick({ n: 1000, hasTime: true })).toBe(3000);
    expect(defaultStringRuin({ n: 1000, hasTime: true })).toBe(10);
    expect(defaultRouteKick({ n: 100, hasTime: true }, true)).toBe(300);
    expect(defaultRouteKick({ n: 100, hasTime: false }, true)).toBe(0);
    for (const cp of [{ n: 500, hasTime: true }, { n: 1000, hasTime: false }]) {
      expect(defaultRouteKick(cp)).toBe(0);
      expect(defaultStringRuin(cp)).toBe(0);
    }
  });

  it('solve kicks by default on 40 clients only where the loads allow long routes, under the cost or fewest-vehicles objective', async () => {
    const short = problem(40, 11); // capacity 40, about 120 units: at least 3 routes, at most ~13 clients each
    const long = { ...short, vehicles: short.vehicles.map((v) => ({ ...v, capacity: [1000] })) }; // one route could hold all
    const base = { algorithm: 'ils' as const, seed: 2, maxIterations: 400 };
    const run = async (p: typeof short, extra: object) => {
      const s = await solve(p, { ...base, ...extra });
      const c = checkSolution(p, s);
      expect(c.violations).toEqual([]);
      expect(s.unassigned).toEqual([]);
      return `${JSON.stringify(s.routes)} ${s.stats?.evaluations}`;
    };
    // long routes: the default is a kick after 3 × 40 iterations without a new best, and one happened
    expect(await run(long, {})).toBe(await run(long, { routeKickAfter: 120 }));
    expect(await run(long, {})).not.toBe(await run(long, { routeKickAfter: 0 }));
    // under the cost objective up to 500 clients every other kick opens a route: on by default, and it changes the search
    expect(await run(long, {})).toBe(await run(long, { routeOpeningKicks: true }));
    expect(await run(long, {})).not.toBe(await run(long, { routeOpeningKicks: false }));
    // fewest-vehicles on long routes (its route phase, then fresh starts): the same kick, removing routes only
    const fewest = { objective: 'fewest-vehicles' };
    expect(await run(long, fewest)).toBe(await run(long, { ...fewest, routeKickAfter: 120 }));
    expect(await run(long, fewest)).toBe(await run(long, { ...fewest, routeOpeningKicks: false }));
    // short routes, or balance (which wants routes): no kick
    expect(await run(short, {})).toBe(await run(short, { routeKickAfter: 0 }));
    const balance = { objective: { type: 'balance', weight: 1 } };
    expect(await run(long, balance)).toBe(await run(long, { ...balance, routeKickAfter: 0 }));
  });

  it('give checked plans, the same twice, and searches that differ from the plain one', async () => {
    const p = problem(40, 11);
    const base = { algorithm: 'ils' as const, seed: 2, maxIterations: 300, stringRuin: 0, routeKickAfter: 0 };
    const plain = await solve(p, base);
    const kicked = await solve(p, { ...base, routeKickAfter: 20 });
    const again = await solve(p, { ...base, routeKickAfter: 20 });
    const strings = await solve(p, { ...base, stringRuin: 5 });
    for (const s of [plain, kicked, strings]) {
      const c = checkSolution(p, s);
      expect(c.feasible).toBe(true);
      expect(s.unassigned).toEqual([]);
    }
    expect(JSON.stringify(again.routes)).toBe(JSON.stringify(kicked.routes));
    // a kick draws from its own stream: a different search means a kick happened
    expect(kicked.stats?.evaluations).not.toBe(plain.stats?.evaluations);
    expect(strings.stats?.evaluations).not.toBe(plain.stats?.evaluations);
  });
});
