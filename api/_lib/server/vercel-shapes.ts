import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VercelRequest, VercelResponse } from '@vercel/node';
import { DomainError } from '@tingkan/shared';

export const MAX_BODY_BYTES = 1024 * 1024;

export function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new DomainError('PAYLOAD_TOO_LARGE'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string): unknown {
  if (raw.length === 0) return undefined;
  if (/^application\/json\b/i.test(contentType)) return JSON.parse(raw.toString('utf8'));
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  if (/^text\//i.test(contentType)) return raw.toString('utf8');
  return raw;
}

/** Gives node's req/res the helpers @vercel/node adds, so handlers run unchanged locally and on Vercel (D5). */
export function toVercel(
  req: IncomingMessage,
  res: ServerResponse,
  raw: Buffer,
  query: Record<string, string | string[]>,
): { vreq: VercelRequest; vres: VercelResponse } {
  const vreq = req as VercelRequest;
  let parsed: { value: unknown } | undefined;
  Object.defineProperty(vreq, 'query', { value: query, configurable: true });
  Object.defineProperty(vreq, 'cookies', { value: {}, configurable: true });
  // Like Vercel: parsed lazily, and reading a malformed JSON body throws.
  Object.defineProperty(vreq, 'body', {
    configurable: true,
    get() {
      parsed ??= { value: parseBody(raw, String(req.headers['content-type'] ?? '')) };
      return parsed.value;
    },
  });
  const vres = res as VercelResponse;
  vres.status = (code: number) => {
    res.statusCode = code;
    return vres;
  };
  vres.json = (body: unknown) => {
    if (!res.getHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
    return vres;
  };
  vres.send = (body: unknown) => {
    if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) return vres.json(body);
    res.end(body as string | Buffer);
    return vres;
  };
  vres.redirect = ((statusOrUrl: number | string, url?: string) => {
    res.statusCode = typeof statusOrUrl === 'number' ? statusOrUrl : 307;
    res.setHeader('location', typeof statusOrUrl === 'string' ? statusOrUrl : (url ?? '/'));
    res.end();
    return vres;
  }) as VercelResponse['redirect'];
  return { vreq, vres };
}

export function searchQuery(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return query;
}
