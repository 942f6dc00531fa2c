// Exports as files (备案表, 人员库, 评议表, 观察评价表 as .xlsx; the observation report as HTML). The one
// place that knows how each platform saves a file: h5 fetches with the token and saves the blob through
// an anchor; weapp downloads with Taro.downloadFile and opens the sheet with Taro.openDocument. A file
// too large to answer inline comes back as JSON with a signed link (D9), which is then fetched as is.
import Taro from '@tarojs/taro';
import { ZErrorEnvelope } from '../schemas';
import { ApiError } from '../api-error';
import { apiBaseUrl } from '../config';
import { session } from '../session';
import { ZStoredExport, type TExportKind } from './schemas';
import { pathId, queryString } from './query';

export interface ExportRequest {
  kind: TExportKind;
  /** 备案表: the year. */
  year?: number;
  /** 评议表, 观察评价表, report: the observation. */
  observationId?: string;
}

export type Platform = 'h5' | 'weapp';

export function currentPlatform(): Platform {
  return process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5';
}

/** WeChat opens office documents only (openDocument): the HTML report is for the browser. */
export function canExportOn(kind: TExportKind, platform: Platform): boolean {
  return platform === 'h5' || kind !== 'report';
}

export function exportPath(r: ExportRequest): string {
  return `/api/exports/${pathId(r.kind)}${queryString({ year: r.year, observationId: r.observationId })}`;
}

/** RFC 6266/5987: the UTF-8 name (filename*=UTF-8''…) when given, else the plain one, else the fallback. */
export function fileNameFrom(disposition: string | null | undefined, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** The error the server sent instead of a file (its envelope), or a generic one. */
export function errorFromBody(status: number, text: string): ApiError {
  try {
    const env = ZErrorEnvelope.safeParse(JSON.parse(text));
    if (env.success) {
      const { code, message, fields, requestId } = env.data.error;
      return new ApiError(code, message, status, fields ?? [], requestId);
    }
  } catch {
    // not JSON
  }
  return ApiError.client('HTTP_ERROR', status);
}

/** A stored export's link: absolute on Supabase Storage, relative to the API in local mode. */
export function storedLink(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw ApiError.client('BAD_RESPONSE', 200);
  }
  const stored = ZStoredExport.safeParse(parsed);
  if (!stored.success) throw ApiError.client('BAD_RESPONSE', 200);
  return /^https?:\/\//.test(stored.data.url) ? stored.data.url : `${apiBaseUrl()}${stored.data.url}`;
}

const isJson = (contentType: string | null | undefined) => /application\/json/i.test(contentType ?? '');

// The browser pieces, typed by hand: the root typecheck (which sees this file through tests) has no DOM lib.
interface Anchor { href: string; download: string; rel: string; style: { display: string }; click(): void; remove(): void }
interface BrowserDocument { createElement(tag: 'a'): Anchor; body: { appendChild(a: Anchor): void } }

function clickLink(href: string, name: string): void {
  const doc = (globalThis as unknown as { document: BrowserDocument }).document;
  const a = doc.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
}

async function saveInBrowser(url: string, token: string | null, fallback: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw ApiError.client('NETWORK_ERROR');
  }
  if (!res.ok) {
    if (res.status === 401) session.clear();
    throw errorFromBody(res.status, await res.text());
  }
  if (isJson(res.headers.get('content-type'))) {
    // The signed link needs no token, and its server names the file itself.
    clickLink(storedLink(await res.text()), fallback);
    return fallback;
  }
  const name = fileNameFrom(res.headers.get('content-disposition'), fallback);
  const href = URL.createObjectURL(await res.blob());
  clickLink(href, name);
  // Give the browser a moment to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
  return name;
}

function readText(path: string): string {
  try {
    return String(Taro.getFileSystemManager().readFileSync(path, 'utf8'));
  } catch {
    return '';
  }
}

/** Taro.downloadFile, with the answer's Content-Type (from onHeadersReceived, where the base library has it). */
async function wechatDownload(url: string, header: Record<string, string>): Promise<{ statusCode: number; tempFilePath: string; contentType: string }> {
  let contentType = '';
  try {
    const task = Taro.downloadFile({ url, header }) as Promise<{ statusCode: number; tempFilePath: string }> & {
      onHeadersReceived?: (cb: (r: { header: Record<string, string> }) => void) => void;
    };
    task.onHeadersReceived?.((r) => { contentType = r.header['Content-Type'] ?? r.header['content-type'] ?? ''; });
    const res = await task;
    return { statusCode: res.statusCode, tempFilePath: res.tempFilePath, contentType };
  } catch {
    throw ApiError.client('NETWORK_ERROR');
  }
}

async function openInWechat(url: string, token: string | null, fallback: string): Promise<string> {
  let res = await wechatDownload(url, token ? { Authorization: `Bearer ${token}` } : {});
  if (res.statusCode === 401) session.clear();
  if (res.statusCode === 200 && isJson(res.contentType)) res = await wechatDownload(storedLink(readText(res.tempFilePath)), {});
  if (res.statusCode !== 200) throw errorFromBody(res.statusCode, readText(res.tempFilePath));
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
  return fallback;
}

/** Downloads (h5) or opens (weapp) one export; resolves to the file's name. */
export async function downloadExport(r: ExportRequest, fallbackName: string, platform: Platform = currentPlatform()): Promise<string> {
  const url = `${apiBaseUrl()}${exportPath(r)}`;
  const token = session.token();
  return platform === 'weapp' ? openInWechat(url, token, fallbackName) : saveInBrowser(url, token, fallbackName);
}
