/**
 * Hands the thread back to the event loop for one turn, so timers, I/O and
 * other tasks run between two slices of a long computation. Uses a
 * `MessageChannel` message where the runtime has one (browsers, workers,
 * Node ≥ 15): a macrotask without the ~1 ms floor of `setTimeout(0)`, so
 * yielding often costs next to nothing. Falls back to `setTimeout(0)`.
 */
export function yieldToEventLoop(): Promise<void> {
  const Channel = (globalThis as { MessageChannel?: typeof MessageChannel }).MessageChannel;
  if (Channel === undefined) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new Channel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
