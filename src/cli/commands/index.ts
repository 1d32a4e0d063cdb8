import type { Command } from './types.js';
import { path } from './path.js';
import { matrix } from './matrix.js';
import { solve } from './solve.js';
import { check } from './check.js';
import { validate } from './validate.js';
import { sla } from './sla.js';
import { cluster } from './cluster.js';
import { replan } from './replan.js';
import { report } from './report.js';
import { serve } from './serve.js';
import { worker } from './worker.js';

export const commands: Record<string, Command> = { solve, check, validate, path, matrix, cluster, sla, replan, report, serve, worker };
