import { absenceFlags, canAttend, toDateString, type TAbsenceInput, type TPolicy } from '@tingkan/shared';
import { withCaller, type Claims } from '../../api/_lib/db';
import { setClock } from '../../api/_lib/clock';
import { currentPolicy } from '../../api/_lib/office/policy';
import { startTestApp, type TestApp } from '../helpers/app';
import { insertOrg, insertPerson } from '../helpers/builders';
import { SEED, insertMeetingAt } from '../helpers/office-builders';

// ATT-1 at province scale: app.absence_counts (migration 20261125000100) counts in SQL and absenceByBranch
// decides with absenceDecision. Here one branch holds every case the rule knows, and the report
// `GET /api/compliance` must equal the pure absenceFlags fed with the raw meetings, as of 2026-11-20
// (window (2026-05-20, 2026-11-20] in Shanghai dates, the default 6 months).
const ASOF = '2026-11-20';
const COMMITTEE = ['secretary', 'deputy_secretary', 'committee_member'];

let app: TestApp;
let policy: TPolicy;
const w = { branch: '', g1: '', g2: '', other: '' };
type Who = 'secretary' | 'committee' | 'groupOnly' | 'edgeIn' | 'noLeave' | 'someLeave' | 'allLeave' | 'newcomer' | 'left'
  | 'probationary' | 'activist' | 'longAgo' | 'guest' | 'sitIn' | 'otherSecretary';
const who = {} as Record<Who, string>;

async function join(personId: string, orgId: string, o: { status?: string; roles?: string[]; joinedOn?: string; leftOn?: string } = {}) {
  await app.db.query('insert into memberships (person_id, org_id, status, roles, joined_on, left_on) values ($1, $2, $3, $4::branch_role[], $5, $6)',
    [personId, orgId, o.status ?? 'full', o.roles ?? [], o.joinedOn ?? '2020-03-01', o.leftOn ?? null]);
}

async function mark(meetingId: string, personId: string, state: 'present' | 'leave' | 'absent' | 'confirmed', reason?: string) {
  await app.db.query(
    `insert into attendance (meeting_id, person_id, state, leave_category, leave_reason, method, checked_in_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [meetingId, personId, state, state === 'leave' ? 'personal' : null, reason ?? null, state === 'present' ? 'qr' : null, state === 'present' ? new Date() : null]);
}

/** The raw data read back as the owner, turned into the rule's input exactly as ATT-1 states it. */
async function ruleInput(branch = w.branch, orgs = [w.branch, w.g1, w.g2, w.other]): Promise<TAbsenceInput> {
  const ms = (await app.db.query<{ person_id: string; org_id: string; status: string; roles: string[]; joined_on: string; left_on: string | null }>(
    'select person_id, org_id, status, roles::text[] as roles, joined_on::text as joined_on, left_on::text as left_on from memberships where org_id = any($1::uuid[])', [orgs])).rows;
  const meetings = (await app.db.query<{ id: string; org_id: string; kind: string; starts_at: Date }>(
    "select id, org_id, kind, starts_at from meetings where org_id = any($1::uuid[]) and status = 'held'", [orgs])).rows;
  const att = (await app.db.query<{ meeting_id: string; person_id: string; state: string; leave_reason: string | null }>(
    'select a.meeting_id, a.person_id, a.state, a.leave_reason from attendance a join meetings m on m.id = a.meeting_id where m.org_id = any($1::uuid[])', [orgs])).rows;
  // 支委会: only the committee (roles held in the branch the 党小组 or 支委会 belongs to).
  const branches = orgs.filter((o) => o === branch || o === w.other);
  const onCommittee = (personId: string) => ms.some((m) => m.person_id === personId && branches.includes(m.org_id) && m.roles.some((r) => COMMITTEE.includes(r)));
  return {
    asOf: ASOF,
    members: ms.filter((m) => m.org_id === branch && m.left_on === null).map((m) => ({ personId: m.person_id, status: m.status as never, joinedOn: m.joined_on })),
    meetings: meetings.map((mt) => {
      const date = toDateString(mt.starts_at);
      const mine = att.filter((a) => a.meeting_id === mt.id);
      return {
        id: mt.id, kind: mt.kind as never, date,
        expectedIds: ms.filter((m) => m.org_id === mt.org_id && m.joined_on <= date && (m.left_on === null || m.left_on >= date)
          && canAttend(m.status as never, mt.kind as never, onCommittee(m.person_id))).map((m) => m.person_id),
        presentIds: mine.filter((a) => a.state === 'present').map((a) => a.person_id),
        leaves: mine.filter((a) => a.state === 'leave').map((a) => ({ personId: a.person_id, category: 'personal' as const, reason: a.leave_reason ?? '' })),
      };
    }),
  };
}

beforeAll(async () => {
  app = await startTestApp();
  setClock('2026-11-20T10:00:00+08:00');
  const db = app.db;
  w.branch = await insertOrg(db, { kind: 'branch', name: '财政局绩效评价科党支部', parentId: SEED.finance, hasCommittee: true });
  w.g1 = await insertOrg(db, { kind: 'party_group', name: '第一党小组', parentId: w.branch });
  w.g2 = await insertOrg(db, { kind: 'party_group', name: '第二党小组', parentId: w.branch });
  w.other = await insertOrg(db, { kind: 'branch', name: '财政局资产管理科党支部', parentId: SEED.finance });
  const people: [Who, string, { status?: string; roles?: string[]; joinedOn?: string; leftOn?: string }, string | null][] = [
    ['secretary', '书记全勤', { roles: ['secretary'] }, w.g1],
    ['committee', '委员全缺', { roles: ['committee_member'] }, w.g2],
    ['groupOnly', '只参加党小组会', {}, w.g1],
    ['edgeIn', '只参加窗口首日党课', {}, null],
    ['noLeave', '全缺无假', {}, w.g2],
    ['someLeave', '部分请假', {}, w.g1],
    ['allLeave', '全部请假', {}, w.g2],
    ['newcomer', '新转入党员', { joinedOn: '2026-08-01' }, w.g1],
    ['left', '已转出党员', { leftOn: '2026-06-30' }, w.g1],
    ['probationary', '预备党员全缺', { status: 'probationary', joinedOn: '2025-10-01' }, null],
    ['activist', '入党积极分子', { status: 'activist', joinedOn: '2024-01-01' }, null],
    ['longAgo', '去年底参加过', {}, w.g1],
    ['guest', '只参加别的支部', {}, w.g2],
    ['sitIn', '只列席支委会', {}, w.g1],
  ];
  for (const [key, name, m, group] of people) {
    who[key] = await insertPerson(db, { name });
    await join(who[key], w.branch, m);
    if (group) await join(who[key], group, { status: m.status, joinedOn: m.joinedOn, leftOn: m.leftOn });
  }
  who.otherSecretary = await insertPerson(db, { name: '资产科书记' });
  await join(who.otherSecretary, w.other, { roles: ['secretary'] });

  const mt = async (orgId: string, kind: string, startsAt: string, status: 'held' | 'planned' = 'held') => insertMeetingAt(db, { orgId, kind, startsAt, status });
  const m = {
    old: await mt(w.branch, 'general_meeting', '2025-12-10T14:30:00+08:00'),
    edgeOut: await mt(w.branch, 'theme_day', '2026-05-20T19:00:00+08:00'), // windowStart's own day: outside
    edgeIn: await mt(w.branch, 'party_lecture', '2026-05-21T07:30:00+08:00'), // 2026-05-20 in UTC: inside
    c1: await mt(w.branch, 'committee_meeting', '2026-06-05T15:00:00+08:00'),
    gen1: await mt(w.branch, 'general_meeting', '2026-06-26T14:30:00+08:00'),
    g1a: await mt(w.g1, 'group_meeting', '2026-07-10T15:00:00+08:00'),
    g2a: await mt(w.g2, 'group_meeting', '2026-07-17T15:00:00+08:00'),
    c2: await mt(w.branch, 'committee_meeting', '2026-08-07T15:00:00+08:00'),
    theme: await mt(w.branch, 'theme_day', '2026-09-04T09:00:00+08:00'),
    other: await mt(w.other, 'general_meeting', '2026-09-18T14:30:00+08:00'),
    g1b: await mt(w.g1, 'group_meeting', '2026-10-09T15:00:00+08:00'),
    planned: await mt(w.branch, 'general_meeting', '2026-10-23T14:30:00+08:00', 'planned'),
    cancelled: await mt(w.branch, 'party_lecture', '2026-10-30T14:30:00+08:00', 'planned'),
    asOf: await mt(w.branch, 'general_meeting', '2026-11-20T08:30:00+08:00'),
    after: await mt(w.branch, 'general_meeting', '2026-11-21T07:30:00+08:00'), // 2026-11-20 in UTC: after asOf
  };
  await db.query("update meetings set status = 'cancelled', cancel_reason = '与全局大会冲突' where id = $1", [m.cancelled]);

  const branchHeld = [m.old, m.edgeOut, m.edgeIn, m.c1, m.gen1, m.c2, m.theme, m.asOf, m.after];
  for (const id of [...branchHeld, m.g1a, m.g1b]) await mark(id, who.secretary, 'present');
  await mark(m.other, who.otherSecretary, 'present');
  await mark(m.c1, who.committee, 'leave', '赴省厅参加培训');
  for (const id of [m.edgeIn, m.c2, m.gen1, m.g2a, m.asOf]) await mark(id, who.committee, 'absent');
  await mark(m.g1a, who.groupOnly, 'present');
  await mark(m.edgeIn, who.edgeIn, 'present');
  // Present only outside the window (its first day, the day after asOf); planned and cancelled meetings missed.
  for (const id of [m.edgeOut, m.after]) await mark(id, who.noLeave, 'present');
  for (const id of [m.gen1, m.planned, m.cancelled]) await mark(id, who.noLeave, 'absent');
  await mark(m.gen1, who.someLeave, 'leave', '带队赴县区督导');
  await mark(m.theme, who.someLeave, 'leave', '住院治疗');
  await mark(m.g1a, who.someLeave, 'leave', '  '); // a blank reason is no reason (ATT-1)
  await mark(m.asOf, who.someLeave, 'confirmed'); // said they would come, never checked in
  await mark(m.g1b, who.someLeave, 'absent');
  // Every meeting they were expected at is excused; the 支委会s (not theirs) have no leave.
  for (const id of [m.edgeIn, m.gen1, m.g2a, m.theme, m.asOf]) await mark(id, who.allLeave, 'leave', '长期驻村帮扶');
  for (const id of [m.gen1, m.theme]) await mark(id, who.newcomer, 'absent');
  await mark(m.gen1, who.left, 'absent');
  await mark(m.theme, who.activist, 'absent');
  await mark(m.old, who.longAgo, 'present');
  for (const id of [m.edgeIn, m.gen1, m.g1a, m.theme, m.g1b, m.asOf]) await mark(id, who.longAgo, 'absent');
  await mark(m.other, who.guest, 'present'); // another branch's meeting, not theirs
  await mark(m.c2, who.sitIn, 'present'); // 列席 a 支委会 they are not expected at
  policy = await currentPolicy(db);
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

const asCaller = (sub: string): Claims => ({ sub, role: 'authenticated' });
const names = (ids: string[]) => ids.map((id) => (Object.keys(who) as Who[]).find((k) => who[k] === id)).sort();
type Flag = { personId: string; flagged: boolean; lastAttendedOn: string | null; missedInWindow: number; missedWithoutLeave: number; reasonZh: string };
const byPerson = (a: Flag, b: Flag) => (a.personId < b.personId ? -1 : 1);

describe('app.absence_counts equals the pure rule on raw data (ATT-1)', () => {
  let expected: ReturnType<typeof absenceFlags>;
  let report: { windowStart: string; flagged: (Flag & { name: string })[]; checked: number };

  beforeAll(async () => {
    expected = absenceFlags(await ruleInput(), policy);
    const res = await app.request('GET', `/api/compliance?year=2026&orgId=${w.branch}`, { token: await app.login(SEED.financeOffice) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: ASOF, total: 1 });
    report = res.body.branches[0].absence;
  });

  it('the window is the default 6 months back from asOf (ATT-1)', () => {
    expect(policy.absenceFlagMonths).toBe(6);
    expect(expected.windowStart).toBe('2026-05-20');
    expect(report.windowStart).toBe('2026-05-20');
  });

  it('the rule on raw data flags exactly the members who attended nothing without a valid leave (ATT-1)', () => {
    // Literal: guards the test's own reading of the raw data as well as the rule.
    expect(names(expected.flaggedIds)).toEqual(['committee', 'guest', 'longAgo', 'noLeave', 'probationary', 'sitIn', 'someLeave']);
    const got = Object.fromEntries(expected.members.filter((f) => f.flagged).map((f) => [names([f.personId])[0], [f.lastAttendedOn, f.missedInWindow, f.missedWithoutLeave]]));
    expect(got).toEqual({
      committee: [null, 7, 6], // both 支委会s count for a committee member
      noLeave: ['2026-05-20', 5, 5], // no 支委会, no planned, cancelled or later meeting
      someLeave: [null, 6, 4],
      probationary: [null, 4, 4], // in no 党小组
      longAgo: ['2025-12-10', 6, 6],
      guest: ['2026-09-18', 5, 5], // the other branch's meeting is their last attendance, not a presence here
      sitIn: ['2026-08-07', 6, 6], // a 支委会 they sat in on is not one they were expected at
    });
    expect(expected.members).toHaveLength(12); // the activist is not a 党员; the member who left is not on the roll
  });

  it('the report flags the same members with the same dates, counts and reasons, and checks the same members (ATT-1)', () => {
    const flagged = expected.members.filter((f) => f.flagged).sort(byPerson);
    expect(report.flagged.map(({ name: _n, ...f }) => f).sort(byPerson)).toEqual(flagged);
    expect(report.checked).toBe(expected.members.length);
    expect(report.flagged.find((f) => f.personId === who.someLeave)).toMatchObject({
      name: '部分请假', reasonZh: '连续 6 个月未参加组织生活，其中 4 次无正当理由，需按规定处理',
    });
  });

  it('not flagged: present at a 党小组 meeting, on the window\'s first morning, all excused, joined inside the window (ATT-1)', () => {
    const notFlagged = (['secretary', 'groupOnly', 'edgeIn', 'allLeave', 'newcomer'] as const).map((k) => who[k]);
    expect(report.flagged.filter((f) => notFlagged.includes(f.personId))).toEqual([]);
    expect(expected.members.find((f) => f.personId === who.allLeave)).toMatchObject({ missedInWindow: 5, missedWithoutLeave: 0, reasonZh: '缺席均已请假并说明理由' });
  });
});

describe('党小组 membership over time, and the last attendance only at held meetings (ATT-1)', () => {
  const v = { branch: '', h1: '', h2: '' };
  const p = { moved: '', groupLate: '', plannedLast: '', steady: '' };
  let expected: ReturnType<typeof absenceFlags>;
  let report: { flagged: (Flag & { name: string })[]; checked: number };

  beforeAll(async () => {
    const db = app.db;
    v.branch = await insertOrg(db, { kind: 'branch', name: '财政局政府采购科党支部', parentId: SEED.finance });
    v.h1 = await insertOrg(db, { kind: 'party_group', name: '采购科第一党小组', parentId: v.branch });
    v.h2 = await insertOrg(db, { kind: 'party_group', name: '采购科第二党小组', parentId: v.branch });
    for (const [k, name] of [['moved', '调整党小组'], ['groupLate', '新编入党小组'], ['plannedLast', '只到过未开成的会'], ['steady', '按时参加']] as const) {
      p[k] = await insertPerson(db, { name });
      await join(p[k], v.branch);
    }
    await join(p.moved, v.h1, { leftOn: '2026-09-30' }); // moved from the first group to the second on 10-01
    await join(p.moved, v.h2, { joinedOn: '2026-10-01' });
    await join(p.groupLate, v.h2, { joinedOn: '2026-08-01' }); // in the branch since 2020, in a group since August
    const mt = (orgId: string, kind: string, startsAt: string, status: 'held' | 'planned' = 'held') => insertMeetingAt(db, { orgId, kind, startsAt, status });
    const held = await mt(v.branch, 'general_meeting', '2026-03-05T14:30:00+08:00');
    const stillPlanned = await mt(v.branch, 'party_lecture', '2026-04-01T14:30:00+08:00', 'planned');
    const h1a = await mt(v.h1, 'group_meeting', '2026-07-10T15:00:00+08:00');
    const h2a = await mt(v.h2, 'group_meeting', '2026-07-17T15:00:00+08:00');
    const gen = await mt(v.branch, 'general_meeting', '2026-08-20T14:30:00+08:00');
    const h2b = await mt(v.h2, 'group_meeting', '2026-10-16T15:00:00+08:00');
    await mark(h1a, p.moved, 'present'); // in the first group then: a presence
    for (const id of [h2a, gen, h2b]) await mark(id, p.moved, 'absent');
    for (const id of [h2a, gen, h2b]) await mark(id, p.groupLate, 'absent'); // 07-17 was before they joined the group
    await mark(held, p.plannedLast, 'present');
    await mark(stillPlanned, p.plannedLast, 'present'); // checked in, but the meeting never counted as held
    await mark(gen, p.plannedLast, 'absent');
    await mark(gen, p.steady, 'present');
    expected = absenceFlags(await ruleInput(v.branch, [v.branch, v.h1, v.h2]), policy);
    const res = await app.request('GET', `/api/compliance?year=2026&orgId=${v.branch}`, { token: await app.login(SEED.financeOffice) });
    expect(res.status).toBe(200);
    report = res.body.branches[0].absence;
  });

  it('the rule: a member who moved groups attended (the old group counts while they were in it); a group joined in August does not owe July (ATT-1)', () => {
    const flagged = Object.fromEntries(expected.members.filter((f) => f.flagged).map((f) => [f.personId, [f.lastAttendedOn, f.missedInWindow, f.missedWithoutLeave]]));
    expect(flagged).toEqual({ [p.groupLate]: [null, 2, 2], [p.plannedLast]: ['2026-03-05', 1, 1] });
  });

  it('the report equals the rule: same flags, counts, last attendance at a held meeting, same members checked (ATT-1)', () => {
    expect(report.flagged.map(({ name: _n, ...f }) => f).sort(byPerson)).toEqual(expected.members.filter((f) => f.flagged).sort(byPerson));
    expect(report.checked).toBe(4);
  });
});

describe('app.absence_counts checks the caller\'s office scope (ATT-1, ORG-3)', () => {
  const call = (sub: string, branchIds: string[]) => withCaller(asCaller(sub), (tx) => tx.query<{ person_id: string; branch_id: string }>(
    "select person_id, branch_id from app.absence_counts($1::uuid[], '2026-05-21T00:00:00+08:00', '2026-11-21T00:00:00+08:00')", [branchIds]));
  // Full and probationary members still in the branch: not the activist, not the member who left.
  const judged = () => ['allLeave', 'committee', 'edgeIn', 'groupOnly', 'guest', 'longAgo', 'newcomer', 'noLeave', 'probationary', 'secretary', 'sitIn', 'someLeave'];

  it('the finance office (in scope) gets every full and probationary member still in the branch', async () => {
    const { rows } = await call(SEED.financeOffice, [w.branch]);
    expect(names(rows.map((r) => r.person_id))).toEqual(judged());
    expect(new Set(rows.map((r) => r.branch_id))).toEqual(new Set([w.branch]));
  });

  it('the work committee office gets the branch too; a branch out of scope in the same call is dropped', async () => {
    expect(names((await call(SEED.wcOffice, [w.branch])).rows.map((r) => r.person_id))).toEqual(judged());
    const mixed = await call(SEED.financeOffice, [w.branch, SEED.eduFirstBranch]);
    expect(new Set(mixed.rows.map((r) => r.branch_id))).toEqual(new Set([w.branch]));
  });

  it('an office person of another department gets no rows', async () => {
    expect((await call(SEED.educationOffice, [w.branch])).rows).toEqual([]);
    expect((await call(SEED.educationOffice, [SEED.eduFirstBranch])).rows.length).toBeGreaterThan(0);
  });

  it("an ordinary member, even the branch's own 书记, gets no rows", async () => {
    expect((await call(who.groupOnly, [w.branch])).rows).toEqual([]);
    expect((await call(who.secretary, [w.branch])).rows).toEqual([]);
  });
});
