/**
 * DIMACS shortest-path files (9th challenge): `.gr` arcs and `.co` coordinates,
 * as text or bytes, gzip detected by its magic bytes and inflated with fflate.
 *
 * `.gr`: `c` comments, one `p sp <n> <m>` line, then `a <u> <v> <w>` per arc,
 * nodes 1..n. `.co`: `p aux sp co <n>`, then `v <id> <x> <y>` with longitude and
 * latitude as integers in microdegrees (scaled by `coordinateScale`, default 1e-6).
 * Parsing runs directly on the bytes; a malformed line throws a `VrpkitError`
 * whose pointer is `gr:<line>` or `co:<line>`.
 *
 * Distance unit: `metresPerUnit` when given, else what the file's comment lines
 * announce ("decimetres" → 0.1, "centimetres" → 0.01, "millimetres" → 0.001),
 * else 1 (metres) — the same rule as the command line's loader.
 *
 * Limits (`options.limits`, see `core/limits.ts`): the `p sp` counts are checked
 * against `maxNodes` / `maxArcs` and against what the file can hold (an arc line
 * takes at least 8 bytes) before any array is sized from them; gzip input is
 * inflated with a guard at `maxNetworkBytes`.
 */
import { VrpkitError } from '../core/errors.js';
import { maybeGunzip } from '../core/gzip.js';
import { checkLimit, resolveLimits, type InputLimits } from '../core/limits.js';
import { RangeIds } from './ids.js';
import { type NetworkParts, type UnitOptions, unitSettings } from './parts.js';

export interface DimacsOptions extends UnitOptions {
  /** Degrees per `.co` coordinate unit. Default 1e-6 (microdegrees). */
  coordinateScale?: number;
  /** Input limits (defaults: `DEFAULT_LIMITS`). */
  limits?: Partial<InputLimits>;
}

/** DIMACS input: text, or bytes (plain or gzip). */
export type DimacsSource = string | Uint8Array | ArrayBuffer;

/** Text or bytes → bytes, inflating gzip (guarded: at most `maxBytes`, default `maxNetworkBytes`). */
export function toBytes(src: DimacsSource, maxBytes = resolveLimits().maxNetworkBytes, what = 'the DIMACS input'): Uint8Array {
  if (typeof src === 'string') return new TextEncoder().encode(src);
  const bytes = src instanceof Uint8Array ? src : new Uint8Array(src);
  return maybeGunzip(bytes, maxBytes, what, 'maxNetworkBytes');
}

/** The weight unit a DIMACS file's comment lines announce, in metres (undefined if none). Reads the first 4 KiB. */
export function announcedMetresPerUnit(gr: Uint8Array): number | undefined {
  const head = new TextDecoder().decode(gr.subarray(0, 4096));
  for (const line of head.split('\n')) {
    if (!line.startsWith('c')) continue;
    if (/\bdecimet(re|er)s?\b/i.test(line)) return 0.1;
    if (/\bcentimet(re|er)s?\b/i.test(line)) return 0.01;
    if (/\bmillimet(re|er)s?\b/i.test(line)) return 0.001;
  }
  return undefined;
}

/** A line-oriented tokenizer over bytes that knows its line number. */
class Lines {
  private readonly decoder = new TextDecoder();
  pos = 0;
  line = 0;
  end = 0;
  constructor(
    readonly b: Uint8Array,
    readonly file: string,
  ) {}

  /** Moves to the next line; returns its first byte, or -1 at the end of input. */
  next(): number {
    const b = this.b;
    if (this.line > 0) {
      this.pos = this.end + 1;
    }
    if (this.pos >= b.length) return -1;
    let e = this.pos;
    while (e < b.length && b[e] !== 10) e++;
    this.end = e;
    this.line++;
    return b[this.pos];
  }

  fail(message: string): never {
    throw new VrpkitError('dimacs-syntax', `${this.file} line ${this.line}: ${message}`, `${this.file}:${this.line}`);
  }

  /** Skips spaces/tabs/CR. */
  private skip(): void {
    const b = this.b;
    while (this.pos < this.end && (b[this.pos] === 32 || b[this.pos] === 9 || b[this.pos] === 13)) this.pos++;
  }

  /** Reads a number token (integer fast path, else decimal/exponent via Number). */
  number(what: string): number {
    this.skip();
    const b = this.b;
    const start = this.pos;
    let neg = false;
    if (b[this.pos] === 45) {
      neg = true;
      this.pos++;
    }
    let v = 0;
    let digits = 0;
    while (this.pos < this.end) {
      const c = b[this.pos] - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
      digits++;
      this.pos++;
    }
    const c = this.pos < this.end ? b[this.pos] : 32;
    if (c === 32 || c === 9 || c === 13) {
      if (digits === 0) this.fail(`missing ${what}`);
      return neg ? -v : v;
    }
    // Not a plain integer: take the whole token and let Number decide.
    while (this.pos < this.end && b[this.pos] !== 32 && b[this.pos] !== 9 && b[this.pos] !== 13) this.pos++;
    const text = this.decoder.decode(b.subarray(start, this.pos));
    const x = Number(text);
    if (!Number.isFinite(x)) this.fail(`${what} '${text}' is not a number`);
    return x;
  }

  /** Reads a word token. */
  word(): string {
    this.skip();
    const b = this.b;
    const start = this.pos;
    while (this.pos < this.end && b[this.pos] !== 32 && b[this.pos] !== 9 && b[this.pos] !== 13) this.pos++;
    return this.decoder.decode(b.subarray(start, this.pos));
  }

  /** Fails if anything but whitespace is left on the line. */
  done(): void {
    this.skip();
    if (this.pos < this.end) this.fail('unexpected text at the end of the line');
  }

  /** Whether the current line is blank. */
  blank(): boolean {
    this.skip();
    return this.pos >= this.end;
  }
}

/** Parses DIMACS `.gr` (+ optional `.co`) into network parts (node id = DIMACS id). */
export function parseDimacs(gr: DimacsSource, co?: DimacsSource | null, options?: DimacsOptions): NetworkParts {
  const limits = resolveLimits(options?.limits);
  const bytes = toBytes(gr, limits.maxNetworkBytes, 'gr');
  const [metresPerUnit, speed] = unitSettings({ ...options, metresPerUnit: options?.metresPerUnit ?? announcedMetresPerUnit(bytes) });
  const L = new Lines(bytes, 'gr');
  let n = -1;
  let m = 0;
  let k = 0;
  let tails = new Int32Array(0);
  let heads = new Int32Array(0);
  let distance = new Float64Array(0);
  let duration = new Float64Array(0);
  const secondsPerUnit = metresPerUnit / speed;
  for (let c = L.next(); c !== -1; c = L.next()) {
    if (c === 97 /* a */) {
      if (n < 0) L.fail("arc line before the 'p sp' line");
      L.pos++;
      const u = L.number('tail');
      const v = L.number('head');
      const w = L.number('weight');
      L.done();
      if (!Number.isInteger(u) || u < 1 || u > n) L.fail(`tail ${u} is not a node id in 1..${n}`);
      if (!Number.isInteger(v) || v < 1 || v > n) L.fail(`head ${v} is not a node id in 1..${n}`);
      if (!(w >= 0)) {
        throw new VrpkitError('negative-weight', `gr line ${L.line}: arc weight ${w} is negative`, `gr:${L.line}`);
      }
      if (k >= m) L.fail(`more arcs than the ${m} announced in the 'p sp' line`);
      tails[k] = u - 1;
      heads[k] = v - 1;
      distance[k] = w;
      duration[k] = w * secondsPerUnit;
      k++;
    } else if (c === 99 /* c */ || c === 10 || c === 13) {
      continue;
    } else if (c === 112 /* p */) {
      if (n >= 0) L.fail("second 'p' line");
      L.pos++;
      const kind = L.word();
      if (kind !== 'sp') L.fail(`expected 'p sp <nodes> <arcs>', got problem type '${kind}'`);
      n = L.number('node count');
      m = L.number('arc count');
      L.done();
      if (!Number.isInteger(n) || n < 0 || !Number.isInteger(m) || m < 0) L.fail('node and arc counts must be non-negative integers');
      checkLimit(limits, 'maxNodes', n, "the 'p sp' node count", `gr:${L.line}`);
      checkLimit(limits, 'maxArcs', m, "the 'p sp' arc count", `gr:${L.line}`);
      // Every arc line ("a1 2 0\n") takes at least 7 bytes: refuse counts the file cannot hold before sizing arrays.
      const room = Math.floor((bytes.length - L.end + 1) / 7);
      if (m > room) L.fail(`the 'p sp' line announces ${m} arcs, but the rest of the file can hold at most ${room}`);
      tails = new Int32Array(m);
      heads = new Int32Array(m);
      distance = new Float64Array(m);
      duration = new Float64Array(m);
    } else if (L.blank()) {
      continue;
    } else {
      L.fail(`unknown line type '${String.fromCharCode(c)}' (expected c, p or a)`);
    }
  }
  if (n < 0) throw new VrpkitError('dimacs-syntax', "gr: no 'p sp <nodes> <arcs>' line", 'gr');
  if (n === 0) throw new VrpkitError('empty-network', 'the network has no nodes', 'gr');
  if (k !== m) throw new VrpkitError('dimacs-syntax', `gr: the 'p sp' line announces ${m} arcs but ${k} were found`, 'gr');
  const coords = co ? parseCoordinates(co, n, options?.coordinateScale ?? 1e-6, limits.maxNetworkBytes) : null;
  return { nodeCount: n, tails, heads, distance, duration, coords, ids: new RangeIds(1, n), metresPerUnit };
}

/** Parses a `.co` file into `[lon, lat, ...]` degrees for nodes 1..n (NaN where missing). */
export function parseCoordinates(co: DimacsSource, n: number, scale: number, maxBytes?: number): Float64Array {
  const L = new Lines(toBytes(co, maxBytes, 'co'), 'co');
  const coords = new Float64Array(2 * n).fill(NaN);
  let announced = -1;
  for (let c = L.next(); c !== -1; c = L.next()) {
    if (c === 118 /* v */) {
      L.pos++;
      const id = L.number('node id');
      const x = L.number('longitude');
      const y = L.number('latitude');
      L.done();
      if (!Number.isInteger(id) || id < 1 || id > n) L.fail(`node ${id} is not a node id in 1..${n}`);
      const lon = x * scale;
      const lat = y * scale;
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
        L.fail(`coordinates (${lon}, ${lat}) are not a longitude/latitude in degrees`);
      }
      coords[2 * (id - 1)] = lon;
      coords[2 * (id - 1) + 1] = lat;
    } else if (c === 99 || c === 10 || c === 13) {
      continue;
    } else if (c === 112) {
      L.pos++;
      const words = [L.word(), L.word(), L.word()];
      if (words.join(' ') !== 'aux sp co') L.fail(`expected 'p aux sp co <nodes>'`);
      announced = L.number('node count');
      L.done();
      if (announced !== n) L.fail(`announces ${announced} nodes but the .gr file has ${n}`);
    } else if (L.blank()) {
      continue;
    } else {
      L.fail(`unknown line type '${String.fromCharCode(c)}' (expected c, p or v)`);
    }
  }
  if (announced < 0) throw new VrpkitError('dimacs-syntax', "co: no 'p aux sp co <nodes>' line", 'co');
  return coords;
}
