// The branch and member services against the real API (no mock of our stack): Taro.request is routed to
// the test server, so every answer the pages get is validated by the same shared schemas in the phone.
import { setClock } from '../../api/_lib/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { observedMeeting, tokenFor } from '../helpers/meeting-builders';
import { routePhoneTo, signPhoneIn } from '../helpers/phone-on-app';
import { session } from '../../miniapp/src/services/session';
import { fetchTasks } from '../../miniapp/src/services/tasks';
import {
  createMeeting, fetchFeedback, fetchRectification, fileYearlyPlan, listBranchObservations, listMembers, recordRectification,
  submitEvidence, submitPlan, verifyItem,
} from '../../miniapp/src/services/branch';
import { fetchMyAttendance, fetchMyRectifications } from '../../miniapp/src/services/member';
import { createMotion, fetchMeeting, listMotions, vote } from '../../miniapp/src/services/meetings';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const as = (personId: string) => signPhoneIn(app, personId);

beforeAll(async () => {
  app = await startTestApp();
  w = await observedMeeting(app.db);
  routePhoneTo(app);
  setClock('2026-03-02T09:00:00+08:00');
});
afterAll(async () => {
  jest.restoreAllMocks();
  session.clear();
  setClock(undefined);
  await app.close();
});

describe('the secretary\'s journey through the services (MTG-*, MTG-10, OBS-5, FB-1, FB-2)', () => {
  it('home lists the plan to submit; the secretary submits it and creates a meeting', async () => {
    await as(w.secretaryA);
    const list = await fetchTasks();
    expect(list.tasks.map((t) => [t.kind, t.observationId])).toContainEqual(['submit_plan', w.observation]);
    const plan = await submitPlan(w.observation, { agenda: ['传达文件'], content: '学习四中全会精神', host: '甲书记', time: '2026-03-13T09:00:00+08:00', place: '三楼会议室' });
    expect([plan.planSubmittedAt, plan.late, plan.dueDate]).toStrictEqual(['2026-03-02T09:00:00+08:00', false, '2026-03-06']);
    expect((await fetchTasks()).tasks.some((t) => t.kind === 'submit_plan')).toBe(false);
    const meeting = await createMeeting({
      orgId: w.branchA, kind: 'theme_day', topic: '三月主题党日', startsAt: '2026-03-06T09:00:00+08:00', endsAt: '2026-03-06T11:00:00+08:00', place: '党员活动室', agenda: [],
    });
    expect((await fetchMeeting(meeting.id)).meeting).toMatchObject({ topic: '三月主题党日', status: 'planned', orgName: '甲党支部' });
    // MTG-10: sent with +08:00 by the plans endpoint (D9); the page formats it on the Shanghai clock.
    expect(await fileYearlyPlan(w.branchA, 2026, '每季度一次党员大会')).toBe('2026-03-02T09:00:00+08:00');
  });

  it('the host page lists the meeting\'s motions from the API, not from the phone\'s storage (VOTE-2)', async () => {
    const first = await createMotion(w.meetingA, '接收甲党员为正式党员');
    await createMotion(w.meetingA, '通过年度计划');
    await vote(first.id, 'yes', w.memberA);
    expect((await listMotions(w.meetingA)).map((m) => [m.title, m.result.yes])).toStrictEqual([['接收甲党员为正式党员', 1], ['通过年度计划', 0]]);
  });

  it('the branch\'s observations and members, as the workbench and the owner picker read them', async () => {
    const obs = await listBranchObservations(w.branchA, 2026);
    expect(obs.items.map((o) => [o.id, o.mode, o.planSubmittedAt !== null])).toStrictEqual([[w.observation, 'guancha', true]]);
    expect(new Set((await listMembers(w.branchA)).items.map((p) => p.name))).toStrictEqual(new Set(['甲党员', '甲书记']));
  });

  it('the feedback arrives (FB-1) and the secretary records the discussion and its items (FB-2)', async () => {
    expect((await fetchFeedback(w.observation)).feedback).toBeNull();
    setClock('2026-03-16T09:00:00+08:00');
    const sheet = { scores: { leadership: 18, quality: 16, outcome: 14 }, texts: { strengths: '议程完整', shortcomings: '发言准备不足', suggestions: '提前布置发言' } };
    for (const id of [w.office, w.committeeB]) {
      const res = await app.request('POST', `/api/observations/${w.observation}/sheets`, { token: await tokenFor(app, id), body: sheet });
      expect(res.status).toBe(201);
    }
    const sent = await app.request('POST', `/api/feedback/${w.observation}`, { token: await tokenFor(app, w.office), body: { evaluation: '组织规范，主题鲜明。', strengths: '议程完整' } });
    expect(sent.status).toBe(201);
    const fb = await fetchFeedback(w.observation);
    expect(fb.feedback).toMatchObject({ evaluation: '组织规范，主题鲜明。', strengths: '议程完整', shortcomings: null, sentByName: '办公室干部' });
    expect(fb.feedback!.groupResult.observerCount).toBe(2);
    const r = await recordRectification({
      observationId: w.observation, discussion: { heldOn: '2026-03-16', summary: '逐条研究' },
      items: [{ title: '发言提前准备', ownerPersonId: w.memberA, dueDate: '2026-04-10' }],
    });
    expect(r.items.map((i) => [i.title, i.ownerName, i.status])).toStrictEqual([['发言提前准备', '甲党员', 'open']]);
    expect((await fetchRectification(w.observation)).discussions.map((d) => d.summary)).toStrictEqual(['逐条研究']);
  });
});

describe('the member and the group close the loop (FB-2, FB-4)', () => {
  it('the owner sees the item on home and on 我的整改, hands in evidence; the group sends it back with a reason', async () => {
    await as(w.memberA);
    const [task] = (await fetchTasks()).tasks.filter((t) => t.kind === 'rectification_item');
    expect(task).toMatchObject({ titleZh: '整改：发言提前准备', dueDate: '2026-04-10' });
    const mine = await fetchMyRectifications();
    expect(mine.items.map((i) => [i.title, i.status, i.state])).toStrictEqual([['发言提前准备', 'open', 'upcoming']]);
    const submitted = await submitEvidence(task!.rectificationItemId!, { evidenceText: '四月党员大会脱稿发言', evidenceIds: [] });
    expect(submitted.status).toBe('submitted');

    await as(w.committeeB);
    const back = await verifyItem(submitted.id, { decision: 'return', reason: '请附会议记录' });
    expect([back.status, back.returnReason]).toStrictEqual(['returned', '请附会议记录']);

    await as(w.memberA);
    expect((await fetchMyRectifications()).items.map((i) => [i.status, i.returnReason])).toStrictEqual([['returned', '请附会议记录']]);
  });

  it('the member\'s attendance history reads through the same schema (ATT-1)', async () => {
    await app.db.query("update memberships set joined_on = '2026-01-01'");
    await app.db.query("update meetings set status = 'held' where id = $1", [w.meetingA]);
    const h = await fetchMyAttendance(2026);
    expect(h.items.map((i) => [i.topic, i.state])).toStrictEqual([['学习贯彻会议精神', 'absent'], ['三月主题党日', 'absent']]);
    expect(h.counts).toStrictEqual({ present: 0, backfill: 0, leave: 0, absent: 2 });
  });
});
