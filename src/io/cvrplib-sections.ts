/**
 * The data part of a CVRPLIB file: the values of each `*_SECTION`, stored
 * compactly, and EXPLICIT edge-weight sections read into a full matrix. Used
 * by `cvrplib.ts`.
 */
import type { IssueList } from './text-lines.js';

/** One value of a section, as a message quotes it. */
export interface Token {
  value: string;
  line: number;
}

/**
 * The values of one `*_SECTION`, stored compactly: a float and a line number
 * per value in growable typed arrays (12 bytes a value); the text is kept only
 * for values that are not numbers, for messages. At most `cap` values are
 * kept: more than the section can need is an error, and stops the collection.
 */
export class Section {
  values = new Float64Array(64);
  lines = new Int32Array(64);
  length = 0;
  private readonly words = new Map<number, string>();
  overflow = false;

  constructor(
    readonly line: number,
    readonly cap: number,
  ) {}

  private push(value: number, line: number): void {
    if (this.length === this.values.length) {
      const size = Math.min(Math.max(64, 2 * this.length), Math.max(this.cap, 64));
      const values = new Float64Array(size);
      values.set(this.values);
      const lines = new Int32Array(size);
      lines.set(this.lines);
      this.values = values;
      this.lines = lines;
    }
    this.values[this.length] = value;
    this.lines[this.length++] = line;
  }

  /** Adds the whitespace-separated values of one line; false once the cap is passed. */
  addLine(text: string, line: number): boolean {
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13 || c === 10 || c === 11 || c === 12) {
        i++;
        continue;
      }
      if (this.length >= this.cap) {
        this.overflow = true;
        return false;
      }
      // Non-negative integers (almost every value) are read directly; anything else through Number.
      const start = i;
      let value = 0;
      let plain = true;
      for (; i < n; i++) {
        c = text.charCodeAt(i);
        if (c === 32 || c === 9 || c === 13 || c === 10 || c === 11 || c === 12) break;
        if (c >= 48 && c <= 57 && plain) value = value * 10 + (c - 48);
        else plain = false;
      }
      if (!plain || i - start > 15) value = Number(text.slice(start, i));
      if (!Number.isFinite(value)) {
        if (this.words.size < 1000) this.words.set(this.length, text.slice(start, Math.min(i, start + 40)));
        value = NaN;
      }
      this.push(value, line);
    }
    return true;
  }

  /** The k-th value as a token (its text as written when it is not a number). */
  token(k: number): Token {
    const v = this.values[k];
    return { value: Number.isNaN(v) ? (this.words.get(k) ?? '?') : String(v), line: this.lines[k] };
  }
}

/** How many values an EXPLICIT section of DIMENSION `n` holds in `layout` (a *_ROW layout or FULL_MATRIX). */
export function matrixValues(n: number, layout: string): number {
  if (layout === 'FULL_MATRIX') return n * n;
  if (layout === 'UPPER_ROW' || layout === 'LOWER_ROW') return (n * (n - 1)) / 2;
  return (n * (n + 1)) / 2;
}

// For symmetric matrices each *_COL layout lists the same sequence as its *_ROW twin transposed.
export const TWINS: Record<string, string> = {
  UPPER_COL: 'LOWER_ROW',
  LOWER_COL: 'UPPER_ROW',
  UPPER_DIAG_COL: 'LOWER_DIAG_ROW',
  LOWER_DIAG_COL: 'UPPER_DIAG_ROW',
};

/** Reads an EXPLICIT edge-weight section into a full row-major matrix (sized only once the value count is right). */
export function readMatrix(section: Section | undefined, n: number, format: string, issues: IssueList): Float64Array {
  if (!section) {
    issues.add(0, 'missing EDGE_WEIGHT_SECTION');
    return new Float64Array(0);
  }
  if (section.overflow) return new Float64Array(0); // already reported: more values than the matrix has cells
  const layout = TWINS[format] ?? format;
  const needed = matrixValues(n, layout);
  if (section.length !== needed) {
    issues.add(section.line, `EDGE_WEIGHT_SECTION: ${format} of dimension ${n} needs ${needed} values, found ${section.length}${section.overflow ? ' or more' : ''}`);
    return new Float64Array(0);
  }
  const m = new Float64Array(n * n);
  // Visit the cells in file order without materialising them (FULL_MATRIX of n = 1000 is 10^6 cells).
  const visit = (cell: (i: number, j: number) => void) => {
    for (let i = 0; i < n; i++) {
      if (layout === 'FULL_MATRIX') for (let j = 0; j < n; j++) cell(i, j);
      else if (layout === 'UPPER_ROW') for (let j = i + 1; j < n; j++) cell(i, j);
      else if (layout === 'LOWER_ROW') for (let j = 0; j < i; j++) cell(i, j);
      else if (layout === 'UPPER_DIAG_ROW') for (let j = i; j < n; j++) cell(i, j);
      else if (layout === 'LOWER_DIAG_ROW') for (let j = 0; j <= i; j++) cell(i, j);
    }
  };
  let k = 0;
  let reported = 0;
  visit((i, j) => {
    const v = section.values[k];
    const at = k++;
    if (Number.isNaN(v) || v < 0) {
      if (reported++ < 5) issues.add(section.lines[at], `EDGE_WEIGHT_SECTION: '${section.token(at).value}' is not a non-negative number`);
      return;
    }
    m[i * n + j] = v;
    if (layout !== 'FULL_MATRIX') m[j * n + i] = v;
  });
  return m;
}
