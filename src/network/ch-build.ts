/**
 * Building a contraction hierarchy: nodes are contracted one by one, least
 * important first; contracting `v` removes it from the graph and adds a
 * shortcut `u → x` for every pair of neighbours whose only shortest connection
 * ran through `v` (see ch-witness.ts). The hierarchy is the original arcs plus
 * every shortcut, each kept at its lower end (see ch-types.ts).
 *
 * Order: a node's priority is
 *   2 · (arcs added / arcs removed) + (hops added / hops removed)
 *   + level + deleted neighbours / 2,
 * where "hops" count the original arcs a shortcut stands for, `level` is one
 * more than the highest level of a contracted neighbour (keeps the hierarchy
 * shallow) and "deleted neighbours" counts the neighbours contracted so far
 * (spreads contraction evenly over the map). Priorities are updated lazily —
 * the node on top is re-evaluated before it is contracted and goes back into
 * the queue when it is no longer the least — and the neighbours of every
 * contracted node are re-evaluated at once.
 */
import { ContractionGraph } from './ch-graph.js';
import { LexHeap } from './ch-heap.js';
import type { Hierarchy, HierarchyMetric } from './ch-types.js';
import { WitnessSearch } from './ch-witness.js';
import type { Topology } from './topology.js';

/**
 * Work bounds (nodes settled plus arcs scanned) of one witness search: while
 * ordering (estimates) and while contracting. Bounding the arcs scanned, not
 * just the nodes settled, keeps searches cheap in the dense top of the order.
 */
const SIMULATE_WORK = 300;
const CONTRACT_WORK = 3000;

export interface BuildInput {
  topology: Topology;
  metric: HierarchyMetric;
  /** Per-arc weights of the metric (CSR order). */
  weight: Float64Array;
  /** Per-arc tie-break weights, or null (ties then stay ties). */
  weight2: Float64Array | null;
  checksum: number;
  /**
   * A contraction order to follow (node index per rank, e.g. another
   * hierarchy's `order`): no ordering work, only the contraction itself.
   */
  order?: Int32Array;
}

/** What contracting a node would do. */
interface Effect {
  arcsAdded: number;
  hopsAdded: number;
}

/** Builds the hierarchy (deterministic: same input, same hierarchy). */
export function buildHierarchy(input: BuildInput): Hierarchy {
  const t = input.topology;
  const n = t.nodeCount;
  const w = input.weight;
  const w2 = input.weight2;
  const degree = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    for (let a = t.fwdOffsets[u]; a < t.fwdOffsets[u + 1]; a++) {
      const v = t.fwdHeads[a];
      if (v !== u && w[a] < Infinity) {
        degree[u]++;
        degree[v]++;
      }
    }
  }
  for (let v = 0; v < n; v++) degree[v] += 2;
  const g = new ContractionGraph(n, 1);
  g.reserve(degree);
  for (let u = 0; u < n; u++) {
    for (let a = t.fwdOffsets[u]; a < t.fwdOffsets[u + 1]; a++) {
      const v = t.fwdHeads[a];
      if (v !== u && w[a] < Infinity) g.offer(u, v, w[a], w2 ? w2[a] : 0, -1 - a, 1);
    }
  }

  const witness = new WitnessSearch(n);
  const level = new Int32Array(n);
  const deleted = new Int32Array(n);
  const effect: Effect = { arcsAdded: 0, hopsAdded: 0 };
  const pending: number[] = [];

  /**
   * Runs the witness searches for contracting `v`. With `record`, the needed
   * shortcuts are pushed to `pending` as (from, to, slotIn, slotOut) quads.
   */
  const simulate = (v: number, maxWork: number, record: boolean): Effect => {
    effect.arcsAdded = 0;
    effect.hopsAdded = 0;
    const s = g.start[v];
    const e = s + g.len[v];
    for (let i = s; i < e; i++) {
      const wi = g.in[i];
      if (wi === Infinity) continue;
      const u = g.to[i];
      let limit = -Infinity;
      let limit2 = -Infinity;
      let targets = 0;
      witness.clearTargets();
      for (let j = s; j < e; j++) {
        if (j === i || g.out[j] === Infinity) continue;
        witness.addTarget(g.to[j]);
        const c = wi + g.out[j];
        const c2 = g.in2[i] + g.out2[j];
        if (c > limit || (c === limit && c2 > limit2)) {
          limit = c;
          limit2 = c2;
        }
        targets++;
      }
      if (targets === 0) continue;
      witness.run(g, u, v, limit, limit2, maxWork);
      for (let j = s; j < e; j++) {
        if (j === i || g.out[j] === Infinity) continue;
        const x = g.to[j];
        if (witness.reaches(x, wi + g.out[j], g.in2[i] + g.out2[j])) continue;
        effect.arcsAdded++;
        effect.hopsAdded += g.hopIn[i] + g.hopOut[j];
        if (record) pending.push(u, x, i, j);
      }
    }
    return effect;
  };

  const priority = (v: number): number => {
    let arcs = 0;
    let hops = 0;
    for (let i = g.start[v], e = i + g.len[v]; i < e; i++) {
      if (g.out[i] < Infinity) {
        arcs++;
        hops += g.hopOut[i];
      }
      if (g.in[i] < Infinity) {
        arcs++;
        hops += g.hopIn[i];
      }
    }
    const { arcsAdded, hopsAdded } = simulate(v, SIMULATE_WORK, false);
    if (arcs === 0) return level[v] + deleted[v] / 2;
    return (2 * arcsAdded) / arcs + hopsAdded / hops + level[v] + deleted[v] / 2;
  };

  const given = input.order;
  const queue = new LexHeap(given ? 0 : n);
  if (!given) for (let v = 0; v < n; v++) queue.push(v, priority(v), v);

  // Final arcs, collected in contraction order (node indices; ranks mapped at the end).
  const fwd = new ArcList(2 * t.arcCount);
  const bwd = new ArcList(2 * t.arcCount);
  const fwdCount = new Int32Array(n + 1);
  const bwdCount = new Int32Array(n + 1);
  const rank = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  let next = 0;
  while (given ? next < n : queue.size > 0) {
    let v: number;
    if (given) v = given[next];
    else {
      v = queue.nodes[0];
      const p = priority(v);
      if (queue.size > 1) {
        queue.update(v, p, v);
        if (queue.nodes[0] !== v) continue;
      }
      queue.pop();
    }
    rank[v] = next;
    order[next] = v;
    // v's remaining neighbours are all higher: its slots become its hierarchy arcs.
    for (let i = g.start[v], e = i + g.len[v]; i < e; i++) {
      const x = g.to[i];
      if (g.out[i] < Infinity) {
        fwd.push(x, g.out[i], g.out2[i], g.midOut[i]);
        fwdCount[next + 1]++;
      }
      if (g.in[i] < Infinity) {
        bwd.push(x, g.in[i], g.in2[i], g.midIn[i]);
        bwdCount[next + 1]++;
      }
    }
    pending.length = 0;
    simulate(v, CONTRACT_WORK, true);
    for (let k = 0; k < pending.length; k += 4) {
      const i = pending[k + 2];
      const j = pending[k + 3];
      g.offer(pending[k], pending[k + 1], g.in[i] + g.out[j], g.in2[i] + g.out2[j], v, g.hopIn[i] + g.hopOut[j]);
    }
    const neighbours: number[] = [];
    for (let i = g.start[v], e = i + g.len[v]; i < e; i++) neighbours.push(g.to[i]);
    for (const x of neighbours) {
      g.remove(x, v);
      deleted[x]++;
      if (level[x] < level[v] + 1) level[x] = level[v] + 1;
    }
    if (!given) for (const x of neighbours) queue.update(x, priority(x), x);
    next++;
  }
  for (let r = 0; r < n; r++) {
    fwdCount[r + 1] += fwdCount[r];
    bwdCount[r + 1] += bwdCount[r];
  }
  return {
    metric: input.metric,
    nodeCount: n,
    checksum: input.checksum,
    rank,
    order,
    fwdOffsets: fwdCount,
    fwdHeads: fwd.ranks(rank),
    fwdWeight: fwd.weight.slice(0, fwd.length),
    fwdWeight2: fwd.weight2.slice(0, fwd.length),
    fwdMiddle: fwd.middles(rank),
    bwdOffsets: bwdCount,
    bwdTails: bwd.ranks(rank),
    bwdWeight: bwd.weight.slice(0, bwd.length),
    bwdWeight2: bwd.weight2.slice(0, bwd.length),
    bwdMiddle: bwd.middles(rank),
  };
}

/** A growable list of hierarchy arcs (other end, weight pair, middle) by node index. */
class ArcList {
  length = 0;
  node: Int32Array;
  weight: Float64Array;
  weight2: Float64Array;
  middle: Int32Array;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.node = new Int32Array(c);
    this.weight = new Float64Array(c);
    this.weight2 = new Float64Array(c);
    this.middle = new Int32Array(c);
  }

  push(node: number, w: number, w2: number, middle: number): void {
    if (this.length === this.node.length) this.grow();
    const i = this.length++;
    this.node[i] = node;
    this.weight[i] = w;
    this.weight2[i] = w2;
    this.middle[i] = middle;
  }

  /** Other ends as ranks. */
  ranks(rank: Int32Array): Int32Array {
    const out = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = rank[this.node[i]];
    return out;
  }

  /** Middles as ranks (original arcs keep their `-1 - arc` code). */
  middles(rank: Int32Array): Int32Array {
    const out = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.middle[i] >= 0 ? rank[this.middle[i]] : this.middle[i];
    return out;
  }

  private grow(): void {
    const c = this.node.length * 2;
    const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.node = grow(this.node, new Int32Array(c));
    this.weight = grow(this.weight, new Float64Array(c));
    this.weight2 = grow(this.weight2, new Float64Array(c));
    this.middle = grow(this.middle, new Int32Array(c));
  }
}
