/**
 * Contraction hierarchies to and from bytes, so a service loads them instead of
 * rebuilding at every start. Pure: bytes in, bytes out (files are the
 * adapters' business, see src/io/hierarchy-files.ts).
 *
 * Layout (little-endian, every array 8-byte aligned so loading makes views,
 * not copies, when the input is aligned):
 *   header (32 bytes): magic "VRPKCH\0\0", format version (u32), node count,
 *     arc count (u32, of the network), hierarchy count (u32), payload checksum
 *     (u32, of every byte after the header), reserved (u32)
 *   per hierarchy, a 32-byte record: metric (u32: 0 distance, 1 duration),
 *     network checksum (u32, see ch-network.ts), forward and backward arc
 *     counts (u32), whether second weights are stored (u32), core size
 *     (u32, see ch-core.ts), 2 × reserved; then rank (n × i32), forward
 *     offsets ((n+1) × i32), heads, middles (i32), weights, second weights
 *     (f64, only when stored), the same four or five arrays backward, and
 *     the core table: size² weights, then size² second weights when stored.
 * Version 2 added the core table (version 1 files are refused: rebuild them).
 * A file is rejected with a `VrpkitError` naming what is wrong: not a
 * hierarchy, another version, corrupted (payload checksum), or made for
 * another network (node/arc counts, network checksum).
 */
import { VrpkitError } from '../core/errors.js';
import { checksumArrays } from './ch-checksum.js';
import { networkChecksum, type WeightedNetwork } from './ch-network.js';
import { hierarchyCore } from './ch-core.js';
import { hasSecondWeights, type Hierarchy, type HierarchyMetric } from './ch-types.js';

const MAGIC = [0x56, 0x52, 0x50, 0x4b, 0x43, 0x48, 0, 0]; // "VRPKCH\0\0"
/** Bumped whenever the layout or the meaning of a field changes. */
export const HIERARCHY_FORMAT_VERSION = 2;
const HEADER = 32;
const RECORD = 32;

const pad8 = (x: number) => (x + 7) & ~7;

/** Serialises hierarchies of one network (`nodeCount` nodes, `arcCount` arcs). */
export function writeHierarchies(nodeCount: number, arcCount: number, list: readonly Hierarchy[]): Uint8Array {
  const parts = list.map((h) => arraysOf(h, hasSecondWeights(h)));
  let size = HEADER;
  for (const arrays of parts) {
    size += RECORD;
    for (const a of arrays) size += pad8(a.byteLength);
  }
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(8, HIERARCHY_FORMAT_VERSION, true);
  view.setUint32(12, nodeCount, true);
  view.setUint32(16, arcCount, true);
  view.setUint32(20, list.length, true);
  let at = HEADER;
  list.forEach((h, i) => {
    view.setUint32(at, h.metric === 'distance' ? 0 : 1, true);
    view.setUint32(at + 4, h.checksum, true);
    view.setUint32(at + 8, h.fwdHeads.length, true);
    view.setUint32(at + 12, h.bwdTails.length, true);
    view.setUint32(at + 16, hasSecondWeights(h) ? 1 : 0, true);
    view.setUint32(at + 20, hierarchyCore(h).size, true);
    at += RECORD;
    for (const a of parts[i]) {
      bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
      at += pad8(a.byteLength);
    }
  });
  view.setUint32(24, checksumArrays([bytes.subarray(HEADER)]), true);
  return bytes;
}

/**
 * Reads hierarchies written by `writeHierarchies` for network `net`; throws a
 * `VrpkitError` (pointer `hierarchy`) when the bytes do not belong to it.
 */
export function readHierarchies(input: Uint8Array, net: WeightedNetwork): Hierarchy[] {
  const fail = (code: string, message: string): never => {
    throw new VrpkitError(code, message, 'hierarchy');
  };
  if (!(input instanceof Uint8Array) || input.byteLength < HEADER || MAGIC.some((b, i) => input[i] !== b)) {
    fail('invalid-hierarchy', 'not a vrpkit contraction-hierarchy file');
  }
  // Views need 8-byte alignment: copy once when the input is not aligned.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== HIERARCHY_FORMAT_VERSION) {
    fail('hierarchy-version', `hierarchy file format version ${version}, this vrpkit reads version ${HIERARCHY_FORMAT_VERSION}: rebuild it`);
  }
  const n = view.getUint32(12, true);
  const arcs = view.getUint32(16, true);
  const t = net.topology;
  if (n !== t.nodeCount || arcs !== t.arcCount) {
    fail('hierarchy-mismatch', `the hierarchy was built for a network of ${n} nodes and ${arcs} arcs, this one has ${t.nodeCount} and ${t.arcCount}`);
  }
  if (checksumArrays([bytes.subarray(HEADER)]) !== view.getUint32(24, true)) fail('invalid-hierarchy', 'the hierarchy file is corrupted (checksum mismatch)');
  const count = view.getUint32(20, true);
  const list: Hierarchy[] = [];
  let at = HEADER;
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number, bytesPer: number): T => {
    if (at + length * bytesPer > bytes.byteLength) fail('invalid-hierarchy', 'the hierarchy file is truncated');
    const a = make(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, length);
    at += pad8(length * bytesPer);
    return a;
  };
  const i32 = (length: number) => take((b, o, l) => new Int32Array(b, o, l), length, 4);
  const f64 = (length: number) => take((b, o, l) => new Float64Array(b, o, l), length, 8);
  for (let i = 0; i < count; i++) {
    if (at + RECORD > bytes.byteLength) fail('invalid-hierarchy', 'the hierarchy file is truncated');
    const code = view.getUint32(at, true);
    if (code > 1) fail('invalid-hierarchy', `unknown hierarchy metric code ${code}`);
    const metric: HierarchyMetric = code === 0 ? 'distance' : 'duration';
    const checksum = view.getUint32(at + 4, true);
    if (checksum !== networkChecksum(net, metric)) {
      fail('hierarchy-mismatch', `the ${metric} hierarchy was built for other arcs or weights than this network's (network checksum differs)`);
    }
    const mf = view.getUint32(at + 8, true);
    const mb = view.getUint32(at + 12, true);
    const second = view.getUint32(at + 16, true) === 1;
    const coreSize = view.getUint32(at + 20, true);
    if (coreSize > n) fail('invalid-hierarchy', `the hierarchy file is inconsistent: a core of ${coreSize} nodes in a network of ${n}`);
    at += RECORD;
    const rank = i32(n);
    const fwdOffsets = i32(n + 1);
    const fwdHeads = i32(mf);
    const fwdMiddle = i32(mf);
    const fwdWeight = f64(mf);
    const fwdWeight2 = second ? f64(mf) : new Float64Array(mf);
    const bwdOffsets = i32(n + 1);
    const bwdTails = i32(mb);
    const bwdMiddle = i32(mb);
    const bwdWeight = f64(mb);
    const bwdWeight2 = second ? f64(mb) : new Float64Array(mb);
    const coreWeight = f64(coreSize * coreSize);
    const coreWeight2 = second ? f64(coreSize * coreSize) : null;
    const order = new Int32Array(n);
    const problem = structureProblem(t, rank, order, fwdOffsets, fwdHeads, fwdMiddle, bwdOffsets, bwdTails, bwdMiddle);
    if (problem) fail('invalid-hierarchy', `the hierarchy file is inconsistent: ${problem}`);
    const core = { size: coreSize, weight: coreWeight, weight2: coreWeight2 };
    list.push({ metric, nodeCount: n, checksum, rank, order, fwdOffsets, fwdHeads, fwdWeight, fwdWeight2, fwdMiddle, bwdOffsets, bwdTails, bwdWeight, bwdWeight2, bwdMiddle, core });
  }
  return list;
}

/**
 * Checks what queries rely on, in O(nodes + arcs): ranks form a permutation
 * (fills `order`), offsets are monotone and in bounds, every arc climbs to a
 * higher rank, and a middle is either a rank below both ends (so unpacking
 * always terminates) or an original arc joining exactly those two nodes.
 * Returns what is wrong, or null.
 */
function structureProblem(
  t: WeightedNetwork['topology'],
  rank: Int32Array,
  order: Int32Array,
  fwdOffsets: Int32Array,
  fwdHeads: Int32Array,
  fwdMiddle: Int32Array,
  bwdOffsets: Int32Array,
  bwdTails: Int32Array,
  bwdMiddle: Int32Array,
): string | null {
  const n = rank.length;
  order.fill(-1);
  for (let v = 0; v < n; v++) {
    const r = rank[v];
    if (!(r >= 0 && r < n) || order[r] !== -1) return 'ranks are not a permutation';
    order[r] = v;
  }
  const side = (offsets: Int32Array, ends: Int32Array, middles: Int32Array, forward: boolean): string | null => {
    if (offsets[0] !== 0 || offsets[n] !== ends.length) return 'arc offsets out of bounds';
    for (let r = 0; r < n; r++) {
      if (offsets[r + 1] < offsets[r]) return 'arc offsets are not monotone';
      for (let k = offsets[r]; k < offsets[r + 1]; k++) {
        const x = ends[k];
        if (!(x > r && x < n)) return 'an arc does not climb to a higher rank';
        const mid = middles[k];
        if (mid >= 0) {
          if (mid >= r) return 'a shortcut middle is not below its ends';
          continue;
        }
        const a = -1 - mid;
        if (a >= t.arcCount) return 'an original arc index is out of range';
        const tail = forward ? order[r] : order[x];
        const head = forward ? order[x] : order[r];
        if (t.fwdHeads[a] !== head || a < t.fwdOffsets[tail] || a >= t.fwdOffsets[tail + 1]) return 'an original arc joins other nodes';
      }
    }
    return null;
  };
  return side(fwdOffsets, fwdHeads, fwdMiddle, true) ?? side(bwdOffsets, bwdTails, bwdMiddle, false);
}

function arraysOf(h: Hierarchy, second: boolean): ArrayBufferView[] {
  return [
    h.rank,
    h.fwdOffsets,
    h.fwdHeads,
    h.fwdMiddle,
    h.fwdWeight,
    ...(second ? [h.fwdWeight2] : []),
    h.bwdOffsets,
    h.bwdTails,
    h.bwdMiddle,
    h.bwdWeight,
    ...(second ? [h.bwdWeight2] : []),
    hierarchyCore(h).weight,
    ...(second ? [hierarchyCore(h).weight2!] : []),
  ];
}
