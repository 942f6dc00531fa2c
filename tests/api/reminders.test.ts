import { setClock } from '../../api/_lib/clock';
import { parseEnv, setEnv } from '../../api/_lib/env';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import { insertPerson } from '../helpers/builders';
import { FAKE_APPID, FAKE_SECRET } from '../helpers/fake-wechat';
import { startFakeWechatMessage } from '../helpers/fake-wechat-message';
import { assign, count, insertMeeting, insertObservation, observedMeeting, tokenFor } from '../helpers/meeting-builders';

const CRON = 'cron-secret-0123456789abcdef';
let app: TestApp;
let wx: Awaited<ReturnType<typeof startFakeWechatMessage>>;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const tok: Record<string, string> = {};

let appEnv: Record<string, string>;

beforeAll(async () => {
  wx = await startFakeWechatMessage();
  appEnv = {
    WECHAT_API_BASE: wx.base, WECHAT_APPID: FAKE_APPID, WECHAT_SECRET: FAKE_SECRET,
    WECHAT_TEMPLATE_DEADLINE: 'tpl-deadline', WECHAT_TEMPLATE_RECTIFICATION: 'tpl-rect', REMINDER_CRON_SECRET: CRON,
  };
  app = await startTestApp(appEnv);
  // 观察员 visit of 甲 on Fri 2026-03-13: plan due 03-06 (not filed), sheets due 03-18, feedback due 03-20.
  w = await observedMeeting(app.db);
  for (const [id, openid] of [[w.secretaryA, 'ok-secA'], [w.office, 'ok-office'], [w.committeeB, 'refuse-obsB']] as const) {
    await app.db.query('update people set wechat_openid = $2 where id = $1', [id, openid]);
  }
  const who = { secA: w.secretaryA, memA: w.memberA, office: w.office, obsB: w.committeeB };
  for (const [k, id] of Object.entries(who)) tok[k] = await tokenFor(app, id);
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
  await wx.close();
});

const run = (headers: Record<string, string> = { 'x-cron-secret': CRON }, query = '') => app.request('POST', `/api/reminders/run${query}`, { headers });
const reminders = async () => (await app.db.query<{ who: string; ref: string; slot: string; status: string; errcode: number | null }>(
  `select p.name as who, split_part(r.ref, ':', 3) as ref, r.slot, r.status::text as status, r.errcode
     from reminders r join people p on p.id = r.person_id order by p.name, r.ref, r.slot`)).rows;

describe('POST /api/reminders/subscribe (D9: one tap on 提醒我 = one message)', () => {
  it.each([
    ['no template', { templateKeys: [] }, 'templateKeys', '不能小于 1'],
    ['an unknown template', { templateKeys: ['weekly'] }, 'templateKeys.0', '取值不在允许范围内'],
  ])('%s → 400 VALIDATION_FAILED with a Chinese field message, nothing written', async (_n, body, path, message) => {
    const res = await app.request('POST', '/api/reminders/subscribe', { token: tok.secA, body });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual({ path, message });
    expect(await count(app.db, 'reminder_subscriptions')).toBe(0);
  });

  it('each accepted template is one consent; the answer counts what is left', async () => {
    setClock('2026-03-16T20:00:00+08:00');
    for (const t of [tok.secA, tok.office, tok.obsB]) {
      const res = await app.request('POST', '/api/reminders/subscribe', { token: t, body: { templateKeys: ['deadline'] } });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ consents: { deadline: 1 } });
    }
  });
});

describe('POST /api/reminders/run (D9, CALC-3)', () => {
  it('without a token or the cron secret → 401; a secretary → 403; nothing decided', async () => {
    expect((await run({})).status).toBe(401);
    expect((await run({ 'x-cron-secret': 'wrong-secret-0123456789abcd' })).status).toBe(401);
    expect((await run({ authorization: `Bearer ${tok.secA}` })).status).toBe(403);
    expect(await count(app.db, 'reminders')).toBe(0);
  });

  it('Tue 2026-03-17: one reminder per deadline and person; consent used up per message; 43101 recorded, nothing lost', async () => {
    setClock('2026-03-17T09:00:00+08:00');
    const res = await run();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ at: '2026-03-17T01:00:00.000Z', limit: 100, decided: 4, sent: 2, noConsent: 1, failed: 1, left: 0, done: true });
    expect(await reminders()).toEqual([
      { who: '乙委员', ref: 'sheet_submission', slot: 'before_3', status: 'failed', errcode: 43101 },
      { who: '办公室干部', ref: 'feedback_to_branch', slot: 'before_3', status: 'no_consent', errcode: null },
      { who: '办公室干部', ref: 'sheet_submission', slot: 'before_3', status: 'sent', errcode: null },
      { who: '甲书记', ref: 'plan_submission', slot: 'overdue_3', status: 'sent', errcode: null },
    ]);
    expect(wx.messages.map((m) => [m.touser, m.template_id, m.data.thing1?.value, m.data.time2?.value, m.data.thing3?.value])).toEqual([
      ['ok-secA', 'tpl-deadline', '提交组织方案（议程、内容、主持人、时间…', '2026-03-06', '已逾期，请尽快办理'],
      ['ok-office', 'tpl-deadline', '评议表报送机关工委', '2026-03-18', '即将到期'],
    ]);
    expect(wx.tokensIssued()).toBe(1);
    expect(await count(app.db, 'reminder_subscriptions', 'used_at is null')).toBe(0);
  });

  it('running again the same day decides nothing new (office staff may trigger it too)', async () => {
    const res = await run({ authorization: `Bearer ${tok.office}` });
    expect(res.body).toMatchObject({ decided: 0, sent: 0 });
    expect(wx.messages).toHaveLength(2);
  });

  it('an invalid access token (40001) is refreshed once and the message goes out', async () => {
    await app.request('POST', '/api/reminders/subscribe', { token: tok.office, body: { templateKeys: ['deadline', 'deadline'] } });
    wx.expireToken();
    setClock('2026-03-18T09:00:00+08:00');
    const res = await run();
    expect(res.body).toMatchObject({ decided: 2, sent: 1, noConsent: 1 });
    expect(wx.tokensIssued()).toBe(2);
    expect(wx.messages.at(-1)).toMatchObject({ touser: 'ok-office', data: { thing1: { value: '评议表报送机关工委' }, thing3: { value: '今天到期' } } });
  });

  it('WeChat down (HTTP 500) → failed, and the consent is given back for the next reminder; the pending observer is reminded again', async () => {
    await app.db.query("update people set wechat_openid = 'down-office' where id = $1", [w.office]);
    setClock('2026-03-20T09:00:00+08:00');
    const res = await run();
    // Each reminder is claimed and sent in turn: the consent given back by the first failure serves the second, which fails too.
    expect(res.body).toMatchObject({ decided: 3, sent: 0, noConsent: 1, failed: 2, left: 0 });
    expect(await count(app.db, 'reminder_subscriptions', 'person_id = $1 and used_at is null', [w.office])).toBe(1);
  });
});

describe('GET /api/reminders: the task list shows every reminder, sent or not (D9)', () => {
  it('office staff see theirs with status; the consents left; an ordinary member has none', async () => {
    const res = await app.request('GET', '/api/reminders', { token: tok.office });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { key: string; slot: string; status: string }) => `${i.key}/${i.slot}/${i.status}`).sort()).toEqual([
      'feedback_to_branch/before_3/no_consent', 'feedback_to_branch/due/failed', 'sheet_submission/before_3/sent',
      'sheet_submission/due/sent', 'sheet_submission/overdue_2/failed',
    ]);
    expect(res.body.consents).toEqual({ deadline: 1 });
    const mine = await app.request('GET', '/api/reminders', { token: tok.memA });
    expect(mine.body).toEqual({ items: [], nextOffset: null, consents: {} });
  });
});

describe('POST /api/reminders/run in bounded batches (D9): a limit per call, what is left, never twice', () => {
  const observers: string[] = [];
  let total = 0;
  const cron = { 'x-cron-secret': CRON };
  const messagesTo = (openid: string) => wx.messages.filter((m) => m.touser === openid).length;

  beforeAll(async () => {
    // A 巡听 of 乙 on Thu 03-19 by eight observers, none has sent a sheet (due Tue 03-24); each bound to WeChat with one consent.
    const meeting = await insertMeeting(app.db, { orgId: w.branchB, startsAt: '2026-03-19T09:00:00+08:00', status: 'held' });
    const observation = await insertObservation(app.db, { meetingId: meeting, mode: 'xunting', rubric: 'pingyi_5', status: 'held' });
    for (let i = 1; i <= 8; i += 1) {
      const id = await insertPerson(app.db, { name: `巡听员${i}`, openid: `ok-batch-${i}` });
      await assign(app.db, observation, id, i === 1);
      await app.db.query("insert into reminder_subscriptions (person_id, template_key, granted_at) values ($1, 'deadline', '2026-03-19T12:00:00+08:00')", [id]);
      observers.push(id);
    }
    setClock('2026-03-25T09:00:00+08:00');
  });

  it('?limit=3 records three reminders and says how many are left; nothing else is recorded', async () => {
    const before = await count(app.db, 'reminders');
    const res = await run(cron, '?limit=3');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ limit: 3, decided: 3, done: false });
    expect(res.body.left).toBeGreaterThanOrEqual(8 - 3);
    expect(await count(app.db, 'reminders')).toBe(before + 3);
    total = 3 + res.body.left;
  });

  it('two calls that overlap never record or send a reminder twice, and together go on from where the first stopped', async () => {
    const [a, b] = await Promise.all([run(cron, '?limit=2'), run(cron, '?limit=2')]);
    expect(a.body.decided + b.body.decided).toBeGreaterThanOrEqual(2);
    expect(a.body.decided + b.body.decided).toBeLessThanOrEqual(4);
    const dupes = await app.db.query('select ref, person_id, slot from reminders group by 1, 2, 3 having count(*) > 1');
    expect(dupes.rows).toEqual([]);
    for (let i = 1; i <= 8; i += 1) expect(messagesTo(`ok-batch-${i}`)).toBeLessThanOrEqual(1);
  });

  it('repeated calls finish the list: every observer reminded exactly once, each consent used once, then nothing left', async () => {
    let last = await run(cron);
    for (let calls = 0; last.body.left > 0 && calls < 20; calls += 1) last = await run(cron);
    expect(last.body).toMatchObject({ left: 0, done: true });
    expect(observers.map((_, i) => messagesTo(`ok-batch-${i + 1}`))).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(await count(app.db, 'reminder_subscriptions', 'person_id = any($1::uuid[]) and used_at is null', [observers])).toBe(0);
    expect(await count(app.db, 'reminders', "created_at = '2026-03-25T09:00:00+08:00'")).toBe(total);
    expect((await run(cron)).body).toMatchObject({ decided: 0, left: 0, done: true });
  });

  it('REMINDER_RUN_BUDGET_MS=0: one reminder per call, whatever the limit (a call always makes progress)', async () => {
    setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1', ...appEnv, REMINDER_RUN_BUDGET_MS: '0' }));
    try {
      setClock('2026-03-26T09:00:00+08:00');
      const first = await run(cron);
      expect(first.body).toMatchObject({ decided: 1 });
      expect(first.body.left).toBeGreaterThan(0);
      const second = await run(cron);
      expect(second.body).toMatchObject({ decided: 1, left: first.body.left - 1 });
    } finally {
      setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1', ...appEnv }));
    }
  });

  it('a reminder left "sending" by a call that died is closed as failed and never sent again (at most once)', async () => {
    const mine = "person_id = $1 and created_at = '2026-03-25T09:00:00+08:00' and deadline_key = 'sheet_submission'";
    await app.db.query(`update reminders set status = 'sending', sent_at = null where ${mine}`, [observers[0]]);
    const before = messagesTo('ok-batch-1');
    setClock('2026-03-25T09:20:00+08:00');
    await run(cron);
    const { rows } = await app.db.query<{ status: string; error: string }>(`select status::text as status, error from reminders where ${mine}`, [observers[0]]);
    expect(rows).toEqual([{ status: 'failed', error: '发送中断，无法确认是否送达' }]);
    expect(messagesTo('ok-batch-1')).toBe(before);
  });

  it('in production the budget plus one WeChat timeout must fit the functions\' 10 s (start-up fails otherwise)', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };
    expect(() => parseEnv({ ...prod, REMINDER_RUN_BUDGET_MS: '6000' })).toThrow(/REMINDER_RUN_BUDGET_MS/);
    expect(parseEnv(prod)).toMatchObject({ REMINDER_RUN_LIMIT: 100, REMINDER_RUN_BUDGET_MS: 4000, WECHAT_TIMEOUT_MS: 5000 });
  });

  it('a limit out of range → 400 naming it; the cron secret is still required', async () => {
    const res = await run(cron, '?limit=0');
    expect([res.status, res.body.error.fields]).toEqual([400, [{ path: 'limit', message: '不能小于 1' }]]);
    expect((await run({}, '?limit=5')).status).toBe(401);
  });
});
