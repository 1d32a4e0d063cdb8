/**
 * Which problem a request body holds. Each request format is one entry of
 * `REQUEST_FORMATS`: a `detect` test on the parsed JSON and a `toProblem`
 * that validates it (throwing a `VrpkitError` with JSON pointers into the
 * body). The first format whose `detect` accepts the body reads it; a body
 * no format accepts is read as a route file, so its errors name the fields a
 * route file needs. A new format (e.g. VROOM's JSON) plugs in as one more entry.
 *
 * Route files cannot name a road-network file here: the service never opens
 * files named by a request (the route-file reader reports it as unsupported).
 */
import type { Problem, Solution } from '../model/types.js';
import { problemFromJson } from '../io/json.js';
import { fromVroom, looksLikeVroomProblem, toVroom, vroomPointerIn } from '../io/vroom/index.js';

export interface RequestFormat {
  /** Short name, reported back as `format`. */
  name: string;
  /** Whether the parsed body looks like this format. */
  detect(body: unknown): boolean;
  /** Turns the body into a validated problem (throws `VrpkitError` naming the field). */
  toProblem(body: unknown): Problem;
  /** The answer to a solve in this format's terms (default: the solution JSON as `vrpkit solve` prints it). */
  toResponse?(problem: Problem, solution: Record<string, unknown>): unknown;
  /** A pointer into the problem (e.g. in a solver error) as a pointer into the body. */
  bodyPointer?(problem: Problem, pointer: string): string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The vrpkit route file: a `Problem` as JSON (`travel`, `vehicles`, `jobs`). */
export const ROUTE_FILE: RequestFormat = {
  name: 'route-file',
  detect: (body) => isObject(body) && 'travel' in body,
  toProblem: (body) => problemFromJson(body),
};

/**
 * VROOM's JSON API (src/io/vroom): a VROOM problem in, VROOM's output
 * document out. Coordinates travel great-circle (the service loads no road network).
 */
export const VROOM_REQUEST: RequestFormat = {
  name: 'vroom',
  detect: looksLikeVroomProblem,
  toProblem: (body) => fromVroom(body),
  toResponse: (problem, solution) => toVroom(problem, solution as unknown as Solution),
  bodyPointer: vroomPointerIn,
};

/** The formats tried in order (extend with `registerRequestFormat`). */
export const REQUEST_FORMATS: RequestFormat[] = [ROUTE_FILE];

/** Adds a request format, tried before the route file. */
export function registerRequestFormat(format: RequestFormat): void {
  if (!REQUEST_FORMATS.some((f) => f.name === format.name)) REQUEST_FORMATS.splice(REQUEST_FORMATS.length - 1, 0, format);
}

registerRequestFormat(VROOM_REQUEST);

/** The format that reads a parsed request body: the first whose `detect` accepts it, else the route file. */
export function requestFormatOf(body: unknown): RequestFormat {
  return REQUEST_FORMATS.find((f) => f.detect(body)) ?? ROUTE_FILE;
}

/** Reads the problem of a parsed request body with the first format that accepts it. */
export function problemFromBody(body: unknown): { problem: Problem; format: string } {
  const format = requestFormatOf(body);
  return { problem: format.toProblem(body), format: format.name };
}
