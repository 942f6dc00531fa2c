import { setClock } from '../../api/_lib/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { FAKE_APPID, FAKE_SECRET } from '../helpers/fake-wechat';
import { startFakeWechatMessage } from '../helpers/fake-wechat-message';
import { count, observedMeeting, tokenFor } from '../helpers/meeting-builders';

const CRON = 'cron-secret-0123456789abcdef';
let app: TestApp;
let wx: Awaited<ReturnType<typeof startFakeWechatMessage>>;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const tok: Record<string, string> = {};

beforeAll(async () => {
  wx = await startFakeWechatMessage();
  app = await startTestApp({
    WECHAT_API_BASE: wx.base, WECHAT_APPID: FAKE_APPID, WECHAT_SECRET: FAKE_SECRET,
    WECHAT_TEMPLATE_DEADLINE: 'tpl-deadline', WECHAT_TEMPLATE_RECTIFICATION: 'tpl-rect', REMINDER_CRON_SECRET: CRON,
  });
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

const run = (headers: Record<string, string> = { 'x-cron-secret': CRON }) => app.request('POST', '/api/reminders/run', { headers });
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
    expect(res.body).toEqual({ at: '2026-03-17T01:00:00.000Z', decided: 4, sent: 2, noConsent: 1, failed: 1 });
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
    expect(res.body).toMatchObject({ decided: 3, sent: 0, noConsent: 2, failed: 1 });
    expect(await count(app.db, 'reminder_subscriptions', 'person_id = $1 and used_at is null', [w.office])).toBe(1);
  });
});

describe('GET /api/reminders: the task list shows every reminder, sent or not (D9)', () => {
  it('office staff see theirs with status; the consents left; an ordinary member has none', async () => {
    const res = await app.request('GET', '/api/reminders', { token: tok.office });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { key: string; slot: string; status: string }) => `${i.key}/${i.slot}/${i.status}`).sort()).toEqual([
      'feedback_to_branch/before_3/no_consent', 'feedback_to_branch/due/no_consent', 'sheet_submission/before_3/sent',
      'sheet_submission/due/sent', 'sheet_submission/overdue_2/failed',
    ]);
    expect(res.body.consents).toEqual({ deadline: 1 });
    const mine = await app.request('GET', '/api/reminders', { token: tok.memA });
    expect(mine.body).toEqual({ items: [], nextOffset: null, consents: {} });
  });
});
