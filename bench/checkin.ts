// Figure 1: 2,000 members check in to one meeting through the real HTTP server (a child process),
// against a raw single-row INSERT loop on the same database (the physical limit of one commit each).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { parseEnv, setEnv } from '../api/_lib/env';
import { issueToken } from '../api/_lib/session';
import { issueQr } from '../api/_lib/qr-token';
import { openPostgres } from '../api/_lib/db/postgres';
import { migrate } from '../api/_lib/db/migrate';
import { burst, startServer } from './load';
import { createDatabase, dropDatabase, fmt, ms, note, percentile, record } from './lib';

const PEOPLE = 2000;
/** A whole meeting of warm-up check-ins: V8 optimises the server's path over thousands of requests (with 200,
 *  the measured burst still paid for it: ~1.4 ms of server CPU per check-in, ~1.0 ms once warm). */
const WARMUP = 2000;
const JWT_SECRET = 'bench-secret-0123456789-abcdefghijklmnop';
const DB_NAME = 'tingkan_bench_checkin';

interface World {
  branch: string;
  people: string[];
  warmBranch: string;
  warmPeople: string[];
}

async function buildWorld(c: Client): Promise<World> {
  const one = async (sql: string, params: unknown[]) => (await c.query<{ id: string }>(sql, params)).rows[0]?.id as string;
  const root = await one("insert into organisations (kind, name) values ('work_committee', '压测工委') returning id", []);
  const dept = await one("insert into organisations (parent_id, kind, name) values ($1, 'department_committee', '压测局党组') returning id", [root]);
  const branchOf = (name: string) => one("insert into organisations (parent_id, kind, name, has_committee) values ($1, 'branch', $2, true) returning id", [dept, name]);
  const members = async (org: string, n: number) => (await c.query<{ id: string }>(
    `with p as (insert into people (name) select '成员' || g from generate_series(1, $2::int) g returning id),
          m as (insert into memberships (person_id, org_id, status) select id, $1, 'full' from p returning person_id)
     select person_id as id from m`, [org, n])).rows.map((r) => r.id);
  const branch = await branchOf('压测党支部');
  const warmBranch = await branchOf('预热党支部');
  return { branch, people: await members(branch, PEOPLE), warmBranch, warmPeople: await members(warmBranch, WARMUP) };
}

/** A 党员大会 that started five minutes ago: check-in is open. */
async function meetingNow(c: Client, org: string): Promise<string> {
  const id = randomUUID();
  await c.query(
    `insert into meetings (id, org_id, kind, topic, starts_at, ends_at, place)
     values ($1, $2, 'general_meeting', '压测', now() - interval '5 minutes', now() + interval '115 minutes', '礼堂')`, [id, org]);
  return id;
}

/** One connection, one autocommitted single-row insert at a time, into a table shaped like attendance. */
async function rawInsertLoop(c: Client, n: number): Promise<number> {
  await c.query('drop table if exists bench_raw_attendance');
  await c.query('create table bench_raw_attendance (like attendance including all)');
  const meeting = randomUUID();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await c.query(
      `insert into bench_raw_attendance (meeting_id, person_id, state, method, checked_in_at, checkin_lat, checkin_lng)
       values ($1, $2, 'present', 'qr', now(), null, null)`, [meeting, randomUUID()]);
  }
  const perSecond = n / ((performance.now() - t0) / 1000);
  await c.query('drop table bench_raw_attendance');
  return perSecond;
}

interface Run {
  pool: number;
  perSecond: number;
  p50: number;
  p99: number;
  rowsOk: boolean;
  queriesPerCheckin: number;
  statuses: Record<number, number>;
  /** CPU milliseconds per check-in: the server process, the PostgreSQL backends serving it, this load generator. */
  cpu: { server: number; pg: number; load: number };
}

/** User + system CPU of a live process so far (Linux /proc), in ms. */
function cpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** CPU so far of the server, of the database's other backends (the server's pool) and of this process. */
async function cpuNow(c: Client, serverPid: number): Promise<{ server: number; pg: number; load: number }> {
  const { rows } = await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
  const self = process.cpuUsage();
  return { server: cpuMs(serverPid), pg: rows.reduce((n, r) => n + cpuMs(r.pid), 0), load: (self.user + self.system) / 1000 };
}

async function runPool(c: Client, url: string, world: World, pool: number, concurrency: number, tokens: Map<string, string>): Promise<Run> {
  const meeting = await meetingNow(c, world.branch);
  const warmMeeting = await meetingNow(c, world.warmBranch);
  const server = await startServer(url, pool, JWT_SECRET);
  try {
    const body = (m: string) => JSON.stringify({ payload: issueQr(m, Date.now()).payload });
    // Warm-up on another branch's meeting: JIT, module loading, pool connections.
    await burst(server.base, concurrency, WARMUP, 30_000, (i) => ({ path: '/api/checkins', token: tokens.get(world.warmPeople[i] ?? '') ?? '', body: body(warmMeeting) }));
    await server.resetCounters();
    const cpu0 = await cpuNow(c, server.child.pid ?? 0);
    const r = await burst(server.base, concurrency, PEOPLE, 120_000, (i) => ({
      path: '/api/checkins', token: tokens.get(world.people[i] ?? '') ?? '', body: body(meeting),
    }));
    const cpu1 = await cpuNow(c, server.child.pid ?? 0);
    const per = (k: 'server' | 'pg' | 'load') => (cpu1[k] - cpu0[k]) / PEOPLE;
    const counts = await server.stop();
    if (r.bodies.length > 0) note(`pool ${pool}: non-2xx answers, e.g. ${r.bodies[0]}`);
    const { rows } = await c.query<{ n: number; d: number }>(
      "select count(*)::int as n, count(distinct person_id)::int as d from attendance where meeting_id = $1 and state = 'present'", [meeting]);
    const rowsOk = rows[0]?.n === PEOPLE && rows[0]?.d === PEOPLE && (r.statuses[200] ?? 0) === PEOPLE;
    return {
      pool, perSecond: r.perSecond, p50: percentile(r.latenciesMs, 50), p99: percentile(r.latenciesMs, 99), rowsOk,
      queriesPerCheckin: counts.queries / PEOPLE, statuses: r.statuses, cpu: { server: per('server'), pg: per('pg'), load: per('load') },
    };
  } finally {
    if (server.child.exitCode === null) await server.stop();
  }
}

export async function benchCheckin(adminUrl: string, opts: { pools: number[]; concurrency: number; label?: string }): Promise<void> {
  setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET }));
  const url = await createDatabase(adminUrl, DB_NAME);
  const c = new Client({ connectionString: url });
  try {
    const db = openPostgres(url, 2);
    await migrate(db);
    await db.close();
    await c.connect();
    const world = await buildWorld(c);
    const tokens = new Map<string, string>();
    for (const id of [...world.people, ...world.warmPeople]) tokens.set(id, (await issueToken(id)).token);

    const before = await rawInsertLoop(c, PEOPLE);
    const runs: Run[] = [];
    for (const pool of opts.pools) {
      const run = await runPool(c, url, world, pool, opts.concurrency, tokens);
      runs.push(run);
      note(`pool ${pool}, ${opts.concurrency} clients: ${fmt(run.perSecond)} check-ins/s, p50 ${ms(run.p50)}, p99 ${ms(run.p99)}, ` +
        `${run.queriesPerCheckin.toFixed(1)} SQL round trips per check-in, statuses ${JSON.stringify(run.statuses)}, rows ${run.rowsOk ? 'ok' : 'WRONG'}, ` +
        `CPU per check-in: server ${run.cpu.server.toFixed(2)} ms, PostgreSQL ${run.cpu.pg.toFixed(2)} ms, load generator ${run.cpu.load.toFixed(2)} ms`);
    }
    const after = await rawInsertLoop(c, PEOPLE);
    const inserts = (before + after) / 2;
    const best = runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const ratio = best.perSecond / inserts;
    const tag = opts.label ? ` ${opts.label}` : '';
    record({ figure: `check-in burst${tag}: check-ins/s (pool ${best.pool}, ${opts.concurrency} clients)`, value: fmt(best.perSecond),
      target: '≥ 1,500/s', baseline: `raw INSERT loop ${fmt(inserts)}/s`, ratio: ratio.toFixed(2), pass: best.perSecond >= 1500 });
    record({ figure: `check-in burst${tag}: ratio to raw inserts`, value: ratio.toFixed(2), target: '≥ 0.5',
      baseline: `${fmt(before)} / ${fmt(after)} inserts/s (before/after)`, ratio: ratio.toFixed(2), pass: ratio >= 0.5 });
    record({ figure: `check-in burst${tag}: p50 / p99 latency`, value: `${ms(best.p50)} / ${ms(best.p99)}`, target: 'p99 < 50 ms',
      baseline: '-', ratio: '-', pass: best.p99 < 50 });
    record({ figure: `check-in burst${tag}: SQL round trips per check-in`, value: best.queriesPerCheckin.toFixed(1), target: '-',
      baseline: '-', ratio: '-', pass: null });
    // What one check-in costs in CPU, whoever else loads the machine; and what 2 idle cores could do at that cost.
    const total = best.cpu.server + best.cpu.pg + best.cpu.load;
    record({ figure: `check-in burst${tag}: CPU per check-in (server / PostgreSQL / load generator)`,
      value: `${best.cpu.server.toFixed(2)} / ${best.cpu.pg.toFixed(2)} / ${best.cpu.load.toFixed(2)} ms`, target: '-',
      baseline: `${total.toFixed(2)} ms in all: at most ${fmt(2000 / total)}/s on 2 idle cores`, ratio: '-', pass: null });
    record({ figure: `check-in burst${tag}: exactly ${fmt(PEOPLE)} attendance rows, all 200`, value: runs.every((r) => r.rowsOk) ? 'yes (every pool size)' : 'NO',
      target: 'yes', baseline: '-', ratio: '-', pass: runs.every((r) => r.rowsOk) });
  } finally {
    await c.end().catch(() => undefined);
    await dropDatabase(adminUrl, DB_NAME);
  }
}
