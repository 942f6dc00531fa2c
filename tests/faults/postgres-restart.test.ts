import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../helpers/app';
import { twoBranches } from '../helpers/builders';
import { insertMeeting } from '../helpers/checkin-world';
import { issueToken } from '../../api/_lib/session';

// Issue 7, faults: PostgreSQL restarted in the middle of a check-in burst through the real HTTP server.
// Runs only from `npm run test:faults`, against the cluster of scripts/postgres-faults.sh (port 5499),
// never the main one: FAULTS_PG_CLUSTER names it (e.g. "15 faults").
const CLUSTER = process.env.FAULTS_PG_CLUSTER;
const run = promisify(execFile);
const PEOPLE = 300;
const IN_FLIGHT = 16;

(CLUSTER ? describe : describe.skip)('PostgreSQL restarted during a check-in burst', () => {
  let app: TestApp;
  let meeting: string;
  let secretaryToken: string;
  const people: Array<{ id: string; token: string }> = [];

  beforeAll(async () => {
    app = await startTestApp();
    const w = await twoBranches(app.db);
    meeting = await insertMeeting(app.db, { orgId: w.branchA });
    const { rows } = await app.db.query<{ id: string }>(
      `with p as (insert into people (name) select '成员' || g from generate_series(1, ${PEOPLE}) g returning id),
            m as (insert into memberships (person_id, org_id, status) select id, $1, 'full' from p returning person_id)
       select person_id as id from m`,
      [w.branchA],
    );
    for (const r of rows) people.push({ id: r.id, token: (await issueToken(r.id)).token });
    secretaryToken = (await issueToken(w.secretaryA)).token;
  }, 60_000);
  afterAll(() => app.close());

  async function payload(): Promise<string> {
    // The host's screen keeps asking; while the database is down it gets 503 and asks again.
    for (;;) {
      const res = await app.request('GET', `/api/checkins/qr?meetingId=${meeting}`, { token: secretaryToken });
      if (res.status === 200) return res.body.payload as string;
      expect(res.status).toBe(503);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('every 2xx check-in is in the database; the others got the 503 envelope and succeed exactly once on retry', async () => {
    const qr = await payload();
    const answers = new Map<string, { status: number; body: any }>();
    let restarted = false;
    let next = 0;
    const restart = (async () => {
      // Let the burst get going, then restart the server under it.
      while (next < PEOPLE / 4) await new Promise((r) => setTimeout(r, 5));
      await run('pg_ctlcluster', [...CLUSTER!.split(' '), 'restart', '-m', 'fast']);
      restarted = true;
    })();
    // A paced burst: IN_FLIGHT clients, each scanning, then the next person, until everyone has had
    // one try and the restart is over (so some requests certainly meet the restart).
    async function client(): Promise<void> {
      while (next < PEOPLE) {
        const p = people[next++]!;
        answers.set(p.id, await app.request('POST', '/api/checkins', { token: p.token, body: { payload: qr } }));
        if (!restarted && next >= PEOPLE * 0.9) await new Promise((r) => setTimeout(r, 50));
      }
    }
    await Promise.all([restart, ...Array.from({ length: IN_FLIGHT }, client)]);

    const failed = [...answers].filter(([, a]) => a.status !== 200);
    for (const [, a] of failed) {
      expect(a.status).toBe(503);
      expect(a.body.error).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' });
    }
    const acknowledged = [...answers].filter(([, a]) => a.status === 200).map(([id]) => id);
    expect(acknowledged.length + failed.length).toBe(PEOPLE);
    expect(failed.length).toBeGreaterThan(0); // the fault did happen

    const inDb = async () => {
      const { rows } = await app.db.query<{ person_id: string; n: number }>(
        'select person_id, count(*)::int as n from attendance where meeting_id = $1 group by person_id', [meeting],
      );
      return rows;
    };
    const present = new Set((await inDb()).map((r) => r.person_id));
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);

    // The clients that got an error scan again (with the code now on screen): each succeeds once.
    const retryQr = await payload();
    for (const [id] of failed) {
      const token = people.find((p) => p.id === id)!.token;
      const again = await app.request('POST', '/api/checkins', { token, body: { payload: retryQr } });
      expect(again.status).toBe(200);
    }
    const rows = await inDb();
    expect(rows).toHaveLength(PEOPLE);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
  }, 120_000);
});
