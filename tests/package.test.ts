import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// What `npm publish` would ship: README, LICENSE, package.json, the built dist/
// (library + command, no benchmark scripts, no source maps) and schema.json.
const ROOT = join(__dirname, '..');

describe('npm package', () => {
  it('the tarball holds README + LICENSE + package.json + dist + schema.json, nothing else', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path).sort();
    const allowed = (p: string) => ['README.md', 'LICENSE', 'package.json', 'schema.json'].includes(p) || /^dist\/[^/]+\.(js|cjs|d\.ts|d\.cts)$/.test(p) || p === 'dist/workers/solve-worker.js';
    expect(files.filter((p) => !allowed(p))).toEqual([]);
    // `npm test` builds first; without a build the tarball would have no dist/.
    for (const p of ['README.md', 'LICENSE', 'schema.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/cli.js']) expect(files).toContain(p);
  });

  it('package.json exports the schema and builds before packing', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.exports['./schema.json']).toBe('./schema.json');
    expect(pkg.scripts.prepack).toMatch(/build/);
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });
});
