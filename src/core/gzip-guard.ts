/**
 * Guarded gzip inflation (pure, no Node), given the streaming inflater (fflate's
 * `Gunzip`, passed in so that a caller decides when fflate is loaded: the core
 * binds it statically in `./gzip.ts`, the Node file helpers load it only when a
 * gzip input is met). A file is recognised as gzip
 * by its magic bytes; it is inflated in 64 KiB input slices so that no single
 * step produces more than ~1 000 × the slice (deflate's largest ratio), and the
 * running output size is checked after every slice: a gzip bomb stops at the
 * limit instead of filling memory. Corrupt data is a `VrpkitError` (code
 * `gzip`), never a zlib stack.
 */
import type { Gunzip } from 'fflate';
import { VrpkitError } from './errors.js';
import { limitHint, type InputLimits } from './limits.js';

/** fflate's `Gunzip` class (or one with the same streaming interface). */
export type GunzipClass = typeof Gunzip;

/** Input slice per push: at most ~66 MB of output per step (deflate's ratio is ≤ 1 032 : 1). */
const SLICE = 64 * 1024;

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Inflates gzip bytes with `Inflater`, refusing to produce more than `maxBytes`.
 * `what` names the input in messages and is the error pointer (a file name).
 * Throws `VrpkitError` code `gzip` for corrupt or truncated data and code
 * `limit` when the inflated size would pass `maxBytes`.
 */
export function gunzipGuardedWith(
  Inflater: GunzipClass,
  bytes: Uint8Array,
  maxBytes: number,
  what = 'the gzip input',
  limitName: keyof InputLimits = 'maxInputBytes',
): Uint8Array {
  if (bytes.length < 18) throw new VrpkitError('gzip', `${what} is not valid gzip data: only ${bytes.length} bytes (truncated file)`, what);
  // The trailer's ISIZE (size mod 2^32) sizes the output when it is plausible (one
  // member, within the limit); otherwise chunks are kept and joined at the end.
  // Either way the running total is checked before anything is kept.
  const hint = (bytes[bytes.length - 4] | (bytes[bytes.length - 3] << 8) | (bytes[bytes.length - 2] << 16)) + bytes[bytes.length - 1] * 2 ** 24;
  let out: Uint8Array | undefined = hint > 0 && hint <= maxBytes ? new Uint8Array(hint) : undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  let members = 0;
  const stream = new Inflater((chunk, final) => {
    if (total + chunk.length > maxBytes) {
      throw new VrpkitError('limit', `${what} inflates to more than ${maxBytes} bytes, the limit (${limitHint(limitName)})`, what);
    }
    if (out && total + chunk.length <= out.length) out.set(chunk, total);
    else {
      // The hint was wrong: fall back to a chunk list.
      if (out) chunks.push(out.slice(0, total));
      out = undefined;
      chunks.push(chunk); // fflate hands out a fresh array per call
    }
    total += chunk.length;
    if (final) ended = true;
  });
  stream.onmember = () => void members++; // called for the second and later members only
  try {
    for (let at = 0; at < bytes.length; at += SLICE) {
      const end = Math.min(bytes.length, at + SLICE);
      stream.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (e) {
    if (e instanceof VrpkitError) throw e;
    throw new VrpkitError('gzip', `${what} is not valid gzip data: ${(e as Error).message || 'corrupt stream'}`, what);
  }
  if (!ended) throw new VrpkitError('gzip', `${what} is not valid gzip data: the stream ends early (truncated file)`, what);
  let result: Uint8Array;
  if (out) result = out.length === total ? out : out.slice(0, total);
  else {
    result = new Uint8Array(total);
    let offset = 0;
    for (const c of chunks) {
      result.set(c, offset);
      offset += c.length;
    }
  }
  // One member (the usual case): its trailer must match what was inflated.
  if (members === 0) {
    const n = bytes.length;
    const crc = (bytes[n - 8] | (bytes[n - 7] << 8) | (bytes[n - 6] << 16) | (bytes[n - 5] << 24)) >>> 0;
    if (crc !== crc32(result) || hint !== total % 2 ** 32) {
      throw new VrpkitError('gzip', `${what} is not valid gzip data: the checksum or size in the trailer does not match (corrupt or truncated file)`, what);
    }
  }
  return result;
}

/**
 * The bytes, inflated (guarded) when they are gzip; plain bytes must fit `maxBytes` too.
 * `inflater` is called only for gzip bytes (so plain input never needs fflate loaded).
 */
export function maybeGunzipWith(
  inflater: () => GunzipClass,
  bytes: Uint8Array,
  maxBytes: number,
  what = 'the input',
  limitName: keyof InputLimits = 'maxInputBytes',
): Uint8Array {
  if (isGzip(bytes)) return gunzipGuardedWith(inflater(), bytes, maxBytes, what, limitName);
  if (bytes.length > maxBytes) {
    throw new VrpkitError(
      'limit',
      `${what} has ${bytes.length} bytes, more than the limit of ${maxBytes} (${limitHint(limitName)})`,
      what,
    );
  }
  return bytes;
}

/** CRC-32 (IEEE, as in gzip) of the first `length` bytes. */
export function crc32(bytes: Uint8Array, length = bytes.length): number {
  const table = new Uint32Array(256); // 2 048 steps: cheaper than keeping a module-level cache
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  let c = 0xffffffff;
  for (let i = 0; i < length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
