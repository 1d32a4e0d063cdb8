import { defineConfig } from 'tsup';

// The benchmark scripts (`npm run bench:network`, `bench:solver`), built to
// dist-bench/ — outside dist/, so they never reach the npm package.
export default defineConfig({
  entry: { network: 'bench/network.ts', solver: 'bench/solver.ts' },
  outDir: 'dist-bench',
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  banner: { js: '#!/usr/bin/env node' },
  external: ['graphology', 'graphology-shortest-path', 'ngraph.graph', 'ngraph.path'],
});
