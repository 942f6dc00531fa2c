// Figure 2: the office's reports on a province-sized year, warm, on PostgreSQL, as the office person
// under RLS (withCaller). Where the office code exists (api/_lib/office/**) its functions are called;
// the score summary has no endpoint yet, so its SQL is written here. Each query's plan is summarised
// from EXPLAIN (ANALYZE, BUFFERS) run with the same role, claims and parameters.
import { Client } from 'pg';
import { periodOf } from '@tingkan/shared';
import { parseEnv, setEnv } from '../api/_lib/env';
import { setDb, withCaller } from '../api/_lib/db';
import { openPostgres } from '../api/_lib/db/postgres';
import { migrate } from '../api/_lib/db/migrate';
import type { Queryable } from '../api/_lib/db/port';
import { heldMeetings } from '../api/_lib/office/compliance';
import { deadlinesOfAll, observationsForDeadlines } from '../api/_lib/office/deadlines';
import { currentPolicy } from '../api/_lib/office/policy';
import { BRANCHES, OFFICE_ID, YEAR, generate } from './dataset';
import { databaseExists, fmt, median, ms, note, now, record, withDatabase, assertBenchName, admin } from './lib';
import { explainSummary } from './explain';
import { ensureDeadlineData } from './deadline-data';

const DB_NAME = 'tingkan_bench_reports';
const RUNS = 5;
const claims = { sub: OFFICE_ID, role: 'authenticated' as const };

/** SCORE-4 style summary: mean score per criterion per department, over each observer's latest sheet. */
export const SCORE_SUMMARY_SQL = `
  with latest as (
    select distinct on (s.observation_id, s.observer_id) s.id, s.observation_id
      from score_sheets s
     where s.observation_id in (select app.office_observation_ids())
     order by s.observation_id, s.observer_id, s.version desc
  )
  select d.id as department_id, d.name as department, i.criterion,
         round(avg(i.score), 2) as mean, count(*)::int as sheets
    from latest l
    join observations o on o.id = l.observation_id
    join meetings m on m.id = o.meeting_id and m.starts_at >= $1 and m.starts_at < $2
    join organisations b on b.id = m.org_id
    join organisations d on d.id = b.parent_id
    join score_sheet_items i on i.sheet_id = l.id
   group by d.id, d.name, i.criterion
   order by d.name, i.criterion`;

async function ensureDataset(adminUrl: string, fresh: boolean): Promise<string> {
  assertBenchName(DB_NAME);
  const url = withDatabase(adminUrl, DB_NAME);
  const exists = await databaseExists(adminUrl, DB_NAME);
  let ready = false;
  if (exists && !fresh) {
    ready = await admin(url, async (c) => {
      const r = await c.query("select count(*)::int as n from pg_tables where tablename = 'bench_dataset_done'");
      return r.rows[0]?.n === 1;
    }).catch(() => false);
  }
  if (!ready) {
    await admin(adminUrl, async (c) => {
      await c.query(`drop database if exists ${DB_NAME} with (force)`);
      await c.query(`create database ${DB_NAME}`);
    });
  }
  const db = openPostgres(url, 1);
  await migrate(db); // also applies migrations added since the dataset was built
  await db.close();
  if (!ready) {
    const t0 = Date.now();
    console.log('  generating the dataset (kept for later runs; --fresh rebuilds it)…');
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      await generate(c);
      await c.query('create table bench_dataset_done (at timestamptz default now())');
    } finally {
      await c.end();
    }
    note(`reports: dataset generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } else {
    note('reports: dataset reused from an earlier run (--fresh rebuilds it)');
  }
  return url;
}

/** Runs fn as the office person, recording every SQL statement it sends (for EXPLAIN). */
function recording(tx: Queryable, log: { text: string; params: unknown[] }[]): Queryable {
  return {
    query(text, params) {
      log.push({ text, params: params ?? [] });
      return tx.query(text, params);
    },
    exec: (sql) => tx.exec(sql),
  };
}

async function measure(label: string, fn: (tx: Queryable) => Promise<number>): Promise<{ median: number; rows: number; log: { text: string; params: unknown[] }[] }> {
  const log: { text: string; params: unknown[] }[] = [];
  let rows = 0;
  await withCaller(claims, async (tx) => {
    rows = await fn(recording(tx, log)); // warm-up, and the statements to explain
  });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = now();
    await withCaller(claims, fn);
    times.push(now() - t0);
  }
  console.log(`    ${label}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  return { median: median(times), rows, log };
}

export async function benchReports(adminUrl: string, opts: { fresh: boolean }): Promise<void> {
  setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: 'bench-secret-0123456789-abcdefghijklmnop' }));
  const url = await ensureDataset(adminUrl, opts.fresh);
  const db = openPostgres(url, 2);
  setDb(db);
  try {
    const c = new Client({ connectionString: url });
    await c.connect();
    const sizes = (await c.query<{ t: string; n: string }>(
      `select relname as t, n_live_tup::text as n from pg_stat_user_tables
        where relname in ('organisations', 'people', 'meetings', 'attendance', 'observations', 'score_sheets') order by relname`)).rows;
    const dbSize = (await c.query<{ s: string }>('select pg_size_pretty(pg_database_size(current_database())) as s')).rows[0]?.s;
    note(`reports dataset: ${sizes.map((s) => `${s.t} ${fmt(Number(s.n))}`).join(', ')}; ${dbSize}`);
    // Baseline: one warm pass over the year's meetings (no RLS): what reading the data once costs now.
    const scan: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const t0 = now();
      await c.query("select count(*), count(distinct org_id) from meetings where status = 'held'");
      if (i > 0) scan.push(now() - t0);
    }
    const baseline = median(scan);
    // The same score summary without RLS (as the table owner): how much the policies cost.
    const noRls: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = now();
      await c.query(SCORE_SUMMARY_SQL.replace('where s.observation_id in (select app.office_observation_ids())', ''), [`${YEAR}-01-01T00:00:00+08:00`, `${YEAR + 1}-01-01T00:00:00+08:00`]);
      noRls.push(now() - t0);
    }
    note(`reports: score summary without RLS (table owner) ${ms(median(noRls))}`);
    const branchIds = (await c.query<{ id: string }>("select id from organisations where kind = 'branch' order by id")).rows.map((r) => r.id);
    await ensureDeadlineData(c);
    // The deadlines' four passes as the table owner (no RLS; auth.uid() still names the office person): what the policies cost.
    await c.query("select set_config('request.jwt.claims', $1, false)", [JSON.stringify(claims)]);
    const owner: Queryable = { query: async (text, params) => ({ rows: (await c.query(text, params)).rows }), exec: async (sql) => { await c.query(sql); } };
    const deadlinesNoRls: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const t0 = now();
      await observationsForDeadlines(owner, YEAR);
      if (i > 0) deadlinesNoRls.push(now() - t0);
    }
    note(`reports: deadlines SQL without RLS (table owner, the same 4 passes) ${ms(median(deadlinesNoRls))}`);
    await c.end();
    const period = periodOf('year', `${YEAR}-01-01`);
    const [from, to] = [`${YEAR}-01-01T00:00:00+08:00`, `${YEAR + 1}-01-01T00:00:00+08:00`];
    const at = new Date(`${YEAR + 1}-01-10T10:00:00+08:00`);

    const figures: { name: string; source: string; fn: (tx: Queryable) => Promise<number> }[] = [
      { name: `compliance: held meetings per branch × kind × month, ${fmt(BRANCHES)} branches, one year`, source: 'api/_lib/office/compliance.ts heldMeetings',
        fn: async (tx) => [...(await heldMeetings(tx, branchIds, period, await currentPolicy(tx))).values()].reduce((n, l) => n + l.length, 0) },
      { name: 'compliance: one API page (500 branches)', source: 'heldMeetings, page of 500',
        fn: async (tx) => (await heldMeetings(tx, branchIds.slice(0, 500), period, await currentPolicy(tx))).size },
      // CALC-3: one aggregated pass per kind of record (observations, groups and first sheets, rectification, reports).
      { name: 'deadlines SQL: every deadline\'s data, 4 aggregated passes', source: 'api/_lib/office/deadline-data.ts via observationsForDeadlines',
        fn: async (tx) => (await observationsForDeadlines(tx, YEAR)).length },
      { name: 'deadlines board incl. the CALC-3 rule (one batch)', source: 'observationsForDeadlines + deadlinesOfAll',
        fn: async (tx) => {
          const policy = await currentPolicy(tx);
          return deadlinesOfAll(await observationsForDeadlines(tx, YEAR), at, policy).reduce((n, rows) => n + (rows?.length ?? 0), 0);
        } },
      { name: 'score summary: mean per criterion per department', source: 'bench/reports.ts (no results endpoint yet)',
        fn: async (tx) => (await tx.query(SCORE_SUMMARY_SQL, [from, to])).rows.length },
    ];
    for (const f of figures) {
      const r = await measure(f.name, f.fn);
      record({ figure: `reports: ${f.name}`, value: `${ms(r.median)} (${fmt(r.rows)} rows)`, target: '< 300 ms warm', baseline: `${f.source}; scan of 400k meetings ${ms(baseline)}`,
        ratio: (r.median / baseline).toFixed(1), pass: r.median < 300 });
      const main = r.log.filter((q) => !/^\s*select (value from policy_versions|set_config)/i.test(q.text));
      for (const q of main) note(`plan of "${f.name}": ${await explainSummary(url, claims, q.text, q.params)}`);
    }
  } finally {
    await db.close();
  }
}
