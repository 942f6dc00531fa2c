import { DEFAULT_POLICY } from '@tingkan/shared';
import { startTestApp, type TestApp } from '../helpers/app';
import { twoBranches } from '../helpers/builders';
import { withCaller } from '../../api/_lib/db';
import { currentPolicy } from '../../api/_lib/policy';

let app: TestApp;
let w: Awaited<ReturnType<typeof twoBranches>>;
const login = (personId: string) => app.login(personId);
const as = async (personId: string, method: string, path: string, body?: unknown) => app.request(method, path, { token: await login(personId), body });
const versions = async (): Promise<number> => (await app.db.query<{ n: number }>('select count(*)::int as n from policy_versions')).rows[0]!.n;

beforeAll(async () => {
  app = await startTestApp();
  w = await twoBranches(app.db);
});
afterAll(() => app.close());

describe('policy (D4)', () => {
  it('D4: everyone signed in reads the policy in force: DOMAIN.md defaults when nothing is overridden', async () => {
    const res = await as(w.memberA, 'GET', '/api/policy');
    expect(res.status).toBe(200);
    expect(res.body.policy).toEqual(DEFAULT_POLICY);
    expect(res.body.policy).toMatchObject({ samplingRate: 0.35, sheetsDueWorkingDays: 3, feedbackDueWorkingDays: 5, rectificationMonths: 1 });
  });

  it('D4: office staff change it with a reason; the change is a new version, merged with the defaults, and applies from then on', async () => {
    const before = await versions();
    const res = await as(w.office, 'PUT', '/api/policy', { value: { samplingRate: 0.4, themeDay: null }, reason: '工委会议决定提高抽查比例' });
    expect(res.status).toBe(200);
    expect(res.body.policy).toEqual({ ...DEFAULT_POLICY, samplingRate: 0.4, themeDay: null });
    expect(res.body.version).toMatchObject({ reason: '工委会议决定提高抽查比例', createdBy: w.office, createdByName: '办公室干部', value: { samplingRate: 0.4, themeDay: null } });
    expect(await versions()).toBe(before + 1);
    const policy = await withCaller({ sub: w.memberB, role: 'authenticated' }, (tx) => currentPolicy(tx));
    expect(policy.samplingRate).toBe(0.4);
    expect(policy.feedbackDueWorkingDays).toBe(5);
  });

  it('D4: ?history=1 lists the versions newest first, paged', async () => {
    await as(w.office, 'PUT', '/api/policy', { value: { samplingRate: 0.3 }, reason: '第二次调整' });
    const first = await as(w.memberA, 'GET', '/api/policy?history=1&limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([expect.objectContaining({ reason: '第二次调整', value: { samplingRate: 0.3 } })]);
    const second = await as(w.memberA, 'GET', `/api/policy?history=1&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toEqual([expect.objectContaining({ reason: '工委会议决定提高抽查比例' })]);
    expect(second.body.items[0].id).toBeLessThan(first.body.items[0].id);
  });

  it('D4: an invalid policy is refused with POLICY_INVALID and the fields at fault, and nothing is written', async () => {
    const before = await versions();
    const res = await as(w.office, 'PUT', '/api/policy', { value: { samplingRate: 1.5, sheetsDueWorkingDays: 0, bogus: 1 }, reason: '试试' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('POLICY_INVALID');
    expect(res.body.error.fields).toEqual(expect.arrayContaining([
      { path: 'samplingRate', message: '不能大于 1' },
      { path: 'sheetsDueWorkingDays', message: '不能小于 1' },
      { path: '(根)', message: '不认识的字段：bogus' },
    ]));
    const noReason = await as(w.office, 'PUT', '/api/policy', { value: {} , reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual([{ path: 'reason', message: '必填' }]);
    expect(await versions()).toBe(before);
  });

  it('D4: a member cannot change the policy', async () => {
    const before = await versions();
    const res = await as(w.memberA, 'PUT', '/api/policy', { value: { samplingRate: 0.9 }, reason: '我想改' });
    expect(res.status).toBe(403);
    expect(await versions()).toBe(before);
    expect((await as(w.memberA, 'GET', '/api/policy')).body.policy.samplingRate).toBe(0.3);
  });

  it('D4: policy changes are audited', async () => {
    const res = await as(w.office, 'GET', '/api/audit?table=policy_versions&limit=1');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ op: 'INSERT', actorId: w.office, new: { reason: '第二次调整', value: { samplingRate: 0.3 } } });
  });
});
