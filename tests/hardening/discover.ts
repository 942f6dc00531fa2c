import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { API_DIR, discoverRoutes, type Route } from '../../api/_lib/server/routes';
import type { TestApp } from '../helpers/app';

// Finds the endpoints that exist when the test runs, by asking the real server, not from a list:
// a route file's [action] names are the words of its source that the server does not answer
// '没有这个接口' to, and an endpoint's methods are the ones that do not answer 405.

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

export interface Endpoint {
  /** e.g. /api/meetings/[id]/cancel: the route with its actions filled in. */
  template: string;
  method: Method;
  /** The dynamic segments still to fill (id, token, ...). */
  params: string[];
}

const NO_SUCH_ENDPOINT = '没有这个接口';

function segmentsOf(route: Route): string[] {
  const segs = relative(API_DIR, route.file).replace(/\.ts$/, '').split(/[\\/]/);
  if (segs[segs.length - 1] === 'index') segs.pop();
  return segs;
}

function fill(template: string, values: Record<string, string>): string {
  // A lone surrogate cannot be sent in a URL at all; it travels as U+FFFD, as a browser would send it.
  const wellFormed = (v: string) => Buffer.from(v, 'utf8').toString('utf8');
  return template.replace(/\[([^\]]+)\]/g, (_m, name: string) => encodeURIComponent(wellFormed(values[name] ?? randomUUID())));
}

/** Every route file as a template, [action] segments expanded to the actions the server knows. */
async function templates(app: TestApp): Promise<string[]> {
  const out: string[] = [];
  for (const route of discoverRoutes()) {
    const segs = segmentsOf(route);
    const template = `/api/${segs.join('/')}`.replace(/\/$/, '');
    if (!segs.includes('[action]')) {
      out.push(template);
      continue;
    }
    const words = [...new Set(readFileSync(route.file, 'utf8').match(/[a-z][a-z0-9-]{1,40}/g) ?? [])];
    for (const word of words) {
      const path = template.replace('[action]', word);
      const res = await app.request('DELETE', fill(path, {}));
      const unknown = res.status === 404 && res.body?.error?.message === NO_SUCH_ENDPOINT;
      if (!unknown) out.push(path);
    }
  }
  return out;
}

/** Route × method pairs the server answers with something other than 405 (and other than "no such endpoint"). */
export async function discoverEndpoints(app: TestApp): Promise<Endpoint[]> {
  const endpoints: Endpoint[] = [];
  for (const template of await templates(app)) {
    const params = [...template.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
    for (const method of METHODS) {
      const res = await app.request(method, fill(template, {}));
      if (res.status === 405) continue;
      if (res.status === 404 && res.body?.error?.message === NO_SUCH_ENDPOINT) continue;
      endpoints.push({ template, method, params });
    }
  }
  return endpoints;
}

export function pathFor(endpoint: Endpoint, values: Record<string, string>): string {
  return fill(endpoint.template, values);
}

/** Field names and literal words of every shared schema: the vocabulary of plausible bodies and queries. */
export function schemaVocabulary(): { keys: string[]; words: string[] } {
  const dir = join(__dirname, '..', '..', 'shared', 'src', 'schemas');
  const keys = new Set<string>();
  const words = new Set<string>();
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const m of text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\??:\s*(?:z\.|Z[A-Z])/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/'([^'\n]{1,40})'/g)) words.add(m[1]!);
  }
  return { keys: [...keys].sort(), words: [...words].sort() };
}
