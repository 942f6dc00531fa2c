import { DomainError, type ErrorCode } from '@tingkan/shared';
import { env } from './env';

// WeChat's documented errcodes for jscode2session, each turned into something a user can act on.
const CODE_BY_ERRCODE: Record<number, ErrorCode> = {
  40029: 'WECHAT_CODE_INVALID',
  40163: 'WECHAT_CODE_INVALID', // code already used
  45011: 'WECHAT_RATE_LIMITED',
  40226: 'WECHAT_RISKY_USER',
  [-1]: 'WECHAT_BUSY',
};

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/** GET /sns/jscode2session (WeChat's auth.code2Session): the login code from Taro.login() → openid. */
export async function code2Session(code: string): Promise<WechatSession> {
  const e = env();
  const url = new URL('/sns/jscode2session', e.WECHAT_API_BASE);
  url.search = new URLSearchParams({ appid: e.WECHAT_APPID, secret: e.WECHAT_SECRET, js_code: code, grant_type: 'authorization_code' }).toString();
  let body: { openid?: unknown; unionid?: unknown; errcode?: unknown };
  try {
    // A slow WeChat must not hold the login open: bounded by WECHAT_TIMEOUT_MS.
    const res = await fetch(url, { signal: AbortSignal.timeout(e.WECHAT_TIMEOUT_MS) });
    if (!res.ok) throw new DomainError('WECHAT_UNAVAILABLE');
    body = (await res.json()) as typeof body;
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('WECHAT_UNAVAILABLE');
  }
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
  if (errcode !== 0) throw new DomainError(CODE_BY_ERRCODE[errcode] ?? 'WECHAT_UNAVAILABLE');
  if (typeof body.openid !== 'string' || body.openid.length === 0) throw new DomainError('WECHAT_UNAVAILABLE');
  return { openid: body.openid, unionid: typeof body.unionid === 'string' ? body.unionid : undefined };
}
