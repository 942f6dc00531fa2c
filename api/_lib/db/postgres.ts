import { Pool, type PoolClient } from 'pg';
import type { Database, Queryable } from './port';
import { isConnectionLoss } from './errors';

function wrap(client: Pick<PoolClient, 'query'>): Queryable {
  return {
    async query<R>(text: string, params?: unknown[]) {
      // Unnamed statements only: Supabase's pooler in transaction mode has no prepared statements (D2).
      const res = await client.query(text, params);
      return { rows: res.rows as R[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export function openPostgres(connectionString: string, poolMax: number): Database {
  const pool = new Pool({ connectionString, max: poolMax });
  // An idle client losing its server (restart, pooler recycle) must not crash the process.
  pool.on('error', () => undefined);
  const base = wrap(pool);
  return {
    kind: 'postgres',
    ...base,
    async transaction(fn, options) {
      const client = await pool.connect();
      // The server going away while this client is checked out (restart: 57P01) is an 'error' event;
      // unheard it would crash the process. Heard, the client is destroyed on release, not reused.
      let lost: Error | undefined;
      const onError = (e: Error) => {
        lost = e;
      };
      client.on('error', onError);
      try {
        // A simple query may hold several statements: the setup costs no round trip of its own.
        await client.query(options?.setup ? `begin; ${options.setup}` : 'begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (e) {
        if (isConnectionLoss(e)) lost ??= e as Error;
        else await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.off('error', onError);
        client.release(lost);
      }
    },
    close: () => pool.end(),
  };
}
