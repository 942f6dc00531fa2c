import { startTestApp, type TestApp } from '../helpers/app';
import { checkinWorld, insertMeeting } from '../helpers/checkin-world';
import { issueQr } from '../../api/_lib/qr-token';

let app: TestApp;
let w: Awaited<ReturnType<typeof checkinWorld>>;
const login = (personId: string) => app.login(personId);

async function currentQr(meetingId: string): Promise<string> {
  const res = await app.request('GET', `/api/checkins/qr?meetingId=${meetingId}`, { token: await login(w.secretaryA) });
  expect(res.status).toBe(200);
  return res.body.payload as string;
}

async function scan(personId: string, body: Record<string, unknown>) {
  return app.request('POST', '/api/checkins', { token: await login(personId), body });
}

async function attendanceRows(meetingId: string) {
  const { rows } = await app.db.query<{ person_id: string; state: string; method: string; recorded_by: string | null }>(
    'select person_id, state, method, recorded_by from attendance where meeting_id = $1 order by person_id', [meetingId],
  );
  return rows;
}

beforeAll(async () => {
  app = await startTestApp();
  w = await checkinWorld(app.db);
});
afterAll(() => app.close());

describe('QR check-in (D6)', () => {
  it('a member scans the host\'s code: 签到成功, one attendance row', async () => {
    const res = await scan(w.memberA, { payload: await currentQr(w.meeting) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ meetingId: w.meeting, as: 'member', already: false });
    expect(res.body.messageZh).toMatch(/^签到成功/);
    expect(await attendanceRows(w.meeting)).toEqual([{ person_id: w.memberA, state: 'present', method: 'qr', recorded_by: null }]);
  });

  it('scanning twice is one row and answers 已签到 with the first time', async () => {
    const first = await scan(w.extra[0]!, { payload: await currentQr(w.meeting) });
    const second = await scan(w.extra[0]!, { payload: await currentQr(w.meeting) });
    expect(second.status).toBe(200);
    expect(second.body.already).toBe(true);
    expect(second.body.checkedInAt).toBe(first.body.checkedInAt);
    expect(second.body.messageZh).toMatch(/^您已于 \d\d:\d\d 签到/);
    const rows = (await attendanceRows(w.meeting)).filter((r) => r.person_id === w.extra[0]);
    expect(rows).toHaveLength(1);
  });

  it('an assigned observer checks in to the observation, not the meeting', async () => {
    const res = await scan(w.observer, { payload: await currentQr(w.meeting) });
    expect(res.body).toMatchObject({ as: 'observer', already: false });
    const { rows } = await app.db.query('select checkin_method from observation_assignments where person_id = $1', [w.observer]);
    expect(rows).toEqual([{ checkin_method: 'qr' }]);
    expect((await attendanceRows(w.meeting)).some((r) => r.person_id === w.observer)).toBe(false);
  });

  const refusals: Array<[string, () => Promise<Record<string, unknown>>, number, string]> = [
    ['an expired code (relayed after its window)', async () => ({ payload: issueQr(w.meeting, Date.now() - 90_000).payload }), 410, 'QR_EXPIRED'],
    ['an altered signature', async () => ({ payload: (await currentQr(w.meeting)).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }), 400, 'QR_FORGED'],
    ['an altered meeting id', async () => ({ payload: (await currentQr(w.meeting)).replace(/^TK1\.(.)/, (_m, c: string) => `TK1.${c === 'a' ? 'b' : 'a'}`) }), 400, 'QR_FORGED'],
    ['a code from the future', async () => ({ payload: issueQr(w.meeting, Date.now() + 3_600_000).payload }), 400, 'QR_FORGED'],
    ['something that is not our code', async () => ({ payload: 'https://example.com/hello' }), 400, 'QR_MALFORMED'],
  ];
  it.each(refusals)('%s is refused', async (_name, body, status, code) => {
    const before = await attendanceRows(w.meeting);
    const res = await scan(w.extra[1]!, await body());
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await attendanceRows(w.meeting)).toEqual(before);
  });

  it('another meeting\'s code scanned on this meeting\'s page is refused (QR_WRONG_MEETING)', async () => {
    const other = await insertMeeting(app.db, { orgId: w.branchA, kind: 'theme_day' });
    const res = await scan(w.extra[1]!, { payload: await currentQr(other), meetingId: w.meeting });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('QR_WRONG_MEETING');
  });

  it('a person of another branch, not assigned, is refused (NOT_ON_ROSTER)', async () => {
    const res = await scan(w.memberB, { payload: await currentQr(w.meeting) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_ON_ROSTER');
  });

  it('before the window opens and after it closes, check-in is refused', async () => {
    const tomorrow = await insertMeeting(app.db, { orgId: w.branchA, startsInMin: 24 * 60 });
    const yesterday = await insertMeeting(app.db, { orgId: w.branchA, startsInMin: -24 * 60 });
    expect((await scan(w.extra[2]!, { payload: await currentQr(tomorrow) })).body.error.code).toBe('CHECKIN_NOT_OPEN');
    expect((await scan(w.extra[2]!, { payload: await currentQr(yesterday) })).body.error.code).toBe('CHECKIN_CLOSED');
  });

  it('a meeting with a place and radius needs a position inside it', async () => {
    const located = await insertMeeting(app.db, { orgId: w.branchA, location: { lat: 31.2304, lng: 121.4737, radiusM: 100 } });
    const payload = await currentQr(located);
    expect((await scan(w.extra[2]!, { payload })).body.error.code).toBe('CHECKIN_LOCATION_REQUIRED');
    expect((await scan(w.extra[2]!, { payload, location: { lat: 31.2404, lng: 121.4737 } })).body.error.code).toBe('CHECKIN_TOO_FAR');
    const ok = await scan(w.extra[2]!, { payload, location: { lat: 31.2308, lng: 121.4739 } });
    expect(ok.status).toBe(200);
    const { rows } = await app.db.query('select checkin_lat from attendance where meeting_id = $1', [located]);
    expect(rows).toEqual([{ checkin_lat: 31.2308 }]);
  });

  it('only the host can show the code (NOT_HOST)', async () => {
    const res = await app.request('GET', `/api/checkins/qr?meetingId=${w.meeting}`, { token: await login(w.memberA) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_HOST');
  });
});

describe('manual check-in and 补录 (the human fallback)', () => {
  it('the host checks in a member without a smartphone: recorded as manual, with who did it', async () => {
    const res = await app.request('POST', '/api/checkins/manual', { token: await login(w.secretaryA), body: { meetingId: w.meeting, personId: w.extra[1] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ method: 'manual', already: false, messageZh: '手工签到成功' });
    const row = (await attendanceRows(w.meeting)).find((r) => r.person_id === w.extra[1]);
    expect(row).toEqual({ person_id: w.extra[1], state: 'present', method: 'manual', recorded_by: w.secretaryA });
  });

  it('after the window has closed the host\'s entry is a 补录 (backfill)', async () => {
    const past = await insertMeeting(app.db, { orgId: w.branchA, startsInMin: -6 * 60 });
    const res = await app.request('POST', '/api/checkins/manual', { token: await login(w.secretaryA), body: { meetingId: past, personId: w.memberA } });
    expect(res.body).toMatchObject({ method: 'backfill', messageZh: '补录成功' });
  });

  it('a member cannot check in someone else (NOT_HOST) and nothing is written', async () => {
    const before = await attendanceRows(w.meeting);
    const res = await app.request('POST', '/api/checkins/manual', { token: await login(w.memberA), body: { meetingId: w.meeting, personId: w.extra[2] } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_HOST');
    expect(await attendanceRows(w.meeting)).toEqual(before);
  });
});
