import type { THealth } from '@tingkan/shared';
import { endpoint, handler } from './_lib/handler';
import { getDb } from './_lib/db';
import { appliedMigrationCount } from './_lib/db/migrate';

export default handler({
  GET: endpoint({
    auth: 'public',
    async run(): Promise<THealth> {
      const db = await getDb();
      return { ok: true, database: db.kind, migrations: await appliedMigrationCount(db) };
    },
  }),
});
