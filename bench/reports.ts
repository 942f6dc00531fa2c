// Figure 2: the office's reports on a province-sized year, warm, on PostgreSQL, as the office person
// under RLS (withCaller): the office code's own functions (api/_lib/office/**), and two whole endpoints
// through the real server (GET /api/compliance, a page of 500 branches; GET /api/results). Each
// query's plan is summarised from EXPLAIN (ANALYZE, BUFFERS) run with the same role, claims and parameters.
import { Client } from 'pg';
import { periodOf } from '@tingkan/shared';
import { parseEnv, setEnv } from '../api/_lib/env';
import { setDb, withCaller } from '../api/_lib/db';
import { openPostgres } from '../api/_lib/db/postgres';
import { migrate } from '../api/_lib/db/migrate';
import type { Queryable } from '../api/_lib/db/port';
import { absenceByBranch, heldMeetings } from '../api/_lib/office/compliance';
import { results } from '../api/_lib/office/results';
import { branchesUnder, scopeRoot, type ScopeBranch } from '../api/_lib/office/scope';
import { issueToken } from '../api/_lib/session';
import { getJson, startServer } from './load';
import { deadlinesOfAll, observationsForDeadlines } from '../api/_lib/office/deadlines';
import { currentPolicy } from '../api/_lib/office/policy';
import { BRANCHES, OFFICE_ID, YEAR, generate } from './dataset';
import { databaseExists, fmt, median, ms, note, now, record, withDatabase, assertBenchName, admin } from './lib';
import { explainSummary } from './explain';
import { ensureDeadlineData } from './deadline-data';
import { benchOfficeIo } from './office-io';

const DB_NAME = 'tingkan_bench_reports';
const RUNS = 5;
const claims = { sub: OFFICE_ID, role: 'authenticated' as const };
const JWT_SECRET = 'bench-secret-0123456789-abcdefghijklmnop';
/** Figures renamed since earlier runs (for --compare): new name → the name in the older results. */
const WAS: Record<string, string> = {
  'compliance: held meetings, one API page (500 branches)': 'reports: compliance: one API page (500 branches)',
  'score summary: results per department × criterion': 'reports: score summary: mean per criterion per department',
  'deadlines SQL: every deadline\'s data (app.deadline_data)': 'reports: deadlines SQL: every deadline\'s data, 4 aggregated passes',
};

/** SCORE-4: the year's results per department, as GET /api/results computes them (rows = department × rubric). */
function scoreSummary(tx: Queryable, branches: ScopeBranch[]) {
  return results(tx, branches, 'department', `${YEAR}-01-01T00:00:00+08:00`, `${YEAR + 1}-01-01T00:00:00+08:00`);
}

/** The two whole endpoints through the real server (child process): parse → auth → every query → JSON. */
async function endpoints(url: string, baseline: number): Promise<void> {
  const server = await startServer(url, 4, JWT_SECRET);
  try {
    const token = (await issueToken(OFFICE_ID)).token;
    const pages: { name: string; path: string; runs: number; count: (body: Record<string, unknown>) => number; was?: string }[] = [
      // The admin view's page (miniapp pkg-admin compliance, PAGE_SIZE 20), the API's default page (100) and its largest (500).
      { name: 'GET /api/compliance?year=2025&limit=20 (the admin view\'s page of 20 branches: meetings, exemptions, ATT-1, coverage)', path: `/api/compliance?year=${YEAR}&limit=20`,
        runs: RUNS, count: (b) => (b.branches as unknown[]).length },
      { name: 'GET /api/compliance?year=2025 (the API\'s default page, 100 branches)', path: `/api/compliance?year=${YEAR}`,
        runs: RUNS, count: (b) => (b.branches as unknown[]).length },
      { name: 'GET /api/compliance?year=2025&limit=500 (the API\'s largest page, 500 branches)', path: `/api/compliance?year=${YEAR}&limit=500`,
        runs: 3, count: (b) => (b.branches as unknown[]).length,
        was: 'reports: GET /api/compliance?year=2025&limit=500 (the office\'s page of 500 branches: meetings, exemptions, ATT-1, coverage)' },
      { name: 'GET /api/results?year=2025&by=department (score summary, SCORE-4)', path: `/api/results?year=${YEAR}&by=department`,
        runs: RUNS, count: (b) => (b.groups as unknown[]).length },
    ];
    for (const p of pages) {
      const first = await getJson(server.base, p.path, token); // warm-up
      if (first.status !== 200) throw new Error(`${p.path}: ${first.status} ${JSON.stringify(first.body).slice(0, 200)}`);
      const times: number[] = [];
      for (let i = 0; i < p.runs; i++) {
        const t0 = now();
        await getJson(server.base, p.path, token);
        times.push(now() - t0);
      }
      console.log(`    ${p.path}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      const m = median(times);
      record({ figure: `reports: ${p.name}`, was: p.was, value: `${ms(m)} (${fmt(p.count(first.body))} rows, median of ${p.runs})`, target: '< 300 ms warm',
        baseline: `whole endpoint over HTTP; scan of 400k meetings ${ms(baseline)}`, ratio: (m / baseline).toFixed(1), pass: m < 300 });
    }
  } finally {
    await server.stop();
  }
}

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

async function measure(label: string, fn: (tx: Queryable) => Promise<number>, runs = RUNS): Promise<{ median: number; rows: number; log: { text: string; params: unknown[] }[] }> {
  const log: { text: string; params: unknown[] }[] = [];
  let rows = 0;
  await withCaller(claims, async (tx) => {
    rows = await fn(recording(tx, log)); // warm-up, and the statements to explain
  });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
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
    // reltuples (kept by analyze) rather than the statistics collector's counts, which a restart resets to 0.
    const sizes = (await c.query<{ t: string; n: string }>(
      `select relname as t, reltuples::bigint::text as n from pg_class
        where relnamespace = 'public'::regnamespace and relkind = 'r'
          and relname in ('organisations', 'people', 'meetings', 'attendance', 'observations', 'score_sheets') order by relname`)).rows;
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
    // The score summary and the deadlines read through scoped security definer functions (decision record 0005,
    // app.score_summary, app.deadline_data): a run "as the table owner, without RLS" would time the same function.
    const branches = await withCaller(claims, async (tx) => (await branchesUnder(tx, await scopeRoot(tx))).branches);
    const branchIds = (await c.query<{ id: string }>("select id from organisations where kind = 'branch' order by id")).rows.map((r) => r.id);
    await ensureDeadlineData(c);
    await c.end();
    const period = periodOf('year', `${YEAR}-01-01`);
    const at = new Date(`${YEAR + 1}-01-10T10:00:00+08:00`);

    const figures: { name: string; source: string; fn: (tx: Queryable) => Promise<number> }[] = [
      { name: `compliance: held meetings per branch × kind × month, ${fmt(BRANCHES)} branches, one year`, source: 'api/_lib/office/compliance.ts heldMeetings',
        fn: async (tx) => [...(await heldMeetings(tx, branchIds, period, await currentPolicy(tx))).values()].reduce((n, l) => n + l.length, 0) },
      { name: 'compliance: held meetings, one API page (500 branches)', source: 'heldMeetings, page of 500',
        fn: async (tx) => (await heldMeetings(tx, branchIds.slice(0, 500), period, await currentPolicy(tx))).size },
      // ATT-1 through app.absence_counts (decision record 0005): a page's members counted, then decided in shared.
      { name: 'compliance: ATT-1 absence flags, one API page (500 branches, 6-month window)', source: 'api/_lib/office/compliance.ts absenceByBranch',
        fn: async (tx) => [...(await absenceByBranch(tx, branchIds.slice(0, 500), `${YEAR}-12-31`, await currentPolicy(tx))).values()].reduce((n, b) => n + b.checked, 0) },
      // CALC-3: the year's observations with groups, first sheets, rectification and reports, in one scoped call.
      { name: 'deadlines SQL: every deadline\'s data (app.deadline_data)', source: 'api/_lib/office/deadline-data.ts via observationsForDeadlines',
        fn: async (tx) => (await observationsForDeadlines(tx, YEAR)).length },
      { name: 'deadlines board incl. the CALC-3 rule (one batch)', source: 'observationsForDeadlines + deadlinesOfAll',
        fn: async (tx) => {
          const policy = await currentPolicy(tx);
          return deadlinesOfAll(await observationsForDeadlines(tx, YEAR), at, policy).reduce((n, rows) => n + (rows?.length ?? 0), 0);
        } },
      { name: 'score summary: results per department × criterion', source: 'api/_lib/office/results.ts results (SCORE-4)',
        fn: async (tx) => (await scoreSummary(tx, branches)).length },
    ];
    for (const f of figures) {
      const r = await measure(f.name, f.fn);
      record({ figure: `reports: ${f.name}`, was: WAS[f.name], value: `${ms(r.median)} (${fmt(r.rows)} rows)`, target: '< 300 ms warm', baseline: `${f.source}; scan of 400k meetings ${ms(baseline)}`,
        ratio: (r.median / baseline).toFixed(1), pass: r.median < 300 });
      // The policy's own lookup (policy_versions) and setup statements are not the report.
      const main = r.log.filter((q) => !/^\s*select (value from policy_versions|set_config)|from policy_versions v/i.test(q.text));
      for (const q of main) note(`plan of "${f.name}": ${await explainSummary(url, claims, q.text, q.params)}`);
    }
    await endpoints(url, baseline);
    await benchOfficeIo(url, baseline); // issue 5: imports and exports of a province scope through the real server
  } finally {
    await db.close();
  }
}
