// Browser journeys: prepares the server's PGlite data dir before it starts: migrations, the demo seed,
// then scripts/e2e-fixtures.sql (what the public API cannot arrange yet). Usage: tsx scripts/e2e-fixtures.ts <dataDir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from '../api/_lib/db/pglite';
import { migrate } from '../api/_lib/db/migrate';
import { seedIfEmpty } from '../api/_lib/server/demo';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: tsx scripts/e2e-fixtures.ts <dataDir>');
  const db = await openPglite({ dataDir });
  try {
    await migrate(db);
    await seedIfEmpty(db, { inProgress: false });
    await db.transaction((tx) => tx.exec(readFileSync(join(__dirname, 'e2e-fixtures.sql'), 'utf8')));
    console.log(`e2e fixtures loaded into ${dataDir}`);
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
