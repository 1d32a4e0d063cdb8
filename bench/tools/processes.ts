/**
 * Running the real `vrpkit serve` / `vrpkit worker` commands and a real
 * `redis-server` on loopback ports, and talking to them over HTTP: shared by
 * the service tests (tests/server, tests/queue) and bench/service-load.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const DIST = join(REPO_ROOT, 'dist', 'cli.js');
const TSX = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface Running {
  proc: ChildProcess;
  /** Everything written on stderr so far. */
  stderr(): string;
  /** Resolves with the first match of `re` on stderr. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Sends `signal` (default SIGTERM) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts a long-running process and collects its stderr. */
export function startProcess(command: string, args: string[]): Running {
  const proc = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  let err = '';
  const listeners = new Set<() => void>();
  proc.stderr!.on('data', (d) => {
    err += d;
    for (const l of listeners) l();
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    stderr: () => err,
    exited,
    waitFor: (re, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = err.match(re);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${re} on stderr of ${command} ${args.join(' ')}:\n${err}`));
        }, timeoutMs);
        listeners.add(check);
        proc.on('exit', () => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`process ended before ${re}:\n${err}`));
          }
        });
        check();
      }),
    stop: async (signal = 'SIGTERM') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** `vrpkit ...args`: the build when there is one, else the sources through tsx. */
export function startCli(args: string[]): Running {
  return existsSync(DIST) ? startProcess(process.execPath, [DIST, ...args]) : startProcess(process.execPath, [TSX, join(REPO_ROOT, 'src/cli/main.ts'), ...args]);
}

/** Starts `vrpkit serve --port 0 ...args` and resolves with its URL. */
export async function startServe(args: string[] = []): Promise<Running & { url: string }> {
  const r = startCli(['serve', '--port', '0', ...args]);
  const m = await r.waitFor(/listening on (http:\/\/[^\s]+)/, 60_000);
  return Object.assign(r, { url: m[1] });
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Starts a throw-away `redis-server` (Debian package `redis-server`) on a free
 * loopback port, without persistence. Fails loudly when it is not installed.
 */
export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'vrpkit-redis-'));
  const r = startProcess('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
  const failed = new Promise<never>((_, reject) => {
    r.proc.on('error', (e) => reject(new Error(`cannot start redis-server (apt-get install redis-server): ${e.message}`)));
    r.exited.then((code) => reject(new Error(`redis-server exited with code ${code}:\n${r.stderr()}`)));
  });
  failed.catch(() => {});
  const listening = (async () => {
    const t0 = Date.now();
    for (;;) {
      const ok = await new Promise<boolean>((resolve) => {
        const c = connect(port, '127.0.0.1', () => (c.destroy(), resolve(true)));
        c.on('error', () => resolve(false));
      });
      if (ok) return;
      if (Date.now() - t0 > 20_000) throw new Error(`redis-server did not listen on port ${port}`);
      await new Promise((res) => setTimeout(res, 50));
    }
  })();
  await Promise.race([listening, failed]);
  return { url: `redis://127.0.0.1:${port}`, stop: async () => void (await r.stop('SIGTERM')) };
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** One HTTP request with an optional body (string or Buffer). */
export function http(method: string, url: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: body !== undefined ? { 'content-type': 'application/json', ...headers } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * POSTs `totalBytes` of JSON-ish filler in 1 MiB chunks (chunked transfer, or
 * with a content-length) and resolves with the status as soon as the server
 * answers, whether or not it read the rest.
 */
export async function postHuge(url: string, totalBytes: number, withLength: boolean): Promise<HttpAnswer> {
  // A connection the server hangs up before its answer is read (EPIPE while we
  // still write) is tried once more on a fresh connection.
  try {
    return await postHugeOnce(url, totalBytes, withLength);
  } catch (e) {
    if (!(e instanceof Error) || !e.message.includes('closed without an answer')) throw e;
    return postHugeOnce(url, totalBytes, withLength);
  }
}

function postHugeOnce(url: string, totalBytes: number, withLength: boolean): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (withLength) headers['content-length'] = String(totalBytes);
    // a fresh connection: a reused keep-alive socket may already be closed by the server
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: safeJson(text) });
        req.destroy();
      });
    });
    let answered = false;
    req.on('response', () => {
      answered = true;
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      // The server may hang up while we still write; the answer may still arrive.
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
    });
    req.on('close', () => {
      // closed without an answer: fail instead of waiting forever
      if (!answered) reject(new Error(`postHuge: the connection to ${url} closed without an answer`));
    });
    const chunk = Buffer.alloc(1 << 20, 0x20);
    chunk[0] = 0x5b; // '['
    let sent = 0;
    const write = () => {
      while (sent < totalBytes && !req.destroyed) {
        const n = Math.min(chunk.length, totalBytes - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', write);
      }
      if (!req.destroyed) req.end();
    };
    write();
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Peak resident memory (VmHWM, kB) of a process, from /proc. */
export function peakRssKb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmHWM for pid ${pid}`);
  return Number(m[1]);
}

/** Polls `get` until `until` holds (a hang guard, not a timing assertion). */
export async function poll<T>(get: () => Promise<T>, until: (x: T) => boolean, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const x = await get();
    if (until(x)) return x;
    if (Date.now() - t0 > timeoutMs) throw new Error(`condition not reached within ${timeoutMs} ms; last: ${JSON.stringify(x).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
