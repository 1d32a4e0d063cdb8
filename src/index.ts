/**
 * vrpkit — vehicle routing and dispatch optimisation in pure TypeScript.
 * This module is the whole public surface; nothing else is exported.
 */
export { VERSION } from './version.js';
export { Rng, VrpkitError, isVrpkitError, TimeBudget } from './core/index.js';
export type { InputIssue, BudgetOptions } from './core/index.js';
export type * from './model/types.js';
