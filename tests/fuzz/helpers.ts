/**
 * Shared pieces of the reader fuzz tests: mutations of valid text that stay
 * close enough to the format to reach deep into a reader, and the one
 * property every reader must have — any input gives a result or a
 * `VrpkitError` naming where (pointer or line), never another exception, and
 * quickly.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { isVrpkitError } from '../../src/core/errors.js';

/** Tokens that break readers: empty, signs, huge and tiny numbers, non-numbers, control and non-ASCII characters. */
export const HOSTILE_TOKENS = [
  '',
  '-1',
  '0',
  '-0',
  '1.5',
  '1e400',
  '-1e400',
  '1e9',
  '2000000000',
  '1e12',
  '9007199254740993',
  'NaN',
  'Infinity',
  'x',
  '::',
  '\u0000',
  '\t',
  '\r',
  'é',
  '🚚',
  '\uFEFF',
  '-',
  '.',
  '1e',
  '0x10',
  'EOF',
  'p sp 2000000000 5',
  'DIMENSION : 1000000000',
];

/** A hostile token or a short random string. */
export const token = fc.oneof(fc.constantFrom(...HOSTILE_TOKENS), fc.string({ maxLength: 6 }), fc.integer().map(String), fc.double().map(String));

/** One edit of a text's lines. */
type Edit = { kind: 'delete' | 'duplicate' | 'swap' | 'replace-token' | 'insert' | 'truncate'; at: number; other: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'replace-token', 'insert', 'truncate'),
  at: fc.nat(),
  other: fc.nat(),
  text: token,
});

function apply(lines: string[], e: Edit): string[] {
  if (lines.length === 0) return [e.text];
  const i = e.at % lines.length;
  const out = lines.slice();
  switch (e.kind) {
    case 'delete':
      out.splice(i, 1);
      break;
    case 'duplicate':
      out.splice(i, 0, out[i]);
      break;
    case 'swap': {
      const j = e.other % lines.length;
      [out[i], out[j]] = [out[j], out[i]];
      break;
    }
    case 'replace-token': {
      const words = out[i].split(/(\s+)/);
      const w = (e.other % Math.max(1, words.length + 1)) & ~1; // a word, not a separator
      if (w < words.length) words[w] = e.text;
      else words.push(' ', e.text);
      out[i] = words.join('');
      break;
    }
    case 'insert':
      out.splice(i, 0, e.text);
      break;
    case 'truncate':
      out.length = i;
      break;
  }
  return out;
}

/** Texts made from `valid` by 1–6 line edits, plus some wholly random text. */
export function mutatedText(valid: string): fc.Arbitrary<string> {
  const lines = valid.split('\n');
  return fc.oneof(
    { weight: 5, arbitrary: fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => edits.reduce(apply, lines).join('\n')) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    // Any UTF-16 code units, lone surrogates and control characters included (fc.string's 'binary' unit is slow to set up).
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((codes) => String.fromCharCode(...codes)) },
  );
}

/** A JSON-compatible value replaced at a random path of `value` (the typing mistakes of real files). */
export function mutatedJson(value: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (path.length > 5) return;
    if (Array.isArray(v)) v.slice(0, 4).forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  const replacement = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(null, 'x', -1, 1e308, 2e9, [], {}, [[]], [null], 'Infinity', true),
  );
  const one = fc.record({ path: fc.constantFrom(...paths), with: replacement, drop: fc.boolean() });
  return fc.array(one, { minLength: 1, maxLength: 3 }).map((edits) => {
    let out: unknown = structuredClone(value);
    for (const e of edits) {
      if (e.path.length === 0) {
        out = e.with;
        continue;
      }
      let parent: any = out;
      for (const k of e.path.slice(0, -1)) {
        if (parent === null || typeof parent !== 'object') break;
        parent = parent[k];
      }
      if (parent === null || typeof parent !== 'object') continue;
      const last = e.path[e.path.length - 1];
      if (e.drop && !Array.isArray(parent)) delete parent[last];
      else parent[last] = structuredClone(e.with);
    }
    return out;
  });
}

/**
 * Runs `f` on one input: it must return, or throw a `VrpkitError` whose
 * pointer is non-empty (or, with `rootAllowed`, may be `''`, the JSON pointer
 * of a whole document) and whose message is short; anything else fails the
 * property. `maxMs` is a hang guard.
 */
export function cleanOutcome(f: () => unknown, options: { rootAllowed?: boolean; maxMs?: number } = {}): 'ok' | string {
  const start = Date.now();
  let outcome: string;
  try {
    f();
    outcome = 'ok';
  } catch (e) {
    if (!isVrpkitError(e)) throw e;
    expect(typeof e.pointer).toBe('string');
    if (!options.rootAllowed) expect(e.pointer).not.toBe('');
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) expect(typeof issue.pointer).toBe('string');
    expect(e.message.length).toBeLessThan(20_000);
    outcome = e.code;
  }
  expect(Date.now() - start).toBeLessThan(options.maxMs ?? 5000);
  return outcome;
}

/** The same for async work. */
export async function cleanOutcomeAsync(f: () => Promise<unknown>, options: { rootAllowed?: boolean } = {}): Promise<'ok' | string> {
  try {
    await f();
    return 'ok';
  } catch (e) {
    if (!isVrpkitError(e)) throw e;
    if (!options.rootAllowed) expect(e.pointer).not.toBe('');
    return e.code;
  }
}
