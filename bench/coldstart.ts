// Figure 4: cold start. The function is bundled with esbuild as Vercel would (D9), then a fresh
// `node` process loads the bundle, listens, and answers its first request; the time is from spawn to
// the response. Baseline: a bundle that only starts node:http and answers "ok". Median of 11 each,
// interleaved, with the spread and the child's own CPU time (which another process's load hardly moves),
// so a figure near the target can be told from noise.
// The request is POST /api/checkins without a token: it loads every module of the function (zod,
// jose, pg, the shared rules) and runs parse → authenticate → 401, with no database involved.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { median, ms, note, now, percentile, record } from './lib';

const RUNS = 11;

/** User + system CPU of a live process so far (Linux /proc), in ms. */
function cpuMs(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return NaN;
  }
}
const ROOT = join(__dirname, '..');

const FUNCTION_ENTRY = `
import { createServer } from 'node:http';
import handler from ${JSON.stringify(join(ROOT, 'api', 'checkins', 'index.ts'))};
import { readRaw, toVercel } from ${JSON.stringify(join(ROOT, 'api', '_lib', 'server', 'vercel-shapes.ts'))};
const server = createServer(async (req, res) => {
  const raw = await readRaw(req);
  const { vreq, vres } = toVercel(req, res, raw, {});
  await handler(vreq, vres);
});
server.listen(0, '127.0.0.1', () => process.stdout.write('PORT ' + server.address().port + '\\n'));
`;

const BASELINE_ENTRY = `
import { createServer } from 'node:http';
const server = createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => process.stdout.write('PORT ' + server.address().port + '\\n'));
`;

/** Spawn → "PORT n" → first request answered; bounded at 20 s. */
function firstResponse(bundle: string): Promise<{ ms: number; status: number; cpu: number }> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(process.execPath, [bundle], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { PATH: process.env.PATH, NODE_ENV: 'production', JWT_SECRET: 'bench-secret-0123456789-abcdefghijklmnop', DATABASE_URL: 'postgres://bench@127.0.0.1:1/none' },
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('cold start timed out'));
    }, 20_000);
    let out = '';
    child.stdout?.on('data', async (c: Buffer) => {
      out += c.toString();
      const port = /PORT (\d+)/.exec(out)?.[1];
      if (!port || out.includes('SENT')) return;
      out += 'SENT';
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/checkins`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: 'TK1.x' }),
        });
        await res.text();
        const elapsed = now() - t0;
        const cpu = cpuMs(child.pid);
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve({ ms: elapsed, status: res.status, cpu });
      } catch (e) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(e);
      }
    });
  });
}

/**
 * ESM with code splitting, so a dynamic `import()` becomes a chunk that is read only when it runs (D9: heavy
 * libraries load lazily). In one CommonJS file PGlite's half megabyte was parsed on every cold start though
 * a deployed function (DATABASE_URL set) never runs it. The banner gives pg's CommonJS code `require`.
 */
async function bundle(dir: string, name: string, source: string): Promise<{ entry: string; bytes: number }> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source);
  const outdir = join(dir, name);
  const result = await build({
    entryPoints: [entry], outdir, bundle: true, splitting: true, platform: 'node', target: 'node20', format: 'esm', minify: true,
    outExtension: { '.js': '.mjs' }, metafile: true,
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    // pg's optional native binding is never used.
    external: ['pg-native'], logLevel: 'error', nodePaths: [join(ROOT, 'node_modules')],
  });
  const out = join(outdir, `${name}.mjs`);
  // What the first request loads: the entry and every chunk it reaches through static imports.
  const outputs = result.metafile?.outputs ?? {};
  const eager = new Set([Object.keys(outputs).find((k) => k.endsWith(`${name}/${name}.mjs`)) ?? '']);
  for (const k of eager) (outputs[k]?.imports ?? []).filter((i) => i.kind === 'import-statement').forEach((i) => eager.add(i.path));
  const bytes = [...eager].reduce((sum, k) => sum + (outputs[k]?.bytes ?? 0), 0);
  return { entry: out, bytes };
}

export async function benchColdStart(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tingkan-cold-'));
  try {
    const t0 = now();
    const { entry: fn, bytes } = await bundle(dir, 'checkins', FUNCTION_ENTRY);
    const { entry: base } = await bundle(dir, 'baseline', BASELINE_ENTRY);
    note(`cold start: esbuild bundled api/checkins/index.ts in ${ms(now() - t0)}, ${(bytes / 1024).toFixed(0)} KB minified loaded at start (lazy chunks such as PGlite apart)`);
    const fnTimes: number[] = [];
    const baseTimes: number[] = [];
    const fnCpu: number[] = [];
    const baseCpu: number[] = [];
    let status = 0;
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so both see the same machine load.
      const b = await firstResponse(base);
      baseTimes.push(b.ms);
      baseCpu.push(b.cpu);
      const r = await firstResponse(fn);
      fnTimes.push(r.ms);
      fnCpu.push(r.cpu);
      status = r.status;
    }
    const f = median(fnTimes);
    const b = median(baseTimes);
    const sorted = [...fnTimes].sort((x, y) => x - y);
    record({ figure: `cold start: bundled POST /api/checkins, spawn to first response (median of ${RUNS})`, was: 'cold start: bundled POST /api/checkins, spawn to first response (median of 5)',
      value: `${ms(f)} (answered ${status}; p10-p90 ${ms(percentile(sorted, 10))}-${ms(percentile(sorted, 90))})`,
      target: '< 300 ms', baseline: `bare node:http ${ms(b)}`, ratio: (f / b).toFixed(2), pass: f < 300 });
    record({ figure: 'cold start: the function\'s own cost (function − bare node)', value: ms(f - b), target: '-', baseline: '-', ratio: '-', pass: null });
    record({ figure: 'cold start: CPU of the function\'s process to its first answer (median)', value: ms(median(fnCpu)), target: '-',
      baseline: `bare node:http ${ms(median(baseCpu))}`, ratio: (median(fnCpu) / median(baseCpu)).toFixed(2), pass: null });
    note(`cold start: every run, function ${fnTimes.map((t) => t.toFixed(0)).join(', ')} ms; bare node ${baseTimes.map((t) => t.toFixed(0)).join(', ')} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
