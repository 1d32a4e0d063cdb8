/** A monotonic clock in milliseconds: `performance.now()` where the runtime has it, else `Date.now()`. */
export function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
