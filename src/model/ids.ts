/**
 * The id rule of docs/semantics.md: ids compare by their string form, so `1`
 * and `"1"` are the same id. Every lookup by id in the model (validation, the
 * checker, task tables) goes through `idKey`.
 */
import type { Id } from './types.js';

/** The key an id is compared by: its string form. */
export function idKey(id: Id | unknown): string {
  return String(id);
}

/** Whether two ids name the same thing under the id rule. */
export function sameId(a: Id, b: Id): boolean {
  return a === b || String(a) === String(b);
}
