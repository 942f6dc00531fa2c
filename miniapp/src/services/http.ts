import Taro from '@tarojs/taro';
import { ZErrorEnvelope } from './schemas';
import type * as z from 'zod';
import { ApiError } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpClientOptions {
  /** Origin of the API ('' for same origin); paths are appended as given ('/api/me'). */
  baseUrl: string;
  /** The current login token, or null. */
  getToken: () => string | null;
  /** Called when the server answers 401, after which the caller should go to the login page. */
  onUnauthorized?: () => void;
  timeoutMs?: number;
}

export interface CallOptions {
  body?: unknown;
  /** Send the Bearer token (default true). */
  auth?: boolean;
}

function parseJson(data: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof data !== 'string') return { ok: true, value: data ?? null };
  if (data.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(data) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The one caller of Taro.request (D7, STYLE 7): adds the token, parses JSON itself (same in weapp
 * and h5), turns the error envelope into an ApiError with the server's Chinese message, and
 * validates every successful answer with a schema from @tingkan/shared.
 */
export function createHttpClient(options: HttpClientOptions) {
  const timeout = options.timeoutMs ?? 15000;

  async function call<S extends z.ZodType>(method: HttpMethod, path: string, schema: S, opts: CallOptions = {}): Promise<z.output<S>> {
    const header: Record<string, string> = { Accept: 'application/json' };
    if (opts.body !== undefined) header['Content-Type'] = 'application/json';
    const token = opts.auth === false ? null : options.getToken();
    if (token) header.Authorization = `Bearer ${token}`;

    let res: { statusCode: number; data: unknown };
    try {
      res = await Taro.request({
        url: `${options.baseUrl}${path}`,
        method,
        header,
        data: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        dataType: 'text',
        responseType: 'text',
        timeout,
      });
    } catch {
      throw ApiError.client('NETWORK_ERROR');
    }

    const parsed = parseJson(res.data);
    const status = res.statusCode;
    if (status < 200 || status >= 300) {
      if (status === 401) options.onUnauthorized?.();
      const envelope = parsed.ok ? ZErrorEnvelope.safeParse(parsed.value) : undefined;
      if (envelope?.success) {
        const { code, message, fields, requestId } = envelope.data.error;
        throw new ApiError(code, message, status, fields ?? [], requestId);
      }
      throw ApiError.client('HTTP_ERROR', status);
    }
    if (!parsed.ok) throw ApiError.client('BAD_RESPONSE', status);
    const result = schema.safeParse(parsed.value);
    if (!result.success) throw ApiError.client('BAD_RESPONSE', status);
    return result.data;
  }

  return {
    get: <S extends z.ZodType>(path: string, schema: S, opts?: Omit<CallOptions, 'body'>) => call('GET', path, schema, opts),
    post: <S extends z.ZodType>(path: string, schema: S, body: unknown, opts?: Omit<CallOptions, 'body'>) => call('POST', path, schema, { ...opts, body }),
    put: <S extends z.ZodType>(path: string, schema: S, body: unknown, opts?: Omit<CallOptions, 'body'>) => call('PUT', path, schema, { ...opts, body }),
    patch: <S extends z.ZodType>(path: string, schema: S, body: unknown, opts?: Omit<CallOptions, 'body'>) => call('PATCH', path, schema, { ...opts, body }),
    delete: <S extends z.ZodType>(path: string, schema: S, opts?: Omit<CallOptions, 'body'>) => call('DELETE', path, schema, opts),
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;
