/**
 * Public node ids ↔ internal node indices `0..n-1`. DIMACS networks use the
 * file's 1-based numbers (no table needed); other networks keep their keys.
 */

/** A public node id: a DIMACS node number, a graphology key, a GeoJSON node number, ... */
export type NodeId = number | string;

export interface NodeIds {
  /** Internal index of a public id, or -1 when unknown. Numeric strings match numeric ids and vice versa. */
  indexOf(id: NodeId): number;
  /** Public id of an internal index. */
  idOf(index: number): NodeId;
  /** Approximate bytes held by the mapping (0 for a numeric range). */
  readonly bytes: number;
}

/** Ids `base .. base+n-1` (DIMACS: base 1). */
export class RangeIds implements NodeIds {
  readonly bytes = 0;
  constructor(
    private readonly base: number,
    private readonly n: number,
  ) {}
  indexOf(id: NodeId): number {
    const x = typeof id === 'number' ? id : id.trim() === '' ? NaN : Number(id);
    const i = x - this.base;
    return Number.isInteger(i) && i >= 0 && i < this.n ? i : -1;
  }
  idOf(index: number): NodeId {
    return index + this.base;
  }
}

/** Arbitrary keys kept in a table, looked up through a Map. */
export class KeyedIds implements NodeIds {
  private readonly byKey: Map<NodeId, number>;
  readonly bytes: number;
  constructor(private readonly keys: NodeId[]) {
    this.byKey = new Map();
    keys.forEach((k, i) => this.byKey.set(k, i));
    this.bytes = keys.length * 40;
  }
  indexOf(id: NodeId): number {
    const i = this.byKey.get(id);
    if (i !== undefined) return i;
    if (typeof id === 'string') {
      if (id.trim() === '') return -1;
      const n = Number(id);
      return Number.isFinite(n) ? (this.byKey.get(n) ?? -1) : -1;
    }
    return this.byKey.get(String(id)) ?? -1;
  }
  idOf(index: number): NodeId {
    return this.keys[index];
  }
}
