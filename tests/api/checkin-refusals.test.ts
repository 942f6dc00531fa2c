import { startTestApp, type TestApp } from '../helpers/app';
import { checkinWorld, insertMeeting } from '../helpers/checkin-world';
import { addMember, insertPerson } from '../helpers/builders';

// Issue 7: the check-in reads the meeting and records the scan in one call, then the shared rules
// decide; a refusal must leave nothing behind (D5): no attendance row, no observer check-in, no audit entry.
let app: TestApp;
let w: Awaited<ReturnType<typeof checkinWorld>>;

async function qr(meetingId: string): Promise<string> {
  const res = await app.request('GET', `/api/checkins/qr?meetingId=${meetingId}`, { token: await app.login(w.secretaryA) });
  expect(res.status).toBe(200);
  return res.body.payload as string;
}

async function scan(personId: string, body: Record<string, unknown>) {
  return app.request('POST', '/api/checkins', { token: await app.login(personId), body });
}

/** What a scan may leave: attendance rows, observer check-ins and audit entries of the meeting. */
async function traces(meetingId: string) {
  const { rows } = await app.db.query<{ attendance: number; observers: number; audit: number }>(
    `select (select count(*)::int from attendance where meeting_id = $1) as attendance,
            (select count(*)::int from observation_assignments a join observations o on o.id = a.observation_id
              where o.meeting_id = $1 and a.checked_in_at is not null) as observers,
            (select count(*)::int from audit_log
              where (table_name = 'attendance' and row_pk ->> 'meeting_id' = $1::text)
                 or (table_name = 'observation_assignments' and op = 'UPDATE'
                     and row_pk ->> 'observation_id' in (select id::text from observations where meeting_id = $1))) as audit`,
    [meetingId],
  );
  return rows[0];
}

beforeAll(async () => {
  app = await startTestApp();
  w = await checkinWorld(app.db);
});
afterAll(() => app.close());

describe('a refused check-in writes nothing (D5, D6, ORG-2)', () => {
  it('a member scanning before the window opens or after it closes: CHECKIN_NOT_OPEN / CHECKIN_CLOSED, no row', async () => {
    const tomorrow = await insertMeeting(app.db, { orgId: w.branchA, startsInMin: 24 * 60 });
    const yesterday = await insertMeeting(app.db, { orgId: w.branchA, startsInMin: -24 * 60 });
    expect((await scan(w.extra[0]!, { payload: await qr(tomorrow) })).body.error.code).toBe('CHECKIN_NOT_OPEN');
    expect((await scan(w.extra[0]!, { payload: await qr(yesterday) })).body.error.code).toBe('CHECKIN_CLOSED');
    expect(await traces(tomorrow)).toStrictEqual({ attendance: 0, observers: 0, audit: 0 });
    expect(await traces(yesterday)).toStrictEqual({ attendance: 0, observers: 0, audit: 0 });
  });

  it('a member too far from the meeting\'s place: CHECKIN_TOO_FAR, no row', async () => {
    const located = await insertMeeting(app.db, { orgId: w.branchA, location: { lat: 31.2304, lng: 121.4737, radiusM: 100 } });
    const res = await scan(w.extra[1]!, { payload: await qr(located), location: { lat: 31.2404, lng: 121.4737 } });
    expect(res.body.error.code).toBe('CHECKIN_TOO_FAR');
    expect(await traces(located)).toStrictEqual({ attendance: 0, observers: 0, audit: 0 });
  });

  it('a 入党积极分子 of the branch at a 党员大会 (ORG-2): NOT_ON_ROSTER, no row', async () => {
    const activist = await insertPerson(app.db, { name: '积极分子丁' });
    await addMember(app.db, activist, w.branchA, 'activist');
    const meeting = await insertMeeting(app.db, { orgId: w.branchA });
    const res = await scan(activist, { payload: await qr(meeting) });
    expect(res.body.error.code).toBe('NOT_ON_ROSTER');
    expect(await traces(meeting)).toStrictEqual({ attendance: 0, observers: 0, audit: 0 });
  });

  it('an assigned observer after the window closed: CHECKIN_CLOSED, the group\'s check-in stays empty', async () => {
    const past = await insertMeeting(app.db, { orgId: w.branchA, startsInMin: -24 * 60 });
    await app.db.query(
      `with o as (insert into observations (meeting_id, mode, rubric) values ($1, 'pangting', 'pingyi_5') returning id)
       insert into observation_assignments (observation_id, person_id) select id, $2 from o`, [past, w.observer]);
    const res = await scan(w.observer, { payload: await qr(past) });
    expect(res.body.error.code).toBe('CHECKIN_CLOSED');
    expect(await traces(past)).toStrictEqual({ attendance: 0, observers: 0, audit: 0 });
  });

  it('the same member within the window afterwards is recorded once, with its audit entry', async () => {
    const res = await scan(w.extra[2]!, { payload: await qr(w.meeting) });
    expect(res.status).toBe(200);
    expect(await traces(w.meeting)).toMatchObject({ attendance: 1, audit: 1 });
  });
});
