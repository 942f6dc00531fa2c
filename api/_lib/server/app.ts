import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { VercelRequest, VercelResponse } from '@vercel/node';
import { isDomainError } from '@tingkan/shared';
import { discoverRoutes, matchRoute } from './routes';
import { readRaw, searchQuery, toVercel } from './vercel-shapes';
import { sendError } from '../handler';

type VercelHandler = (req: VercelRequest, res: VercelResponse) => unknown;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.map': 'application/json',
};

const NO_BUILD_PAGE = `<!doctype html><meta charset="utf-8"><title>听看</title>
<p>听看的接口已启动。网页端尚未构建：请运行 <code>npm run build:h5</code> 后刷新本页。</p>`;

function serveStatic(staticDir: string | undefined, path: string, res: ServerResponse): void {
  if (!staticDir || !existsSync(join(staticDir, 'index.html'))) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NO_BUILD_PAGE);
    return;
  }
  const safe = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
  let file = join(staticDir, safe);
  // A single-page app: unknown paths get index.html so deep links work.
  if (!file.startsWith(staticDir) || !existsSync(file) || statSync(file).isDirectory()) file = join(staticDir, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
}

/** Serves every api/** handler with @vercel/node's (req, res) shapes, and the h5 build at / (D5). */
export function createApp(options: { staticDir?: string } = {}): Server {
  const routes = discoverRoutes();
  const modules = new Map<string, VercelHandler>();
  const load = (file: string): VercelHandler => {
    let h = modules.get(file);
    if (!h) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(file) as { default?: VercelHandler };
      if (typeof mod.default !== 'function') throw new Error(`${file} has no default export`);
      h = mod.default;
      modules.set(file, h);
    }
    return h;
  };

  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    if (!isApi) return serveStatic(options.staticDir, url.pathname, res);
    try {
      const match = matchRoute(routes, url.pathname.replace(/^\/api\/?/, ''));
      if (!match) return sendError(res, 'NOT_FOUND', '没有这个接口');
      const raw = await readRaw(req);
      const { vreq, vres } = toVercel(req, res, raw, { ...searchQuery(url), ...match.params });
      await load(match.route.file)(vreq, vres);
    } catch (e) {
      if (!res.headersSent) {
        if (isDomainError(e)) return sendError(res, e.code);
        console.error(e);
        sendError(res, 'INTERNAL');
      }
    }
  });
}
