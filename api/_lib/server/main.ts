import { join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { env } from '../env';
import { asService, getDb } from '../db';
import { migrate, appliedMigrationCount, SUPABASE_DIR } from '../db/migrate';
import { listDemoPeople } from '../demo-people';
import { createApp } from './app';

const STATIC_DIR = join(__dirname, '..', '..', '..', 'miniapp', 'dist', 'h5');

/** Applies the demo seed once, on an empty database, so the first start has something to show. */
async function seedIfEmpty(): Promise<boolean> {
  const db = await getDb();
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from organisations');
  const seed = join(SUPABASE_DIR, 'seed.sql');
  if ((rows[0]?.n ?? 0) > 0 || !existsSync(seed)) return false;
  await db.transaction((tx) => tx.exec(readFileSync(seed, 'utf8')));
  return true;
}

async function main(): Promise<void> {
  const e = env();
  const db = await getDb();
  await migrate(db);
  const seeded = await seedIfEmpty();
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
