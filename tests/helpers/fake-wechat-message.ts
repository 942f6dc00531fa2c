import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_APPID, FAKE_SECRET } from './fake-wechat';

export interface SentMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}

/**
 * A local server that answers like WeChat's getAccessToken (GET /cgi-bin/token?grant_type=client_credential)
 * and subscribeMessage.send (POST /cgi-bin/message/subscribe/send?access_token=...). The openid picks the
 * behaviour: refuse-* → 43101 (the user refused / no consent left), down-* → HTTP 500, anything else → ok.
 * expireToken() makes the current token invalid (40001) so the client must refresh once.
 */
export async function startFakeWechatMessage() {
  let issued = 0;
  const valid = new Set<string>();
  const messages: SentMessage[] = [];
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    calls.push(`${req.method} ${url.pathname}`);
    const send = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      if (url.searchParams.get('grant_type') !== 'client_credential') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (url.searchParams.get('appid') !== FAKE_APPID || url.searchParams.get('secret') !== FAKE_SECRET) return send({ errcode: 40013, errmsg: 'invalid appid' });
      issued += 1;
      const token = `token-${issued}`;
      valid.add(token);
      return send({ access_token: token, expires_in: 7200 });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (!valid.has(url.searchParams.get('access_token') ?? '')) return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentMessage;
        if (body.touser.startsWith('down-')) return void res.writeHead(500).end('oops');
        if (body.touser.startsWith('refuse-')) return send({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
        messages.push(body);
        return send({ errcode: 0, errmsg: 'ok' });
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    calls,
    tokensIssued: () => issued,
    expireToken: () => valid.clear(),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
