import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

// The pure core must run in a browser or worker unchanged: only the adapters
// (src/cli, src/server, src/workers, src/queue and their entry src/node.ts)
// and the Node file helpers of src/io may touch Node.
const ROOT = join(__dirname, '..');
const NODE_ALLOWED = [/^src\/cli\//, /^src\/server\//, /^src\/workers\//, /^src\/queue\//, /^src\/node\.ts$/, /^src\/io\/(files|load|network-files|schema-file)\.ts$/];
const NODE_USE = /from ['"]node:|require\(['"]node:|\bprocess\.(env|argv|exit|stdout|stderr|cwd|hrtime)|from ['"](fs|path|os|zlib|child_process)['"]/;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('pure core', () => {
  it('no module outside the adapters and file helpers uses Node', () => {
    const offenders = walk(join(ROOT, 'src'))
      .map((p) => relative(ROOT, p).split('\\').join('/'))
      .filter((rel) => !NODE_ALLOWED.some((re) => re.test(rel)))
      .filter((rel) => NODE_USE.test(readFileSync(join(ROOT, rel), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the built library bundle imports no Node module', () => {
    const bundle = join(ROOT, 'dist', 'index.js');
    // `npm test` builds first; a bare `vitest` run must build too rather than pass without looking.
    expect(existsSync(bundle), `${bundle} is missing: run npm run build (npm test does)`).toBe(true);
    const text = readFileSync(bundle, 'utf8');
    expect(text).not.toMatch(/from ['"]node:|require\(['"]node:/);
    expect(text).not.toMatch(/^import .* from ['"](fs|path|os|zlib|child_process)['"]/m);
  });
});
