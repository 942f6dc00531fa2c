import { join } from 'node:path';
import { env } from '../env';
import { asService, getDb } from '../db';
import { migrate, appliedMigrationCount } from '../db/migrate';
import { listDemoPeople } from '../demo-people';
import { createApp } from './app';
import { seedIfEmpty } from './demo';

const STATIC_DIR = join(__dirname, '..', '..', '..', 'miniapp', 'dist', 'h5');

async function main(): Promise<void> {
  const e = env();
  const db = await getDb();
  await migrate(db);
  const seeded = await seedIfEmpty(db);
  const migrations = await appliedMigrationCount(db);
  const demo = e.DEV_LOGIN ? await asService(listDemoPeople) : [];
  const server = createApp({ staticDir: STATIC_DIR });
  server.listen(e.PORT, () => {
    const url = `http://localhost:${e.PORT}/`;
    const lines = [
      '',
      `听看 Tingkan 已启动：${url}`,
      `  数据库：${db.kind === 'pglite' ? `PGlite（${e.PGLITE_DIR}）` : 'PostgreSQL'}，已应用迁移 ${migrations} 个${seeded ? '，已载入演示数据' : ''}`,
      `  健康检查：${url}api/health`,
    ];
    if (demo.length > 0) {
      lines.push('  演示登录（DEV_LOGIN=1，在登录页点选）：');
      for (const p of demo) lines.push(`    ${p.name}  ${p.label}  ${p.id}`);
    }
    console.log(lines.join('\n'));
  });
  const stop = () => server.close(() => void db.close().then(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
