import type { IncomingMessage } from 'node:http';
import { env } from './env';

// Fixed-window counters, in the memory of this function instance (docs/decisions/0003-rate-limits.md).
// Every attempt counts, refused or not, so guessing invitation codes or QR payloads gets no faster.

export interface Limit {
  limit: number;
  windowSec: number;
}

export interface RateLimitRule {
  /** Counters of different rules never mix: 'login' and 'checkin' from one IP are separate. */
  bucket: string;
  perIp?: Limit;
  perPerson?: Limit;
}

interface Window {
  startMs: number;
  count: number;
}

const windows = new Map<string, Window>();
const SWEEP_AT = 50_000;

function sweep(nowMs: number): void {
  for (const [key, w] of windows) if (nowMs - w.startMs >= 3600_000) windows.delete(key);
}

/** Counts one attempt; returns the seconds to wait when the limit is already used up, else undefined. */
export function hit(key: string, limit: Limit, nowMs: number): number | undefined {
  const windowMs = limit.windowSec * 1000;
  let w = windows.get(key);
  if (!w || nowMs - w.startMs >= windowMs) {
    if (windows.size >= SWEEP_AT) sweep(nowMs);
    w = { startMs: nowMs, count: 0 };
    windows.set(key, w);
  }
  w.count += 1;
  if (w.count <= limit.limit) return undefined;
  return Math.max(1, Math.ceil((w.startMs + windowMs - nowMs) / 1000));
}

/** Tests start each case from empty counters. */
export function resetRateLimits(): void {
  windows.clear();
}

/**
 * The client's address. On Vercel x-forwarded-for is set by the edge (a client's own value is
 * overwritten); the local server has no proxy in front, so there it is only as honest as the client.
 */
export function clientIp(req: Pick<IncomingMessage, 'headers' | 'socket'>): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket?.remoteAddress || 'unknown';
}

/** POST /api/auth/wechat: no caller yet, so per IP only (a meeting room is one NAT: generous). */
export function loginLimits(): RateLimitRule {
  const e = env();
  return { bucket: 'login', perIp: { limit: e.RATE_LIMIT_LOGIN_PER_IP, windowSec: e.RATE_LIMIT_WINDOW_SECONDS } };
}

/** POST /api/checkins: per person (a stuck scanner loop) and per IP (hundreds of members behind one NAT). */
export function checkinLimits(): RateLimitRule {
  const e = env();
  return {
    bucket: 'checkin',
    perIp: { limit: e.RATE_LIMIT_CHECKIN_PER_IP, windowSec: e.RATE_LIMIT_WINDOW_SECONDS },
    perPerson: { limit: e.RATE_LIMIT_CHECKIN_PER_PERSON, windowSec: e.RATE_LIMIT_WINDOW_SECONDS },
  };
}
