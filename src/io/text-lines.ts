/**
 * Small helpers shared by the line-oriented text readers (Solomon, CVRPLIB,
 * VRPLIB solutions): splitting into lines (LF or CRLF), splitting fields, and
 * collecting `parse` issues that name the 1-based line number (`line 12`).
 */
import { VrpkitError, type InputIssue } from '../core/errors.js';

/** Splits text into lines, accepting LF, CRLF and a leading byte-order mark. */
export function splitLines(text: string): string[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.split(/\r?\n|\r/);
}

/**
 * The lines of a text without building one string per line: only the start
 * offset of each line is kept (4 bytes a line), and `get(i)` slices a line when
 * asked. A 60 MB file of empty lines costs 240 MB of offsets instead of 2 GB of
 * strings. Line breaks: LF, CRLF or CR; a leading byte-order mark is skipped.
 */
export class TextLines {
  readonly length: number;
  private readonly starts: Uint32Array;

  constructor(private readonly text: string) {
    let starts = new Uint32Array(1024);
    let n = 0;
    const push = (at: number) => {
      if (n === starts.length) {
        const grown = new Uint32Array(2 * starts.length);
        grown.set(starts);
        starts = grown;
      }
      starts[n++] = at;
    };
    push(text.charCodeAt(0) === 0xfeff ? 1 : 0);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        push(i + 1);
      }
    }
    this.starts = starts;
    this.length = n;
  }

  /** End of line `i` (exclusive), before its line break. */
  private end(i: number): number {
    if (i + 1 >= this.length) return this.text.length;
    let e = this.starts[i + 1] - 1; // the LF or the lone CR
    if (this.text.charCodeAt(e) === 10 && e > this.starts[i] && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }

  /** Line `i` (0-based) without its line break. */
  get(i: number): string {
    return this.text.slice(this.starts[i], this.end(i));
  }

  /** The first character code of line `i` that is not a space or tab (-1 for a blank line); allocates nothing. */
  firstNonSpace(i: number): number {
    const e = this.end(i);
    for (let k = this.starts[i]; k < e; k++) {
      const c = this.text.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 11 && c !== 12 && c !== 13) return c;
    }
    return -1;
  }

  /**
   * Line `i` read as whitespace-separated integers without building strings:
   * writes them into `out` and returns how many there are (0 for a line of
   * spaces and tabs), or -1 when the line holds anything else (another
   * character, a field that is not `-?[0-9]{1,15}`, more fields than `out`
   * holds) — the caller then reads it the general way. The values are those of
   * `Number(field)`: at most 15 digits are exact in a double.
   */
  integers(i: number, out: Float64Array): number {
    const text = this.text;
    const e = this.end(i);
    let count = 0;
    for (let k = this.starts[i]; k < e; ) {
      let c = text.charCodeAt(k);
      if (c === 32 || c === 9) {
        k++;
        continue;
      }
      const negative = c === 45;
      if (negative) c = text.charCodeAt(++k);
      let value = 0;
      let digits = 0;
      while (k < e && c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        digits++;
        c = text.charCodeAt(++k);
      }
      if (digits === 0 || digits > 15 || count === out.length) return -1;
      if (k < e && c !== 32 && c !== 9) return -1;
      out[count++] = negative ? -value : value;
    }
    return count;
  }

  /** Whether line `i` holds only spaces and tabs. */
  isBlank(i: number): boolean {
    return this.firstNonSpace(i) < 0;
  }

  /** Index of the first non-blank line for which `test` holds, or -1. */
  findNonBlank(test: (line: string) => boolean): number {
    for (let i = 0; i < this.length; i++) if (!this.isBlank(i) && test(this.get(i))) return i;
    return -1;
  }
}

/** The number of whitespace-separated fields of a text, counted without splitting it. */
export function countFields(text: string): number {
  let count = 0;
  let inField = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13;
    if (!space && !inField) count++;
    inField = !space;
  }
  return count;
}

/** Splits a line into whitespace-separated fields (spaces and tabs). */
export function fields(line: string): string[] {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/);
}

/** The pointer the text readers use for a 0-based line index: `line 12` (1-based). */
export function linePointer(index: number): string {
  return `line ${index + 1}`;
}

/** A reader stops at this many problems (a garbage file must not build millions of messages). */
export const MAX_ISSUES = 100;

/** Collects `parse` issues and throws them all at once (or as soon as `MAX_ISSUES` are found). */
export class IssueList {
  readonly issues: InputIssue[] = [];

  constructor(
    private readonly code: string,
    private readonly what: string,
  ) {}

  /** Records a problem at a 0-based line index (or a free-form pointer). */
  add(at: number | string, message: string, code = this.code): void {
    this.issues.push({ code, pointer: typeof at === 'number' ? linePointer(at) : at, message });
    if (this.issues.length >= MAX_ISSUES) this.throwIfAny(` (stopped after ${MAX_ISSUES} problems)`);
  }

  /** Throws one `VrpkitError` listing every recorded issue, if there are any. */
  throwIfAny(note = ''): void {
    if (this.issues.length === 0) return;
    const first = this.issues[0];
    const more = this.issues.length > 1 ? ` (and ${this.issues.length - 1} more problems${note})` : '';
    throw VrpkitError.fromIssues(this.issues, `${this.what}: ${first.message}${more}`);
  }
}

/** Text quoted in a message, cut to `max` characters (a garbage line must not make a huge error). */
export function excerpt(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Parses a finite number, or returns undefined. Accepts integers, decimals and exponents. */
export function toNumber(s: string | undefined): number | undefined {
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
