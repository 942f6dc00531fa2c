import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@tingkan/shared';
import { env } from './env';

// D6: the host's screen shows a code that changes every WINDOW_SECONDS. A photo relayed to someone
// at home stops working after one more window (the grace for a scan that straddles a change).
export const WINDOW_SECONDS = 20;
export const GRACE_WINDOWS = 1;
const PREFIX = 'TK1';

// The derived key, made once per secret (tests change the environment): it was one more HMAC per scan.
let cached: { from: string; key: Buffer } | undefined;

function secret(): Buffer {
  const e = env();
  const from = e.QR_SECRET ?? e.JWT_SECRET;
  // A separate key from the login tokens, derived so a deployment has one secret less to manage.
  if (cached?.from !== from) cached = { from, key: createHmac('sha256', from).update('tingkan-qr-v1').digest() };
  return cached.key;
}

function sign(meetingHex: string, window: number): string {
  return createHmac('sha256', secret()).update(`${PREFIX}.${meetingHex}.${window}`).digest('base64url').slice(0, 22);
}

export function windowAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / WINDOW_SECONDS);
}

/** The payload for a meeting at an instant: TK1.<meeting id hex>.<window base36>.<signature>. */
export function issueQr(meetingId: string, nowMs: number): { payload: string; expiresAt: Date; refreshAfterMs: number } {
  const hex = meetingId.replace(/-/g, '').toLowerCase();
  const window = windowAt(nowMs);
  const nextChange = (window + 1) * WINDOW_SECONDS * 1000;
  return {
    payload: `${PREFIX}.${hex}.${window.toString(36)}.${sign(hex, window)}`,
    expiresAt: new Date(nextChange + GRACE_WINDOWS * WINDOW_SECONDS * 1000),
    refreshAfterMs: nextChange - nowMs,
  };
}

function hexToUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The meeting a scanned payload is for; refuses anything malformed, forged, altered or expired. */
export function verifyQr(payload: string, nowMs: number): { meetingId: string } {
  // Accept the h5 link form too (…?qr=<payload>), so a browser scan and a WeChat scan share one path.
  const raw = /[?&]qr=([^&#]+)/.exec(payload)?.[1];
  let text = payload.trim();
  try {
    if (raw) text = decodeURIComponent(raw);
  } catch {
    throw new DomainError('QR_MALFORMED'); // broken percent-encoding (e.g. %E0%A4%A) is not our link
  }
  const m = /^TK1\.([0-9a-f]{32})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) throw new DomainError('QR_MALFORMED');
  const [, hex, windowText, signature] = m;
  const window = parseInt(windowText, 36);
  const expected = Buffer.from(sign(hex, window));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new DomainError('QR_FORGED');
  const current = windowAt(nowMs);
  // A signed window from the future cannot come from our server's clock: treat it as forged.
  if (window > current + 1) throw new DomainError('QR_FORGED');
  if (window < current - GRACE_WINDOWS) throw new DomainError('QR_EXPIRED');
  return { meetingId: hexToUuid(hex) };
}
