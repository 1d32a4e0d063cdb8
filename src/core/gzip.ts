/**
 * Guarded gzip inflation with fflate bound statically (pure, runs in a browser):
 * the entry points of `./gzip-guard.ts` for the library and the engine. The
 * Node file helpers (src/io/gunzip-lazy.ts) use the guard directly and load
 * fflate only when a gzip input is met.
 */
import { Gunzip } from 'fflate';
import type { InputLimits } from './limits.js';
import { crc32, gunzipGuardedWith, isGzip, maybeGunzipWith } from './gzip-guard.js';

export { crc32, isGzip };

const inflater = (): typeof Gunzip => Gunzip;

/**
 * Inflates gzip bytes, refusing to produce more than `maxBytes`.
 * `what` names the input in messages and is the error pointer (a file name).
 * Throws `VrpkitError` code `gzip` for corrupt or truncated data and code
 * `limit` when the inflated size would pass `maxBytes`.
 */
export function gunzipGuarded(bytes: Uint8Array, maxBytes: number, what = 'the gzip input', limitName: keyof InputLimits = 'maxInputBytes'): Uint8Array {
  return gunzipGuardedWith(Gunzip, bytes, maxBytes, what, limitName);
}

/** The bytes, inflated (guarded) when they are gzip; plain bytes must fit `maxBytes` too. */
export function maybeGunzip(bytes: Uint8Array, maxBytes: number, what = 'the input', limitName: keyof InputLimits = 'maxInputBytes'): Uint8Array {
  return maybeGunzipWith(inflater, bytes, maxBytes, what, limitName);
}
