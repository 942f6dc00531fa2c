import { ZMyAttendanceResponse, ZMyRectificationsResponse } from '@tingkan/shared';
import { setClock } from '../../api/_lib/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { insertMeeting, observedMeeting, sendFeedback, tokenFor } from '../helpers/meeting-builders';
import { recordRectification } from '../helpers/rectification-builders';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const tok: Record<string, string> = {};
const m: Record<string, string> = {};

async function attend(meetingId: string, personId: string, state: string, extra: { method?: string; at?: string; category?: string; reason?: string } = {}) {
  await app.db.query(
    `insert into attendance (meeting_id, person_id, state, method, checked_in_at, leave_category, leave_reason) values ($1, $2, $3, $4, $5, $6, $7)`,
    [meetingId, personId, state, extra.method ?? null, extra.at ?? null, extra.category ?? null, extra.reason ?? null],
  );
}

beforeAll(async () => {
  app = await startTestApp();
  // observedMeeting adds 甲's observed 支部党员大会 on 2026-03-13; 甲党员 joined 甲党支部 on 2025-12-05.
  w = await observedMeeting(app.db);
  await app.db.query("update memberships set joined_on = '2025-12-05' where person_id = $1", [w.memberA]);
  await app.db.query("update memberships set joined_on = '2025-01-01' where person_id <> $1", [w.memberA]);
  const A = w.branchA;
  m.beforeJoining = await insertMeeting(app.db, { orgId: A, topic: '入党前的会', startsAt: '2025-11-20T09:00:00+08:00', status: 'held' });
  m.december = await insertMeeting(app.db, { orgId: A, topic: '十二月党员大会', startsAt: '2025-12-10T09:00:00+08:00', status: 'held' });
  m.february = await insertMeeting(app.db, { orgId: A, topic: '二月党员大会', startsAt: '2026-02-10T09:00:00+08:00', status: 'held' });
  m.themeDay = await insertMeeting(app.db, { orgId: A, kind: 'theme_day', topic: '三月主题党日', startsAt: '2026-03-06T09:00:00+08:00', status: 'held' });
  m.lecture = await insertMeeting(app.db, { orgId: A, kind: 'party_lecture', topic: '三月党课', startsAt: '2026-03-20T14:30:00+08:00', status: 'held' });
  m.committee = await insertMeeting(app.db, { orgId: A, kind: 'committee_meeting', topic: '三月支委会', startsAt: '2026-03-25T09:00:00+08:00', status: 'held' });
  m.april = await insertMeeting(app.db, { orgId: A, topic: '四月党员大会', startsAt: '2026-04-10T09:00:00+08:00', status: 'held' });
  m.cancelled = await insertMeeting(app.db, { orgId: A, topic: '取消的会', startsAt: '2026-04-15T09:00:00+08:00', status: 'cancelled' });
  m.running = await insertMeeting(app.db, { orgId: A, topic: '正在开的会', startsAt: '2026-05-01T08:30:00+08:00' });
  m.future = await insertMeeting(app.db, { orgId: A, topic: '五月党员大会', startsAt: '2026-05-10T09:00:00+08:00' });
  m.otherBranch = await insertMeeting(app.db, { orgId: w.branchB, topic: '乙支部的会', startsAt: '2026-03-10T09:00:00+08:00', status: 'held' });
  await attend(m.february, w.memberA, 'present', { method: 'qr', at: '2026-02-10T08:55:00+08:00' });
  await attend(m.themeDay, w.memberA, 'leave', { category: 'sick', reason: '住院' });
  await attend(m.lecture, w.memberA, 'confirmed', { method: 'confirm' });
  await attend(m.april, w.memberA, 'present', { method: 'backfill', at: '2026-04-10T16:00:00+08:00' });
  for (const [k, id] of Object.entries({ memA: w.memberA, secA: w.secretaryA, memB: w.memberB })) tok[k] = await tokenFor(app, id);
  setClock('2026-05-01T09:00:00+08:00');
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

async function history(token: string | undefined, query = '') {
  const res = await app.request('GET', `/api/me/attendance${query}`, { token });
  expect(res.status).toBe(200);
  return ZMyAttendanceResponse.parse(res.body);
}

describe('GET /api/me/attendance: my past meetings and how I attended (FB-4, ATT-1)', () => {
  it('lists this year\'s meetings that are over and that I was expected at, newest first, as 出席/补录/请假/缺席', async () => {
    const h = await history(tok.memA);
    expect(h.year).toBe(2026);
    expect(h.items.map((i) => [i.topic, i.state])).toStrictEqual([
      ['四月党员大会', 'backfill'],
      ['三月党课', 'absent'],
      ['学习贯彻会议精神', 'absent'],
      ['三月主题党日', 'leave'],
      ['二月党员大会', 'present'],
    ]);
    expect(h.counts).toStrictEqual({ present: 1, backfill: 1, leave: 1, absent: 2 });
    expect(h.items[3]).toMatchObject({ meetingId: m.themeDay, kind: 'theme_day', leaveCategory: 'sick', leaveReason: '住院', checkedInAt: null });
    expect(h.items[4]).toMatchObject({ orgName: '甲党支部', startsAt: '2026-02-10T09:00:00+08:00', checkedInAt: '2026-02-10T08:55:00+08:00' });
    expect(h.nextOffset).toBeNull();
  });

  it('the 支委会 is on a committee member\'s history only (VOTE-3, ORG-2)', async () => {
    const sec = await history(tok.secA);
    expect(sec.items.map((i) => i.topic)).toContain('三月支委会');
    expect((await history(tok.memA)).items.map((i) => i.topic)).not.toContain('三月支委会');
  });

  it('another year, and nothing from before I joined (ATT-1)', async () => {
    const h = await history(tok.memA, '?year=2025');
    expect(h.items.map((i) => [i.topic, i.state])).toStrictEqual([['十二月党员大会', 'absent']]);
    expect(h.counts).toStrictEqual({ present: 0, backfill: 0, leave: 0, absent: 1 });
  });

  it('pages with limit and offset; the counts stay the year\'s', async () => {
    const first = await history(tok.memA, '?limit=2');
    expect([first.items.map((i) => i.topic), first.nextOffset]).toStrictEqual([['四月党员大会', '三月党课'], 2]);
    const last = await history(tok.memA, '?limit=2&offset=4');
    expect([last.items.map((i) => i.topic), last.nextOffset, last.counts.absent]).toStrictEqual([['二月党员大会'], null, 2]);
  });

  it('another branch\'s member sees only their own branch', async () => {
    expect((await history(tok.memB)).items.map((i) => i.topic)).toStrictEqual(['乙支部的会']);
  });

  it.each([
    ['?year=abc', 'year'], ['?limit=0', 'limit'], ['?limit=51', 'limit'], ['?offset=-1', 'offset'],
  ])('%s → 400 VALIDATION_FAILED on %s', async (query, path) => {
    const res = await app.request('GET', `/api/me/attendance${query}`, { token: tok.memA });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toStrictEqual([path]);
  });

  it('an unknown parameter is refused, not ignored (400); no login → 401', async () => {
    expect((await app.request('GET', '/api/me/attendance?personId=x', { token: tok.memA })).status).toBe(400);
    expect((await app.request('GET', '/api/me/attendance')).status).toBe(401);
  });
});

describe('GET /api/me/rectifications: the items I own (FB-2, FB-4)', () => {
  let items: { id: string; title: string }[] = [];

  beforeAll(async () => {
    await sendFeedback(app.db, w.observation, '2026-03-20T10:00:00+08:00');
    setClock('2026-03-23T09:00:00+08:00');
    items = await recordRectification(app, tok.secA, w.observation, [
      { title: '发言提前准备，不照稿念', ownerPersonId: w.memberA, dueDate: '2026-04-20' },
      { title: '学习笔记每月交支部', ownerPersonId: w.memberA, dueDate: '2026-03-25' },
      { title: '会议记录补全缺席人员及原因', ownerPersonId: w.secretaryA, dueDate: '2026-04-10' },
    ]);
  });

  const mine = async (token: string | undefined, query = '') => {
    const res = await app.request('GET', `/api/me/rectifications${query}`, { token });
    expect(res.status).toBe(200);
    return ZMyRectificationsResponse.parse(res.body);
  };

  it('lists only my items, the open ones by due date, with the observed meeting and deadline state', async () => {
    setClock('2026-04-18T09:00:00+08:00');
    const r = await mine(tok.memA);
    expect(r.items.map((i) => [i.title, i.dueDate, i.status, i.state])).toStrictEqual([
      ['学习笔记每月交支部', '2026-03-25', 'open', 'overdue'],
      ['发言提前准备，不照稿念', '2026-04-20', 'open', 'due_soon'],
    ]);
    expect(r.items[0]).toMatchObject({ observationId: w.observation, meetingId: w.meetingA, meetingTopic: '学习贯彻会议精神', orgName: '甲党支部', returnReason: null });
    expect((await mine(tok.secA)).items.map((i) => i.title)).toStrictEqual(['会议记录补全缺席人员及原因']);
    expect((await mine(tok.memB)).items).toStrictEqual([]);
  });

  it('a returned item shows the reason; a closed one is done and goes last (FB-2)', async () => {
    const late = items.find((i) => i.title === '学习笔记每月交支部')!.id;
    const speech = items.find((i) => i.title === '发言提前准备，不照稿念')!.id;
    await app.request('POST', `/api/rectifications/${late}/submit`, { token: tok.memA, body: { evidenceText: '已交三月笔记' } });
    await app.request('POST', `/api/rectifications/${late}/verify`, { token: await tokenFor(app, w.office), body: { decision: 'close' } });
    await app.request('POST', `/api/rectifications/${speech}/submit`, { token: tok.memA, body: { evidenceText: '四月发言稿' } });
    await app.request('POST', `/api/rectifications/${speech}/verify`, { token: await tokenFor(app, w.committeeB), body: { decision: 'return', reason: '请附会议记录' } });
    const r = await mine(tok.memA);
    expect(r.items.map((i) => [i.title, i.status, i.state, i.returnReason])).toStrictEqual([
      ['发言提前准备，不照稿念', 'returned', 'due_soon', '请附会议记录'],
      ['学习笔记每月交支部', 'closed', 'done', null],
    ]);
    const page = await mine(tok.memA, '?limit=1');
    expect([page.items.length, page.nextOffset]).toStrictEqual([1, 1]);
  });
});
