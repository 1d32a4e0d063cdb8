/**
 * `npm run docs:reference`: rewrites docs/route-file.md from the JSON Schema
 * (generated from the types), so the reference lists every field of the
 * current types. tests/io/schema.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, buildSchema } from './schema/generate.js';
import { referenceMarkdown } from './schema/reference.js';

writeFileSync(join(REPO_ROOT, 'docs/route-file.md'), referenceMarkdown(buildSchema()));
