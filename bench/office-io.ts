// Issue 5: "imports and exports handle a province-sized scope without timing out a serverless function".
// Through the real server (child process), as the office person whose scope is the root: every office
// export of GET /api/exports/[kind] (the province's 备案表 and 人员库, the 评议表 / 观察评价表 / report of one
// observation), and POST /api/imports/people with 5,000 new people (dry run, for real, and a file with one
// bad row). Target: each request well inside vercel.json's maxDuration (10 s). The dataset is left as found:
// the candidates seeded for the 备案表 and the imported people (with their memberships and audit rows) are deleted.
import { readFileSync, rmSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { Client } from 'pg';
import { IMPORT_MAX_ROWS } from '@tingkan/shared';
import { issueToken } from '../api/_lib/session';
import { startServer } from './load';
import { BRANCHES, OFFICE_ID, YEAR } from './dataset';
import { fmt, median, ms, note, now, record } from './lib';

const JWT_SECRET = 'bench-secret-0123456789-abcdefghijklmnop';
const RUNS = 3;
const ROWS = 5000;
const LIMIT_MS = 10_000;
const TARGET = '< 10 s (a serverless function\'s time limit, vercel.json maxDuration)';
/** The dataset has no 备案 candidates: two per branch are seeded for the 备案表 and removed afterwards. */
const CANDIDATES_PER_BRANCH = 2;
/** bench/server.ts passes no UPLOAD_DIR, so a stored export lands in the default folder under the cwd. */
const DEFAULT_UPLOAD_DIR = '.data/uploads';
const BAD_ROW = 2500; // index in the file; sheet row = index + 2 (the header is row 1)

interface Answer { status: number; ms: number; bytes: number; type: string; text: string }

async function call(base: string, path: string, token: string | undefined, body?: unknown): Promise<Answer> {
  const t0 = now();
  const res = await fetch(new URL(path, base), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const buf = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, ms: now() - t0, bytes: buf.length, type, text: /json|text/.test(type) ? buf.toString('utf8') : '' };
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${fmt(bytes / 1024, 1)} KB`);

const CANDIDATE_IDS = `select md5('bench-cand' || b || '-' || k)::uuid from generate_series(1, ${BRANCHES}) b, generate_series(1, ${CANDIDATES_PER_BRANCH}) k`;

/** As the superuser with triggers off (no audit rows): the candidates a province files for the year. */
async function seedCandidates(c: Client): Promise<number> {
  await c.query('begin');
  await c.query('set local session_replication_role = replica');
  const r = await c.query(`
    insert into observation_candidates (id, org_id, year, kind, topic, planned_at, place, contact_name, contact_phone, preferred_mode)
    select md5('bench-cand' || b || '-' || k)::uuid, md5('branch' || b)::uuid, $1::int, 'theme_day', '主题党日：学习贯彻党的二十届三中全会精神',
           make_timestamptz($1::int, 1 + (b + k) % 12, 10 + k, 14, 30, 0, 'Asia/Shanghai'), '机关党员活动室（三楼会议室）',
           '联系人' || b, '0571-88' || lpad((b % 100000)::text, 6, '0'), (case when k = 1 then 'pangting' else 'xunting' end)::observation_mode
      from generate_series(1, ${BRANCHES}) b, generate_series(1, ${CANDIDATES_PER_BRANCH}) k
    on conflict (id) do nothing`, [YEAR]);
  await c.query('commit');
  // As autovacuum would within a minute. Planned on the empty table's statistics, beian's `org_id in (select app.office_org_ids())`
  // becomes a nested-loop semi join that calls the function once per candidate (20,000 × 10,101 rows: ~60 s).
  await c.query('analyze observation_candidates');
  return r.rowCount ?? 0;
}

async function removeCandidates(c: Client): Promise<void> {
  await c.query('begin');
  await c.query('set local session_replication_role = replica');
  await c.query(`delete from observation_candidates where id in (${CANDIDATE_IDS})`);
  await c.query('commit');
  await c.query('analyze observation_candidates');
}

/**
 * Deletes the people holding these mobiles (the dataset has none: every one is an imported bench person), their memberships
 * and the audit rows their import wrote. Triggers off: nothing else refers to them, and 5,000 FK checks against
 * attendance's unindexed recorded_by would scan 7.6 M rows each.
 */
async function removePeople(c: Client, mobiles: string[]): Promise<number> {
  await c.query('begin');
  try {
    await c.query('set local session_replication_role = replica');
    const ids = (await c.query<{ id: string }>('select id from people where mobile = any ($1::text[])', [mobiles])).rows.map((r) => r.id);
    const mem = (await c.query<{ id: string }>('delete from memberships where person_id = any ($1::uuid[]) returning id', [ids])).rows.map((r) => r.id);
    await c.query('delete from people where id = any ($1::uuid[])', [ids]);
    await c.query(`delete from audit_log where (table_name = 'people' and row_id = any ($1::text[])) or (table_name = 'memberships' and row_id = any ($2::text[]))`, [ids, mem]);
    await c.query('commit');
    return ids.length;
  } catch (e) {
    await c.query('rollback');
    throw e;
  }
}

async function counts(c: Client): Promise<{ people: number; memberships: number }> {
  const r = await c.query<{ p: number; m: number }>('select (select count(*)::int from people) as p, (select count(*)::int from memberships) as m');
  return { people: r.rows[0]!.p, memberships: r.rows[0]!.m };
}

/** The people sheet as the form lays it out (UTF-8 CSV with BOM): new people spread over existing branches. */
function peopleCsv(mobiles: string[], badRow?: number): string {
  const lines = ['姓名,性别,手机号码,所在党组织,党员状态,职务,单位'];
  mobiles.forEach((mobile, i) => {
    const branch = 1 + ((i * 2) % BRANCHES);
    const status = i === badRow ? '党员候补' : i % 10 === 9 ? '预备党员' : '正式党员';
    lines.push([`导入党员${i + 1}`, i % 2 ? '女' : '男', mobile, `第${branch}党支部`, status, '无', `部门党组${Math.ceil(branch / 100)}机关`].join(','));
  });
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

const mobilesFrom = (prefix: string) => Array.from({ length: ROWS }, (_, i) => `${prefix}${String(i).padStart(7, '0')}`);

/** The server's peak resident memory so far (Vercel gives a function 1024 MB). */
function peakRss(pid: number | undefined): string {
  const kb = Number(/VmHWM:\s*(\d+)/.exec(pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '')?.[1] ?? NaN);
  return `${fmt(kb / 1024)} MB`;
}

export async function benchOfficeIo(url: string, baseline: number): Promise<void> {
  if (ROWS > IMPORT_MAX_ROWS) throw new Error(`IMPORT_MAX_ROWS is ${IMPORT_MAX_ROWS}`);
  const c = new Client({ connectionString: url });
  await c.connect();
  const good = mobilesFrom('1990');
  const bad = mobilesFrom('1980');
  const leftover = await removePeople(c, [...good, ...bad]);
  if (leftover > 0) note(`office io: removed ${leftover} people left by an earlier, interrupted run`);
  const seeded = await seedCandidates(c);
  const candidates = Number((await c.query<{ n: string }>('select count(*) as n from observation_candidates where year = $1', [YEAR])).rows[0]?.n);
  note(`office io: ${fmt(seeded)} 备案 candidates seeded for ${YEAR} (${fmt(candidates)} in all; removed at the end)`);
  const obs = (await c.query<{ id: string; n: number }>(
    `select observation_id as id, count(distinct observer_id)::int as n from score_sheets group by 1 order by 2 desc, 1 limit 1`)).rows[0];
  if (!obs) throw new Error('the dataset has no score sheets');
  const server = await startServer(url, 4, JWT_SECRET);
  const startRss = peakRss(server.child.pid);
  const base = (kind: string) => `whole endpoint over HTTP${kind}; scan of 400k meetings ${ms(baseline)}`;
  try {
    const token = (await issueToken(OFFICE_ID)).token;
    // ── exports ─────────────────────────────────────────────────────────────
    const exportsToRun = [
      { name: `备案表, province scope, ${YEAR} (${fmt(candidates)} candidates)`, path: `/api/exports/beian?year=${YEAR}` },
      { name: '人员库, the observer pool (3,000 observers)', path: '/api/exports/renyuanku' },
      { name: `评议表, one observation (${obs.n} observers' sheets)`, path: `/api/exports/pingyi?observationId=${obs.id}` },
      { name: '观察评价表, one observation', path: `/api/exports/guancha?observationId=${obs.id}` },
      { name: 'printable report (HTML), one observation', path: `/api/exports/report?observationId=${obs.id}` },
    ];
    for (const x of exportsToRun) {
      const first = await call(server.base, x.path, token); // warm-up
      if (first.status !== 200) throw new Error(`${x.path}: ${first.status} ${first.text.slice(0, 300)}`);
      const answers = [first];
      for (let i = 0; i < RUNS; i++) {
        const a = await call(server.base, x.path, token);
        if (a.status !== 200) throw new Error(`${x.path}: ${a.status} ${a.text.slice(0, 300)}`);
        answers.push(a);
      }
      const times = answers.slice(1).map((a) => a.ms);
      const last = answers[RUNS]!;
      console.log(`    ${x.path}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      let shape = `${size(last.bytes)} inline`;
      if (/application\/json/.test(last.type)) {
        // D9: too large for a response: stored, answered with a signed link. Fetch it once, then remove what the runs stored.
        const link = JSON.parse(last.text) as { url: string; bytes: number };
        const dl = await call(server.base, link.url, undefined);
        shape = `signed link to ${size(link.bytes)} (download ${dl.status}, ${ms(dl.ms)})`;
        for (const a of answers) removeStored(a);
      }
      const m = median(times);
      record({ figure: `office io: GET ${x.path.replace(/observationId=[0-9a-f-]+/, 'observationId=…')} (${x.name})`, value: `${ms(m)} (${shape}, median of ${RUNS}; first call ${ms(first.ms)})`,
        target: TARGET, baseline: base(''), ratio: (m / baseline).toFixed(1), pass: m < LIMIT_MS });
    }
    note(`office io: the server's peak RSS ${startRss} once started, ${peakRss(server.child.pid)} after the exports (a Vercel function has 1024 MB)`);

    // ── imports ─────────────────────────────────────────────────────────────
    const file = (mobiles: string[], badRow?: number) => ({ fileName: '党员导入.csv', contentBase64: Buffer.from(peopleCsv(mobiles, badRow), 'utf8').toString('base64') });
    const goodFile = file(good);
    note(`office io: the import file: ${fmt(ROWS)} rows, ${size(Buffer.byteLength(peopleCsv(good)))} CSV, ${size(goodFile.contentBase64.length)} base64 (the body limit is 1 MB)`);
    const before = await counts(c);
    const importFigure = (label: string, times: number[], detail: string) => {
      const m = median(times);
      record({ figure: `office io: POST /api/imports/people${label}`, value: `${ms(m)} (${detail}, median of ${times.length})`,
        target: TARGET, baseline: base(`, ${fmt(ROWS)}-row CSV`), ratio: (m / baseline).toFixed(1), pass: m < LIMIT_MS });
    };

    // Dry run: every check, nothing written. One warm-up, then RUNS.
    const dry: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const a = await call(server.base, '/api/imports/people?dryRun=1', token, goodFile);
      const body = JSON.parse(a.text) as { dryRun?: boolean; created?: { people: number } };
      if (a.status !== 200 || body.dryRun !== true || body.created?.people !== ROWS) throw new Error(`dry run: ${a.status} ${a.text.slice(0, 300)}`);
      if (i > 0) dry.push(a.ms);
    }
    const afterDry = await counts(c);
    if (afterDry.people !== before.people || afterDry.memberships !== before.memberships) throw new Error(`the dry run wrote: ${JSON.stringify({ before, afterDry })}`);
    console.log(`    /api/imports/people?dryRun=1: ${dry.map((t) => t.toFixed(0)).join(', ')} ms`);
    importFigure(`?dryRun=1 (${fmt(ROWS)} new people, checked, nothing written)`, dry, `${fmt(ROWS)} rows ok`);

    // For real: RUNS imports, each removed again before the next.
    const real: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = await call(server.base, '/api/imports/people', token, goodFile);
      const body = JSON.parse(a.text) as { created?: { people: number; memberships: number } };
      const after = await counts(c);
      const removed = await removePeople(c, good);
      if (a.status !== 201 || body.created?.people !== ROWS || body.created.memberships !== ROWS) throw new Error(`import: ${a.status} ${a.text.slice(0, 300)}`);
      if (after.people - before.people !== ROWS || after.memberships - before.memberships !== ROWS || removed !== ROWS) {
        throw new Error(`import wrote ${after.people - before.people} people, ${after.memberships - before.memberships} memberships; removed ${removed}`);
      }
      real.push(a.ms);
    }
    console.log(`    /api/imports/people: ${real.map((t) => t.toFixed(0)).join(', ')} ms`);
    importFigure(` (${fmt(ROWS)} new people + memberships over ${fmt(Math.min(ROWS, BRANCHES / 2))} branches, one transaction)`, real, `${fmt(ROWS)} people written, then deleted`);

    // One bad row among 5,000: 400 with the per-row report, nothing written.
    const badFile = file(bad, BAD_ROW);
    const rejected: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = await call(server.base, '/api/imports/people', token, badFile);
      const err = (JSON.parse(a.text) as { error?: { code: string; badRows: number; report: { row: number; ok: boolean; errors: { column: string }[] }[] } }).error;
      const flagged = err?.report.filter((r) => !r.ok) ?? [];
      const after = await counts(c);
      if (a.status < 400 || a.status >= 500 || err?.code !== 'IMPORT_REJECTED' || err.badRows !== 1 || err.report.length !== ROWS
        || flagged.length !== 1 || flagged[0]?.row !== BAD_ROW + 2 || flagged[0]?.errors[0]?.column !== '党员状态') {
        await removePeople(c, bad);
        throw new Error(`one bad row: ${a.status} ${a.text.slice(0, 300)}`);
      }
      if (after.people !== before.people || after.memberships !== before.memberships) {
        await removePeople(c, bad);
        throw new Error(`the rejected import wrote: ${JSON.stringify({ before, after })}`);
      }
      rejected.push(a.ms);
    }
    console.log(`    /api/imports/people (one bad row): ${rejected.map((t) => t.toFixed(0)).join(', ')} ms`);
    importFigure(` with one bad row among ${fmt(ROWS)} (400 IMPORT_REJECTED, per-row report, nothing written)`, rejected, `row ${BAD_ROW + 2} flagged, people unchanged`);
    note(`office io: the server's peak RSS after the imports ${peakRss(server.child.pid)}`);
  } finally {
    await server.stop();
    await removePeople(c, [...good, ...bad]);
    await removeCandidates(c);
    await c.end();
  }
}

/** Removes an export the server stored locally (the path is inside its signed ticket) from the default UPLOAD_DIR. */
function removeStored(a: Answer): void {
  const link = JSON.parse(a.text) as { url: string };
  const m = /^\/api\/exports\/files\/([^.]+)\./.exec(link.url);
  if (!m?.[1]) return;
  const root = resolve(process.cwd(), DEFAULT_UPLOAD_DIR);
  const file = resolve(root, (JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as { path: string }).path);
  if (file.startsWith(root + sep)) rmSync(file, { force: true });
}
