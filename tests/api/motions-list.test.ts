import { ZMotionList } from '@tingkan/shared';
import { startTestApp, type TestApp } from '../helpers/app';
import { checkinWorld, insertMeeting } from '../helpers/checkin-world';

let app: TestApp;
let w: Awaited<ReturnType<typeof checkinWorld>>;

beforeAll(async () => {
  app = await startTestApp();
  w = await checkinWorld(app.db);
});
afterAll(async () => { await app.close(); });

const list = async (personId: string | null, meetingId: string) =>
  app.request('GET', `/api/motions?meetingId=${meetingId}`, { token: personId ? await app.login(personId) : undefined });

describe('GET /api/motions?meetingId=: the host page lists a meeting\'s motions (VOTE-2)', () => {
  it('a meeting without motions answers an empty list', async () => {
    const res = await list(w.secretaryA, w.meeting);
    expect(res.status).toBe(200);
    expect(ZMotionList.parse(res.body)).toStrictEqual({ meetingId: w.meeting, items: [] });
  });

  it('lists the motions in the order they were put, each with its votes and result judged against 应到 (VOTE-2)', async () => {
    const token = await app.login(w.secretaryA);
    const first = await app.request('POST', '/api/motions', { token, body: { meetingId: w.meeting, title: '接收甲预备为正式党员' } });
    const second = await app.request('POST', '/api/motions', { token, body: { meetingId: w.meeting, title: '通过年度工作计划' } });
    expect([first.status, second.status]).toStrictEqual([201, 201]);
    for (const id of [w.secretaryA, w.memberA, ...w.extra]) {
      expect((await app.request('POST', `/api/motions/${first.body.id}`, { token, body: { choice: 'yes', personId: id } })).status).toBe(200);
    }
    const res = ZMotionList.parse((await list(w.memberA, w.meeting)).body);
    expect(res.items.map((m) => [m.title, m.result.yes, m.result.expected, m.result.passed])).toStrictEqual([
      ['接收甲预备为正式党员', 5, 5, true], ['通过年度工作计划', 0, 5, false],
    ]);
  });

  it('another branch cannot see the meeting (404); no login → 401; a bad id → 400', async () => {
    expect((await list(w.memberB, w.meeting)).status).toBe(404);
    expect((await list(null, w.meeting)).status).toBe(401);
    const bad = await list(w.secretaryA, 'x');
    expect([bad.status, bad.body.error.fields[0].path]).toStrictEqual([400, 'meetingId']);
  });

  it('a meeting that takes no votes (主题党日) lists nothing, even with a stray row (VOTE-1..3)', async () => {
    const themeDay = await insertMeeting(app.db, { orgId: w.branchA, kind: 'theme_day' });
    await app.db.query("insert into motions (meeting_id, title) values ($1, '不该有的表决')", [themeDay]);
    const res = await list(w.secretaryA, themeDay);
    expect([res.status, res.body.items]).toStrictEqual([200, []]);
  });
});
