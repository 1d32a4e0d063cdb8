/**
 * Reading vrpkit's JSON Schema (`schema.json` at the package root, generated
 * by `npm run build`) in Node: for `vrpkit validate` and the HTTP service.
 * Browser code imports `vrpkit/schema.json` instead and passes it to
 * `schemaValidator`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaValidator, type SchemaCheck } from './schema-check.js';

/** Where `schema.json` is: beside `dist/` for the built command, two levels up from `src/io/` for the sources. */
export function schemaFilePath(): string {
  const candidates = [new URL('../schema.json', import.meta.url), new URL('../../schema.json', import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`schema.json not found (looked at ${candidates.join(', ')}); run 'npm run build'`);
  return found;
}

/** The parsed schema. Throws when it is missing (a broken install, not bad input). */
export function readSchemaFile(): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaFilePath(), 'utf8')) as Record<string, unknown>;
}

let routeFileCheck: SchemaCheck | undefined;

/** The compiled route-file check (compiled on first use, then kept for the process). */
export function routeFileSchemaCheck(): SchemaCheck {
  routeFileCheck ??= schemaValidator(readSchemaFile());
  return routeFileCheck;
}
