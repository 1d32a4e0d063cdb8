/**
 * The compact solution JSON (`compactJson` in solution.ts) written in one pass:
 * the text `JSON.stringify(value, nonFiniteAsString, 2)` gives, with every
 * array of primitives and every innermost object (no object and no multi-line
 * array inside) put on one line, except objects under the given keys.
 *
 * The reference definition is two regex passes over the indented text
 * (`compactJsonByRegex`); on a 10,000-job plan they cost more than the rest of
 * the writing. This writer gives the same text directly for plain data
 * (objects, arrays, strings, numbers, booleans, null) whose strings and keys
 * hold no bracket or brace (the regexes look at those characters even inside
 * strings); anything else returns `undefined` and the caller falls back to the
 * regexes.
 */

/**
 * A string or key the one-pass writer handles exactly like the regexes: no `[`, `]`, `{`, `}`, and
 * nothing `JSON.stringify` escapes (quote, backslash, control characters, surrogates), so it is written as `"…"`.
 */
const PLAIN = /^[^[\]{}"\\\u0000-\u001f\ud800-\udfff]*$/;

class Unsupported extends Error {}

/**
 * Compact JSON text of `value` (see the module comment), or `undefined` when
 * `value` holds something the one-pass writer does not handle exactly like
 * the reference (then use `compactJsonByRegex`).
 */
export function compactJsonOnePass(value: unknown, keepExpanded: readonly string[] = []): string | undefined {
  // the reference finds a kept key in the 40 characters before an object's brace
  const kept = keepExpanded.filter((k) => k.length + 4 <= 40).map((k) => `"${k}": `);
  const out: string[] = [];
  try {
    write(out, value, '', kept, null);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  return out.join('');
}

/** The JSON value `JSON.stringify` writes for `x` after the replacer (non-finite numbers as strings), or throws `Unsupported`. */
function scalar(x: unknown): string | null {
  if (x === null) return 'null';
  switch (typeof x) {
    case 'number':
      return Number.isFinite(x) ? String(x) : `"${String(x)}"`;
    case 'boolean':
      return x ? 'true' : 'false';
    case 'string':
      if (!PLAIN.test(x)) throw new Unsupported();
      return `"${x}"`;
    case 'object':
      return null;
    default:
      // undefined, functions, symbols and bigints: JSON.stringify's special cases
      throw new Unsupported();
  }
}

/** Whether `x` is an array or an object with the plain prototype (no toJSON, no class instance). */
function container(x: object): 'array' | 'object' {
  if (Array.isArray(x)) return 'array';
  const proto = Object.getPrototypeOf(x);
  if ((proto !== Object.prototype && proto !== null) || typeof (x as { toJSON?: unknown }).toJSON === 'function') throw new Unsupported();
  return 'object';
}

/** An object's keys as `JSON.stringify` visits them (own enumerable string keys, undefined values skipped). */
function keysOf(o: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const k of Object.keys(o)) {
    if (o[k] === undefined) continue;
    if (!PLAIN.test(k)) throw new Unsupported();
    keys.push(k);
  }
  return keys;
}

/**
 * Appends `value` at indentation `indent`; `keyText` is the `"key": ` text in
 * front of it (null in an array or at the top).
 */
function write(out: string[], value: unknown, indent: string, kept: string[], keyText: string | null): void {
  const s = scalar(value);
  if (s !== null) {
    out.push(s);
    return;
  }
  const inner = indent + '  ';
  if (container(value as object) === 'array') {
    const a = value as unknown[];
    if (a.length === 0) {
      out.push('[]');
      return;
    }
    // every element a primitive: one line (holes and undefined are written as null, as JSON.stringify does)
    const items: string[] = [];
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') {
        items.push('null');
        continue;
      }
      const t = scalar(x);
      if (t === null) break;
      items.push(t);
    }
    if (items.length === a.length) {
      out.push('[' + items.join(', ') + ']');
      return;
    }
    out.push('[\n');
    for (let i = 0; i < a.length; i++) {
      if (i > 0) out.push(',\n');
      out.push(inner);
      const x = a[i];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') out.push('null');
      else write(out, x, inner, kept, null);
    }
    out.push('\n' + indent + ']');
    return;
  }
  const o = value as Record<string, unknown>;
  const keys = keysOf(o);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  // innermost: no object inside and no array that stays on several lines (one holding an object or an array)
  let innermost = keyText === null || !kept.includes(keyText);
  for (let i = 0; i < keys.length && innermost; i++) {
    const x = o[keys[i]];
    if (typeof x !== 'object' || x === null) continue;
    if (!Array.isArray(x)) innermost = false;
    else for (const e of x) if (typeof e === 'object' && e !== null) innermost = false;
  }
  if (innermost) {
    const parts: string[] = [];
    for (const k of keys) {
      const x = o[k];
      const t = scalar(x);
      if (t !== null) {
        parts.push(`"${k}": ${t}`);
        continue;
      }
      const sub: string[] = [];
      write(sub, x, inner, kept, `"${k}": `);
      parts.push(`"${k}": ${sub.join('')}`);
    }
    out.push('{' + parts.join(', ') + '}');
    return;
  }
  out.push('{\n');
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (i > 0) out.push(',\n');
    const keyPart = `"${k}": `;
    out.push(inner + keyPart);
    write(out, o[k], inner, kept, keyPart);
  }
  out.push('\n' + indent + '}');
}
