/**
 * `--format auto`: which reader a file needs, from its name and its content.
 *
 * The extension decides when it is unambiguous (`.json` → json, `.vrp` →
 * cvrplib; a trailing `.gz` is ignored); otherwise the content does: a JSON
 * document starts with `{`; a CVRPLIB file has `KEY : value` lines such as
 * `DIMENSION` and a `NODE_COORD_SECTION` or `EDGE_WEIGHT_SECTION`; a Solomon
 * file has the `VEHICLE` and `CUSTOMER` section lines; a Li & Lim file starts
 * with a `K Q S` line followed by the 9-value depot line `0 x y …`.
 *
 * JSON text is `json` here; whether the document is a vrpkit route file or a
 * VROOM problem (`vroom`) is decided on the parsed value (`looksLikeVroomProblem`,
 * see `jsonFormat` in load.ts).
 */
import { VrpkitError } from '../core/errors.js';
import { looksLikeLiLim } from './lilim.js';

export type ProblemFormat = 'json' | 'solomon' | 'cvrplib' | 'lilim' | 'vroom';

export const PROBLEM_FORMATS: readonly ProblemFormat[] = ['json', 'solomon', 'cvrplib', 'lilim', 'vroom'];

/** Detects the format of a problem file; throws `VrpkitError` (code `format`) when it cannot tell. */
export function detectFormat(text: string, fileName = ''): ProblemFormat {
  const name = fileName.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.vrp')) return 'cvrplib';
  const byContent = detectFromContent(text);
  if (byContent) return byContent;
  throw new VrpkitError(
    'format',
    'cannot tell the file format (expected a JSON route file or VROOM problem, a Solomon/Homberger .txt, a Li & Lim .txt or a CVRPLIB .vrp); use --format',
    fileName || 'input',
  );
}

/** The format the content looks like, or undefined. Looks at the first 64 KiB only. */
export function detectFromContent(text: string): ProblemFormat | undefined {
  const head = text.slice(0, 65536).replace(/^\uFEFF/, '');
  const first = head.trimStart()[0];
  if (first === '{') return 'json';
  // `[ \t]*`, not `\s*`: with the m flag, `^\s*` on a run of blank lines backtracks quadratically.
  if (/^[ \t]*DIMENSION[ \t]*:/im.test(head) && /^[ \t]*(NODE_COORD|EDGE_WEIGHT|DEMAND)_SECTION/im.test(head)) return 'cvrplib';
  if (/^[ \t]*VEHICLE[ \t\r]*$/im.test(head) && /^[ \t]*CUSTOMER[ \t\r]*$/im.test(head)) return 'solomon';
  if (looksLikeLiLim(head)) return 'lilim';
  return undefined;
}
