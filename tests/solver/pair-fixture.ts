/**
 * Shared set-up of the pair-move tests (pair-moves.test.ts,
 * pair-exchange.test.ts): random shipment problems (plane or an arbitrary
 * matrix), search state with fixed penalty weights, random plans that keep
 * every pair on one route in order, and the from-scratch price of a client list.
 */
import { Rng } from '../../src/core/rng.js';
import type { Problem } from '../../src/model/types.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { SearchData } from '../../src/solver/search/data.js';
import { SearchRoutes } from '../../src/solver/search/routes.js';

/** A random problem of `ships` shipments (and a few jobs); a random matrix instead of the plane when `matrix`. */
export function makeProblem(seed: number, ships: number, windows: boolean, matrix: boolean): Problem {
  const rng = new Rng(seed);
  const coordinates: [number, number][] = [[50, 50]];
  for (let i = 0; i < 2 * ships + 3; i++) coordinates.push([rng.int(101), rng.int(101)]);
  const L = coordinates.length;
  const travel: Problem['travel'] = matrix
    ? { type: 'matrix', size: L, durations: Array.from({ length: L * L }, (_, k) => (k % (L + 1) === 0 ? 0 : 1 + rng.int(120))) }
    : { type: 'euclidean', coordinates };
  return {
    travel,
    vehicles: Array.from({ length: 3 }, (_, k) => ({ id: `v${k}`, start: 0, end: 0, capacity: [25], ...(windows ? { shift: [0, 2000] as [number, number] } : {}) })),
    jobs: Array.from({ length: 3 }, (_, i) => ({ id: `j${i}`, location: 2 * ships + 1 + i, delivery: [rng.int(6)], serviceDuration: rng.int(10) })),
    shipments: Array.from({ length: ships }, (_, i) => {
      const e = rng.int(800);
      return {
        id: `s${i}`,
        amount: [1 + rng.int(8)],
        pickup: { location: 1 + 2 * i, serviceDuration: rng.int(15), ...(windows ? { timeWindows: [[e, e + 300]] as [number, number][] } : {}) },
        delivery: { location: 2 + 2 * i, serviceDuration: rng.int(15), ...(windows ? { timeWindows: [[e, e + 900]] as [number, number][] } : {}) },
      };
    }),
  };
}

/** Search state for `problem` with fixed penalty weights (no plan yet). */
export function searchState(problem: Problem): { data: SearchData; rs: SearchRoutes } {
  const cp = compileProblem(problem, { granularSize: 0 });
  const data = new SearchData(cp, fleetSlots(cp).slotType);
  data.wQ = 3;
  data.wTW = 2;
  return { data, rs: new SearchRoutes(data) };
}

/** A random plan of every client (a pair on one route, pickup first), from the seed. */
export function randomPlan(rs: SearchRoutes, seed: number): void {
  const data = rs.data;
  const rng = new Rng(seed);
  const order = Array.from({ length: rs.n }, (_, i) => i);
  rng.shuffle(order);
  const lists: number[][] = Array.from({ length: rs.R }, () => []);
  for (const c of order) {
    const z = data.partner[c];
    if (z >= 0 && !data.isPickup[c]) continue;
    const l = lists[rng.int(rs.R)];
    const p = rng.int(l.length + 1);
    if (z < 0) l.splice(p, 0, c);
    else l.splice(p, 0, c, ...l.splice(p, rng.int(l.length - p + 1)), z);
  }
  for (let r = 0; r < rs.R; r++) {
    rs.setRoute(r, lists[r]);
    rs.update(r);
  }
}

/** The clients of route r, in order. */
export function clientsOf(rs: SearchRoutes, r: number): number[] {
  return Array.from(rs.nodes[r].subarray(1, rs.len[r] + 1));
}

/** The exact price of route r with its client list replaced by `list`. */
export function priceList(rs: SearchRoutes, r: number, list: number[]): number {
  const acc = rs.a.startNode(rs.data.startOf(r), rs.typeOf(r));
  for (const c of list) acc.node(c);
  return acc.node(rs.data.endOf(r)).price();
}

/** The pickup and the delivery of client u's shipment. */
export function pairOf(rs: SearchRoutes, u: number): [number, number] {
  const z = rs.data.partner[u];
  return rs.data.isPickup[u] ? [u, z] : [z, u];
}
