/**
 * The `vrpkit` command. A thin shell: it parses arguments, reads files, calls
 * the library and prints JSON. Exit codes (stable, documented in the README):
 * 0 success, 1 internal error, 2 bad input or usage.
 *
 * Global options (before or after the command name): `--limits NAME=N,…`
 * raises or lowers the input limits (`core/limits.ts`), `--debug` prints the
 * stack of an internal error on stderr after the JSON error object.
 */
import { DEFAULT_LIMITS, LIMIT_NAMES, parseLimitsArg, resolveLimits } from '../core/limits.js';
import { UsageError } from './args.js';
import { writeErrorReport } from './errors.js';
import { VERSION } from '../version.js';
import { commands } from './commands/index.js';
import type { CommandContext } from './commands/types.js';

/** The general help (loads every command for its summary line). */
async function help(): Promise<string> {
  const summaries: string[] = [];
  for (const [name, load] of Object.entries(commands)) summaries.push(`  ${name.padEnd(8)} ${(await load()).summary}`);
  return `vrpkit ${VERSION} — vehicle routing and dispatch optimisation

Usage:
  vrpkit <command> [options]

Commands:
${summaries.join('\n')}

Options:
  --help       show help (also: vrpkit <command> --help)
  --version    print the version
  --limits L   input limits, NAME=N[,NAME=N…] ('none' = no limit); defaults:
${Object.entries(LIMIT_NAMES)
  .map(([name, key]) => `                 ${name}=${DEFAULT_LIMITS[key]}`)
  .join('\n')}
  --debug      print the stack of an internal error on stderr

Exit codes: 0 success, 1 internal error, 2 bad input or usage (one JSON error object on stderr).
`;
}

/** Takes the global options out of the argument list. */
function globalOptions(argv: string[]): { rest: string[]; context: CommandContext } {
  const rest: string[] = [];
  let debug = false;
  let limits = resolveLimits();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--debug') debug = true;
    else if (a === '--limits' || a.startsWith('--limits=')) {
      const value = a === '--limits' ? argv[++i] : a.slice('--limits='.length);
      if (value === undefined) throw new UsageError('--limits needs a value: NAME=N[,NAME=N…]');
      limits = resolveLimits({ ...limits, ...parseLimitsArg(value) });
    } else rest.push(a);
  }
  return { rest, context: { limits, debug } };
}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let input = '';
  try {
    const { rest: args, context } = globalOptions(argv);
    const [name, ...rest] = args;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(await help());
      return 0;
    }
    if (name === '--version' || name === '-v') {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    const command = Object.hasOwn(commands, name) ? await commands[name]() : undefined;
    if (!command) throw new UsageError(`unknown command '${name}' (see vrpkit --help)`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(command.help + '\n');
      return 0;
    }
    input = rest.find((a) => !a.startsWith('-')) ?? '';
    return await command.run(rest, context);
  } catch (e) {
    return writeErrorReport(e, { input, debug });
  }
}

// A closed pipe (`vrpkit solve f | head`) is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = writeErrorReport(e, { debug: process.argv.includes('--debug') });
  },
);
