/**
 * Strict UTF-8 decoding for input files (browser-safe). A lenient decoder
 * replaces bad bytes with U+FFFD, which silently changes ids (`"caf\xE9"` would
 * become `"caf\uFFFD"` and the solve would succeed with an altered id); input
 * text must be UTF-8, so a bad byte is an error that names where it is.
 */
import { VrpkitError } from '../core/errors.js';

/** Decodes UTF-8 bytes; throws `VrpkitError` (code `encoding`, pointer `line L, column C`) at the first invalid sequence. */
export function decodeUtf8(bytes: Uint8Array, what = 'the input'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = byteLineColumn(bytes, at);
    throw new VrpkitError(
      'encoding',
      `${what} is not valid UTF-8: byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at byte offset ${at} (line ${line}, column ${column}); save the file as UTF-8`,
      `line ${line}, column ${column}`,
    );
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629), or `bytes.length`. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}

/** 1-based line and column (in bytes) of a byte offset. */
function byteLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
