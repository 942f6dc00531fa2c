import { startTestApp, type TestApp } from '../helpers/app';
import { checkinWorld } from '../helpers/checkin-world';

let app: TestApp;
let w: Awaited<ReturnType<typeof checkinWorld>>;
const login = (personId: string) => app.login(personId);
const roster = async (as: string) => (await app.request('GET', `/api/attendance?meetingId=${w.meeting}`, { token: await login(as) })).body;
const manual = async (personId: string) =>
  app.request('POST', '/api/checkins/manual', { token: await login(w.secretaryA), body: { meetingId: w.meeting, personId } });

beforeAll(async () => {
  app = await startTestApp();
  w = await checkinWorld(app.db);
});
afterAll(() => app.close());

describe('attendance and quorum (ATT-1, VOTE-1, VOTE-4)', () => {
  it('VOTE-1/VOTE-4: the host sees 6 expected, 5 of them voters, and no quorum yet', async () => {
    const r = await roster(w.secretaryA);
    expect(r.counts).toEqual({ expected: 6, present: 0, leave: 0, absent: 6 });
    expect(r.quorum).toMatchObject({ valid: false, expected: 5, present: 0, needed: 3 });
    expect(r.observers).toEqual([{ personId: w.observer, name: '观察员丙', checkedInAt: null }]);
  });

  it('ATT-1: a member asks for leave with a category and reason; the roster shows it', async () => {
    const res = await app.request('POST', '/api/attendance', {
      token: await login(w.extra[2]!), body: { meetingId: w.meeting, state: 'leave', leaveCategory: 'sick', reason: '住院治疗' },
    });
    expect(res.status).toBe(200);
    const row = res.body.rows.find((x: { personId: string }) => x.personId === w.extra[2]);
    expect(row).toMatchObject({ state: 'leave', leaveCategory: 'sick', leaveReason: '住院治疗' });
    expect(res.body.counts.leave).toBe(1);
  });

  it('ATT-1: a leave request without a reason is refused and changes nothing', async () => {
    const res = await app.request('POST', '/api/attendance', {
      token: await login(w.extra[1]!), body: { meetingId: w.meeting, state: 'leave', leaveCategory: 'personal' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'reason', message: '必填' }]);
    const { rows } = await app.db.query('select 1 from attendance where person_id = $1', [w.extra[1]]);
    expect(rows).toEqual([]);
  });

  it('a member confirms attendance ahead of the meeting', async () => {
    const res = await app.request('POST', '/api/attendance', { token: await login(w.extra[1]!), body: { meetingId: w.meeting, state: 'confirmed' } });
    expect(res.body.rows.find((x: { personId: string }) => x.personId === w.extra[1]).state).toBe('confirmed');
  });

  it('VOTE-1: the quorum changes live as members check in; the 预备党员 never counts (VOTE-4)', async () => {
    await manual(w.probationary);
    expect((await roster(w.secretaryA)).quorum).toMatchObject({ valid: false, present: 0 });
    await manual(w.secretaryA);
    await manual(w.memberA);
    expect((await roster(w.secretaryA)).quorum).toMatchObject({ valid: false, present: 2, needed: 3 });
    await manual(w.extra[0]!);
    const r = await roster(w.memberA);
    expect(r.quorum).toMatchObject({ valid: true, expected: 5, present: 3 });
    expect(r.quorum.reasonZh).toContain('会议有效');
  });

  it('a member who has checked in cannot then ask for leave (ALREADY_PRESENT)', async () => {
    const res = await app.request('POST', '/api/attendance', {
      token: await login(w.memberA), body: { meetingId: w.meeting, state: 'leave', leaveCategory: 'official', reason: '临时出差' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_PRESENT');
  });

  it('a member of another branch cannot read this roster', async () => {
    const res = await app.request('GET', `/api/attendance?meetingId=${w.meeting}`, { token: await login(w.memberB) });
    expect(res.status).toBe(404);
  });
});

describe('motions and votes (VOTE-2, VOTE-4)', () => {
  let motionId: string;
  const vote = async (as: string, choice: string, personId?: string) =>
    app.request('POST', `/api/motions/${motionId}`, { token: await login(as), body: personId ? { choice, personId } : { choice } });

  it('the host puts a motion; nothing passes with no votes', async () => {
    const res = await app.request('POST', '/api/motions', { token: await login(w.secretaryA), body: { meetingId: w.meeting, title: '接收甲预备为正式党员' } });
    expect(res.status).toBe(201);
    motionId = res.body.id;
    expect(res.body.result).toMatchObject({ passed: false, expected: 5, yes: 0, needed: 3 });
  });

  it('VOTE-4: a 预备党员 cannot vote', async () => {
    const res = await vote(w.probationary, 'yes');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('VOTE_NOT_ELIGIBLE');
  });

  it('VOTE-2: 2 yes of 5 expected fails even though only 3 are present; 3 yes passes', async () => {
    await vote(w.secretaryA, 'yes');
    expect((await vote(w.memberA, 'yes')).body.result).toMatchObject({ passed: false, yes: 2 });
    const res = await vote(w.secretaryA, 'yes', w.extra[0]);
    expect(res.body.result).toMatchObject({ passed: true, expected: 5, yes: 3, needed: 3 });
  });

  it('a member cannot record a vote for someone else (NOT_HOST)', async () => {
    const res = await vote(w.memberA, 'no', w.extra[1]);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_HOST');
  });
});
