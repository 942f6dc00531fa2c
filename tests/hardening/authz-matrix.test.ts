import { withCaller, type Claims } from '../../api/_lib/db';
import { setClock } from '../../api/_lib/clock';
import { issueToken } from '../../api/_lib/session';
import { startTestApp, type TestApp } from '../helpers/app';
import { addMember, insertPerson } from '../helpers/builders';
import { assign, insertMeeting, insertObservation, observedMeeting } from '../helpers/meeting-builders';

// Issue 7: every role × endpoint × own/other branch, against a literal table; then the same for
// direct SQL under RLS. Branch 甲 (A) holds a 党员大会 with an observation whose group is 办公室干部
// (leader) and 乙委员; branch 乙 (B) holds one observed by 办公室干部 alone. 丙观察员 is in the pool
// but in no group.
type Role = 'anonymous' | 'memberA' | 'secretaryA' | 'memberB' | 'observer' | 'unassigned' | 'office';
const ROLES: Role[] = ['anonymous', 'memberA', 'secretaryA', 'memberB', 'observer', 'unassigned', 'office'];
/** ok = 2xx; anon = 401; deny = 403 or 404 (refused, or not even shown to exist); rule = 400/409 (allowed, refused by a rule). */
type Outcome = 'ok' | 'anon' | 'deny' | 'rule';
type Branch = 'A' | 'B';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>> & { meetingB: string; observationB: string };
const tokens = new Map<Role, string>();

const personOf = (r: Exclude<Role, 'anonymous'>) =>
  ({ memberA: w.memberA, secretaryA: w.secretaryA, memberB: w.memberB, observer: w.committeeB, unassigned: w.spare, office: w.office })[r];
const meetingOf = (b: Branch) => (b === 'A' ? w.meetingA : w.meetingB);
const observationOf = (b: Branch) => (b === 'A' ? w.observation : w.observationB);
const branchOf = (b: Branch) => (b === 'A' ? w.branchA : w.branchB);
// The SQL matrix has its own meetings and observations (one attendance row, note and sheet of each), untouched by the API cells.
let sqlWorld: { meetings: Record<Branch, string>; observations: Record<Branch, string> };
const sqlMeeting = (b: Branch) => sqlWorld.meetings[b];
const sqlObservation = (b: Branch) => sqlWorld.observations[b];

interface Call {
  method: string;
  path: (b: Branch) => string;
  body?: (b: Branch) => unknown;
}

const CALLS: Record<string, Call> = {
  'GET /api/me': { method: 'GET', path: () => '/api/me' },
  'GET /api/attendance': { method: 'GET', path: (b) => `/api/attendance?meetingId=${meetingOf(b)}` },
  'POST /api/attendance': { method: 'POST', path: () => '/api/attendance', body: (b) => ({ meetingId: meetingOf(b), state: 'confirmed' }) },
  'GET /api/checkins/qr': { method: 'GET', path: (b) => `/api/checkins/qr?meetingId=${meetingOf(b)}` },
  'POST /api/checkins/manual': { method: 'POST', path: () => '/api/checkins/manual', body: (b) => ({ meetingId: meetingOf(b), personId: b === 'A' ? w.memberA : w.memberB }) },
  'POST /api/motions': { method: 'POST', path: () => '/api/motions', body: (b) => ({ meetingId: meetingOf(b), title: '关于发展对象的表决' }) },
  'GET /api/meetings': { method: 'GET', path: (b) => `/api/meetings?orgId=${branchOf(b)}` },
  'POST /api/meetings': {
    method: 'POST', path: () => '/api/meetings',
    body: (b) => ({ orgId: branchOf(b), kind: 'committee_meeting', topic: '研究季度工作', startsAt: '2026-04-10T09:00:00+08:00', endsAt: '2026-04-10T10:00:00+08:00', place: '二楼会议室' }),
  },
  'GET /api/meetings/[id]': { method: 'GET', path: (b) => `/api/meetings/${meetingOf(b)}` },
  'GET /api/observations/[id]': { method: 'GET', path: (b) => `/api/observations/${observationOf(b)}` },
  'GET /api/observations/[id]/notes': { method: 'GET', path: (b) => `/api/observations/${observationOf(b)}/notes` },
  'PUT /api/observations/[id]/notes': {
    method: 'PUT', path: (b) => `/api/observations/${observationOf(b)}/notes`,
    body: () => ({ topicContent: '主题鲜明', speechQuality: '发言充分', conduct: '程序规范', satisfaction: '满意' }),
  },
  'GET /api/observations/[id]/sheets': { method: 'GET', path: (b) => `/api/observations/${observationOf(b)}/sheets` },
  'GET /api/people': { method: 'GET', path: () => '/api/people' },
  'GET /api/audit': { method: 'GET', path: () => '/api/audit' },
  'POST /api/samples': { method: 'POST', path: () => '/api/samples', body: (b) => ({ year: b === 'A' ? 2026 : 2027 }) },
  'GET /api/gradings': { method: 'GET', path: (b) => `/api/gradings?orgId=${branchOf(b)}&year=2026` },
  'POST /api/gradings': {
    method: 'POST', path: () => '/api/gradings',
    body: (b) => ({ kind: 'member', orgId: branchOf(b), year: 2026, grades: [{ personId: b === 'A' ? w.memberA : w.secretaryB, grade: 'qualified' }] }),
  },
};

// The table. Each cell: [outcome on branch A's resource, outcome on branch B's resource].
const o = (a: Outcome, b: Outcome = a): [Outcome, Outcome] => [a, b];
const MATRIX: Record<string, Record<Exclude<Role, 'anonymous'>, [Outcome, Outcome]>> = {
  //                                 memberA         secretaryA        memberB           observer (乙委员)   unassigned      office
  'GET /api/me':                   { memberA: o('ok'), secretaryA: o('ok'), memberB: o('ok'), observer: o('ok'), unassigned: o('ok'), office: o('ok') },
  'GET /api/attendance':           { memberA: o('ok', 'deny'), secretaryA: o('ok', 'deny'), memberB: o('deny', 'ok'), observer: o('ok', 'ok'), unassigned: o('deny'), office: o('ok') },
  'POST /api/attendance':          { memberA: o('ok', 'deny'), secretaryA: o('ok', 'deny'), memberB: o('deny', 'ok'), observer: o('deny', 'ok'), unassigned: o('deny'), office: o('deny') },
  'GET /api/checkins/qr':          { memberA: o('deny'), secretaryA: o('ok', 'deny'), memberB: o('deny'), observer: o('deny'), unassigned: o('deny'), office: o('ok') },
  'POST /api/checkins/manual':     { memberA: o('deny'), secretaryA: o('ok', 'deny'), memberB: o('deny'), observer: o('deny'), unassigned: o('deny'), office: o('ok') },
  'POST /api/motions':             { memberA: o('deny'), secretaryA: o('ok', 'deny'), memberB: o('deny'), observer: o('deny'), unassigned: o('deny'), office: o('ok') },
  // Lists answer 200 with what RLS shows (nothing of another branch: see the leak test below).
  'GET /api/meetings':             { memberA: o('ok'), secretaryA: o('ok'), memberB: o('ok'), observer: o('ok'), unassigned: o('ok'), office: o('ok') },
  'POST /api/meetings':            { memberA: o('deny'), secretaryA: o('ok', 'deny'), memberB: o('deny'), observer: o('deny'), unassigned: o('deny'), office: o('ok') },
  'GET /api/meetings/[id]':        { memberA: o('ok', 'deny'), secretaryA: o('ok', 'deny'), memberB: o('deny', 'ok'), observer: o('ok', 'ok'), unassigned: o('deny'), office: o('ok') },
  // 乙委员 is also a member of branch 乙, so branch 乙's observation is its own branch's.
  'GET /api/observations/[id]':    { memberA: o('ok', 'deny'), secretaryA: o('ok', 'deny'), memberB: o('deny', 'ok'), observer: o('ok'), unassigned: o('deny'), office: o('ok') },
  'GET /api/observations/[id]/notes': { memberA: o('ok', 'deny'), secretaryA: o('ok', 'deny'), memberB: o('deny', 'ok'), observer: o('ok'), unassigned: o('deny'), office: o('ok') },
  'PUT /api/observations/[id]/notes': { memberA: o('deny'), secretaryA: o('deny'), memberB: o('deny'), observer: o('ok', 'deny'), unassigned: o('deny'), office: o('ok') },
  'GET /api/observations/[id]/sheets': { memberA: o('deny'), secretaryA: o('deny'), memberB: o('deny'), observer: o('ok', 'deny'), unassigned: o('deny'), office: o('ok') },
  'GET /api/people':               { memberA: o('ok'), secretaryA: o('ok'), memberB: o('ok'), observer: o('ok'), unassigned: o('ok'), office: o('ok') },
  'GET /api/audit':                { memberA: o('deny'), secretaryA: o('deny'), memberB: o('deny'), observer: o('deny'), unassigned: o('deny'), office: o('ok') },
  'POST /api/samples':             { memberA: o('deny'), secretaryA: o('deny'), memberB: o('deny'), observer: o('deny'), unassigned: o('deny'), office: o('ok') },
  // RATE-1..3: office staff in scope only; a branch's own secretary does not grade (migration 20261124000100).
  'GET /api/gradings':             { memberA: o('deny'), secretaryA: o('deny'), memberB: o('deny'), observer: o('deny'), unassigned: o('deny'), office: o('ok') },
  'POST /api/gradings':            { memberA: o('deny'), secretaryA: o('deny'), memberB: o('deny'), observer: o('deny'), unassigned: o('deny'), office: o('ok') },
};

function outcomeOf(status: number): Outcome | `other ${number}` {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401) return 'anon';
  if (status === 403 || status === 404) return 'deny';
  if (status === 400 || status === 409 || status === 410) return 'rule';
  return `other ${status}`;
}

beforeAll(async () => {
  app = await startTestApp();
  const base = await observedMeeting(app.db);
  const meetingB = await insertMeeting(app.db, { orgId: base.branchB, startsAt: '2026-03-13T09:00:00+08:00' });
  const observationB = await insertObservation(app.db, { meetingId: meetingB });
  await assign(app.db, observationB, base.office, true);
  w = { ...base, meetingB, observationB };
  const meetings = { A: '', B: '' };
  const observations = { A: '', B: '' };
  for (const b of ['A', 'B'] as const) {
    meetings[b] = await insertMeeting(app.db, { orgId: branchOf(b), startsAt: '2026-03-20T09:00:00+08:00' });
    observations[b] = await insertObservation(app.db, { meetingId: meetings[b] });
    await assign(app.db, observations[b], base.office, true);
    if (b === 'A') await assign(app.db, observations[b], base.committeeB);
    // The rows belong to someone outside the matrix, so no role's own insert collides with them.
    const author = await insertPerson(app.db, { name: `旁人${b}` });
    await addMember(app.db, author, branchOf(b));
    await assign(app.db, observations[b], author);
    await app.db.query("insert into attendance (meeting_id, person_id, state) values ($1, $2, 'confirmed')", [meetings[b], author]);
    await app.db.query("insert into observation_notes (observation_id, author_id, topic_content) values ($1, $2, '主题鲜明')", [observations[b], author]);
    await app.db.query("insert into score_sheets (observation_id, observer_id, version, rubric, total, texts) values ($1, $2, 1, 'guancha_3', 45, '{}')", [observations[b], author]);
  }
  sqlWorld = { meetings, observations };
  // Inside both meetings' check-in window, so the rule layer does not hide the authorization layer.
  setClock('2026-03-13T08:45:00+08:00');
  for (const r of ROLES) if (r !== 'anonymous') tokens.set(r, (await issueToken(personOf(r))).token);
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

describe('the API, role × endpoint × own/other branch', () => {
  it('covers the meeting-room endpoints and the office ones that exist', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(CALLS).sort());
  });

  const cells = Object.entries(MATRIX).flatMap(([name, row]) =>
    (['A', 'B'] as const).flatMap((b, i) => [
      [name, 'anonymous' as Role, b, 'anon' as Outcome] as const,
      ...Object.entries(row).map(([role, outcomes]) => [name, role as Role, b, outcomes[i]!] as const),
    ]),
  );
  it.each(cells)('%s as %s on branch %s → %s', async (name, role, branch, expected) => {
    const call = CALLS[name]!;
    const res = await app.request(call.method, call.path(branch), { token: tokens.get(role), body: call.body?.(branch) });
    expect({ name, role, branch, outcome: outcomeOf(res.status), code: res.body?.error?.code }).toMatchObject({ name, role, branch, outcome: expected });
  });
});

describe('lists answer 200 but show nothing of another branch', () => {
  it('branch 甲\'s member lists meetings of branch 乙 and people: no row of branch 乙 in the answer', async () => {
    const token = tokens.get('memberA');
    const meetings = await app.request('GET', `/api/meetings?orgId=${w.branchB}`, { token });
    expect(JSON.stringify(meetings.body)).not.toContain(w.meetingB);
    const people = await app.request('GET', '/api/people', { token });
    expect(JSON.stringify(people.body)).not.toContain(w.memberB);
    expect(JSON.stringify(people.body)).not.toContain(w.secretaryB);
  });
});

// --- direct SQL under RLS, through the API's own port (withCaller) ---------------------------------
type SqlRole = Exclude<Role, 'anonymous'>;
const SQL_ROLES: SqlRole[] = ['memberA', 'secretaryA', 'memberB', 'observer', 'unassigned', 'office'];

async function can(role: SqlRole, sql: string, params: unknown[]): Promise<boolean> {
  const claims: Claims = { sub: personOf(role), role: 'authenticated' };
  try {
    // Rolled back every time, so each cell sees the same world.
    await withCaller(claims, async (tx) => {
      const { rows } = await tx.query(sql, params);
      throw Object.assign(new Error('rollback'), { rows: rows.length });
    });
  } catch (e) {
    const rows = (e as { rows?: number }).rows;
    if (rows !== undefined) return rows > 0;
    if ((e as { code?: string }).code === '42501') return false;
    throw e;
  }
  return false;
}

interface SqlCell {
  sql: (b: Branch) => string;
  params: (b: Branch, role: SqlRole) => unknown[];
}
const SQL: Record<string, SqlCell> = {
  'select meetings': { sql: () => 'select 1 from meetings where id = $1', params: (b) => [meetingOf(b)] },
  'update meetings': { sql: () => "update meetings set place = place where id = $1 returning 1", params: (b) => [meetingOf(b)] },
  'insert meetings': {
    sql: () => "insert into meetings (org_id, kind, topic, starts_at, ends_at, place) values ($1, 'committee_meeting', '测试', now(), now() + interval '1 hour', '会议室') returning 1",
    params: (b) => [branchOf(b)],
  },
  'select attendance': { sql: () => 'select 1 from attendance where meeting_id = $1', params: (b) => [sqlMeeting(b)] },
  'insert attendance for oneself': {
    sql: () => "insert into attendance (meeting_id, person_id, state) values ($1, $2, 'confirmed') returning 1",
    params: (b, r) => [sqlMeeting(b), personOf(r)],
  },
  'select observations': { sql: () => 'select 1 from observations where id = $1', params: (b) => [sqlObservation(b)] },
  'update observations: the plan': {
    sql: () => `update observations set plan = '{"agenda":"学习"}', plan_submitted_at = now() where id = $1 returning 1`, params: (b) => [sqlObservation(b)],
  },
  'update observations: other columns': { sql: () => 'update observations set feedback_sent_at = now() where id = $1 returning 1', params: (b) => [sqlObservation(b)] },
  'select observation_notes': { sql: () => 'select 1 from observation_notes where observation_id = $1', params: (b) => [sqlObservation(b)] },
  'insert observation_notes as oneself': {
    sql: () => "insert into observation_notes (observation_id, author_id, topic_content) values ($1, $2, '测试') returning 1",
    params: (b, r) => [sqlObservation(b), personOf(r)],
  },
  'select score_sheets': { sql: () => 'select 1 from score_sheets where observation_id = $1', params: (b) => [sqlObservation(b)] },
  'select people of the branch': { sql: () => 'select 1 from memberships m join people p on p.id = m.person_id where m.org_id = $1', params: (b) => [branchOf(b)] },
  'update people (someone else)': { sql: () => "update people set name = name where id = $1 returning 1", params: (b) => [b === 'A' ? w.memberA : w.memberB] },
  'insert memberships': {
    sql: () => "insert into memberships (person_id, org_id, status) values ($1, $2, 'full') on conflict do nothing returning 1",
    params: (b, r) => [personOf(r), branchOf(b)],
  },
  'insert office_staff for oneself': { sql: () => 'insert into office_staff (person_id, scope_org_id) values ($1, $2) returning 1', params: (_b, r) => [personOf(r), w.root] },
  'select audit_log of the meeting': { sql: () => "select 1 from audit_log where table_name = 'meetings' and row_id = $1::text", params: (b) => [sqlMeeting(b)] },
};

// A literal table again: which roles can, for branch A's rows and for branch B's rows.
type Can = 'Y' | 'N';
const SQL_MATRIX: Record<string, Record<SqlRole, `${Can}${Can}`>> = {
  //                                    memberA  secretaryA memberB observer unassigned office
  'select meetings':                  { memberA: 'YN', secretaryA: 'YN', memberB: 'NY', observer: 'YY', unassigned: 'NN', office: 'YY' },
  'update meetings':                  { memberA: 'NN', secretaryA: 'YN', memberB: 'NN', observer: 'NN', unassigned: 'NN', office: 'YY' },
  'insert meetings':                  { memberA: 'NN', secretaryA: 'YN', memberB: 'NN', observer: 'NN', unassigned: 'NN', office: 'YY' },
  'select attendance':                { memberA: 'YN', secretaryA: 'YN', memberB: 'NY', observer: 'YY', unassigned: 'NN', office: 'YY' },
  // Office staff record other people's attendance, their own only where they belong (migration 20261124000200).
  'insert attendance for oneself':    { memberA: 'YN', secretaryA: 'YN', memberB: 'NY', observer: 'NY', unassigned: 'NN', office: 'NN' },
  'select observations':              { memberA: 'YN', secretaryA: 'YN', memberB: 'NY', observer: 'YY', unassigned: 'NN', office: 'YY' },
  // The observed branch's leaders change their observation's plan (OBS-5) and nothing else (migration 20261124000200).
  'update observations: the plan':    { memberA: 'NN', secretaryA: 'YN', memberB: 'NN', observer: 'NN', unassigned: 'NN', office: 'YY' },
  'update observations: other columns': { memberA: 'NN', secretaryA: 'NN', memberB: 'NN', observer: 'NN', unassigned: 'NN', office: 'YY' },
  'select observation_notes':         { memberA: 'NN', secretaryA: 'NN', memberB: 'NN', observer: 'YN', unassigned: 'NN', office: 'YY' },
  'insert observation_notes as oneself': { memberA: 'NN', secretaryA: 'NN', memberB: 'NN', observer: 'YN', unassigned: 'NN', office: 'YY' },
  'select score_sheets':              { memberA: 'NN', secretaryA: 'NN', memberB: 'NN', observer: 'YN', unassigned: 'NN', office: 'YY' },
  'select people of the branch':      { memberA: 'YN', secretaryA: 'YN', memberB: 'NY', observer: 'NY', unassigned: 'NN', office: 'YY' },
  'update people (someone else)':     { memberA: 'NN', secretaryA: 'NN', memberB: 'NN', observer: 'NN', unassigned: 'NN', office: 'YY' },
  'insert memberships':               { memberA: 'NN', secretaryA: 'NN', memberB: 'NN', observer: 'NN', unassigned: 'NN', office: 'YY' },
  'insert office_staff for oneself':  { memberA: 'NN', secretaryA: 'NN', memberB: 'NN', observer: 'NN', unassigned: 'NN', office: 'NN' },
  // The work committee's office reads the whole log; other office staff only their own entries (docs/decisions/0004).
  'select audit_log of the meeting':  { memberA: 'NN', secretaryA: 'NN', memberB: 'NN', observer: 'NN', unassigned: 'NN', office: 'YY' },
};

describe('direct SQL under RLS (withCaller), role × statement × own/other branch', () => {
  const cells = Object.entries(SQL_MATRIX).flatMap(([name, row]) =>
    Object.entries(row).flatMap(([role, yn]) => (['A', 'B'] as const).map((b, i) => [name, role as SqlRole, b, yn[i] === 'Y'] as const)),
  );
  it.each(cells)('%s as %s on branch %s → can = %s', async (name, role, branch, expected) => {
    const cell = SQL[name]!;
    expect(await can(role, cell.sql(branch), cell.params(branch, role))).toBe(expected);
  });

  it('every public table has row-level security on, and the anon role reads no row of any', async () => {
    const { rows } = await app.db.query<{ name: string; rls: boolean }>(
      "select c.relname as name, c.relrowsecurity as rls from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'hardening_writes'",
    );
    expect(rows.filter((r) => !r.rls).map((r) => r.name)).toEqual([]);
    for (const { name } of rows) {
      const seen = await app.db.transaction(async (tx) => {
        await tx.query("select set_config('role', 'anon', true)");
        return tx.query(`select 1 from public."${name}" limit 1`).then((r) => r.rows.length, () => 0);
      });
      expect({ name, seen }).toEqual({ name, seen: 0 });
    }
  });
});
