// Exports answer with a file, not JSON: the one place that sets Content-Type and Content-Disposition.
import { respondWith, type CustomReply } from '../handler';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / 5987: an ASCII fallback name plus the UTF-8 name (Chinese file names survive every browser). */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileReply(file: { name: string; contentType: string; body: Buffer | string; disposition?: 'attachment' | 'inline' }): CustomReply {
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
