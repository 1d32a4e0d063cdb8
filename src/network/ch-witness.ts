/**
 * Witness searches of the contraction: before node `v` is removed, a shortcut
 * `u → x` (through `v`) is needed unless some path from `u` to `x` that avoids
 * `v` is at most as heavy (lexicographically). One bounded Dijkstra from every
 * in-neighbour `u` answers for all out-neighbours `x` at once, and stops once
 * they are all settled. The bound on its work (nodes settled plus arcs
 * scanned) only makes the answer conservative: a path not found in time is
 * taken as absent and the shortcut is added, which never breaks exactness.
 */
import type { ContractionGraph } from './ch-graph.js';
import { LexHeap } from './ch-heap.js';

export class WitnessSearch {
  private readonly stamp: Uint32Array;
  private readonly dist: Float64Array;
  private readonly dist2: Float64Array;
  private readonly heap: LexHeap;
  private gen = 0;
  /** Targets of the next run: marked with `targetGen`, `targets` of them not settled yet. */
  private readonly targetStamp: Uint32Array;
  private targetGen = 0;
  private targets = 0;

  constructor(n: number) {
    this.targetStamp = new Uint32Array(n);
    this.stamp = new Uint32Array(n);
    this.dist = new Float64Array(n);
    this.dist2 = new Float64Array(n);
    this.heap = new LexHeap(n);
  }

  /** Forgets the targets of the previous run. */
  clearTargets(): void {
    if (this.targetGen >= 0xfffffffe) {
      this.targetStamp.fill(0);
      this.targetGen = 0;
    }
    this.targetGen++;
    this.targets = 0;
  }

  /** Marks `x` as a target of the next run: the run stops once every target is settled. */
  addTarget(x: number): void {
    if (this.targetStamp[x] === this.targetGen) return;
    this.targetStamp[x] = this.targetGen;
    this.targets++;
  }

  /**
   * Runs from `u` in `g` without passing through `skip`, until every target is
   * settled, every label is above `(limit, limit2)`, or the work (nodes
   * settled plus arcs scanned) exceeds `maxWork`. Afterwards
   * `reaches(x, w, w2)` tells whether a path of weight ≤ (w, w2) to `x` was seen.
   */
  run(g: ContractionGraph, u: number, skip: number, limit: number, limit2: number, maxWork: number): void {
    if (this.gen >= 0xfffffffe) {
      this.stamp.fill(0);
      this.gen = 0;
    }
    const gen = ++this.gen;
    const { stamp, dist, dist2, heap } = this;
    const pos = heap.pos;
    const { start, len, to, out, out2 } = g;
    heap.clear();
    stamp[u] = gen;
    dist[u] = 0;
    dist2[u] = 0;
    heap.push(u, 0, 0);
    let work = 0;
    let left = this.targets;
    const targetStamp = this.targetStamp;
    const tgen = this.targetGen;
    while (heap.size > 0) {
      const k = heap.keys[0];
      if (k > limit || (k === limit && heap.keys2[0] > limit2)) break;
      const y = heap.pop();
      if (targetStamp[y] === tgen && --left === 0) break;
      work += 1 + len[y];
      if (work > maxWork) break;
      const dy = dist[y];
      const dy2 = dist2[y];
      for (let i = start[y], end = i + len[y]; i < end; i++) {
        const z = to[i];
        if (z === skip) continue;
        const nd = dy + out[i];
        if (!(nd <= limit)) continue;
        const nd2 = dy2 + out2[i];
        if (stamp[z] !== gen) {
          stamp[z] = gen;
          dist[z] = nd;
          dist2[z] = nd2;
          heap.push(z, nd, nd2);
        } else if ((nd < dist[z] || (nd === dist[z] && nd2 < dist2[z])) && pos[z] >= 0) {
          dist[z] = nd;
          dist2[z] = nd2;
          heap.decrease(z, nd, nd2);
        }
      }
    }
  }

  /** Whether the last run found a path to `x` of weight at most `(w, w2)`. */
  reaches(x: number, w: number, w2: number): boolean {
    if (this.stamp[x] !== this.gen) return false;
    const d = this.dist[x];
    return d < w || (d === w && this.dist2[x] <= w2);
  }
}
