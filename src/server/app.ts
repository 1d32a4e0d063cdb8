/**
 * The HTTP service (fastify): routes, the JSON body parser, error mapping.
 *
 *   GET    /health         liveness and load
 *   POST   /solve          solve and wait (route-file or VROOM JSON; query timeLimit, maxIterations, seed, threads)
 *   POST   /jobs           start a solve → 202 { id, ... }
 *   GET    /jobs/:id       status, progress, best cost so far, the plan when done
 *   DELETE /jobs/:id       abort (→ best plan so far) / cancel / forget
 *   POST   /check          { problem, solution } → the checker's report
 *   POST   /validate       route file → { valid, issues }
 *   GET    /openapi.json   the OpenAPI description
 *
 * Bodies are parsed by vrpkit's own JSON reader, so a syntax error answers
 * 400 with the CLI's error object and the position (`line L, column C`);
 * above `bodyLimitBytes` fastify stops reading and answers 413. Solving is the
 * backend's business (threads in this process, or a Redis queue).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import { VrpkitError } from '../core/errors.js';
import { parseJsonText } from '../io/json-text.js';
import { readPlanFor } from '../io/plan-input.js';
import { checkSolution } from '../model/check.js';
import { VERSION } from '../version.js';
import type { SolveBackend } from './backend.js';
import { errorBody, errorResponse, HttpError } from './errors.js';
import { problemFromBody, requestFormatOf } from './input.js';
import { openApiDocument } from './openapi.js';
import { SOLVE_QUERY_SCHEMA, solveRequest, type SolveLimits, type SolveQuery } from './request.js';

export interface ServiceOptions extends SolveLimits {
  /** Largest accepted request body in bytes. */
  bodyLimitBytes: number;
}

const ID_PARAMS = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['id'] } as const;

/** How long a connection whose body was too large may go on sending (discarded) before it is cut. */
const LINGER_MS = 5_000;

/**
 * A body above the limit is answered while the client may still be sending
 * it. Closing the connection at once would make the client's system discard
 * the unread 413 answer (the close resets a connection that still receives
 * data), so the rest of the body is read and thrown away (no memory grows)
 * for at most LINGER_MS, then the connection is cut.
 */
function lingerOnTooLarge(req: import('node:http').IncomingMessage): void {
  const socket = req.socket;
  socket.on('data', () => {}); // keep the socket flowing even when the request stream has let go of it
  req.resume();
  // Node ends such a response with socket.destroySoon(), which closes both directions once the answer is
  // written; only the sending side is closed here, the reading side drains until the client hangs up.
  (socket as unknown as { destroySoon: () => void }).destroySoon = () => socket.end();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/** Builds the service around a backend (not listening yet). */
export function buildService(backend: SolveBackend, options: ServiceOptions): FastifyInstance {
  const started = Date.now();
  const app = Fastify({
    bodyLimit: options.bodyLimitBytes,
    logger: false,
    // Unknown query parameters are errors (as unknown CLI options are), not silently dropped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
    return503OnClosing: true,
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonText(body as string, 'the request body'));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  app.addContentTypeParser('*', (_req, _payload, done) => {
    done(new HttpError(415, 'unsupported-media-type', 'send the body as application/json'), undefined);
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, body, headers } = errorResponse(error);
    if (status === 413) lingerOnTooLarge(request.raw);
    reply.code(status).headers(headers).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody('not-found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });

  // How late this thread's timers have fired since the start: a blocked event loop shows here.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  app.addHook('onClose', async () => loopDelay.disable());

  app.get('/health', async () => ({
    status: 'ok',
    version: VERSION,
    uptimeS: Math.round((Date.now() - started) / 100) / 10,
    solves: await backend.stats(),
    eventLoopDelayMs: { p99: Math.round(loopDelay.percentile(99) / 1e5) / 10, max: Math.round(loopDelay.max / 1e5) / 10 },
  }));

  app.get('/openapi.json', async () => openApiDocument(options));

  app.post<{ Querystring: SolveQuery }>('/solve', { schema: { querystring: SOLVE_QUERY_SCHEMA } }, async (request, reply) => {
    const solve = solveRequest(request.body, request.query, options);
    // The answer speaks the request's format (a VROOM problem gets VROOM's output).
    const format = requestFormatOf(request.body);
    const job = await backend.submit(solve);
    // A client that hangs up gives up its solve.
    const gone = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) gone.abort();
    });
    const ended = await backend.wait(job.id, gone.signal);
    await backend.forget(job.id);
    reply.header('x-vrpkit-job', job.id);
    if (ended.solution) return format.toResponse ? format.toResponse(solve.problem, ended.solution) : ended.solution;
    if (ended.error) {
      reply.code(ended.error.code === 'internal' ? 500 : 400);
      const at = (p: string) => (format.bodyPointer ? format.bodyPointer(solve.problem, p) : p);
      const { pointer, message } = ended.error;
      const error = { ...ended.error, pointer: at(pointer), message: pointer ? message.replace(`(at ${pointer})`, `(at ${at(pointer)})`) : message, issues: ended.error.issues.map((i) => ({ ...i, pointer: at(i.pointer) })) };
      return { error };
    }
    if (ended.status === 'queued' || ended.status === 'running') {
      // the service is shutting down while the job goes on in the queue
      throw new HttpError(503, 'shutting-down', `the service is shutting down; the solve goes on: GET /jobs/${job.id}`);
    }
    throw new HttpError(503, 'cancelled', `the solve ended without a plan (${ended.status})`);
  });

  app.post<{ Querystring: SolveQuery }>('/jobs', { schema: { querystring: SOLVE_QUERY_SCHEMA } }, async (request, reply) => {
    const job = await backend.submit(solveRequest(request.body, request.query, options));
    reply.code(202).header('location', `/jobs/${job.id}`);
    return job;
  });

  app.get<{ Params: { id: string } }>('/jobs/:id', { schema: { params: ID_PARAMS } }, async (request) => {
    const job = await backend.get(request.params.id);
    if (!job) throw new HttpError(404, 'not-found', `no job ${request.params.id} (unknown, or its result has expired)`);
    return job;
  });

  app.delete<{ Params: { id: string } }>('/jobs/:id', { schema: { params: ID_PARAMS } }, async (request) => {
    const job = await backend.cancel(request.params.id);
    if (!job) throw new HttpError(404, 'not-found', `no job ${request.params.id} (unknown, or its result has expired)`);
    return job;
  });

  app.post('/check', async (request) => {
    const body = request.body as Record<string, unknown> | null;
    if (typeof body !== 'object' || body === null || Array.isArray(body) || body.problem === undefined || body.solution === undefined) {
      throw new VrpkitError('type', 'the body must be { "problem": <route file>, "solution": <plan> }', '');
    }
    const problem = withPrefix('/problem', () => problemFromBody(body.problem).problem);
    const plan = withPrefix('/solution', () => readPlanFor(problem, body.solution));
    const { feasible, summary, violations, routes } = checkSolution(problem, plan);
    return { feasible, summary, violations, routes };
  });

  app.post('/validate', async (request) => {
    try {
      const { format } = problemFromBody(request.body);
      return { valid: true, format, issues: [] };
    } catch (e) {
      if (e instanceof VrpkitError) return { valid: false, issues: e.issues };
      throw e;
    }
  });

  return app;
}

/** Runs `read`, re-pointing any `VrpkitError` it throws under `prefix` (e.g. `/problem/jobs/3`). */
function withPrefix<T>(prefix: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof VrpkitError)) throw e;
    const at = (p: string) => (p.startsWith('/') || p === '' ? prefix + p : p);
    throw VrpkitError.fromIssues(e.issues.map((i) => ({ ...i, pointer: at(i.pointer) })));
  }
}

