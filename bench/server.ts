// The real local server (createApp) in its own process, so the load generator does not share its
// event loop. Env: BENCH_DATABASE_URL, BENCH_POOL_MAX, BENCH_JWT_SECRET. Prints "PORT <n>" when
// listening; on SIGTERM prints "QUERIES <n> TX <n>" (SQL statements and transactions it ran) and exits.
import type { AddressInfo } from 'node:net';
import { parseEnv, setEnv } from '../api/_lib/env';
import { setDb } from '../api/_lib/db';
import { openPostgres } from '../api/_lib/db/postgres';
import type { Database, Queryable } from '../api/_lib/db/port';
import { createApp } from '../api/_lib/server/app';

const url = process.env.BENCH_DATABASE_URL;
const poolMax = Number(process.env.BENCH_POOL_MAX ?? 4);
if (!url) throw new Error('BENCH_DATABASE_URL is required');

// Every bench client is 127.0.0.1: the per-IP check-in limit (3,000 a minute) would answer the warm-up and
// the burst with 429. The per-person limit stays: each person scans once.
setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: process.env.BENCH_JWT_SECRET, DATABASE_URL: url, DATABASE_POOL_MAX: String(poolMax), RATE_LIMIT_CHECKIN_PER_IP: '1000000' }));

let queries = 0;
let transactions = 0;

/** Counts round trips: every query() is one, plus begin and commit for each transaction. */
function counted(inner: Database): Database {
  const wrap = (q: Queryable): Queryable => ({
    query(text, params) {
      queries += 1;
      return q.query(text, params);
    },
    exec(sql) {
      queries += 1;
      return q.exec(sql);
    },
  });
  return {
    kind: inner.kind,
    ...wrap(inner),
    transaction(fn, options) {
      transactions += 1;
      queries += 2; // begin (with its setup, if any) + commit
      return inner.transaction((tx) => fn(wrap(tx)), options);
    },
    close: () => inner.close(),
  };
}

const db = openPostgres(url, poolMax);
setDb(counted(db));
const server = createApp();
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PORT ${(server.address() as AddressInfo).port}\n`);
});

process.on('SIGUSR2', () => {
  queries = 0;
  transactions = 0;
});
process.on('SIGTERM', () => {
  process.stdout.write(`QUERIES ${queries} TX ${transactions}\n`);
  server.closeAllConnections();
  server.close(() => void db.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 3000).unref();
});
