/**
 * The command's one error path: every failure becomes exactly one JSON error
 * object on stderr, `{ "error": { code, message, pointer, issues } }`, and an
 * exit code — 2 for bad input or usage, 1 for an internal error (a bug). A
 * stack trace never goes into the JSON; with `--debug` it follows on stderr.
 */
import { VrpkitError, isVrpkitError, type InputIssue } from '../core/errors.js';
import { UsageError } from './args.js';

/** Issues and text printed at most (a garbage file must not make a huge error). */
const MAX_ISSUES = 100;
const MAX_MESSAGE = 2000;

interface ErrorObject {
  code: string;
  message: string;
  pointer: string;
  issues: InputIssue[];
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Node file-system error codes that are the user's input (a path), not a bug. */
const FILE_CODES = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EPERM', 'ELOOP', 'ENAMETOOLONG', 'EROFS', 'ENOSPC', 'EMFILE', 'EEXIST']);

/** Allocation failures: the input asked for more memory than exists (a limit the readers did not foresee). */
const ALLOCATION = /Array buffer allocation failed|Invalid typed array length|Invalid array length|Invalid string length|Cannot create a string longer than/;

/** Turns anything thrown by a command into the error object and exit code. `input` names the main input file, if any. */
export function errorReport(e: unknown, input = ''): { exitCode: number; error: ErrorObject } {
  if (e instanceof UsageError) return { exitCode: 2, error: single('usage', e.message, /--?[A-Za-z][\w-]*/.exec(e.message)?.[0] ?? 'arguments') };
  if (isVrpkitError(e)) {
    const issues = e.issues.slice(0, MAX_ISSUES).map((i) => ({ code: i.code, pointer: i.pointer, message: cut(String(i.message), 500) }));
    const more = e.issues.length > MAX_ISSUES ? ` (only the first ${MAX_ISSUES} of ${e.issues.length} problems are listed)` : '';
    return { exitCode: 2, error: { code: e.code, message: cut(e.message, MAX_MESSAGE) + more, pointer: e.pointer, issues } };
  }
  const err = e as NodeJS.ErrnoException | undefined;
  if (err && typeof err.code === 'string' && FILE_CODES.has(err.code)) {
    const path = err.path ?? '';
    const what = err.syscall === 'open' || err.syscall === 'write' ? `cannot open '${path}'` : `cannot use '${path}'`;
    return { exitCode: 2, error: single('file', `${what}: ${err.code}${err.code === 'EISDIR' ? ' (it is a directory)' : ''}`, path) };
  }
  if (err instanceof RangeError && ALLOCATION.test(err.message)) {
    return { exitCode: 2, error: single('too-large', `the input is too large to process: ${err.message}`, input) };
  }
  const name = err instanceof Error ? err.name : 'Error';
  const message = err instanceof Error ? err.message : String(e);
  return { exitCode: 1, error: single('internal', cut(`internal error (a bug in vrpkit; --debug shows the stack): ${name}: ${message}`, MAX_MESSAGE), '') };
}

function single(code: string, message: string, pointer: string): ErrorObject {
  return { code, message, pointer, issues: [{ code, pointer, message }] };
}

/** Writes the error object (one line of JSON) and, with `debug`, the stack of an internal error. */
export function writeErrorReport(e: unknown, options: { input?: string; debug?: boolean } = {}): number {
  const { exitCode, error } = errorReport(e, options.input);
  process.stderr.write(JSON.stringify({ error }) + '\n');
  if (options.debug && e instanceof Error && e.stack && !(e instanceof UsageError)) process.stderr.write(e.stack + '\n');
  return exitCode;
}

/**
 * An error about a whole document has the empty JSON pointer (the document
 * root). On the command line it is more useful — and always non-empty — to name
 * the file: this runs `f` and puts `path` where a pointer (of the error or of an
 * issue) is empty.
 */
export function inFile<T>(path: string, f: () => T): T {
  try {
    const out = f();
    if (out instanceof Promise) return out.catch((e: unknown) => Promise.reject(namedFile(e, path))) as T;
    return out;
  } catch (e) {
    throw namedFile(e, path);
  }
}

function namedFile(e: unknown, path: string): unknown {
  if (!isVrpkitError(e) || (e.pointer !== '' && e.issues.every((i) => i.pointer !== ''))) return e;
  const issues = e.issues.map((i) => (i.pointer === '' ? { ...i, pointer: path } : i));
  const suffix = ` (at ${e.pointer})`;
  const base = e.pointer !== '' && e.message.endsWith(suffix) ? e.message.slice(0, -suffix.length) : e.message;
  return new VrpkitError(e.code, base, e.pointer || path, issues);
}
