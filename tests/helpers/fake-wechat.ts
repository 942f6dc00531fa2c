import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_APPID = 'wx00000000000test';
export const FAKE_SECRET = 'fake-secret-0123456789';

/**
 * A local server that answers like WeChat's auth.code2Session (GET /sns/jscode2session):
 * 200 with JSON, errcode on failure. The code picks the behaviour:
 * ok:<openid> | invalid (40029) | used (40163) | limit (45011) | busy (-1) | risky (40226) | slow:<ms> | http500.
 */
export async function startFakeWechat(): Promise<{ base: string; calls: string[]; close(): Promise<void> }> {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    calls.push(url.pathname + url.search);
    const send = (body: unknown) => res.writeHead(200, { 'content-type': 'text/plain' }).end(JSON.stringify(body));
    if (url.pathname !== '/sns/jscode2session') return void res.writeHead(404).end();
    if (url.searchParams.get('appid') !== FAKE_APPID || url.searchParams.get('secret') !== FAKE_SECRET) {
      return send({ errcode: 40013, errmsg: 'invalid appid' });
    }
    if (url.searchParams.get('grant_type') !== 'authorization_code') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
    const code = url.searchParams.get('js_code') ?? '';
    const [kind, arg] = code.split(':');
    switch (kind) {
      case 'ok': return send({ openid: arg, session_key: 'c2Vzc2lvbl9rZXk=' });
      case 'invalid': return send({ errcode: 40029, errmsg: 'invalid code' });
      case 'used': return send({ errcode: 40163, errmsg: 'code been used' });
      case 'limit': return send({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
      case 'busy': return send({ errcode: -1, errmsg: 'system error' });
      case 'risky': return send({ errcode: 40226, errmsg: 'high risk user' });
      case 'slow': return void setTimeout(() => send({ openid: 'late', session_key: 'x' }), Number(arg));
      case 'http500': return void res.writeHead(500).end('oops');
      default: return send({ errcode: 40029, errmsg: 'invalid code' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
