/**
 * Command-line input conventions: a file argument `-` means standard input
 * (read once, kept for the rest of the command, gzip accepted like files,
 * bounded by the same input limits as files).
 */
import { readSync } from 'node:fs';
import { VrpkitError } from '../core/errors.js';
import { limitHint, resolveLimits, type InputLimits } from '../core/limits.js';
import { maybeGunzip, readTextFile } from '../io/files.js';
import { decodeUtf8 } from '../io/utf8.js';

let stdinText: string | undefined;

/** Whether a file argument names standard input. */
export function isStdin(path: string): boolean {
  return path === '-';
}

/** The text of a file argument: the file, or standard input for `-`. */
export function readInputText(path: string, limits?: Partial<InputLimits>): string {
  if (!isStdin(path)) return readTextFile(path, limits);
  stdinText ??= readStdin(resolveLimits(limits).maxInputBytes);
  return stdinText;
}

/** Reads file descriptor 0 (pipe, socket or file) in slices, refusing more than `maxBytes`. */
function readStdin(maxBytes: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 16);
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe with nothing yet
      if (code === 'EOF') break;
      throw new VrpkitError('file', `standard input cannot be read (${code ?? (e as Error).message})`, '-');
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new VrpkitError('limit', `standard input yields more than ${maxBytes} bytes, the limit (${limitHint('maxInputBytes')})`, '-');
    chunks.push(chunk.subarray(0, n));
  }
  return decodeUtf8(maybeGunzip(Buffer.concat(chunks, total), maxBytes, 'standard input'), 'standard input');
}
