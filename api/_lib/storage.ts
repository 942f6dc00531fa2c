// D2: where evidence bytes go. Supabase Storage (signed upload URL, bucket 'evidence') when configured;
// otherwise a local folder behind PUT /api/uploads/<token>, the token an HMAC-signed, expiring ticket.
// D9: exports too large for a function's response go to bucket 'exports' (or the same local folder,
// behind GET /api/exports/files/<token>) and are answered with a signed, expiring download URL.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { DomainError } from '@tingkan/shared';
import { env } from './env';

export const EVIDENCE_BUCKET = 'evidence';
export const EXPORTS_BUCKET = 'exports';
/** How long a local upload ticket stays valid (Supabase's signed upload URLs last 2 hours). */
const LOCAL_TTL_MS = 15 * 60 * 1000;
const SUPABASE_TTL_MS = 2 * 60 * 60 * 1000;
/** How long an export's download link works, here and on Supabase. */
const DOWNLOAD_TTL_S = 60 * 60;

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

/** A local export's download ticket: which file, under which name. */
export interface DownloadTicket {
  path: string;
  name: string;
  contentType: string;
  exp: number;
}

// One key per purpose, so an upload ticket never opens a download and a download ticket never uploads.
type Purpose = 'uploads' | 'downloads';
function key(purpose: Purpose): Buffer {
  return createHmac('sha256', env().JWT_SECRET).update(`tingkan:${purpose}`).digest();
}

const sign = (purpose: Purpose, payload: string) => createHmac('sha256', key(purpose)).update(payload).digest('base64url');

function seal(purpose: Purpose, t: object): string {
  const payload = Buffer.from(JSON.stringify(t)).toString('base64url');
  return `${payload}.${sign(purpose, payload)}`;
}

/** The ticket inside a token, or UPLOAD_TOKEN_INVALID / UPLOAD_EXPIRED. */
function unseal<T extends { exp: number }>(purpose: Purpose, token: string, now: Date): T {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) throw new DomainError('UPLOAD_TOKEN_INVALID');
  const expected = Buffer.from(sign(purpose, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new DomainError('UPLOAD_TOKEN_INVALID');
  let t: T;
  try {
    t = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T;
  } catch {
    throw new DomainError('UPLOAD_TOKEN_INVALID');
  }
  if (typeof t.exp !== 'number' || t.exp < now.getTime()) throw new DomainError('UPLOAD_EXPIRED');
  return t;
}

export const signTicket = (t: UploadTicket): string => seal('uploads', t);
export const verifyTicket = (token: string, now: Date): UploadTicket => unseal<UploadTicket>('uploads', token, now);
export const verifyDownload = (token: string, now: Date): DownloadTicket => unseal<DownloadTicket>('downloads', token, now);

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

export async function readLocal(path: string): Promise<Buffer> {
  return readFile(localFile(path)).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new DomainError('NOT_FOUND');
    throw e;
  });
}

class NoRealtime {
  constructor() {
    throw new Error('storage.ts does not use Supabase Realtime');
  }
}

async function storageOf(url: string, serviceKey: string) {
  // Loaded lazily: only deployments with Supabase pay for it at cold start (D9).
  const { createClient } = await import('@supabase/supabase-js');
  return createClient(url, serviceKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    // Only Storage is used here. Node 20 has no WebSocket, and the client builds its Realtime part eagerly:
    // hand it a transport that is never opened instead of pulling in the ws package.
    realtime: { transport: NoRealtime as unknown as NonNullable<NonNullable<Parameters<typeof createClient>[2]>['realtime']>['transport'] },
  }).storage;
}

async function supabaseTarget(url: string, serviceKey: string, path: string, contentType: string, now: Date): Promise<UploadTarget> {
  const storage = await storageOf(url, serviceKey);
  const { data, error } = await storage.from(EVIDENCE_BUCKET).createSignedUploadUrl(path);
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


export interface StoredDownload {
  url: string;
  expiresAt: Date;
}

/**
 * D9: stores an export's bytes (path unique per export, inside bucket 'exports' or UPLOAD_DIR/exports) and gives a link that downloads it as `name` for an hour:
 * Supabase Storage's signed URL, or locally a signed ticket for GET /api/exports/files/<token>. STORAGE_UNAVAILABLE when Storage fails.
 */
export async function storeDownload(path: string, bytes: Buffer, contentType: string, name: string, now: Date): Promise<StoredDownload> {
  const e = env();
  const expiresAt = new Date(now.getTime() + DOWNLOAD_TTL_S * 1000);
  if (!e.SUPABASE_URL || !e.SUPABASE_SERVICE_ROLE_KEY) {
    const local = `${EXPORTS_BUCKET}/${path}`;
    await writeLocal(local, bytes);
    return { url: `/api/exports/files/${seal('downloads', { path: local, name, contentType, exp: expiresAt.getTime() } satisfies DownloadTicket)}`, expiresAt };
  }
  const bucket = (await storageOf(e.SUPABASE_URL, e.SUPABASE_SERVICE_ROLE_KEY)).from(EXPORTS_BUCKET);
  const up = await bucket.upload(path, bytes, { contentType, upsert: false });
  // The download name is added here: storage-js runs encodeURI over its own (already encoded) download= value,
  // which would mangle a Chinese file name.
  const signed = up.error ? up : await bucket.createSignedUrl(path, DOWNLOAD_TTL_S);
  if (signed.error || !signed.data || !('signedUrl' in signed.data)) {
    console.error('[storage] export upload or signing failed', signed.error);
    throw new DomainError('STORAGE_UNAVAILABLE');
  }
  return { url: `${signed.data.signedUrl}&download=${encodeURIComponent(name)}`, expiresAt };
}
