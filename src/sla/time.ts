/**
 * Instants for the SLA clock: epoch milliseconds or ISO-8601 / RFC 3339 date-times
 * that carry their own offset.
 *
 * A date-time without an offset (`2026-11-22T09:00`) or a bare date is
 * ambiguous (whose 09:00?), so it is refused rather than read in the machine's
 * zone — the same file must give the same report everywhere. Fractions of a
 * second beyond milliseconds are truncated towards the earlier millisecond.
 */

/** A point in time as users give it: epoch milliseconds, an ISO-8601 string with `Z` or `±hh:mm`, or a `Date`. */
export type TimeInput = number | string | Date;

// YYYY-MM-DD, 'T' or space, hh:mm[:ss[.fff]], then Z or ±hh[:]mm. Lowercase t/z are RFC 3339 too.
const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NO_OFFSET = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?$/;

/** The outcome of reading one instant: epoch ms, or why it could not be read. */
export type ParsedInstant = { ok: true; ms: number } | { ok: false; message: string };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads an instant: a finite number is epoch milliseconds (fractions are kept),
 * a valid `Date` is its time; a string must be an ISO-8601 date-time with an
 * explicit offset. Never throws.
 */
export function parseInstant(value: unknown): ParsedInstant {
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? { ok: false, message: 'is an invalid Date' } : { ok: true, ms: t };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: `must be a finite number of epoch milliseconds, got ${value}` };
    // Beyond ±8.64e15 ms (±273,790 years) no date exists: such a number is a mistake, not an instant.
    if (Math.abs(value) > 8.64e15) return { ok: false, message: `must be epoch milliseconds within ±8.64e15 (a representable date), got ${value}` };
    return { ok: true, ms: value };
  }
  if (typeof value !== 'string') {
    return { ok: false, message: `must be an ISO-8601 date-time string or epoch milliseconds, got ${describe(value)}` };
  }
  const s = value.trim();
  const m = ISO.exec(s);
  if (!m) {
    if (DATE_ONLY.test(s)) return { ok: false, message: `'${value}' is a date without a time and offset (ambiguous)` };
    if (NO_OFFSET.test(s)) {
      return { ok: false, message: `'${value}' has no UTC offset (ambiguous); add 'Z' or e.g. '+01:00'` };
    }
    return { ok: false, message: `'${value}' is not an ISO-8601 date-time (expected e.g. 2026-11-22T09:30:00Z)` };
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12) return { ok: false, message: `'${value}' has month ${m[2]} (must be 01–12)` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `'${value}' has day ${m[3]}, which month ${m[2]} of ${m[1]} does not have` };
  }
  if (hour > 23) return { ok: false, message: `'${value}' has hour ${m[4]} (must be 00–23)` };
  if (minute > 59) return { ok: false, message: `'${value}' has minute ${m[5]} (must be 00–59)` };
  if (second > 59) return { ok: false, message: `'${value}' has second ${m[6]} (must be 00–59; leap seconds are not supported)` };
  let offsetMin = 0;
  const off = m[8];
  if (off !== 'Z' && off !== 'z') {
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return { ok: false, message: `'${value}' has an invalid UTC offset '${off}'` };
    offsetMin = (off[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps the year literal.
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  d.setUTCFullYear(year);
  return { ok: true, ms: d.getTime() - offsetMin * 60_000 };
}

/** Epoch milliseconds as an ISO-8601 UTC string (`2026-11-22T09:30:00.000Z`); null outside Date's range. */
export function toIso(ms: number): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return new Date(Math.floor(ms)).toISOString();
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}
