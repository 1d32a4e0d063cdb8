/**
 * File helpers for the command line and the benchmarks (Node only: this is the
 * one module of `src/io/` that touches the file system). Gzip is recognised by
 * its magic bytes, whatever the file name.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Reads a file's bytes, un-gzipping them when they are gzip-compressed. */
export function readBytes(path: string): Uint8Array {
  const raw = readFileSync(path);
  return isGzip(raw) ? gunzipSync(raw) : raw;
}

/** Reads a UTF-8 text file (gzip accepted). */
export function readTextFile(path: string): string {
  return Buffer.from(readBytes(path)).toString('utf8');
}

/** Writes a UTF-8 text file. */
export function writeTextFile(path: string, text: string): void {
  writeFileSync(path, text, 'utf8');
}
