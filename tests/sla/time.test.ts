import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseInstant, toIso } from '../../src/sla/time.js';

const ms = (v: unknown) => {
  const r = parseInstant(v);
  if (!r.ok) throw new Error(r.message);
  return r.ms;
};

describe('parseInstant', () => {
  it('reads offsets, fractions and epoch ms exactly', () => {
    expect(ms('1970-01-01T00:00:00Z')).toBe(0);
    expect(ms('1970-01-01T01:00:00+01:00')).toBe(0);
    expect(ms('1969-12-31T19:00:00-05:00')).toBe(0);
    expect(ms('1970-01-01T00:00:00.5Z')).toBe(500);
    expect(ms('1970-01-01T00:00:00.123999Z')).toBe(123); // truncated, not rounded
    expect(ms('1970-01-01t00:01z')).toBe(60_000);
    expect(ms('2024-02-29T12:00:00Z')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(ms('0099-01-01T00:00:00Z')).toBe(Date.parse('0099-01-01T00:00:00Z'));
    expect(ms(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(ms(new Date(Date.UTC(2026, 10, 22)))).toBe(Date.UTC(2026, 10, 22));
  });

  it('refuses ambiguous and impossible times with a reason', () => {
    const bad: [unknown, RegExp][] = [
      ['2026-11-22T09:00:00', /no UTC offset/],
      ['2026-11-22', /without a time/],
      ['2023-02-29T00:00:00Z', /day 29/],
      ['2026-13-01T00:00:00Z', /month 13/],
      ['2026-11-22T24:00:00Z', /hour 24/],
      ['2026-11-22T10:60:00Z', /minute 60/],
      ['2026-11-22T10:00:60Z', /second 60/],
      ['2026-11-22T10:00:00+25:00', /offset/],
      ['next tuesday', /not an ISO-8601/],
      [Number.NaN, /finite/],
      [Infinity, /finite/],
      [null, /null/],
      [true, /boolean/],
      [new Date(Number.NaN), /invalid Date/],
    ];
    for (const [v, re] of bad) {
      const r = parseInstant(v);
      expect(r.ok, String(v)).toBe(false);
      if (!r.ok) expect(r.message).toMatch(re);
    }
  });

  it('round-trips any instant written in any whole-minute offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e12, max: 8.64e12 }), fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }), (t, off) => {
        expect(ms(toIso(t))).toBe(t);
        // write t as local time at the offset
        const local = new Date(t + off * 60_000).toISOString().slice(0, 23);
        const a = Math.abs(off);
        const sign = off < 0 ? '-' : '+';
        const text = `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
        expect(ms(text)).toBe(t);
      }),
    );
  });
});
