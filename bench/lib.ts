// Small helpers shared by the benchmarks: timing, percentiles, the result table, databases.
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';

export interface Row {
  figure: string;
  /** The figure's name in earlier results, where it has been renamed (bench/run.ts --compare). */
  was?: string;
  value: string;
  target: string;
  baseline: string;
  ratio: string;
  pass: boolean | null; // null = informational
}

export const rows: Row[] = [];
export const notes: string[] = [];

export function record(row: Row): void {
  rows.push(row);
  const mark = row.pass === null ? 'info' : row.pass ? 'PASS' : 'FAIL';
  console.log(`  → ${row.figure}: ${row.value} (target ${row.target}) ${mark}`);
}

export function note(text: string): void {
  notes.push(text);
  console.log(`  · ${text}`);
}

export function ms(n: number): string {
  return `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export function now(): number {
  return performance.now();
}

/** The value of each figure in an earlier results file (its markdown table), by figure name. */
export function earlierValues(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of markdown.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim().replace(/\\\|/g, '|'));
    if (cells.length >= 6 && cells[0] !== 'figure' && !/^-+$/.test(cells[0] ?? '')) out.set(cells[0] as string, cells[cells.length - 5] as string);
  }
  return out;
}

/** The result table; with `before` (an earlier run's values) a column shows each figure's earlier value. */
export function table(before?: Map<string, string>): string {
  const head = ['figure', ...(before ? ['before'] : []), 'value', 'target', 'baseline', 'ratio', 'result'];
  // The best pool size is part of a check-in figure's name and may differ between runs.
  const norm = (f: string) => f.replace(/pool \d+/g, 'pool N');
  const earlier = before && new Map([...before].map(([k, v]) => [norm(k), v]));
  const body = rows.map((r) => [r.figure, ...(earlier ? [earlier.get(norm(r.was ?? r.figure)) ?? '-'] : []),
    r.value, r.target, r.baseline, r.ratio, r.pass === null ? 'info' : r.pass ? 'pass' : 'FAIL']);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((c) => `| ${c.map(esc).join(' | ')} |`)].join('\n');
}

/** The machine, for the README and the results file. */
export function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(safeRead('/proc/cpuinfo'))?.[1] ?? 'unknown CPU';
  const memKb = Number(/MemTotal:\s*(\d+)/.exec(safeRead('/proc/meminfo'))?.[1] ?? 0);
  const cores = Number(execFileSync('nproc').toString().trim());
  const pg = safeExec('psql', ['--version']);
  return `${cores} cores (nproc), ${(memKb / 1024 / 1024).toFixed(1)} GiB RAM, ${cpu}, Node ${process.version}, ${pg || 'psql ?'}`;
}

function safeRead(file: string): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('node:fs') as typeof import('node:fs')).readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function safeExec(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return '';
  }
}

/** The same server, another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function admin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Bench databases only: refuses any name that is not tingkan_bench_*. */
export function assertBenchName(name: string): void {
  if (!/^tingkan_bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to touch database ${name}`);
}

export async function createDatabase(url: string, name: string): Promise<string> {
  assertBenchName(name);
  await admin(url, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  return withDatabase(url, name);
}

export async function databaseExists(url: string, name: string): Promise<boolean> {
  return admin(url, async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  assertBenchName(name);
  await admin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
}

/** Bounded wait: polls fn until it returns true or the time is up. */
export async function waitFor(fn: () => Promise<boolean>, timeoutMs: number, label: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await fn().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${label}`);
}
