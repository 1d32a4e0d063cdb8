import type { InputLimits } from '../../core/limits.js';

/** What `main` hands every command besides its arguments: the global options. */
export interface CommandContext {
  /** Input limits (`--limits NAME=N,…` over `DEFAULT_LIMITS`). */
  limits: InputLimits;
  /** `--debug`: internal errors also print their stack on stderr. */
  debug: boolean;
}

/** One `vrpkit` sub-command: a summary line for `--help`, its own help text, and `run`. */
export interface Command {
  summary: string;
  help: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(argv: string[], context?: CommandContext): Promise<number>;
}
