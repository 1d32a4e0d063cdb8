/**
 * Generates vrpkit's JSON Schema (draft 2020-12) from the TypeScript types:
 * `src/io/route-file.ts` (route files, solution and plan files), which builds on
 * `src/model/types.ts`. Doc comments become `description`s; JSDoc tags such as
 * `@minimum 0`, `@asType integer`, `@minItems 1` become validation keywords.
 *
 * ts-json-schema-generator writes draft-07; `toDraft2020` rewrites the few
 * places where 2020-12 differs (`definitions` → `$defs`, array-form `items` →
 * `prefixItems`, `additionalItems` → `items`).
 */
import { createGenerator } from 'ts-json-schema-generator';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCHEMA_SOURCE = 'src/io/route-file.ts';
export const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** The root types, in the order they appear under `$defs`' top; the first is the schema's root. */
export const ROOT_TYPES = ['RouteFile', 'SolutionFile', 'PlanFile'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonSchema = { [key: string]: Json };

/** Builds the whole schema: root = a route file, every type under `$defs`. */
export function buildSchema(root = REPO_ROOT): JsonSchema {
  const generator = createGenerator({
    path: join(root, SCHEMA_SOURCE),
    tsconfig: join(root, 'tsconfig.json'),
    expose: 'export',
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
    topRef: true,
    functions: 'fail',
    sortProps: false,
  });
  const definitions: JsonSchema = {};
  for (const type of ROOT_TYPES) {
    const part = generator.createSchema(type) as JsonSchema;
    Object.assign(definitions, part.definitions as JsonSchema);
  }
  const draft07: JsonSchema = {
    $schema: DRAFT_2020,
    title: 'vrpkit route file',
    description:
      'A vrpkit route file (a routing problem as JSON). Solution files: #/$defs/SolutionFile; plans for `vrpkit check`: #/$defs/PlanFile. ' +
      `Generated from ${SCHEMA_SOURCE} and src/model/types.ts; do not edit.`,
    $ref: '#/definitions/RouteFile',
    definitions,
  };
  return toDraft2020(draft07) as JsonSchema;
}

/** Rewrites a draft-07 schema (as ts-json-schema-generator writes it) into draft 2020-12. */
export function toDraft2020(node: Json): Json {
  if (Array.isArray(node)) return node.map(toDraft2020);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'definitions') out.$defs = toDraft2020(value);
    else if (key === '$ref' && typeof value === 'string') out.$ref = value.replace(/^#\/definitions\//, '#/$defs/');
    else if (key === 'items' && Array.isArray(value)) out.prefixItems = value.map(toDraft2020);
    else if (key === 'additionalItems') out.items = toDraft2020(value);
    else if (key === '$schema' && typeof value === 'string' && value.includes('draft-07')) out.$schema = DRAFT_2020;
    else out[key] = toDraft2020(value);
  }
  // A tuple without additionalItems is closed by its maxItems; say so in 2020-12 terms too.
  if (out.prefixItems && out.items === undefined && out.maxItems !== undefined) out.items = false;
  return out;
}

/** The schema as the text of `schema.json`. */
export function schemaText(schema: JsonSchema): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
