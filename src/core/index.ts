export { Rng } from './rng.js';
export { VrpkitError, isVrpkitError, pointer, pointerToken } from './errors.js';
export type { InputIssue } from './errors.js';
export { TimeBudget } from './budget.js';
export type { BudgetOptions } from './budget.js';
export { DEFAULT_LIMITS, resolveLimits } from './limits.js';
export type { InputLimits } from './limits.js';
