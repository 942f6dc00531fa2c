import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StorageCall {
  method: string;
  url: string;
  auth: string;
  contentType: string;
  bytes: number;
}

/**
 * A local server that answers like Supabase Storage's REST API (storage-js): upload an object
 * (POST /storage/v1/object/<bucket>/<path>, x-upsert false refuses an existing one), sign a download
 * (POST /storage/v1/object/sign/<bucket>/<path> → signedURL), serve it (GET that signed URL with its token),
 * and sign an upload (POST /storage/v1/object/upload/sign/<bucket>/<path>). failNext() makes the next call a 500.
 */
export async function startFakeStorage() {
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  const tokens = new Map<string, string>();
  const calls: StorageCall[] = [];
  let fail = false;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const contentType = String(req.headers['content-type'] ?? '');
      calls.push({ method: req.method ?? '', url: req.url ?? '', auth: String(req.headers.authorization ?? ''), contentType, bytes: body.length });
      const json = (status: number, data: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
      if (fail) {
        fail = false;
        return json(500, { statusCode: '500', error: 'boom', message: 'boom' });
      }
      const path = decodeURIComponent(url.pathname);
      let m = /^\/storage\/v1\/object\/upload\/sign\/(.+)$/.exec(path);
      if (req.method === 'POST' && m) return json(200, { url: `/object/upload/sign/${m[1]}?token=signed-token-123` });
      m = /^\/storage\/v1\/object\/sign\/(.+)$/.exec(path);
      if (req.method === 'POST' && m) {
        if (!objects.has(m[1]!)) return json(400, { statusCode: '404', error: 'not_found', message: 'Object not found' });
        const token = `signed-${tokens.size + 1}`;
        tokens.set(token, m[1]!);
        return json(200, { signedURL: `/object/sign/${m[1]}?token=${token}` });
      }
      if (req.method === 'GET' && m) {
        const o = tokens.get(url.searchParams.get('token') ?? '') === m[1] ? objects.get(m[1]!) : undefined;
        if (!o) return json(400, { statusCode: '400', error: 'InvalidJWT', message: 'invalid token' });
        return void res.writeHead(200, { 'content-type': o.contentType }).end(o.bytes);
      }
      m = /^\/storage\/v1\/object\/(.+)$/.exec(path);
      if (req.method === 'POST' && m) {
        if (objects.has(m[1]!) && req.headers['x-upsert'] !== 'true') return json(400, { statusCode: '409', error: 'Duplicate', message: 'The resource already exists' });
        objects.set(m[1]!, { bytes: body, contentType });
        return json(200, { Key: m[1], Id: `id-${objects.size}` });
      }
      json(404, { statusCode: '404', error: 'not_found', message: 'no route' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    objects,
    failNext: () => { fail = true; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
