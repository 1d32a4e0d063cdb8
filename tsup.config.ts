import { defineConfig } from 'tsup';

// No source maps: the output is not minified (stack traces stay readable) and the
// sources are not shipped, so maps would only add megabytes to the package.
export default defineConfig([
  {
    // The library: ESM + CJS + .d.ts, platform-neutral (no node: imports in the core).
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
  },
  {
    // The command and the thread body of solveInThreads (found next to the bundle at run time): ESM for Node.
    entry: { cli: 'src/cli/main.ts', 'workers/solve-worker': 'src/workers/solve-worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: ['graphology', 'graphology-shortest-path'],
  },
  {
    // vrpkit/node: worker threads, the HTTP service and the Redis queue (Node only).
    entry: { node: 'src/node.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
  },
]);
