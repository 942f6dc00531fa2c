import { ZMeetingDetail, ZMeetingList, ZMeetingRecordResponse } from '@tingkan/shared';
import { setClock } from '../../api/_lib/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { count, insertMeeting, insertObservation, tokenFor } from '../helpers/meeting-builders';
import { twoBranches } from '../helpers/builders';

let app: TestApp;
let w: Awaited<ReturnType<typeof twoBranches>>;
const tok: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  w = await twoBranches(app.db);
  for (const [k, id] of Object.entries({ secA: w.secretaryA, memA: w.memberA, secB: w.secretaryB, office: w.office })) tok[k] = await tokenFor(app, id);
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

const plan = (over: Record<string, unknown> = {}) => ({
  orgId: w.branchA, kind: 'general_meeting', topic: '学习二十届四中全会精神', startsAt: '2026-03-13T09:00:00+08:00',
  endsAt: '2026-03-13T11:00:00+08:00', place: '三楼会议室', agenda: ['传达学习', '交流讨论'], ...over,
});

describe('POST /api/meetings (MTG-*)', () => {
  it('the secretary of 甲 creates a meeting of 甲: 201, planned, instants in +08:00', async () => {
    const res = await app.request('POST', '/api/meetings', { token: tok.secA, body: plan({ hostPersonId: w.secretaryA, location: { lat: 31.74, lng: 119.56, radiusM: 200 } }) });
    expect(res.status).toBe(201);
    expect(res.body.meeting).toMatchObject({
      orgId: w.branchA, orgName: '甲党支部', kind: 'general_meeting', status: 'planned', hostName: '甲书记',
      startsAt: '2026-03-13T09:00:00+08:00', endsAt: '2026-03-13T11:00:00+08:00', agenda: ['传达学习', '交流讨论'],
      location: { lat: 31.74, lng: 119.56, radiusM: 200 }, lecturer: null, decisions: [],
    });
  });

  it('instants given in UTC come back in +08:00 (D9)', async () => {
    const res = await app.request('POST', '/api/meetings', { token: tok.office, body: plan({ startsAt: '2026-03-13T01:00:00Z', endsAt: '2026-03-13T03:00:00Z' }) });
    expect(res.status).toBe(201);
    expect(res.body.meeting.startsAt).toBe('2026-03-13T09:00:00+08:00');
  });

  it('a 党课 carries its lecturer (MTG-9)', async () => {
    const res = await app.request('POST', '/api/meetings', { token: tok.secA, body: plan({ kind: 'party_lecture', lecturer: '王老师' }) });
    expect(res.status).toBe(201);
    expect(res.body.meeting.lecturer).toBe('王老师');
  });

  it('a plain member cannot create a meeting of their branch (RLS → 403), nothing written', async () => {
    const before = await count(app.db, 'meetings');
    const res = await app.request('POST', '/api/meetings', { token: tok.memA, body: plan() });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await count(app.db, 'meetings')).toBe(before);
  });

  it('the secretary of 乙 cannot create a meeting for 甲 (403)', async () => {
    const res = await app.request('POST', '/api/meetings', { token: tok.secB, body: plan() });
    expect(res.status).toBe(403);
  });

  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['end before start', { endsAt: '2026-03-13T08:00:00+08:00' }, 'endsAt'],
    ['an unknown meeting kind', { kind: 'tea_party' }, 'kind'],
    ['a topic of the wrong type', { topic: 42 }, 'topic'],
    ['an instant without offset', { startsAt: '2026-03-13 09:00' }, 'startsAt'],
    ['a lecturer for a non-党课', { lecturer: '王老师' }, 'lecturer'],
    ['an unknown field', { secret: true }, '(根)'],
    ['a radius too small', { location: { lat: 31, lng: 119, radiusM: 1 } }, 'location.radiusM'],
  ];
  it.each(bad)('%s → 400 naming the field in Chinese, nothing written', async (_n, over, path) => {
    const before = await count(app.db, 'meetings');
    const res = await app.request('POST', '/api/meetings', { token: tok.secA, body: plan(over) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(res.body.error.fields.every((f: { message: string }) => /[\u4e00-\u9fa5]/.test(f.message))).toBe(true);
    expect(await count(app.db, 'meetings')).toBe(before);
  });
});

describe('GET /api/meetings', () => {
  it('pages by offset, filtered by branch and Shanghai dates; each member sees only what RLS allows', async () => {
    for (const d of ['01', '02', '03']) await insertMeeting(app.db, { orgId: w.branchB, startsAt: `2026-04-${d}T00:30:00+08:00` });
    const page1 = await app.request('GET', `/api/meetings?orgId=${w.branchB}&from=2026-04-01&to=2026-04-02&limit=1`, { token: tok.secB });
    expect(page1.status).toBe(200);
    expect(ZMeetingList.parse(page1.body).items.map((m) => m.startsAt)).toEqual(['2026-04-01T00:30:00+08:00']);
    expect(page1.body.nextOffset).toBe(1);
    const page2 = await app.request('GET', `/api/meetings?orgId=${w.branchB}&from=2026-04-01&to=2026-04-02&limit=1&offset=1`, { token: tok.secB });
    expect(page2.body.items.map((m: { startsAt: string }) => m.startsAt)).toEqual(['2026-04-02T00:30:00+08:00']);
    expect(page2.body.nextOffset).toBeNull();
    const asA = await app.request('GET', `/api/meetings?orgId=${w.branchB}`, { token: tok.memA });
    expect(asA.body.items).toEqual([]);
  });

  it('refuses limit over 100 and a reversed range', async () => {
    expect((await app.request('GET', '/api/meetings?limit=101', { token: tok.secA })).status).toBe(400);
    const rev = await app.request('GET', '/api/meetings?from=2026-04-02&to=2026-04-01', { token: tok.secA });
    expect(rev.body.error.fields).toEqual([{ path: 'to', message: '结束日期早于开始日期' }]);
  });
});

describe('GET / PATCH /api/meetings/[id]', () => {
  it('shows the meeting with its observation summary', async () => {
    const id = await insertMeeting(app.db, { orgId: w.branchA, startsAt: '2026-05-08T09:00:00+08:00' });
    const obs = await insertObservation(app.db, { meetingId: id, mode: 'pangting', rubric: 'pingyi_5' });
    const res = await app.request('GET', `/api/meetings/${id}`, { token: tok.memA });
    expect(res.status).toBe(200);
    expect(ZMeetingDetail.parse(res.body).observation).toEqual({ id: obs, mode: 'pangting', status: 'scheduled', planSubmittedAt: null });
    expect((await app.request('GET', `/api/meetings/${id}`, { token: tok.secB })).status).toBe(404);
  });

  it('edits a planned meeting; the merged times are checked again', async () => {
    const id = await insertMeeting(app.db, { orgId: w.branchA, startsAt: '2026-05-09T09:00:00+08:00', endsAt: '2026-05-09T10:00:00+08:00' });
    const ok = await app.request('PATCH', `/api/meetings/${id}`, { token: tok.secA, body: { place: '党员活动室', agenda: ['一', '二'] } });
    expect(ok.status).toBe(200);
    expect(ok.body.meeting).toMatchObject({ place: '党员活动室', agenda: ['一', '二'], topic: '学习贯彻会议精神' });
    const bad = await app.request('PATCH', `/api/meetings/${id}`, { token: tok.secA, body: { startsAt: '2026-05-09T11:00:00+08:00' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'endsAt', message: '结束时间应晚于开始时间' }]);
    expect((await app.request('PATCH', `/api/meetings/${id}`, { token: tok.memA, body: { place: 'x' } })).status).toBe(403);
    const { rows } = await app.db.query<{ place: string }>('select place from meetings where id = $1', [id]);
    expect(rows[0]?.place).toBe('党员活动室');
  });

  it('a held or cancelled meeting is no longer editable (MEETING_NOT_EDITABLE, 409)', async () => {
    const id = await insertMeeting(app.db, { orgId: w.branchA, startsAt: '2026-05-10T09:00:00+08:00', status: 'held' });
    const res = await app.request('PATCH', `/api/meetings/${id}`, { token: tok.secA, body: { place: '别处' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('MEETING_NOT_EDITABLE');
  });
});

describe('POST /api/meetings/[id]/cancel', () => {
  it('cancels with a reason (and the scheduled observation with it); a second cancel is MEETING_ALREADY_CANCELLED', async () => {
    const id = await insertMeeting(app.db, { orgId: w.branchA, startsAt: '2026-06-05T09:00:00+08:00' });
    const obs = await insertObservation(app.db, { meetingId: id });
    const noReason = await app.request('POST', `/api/meetings/${id}/cancel`, { token: tok.secA, body: { reason: '  ' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual([{ path: 'reason', message: '至少 1 个字符' }]);
    const res = await app.request('POST', `/api/meetings/${id}/cancel`, { token: tok.secA, body: { reason: '与区委会议冲突' } });
    expect(res.status).toBe(200);
    expect(res.body.meeting).toMatchObject({ status: 'cancelled', cancelReason: '与区委会议冲突' });
    const { rows } = await app.db.query<{ status: string }>('select status from observations where id = $1', [obs]);
    expect(rows[0]?.status).toBe('cancelled');
    const again = await app.request('POST', `/api/meetings/${id}/cancel`, { token: tok.secA, body: { reason: '再取消' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MEETING_ALREADY_CANCELLED');
  });

  it('a member cannot cancel (403) and an unknown action is 404', async () => {
    const id = await insertMeeting(app.db, { orgId: w.branchA, startsAt: '2026-06-06T09:00:00+08:00' });
    expect((await app.request('POST', `/api/meetings/${id}/cancel`, { token: tok.memA, body: { reason: '不想开' } })).status).toBe(403);
    expect((await app.request('POST', `/api/meetings/${id}/explode`, { token: tok.secA, body: {} })).status).toBe(404);
    expect(await count(app.db, 'meetings', "id = $1 and status = 'planned'", [id])).toBe(1);
  });
});

describe('POST /api/meetings/[id]/record (MTG-11, MTG-9)', () => {
  it('marks a 党课 held; present/absent come from attendance, leave reasons included', async () => {
    const id = await insertMeeting(app.db, { orgId: w.branchA, kind: 'party_lecture', startsAt: '2026-03-06T09:00:00+08:00', lecturer: '王老师' });
    await app.db.query("insert into attendance (meeting_id, person_id, state, method, checked_in_at) values ($1, $2, 'present', 'qr', '2026-03-06T08:55:00+08:00')", [id, w.secretaryA]);
    await app.db.query("insert into attendance (meeting_id, person_id, state, leave_category, leave_reason) values ($1, $2, 'leave', 'sick', '住院')", [id, w.memberA]);
    setClock('2026-03-06T12:00:00+08:00');
    const res = await app.request('POST', `/api/meetings/${id}/record`, { token: tok.secA, body: { decisions: ['每月开展一次集中学习'] } });
    expect(res.status).toBe(200);
    const body = ZMeetingRecordResponse.parse(res.body);
    expect(body.meeting).toMatchObject({ status: 'held', decisions: ['每月开展一次集中学习'], lecturer: '王老师' });
    expect(body.record).toStrictEqual({
      expected: 2, present: 1, absent: 1, complete: true, lecturer: '王老师', decisions: ['每月开展一次集中学习'],
      absences: [{ personId: w.memberA, name: '甲党员', reason: '病假：住院' }],
    });
  });

  it('refuses a record before the meeting starts, for a cancelled meeting, and a 党课 without lecturer', async () => {
    setClock('2026-03-06T12:00:00+08:00');
    const future = await insertMeeting(app.db, { orgId: w.branchA, startsAt: '2026-07-01T09:00:00+08:00' });
    expect((await app.request('POST', `/api/meetings/${future}/record`, { token: tok.secA, body: {} })).body.error.code).toBe('MEETING_NOT_STARTED');
    const cancelled = await insertMeeting(app.db, { orgId: w.branchA, startsAt: '2026-03-01T09:00:00+08:00', status: 'cancelled' });
    expect((await app.request('POST', `/api/meetings/${cancelled}/record`, { token: tok.secA, body: {} })).status).toBe(409);
    const lecture = await insertMeeting(app.db, { orgId: w.branchA, kind: 'party_lecture', startsAt: '2026-03-02T09:00:00+08:00' });
    const res = await app.request('POST', `/api/meetings/${lecture}/record`, { token: tok.secA, body: { decisions: [] } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'lecturer', message: '党课记录须写明主讲人' }]);
    expect(await count(app.db, 'meetings', "id = $1 and status = 'planned'", [lecture])).toBe(1);
  });
});
