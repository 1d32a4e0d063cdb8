/**
 * Keeping hierarchy answers exact on derived networks (closures, slow-downs).
 *
 * A derived network shares its topology with the network the hierarchy was
 * built for, with some arc weights changed. When no weight went down, the
 * hierarchy still finds the old shortest paths, and an old shortest path that
 * avoids every changed arc is still shortest: its weight is unchanged and no
 * path got lighter. So every hierarchy arc is flagged "tainted" when it stands
 * for a changed original arc (shortcuts inherit the flag of their halves,
 * computed bottom-up in rank order); queries carry the flag along their labels
 * (preferring untainted paths on equal weight), and only answers whose best
 * path is tainted are recomputed with the ordinary search of the derived
 * network. When some weight went down, the hierarchy cannot be trusted and the
 * derived network uses the ordinary searches throughout.
 */
import type { ArcTaint } from './ch-query.js';
import type { Hierarchy } from './ch-types.js';
import { firstHalf, secondHalf, shortcutHalves } from './ch-unpack.js';

/** How a hierarchy serves a network with the same topology and other weights. */
export type Reuse = { kind: 'same' } | { kind: 'taint'; taint: ArcTaint; changedArcs: number } | { kind: 'none'; reason: string };

/**
 * Compares the derived weights with those the hierarchy was built on (both
 * pairs `(weight, weight2)`, `weight2` may be null) and flags the hierarchy's arcs.
 */
export function reuseHierarchy(
  h: Hierarchy,
  baseWeight: Float64Array,
  baseWeight2: Float64Array | null,
  weight: Float64Array,
  weight2: Float64Array | null,
): Reuse {
  const m = weight.length;
  const changed = new Uint8Array(m);
  let count = 0;
  for (let a = 0; a < m; a++) {
    const b = baseWeight[a];
    const x = weight[a];
    const b2 = baseWeight2 ? baseWeight2[a] : 0;
    const x2 = weight2 ? weight2[a] : 0;
    if (x === b && x2 === b2) continue;
    if (x < b || (x === b && x2 < b2)) return { kind: 'none', reason: 'some arc got lighter' };
    changed[a] = 1;
    count++;
  }
  if (count === 0) return { kind: 'same' };
  const n = h.nodeCount;
  const halves = shortcutHalves(h);
  const fwd = new Uint8Array(h.fwdHeads.length);
  const bwd = new Uint8Array(h.bwdTails.length);
  const flag = (ref: number): number => (ref >= 0 ? fwd[ref] : bwd[-1 - ref]);
  // Ranks ascending: the halves of a shortcut at rank r sit at its middle, a lower rank.
  for (let r = 0; r < n; r++) {
    for (let k = h.fwdOffsets[r]; k < h.fwdOffsets[r + 1]; k++) {
      const m = h.fwdMiddle[k];
      fwd[k] = m < 0 ? changed[-1 - m] : flag(firstHalf(halves, k)) | flag(secondHalf(halves, k));
    }
    for (let k = h.bwdOffsets[r]; k < h.bwdOffsets[r + 1]; k++) {
      const m = h.bwdMiddle[k];
      bwd[k] = m < 0 ? changed[-1 - m] : flag(firstHalf(halves, -1 - k)) | flag(secondHalf(halves, -1 - k));
    }
  }
  return { kind: 'taint', taint: { fwd, bwd }, changedArcs: count };
}
