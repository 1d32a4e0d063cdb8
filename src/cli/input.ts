/**
 * Command-line input conventions: a file argument `-` means standard input
 * (read once, kept for the rest of the command, gzip accepted like files,
 * bounded by the same input limits as files).
 */
import type { InputLimits } from '../core/limits.js';
import { readTextFile } from '../io/files.js';

let stdinText: string | undefined;

/** Whether a file argument names standard input. */
export function isStdin(path: string): boolean {
  return path === '-';
}

/** The text of a file argument: the file, or standard input for `-`. */
export function readInputText(path: string, limits?: Partial<InputLimits>): string {
  if (!isStdin(path)) return readTextFile(path, limits);
  stdinText ??= readTextFile('/dev/stdin', limits);
  return stdinText;
}
