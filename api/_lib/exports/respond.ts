// Exports answer with a file, not JSON: the one place that sets Content-Type and Content-Disposition.
// A file too large for a function's response (D9, Vercel: 4.5 MB) goes to Storage and the answer is a signed link.
import { randomUUID } from 'node:crypto';
import { respondWith, type CustomReply } from '../handler';
import { env } from '../env';
import { storeDownload } from '../storage';
import { at } from '@tingkan/shared';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / 5987: an ASCII fallback name plus the UTF-8 name (Chinese file names survive every browser). */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export interface ExportFile {
  name: string;
  contentType: string;
  body: Buffer | string;
  disposition?: 'attachment' | 'inline';
}

export function fileReply(file: ExportFile): CustomReply {
  const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
  return respondWith((res) => {
    res.statusCode = 200;
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', contentDisposition(file.name, file.disposition));
    res.setHeader('content-length', String(body.length));
    res.setHeader('cache-control', 'no-store');
    res.end(body);
  });
}

export interface StoredExport {
  url: string;
  /** ISO instant, +08:00. */
  expiresAt: string;
  bytes: number;
}

/** The file itself when it fits in a response (EXPORT_INLINE_MAX_BYTES), otherwise stored and answered with a signed URL. */
export async function exportReply(file: ExportFile, now: Date): Promise<CustomReply | StoredExport> {
  const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
  if (body.length <= env().EXPORT_INLINE_MAX_BYTES) return fileReply({ ...file, body });
  const ext = /\.[a-z0-9]{1,8}$/i.exec(file.name)?.[0] ?? '';
  const path = `${at(now).format('YYYY-MM-DD')}/${randomUUID()}${ext}`;
  const stored = await storeDownload(path, body, file.contentType, file.name, now);
  return { url: stored.url, expiresAt: at(stored.expiresAt).format(), bytes: body.length };
}
