// Figure 5: the weapp package against a bare Taro hello-world, both built here in the same run (production
// builds: a watch build is ~2.8x larger, TOOLCHAIN.md). The hello-world is Taro 4.2.1's default template, kept in
// bench/hello-world and built with the same installed Taro. Main package = every file outside the subpackage roots
// named in app.json; total = everything. Source maps and licence notes are not uploaded as code: counted out.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fmt, note, record } from './lib';

const ROOT = join(__dirname, '..');
const MINIAPP = join(ROOT, 'miniapp');
const HELLO = join(__dirname, 'hello-world');
const LIMIT = 2 * 1024 * 1024;

interface Sizes { main: number; total: number; roots: string[] }

function files(dir: string, base = dir): { path: string; size: number }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    const s = statSync(full);
    return s.isDirectory() ? files(full, base) : [{ path: relative(base, full), size: s.size }];
  });
}

function sizesOf(out: string): Sizes {
  const app = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/\/$/, ''));
  const all = files(out).filter((f) => !/\.(map|LICENSE\.txt)$/.test(f.path));
  const main = all.filter((f) => !roots.some((r) => f.path === r || f.path.startsWith(`${r}/`)));
  return { main: main.reduce((n, f) => n + f.size, 0), total: all.reduce((n, f) => n + f.size, 0), roots };
}

/** A production weapp build of the Taro project in `dir`; its dist/weapp, or why it failed. */
function build(dir: string): { out: string; ms: number } | { error: string } {
  const out = join(dir, 'dist', 'weapp');
  rmSync(out, { recursive: true, force: true });
  const t0 = Date.now();
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: dir, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(join(out, 'app.json'))) return { error: `${relative(ROOT, dir)}: taro build exited ${r.status}: ${(r.stderr || r.stdout).slice(-300)}` };
  return { out, ms: Date.now() - t0 };
}

export async function benchSize(): Promise<void> {
  const hello = build(HELLO);
  const ours = build(MINIAPP);
  for (const b of [hello, ours]) if ('error' in b) note(`size: ${b.error}`);
  if ('error' in hello || 'error' in ours) {
    record({ figure: 'mini-program: weapp main package', value: 'not built', target: '< 2 MB (WeChat limit)', baseline: '-', ratio: '-', pass: false });
    return;
  }
  const base = sizesOf(hello.out);
  const app = sizesOf(ours.out);
  note(`size: built the hello-world in ${fmt(hello.ms)} ms and miniapp/ in ${fmt(ours.ms)} ms (production weapp builds); subpackages ${app.roots.join(', ') || 'none'}`);
  record({ figure: 'mini-program: weapp main package', value: `${fmt(app.main)} bytes`, target: '< 2 MB (WeChat limit)',
    baseline: `hello-world ${fmt(base.main)} bytes (built in this run)`, ratio: (app.main / base.main).toFixed(2), pass: app.main < LIMIT });
  record({ figure: 'mini-program: weapp total (main + subpackages)', value: `${fmt(app.total)} bytes`, target: '-',
    baseline: `hello-world ${fmt(base.total)} bytes (built in this run)`, ratio: (app.total / base.total).toFixed(2), pass: null });
}
