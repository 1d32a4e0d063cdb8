import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, schemaText, type JsonSchema } from '../../scripts/schema/generate.js';
import { referenceMarkdown } from '../../scripts/schema/reference.js';
import { schemaValidator, type SchemaCheck } from '../../src/io/schema-check.js';
import { problemFromJson } from '../../src/io/json.js';
import { loadNetworkFile } from '../../src/io/network-files.js';
import { validateProblem } from '../../src/model/validate.js';
import { solutionToJson } from '../../src/io/solution.js';
import { computeKpis } from '../../src/kpi/compute.js';
import { solve } from '../../src/solver/index.js';
import { isVrpkitError, type InputIssue } from '../../src/core/errors.js';
import type { Problem } from '../../src/model/types.js';
import { REPO_ROOT } from './shared.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', name), 'utf8'));
const ROUTE_FILES = ['city-deliveries.json', 'sla-plan-problem.json', 'andorra-deliveries.json'];
const network = loadNetworkFile(join(REPO_ROOT, 'fixtures/network/andorra-la-vella.gr.gz'));

let schema: JsonSchema;
let routeFile: SchemaCheck;
let solutionFile: SchemaCheck;
let planFile: SchemaCheck;

beforeAll(() => {
  schema = buildSchema();
  routeFile = schemaValidator(schema);
  solutionFile = schemaValidator(schema, '#/$defs/SolutionFile');
  planFile = schemaValidator(schema, '#/$defs/PlanFile');
}, 60_000);

/** What the reader says: `validateProblem`, behind `problemFromJson` when the file names a road-network file. */
function readerIssues(doc: Record<string, any>): InputIssue[] {
  if (doc?.travel?.file === undefined) return validateProblem(doc);
  try {
    problemFromJson(doc, { network });
    return [];
  } catch (e) {
    if (!isVrpkitError(e)) throw e;
    return e.issues;
  }
}

describe('JSON Schema', () => {
  it('is draft 2020-12, generated from the types, and schema.json on disk is exactly the generated one', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.$defs as object)).toEqual(expect.arrayContaining(['RouteFile', 'Job', 'Vehicle', 'SolutionFile', 'PlanFile']));
    expect(JSON.stringify(schema)).not.toContain('#/definitions/');
    const onDisk = join(REPO_ROOT, 'schema.json');
    expect(existsSync(onDisk), 'schema.json is missing: run `npm run build`').toBe(true);
    expect(readFileSync(onDisk, 'utf8')).toBe(schemaText(schema));
  });

  it('docs/route-file.md is the reference generated from the schema (run `npm run docs:reference` after changing the types)', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/route-file.md'), 'utf8');
    expect(doc).toBe(referenceMarkdown(schema));
    for (const field of ['serviceDuration', 'timeWindows', 'capacity', 'perDistance', 'speed', 'file']) expect(doc).toContain(`| \`${field}\` |`);
  });

  it.each(ROUTE_FILES)('fixture %s carries $schema and validates (schema and reader agree)', (name) => {
    const doc = fixture(name);
    expect(doc.$schema).toBe('../schema.json');
    expect(routeFile(doc)).toEqual([]);
    expect(readerIssues(doc)).toEqual([]);
  });

  it('the re-planning and SLA fixtures: problem, solution and plan parts validate', () => {
    const replan = fixture('replan-plan.json');
    expect(routeFile(replan.problem)).toEqual([]);
    expect(solutionFile(replan.solution)).toEqual([]);
    expect(planFile(fixture('sla-plan-solution.json'))).toEqual([]);
    expect(planFile({ routes: [{ vehicle: 'van-1', jobs: ['a', 2] }] })).toEqual([]);
    expect(planFile({ routes: [{ vehicle: 'van-1', jobs: 'a' }] })).not.toEqual([]);
  });

  it('a solution as `vrpkit solve --kpi` writes it validates as a SolutionFile', async () => {
    const problem = fixture('sla-plan-problem.json') as Problem;
    const solution = await solve(problem, { maxIterations: 20, seed: 1 });
    const json = solutionToJson(solution);
    json.kpis = computeKpis(problem, solution);
    expect(solutionFile(JSON.parse(JSON.stringify(json)))).toEqual([]);
    expect(solutionFile({ ...json, routes: 3 })).toEqual([expect.objectContaining({ pointer: '/routes' })]);
  });

  it('a typo, a missing field, a negative amount: the same pointer from the schema and from validateProblem', () => {
    const doc = fixture('city-deliveries.json');
    doc.jobs[4].timewindows = doc.jobs[4].timeWindows;
    delete doc.vehicles[2].id;
    doc.jobs[9].delivery[1] = -2;
    const expected = ['/jobs/4/timewindows', '/vehicles/2/id', '/jobs/9/delivery/1'];
    expect(routeFile(doc).map((i) => i.pointer).sort()).toEqual([...expected].sort());
    expect(validateProblem(doc).map((i) => i.pointer)).toEqual(expect.arrayContaining(expected));
  });

  it('property: any schema-expressible mutation of a fixture is rejected by both, at the same pointer', () => {
    const docs = ROUTE_FILES.map(fixture);
    fc.assert(
      fc.property(fc.nat(docs.length - 1), fc.nat(MUTATIONS.length - 1), fc.nat(1000), fc.nat(1000), fieldName, (d, m, a, b, name) => {
        const doc = structuredClone(docs[d]);
        const pointer = MUTATIONS[m](doc, a, b, name);
        const bySchema = routeFile(doc).map((i) => i.pointer);
        const byReader = readerIssues(doc).map((i) => i.pointer);
        expect(bySchema, `schema on ${ROUTE_FILES[d]}, mutation ${m}`).toContain(pointer);
        expect(byReader, `reader on ${ROUTE_FILES[d]}, mutation ${m}`).toContain(pointer);
      }),
      { numRuns: 300 },
    );
  });
});

/** A lower-case name that is no field of a job, vehicle, travel or problem. */
const fieldName = fc.stringMatching(/^[a-z]{3,10}$/).filter((s) => !['jobs', 'vehicles', 'travel', 'name', 'type', 'data', 'end', 'start', 'costs', 'capacity', 'shift', 'size', 'speed', 'file', 'points', 'pickup', 'delivery', 'location', 'id', 'rounding', 'network'].includes(s));

type Doc = Record<string, any>;
/** Each mutation breaks one thing the schema can see and returns the pointer of the broken field. */
const MUTATIONS: ((doc: Doc, a: number, b: number, name: string) => string)[] = [
  (doc, a) => {
    const i = a % doc.jobs.length;
    doc.jobs[i].serviceDuration = -1 - (a % 7);
    return `/jobs/${i}/serviceDuration`;
  },
  (doc, a) => {
    const i = a % doc.jobs.length;
    doc.jobs[i].reassignmentPenalty = -0.5;
    return `/jobs/${i}/reassignmentPenalty`;
  },
  (doc, a, b) => {
    const i = a % doc.jobs.length;
    const dims = doc.vehicles[0].capacity.length;
    const k = b % dims;
    doc.jobs[i].delivery = Array.from({ length: dims }, (_, q) => (q === k ? (b % 2 ? -1 : 1.5) : 1));
    return `/jobs/${i}/delivery/${k}`;
  },
  (doc, a) => {
    const i = a % doc.jobs.length;
    delete doc.jobs[i].id;
    return `/jobs/${i}/id`;
  },
  (doc, a, b) => {
    const i = a % doc.jobs.length;
    const bad = [undefined, 'x', -1, 2.5, [1], [1, 'y'], { lon: 1 }][b % 7];
    if (bad === undefined) delete doc.jobs[i].location;
    else doc.jobs[i].location = bad;
    return `/jobs/${i}/location`;
  },
  (doc, a, _b, name) => {
    const i = a % doc.jobs.length;
    doc.jobs[i][name] = 1;
    return `/jobs/${i}/${name}`;
  },
  (doc, a) => {
    const i = a % doc.jobs.length;
    doc.jobs[i].timeWindows = [];
    return `/jobs/${i}/timeWindows`;
  },
  (doc, a, b) => {
    const i = a % doc.jobs.length;
    doc.jobs[i].timeWindows = [[b % 2 ? 'x' : 1]];
    return `/jobs/${i}/timeWindows/0`;
  },
  (doc, a, b) => {
    const v = a % doc.vehicles.length;
    const k = b % doc.vehicles[v].capacity.length;
    doc.vehicles[v].capacity[k] = -1;
    return `/vehicles/${v}/capacity/${k}`;
  },
  (doc, a, b) => {
    const v = a % doc.vehicles.length;
    const field = ['fixed', 'perDistance', 'perDuration'][b % 3];
    doc.vehicles[v].costs = { ...doc.vehicles[v].costs, [field]: -2 };
    return `/vehicles/${v}/costs/${field}`;
  },
  (doc, a, b) => {
    const v = a % doc.vehicles.length;
    const field = b % 2 ? 'maxDuration' : 'maxDistance';
    doc.vehicles[v][field] = b % 3 ? -1 : 'long';
    return `/vehicles/${v}/${field}`;
  },
  (doc, a) => {
    const v = a % doc.vehicles.length;
    delete doc.vehicles[v].id;
    return `/vehicles/${v}/id`;
  },
  (doc, a, _b, name) => {
    const v = a % doc.vehicles.length;
    doc.vehicles[v][name] = true;
    return `/vehicles/${v}/${name}`;
  },
  (doc, a, b) => {
    const v = a % doc.vehicles.length;
    doc.vehicles[v].shift = b % 2 ? 'morning' : [1, 2, 3];
    return `/vehicles/${v}/shift`;
  },
  (doc, _a, _b, name) => {
    doc.travel.type = name;
    return '/travel/type';
  },
  (doc) => {
    delete doc.travel.type;
    return '/travel/type';
  },
  (doc, _a, _b, name) => {
    doc.travel[name] = 1;
    return `/travel/${name}`;
  },
  (doc, _a, b) => {
    const field = ['jobs', 'vehicles', 'travel'][b % 3];
    if (b % 2) delete doc[field];
    else doc[field] = 'none';
    return `/${field}`;
  },
  (doc, _a, b) => {
    if (b % 2) doc.name = 5;
    else doc.$schema = false;
    return b % 2 ? '/name' : '/$schema';
  },
  (doc, _a, _b, name) => {
    doc[name] = [];
    return `/${name}`;
  },
  (doc) => {
    // A road-network route file names its network by "file"; a "network" field is foreign to it.
    if (doc.travel.file === undefined) return mutateSpeed(doc);
    doc.travel.network = {};
    return '/travel/network';
  },
];

function mutateSpeed(doc: Doc): string {
  doc.travel.speed = 0;
  return '/travel/speed';
}
