import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import { DomainError } from '@tingkan/shared';
import { env } from './env';
import type { Claims } from './db';

const ISSUER = 'tingkan';

// The secret as a key object, made once per secret: jose would otherwise import it on every request.
let cached: { secret: string; key: KeyObject } | undefined;

function key(): KeyObject {
  const secret = env().JWT_SECRET;
  if (cached?.secret !== secret) cached = { secret, key: createSecretKey(Buffer.from(secret, 'utf8')) };
  return cached.key;
}

/** Our own short-lived JWT (D3): sub is the person's id; RLS reads it through auth.uid(). */
export async function issueToken(personId: string, now = new Date()): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + env().JWT_TTL_SECONDS;
  const token = await new SignJWT({ role: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(personId)
    .setIssuer(ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key());
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export async function verifyToken(token: string): Promise<Claims> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: ISSUER, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || payload.role !== 'authenticated') throw new DomainError('TOKEN_INVALID');
    return { ...payload, sub: payload.sub, role: 'authenticated' };
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw new DomainError('TOKEN_EXPIRED');
    if (e instanceof DomainError) throw e;
    throw new DomainError('TOKEN_INVALID');
  }
}

export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)$/i.exec(value ?? '');
  return match?.[1];
}
