/**
 * `vrpkit validate FILE`: reads a problem file and prints `{ "valid": bool,
 * "issues": [{ code, pointer, message }] }` on stdout — every problem found,
 * parse errors included. A JSON route file is also checked against the JSON
 * Schema (`vrpkit/schema.json`); a schema finding at a place the validator did
 * not name is listed too (codes `schema-*`, `required`, `unknown-field`).
 * Exit 0 when valid, 2 when not (then stderr carries the usual one JSON error
 * object too, as for every exit 2).
 */
import type { Command } from './types.js';
import { UsageError, parseArgs, rejectUnknownOptions } from '../args.js';
import { VrpkitError, isVrpkitError, type InputIssue } from '../../core/errors.js';
import type { InputLimits } from '../../core/limits.js';
import { detectFromContent, type ProblemFormat } from '../../io/detect.js';
import { readInputText } from '../input.js';
import { parseJsonText } from '../../io/json-text.js';
import { FORMAT_HELP, FORMAT_OPTIONS, formatOptions, loadProblemArg } from './problem-input.js';
import { jsonFormat } from '../../io/load.js';
import { writeErrorReport } from '../errors.js';

const HELP = `vrpkit validate FILE [options]

Checks a problem file (JSON route file, VROOM problem JSON, Solomon/Homberger .txt,
CVRPLIB .vrp; gzip accepted) and prints { "valid": true|false, "issues": [...] } on stdout,
listing every problem with a JSON pointer (or a line number for text formats).
JSON route files are also checked against the JSON Schema (vrpkit/schema.json).

Options:
${FORMAT_HELP}

Exit codes: 0 valid, 2 invalid input or usage (the issues are also on stderr as one JSON error object).`;

export const validate: Command = {
  summary: 'check a problem file and list every problem found',
  help: HELP,
  async run(argv, context) {
    const args = parseArgs(argv);
    rejectUnknownOptions(args, [...FORMAT_OPTIONS, 'hierarchy']);
    if (args.positional.length !== 1) throw new UsageError('validate needs exactly one FILE (see vrpkit validate --help)');
    const file = args.positional[0];
    let issues: InputIssue[] = [];
    try {
      await loadProblemArg(file, args, context?.limits);
    } catch (e) {
      if (!isVrpkitError(e) || e.code === 'file') throw e;
      issues = [...e.issues];
    }
    const named = new Set(issues.map((i) => i.pointer));
    for (const issue of await schemaFindings(file, formatOptions(args).format, context?.limits)) if (!named.has(issue.pointer)) issues.push(issue);
    process.stdout.write(JSON.stringify({ valid: issues.length === 0, issues }, null, 2) + '\n');
    if (issues.length === 0) return 0;
    // Exit 2 always comes with the one JSON error object on stderr (the report above is the detail).
    return writeErrorReport(new VrpkitError(issues[0].code, issues[0].message, issues[0].pointer, issues));
  },
};

/** The JSON Schema's findings for a JSON route file (none for other formats or text that is not JSON). */
async function schemaFindings(file: string, format: string, limits?: InputLimits): Promise<InputIssue[]> {
  const text = readInputText(file, limits);
  const json = format === 'json' || format === 'vroom' || (format === 'auto' && (/\.json(\.gz)?$/i.test(file) || detectFromContent(text) === 'json'));
  if (!json) return [];
  let value: unknown;
  try {
    value = parseJsonText(text, 'the route file', limits);
  } catch {
    return []; // the reader has reported the syntax error already
  }
  if (jsonFormat(value, format as ProblemFormat | 'auto') === 'vroom') return []; // VROOM's API, not vrpkit's route file: the reader checked it
  // Ajv (about 70-120 ms to load) is imported only here, so no other command pays for it at start-up.
  const { routeFileSchemaCheck } = await import('../../io/schema-file.js');
  return routeFileSchemaCheck()(value);
}
