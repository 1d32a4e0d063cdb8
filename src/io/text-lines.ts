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
