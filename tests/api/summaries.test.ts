import { setClock } from '../../api/_lib/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { count, insertMeeting, insertObservation, observedMeeting, tokenFor } from '../helpers/meeting-builders';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const tok: Record<string, string> = {};

const result = (l: number, q: number, o: number) => ({
  rubricId: 'guancha_3', observerCount: 2, meanTotal: l + q + o, maxTotal: 60,
  criteria: [['leadership', '组织领导', l], ['quality', '活动质量', q], ['outcome', '活动效果', o]]
    .map(([key, labelZh, mean]) => ({ key, labelZh, mean, min: mean, max: mean, stddev: 0, band: '好' })),
});

async function feedback(observationId: string, r: object, strengths: string[], problems: string[]) {
  await app.db.query(
    `insert into observation_feedback (observation_id, evaluation, strength_tags, problem_tags, group_result, due_date, late, sent_by, sent_at)
     values ($1, '评价', $2::text[], $3::text[], $4::text::jsonb, '2026-03-20', false, $5, '2026-03-19T10:00:00+08:00')`,
    [observationId, strengths, problems, JSON.stringify(r), w.office],
  );
}

beforeAll(async () => {
  app = await startTestApp();
  w = await observedMeeting(app.db);
  await feedback(w.observation, result(18, 16, 9), ['第一议题'], ['发言照稿念']);
  const second = await insertObservation(app.db, { meetingId: await insertMeeting(app.db, { orgId: w.branchB, startsAt: '2026-06-12T09:00:00+08:00' }) });
  await feedback(second, result(16, 12, 8), ['第一议题', '党员谈体会'], ['发言照稿念']);
  const lastYear = await insertObservation(app.db, { meetingId: await insertMeeting(app.db, { orgId: w.branchB, startsAt: '2025-11-12T09:00:00+08:00' }) });
  await feedback(lastYear, result(5, 5, 5), [], ['记录不全']);
  for (const [k, id] of Object.entries({ office: w.office, secA: w.secretaryA })) tok[k] = await tokenFor(app, id);
  setClock('2026-12-28T10:00:00+08:00');
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

describe('GET/PUT /api/summaries/[year] (FB-5)', () => {
  it('FB-5: before anything is saved, a draft prefilled from the shared yearSummary over the year\'s feedback', async () => {
    const res = await app.request('GET', '/api/summaries/2026', { token: tok.office });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, scopeOrgId: w.root, stored: false, updatedAt: null });
    expect(res.body.figures).toMatchObject({
      observationCount: 2, branchesObserved: 2, weakestCriterion: 'outcome',
      goodPractice: [{ tag: '第一议题', count: 2 }, { tag: '党员谈体会', count: 1 }], commonProblems: [{ tag: '发言照稿念', count: 2 }],
    });
    expect(res.body.text).toEqual({
      goodPractice: '2026 年共观摩 2 个支部 2 次。值得推广的做法：第一议题（2 个支部）；党员谈体会（1 个支部）。',
      commonProblems: '共性问题：发言照稿念（2 个支部）。各项评议中“活动效果”平均得分最低。',
      advice: '建议来年各支部重点提升“活动效果”。',
    });
  });

  it.each([
    ['a text over 20000 characters', { goodPractice: '好'.repeat(20001), commonProblems: '', advice: '' }, 'goodPractice', '最多 20000 个字符'],
    ['a missing field', { goodPractice: '好', commonProblems: '' }, 'advice', '必填'],
    ['an unknown field', { goodPractice: '', commonProblems: '', advice: '', extra: 1 }, '(根)', '不认识的字段：extra'],
  ])('%s → 400 VALIDATION_FAILED with a Chinese field message, nothing written (FB-5)', async (_n, body, path, message) => {
    const res = await app.request('PUT', '/api/summaries/2026', { token: tok.office, body });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual({ path, message });
    expect(await count(app.db, 'year_summaries')).toBe(0);
  });

  it('a branch secretary may neither read nor write it (403); a year that is not a number → 400 (FB-5)', async () => {
    expect((await app.request('GET', '/api/summaries/2026', { token: tok.secA })).status).toBe(403);
    expect((await app.request('PUT', '/api/summaries/2026', { token: tok.secA, body: { goodPractice: '', commonProblems: '', advice: '' } })).status).toBe(403);
    expect((await app.request('GET', '/api/summaries/abc', { token: tok.office })).status).toBe(400);
    expect(await count(app.db, 'year_summaries')).toBe(0);
  });

  it('FB-5: the office saves its edited text; it is stored as data with the figures, and read back as saved', async () => {
    const text = { goodPractice: '推广“第一议题”学习制度。', commonProblems: '部分党员发言照稿念。', advice: '来年开展发言质量专项提升。' };
    const put = await app.request('PUT', '/api/summaries/2026', { token: tok.office, body: text });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ stored: true, text, updatedBy: w.office, updatedAt: '2026-12-28T10:00:00+08:00' });
    const get = await app.request('GET', '/api/summaries/2026', { token: tok.office });
    expect(get.body).toMatchObject({ stored: true, text });
    const { rows } = await app.db.query<{ figures: { observationCount: number } }>('select figures from year_summaries');
    expect(rows[0]?.figures.observationCount).toBe(2);
  });
});
