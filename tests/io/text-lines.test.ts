/**
 * `TextLines.integers`, the string-free reading of plain integer rows (Solomon
 * customer rows): whenever it reads a line, it reads exactly the fields and
 * values the general way (`fields` + `Number`) gives; otherwise it declines.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextLines, fields } from '../../src/io/text-lines.js';

const pieces = ['0', '7', '42', '-3', '-0', '007', '1e3', '2.5', '+4', '-', '--1', 'x', ' ', '  ', '\t', '\v', '\u00a0', '999999999999999', '1234567890123456', '12-3'];

describe('TextLines.integers', () => {
  it('reads a line only when the general reading gives the same fields and values', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r', ''), (parts, eol) => {
        const line = parts.join('');
        const lines = new TextLines(eol ? `${line}${eol}next` : line);
        const out = new Float64Array(7);
        const n = lines.integers(0, out);
        expect(lines.get(0)).toBe(line);
        if (n < 0) return;
        const f = fields(line);
        expect(n).toBe(f.length);
        for (let k = 0; k < n; k++) expect(Object.is(out[k], Number(f[k]))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a plain row, gives 0 for a blank one and declines other text', () => {
    const lines = new TextLines('  1  35 -35  10\t0 230 10\n \t \nEOF\n1 2 3 4 5 6 7 8\n1.5 2');
    const out = new Float64Array(7);
    expect(lines.integers(0, out)).toBe(7);
    expect([...out]).toEqual([1, 35, -35, 10, 0, 230, 10]);
    expect(lines.integers(1, out)).toBe(0);
    expect(lines.integers(2, out)).toBe(-1);
    expect(lines.integers(3, out)).toBe(-1); // more fields than asked for
    expect(lines.integers(4, out)).toBe(-1);
  });
});
