/**
 * A tiny argument parser for the `vrpkit` command: positional arguments plus
 * `--name value`, `--name=value` and boolean `--flag` options; `-o FILE` is
 * `--output FILE`; a lone `-` is a positional argument (standard input).
 * Unknown options are reported by the command, not silently ignored.
 */
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], booleanFlags: ReadonlySet<string> = new Set()): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        options.set(a.slice(2, eq), a.slice(eq + 1));
      } else {
        const name = a.slice(2);
        const next = argv[i + 1];
        if (booleanFlags.has(name) || next === undefined || (next.startsWith('--') && next.length > 2)) {
          options.set(name, true);
        } else {
          options.set(name, next);
          i++;
        }
      }
    } else if (a === '-o') {
      // `-o FILE` is `--output FILE` for every command.
      const next = argv[i + 1];
      if (next === undefined) options.set('output', true);
      else {
        options.set('output', next);
        i++;
      }
    } else if (a.startsWith('-') && a.length === 2 && a !== '-') {
      const name = a.slice(1);
      options.set(name, true);
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

/** Thrown for wrong command-line usage; the CLI prints it and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Reads a string option, throwing a UsageError if it was given without a value. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

/** Reads a numeric option with a clear error for non-numbers. */
export function numberOption(args: ParsedArgs, name: string): number | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got '${v}'`);
  return n;
}

/** Throws a UsageError naming any option not in `allowed`. */
export function rejectUnknownOptions(args: ParsedArgs, allowed: readonly string[]): void {
  for (const name of args.options.keys()) {
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
  }
}
