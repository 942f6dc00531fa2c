// D2: where evidence bytes go. Supabase Storage (signed upload URL, bucket 'evidence') when configured;
// otherwise a local folder behind PUT /api/uploads/<token>, the token an HMAC-signed, expiring ticket.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { DomainError } from '@tingkan/shared';
import { env } from './env';

export const EVIDENCE_BUCKET = 'evidence';
/** How long a local upload ticket stays valid (Supabase's signed upload URLs last 2 hours). */
const LOCAL_TTL_MS = 15 * 60 * 1000;
const SUPABASE_TTL_MS = 2 * 60 * 60 * 1000;

export interface UploadTarget {
  backend: 'supabase' | 'local';
  method: 'PUT';
  url: string;
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface UploadTicket {
  path: string;
  contentType: string;
  sizeBytes: number;
  /** Expiry, epoch ms. */
  exp: number;
}

function key(): Buffer {
  return createHmac('sha256', env().JWT_SECRET).update('tingkan:uploads').digest();
}

const sign = (payload: string) => createHmac('sha256', key()).update(payload).digest('base64url');

export function signTicket(t: UploadTicket): string {
  const payload = Buffer.from(JSON.stringify(t)).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

/** The ticket inside a token, or UPLOAD_TOKEN_INVALID / UPLOAD_EXPIRED. */
export function verifyTicket(token: string, now: Date): UploadTicket {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) throw new DomainError('UPLOAD_TOKEN_INVALID');
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new DomainError('UPLOAD_TOKEN_INVALID');
  let t: UploadTicket;
  try {
    t = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as UploadTicket;
  } catch {
    throw new DomainError('UPLOAD_TOKEN_INVALID');
  }
  if (typeof t.exp !== 'number' || t.exp < now.getTime()) throw new DomainError('UPLOAD_EXPIRED');
  return t;
}

/** The file of a storage path inside UPLOAD_DIR; a path that would leave the folder is refused. */
export function localFile(path: string): string {
  const root = resolve(process.cwd(), env().UPLOAD_DIR);
  const file = resolve(root, path);
  if (!file.startsWith(root + sep)) throw new DomainError('UPLOAD_TOKEN_INVALID');
  return file;
}

export async function writeLocal(path: string, bytes: Buffer): Promise<void> {
  const file = localFile(path);
  await mkdir(dirname(file), { recursive: true });
  // 'wx': a ticket uploads once; a second PUT does not overwrite the evidence.
  await writeFile(file, bytes, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EEXIST') throw new DomainError('UPLOAD_ALREADY_DONE');
    throw e;
  });
}

class NoRealtime {
  constructor() {
    throw new Error('storage.ts does not use Supabase Realtime');
  }
}

async function supabaseTarget(url: string, serviceKey: string, path: string, contentType: string, now: Date): Promise<UploadTarget> {
  // Loaded lazily: only deployments with Supabase pay for it at cold start (D9).
  const { createClient } = await import('@supabase/supabase-js');
  const client = createClient(url, serviceKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    // Only Storage is used here. Node 20 has no WebSocket, and the client builds its Realtime part eagerly:
    // hand it a transport that is never opened instead of pulling in the ws package.
    realtime: { transport: NoRealtime as unknown as NonNullable<NonNullable<Parameters<typeof createClient>[2]>['realtime']>['transport'] },
  });
  const { data, error } = await client.storage.from(EVIDENCE_BUCKET).createSignedUploadUrl(path);
  if (error || !data) {
    console.error('[storage] createSignedUploadUrl failed', error);
    throw new DomainError('STORAGE_UNAVAILABLE');
  }
  return { backend: 'supabase', method: 'PUT', url: data.signedUrl, headers: { 'content-type': contentType }, expiresAt: new Date(now.getTime() + SUPABASE_TTL_MS) };
}

/** A place the client may PUT exactly this file to, once, for a short while. */
export async function uploadTarget(path: string, contentType: string, sizeBytes: number, now: Date): Promise<UploadTarget> {
  const e = env();
  if (e.SUPABASE_URL && e.SUPABASE_SERVICE_ROLE_KEY) return supabaseTarget(e.SUPABASE_URL, e.SUPABASE_SERVICE_ROLE_KEY, path, contentType, now);
  const exp = now.getTime() + LOCAL_TTL_MS;
  const token = signTicket({ path, contentType, sizeBytes, exp });
  return { backend: 'local', method: 'PUT', url: `/api/uploads/${token}`, headers: { 'content-type': contentType }, expiresAt: new Date(exp) };
}

