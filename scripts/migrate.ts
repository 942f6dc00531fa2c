// `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded PGlite).
// Against a real Supabase project pass --supabase: its roles and auth.* functions already exist.
import { getDb } from '../api/_lib/db';
import { migrate, appliedMigrationCount } from '../api/_lib/db/migrate';

async function main(): Promise<void> {
  process.env.JWT_SECRET ??= 'migrate-only-'.padEnd(32, '-');
  const db = await getDb();
  const applied = await migrate(db, { bootstrap: !process.argv.includes('--supabase') });
  console.log(`${db.kind}: applied ${applied.length} migration(s) ${applied.join(', ')}; ${await appliedMigrationCount(db)} in total`);
  await db.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
