/**
 * Checks JSON documents against vrpkit's JSON Schema (`vrpkit/schema.json`,
 * draft 2020-12) with Ajv, and reports what is wrong the way `validateProblem`
 * does: `{ code, pointer, message }` with a JSON pointer to the field itself —
 * a missing field's pointer names the field (`/jobs/3/id`), an unknown field's
 * pointer names that field (`/jobs/3/timewindows`).
 *
 * The schema is data (read by the caller: `readSchemaFile` in Node, or
 * `import schema from 'vrpkit/schema.json'` in a bundler), so this module
 * stays browser-safe. Ajv compiles the schema into a function once per
 * `schemaValidator` call; keep the validator and reuse it.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { pointerToken, type InputIssue } from '../core/errors.js';

/** A compiled schema check: the issues of one document (empty = valid). */
export type SchemaCheck = (value: unknown) => InputIssue[];

/**
 * Compiles `schema` (the whole vrpkit schema) for the type `ref` names:
 * `'#'` (the root: a route file), `'#/$defs/SolutionFile'`, `'#/$defs/PlanFile'`.
 */
export function schemaValidator(schema: object, ref = '#'): SchemaCheck {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addSchema(schema as Record<string, unknown>, 'vrpkit');
  const validate = ajv.getSchema(`vrpkit${ref}`);
  if (!validate) throw new Error(`the schema has no ${ref}`);
  return (value) => (validate(value) ? [] : schemaIssues(validate.errors ?? []));
}

/**
 * Turns Ajv errors into issues, one per pointer: the branches of a union
 * (`a location must be an index or a pair`) are merged into one message, and the
 * bare "must match a schema in anyOf" / "must match then" lines are dropped when
 * a more specific error names the same place.
 */
export function schemaIssues(errors: readonly ErrorObject[]): InputIssue[] {
  const byPointer = new Map<string, { code: string; messages: string[] }>();
  const order: string[] = [];
  for (const e of errors) {
    const { pointer, code, message } = describe(e);
    let entry = byPointer.get(pointer);
    if (!entry) {
      entry = { code, messages: [] };
      byPointer.set(pointer, entry);
      order.push(pointer);
    }
    if (!entry.messages.includes(message)) entry.messages.push(message);
  }
  const issues: InputIssue[] = [];
  for (const pointer of order) {
    const { code, messages } = byPointer.get(pointer)!;
    if (code === 'schema-union' && order.some((p) => p !== pointer && p.startsWith(pointer + '/'))) continue;
    const specific = messages.filter((m) => !UNION_MESSAGES.has(m));
    issues.push({ code, pointer, message: (specific.length > 0 ? specific : messages).join('; or ') });
  }
  return issues;
}

const UNION_MESSAGES = new Set(['must match a schema in anyOf', 'must match "then" schema', 'must match exactly one schema in oneOf']);

function describe(e: ErrorObject): { pointer: string; code: string; message: string } {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { pointer: child(e.instancePath, String(params.missingProperty)), code: 'required', message: 'is required' };
    case 'additionalProperties':
      return { pointer: child(e.instancePath, String(params.additionalProperty)), code: 'unknown-field', message: 'is not a known field' };
    case 'anyOf':
    case 'oneOf':
    case 'if':
      return { pointer: e.instancePath, code: 'schema-union', message: e.message ?? e.keyword };
    default:
      return { pointer: e.instancePath, code: `schema-${e.keyword}`, message: e.message ?? e.keyword };
  }
}

function child(base: string, token: string): string {
  return `${base}/${pointerToken(token)}`;
}
