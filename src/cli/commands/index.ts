import type { Command } from './types.js';

/**
 * Every command by name, each loaded on first use: `vrpkit solve` reads the
 * code of `solve` and what it needs, not that of the other commands (start-up time).
 */
export const commands: Record<string, () => Promise<Command>> = {
  solve: async () => (await import('./solve.js')).solve,
  check: async () => (await import('./check.js')).check,
  validate: async () => (await import('./validate.js')).validate,
  path: async () => (await import('./path.js')).path,
  matrix: async () => (await import('./matrix.js')).matrix,
  cluster: async () => (await import('./cluster.js')).cluster,
  sla: async () => (await import('./sla.js')).sla,
  replan: async () => (await import('./replan.js')).replan,
  report: async () => (await import('./report.js')).report,
  serve: async () => (await import('./serve.js')).serve,
  worker: async () => (await import('./worker.js')).worker,
};
