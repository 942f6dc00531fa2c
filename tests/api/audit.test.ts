import { startTestApp, type TestApp } from '../helpers/app';
import { insertPerson, twoBranches } from '../helpers/builders';
import { withCaller } from '../../api/_lib/db';

let app: TestApp;
let w: Awaited<ReturnType<typeof twoBranches>>;
const login = (personId: string) => app.login(personId);
const as = async (personId: string, method: string, path: string, body?: unknown) => app.request(method, path, { token: await login(personId), body });

beforeAll(async () => {
  app = await startTestApp();
  w = await twoBranches(app.db);
});
afterAll(() => app.close());

describe('audit log', () => {
  it('a membership change by office staff shows up with the actor, the old and the new row', async () => {
    const change = await as(w.office, 'PATCH', `/api/people/${w.memberB}/memberships`, { orgId: w.branchB, status: 'full' });
    expect(change.status).toBe(200);
    const membershipId = change.body.membership.id as string;
    const res = await as(w.office, 'GET', `/api/audit?table=memberships&rowId=${membershipId}`);
    expect(res.status).toBe(200);
    const [update] = res.body.items;
    expect(update).toMatchObject({
      actorId: w.office, actorName: '办公室干部', table: 'memberships', op: 'UPDATE', rowPk: { id: membershipId },
      old: { status: 'probationary', person_id: w.memberB }, new: { status: 'full', person_id: w.memberB },
    });
    expect(update.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    // The row's first write (by the test's builder, no caller) is there too, oldest last.
    expect(res.body.items.map((i: { op: string }) => i.op)).toEqual(['UPDATE', 'INSERT']);
    expect(res.body.items[1].actorId).toBeNull();
  });

  it('a member cannot read the log, through the API or the database', async () => {
    const res = await as(w.memberA, 'GET', '/api/audit');
    expect(res.status).toBe(403);
    const rows = await withCaller({ sub: w.memberA, role: 'authenticated' }, (tx) => tx.query('select id from audit_log limit 5'));
    expect(rows.rows).toEqual([]);
  });

  it('WeChat openids and invitation codes never reach the log', async () => {
    const person = await insertPerson(app.db, { name: '待邀请' });
    const invite = await as(w.office, 'POST', `/api/people/${person}/invitation`);
    expect(invite.status).toBe(201);
    const res = await as(w.office, 'GET', `/api/audit?table=people&rowId=${person}`);
    expect(res.body.items[0]).toMatchObject({ op: 'UPDATE', old: { invitation_code: null }, new: { invitation_code: '[redacted]' } });
    expect(JSON.stringify(res.body)).not.toContain(invite.body.code);
    await app.db.query("update people set wechat_openid = 'o-secret-openid' where id = $1", [person]);
    const { rows } = await app.db.query<{ text: string }>("select new::text as text from audit_log where table_name = 'people' and row_id = $1 order by id desc limit 1", [person]);
    expect(rows[0]?.text).not.toContain('o-secret-openid');
    expect(rows[0]?.text).toContain('"wechat_openid": "[redacted]"');
  });

  it('composite keys are logged as an object and a row id; pages walk back through history', async () => {
    const { rows } = await app.db.query<{ row_pk: unknown; row_id: string }>(
      "select row_pk, row_id from audit_log where table_name = 'office_staff' and row_pk ->> 'person_id' = $1", [w.office],
    );
    expect(rows).toEqual([{ row_pk: { person_id: w.office, scope_org_id: w.root }, row_id: `${w.office}/${w.root}` }]);
    const first = await as(w.office, 'GET', '/api/audit?limit=2');
    const second = await as(w.office, 'GET', `/api/audit?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).toBeLessThan(first.body.items[1].id);
  });

  it('nobody writes the log directly, and not even its owner rewrites it', async () => {
    await expect(withCaller({ sub: w.office, role: 'authenticated' }, (tx) =>
      tx.query("insert into audit_log (table_name, op, row_pk, row_id, new) values ('people', 'INSERT', '{}', 'x', '{}')"),
    )).rejects.toMatchObject({ code: '42501' });
    await expect(app.db.query('delete from audit_log')).rejects.toMatchObject({ code: '42501' });
  });
});
