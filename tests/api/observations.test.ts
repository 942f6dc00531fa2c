import { ZNotesResponse, ZObservationDetail, ZObservationPlanResponse } from '@tingkan/shared';
import { ZObservationList } from '../../shared/src/schemas/office-views';
import { setClock } from '../../api/_lib/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { assign, count, insertMeeting, insertObservation, observedMeeting, sendFeedback, tokenFor } from '../helpers/meeting-builders';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const tok: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  w = await observedMeeting(app.db);
  const who = { secA: w.secretaryA, memA: w.memberA, secB: w.secretaryB, office: w.office, obsB: w.committeeB, spare: w.spare };
  for (const [k, id] of Object.entries(who)) tok[k] = await tokenFor(app, id);
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

const plan = { agenda: ['重温入党誓词', '专题学习', '讨论'], content: '学习党章第二章', host: '甲书记', time: '2026-03-13T09:00:00+08:00', place: '三楼会议室' };

describe('POST /api/observations/[id]/plan (OBS-5)', () => {
  it('on time: a week before the meeting (2026-03-06) is not late', async () => {
    setClock('2026-03-06T18:00:00+08:00');
    const res = await app.request('POST', `/api/observations/${w.observation}/plan`, { token: tok.secA, body: plan });
    expect(res.status).toBe(200);
    expect(ZObservationPlanResponse.parse(res.body)).toStrictEqual({
      observationId: w.observation, plan, planSubmittedAt: '2026-03-06T18:00:00+08:00', late: false, dueDate: '2026-03-06',
    });
  });

  it('late is accepted but flagged', async () => {
    setClock('2026-03-09T08:00:00+08:00');
    const res = await app.request('POST', `/api/observations/${w.observation}/plan`, { token: tok.secA, body: { ...plan, host: '甲副书记' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ late: true, dueDate: '2026-03-06', planSubmittedAt: '2026-03-09T08:00:00+08:00' });
  });

  it('only the observed branch leads submit it: a member or an observer → 403, another secretary → 404', async () => {
    const statuses = [];
    for (const t of [tok.memA, tok.obsB, tok.secB]) {
      statuses.push((await app.request('POST', `/api/observations/${w.observation}/plan`, { token: t, body: plan })).status);
    }
    // 乙's secretary may not even see the observation.
    expect(statuses).toEqual([403, 403, 404]);
    const { rows } = await app.db.query<{ host: string }>("select plan->>'host' as host from observations where id = $1", [w.observation]);
    expect(rows[0]?.host).toBe('甲副书记');
  });

  it('a plan with no agenda or an unknown field is refused, nothing changes', async () => {
    const res = await app.request('POST', `/api/observations/${w.observation}/plan`, { token: tok.secA, body: { ...plan, agenda: [], extra: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['(根)', 'agenda']);
  });
});

describe('GET /api/observations/[id]', () => {
  it('the group, the observed branch and office read it with names; 乙 secretary and an outsider do not', async () => {
    setClock('2026-03-10T09:00:00+08:00');
    for (const t of [tok.obsB, tok.secA, tok.memA, tok.office]) {
      const res = await app.request('GET', `/api/observations/${w.observation}`, { token: t });
      expect(res.status).toBe(200);
      const o = ZObservationDetail.parse(res.body);
      expect(o).toMatchObject({ mode: 'guancha', rubric: 'guancha_3', status: 'scheduled', planDueDate: '2026-03-06', planLate: true });
      expect(o.group.map((g) => [g.name, g.isLeader])).toEqual([['办公室干部', true], ['乙委员', false]]);
      expect(o.meeting.id).toBe(w.meetingA);
      expect(o.plan?.host).toBe('甲副书记');
    }
    expect((await app.request('GET', `/api/observations/${w.observation}`, { token: tok.secB })).status).toBe(404);
    expect((await app.request('GET', `/api/observations/${w.observation}`, { token: tok.spare })).status).toBe(404);
  });
});

const draft = (topic: string, revision?: number) => ({
  topicContent: topic, speechQuality: '发言准备充分', conduct: '程序规范', satisfaction: '',
  facts: { topic: '学习党章', attendees: '应到 12 实到 11', format: '集中学习', discussion: '' },
  ...(revision ? { revision } : {}),
});

describe('PUT / GET /api/observations/[id]/notes (OBS-7)', () => {
  it('an observer saves drafts many times; each save bumps the revision', async () => {
    const first = await app.request('PUT', `/api/observations/${w.observation}/notes`, { token: tok.obsB, body: draft('主题鲜明') });
    expect(first.status).toBe(200);
    expect(first.body.note).toMatchObject({ authorId: w.committeeB, authorName: '乙委员', revision: 1, topicContent: '主题鲜明' });
    const second = await app.request('PUT', `/api/observations/${w.observation}/notes`, { token: tok.obsB, body: draft('主题鲜明，联系实际', 1) });
    expect(second.body.note.revision).toBe(2);
  });

  it('a stale revision is a CONFLICT (409) and the newer draft stays', async () => {
    const res = await app.request('PUT', `/api/observations/${w.observation}/notes`, { token: tok.obsB, body: draft('旧稿覆盖', 1) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    const { rows } = await app.db.query<{ topic_content: string }>('select topic_content from observation_notes where author_id = $1', [w.committeeB]);
    expect(rows[0]?.topic_content).toBe('主题鲜明，联系实际');
  });

  it('the other observer of the group reads the notes', async () => {
    const res = await app.request('GET', `/api/observations/${w.observation}/notes`, { token: tok.office });
    expect(ZNotesResponse.parse(res.body).notes.map((n) => [n.authorName, n.revision])).toEqual([['乙委员', 2]]);
  });

  it('the observed branch reads nothing until feedback is sent, then reads the notes', async () => {
    const before = await app.request('GET', `/api/observations/${w.observation}/notes`, { token: tok.secA });
    expect(before.status).toBe(200);
    expect(before.body.notes).toEqual([]);
    expect((await app.request('GET', `/api/observations/${w.observation}/notes`, { token: tok.memA })).body.notes).toEqual([]);
    await sendFeedback(app.db, w.observation);
    const after = await app.request('GET', `/api/observations/${w.observation}/notes`, { token: tok.secA });
    expect(after.body.notes.map((n: { topicContent: string }) => n.topicContent)).toEqual(['主题鲜明，联系实际']);
  });

  it('non-assigned people cannot write notes (403), nothing written', async () => {
    const before = await count(app.db, 'observation_notes');
    for (const t of [tok.spare, tok.secA, tok.memA]) {
      const res = await app.request('PUT', `/api/observations/${w.observation}/notes`, { token: t, body: draft('我也来写') });
      expect(res.status).toBe(403);
    }
    expect(await count(app.db, 'observation_notes')).toBe(before);
  });

  const bad: Array<[string, unknown, string]> = [
    ['a heading of the wrong type', { topicContent: 5 }, 'topicContent'],
    ['an unknown fact', { facts: { weather: '晴' } }, 'facts'],
    ['a revision of 0', { revision: 0 }, 'revision'],
    ['a heading over 5000 characters', { conduct: 'x'.repeat(5001) }, 'conduct'],
  ];
  it.each(bad)('%s → 400, nothing written', async (_n, body, path) => {
    const before = await count(app.db, 'observation_notes', 'author_id = $1', [w.office]);
    const res = await app.request('PUT', `/api/observations/${w.observation}/notes`, { token: tok.office, body });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe(path);
    expect(await count(app.db, 'observation_notes', 'author_id = $1', [w.office])).toBe(before);
  });
});

describe('GET /api/observations: each with its group, instants in +08:00 (OBS-2..5, D9)', () => {
  /** How many statements the request ran in its transaction (the same transaction, counted on the way through). */
  async function statements(path: string, token: string): Promise<{ n: number; body: any }> {
    const original = app.db.transaction.bind(app.db);
    let n = 0;
    const spy = jest.spyOn(app.db, 'transaction').mockImplementation((fn, options) => original((tx) => fn({
      query: (text, params) => { n += 1; return tx.query(text, params); },
      exec: (sql) => tx.exec(sql),
    }), options));
    try {
      const res = await app.request('GET', path, { token });
      expect(res.status).toBe(200);
      return { n, body: res.body };
    } finally {
      spy.mockRestore();
    }
  }

  it('the office reads the group (leader first, with names) and the times with +08:00', async () => {
    const res = await app.request('GET', '/api/observations?year=2026', { token: tok.office });
    expect(res.status).toBe(200);
    const list = ZObservationList.parse(res.body);
    expect(list.items.find((o) => o.id === w.observation)).toMatchObject({
      startsAt: '2026-03-13T09:00:00+08:00', planSubmittedAt: '2026-03-09T08:00:00+08:00', feedbackSentAt: '2026-03-20T10:00:00+08:00',
      groupSize: 2, group: [{ personId: w.office, name: '办公室干部', isLeader: true }, { personId: w.committeeB, name: '乙委员', isLeader: false }],
    });
  });

  it('one query for the page and its groups: as many statements for 4 rows as for 1 (no call per row)', async () => {
    for (const day of ['04-10', '05-12', '06-16']) {
      const obs = await insertObservation(app.db, { meetingId: await insertMeeting(app.db, { orgId: w.branchB, startsAt: `2026-${day}T09:00:00+08:00` }) });
      await assign(app.db, obs, w.spare, true);
      await assign(app.db, obs, w.office);
    }
    const one = await statements('/api/observations?year=2026&limit=1', tok.office!);
    const four = await statements('/api/observations?year=2026&limit=4', tok.office!);
    expect(four.body.items.map((o: any) => o.group.map((g: any) => g.name))).toEqual([
      ['办公室干部', '乙委员'], ['丙观察员', '办公室干部'], ['丙观察员', '办公室干部'], ['丙观察员', '办公室干部'],
    ]);
    expect(one.n).toBeGreaterThan(0);
    expect(four.n).toBe(one.n);
  });

  it('an empty group is an empty list', async () => {
    const obs = await insertObservation(app.db, { meetingId: await insertMeeting(app.db, { orgId: w.branchB, startsAt: '2026-07-14T09:00:00+08:00' }) });
    const res = await app.request('GET', '/api/observations?year=2026', { token: tok.office });
    expect(res.body.items.find((o: any) => o.id === obs)).toMatchObject({ groupSize: 0, group: [], startsAt: '2026-07-14T09:00:00+08:00' });
  });
});
