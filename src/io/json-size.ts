/**
 * How much a JSON text will cost once parsed, before `JSON.parse` builds it:
 * every object and array becomes a heap object of ~50–100 bytes, so 60 MB of
 * `[],[],…` (or a 60 KB gzip of it) would take 1.4 GB and half a minute. One
 * scan counts the containers outside strings; over `maxJsonContainers` the
 * text is refused with the line and column where the limit is passed.
 */
import { VrpkitError } from '../core/errors.js';
import { limitHint, type InputLimits } from '../core/limits.js';
import { lineColumn } from './json-text.js';

/**
 * Throws a `VrpkitError` (code `limit`, pointer `line L, column C`) when the
 * JSON text holds more than `limits.maxJsonContainers` objects and arrays.
 * Texts shorter than twice the limit cannot pass it and are not scanned.
 */
export function checkJsonContainers(text: string, limits: Pick<InputLimits, 'maxJsonContainers'>, what = 'the JSON document'): void {
  const max = limits.maxJsonContainers;
  if (text.length <= 2 * max) return;
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if ((c === 123 || c === 91) && ++count > max) {
      const { line, column } = lineColumn(text, i);
      throw new VrpkitError(
        'limit',
        `${what} holds more than ${max} objects and arrays, the limit (${limitHint('maxJsonContainers')})`,
        `line ${line}, column ${column}`,
      );
    }
  }
}
