/**
 * The `vrpkit` command. A thin shell: it parses arguments, reads files, calls
 * the library and prints JSON. Exit codes (stable, documented in the README):
 * 0 success, 1 internal error, 2 bad input or usage.
 */
import { isVrpkitError } from '../core/errors.js';
import { UsageError } from './args.js';
import { VERSION } from '../version.js';
import { commands } from './commands/index.js';

const HELP = `vrpkit ${VERSION} — vehicle routing and dispatch optimisation

Usage:
  vrpkit <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Options:
  --help       show help (also: vrpkit <command> --help)
  --version    print the version

Exit codes: 0 success, 1 internal error, 2 bad input or usage (one JSON error object on stderr).
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const command = commands[name];
  if (!command) {
    writeError({ code: 'usage', message: `unknown command '${name}' (see vrpkit --help)`, pointer: '' });
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help + '\n');
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      writeError({ code: 'usage', message: e.message, pointer: '' });
      return 2;
    }
    if (isVrpkitError(e)) {
      process.stderr.write(JSON.stringify(e.toJSON()) + '\n');
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && (err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'EACCES')) {
      writeError({ code: 'file', message: err.message, pointer: err.path ?? '' });
      return 2;
    }
    writeError({ code: 'internal', message: String(err?.stack ?? err), pointer: '' });
    return 1;
  }
}

function writeError(error: { code: string; message: string; pointer: string }): void {
  process.stderr.write(JSON.stringify({ error: { ...error, issues: [error] } }) + '\n');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(String(e?.stack ?? e) + '\n');
    process.exitCode = 1;
  },
);
