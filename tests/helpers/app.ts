import type { AddressInfo } from 'node:net';
import { setEnv, parseEnv } from '../../api/_lib/env';
import { setDb } from '../../api/_lib/db';
import { createApp } from '../../api/_lib/server/app';
import { openTestDb, type TestDb } from './db';

export const TEST_JWT_SECRET = 'test-secret-0123456789-abcdefghijklmnop';

export interface TestApp extends TestDb {
  url: string;
  request(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any }>;
  /** A token through the dev login, once per person per app. */
  login(personId: string): Promise<string>;
  close(): Promise<void>;
}

/** The real local server (the same (req, res) adapter as npm start) over a private test database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1', ...env }));
  const testDb = await openTestDb();
  setDb(testDb.db);
  const server = createApp();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();
  const app: TestApp = {
    ...testDb,
    url,
    async login(personId) {
      const cached = tokens.get(personId);
      if (cached) return cached;
      const res = await app.request('POST', '/api/auth/dev-login', { body: { personId } });
      if (res.status !== 200) throw new Error(`dev login failed: ${JSON.stringify(res.body)}`);
      tokens.set(personId, res.body.token);
      return res.body.token as string;
    },
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      }
      const res = await fetch(url + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: leave the text for the assertion to show
      }
      return { status: res.status, body: parsed };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await testDb.drop();
    },
  };
  return app;
}
