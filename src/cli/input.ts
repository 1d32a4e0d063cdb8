/**
 * Command-line input conventions: a file argument `-` means standard input
 * (read once, kept for the rest of the command, gzip accepted like files).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isGzip, readTextFile } from '../io/files.js';

let stdinText: string | undefined;

/** Whether a file argument names standard input. */
export function isStdin(path: string): boolean {
  return path === '-';
}

/** The text of a file argument: the file, or standard input for `-`. */
export function readInputText(path: string): string {
  if (!isStdin(path)) return readTextFile(path);
  if (stdinText === undefined) {
    const raw = readFileSync(0);
    stdinText = Buffer.from(isGzip(raw) ? gunzipSync(raw) : raw).toString('utf8');
  }
  return stdinText;
}
