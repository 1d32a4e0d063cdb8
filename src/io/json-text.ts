/**
 * JSON text → value, with syntax errors turned into a `VrpkitError` (code
 * `json`) that names the line and column (`line 3, column 5`).
 *
 * `JSON.parse` does not always say where it failed (V8 often quotes a snippet
 * instead of a position), so on failure a small scanner re-reads the text
 * to find the offset of the first error. It runs only on invalid input.
 */
import { VrpkitError } from '../core/errors.js';
import { resolveLimits, type InputLimits } from '../core/limits.js';
import { checkJsonContainers } from './json-size.js';

/**
 * Parses JSON text, turning a syntax error into a `VrpkitError` (code `json`)
 * with line and column. A text with more objects and arrays than
 * `limits.maxJsonContainers` is refused before parsing (code `limit`).
 */
export function parseJsonText(text: string, what = 'JSON', limits?: Partial<InputLimits>): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  checkJsonContainers(text, resolveLimits(limits), what);
  try {
    return JSON.parse(text);
  } catch (e) {
    const found = jsonErrorAt(text);
    const { line, column } = lineColumn(text, found.offset);
    throw new VrpkitError('json', `${what} is not valid JSON: ${found.message}`, `line ${line}, column ${column}`);
  }
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

class JsonSyntax extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The offset and reason of the first syntax error in `text` (RFC 8259 grammar).
 * For valid JSON it returns `{ offset: -1 }`.
 */
export function jsonErrorAt(text: string): { offset: number; message: string } {
  let i = 0;
  const n = text.length;
  const fail = (message: string): never => {
    throw new JsonSyntax(i, i >= n ? `unexpected end of input (${message})` : message);
  };
  const ws = () => {
    for (let c = text.charCodeAt(i); i < n && (c === 32 || c === 9 || c === 10 || c === 13); c = text.charCodeAt(++i));
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) fail(`expected '${word}'`);
  };
  const string = () => {
    i++; // opening quote
    while (true) {
      if (i >= n) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) fail('control character in a string');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i++;
            fail('bad \\u escape');
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          fail('bad escape in a string');
        }
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail('bad number');
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10000) fail('nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      while (true) {
        ws();
        if (text[i] !== '"') fail("expected a property name in double quotes");
        string();
        ws();
        if (text[i] !== ':') fail("expected ':' after a property name");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail("expected ',' or '}' in an object");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      while (true) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail("expected ',' or ']' in an array");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail(c === undefined ? 'expected a value' : `unexpected character '${c}'`);
  };
  try {
    value(0);
    ws();
    if (i < n) fail(`unexpected '${text[i]}' after the end of the document`);
    return { offset: -1, message: '' };
  } catch (e) {
    if (e instanceof JsonSyntax) return { offset: e.offset, message: e.message };
    // Stack overflow on absurd nesting: blame the start.
    return { offset: 0, message: 'nested too deeply' };
  }
}
