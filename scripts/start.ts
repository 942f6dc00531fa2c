// `npm start`: the whole product on the embedded database with demo data (issue 2).
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { execSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');
// The embedded demo turns the demo login on; env.ts still refuses it when NODE_ENV=production.
process.env.DEV_LOGIN ??= '1';
// A fresh secret per start is fine locally: tokens simply do not survive a restart.
process.env.JWT_SECRET ??= randomBytes(32).toString('hex');

if (!existsSync(join(root, 'miniapp', 'dist', 'h5', 'index.html')) && existsSync(join(root, 'miniapp', 'package.json'))) {
  console.log('首次启动：正在构建网页端（约半分钟）…');
  try {
    execSync('npm run build:h5', { cwd: root, stdio: 'inherit' });
  } catch {
    // The API is still worth serving; the page at / says how to build the web view.
    console.error('网页端构建失败，接口仍会启动；修复后运行 npm run build:h5 再刷新页面。');
  }
}

require('../api/_lib/server/main');
