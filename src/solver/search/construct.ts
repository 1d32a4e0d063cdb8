/**
 * A first plan fast: Clarke & Wright savings over the granular
 * neighbourhood, with every merge priced exactly by segment concatenation
 * (so windows, capacity, shift and limits are respected), then the routes
 * are laid onto the fleet slots. Chains start as single clients; the chain
 * ending at i and the chain starting at j merge, by decreasing saving
 * d(i, end) + d(start, j) − d(i, j), when the merged route is feasible and
 * cheaper than the two apart (or when there are more chains than routes).
 * Chains beyond the fleet are dissolved and their clients inserted greedily.
 * Used when every vehicle type shares one start and one end point; other
 * fleets start from greedy insertion alone.
 */
import type { Inserter } from './insert.js';
import type { Neighbourhood } from './neighbourhood.js';
import type { SearchRoutes } from './routes.js';
import { SegmentTable } from './table.js';
import { runPausing, runSteps } from '../../core/pacer.js';
import { sortSteps } from '../../core/sort.js';

/** Whether savings applies: one start point and one end point for the whole fleet. */
export function savingsApplies(rs: SearchRoutes): boolean {
  const cp = rs.data.cp;
  for (let t = 1; t < cp.T; t++) if (cp.typeStart[t] !== cp.typeStart[0] || cp.typeEnd[t] !== cp.typeEnd[0]) return false;
  return true;
}

/**
 * Builds routes by savings into the (empty) working solution. `pause`, when
 * given, is awaited every so often (it may yield to the event loop); when it
 * resolves true the construction stops where it is (an abort).
 */
export async function savingsConstruction(rs: SearchRoutes, nb: Neighbourhood, inserter: Inserter, pause?: () => Promise<boolean>): Promise<void> {
  const data = rs.data, n = rs.n, R = rs.R;
  if (n === 0 || R === 0) return;
  const type = data.slotType[0];
  const s = data.startOf(0), e = data.endOf(0);
  // chain bookkeeping: head/tail of the chain each client belongs to (valid at heads and tails)
  const head = new Int32Array(n), tail = new Int32Array(n), next = new Int32Array(n).fill(-1);
  const chain = new SegmentTable(n, data.dims); // summary of the chain, stored at its head
  const chainCost = new Float64Array(n);
  const acc = rs.a;
  for (let c = 0; c < n; c++) {
    head[c] = tail[c] = c;
    acc.startNode(c, type).store(chain, c);
    chainCost[c] = rs.b.startNode(s, type).append(chain, c).node(e).price();
    if (pause && (c & 127) === 127 && (await pause())) return;
  }
  let chains = n;
  // a shipment starts as the chain pickup → delivery
  const partner = data.partner, isPickup = data.isPickup;
  for (let c = 0; c < n; c++) {
    if (partner[c] < 0 || !isPickup[c]) continue;
    const d = partner[c];
    next[c] = d;
    head[d] = c;
    tail[c] = tail[d] = d;
    acc.startNode(c, type).append(chain, d).store(chain, c);
    chainCost[c] = rs.b.startNode(s, type).append(chain, c).node(e).price();
    chains--;
  }
  // savings over neighbour pairs, both directions
  const m = nb.list.length;
  const si = new Int32Array(2 * m), sj = new Int32Array(2 * m);
  const sv = new Float64Array(2 * m);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let q = nb.start[i]; q < nb.start[i + 1]; q++) {
      const j = nb.list[q];
      si[k] = i; sj[k] = j; sv[k++] = data.d(i, e) + data.d(s, j) - data.d(i, j);
      si[k] = j; sj[k] = i; sv[k++] = data.d(j, e) + data.d(s, i) - data.d(j, i);
    }
    if (pause && (i & 31) === 31 && (await pause())) return;
  }
  const idx = new Int32Array(k);
  for (let x = 0; x < k; x++) idx[x] = x;
  // the same order as idx.sort(cmp) (a total order), in steps that may yield
  const sorting = sortSteps(idx, (a, b) => sv[b] - sv[a] || a - b);
  if ((pause ? await runPausing(sorting, pause) : runSteps(sorting)) === undefined) return;
  for (let x = 0; x < k; x++) {
    if (pause && (x & 1023) === 1023 && (await pause())) return;
    const i = si[idx[x]], j = sj[idx[x]];
    if (next[i] !== -1 || head[j] !== j) continue; // i must end a chain, j must start one
    const hi = head[i];
    if (hi === j) continue; // same chain
    const cost = rs.b.startNode(s, type).append(chain, hi).append(chain, j).node(e).price();
    if (rs.b.loadExcess > 0 || rs.b.timeWarp > 0) continue;
    if (cost >= chainCost[hi] + chainCost[j] && chains <= R) continue;
    acc.start(chain, hi, type).append(chain, j).store(chain, hi);
    chainCost[hi] = cost;
    next[i] = j;
    const tj = tail[j];
    for (let w = j; w !== -1; w = next[w]) head[w] = hi;
    tail[hi] = tj;
    tail[tj] = tj;
    chains--;
  }
  // lay the largest chains onto the slots, insert the rest greedily
  const heads: number[] = [];
  for (let c = 0; c < n; c++) if (head[c] === c) heads.push(c);
  heads.sort((a, b) => chain.count[b] - chain.count[a] || a - b);
  const list = rs.bufA;
  const leftover: number[] = [];
  for (let h = 0; h < heads.length; h++) {
    let len = 0;
    for (let w = heads[h]; w !== -1; w = next[w]) list[len++] = w;
    if (h < R) {
      rs.setRoute(h, list, 0, len);
      rs.update(h);
    } else for (let z = 0; z < len; z++) leftover.push(list[z]);
  }
  for (let i = 0; i < leftover.length; i++) {
    inserter.insert(leftover[i]);
    if (pause && (i & 15) === 15 && (await pause())) return;
  }
}

/** Greedy insertion of every client (in the given order) into an empty working solution; `pause` as for savings. */
export async function insertionConstruction(inserter: Inserter, order: Int32Array, pause?: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < order.length; i++) {
    inserter.insert(order[i]);
    if (pause && (i & 15) === 15 && (await pause())) return;
  }
}
