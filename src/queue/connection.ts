/**
 * Redis connections for BullMQ. Each queue, worker and event listener gets its
 * own ioredis client (BullMQ blocks on some of them); `maxRetriesPerRequest:
 * null` is what BullMQ's blocking commands need.
 */
import { Redis } from 'ioredis';
import { VrpkitError } from '../core/errors.js';

/** Checks a `redis://` / `rediss://` URL, naming the option when it is not one. */
export function checkRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VrpkitError('usage', `--redis must be a URL such as redis://127.0.0.1:6379, got '${url}'`, '');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new VrpkitError('usage', `--redis must be a redis:// or rediss:// URL, got '${url}'`, '');
  }
  return url;
}

/** A new client for `url`. */
export function redisClient(url: string): Redis {
  return new Redis(checkRedisUrl(url), { maxRetriesPerRequest: null });
}

/** Resolves when `client` is ready; rejects (and disconnects it) when Redis cannot be reached within `timeoutMs`. */
export async function whenReady(client: Redis, url: string, timeoutMs = 5000): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      client.disconnect();
      reject(new VrpkitError('redis', `cannot reach Redis at ${url} within ${timeoutMs / 1000} s`, ''));
    }, timeoutMs);
    const ready = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      client.off('ready', ready);
    };
    client.on('ready', ready);
    // Connection errors are retried by ioredis; the timer above bounds the wait.
    client.on('error', () => {});
  });
}

/**
 * Closes clients this process opened (BullMQ never closes a client it was
 * given): QUIT, or a hard disconnect when Redis does not answer within 2 s.
 */
export async function closeClients(clients: Redis[]): Promise<void> {
  await Promise.all(
    clients.map(async (c) => {
      if (c.status === 'end') return;
      const timer = setTimeout(() => c.disconnect(), 2000);
      try {
        await c.quit();
      } catch {
        c.disconnect();
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
