/**
 * File helpers for the command line and the benchmarks (Node only: this is the
 * one module of `src/io/` that touches the file system). Gzip is recognised by
 * its magic bytes, whatever the file name.
 *
 * Every read is bounded: a directory, a missing file, a file larger than
 * `maxInputBytes`, a gzip that inflates past it, corrupt gzip and text that
 * is not UTF-8 are each one `VrpkitError` naming the file (and for text the
 * line and column of the first bad byte), before anything large is allocated.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { VrpkitError } from '../core/errors.js';
import { isGzip, maybeGunzipWith, type GunzipClass } from '../core/gzip-guard.js';
import { limitHint, resolveLimits, type InputLimits } from '../core/limits.js';
import { decodeUtf8 } from './utf8.js';

export { isGzip };

let gunzipClass: GunzipClass | undefined;

/** fflate's `Gunzip`, loaded on first use: a plain-text command never loads fflate (its set-up costs every start). */
function inflater(): GunzipClass {
  gunzipClass ??= (createRequire(import.meta.url)('fflate') as { Gunzip: GunzipClass }).Gunzip;
  return gunzipClass;
}

/**
 * The bytes, inflated (guarded, as `core/gzip.ts`'s `maybeGunzip`) when they are gzip, with fflate
 * loaded only then; plain bytes must fit `maxBytes`. For the Node adapters.
 */
export function maybeGunzip(bytes: Uint8Array, maxBytes: number, what = 'the input', limitName: keyof InputLimits = 'maxInputBytes'): Uint8Array {
  return maybeGunzipWith(inflater, bytes, maxBytes, what, limitName);
}

/** Checks that `path` is a readable file within the size limit; returns whether it is a regular file. */
function statInput(path: string, maxBytes: number, limitName: keyof InputLimits): boolean {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? (e as Error).message})`;
    throw new VrpkitError('file', `the file '${path}' ${why}`, path);
  }
  if (stat.isDirectory()) throw new VrpkitError('file', `'${path}' is a directory, not a file`, path);
  if (stat.size > maxBytes) {
    throw new VrpkitError('limit', `the file '${path}' has ${stat.size} bytes, more than the limit of ${maxBytes} (${limitHint(limitName)})`, path);
  }
  return stat.isFile();
}

/** Reads a pipe or device (`/dev/stdin`, a FIFO) in slices, refusing more than `maxBytes`. */
function readStream(path: string, maxBytes: number, limitName: keyof InputLimits): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 16);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) {
        throw new VrpkitError('limit', `'${path}' yields more than ${maxBytes} bytes, the limit (${limitHint(limitName)})`, path);
      }
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a file's bytes, un-gzipping them (guarded) when they are gzip-compressed.
 * `limitName` says which byte limit applies: `maxInputBytes` (text, default) or
 * `maxNetworkBytes` (road-network files).
 */
export function readBytes(path: string, limits?: Partial<InputLimits>, limitName: 'maxInputBytes' | 'maxNetworkBytes' = 'maxInputBytes'): Uint8Array {
  const maxBytes = resolveLimits(limits)[limitName];
  const regular = statInput(path, maxBytes, limitName);
  let raw: Uint8Array;
  try {
    raw = regular ? readFileSync(path) : readStream(path, maxBytes, limitName);
  } catch (e) {
    if (e instanceof VrpkitError) throw e;
    throw new VrpkitError('file', `the file '${path}' cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, path);
  }
  return maybeGunzip(raw, maxBytes, path, limitName);
}

/** Reads a UTF-8 text file (gzip accepted); bytes that are not UTF-8 are an error naming line and column. */
export function readTextFile(path: string, limits?: Partial<InputLimits>): string {
  return decodeUtf8(readBytes(path, limits), path);
}

/**
 * Checks, before any long work, that `path` can be written: not a directory,
 * and in a folder that exists. `option` names the command-line option (pointer).
 */
export function checkOutputPath(path: string, option: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new VrpkitError('file', `${option}: '${path}' is a directory, not a file`, option);
  }
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new VrpkitError('file', `${option}: the folder '${folder}' does not exist`, option);
  }
}

/** Writes a UTF-8 text file. */
export function writeTextFile(path: string, text: string): void {
  writeFileSync(path, text, 'utf8');
}
