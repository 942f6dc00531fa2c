import type { AddressInfo } from 'node:net';
import { setEnv, parseEnv } from '../../api/_lib/env';
import { setDb } from '../../api/_lib/db';
import { createApp } from '../../api/_lib/server/app';
import { openTestDb, type TestDb } from './db';

export const TEST_JWT_SECRET = 'test-secret-0123456789-abcdefghijklmnop';

export interface TestApp extends TestDb {
  url: string;
  request(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any }>;
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
  return {
    ...testDb,
    url,
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
}
