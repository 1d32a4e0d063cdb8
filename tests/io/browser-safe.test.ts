import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './shared.js';

/** Every module reachable from `entry` through relative imports, with its non-relative imports. */
function importGraph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    const external: string[] = [];
    seen.set(file, external);
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else external.push(spec);
    }
  };
  visit(entry);
  return seen;
}

describe('src/io/index.ts is browser-safe', () => {
  it('reaches no node: module or Node builtin through its imports', () => {
    const graph = importGraph(join(REPO_ROOT, 'src/io/index.ts'));
    expect(graph.size).toBeGreaterThan(8); // the readers, writers and the model they use
    const builtins = new Set(builtinModules);
    const offenders = [...graph].flatMap(([file, specs]) =>
      specs.filter((s) => s.startsWith('node:') || builtins.has(s)).map((s) => `${relative(REPO_ROOT, file)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
    // …while the Node helpers are indeed Node-only (the scan would see them if they were reachable).
    expect([...importGraph(join(REPO_ROOT, 'src/io/load.ts')).values()].flat()).toContain('node:path');
  });
});
