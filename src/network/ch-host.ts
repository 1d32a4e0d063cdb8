/**
 * The contraction hierarchies of one network: its own (built or loaded), and
 * those of the network it was derived from (closures, speed factors), reused
 * with taint flags where that stays exact (see ch-updates.ts).
 */
import { VrpkitError } from '../core/errors.js';
import { buildNetworkHierarchy, metricWeights, type UsableHierarchy, type WeightedNetwork } from './ch-network.js';
import { readHierarchies, writeHierarchies } from './ch-serialize.js';
import type { Hierarchy, HierarchyMetric } from './ch-types.js';
import { reuseHierarchy, type Reuse } from './ch-updates.js';
import { upwardGraph } from './ch-upward.js';

export class NetworkHierarchies {
  private readonly own = new Map<HierarchyMetric, Hierarchy>();
  private readonly reused = new Map<HierarchyMetric, { from: Hierarchy; reuse: Reuse }>();

  /** `parent`: the hierarchies of the network `net` was derived from (same topology), if any. */
  constructor(
    private readonly net: WeightedNetwork,
    private readonly parent: NetworkHierarchies | null,
  ) {}

  /** Whether the network has its own hierarchy for `metric`. */
  has(metric: HierarchyMetric): boolean {
    return this.own.has(metric);
  }

  /**
   * The network's own hierarchy for `metric`, built when missing: contracted
   * in the order of the nearest ancestor's hierarchy when there is one (no
   * ordering work, about a fifth of a build: the re-customisation of a
   * derived network), else ordered and contracted from scratch.
   */
  build(metric: HierarchyMetric): UsableHierarchy {
    let h = this.own.get(metric);
    if (!h) {
      const base = this.ancestorWith(metric);
      h = buildNetworkHierarchy(this.net, metric, base ? base.own.get(metric)!.order : undefined);
      this.own.set(metric, h);
    }
    return { hierarchy: h, taint: null };
  }

  /**
   * Derives the point-to-point query layout of the own hierarchy for `metric`
   * now (with the core table when it is missing) rather than at the first query.
   */
  prepareQueries(metric: HierarchyMetric): void {
    const h = this.own.get(metric);
    if (h) upwardGraph(h);
  }

  /** Whether `build(metric)` would follow an ancestor's order rather than order from scratch. */
  canRecontract(metric: HierarchyMetric): boolean {
    return !this.own.has(metric) && this.ancestorWith(metric) !== null;
  }

  /** The nearest ancestor with its own hierarchy for `metric`, or null. */
  private ancestorWith(metric: HierarchyMetric): NetworkHierarchies | null {
    let base = this.parent;
    while (base && !base.own.has(metric)) base = base.parent;
    return base;
  }

  /**
   * A hierarchy that answers exactly for the network: its own, or the nearest
   * ancestor's with taint flags; null when there is none or no ancestor's may
   * be trusted (some weight went down).
   */
  usable(metric: HierarchyMetric): UsableHierarchy | null {
    const own = this.own.get(metric);
    if (own) return { hierarchy: own, taint: null };
    const base = this.ancestorWith(metric);
    if (!base) return null;
    const from = base.own.get(metric)!;
    let entry = this.reused.get(metric);
    if (!entry || entry.from !== from) {
      const a = metricWeights(base.net, metric);
      const b = metricWeights(this.net, metric);
      entry = { from, reuse: reuseHierarchy(from, a.weight, a.weight2, b.weight, b.weight2) };
      this.reused.set(metric, entry);
    }
    const r = entry.reuse;
    if (r.kind === 'none') return null;
    return { hierarchy: from, taint: r.kind === 'taint' ? r.taint : null };
  }

  /** The own hierarchies as bytes (see ch-serialize.ts); throws when there is none. */
  save(): Uint8Array {
    const list = [...this.own.values()];
    if (list.length === 0) throw new VrpkitError('no-hierarchy', 'the network has no contraction hierarchy to save (call buildHierarchy first)', 'hierarchy');
    const t = this.net.topology;
    return writeHierarchies(t.nodeCount, t.arcCount, list);
  }

  /**
   * Loads hierarchies saved for this very network; returns their metrics. The
   * point-to-point query layouts are derived at the first query of each
   * metric (or by `prepareQueries`), which keeps loading fast for services
   * that only ask for matrices.
   */
  load(bytes: Uint8Array): HierarchyMetric[] {
    const list = readHierarchies(bytes, this.net);
    for (const h of list) this.own.set(h.metric, h);
    return list.map((h) => h.metric);
  }
}
