import { startTestApp, type TestApp } from '../helpers/app';
import { checkinWorld, insertMeeting } from '../helpers/checkin-world';

// Issue 7 (migration 20261125000200): the scan inserts with `on conflict do nothing`, and a member already
// recorded as absent or on leave is turned present by a separate UPDATE. ATT-1 relies on that row: a
// rescan must make it present, answer as a check-in, and be audited as an UPDATE.
let app: TestApp;
let w: Awaited<ReturnType<typeof checkinWorld>>;

beforeAll(async () => {
  app = await startTestApp();
  w = await checkinWorld(app.db);
});
afterAll(() => app.close());

async function scanNow(meetingId: string, personId: string) {
  const qr = await app.request('GET', `/api/checkins/qr?meetingId=${meetingId}`, { token: await app.login(w.secretaryA) });
  expect(qr.status).toBe(200);
  return app.request('POST', '/api/checkins', { token: await app.login(personId), body: { payload: qr.body.payload } });
}

const row = async (meetingId: string, personId: string) => (await app.db.query<{ state: string; checked_in: boolean; leave_reason: string | null }>(
  'select state, checked_in_at is not null as checked_in, leave_reason from attendance where meeting_id = $1 and person_id = $2', [meetingId, personId])).rows;
const updates = async (meetingId: string, personId: string) => (await app.db.query<{ n: number }>(
  `select count(*)::int as n from audit_log where table_name = 'attendance' and op = 'UPDATE'
     and row_pk ->> 'meeting_id' = $1::text and row_pk ->> 'person_id' = $2::text`, [meetingId, personId])).rows[0]!.n;

describe('a member recorded absent or on leave who then scans is present (ATT-1, issue 7)', () => {
  it.each(['absent', 'leave'] as const)('recorded %s, then the scan: present, checked in, one audited UPDATE', async (state) => {
    const meeting = await insertMeeting(app.db, { orgId: w.branchA, startsInMin: -5 });
    const person = w.extra[state === 'absent' ? 0 : 1]!;
    await app.db.query(
      'insert into attendance (meeting_id, person_id, state, leave_category, leave_reason) values ($1, $2, $3, $4, $5)',
      [meeting, person, state, state === 'leave' ? 'personal' : null, state === 'leave' ? '出差' : null]);
    const res = await scanNow(meeting, person);
    expect(res.status).toBe(200);
    expect(await row(meeting, person)).toStrictEqual([{ state: 'present', checked_in: true, leave_reason: null }]);
    expect(await updates(meeting, person)).toBe(1);
    // A second scan changes nothing more.
    expect((await scanNow(meeting, person)).status).toBe(200);
    expect(await updates(meeting, person)).toBe(1);
  });
});
