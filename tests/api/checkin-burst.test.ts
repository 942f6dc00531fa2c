import { startTestApp, type TestApp } from '../helpers/app';
import { twoBranches } from '../helpers/builders';
import { insertMeeting } from '../helpers/checkin-world';
import { issueToken } from '../../api/_lib/session';
import { setClock } from '../../api/_lib/clock';

// Issue 4: 500 simultaneous check-ins to one meeting, a third of them duplicates,
// end with exactly one row per person and no 5xx — on PGlite and on PostgreSQL.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  // The burst must not outlive the rotating code's window on a slow machine: the server's clock stands still.
  setClock(new Date());
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

it('500 concurrent scans (a third repeats) leave exactly one attendance row per person, no 5xx', async () => {
  const w = await twoBranches(app.db);
  const meeting = await insertMeeting(app.db, { orgId: w.branchA });
  const { rows } = await app.db.query<{ id: string }>(
    `with p as (insert into people (name) select '成员' || g from generate_series(1, 334) g returning id),
          m as (insert into memberships (person_id, org_id, status) select id, $1, 'full' from p returning person_id)
     select person_id as id from m`,
    [w.branchA],
  );
  const people = rows.map((r) => r.id);
  const tokens = await Promise.all(people.map(async (id) => (await issueToken(id)).token));
  const qr = await app.request('GET', `/api/checkins/qr?meetingId=${meeting}`, { token: (await issueToken(w.secretaryA)).token });
  // 334 first scans + 166 repeats = 500 requests, all in flight at once.
  const requests = [...tokens, ...tokens.slice(0, 166)].map((token) =>
    app.request('POST', '/api/checkins', { token, body: { payload: qr.body.payload } }),
  );
  const answers = await Promise.all(requests);
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  expect(answers.filter((a) => a.status !== 200).map((a) => a.body)).toEqual([]);
  expect(answers.filter((a) => a.body.already === false)).toHaveLength(334);
  const count = await app.db.query<{ n: number; d: number }>(
    'select count(*)::int as n, count(distinct person_id)::int as d from attendance where meeting_id = $1', [meeting],
  );
  expect(count.rows[0]).toEqual({ n: 334, d: 334 });
});
