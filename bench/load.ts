// A bounded closed-loop load generator: N workers, each sends its next request when the last one
// answered, over keep-alive connections on loopback. Bounded by the request count and a deadline.
import { Agent, request } from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { now, waitFor } from './lib';

export interface LoadResult {
  count: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[]; // sorted
  statuses: Record<number, number>;
  bodies: string[]; // a few non-2xx answers, for the report
}

export function post(agent: Agent, base: string, path: string, token: string, body: string): Promise<{ status: number; text: string }> {
  const u = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', timeout: 10_000,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/** One GET with a bearer token (a fresh connection), its status and parsed JSON body. */
export async function getJson(base: string, path: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(new URL(path, base), { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Sends make(i) for i in [0, count) with `concurrency` workers; stops early at the deadline. */
export async function burst(
  base: string, concurrency: number, count: number, deadlineMs: number,
  make: (i: number) => { path: string; token: string; body: string },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const bodies: string[] = [];
  let next = 0;
  const start = now();
  const stopAt = start + deadlineMs;
  const worker = async () => {
    while (next < count && now() < stopAt) {
      const i = next++;
      const r = make(i);
      const t0 = now();
      let status = 0;
      try {
        const res = await post(agent, base, r.path, r.token, r.body);
        status = res.status;
        if ((status < 200 || status >= 300) && bodies.length < 5) bodies.push(`${status} ${res.text.slice(0, 200)}`);
      } catch (e) {
        if (bodies.length < 5) bodies.push(String(e));
      }
      latencies.push(now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, seconds, perSecond: latencies.length / seconds, latenciesMs: latencies, statuses, bodies };
}

export interface ServerChild {
  base: string;
  child: ChildProcess;
  resetCounters(): Promise<void>;
  /** Stops the server; resolves with the SQL round trips and transactions it counted. */
  stop(): Promise<{ queries: number; transactions: number }>;
}

/** Spawns `tsx bench/server.ts` and waits for its port and for /api/health (bounded). */
export async function startServer(databaseUrl: string, poolMax: number, jwtSecret: string): Promise<ServerChild> {
  // One process (node with tsx's loader), so a signal reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'server.ts')], {
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_POOL_MAX: String(poolMax), BENCH_JWT_SECRET: jwtSecret, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  await waitFor(async () => /PORT (\d+)/.test(out), 30_000, 'bench server port');
  const base = `http://127.0.0.1:${/PORT (\d+)/.exec(out)?.[1]}`;
  await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 15_000, '/api/health');
  return {
    base,
    child,
    async resetCounters() {
      child.kill('SIGUSR2');
      await new Promise((r) => setTimeout(r, 200));
    },
    async stop() {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      const m = /QUERIES (\d+) TX (\d+)/.exec(out);
      return { queries: Number(m?.[1] ?? NaN), transactions: Number(m?.[2] ?? NaN) };
    },
  };
}
