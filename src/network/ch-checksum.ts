/**
 * A 32-bit checksum of typed arrays (MurmurHash3-style mixing of 32-bit words,
 * each array's length mixed in), used to tie a serialised hierarchy to the
 * exact network (topology and weights) it was built for. Not cryptographic: it
 * catches the wrong file, a changed network and corruption, not an adversary.
 */

/** Checksum of the arrays' bytes, in order. */
export function checksumArrays(arrays: readonly ArrayBufferView[], seed = 0): number {
  let h = seed | 0;
  for (const view of arrays) {
    // A word view needs a 4-byte aligned offset: copy the rare unaligned byte view.
    const a = view.byteOffset & 3 ? new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice() : view;
    h = mix(h, a.byteLength);
    const words = a.byteLength >>> 2;
    const u = new Uint32Array(a.buffer, a.byteOffset, words);
    for (let i = 0; i < words; i++) h = mix(h, u[i]);
    for (let i = words << 2; i < a.byteLength; i++) h = mix(h, new Uint8Array(a.buffer, a.byteOffset + i, 1)[0]);
  }
  return finish(h) >>> 0;
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
