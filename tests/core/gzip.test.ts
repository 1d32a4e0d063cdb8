import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { crc32, gunzipGuarded, maybeGunzip } from '../../src/core/gzip.js';
import { isVrpkitError } from '../../src/core/errors.js';

const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (isVrpkitError(e)) return e.code;
    throw e;
  }
};

describe('guarded gzip', () => {
  const text = Buffer.from('a 1 2 3\n'.repeat(5000));
  const gz = gzipSync(text);

  it('inflates single- and multi-member gzip exactly, and passes plain bytes through', () => {
    expect(Buffer.from(gunzipGuarded(gz, 1e6)).equals(text)).toBe(true);
    expect(gunzipGuarded(Buffer.concat([gz, gz]), 1e6).length).toBe(2 * text.length);
    expect(gunzipGuarded(gzipSync(Buffer.alloc(0)), 10).length).toBe(0);
    expect(maybeGunzip(text, 1e6)).toBe(text);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('refuses corrupt, truncated and checksum-broken data with code gzip', () => {
    expect(codeOf(() => gunzipGuarded(gz.subarray(0, 30), 1e6))).toBe('gzip');
    expect(codeOf(() => gunzipGuarded(gz.subarray(0, 5), 1e6))).toBe('gzip');
    expect(codeOf(() => gunzipGuarded(Buffer.concat([gz.subarray(0, 20), Buffer.alloc(50, 0x5a)]), 1e6))).toBe('gzip');
    const crc = Buffer.from(gz);
    crc[crc.length - 6] ^= 1;
    expect(codeOf(() => gunzipGuarded(crc, 1e6))).toBe('gzip');
    const size = Buffer.from(gz);
    size[size.length - 2] ^= 1;
    expect(codeOf(() => gunzipGuarded(size, 1e6))).toBe('gzip');
  });

  it('stops a bomb at the limit (code limit), single- or multi-member, whatever the size field says', () => {
    const member = gzipSync(Buffer.alloc(4 << 20), { level: 9 });
    expect(codeOf(() => gunzipGuarded(member, 1 << 20))).toBe('limit');
    expect(codeOf(() => gunzipGuarded(Buffer.concat(Array(8).fill(member)), 16 << 20))).toBe('limit');
    const lying = Buffer.from(member);
    lying.writeUInt32LE(10, lying.length - 4); // claims 10 bytes
    expect(codeOf(() => gunzipGuarded(lying, 1 << 20))).toBe('limit');
    expect(codeOf(() => maybeGunzip(text, 100))).toBe('limit');
    expect(codeOf(() => maybeGunzip(gz, 100))).toBe('limit');
  });

  it('any bytes after a gzip header: the result or a VrpkitError, never another exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(gz.length), (noise, cut) => {
        const input = Buffer.concat([gz.subarray(0, Math.max(2, cut % 60)), noise]);
        const c = codeOf(() => gunzipGuarded(input, 1 << 20));
        expect(['ok', 'gzip', 'limit']).toContain(c);
      }),
      { numRuns: 300 },
    );
    // Flipped bytes inside a valid stream.
    fc.assert(
      fc.property(fc.nat(gz.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bad = Buffer.from(gz);
        bad[at] ^= xor;
        expect(['ok', 'gzip', 'limit']).toContain(codeOf(() => gunzipGuarded(bad, 1 << 20)));
      }),
      { numRuns: 300 },
    );
  });
});
