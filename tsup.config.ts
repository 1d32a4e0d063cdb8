import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CJS + .d.ts, platform-neutral (no node: imports in the core).
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
  },
  {
    // The command and the benchmark scripts: ESM for Node.
    entry: {
      cli: 'src/cli/main.ts',
      'bench/network': 'bench/network.ts',
      'bench/solver': 'bench/solver.ts',
      // the thread body of solveInThreads (found next to the bundle at run time)
      'workers/solve-worker': 'src/workers/solve-worker.ts',
    },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: ['graphology', 'graphology-shortest-path', 'ngraph.graph', 'ngraph.path'],
  },
  {
    // vrpkit/node: worker threads, the HTTP service and the Redis queue (Node only).
    entry: { node: 'src/node.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
  },
]);
