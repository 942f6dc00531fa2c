import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const API_DIR = join(__dirname, '..', '..');

export interface Route {
  file: string;
  /** Matches the path after /api/, capturing Vercel's [param] segments. */
  pattern: RegExp;
  params: string[];
  /** Static segments win over dynamic ones, as on Vercel. */
  rank: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('_') || name.startsWith('.')) return [];
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [full] : [];
  });
}

/** Vercel's file routing: api/a/b.ts → /api/a/b, api/a/index.ts → /api/a, api/a/[id].ts → /api/a/:id. */
export function discoverRoutes(dir = API_DIR): Route[] {
  return walk(dir)
    .map((file) => {
      const segments = relative(dir, file).replace(/\.ts$/, '').split(sep);
      if (segments[segments.length - 1] === 'index') segments.pop();
      const params: string[] = [];
      const parts = segments.map((seg) => {
        const dyn = /^\[(.+)\]$/.exec(seg);
        if (!dyn?.[1]) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        params.push(dyn[1]);
        return '([^/]+)';
      });
      return { file, pattern: new RegExp(`^${parts.join('/')}/?$`), params, rank: params.length };
    })
    .sort((a, b) => a.rank - b.rank);
}

export function matchRoute(routes: Route[], path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    try {
      route.params.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      });
    } catch {
      // Not valid percent-encoding (e.g. %E0%A4%A): no resource has that name.
      return undefined;
    }
    return { route, params };
  }
  return undefined;
}
