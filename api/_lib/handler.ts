import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { VercelRequest, VercelResponse } from '@vercel/node';
import type * as z from 'zod';
import { DomainError, ERROR_MESSAGES_ZH, isDomainError, parseOrThrow, type ErrorCode, type FieldIssue } from '@tingkan/shared';
import { statusFor } from './http-status';
import { bearerToken, verifyToken } from './session';
import { withCaller, type Claims, type Queryable } from './db';
import { domainErrorFromDb } from './db/errors';
import { clientIp, hit, type RateLimitRule } from './rate-limit';
import { now } from './clock';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Reply {
  status: number;
  data: unknown;
}

interface BaseSpec<B extends z.ZodType, Q extends z.ZodType> {
  body?: B;
  query?: Q;
  /** Read per request (limits come from env): per IP before parsing, per person after authenticating. */
  rateLimit?: () => RateLimitRule;
}

interface PublicSpec<B extends z.ZodType, Q extends z.ZodType> extends BaseSpec<B, Q> {
  auth: 'public';
  run(ctx: { body: z.infer<B>; query: z.infer<Q>; req: VercelRequest }): Promise<unknown>;
}

/** The caller's request runs in one transaction under RLS (D3, D5): all of it commits or none. */
interface UserSpec<B extends z.ZodType, Q extends z.ZodType> extends BaseSpec<B, Q> {
  auth: 'user';
  run(ctx: { body: z.infer<B>; query: z.infer<Q>; req: VercelRequest; caller: Claims; tx: Queryable }): Promise<unknown>;
}

export type EndpointSpec<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> = PublicSpec<B, Q> | UserSpec<B, Q>;

/** Helps inference: each endpoint keeps its own body and query types. */
export function endpoint<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  spec: EndpointSpec<B, Q>,
): EndpointSpec<B, Q> {
  return spec;
}

/** A successful answer with a status other than 200. */
export function reply(status: number, data: unknown): Reply {
  return { status, data };
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value && 'data' in value && Object.keys(value).length === 2;
}

const WRITE = Symbol('write');

/** A non-JSON answer (exports: files, printable pages): run returns it; it writes the response after the transaction commits. */
export interface CustomReply {
  [WRITE]: (res: VercelResponse) => void;
}

export function respondWith(write: (res: VercelResponse) => void): CustomReply {
  return { [WRITE]: write };
}

function isCustomReply(value: unknown): value is CustomReply {
  return typeof value === 'object' && value !== null && WRITE in value;
}

/** The one error envelope (D5). Plain node primitives, so it also answers before Vercel's helpers exist. */
export function sendError(res: ServerResponse, code: ErrorCode, message?: string, fields?: FieldIssue[], requestId?: string): void {
  const error: Record<string, unknown> = { code, message: message ?? ERROR_MESSAGES_ZH[code] };
  if (fields && fields.length > 0) error.fields = fields;
  if (requestId) error.requestId = requestId;
  res.statusCode = statusFor(code);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ error }));
}

function readBody(req: VercelRequest, hasSchema: boolean): unknown {
  if (!hasSchema) return undefined;
  const type = String(req.headers['content-type'] ?? '');
  const hasContent = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasContent && !/^application\/json\b/i.test(type)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  // Vercel's req.body is a getter that throws on malformed JSON (so does the local server's).
  try {
    return req.body ?? {};
  } catch {
    throw new DomainError('INVALID_JSON');
  }
}

/** 429 RATE_LIMITED with '请 N 秒后再试' and Retry-After when the key's window is used up. */
function limit(res: VercelResponse, bucket: string, key: string, rule: RateLimitRule['perIp']): void {
  const wait = rule ? hit(`${bucket}:${key}`, rule, now().getTime()) : undefined;
  if (wait === undefined) return;
  res.setHeader('Retry-After', String(wait));
  throw new DomainError('RATE_LIMITED', `操作太频繁，请 ${wait} 秒后再试`);
}

async function authenticate(req: VercelRequest): Promise<Claims> {
  const token = bearerToken(req.headers.authorization);
  if (!token) throw new DomainError('UNAUTHENTICATED');
  return verifyToken(token);
}

/** parse → authenticate → rule + SQL in one transaction → respond (D5, STYLE 5). */
export function handler(specs: Partial<Record<Method, EndpointSpec<any, any>>>) {
  return async function handle(req: VercelRequest, res: VercelResponse): Promise<void> {
    const spec = specs[(req.method ?? 'GET').toUpperCase() as Method];
    if (!spec) {
      res.setHeader('Allow', Object.keys(specs).join(', '));
      return sendError(res, 'METHOD_NOT_ALLOWED');
    }
    try {
      const rule = spec.rateLimit?.();
      if (rule) limit(res, rule.bucket, `ip:${clientIp(req)}`, rule.perIp);
      const body = spec.body ? parseOrThrow(spec.body, readBody(req, true)) : undefined;
      const query = spec.query ? parseOrThrow(spec.query, req.query ?? {}) : undefined;
      let result: unknown;
      if (spec.auth === 'public') {
        result = await spec.run({ body, query, req });
      } else {
        const caller = await authenticate(req);
        if (rule) limit(res, rule.bucket, `person:${caller.sub}`, rule.perPerson);
        result = await withCaller(caller, (tx) => spec.run({ body, query, req, caller, tx }));
      }
      if (isCustomReply(result)) result[WRITE](res);
      else if (isReply(result)) res.status(result.status).json(result.data);
      else res.status(200).json(result ?? {});
    } catch (e) {
      if (isDomainError(e)) return sendError(res, e.code, e.message, e.fields);
      const refused = domainErrorFromDb(e);
      if (refused) return sendError(res, refused.code);
      const requestId = randomUUID();
      console.error(`[${requestId}] ${req.method} ${req.url}`, e);
      sendError(res, 'INTERNAL', undefined, undefined, requestId);
    }
  };
}

/** One function for a few actions of a resource (Vercel's api/<resource>/[action].ts), to keep the function count small. */
export function byAction(handlers: Record<string, ReturnType<typeof handler>>) {
  return function dispatch(req: VercelRequest, res: VercelResponse) {
    const action = typeof req.query.action === 'string' ? req.query.action : '';
    const h = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
    return h ? h(req, res) : sendError(res, 'NOT_FOUND', '没有这个接口');
  };
}
