/**
 * HTTP errors in the CLI's shape: `{ "error": { code, message, pointer, issues } }`
 * (the object `vrpkit` prints on stderr), with the status that fits.
 */
import { isVrpkitError, type InputIssue } from '../core/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; pointer: string; issues: InputIssue[] };
}

/** An error body from one issue. */
export function errorBody(code: string, message: string, pointer = ''): ErrorBody {
  return { error: { code, message, pointer, issues: [{ code, pointer, message }] } };
}

/** An error with an HTTP status, thrown by the service's own code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly pointer = '',
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
  validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
  validationContext?: string;
}

/** The status, body and headers for any error a route throws. */
export function errorResponse(e: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (e instanceof HttpError) return { status: e.status, body: errorBody(e.code, e.message, e.pointer), headers: e.headers };
  if (isVrpkitError(e)) return { status: 400, body: e.toJSON(), headers: {} };
  const f = e as FastifyLikeError;
  if (f && Array.isArray(f.validation) && f.validation.length > 0) {
    // Query-string and route-parameter checks: reported like the CLI's usage errors.
    const v = f.validation[0];
    const name = (v.instancePath ?? '').replace(/^\//, '') || String(v.params?.additionalProperty ?? v.params?.missingProperty ?? '');
    const where = f.validationContext === 'params' ? 'path parameter' : 'query parameter';
    const message = v.params?.additionalProperty !== undefined ? `unknown ${where} '${name}'` : `${where} ${name} ${v.message ?? 'is invalid'}`;
    return { status: 400, body: errorBody('usage', message), headers: {} };
  }
  const status = typeof f?.statusCode === 'number' && f.statusCode >= 400 && f.statusCode < 600 ? f.statusCode : 500;
  const code =
    status === 413 ? 'body-too-large' : status === 415 ? 'unsupported-media-type' : status === 404 ? 'not-found' : status >= 500 ? 'internal' : 'request';
  return { status, body: errorBody(code, f?.message ?? String(e)), headers: {} };
}
