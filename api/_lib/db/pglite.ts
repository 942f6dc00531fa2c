import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './port';

export interface PgliteOptions {
  /** Folder for the data (persisted), or undefined for in-memory. */
  dataDir?: string;
  /** A tarball from dumpDataDir() to start from (tests load a migrated snapshot). */
  loadDataDir?: Blob;
}

function wrap(q: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<R>(text: string, params?: unknown[]) {
      const res = await q.query<R>(text, params as unknown[] | undefined);
      return { rows: res.rows };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database & { pglite: PGlite }> {
  const pglite = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const base = wrap(pglite);
  return {
    kind: 'pglite',
    pglite,
    ...base,
    // PGlite has one connection; its transaction() holds it, so concurrent requests queue.
    transaction: (fn, options) => pglite.transaction(async (tx) => {
      if (options?.setup) await tx.exec(options.setup);
      return fn(wrap(tx));
    }),
    // PGlite serialises an array parameter by its type, and learns the array types when it opens: on the first
    // start, migrations create enums (meeting_kind, branch_role, gender) after that, so ['a', 'b'] went out as
    // 'a,b' (22P02 malformed array literal) until a restart. Refreshed after migrating.
    typesChanged: () => pglite.refreshArrayTypes(),
    close: () => pglite.close(),
  };
}
