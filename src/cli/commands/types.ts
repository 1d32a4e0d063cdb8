/** One `vrpkit` sub-command: a summary line for `--help`, its own help text, and `run`. */
export interface Command {
  summary: string;
  help: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(argv: string[]): Promise<number>;
}
