/**
 * One problem found in user input: a stable machine-readable `code`, the JSON
 * pointer (RFC 6901) of the offending field (or a field name / file position
 * where there is no JSON document), and a human-readable message.
 */
export interface InputIssue {
  code: string;
  pointer: string;
  message: string;
}

/**
 * The error vrpkit throws for bad input or impossible requests. It always
 * carries a stable `code` and names the field (`pointer`); when several problems
 * were found at once they are all listed in `issues`.
 */
export class VrpkitError extends Error {
  readonly code: string;
  readonly pointer: string;
  readonly issues: InputIssue[];

  constructor(code: string, message: string, pointer = '', issues?: InputIssue[]) {
    super(pointer ? `${message} (at ${pointer})` : message);
    this.name = 'VrpkitError';
    this.code = code;
    this.pointer = pointer;
    this.issues = issues && issues.length > 0 ? issues : [{ code, pointer, message }];
  }

  /** Builds one error from a non-empty list of issues (the first one names the error). */
  static fromIssues(issues: InputIssue[], summary?: string): VrpkitError {
    const first = issues[0];
    const message =
      summary ?? (issues.length === 1 ? first.message : `${first.message} (and ${issues.length - 1} more problems)`);
    return new VrpkitError(first.code, message, first.pointer, issues);
  }

  /** A plain JSON object for error output (CLI, HTTP). */
  toJSON(): { error: { code: string; message: string; pointer: string; issues: InputIssue[] } } {
    return { error: { code: this.code, message: this.message, pointer: this.pointer, issues: this.issues } };
  }
}

/** Escapes one reference token for a JSON pointer (RFC 6901). */
export function pointerToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  const s = typeof token === 'string' ? token : String(token);
  // validation builds a pointer for every field it visits: skip the escaping when there is nothing to escape
  if (s.indexOf('~') < 0 && s.indexOf('/') < 0) return s;
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins reference tokens into a JSON pointer: `pointer('jobs', 3, 'location')` → `/jobs/3/location`. */
export function pointer(...tokens: (string | number)[]): string {
  let out = '';
  for (const t of tokens) out += '/' + pointerToken(t);
  return out;
}

/** True for a VrpkitError (also across bundle copies, by name and shape). */
export function isVrpkitError(e: unknown): e is VrpkitError {
  return (
    e instanceof VrpkitError ||
    (typeof e === 'object' && e !== null && (e as any).name === 'VrpkitError' && typeof (e as any).code === 'string')
  );
}
