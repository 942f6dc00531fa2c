// Figure 5: the weapp package as built in miniapp/dist/weapp (owned by the miniapp; not rebuilt here):
// main package = every file outside the subpackage roots named in app.json; total = everything.
// Reference: TOOLCHAIN.md's bare Taro 4.2.1 hello-world, 296,700 bytes (not measured in this run).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fmt, note, record } from './lib';

const WEAPP = join(__dirname, '..', 'miniapp', 'dist', 'weapp');
const HELLO_WORLD = 296_700;
const LIMIT = 2 * 1024 * 1024;

function files(dir: string): { path: string; size: number }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    const s = statSync(full);
    return s.isDirectory() ? files(full) : [{ path: relative(WEAPP, full), size: s.size }];
  });
}

export async function benchSize(): Promise<void> {
  if (!existsSync(join(WEAPP, 'app.json'))) {
    note('size: miniapp/dist/weapp is not built (npm run build:weapp); skipped');
    return;
  }
  const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/\/$/, ''));
  // Source maps and licence notes are not uploaded as code; count them out of both figures.
  const all = files(WEAPP).filter((f) => !/\.(map|LICENSE\.txt)$/.test(f.path));
  const main = all.filter((f) => !roots.some((r) => f.path === r || f.path.startsWith(`${r}/`)));
  const mainBytes = main.reduce((n, f) => n + f.size, 0);
  const total = all.reduce((n, f) => n + f.size, 0);
  const built = new Date(statSync(join(WEAPP, 'app.json')).mtimeMs).toISOString();
  note(`size: miniapp/dist/weapp built ${built}; subpackages ${roots.join(', ') || 'none'}; a watch build is ~2.8x a production one (TOOLCHAIN.md)`);
  record({ figure: 'mini-program: weapp main package', value: `${fmt(mainBytes)} bytes`, target: '< 2 MB (WeChat limit)',
    baseline: `hello-world ${fmt(HELLO_WORLD)} bytes (reference, not measured in this run)`, ratio: (mainBytes / HELLO_WORLD).toFixed(2), pass: mainBytes < LIMIT });
  record({ figure: 'mini-program: weapp total (main + subpackages)', value: `${fmt(total)} bytes`, target: '-',
    baseline: `hello-world ${fmt(HELLO_WORLD)} bytes (reference)`, ratio: (total / HELLO_WORLD).toFixed(2), pass: null });
}
