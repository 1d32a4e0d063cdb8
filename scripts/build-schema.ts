/**
 * `npm run build` step: writes `schema.json` (the JSON Schema of route files,
 * solution and plan files, draft 2020-12) at the package root, generated from
 * the TypeScript types (see scripts/schema/generate.ts). Prints nothing on
 * success unless `--verbose`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, buildSchema, schemaText } from './schema/generate.js';

const started = Date.now();
const target = join(REPO_ROOT, 'schema.json');
writeFileSync(target, schemaText(buildSchema()));
if (process.argv.includes('--verbose')) process.stderr.write(`schema.json written in ${Date.now() - started} ms\n`);
