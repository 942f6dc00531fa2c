import { setClock } from '../../api/_lib/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { assign, count, insertMeeting, insertObservation, observedMeeting, tokenFor } from '../helpers/meeting-builders';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const tok: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  // A 观察员 visit (rubric guancha_3) of 甲's 支部党员大会 on Friday 2026-03-13; group: 办公室干部 (leader), 乙委员.
  w = await observedMeeting(app.db);
  const who = { secA: w.secretaryA, memA: w.memberA, secB: w.secretaryB, office: w.office, obsB: w.committeeB, spare: w.spare };
  for (const [k, id] of Object.entries(who)) tok[k] = await tokenFor(app, id);
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

const sheet = (n: number) => ({
  scores: { leadership: n, quality: n - 2, outcome: n - 4 },
  texts: { strengths: '议程完整', shortcomings: '发言准备不足', suggestions: '提前布置发言' },
});
const body = { evaluation: '会议组织规范，主题鲜明；个别发言照本宣科。', strengths: '议程完整', strengthTags: ['第一议题'], problemTags: ['发言照稿念'] };
const url = (id = w.observation) => `/api/feedback/${id}`;
const feedbackRows = () => count(app.db, 'observation_feedback');

describe('POST /api/feedback/[observationId] (FB-1)', () => {
  it('before every observer has submitted a sheet → FEEDBACK_SHEETS_MISSING (409) naming who, nothing written (FB-1)', async () => {
    setClock('2026-03-16T09:00:00+08:00');
    expect((await app.request('POST', `/api/observations/${w.observation}/sheets`, { token: tok.obsB, body: sheet(18) })).status).toBe(201);
    const res = await app.request('POST', url(), { token: tok.office, body });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'FEEDBACK_SHEETS_MISSING', message: '观察小组还有成员未提交评分表：办公室干部' });
    expect(await feedbackRows()).toBe(0);
  });

  it.each([
    ['an empty evaluation', { evaluation: '  ' }, 'evaluation', '至少 1 个字符'],
    ['no evaluation', {}, 'evaluation', '必填'],
    ['an unknown field', { ...body, score: 3 }, '(根)', '不认识的字段：score'],
    ['a tag of 31 characters', { ...body, problemTags: ['长'.repeat(31)] }, 'problemTags.0', '最多 30 个字符'],
  ])('%s → 400 VALIDATION_FAILED with a Chinese field message, nothing written (FB-1)', async (_n, bad, path, message) => {
    const res = await app.request('POST', url(), { token: tok.office, body: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields).toContainEqual({ path, message });
    expect(await feedbackRows()).toBe(0);
  });

  it('an observer who is not the leader, the observed secretary → 403; another branch → 404 (FB-1)', async () => {
    expect((await app.request('POST', `/api/observations/${w.observation}/sheets`, { token: tok.office, body: sheet(16) })).status).toBe(201);
    for (const t of [tok.obsB, tok.secA]) expect((await app.request('POST', url(), { token: t, body })).status).toBe(403);
    expect((await app.request('POST', url(), { token: tok.secB, body })).status).toBe(404);
    expect(await feedbackRows()).toBe(0);
  });

  it('the group leader sends it within 5 working days: 201, not late, the group result frozen in, the observation marked (FB-1)', async () => {
    setClock('2026-03-19T16:00:00+08:00');
    const res = await app.request('POST', url(), { token: tok.office, body });
    expect(res.status).toBe(201);
    expect(res.body.feedback).toMatchObject({
      observationId: w.observation, evaluation: body.evaluation, strengths: '议程完整', shortcomings: null,
      strengthTags: ['第一议题'], problemTags: ['发言照稿念'],
      dueDate: '2026-03-20', late: false, sentBy: w.office, sentByName: '办公室干部', sentAt: '2026-03-19T16:00:00+08:00',
    });
    expect(res.body.feedback.groupResult).toMatchObject({ rubricId: 'guancha_3', observerCount: 2, meanTotal: 45 });
    const { rows } = await app.db.query<{ status: string; feedback_sent_at: Date }>('select status, feedback_sent_at from observations where id = $1', [w.observation]);
    expect(rows[0]?.status).toBe('feedback_sent');
    expect(new Date(rows[0]!.feedback_sent_at).toISOString()).toBe('2026-03-19T08:00:00.000Z');
  });

  it('sending twice → FEEDBACK_ALREADY_SENT (409); the first stays (FB-1)', async () => {
    const res = await app.request('POST', url(), { token: tok.office, body: { evaluation: '改一改' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('FEEDBACK_ALREADY_SENT');
    const { rows } = await app.db.query<{ evaluation: string }>('select evaluation from observation_feedback');
    expect(rows.map((r) => r.evaluation)).toEqual([body.evaluation]);
  });

  it('a group leader who is not office staff may send it; after the 5th working day it is marked late (FB-1)', async () => {
    const meeting = await insertMeeting(app.db, { orgId: w.branchA, startsAt: '2026-04-03T09:00:00+08:00' });
    const obs = await insertObservation(app.db, { meetingId: meeting });
    await assign(app.db, obs, w.committeeB, true);
    setClock('2026-04-07T10:00:00+08:00');
    expect((await app.request('POST', `/api/observations/${obs}/sheets`, { token: tok.obsB, body: sheet(20) })).status).toBe(201);
    // 2026-04-03 (Fri) + 5 working days, with 清明 (4/4-4/6) off: 4/7, 8, 9, 10, 13.
    setClock('2026-04-14T09:00:00+08:00');
    const res = await app.request('POST', url(obs), { token: tok.obsB, body: { evaluation: '规范' } });
    expect(res.status).toBe(201);
    expect(res.body.feedback).toMatchObject({ dueDate: '2026-04-13', late: true, sentBy: w.committeeB });
  });
});

describe('GET /api/feedback/[observationId] (FB-1)', () => {
  it('the group, the observed secretary and member, and office staff read it; the office keeps its copy (FB-1)', async () => {
    for (const t of [tok.office, tok.obsB, tok.secA, tok.memA]) {
      const res = await app.request('GET', url(), { token: t });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ observationId: w.observation, feedback: { evaluation: body.evaluation, late: false }, dueDate: '2026-03-20', state: 'done' });
    }
  });

  it('another branch and an unassigned observer → 404 (FB-1)', async () => {
    for (const t of [tok.secB, tok.spare]) expect((await app.request('GET', url(), { token: t })).status).toBe(404);
  });

  it('once sent, the observed branch reads the group\'s notes (RLS keys on feedback_sent_at)', async () => {
    await app.request('PUT', `/api/observations/${w.observation}/notes`, { token: tok.obsB, body: { topicContent: '主题明确' } });
    const res = await app.request('GET', `/api/observations/${w.observation}/notes`, { token: tok.secA });
    expect(res.status).toBe(200);
    expect(res.body.notes.map((n: { topicContent: string }) => n.topicContent)).toEqual(['主题明确']);
  });
});
