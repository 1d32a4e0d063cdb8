/**
 * The OpenAPI 3.1 description served at /openapi.json. The route file's JSON
 * Schema is not restated here: when the build has generated it
 * (`dist/schema.json`, published as `vrpkit/schema.json`) it is embedded as the
 * `RouteFile` component; otherwise that component only points to the README.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import { SOLVE_QUERY_SCHEMA } from './request.js';

/** The generated route-file JSON Schema next to the bundle (or in dist/ when run from the sources), if any. */
export function routeFileSchema(): Record<string, unknown> | undefined {
  for (const rel of ['./schema.json', '../schema.json', '../../dist/schema.json']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (!existsSync(file)) continue;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const json = (schema: unknown) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponses = {
  '400': { description: 'bad input: the problem, JSON syntax (pointer `line L, column C`) or a query parameter', content: json(ref('Error')) },
  '413': { description: 'request body above the limit', content: json(ref('Error')) },
  '415': { description: 'the body is not application/json', content: json(ref('Error')) },
};

/** The OpenAPI document of the service. */
export function openApiDocument(limits: { bodyLimitBytes: number; maxTimeLimitMs: number }): Record<string, unknown> {
  const schema = routeFileSchema();
  const { $schema: _s, ...routeFile } = schema ?? {};
  const query = Object.entries(SOLVE_QUERY_SCHEMA.properties).map(([name, s]) => ({
    name, in: 'query', required: false, description: s.description, schema: { ...s, description: undefined },
  }));
  const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
  return {
    openapi: '3.1.0',
    info: {
      title: 'vrpkit service',
      version: VERSION,
      description:
        `Vehicle routing as a service. Bodies are JSON, at most ${limits.bodyLimitBytes} bytes; time limits at most ` +
        `${limits.maxTimeLimitMs / 1000} s. Errors are { "error": { code, message, pointer, issues } } as printed by the vrpkit command.`,
    },
    paths: {
      '/health': { get: { summary: 'liveness and load', responses: { '200': { description: 'up', content: json(ref('Health')) } } } },
      '/solve': {
        post: {
          summary: 'solve a problem and wait for the plan',
          description: "A VROOM problem (VROOM's JSON API: vehicles, jobs, shipments, matrices) is accepted too and answered in VROOM's output format.",
          parameters: query,
          requestBody: { required: true, content: json(ref('RouteFile')) },
          responses: {
            '200': { description: 'the plan (as `vrpkit solve` prints it)', content: json(ref('Solution')) },
            '429': { description: 'too many solves running and waiting', content: json(ref('Error')) },
            ...errorResponses,
          },
        },
      },
      '/jobs': {
        post: {
          summary: 'start a solve in the background',
          parameters: query,
          requestBody: { required: true, content: json(ref('RouteFile')) },
          responses: {
            '202': { description: 'accepted; poll GET /jobs/{id}', content: json(ref('Job')) },
            '429': { description: 'too many solves running and waiting', content: json(ref('Error')) },
            ...errorResponses,
          },
        },
      },
      '/jobs/{id}': {
        get: {
          summary: 'status, progress, best cost so far, and the plan when done',
          parameters: idParam,
          responses: { '200': { description: 'the job', content: json(ref('Job')) }, '404': { description: 'unknown or expired', content: json(ref('Error')) } },
        },
        delete: {
          summary: 'abort a running job (it ends with its best plan so far), cancel a queued one, or forget an ended one',
          parameters: idParam,
          responses: { '200': { description: 'the job as it ended', content: json(ref('Job')) }, '404': { description: 'unknown or expired', content: json(ref('Error')) } },
        },
      },
      '/check': {
        post: {
          summary: 'check a plan against a problem (independent re-derivation)',
          requestBody: {
            required: true,
            content: json({ type: 'object', required: ['problem', 'solution'], properties: { problem: ref('RouteFile'), solution: { type: 'object', description: 'a vrpkit solution or { routes: [{ vehicle, jobs: [ids] }] }' } } }),
          },
          responses: {
            '200': { description: 'the checker report', content: json({ type: 'object', properties: { feasible: { type: 'boolean' }, violations: { type: 'array' }, summary: { type: 'object' }, routes: { type: 'array' } } }) },
            ...errorResponses,
          },
        },
      },
      '/validate': {
        post: {
          summary: 'list every problem of a route file',
          requestBody: { required: true, content: json(ref('RouteFile')) },
          responses: {
            '200': { description: 'valid or not, with every issue (JSON pointers)', content: json({ type: 'object', properties: { valid: { type: 'boolean' }, issues: { type: 'array', items: ref('Issue') } } }) },
            ...errorResponses,
          },
        },
      },
      '/openapi.json': { get: { summary: 'this document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    },
    components: {
      schemas: {
        RouteFile: schema
          ? routeFile
          : { type: 'object', description: 'a vrpkit route file: { travel, vehicles, jobs } (see the README; the generated schema is dist/schema.json)' },
        Solution: {
          type: 'object',
          description: 'the plan as `vrpkit solve` prints it',
          properties: { summary: { type: 'object' }, routes: { type: 'array' }, unassigned: { type: 'array' }, status: { type: 'string' }, stats: { type: 'object' } },
        },
        Job: {
          type: 'object',
          required: ['id', 'status', 'createdAt', 'progress', 'bestCost'],
          properties: {
            id: { type: 'string' },
            status: { enum: ['queued', 'running', 'completed', 'aborted', 'failed', 'cancelled'] },
            createdAt: { type: 'string', format: 'date-time' },
            startedAt: { type: 'string', format: 'date-time' },
            finishedAt: { type: 'string', format: 'date-time' },
            progress: {
              oneOf: [
                { type: 'null' },
                { type: 'object', properties: { iteration: { type: 'integer' }, elapsedMs: { type: 'number' }, bestCost: { type: ['number', 'null'] }, feasible: { type: 'boolean' } } },
              ],
            },
            bestCost: { type: ['number', 'null'] },
            solution: ref('Solution'),
            error: { type: 'object' },
          },
        },
        Health: { type: 'object', properties: { status: { const: 'ok' }, version: { type: 'string' }, uptimeS: { type: 'number' }, solves: { type: 'object' }, eventLoopDelayMs: { type: 'object', description: 'p99 and max delay of the service thread since start' } } },
        Issue: { type: 'object', properties: { code: { type: 'string' }, pointer: { type: 'string' }, message: { type: 'string' } } },
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'pointer', 'issues'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, pointer: { type: 'string' }, issues: { type: 'array', items: ref('Issue') } },
            },
          },
        },
      },
    },
  };
}
