import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createServer as createHttp } from 'node:http';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import { parseEnv, setEnv } from '../../api/_lib/env';
import { FAKE_APPID, FAKE_SECRET } from '../helpers/fake-wechat';

// Issue 7, faults: WeChat's server slow, hanging, refusing or babbling. Login must answer with a clear
// 503 within a bounded time (WECHAT_TIMEOUT_MS = 1 s here; the bound asserted is a generous 5 s).
// tests/api/wechat-login.test.ts covers WeChat's errcodes, HTTP 500 and a slow JSON answer.
let app: TestApp;
const servers: Array<{ close(cb: () => void): void }> = [];
const sockets: Socket[] = [];

async function listen(server: Server | ReturnType<typeof createHttp>): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function useWechat(base: string): void {
  setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1', WECHAT_API_BASE: base, WECHAT_APPID: FAKE_APPID, WECHAT_SECRET: FAKE_SECRET, WECHAT_TIMEOUT_MS: '1000' }));
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  await app.close();
});

const outages: Array<[string, () => Promise<string>]> = [
  ['accepts the connection and never answers', async () => listen(createServer((s) => void sockets.push(s)))],
  ['answers the headers, then trickles the body forever', async () =>
    listen(createHttp((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"openid":');
      sockets.push(res.socket!);
    }))],
  ['answers 200 with something that is not JSON', async () => listen(createHttp((_req, res) => res.end('<html>维护中</html>')))],
  ['answers 200 with JSON but no openid', async () => listen(createHttp((_req, res) => res.end('{"session_key":"x"}')))],
  ['resets the connection', async () => listen(createServer((s) => s.destroy()))],
  ['is not listening at all (connection refused)', async () => {
    const base = await listen(createServer());
    const closed = servers.pop()!;
    await new Promise<void>((r) => closed.close(() => r()));
    return base;
  }],
];

it.each(outages)('WeChat %s: login answers 503 WECHAT_UNAVAILABLE with a Chinese message, within 5 s', async (_name, start) => {
  useWechat(await start());
  const t0 = Date.now();
  const res = await app.request('POST', '/api/auth/wechat', { body: { code: 'ok:someone' } });
  expect(Date.now() - t0).toBeLessThan(5000);
  expect(res.status).toBe(503);
  expect(res.body.error).toEqual({ code: 'WECHAT_UNAVAILABLE', message: '暂时连不上微信服务，请稍后再试' });
});
