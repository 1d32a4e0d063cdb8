/**
 * Messages between the thread adapter (main thread) and a solve worker.
 * Everything here is structured-clone data; matrices arrive as views on
 * `SharedArrayBuffer`s (see shared-travel.ts).
 */
import type { InputIssue } from '../core/errors.js';
import { VrpkitError } from '../core/errors.js';
import type { Problem, RoutePlan, Solution } from '../model/types.js';
import type { ExchangeOffer, SolveOptions, SolveProgress } from '../solver/index.js';

/** Solve options that can cross a thread boundary (no signal, callbacks or exchange). */
export type PlainSolveOptions = Omit<SolveOptions, 'signal' | 'onProgress' | 'exchange'>;

export type ToWorker =
  | {
      type: 'solve';
      problem: Problem;
      options: PlainSolveOptions;
      /** Wall-clock deadline (`Date.now()` ms) shared by all threads; overrides options.timeLimitMs. */
      deadline?: number;
      /** Iterations between exchanges with the other threads (absent: no exchange). */
      exchangeEvery?: number;
      /** Minimum ms between two progress messages. */
      progressMs: number;
      /** Nice value for this thread (Linux): a service keeps its own thread ahead of the searches. */
      nice?: number;
    }
  | { type: 'abort' }
  | { type: 'exchanged'; iteration: number; plan?: RoutePlan };

export type FromWorker =
  | { type: 'progress'; progress: SolveProgress }
  | { type: 'offer'; iteration: number; offer: ExchangeOffer | null }
  | { type: 'done'; solution: Solution }
  | { type: 'error'; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  pointer?: string;
  issues?: InputIssue[];
  stack?: string;
}

/** An error as plain data (a `VrpkitError` keeps its code, pointer and issues). */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof VrpkitError || (typeof e === 'object' && e !== null && (e as Error).name === 'VrpkitError')) {
    const v = e as VrpkitError;
    return { name: 'VrpkitError', message: v.message, code: v.code, pointer: v.pointer, issues: v.issues };
  }
  const err = e as Error;
  return { name: err?.name ?? 'Error', message: String(err?.message ?? e), stack: err?.stack };
}

/** The error back from plain data: a `VrpkitError` for bad input, else an `Error` with the worker's stack. */
export function deserializeError(s: SerializedError): Error {
  if (s.name === 'VrpkitError' && s.code !== undefined) {
    const issues = s.issues ?? [];
    // VrpkitError appends " (at pointer)" to its message: strip it so it is not doubled.
    if (issues.length > 0) return VrpkitError.fromIssues(issues, stripPointer(s.message, s.pointer));
    return new VrpkitError(s.code, stripPointer(s.message, s.pointer), s.pointer ?? '');
  }
  const e = new Error(s.message);
  e.name = s.name;
  if (s.stack) e.stack = s.stack;
  return e;
}

function stripPointer(message: string, pointer: string | undefined): string {
  const tail = pointer ? ` (at ${pointer})` : '';
  return tail && message.endsWith(tail) ? message.slice(0, -tail.length) : message;
}
