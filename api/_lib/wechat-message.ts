// D9: WeChat one-time subscribe messages. GET /cgi-bin/token (client_credential) gives an access token,
// cached until it expires; POST /cgi-bin/message/subscribe/send delivers one message per consent.
import { env } from './env';
import { now } from './clock';

let cached: { token: string; expiresAt: number } | undefined;

/** Tests start every case from a cold cache. */
export function resetAccessToken(): void {
  cached = undefined;
}

async function getJson(url: URL, init?: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(env().WECHAT_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`WeChat answered HTTP ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

/** The cached access token, or a fresh one (5 minutes' margin before expires_in). */
export async function accessToken(force = false): Promise<string> {
  const t = now().getTime();
  if (!force && cached && cached.expiresAt > t) return cached.token;
  const e = env();
  const url = new URL('/cgi-bin/token', e.WECHAT_API_BASE);
  url.search = new URLSearchParams({ grant_type: 'client_credential', appid: e.WECHAT_APPID, secret: e.WECHAT_SECRET }).toString();
  const body = await getJson(url);
  if (typeof body.access_token !== 'string') throw new Error(`WeChat token errcode ${String(body.errcode)}`);
  const ttl = typeof body.expires_in === 'number' ? body.expires_in : 7200;
  cached = { token: body.access_token, expiresAt: t + Math.max(60, ttl - 300) * 1000 };
  return cached.token;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
}

export type SendResult = { ok: true } | { ok: false; errcode: number | null; error: string };

// 40001 invalid credential, 42001 token expired, 40014 invalid token: refresh once and retry.
const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

/** subscribeMessage.send. Never throws: the caller records the outcome (43101 = the user's consent is gone). */
export async function sendSubscribeMessage(m: SubscribeMessage): Promise<SendResult> {
  const payload = JSON.stringify({
    touser: m.touser, template_id: m.templateId, page: m.page, lang: 'zh_CN', miniprogram_state: 'formal',
    data: Object.fromEntries(Object.entries(m.data).map(([k, value]) => [k, { value }])),
  });
  try {
    for (let attempt = 0; ; attempt += 1) {
      const url = new URL('/cgi-bin/message/subscribe/send', env().WECHAT_API_BASE);
      url.search = new URLSearchParams({ access_token: await accessToken(attempt > 0) }).toString();
      const body = await getJson(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
      const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
      if (errcode === 0) return { ok: true };
      if (TOKEN_ERRCODES.has(errcode) && attempt === 0) continue;
      return { ok: false, errcode, error: String(body.errmsg ?? '').slice(0, 500) };
    }
  } catch (e) {
    return { ok: false, errcode: null, error: (e instanceof Error ? e.message : String(e)).slice(0, 500) };
  }
}
