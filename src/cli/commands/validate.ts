/**
 * `vrpkit validate FILE`: reads a problem file and prints `{ "valid": bool,
 * "issues": [{ code, pointer, message }] }` on stdout — every problem found,
 * parse errors included. Exit 0 when valid, 2 when not (then stderr carries the
 * usual one JSON error object too, as for every exit 2).
 */
import type { Command } from './types.js';
import { UsageError, parseArgs, rejectUnknownOptions } from '../args.js';
import { isVrpkitError } from '../../core/errors.js';
import { FORMAT_HELP, loadProblemArg } from './problem-input.js';
import { writeErrorReport } from '../errors.js';

const HELP = `vrpkit validate FILE [options]

Checks a problem file (JSON route file, Solomon/Homberger .txt, CVRPLIB .vrp;
gzip accepted) and prints { "valid": true|false, "issues": [...] } on stdout,
listing every problem with a JSON pointer (or a line number for text formats).

Options:
${FORMAT_HELP}

Exit codes: 0 valid, 2 invalid input or usage (the issues are also on stderr as one JSON error object).`;

export const validate: Command = {
  summary: 'check a problem file and list every problem found',
  help: HELP,
  async run(argv, context) {
    const args = parseArgs(argv);
    rejectUnknownOptions(args, ['format', 'rounding']);
    if (args.positional.length !== 1) throw new UsageError('validate needs exactly one FILE (see vrpkit validate --help)');
    try {
      await loadProblemArg(args.positional[0], args, context?.limits);
    } catch (e) {
      if (!isVrpkitError(e) || e.code === 'file') throw e;
      process.stdout.write(JSON.stringify({ valid: false, issues: e.issues }, null, 2) + '\n');
      // Exit 2 always comes with the one JSON error object on stderr (the report above is the detail).
      return writeErrorReport(e);
    }
    process.stdout.write(JSON.stringify({ valid: true, issues: [] }, null, 2) + '\n');
    return 0;
  },
};
