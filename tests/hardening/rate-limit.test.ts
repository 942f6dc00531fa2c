import { startTestApp, type TestApp } from '../helpers/app';
import { checkinWorld } from '../helpers/checkin-world';
import { startFakeWechat, FAKE_APPID, FAKE_SECRET } from '../helpers/fake-wechat';
import { issueToken } from '../../api/_lib/session';
import { issueQr } from '../../api/_lib/qr-token';
import { resetRateLimits } from '../../api/_lib/rate-limit';
import { setClock } from '../../api/_lib/clock';

// Issue 7, rate limits (docs/decisions/0003-rate-limits.md), with limits set low for the test:
// 3 logins per IP, 3 check-ins per person, 5 check-ins per IP, per 60 s window.
let app: TestApp;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let w: Awaited<ReturnType<typeof checkinWorld>>;
const T0 = new Date('2026-03-06T09:30:00+08:00').getTime();

beforeAll(async () => {
  wechat = await startFakeWechat();
  app = await startTestApp({
    WECHAT_API_BASE: wechat.base, WECHAT_APPID: FAKE_APPID, WECHAT_SECRET: FAKE_SECRET,
    RATE_LIMIT_WINDOW_SECONDS: '60', RATE_LIMIT_LOGIN_PER_IP: '3', RATE_LIMIT_CHECKIN_PER_PERSON: '3', RATE_LIMIT_CHECKIN_PER_IP: '5',
  });
  w = await checkinWorld(app.db);
});
beforeEach(() => {
  resetRateLimits();
  setClock(new Date(T0));
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
  await wechat.close();
});

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const login = (ip: string) => app.request('POST', '/api/auth/wechat', { body: { code: 'invalid' }, headers: from(ip) });
const scan = async (personId: string, ip: string) =>
  app.request('POST', '/api/checkins', { token: (await issueToken(personId)).token, body: { payload: 'not-a-code' }, headers: from(ip) });

describe('login per IP', () => {
  it('the 4th attempt in a minute from one IP is 429 RATE_LIMITED with "请 N 秒后再试" and Retry-After; another IP is not affected', async () => {
    for (let i = 0; i < 3; i++) expect((await login('203.0.113.7')).body.error.code).toBe('WECHAT_CODE_INVALID');
    setClock(new Date(T0 + 15_000));
    const res = await fetch(`${app.url}/api/auth/wechat`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...from('203.0.113.7') }, body: JSON.stringify({ code: 'invalid' }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('45');
    expect(await res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '操作太频繁，请 45 秒后再试' } });
    expect((await login('198.51.100.2')).body.error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('the refused attempt does not reach WeChat, and the next window opens again', async () => {
    for (let i = 0; i < 3; i++) await login('203.0.113.8');
    const calls = wechat.calls.length;
    expect((await login('203.0.113.8')).status).toBe(429);
    expect(wechat.calls.length).toBe(calls);
    setClock(new Date(T0 + 60_000));
    expect((await login('203.0.113.8')).body.error.code).toBe('WECHAT_CODE_INVALID');
  });
});

describe('check-in per person and per IP', () => {
  it('a 4th scan by one person in a minute is refused, other people from other IPs go on', async () => {
    for (let i = 0; i < 3; i++) expect((await scan(w.memberA, `10.0.0.${i}`)).body.error.code).toBe('QR_MALFORMED');
    const res = await scan(w.memberA, '10.0.0.9');
    expect(res.status).toBe(429);
    expect(res.body.error.message).toBe('操作太频繁，请 60 秒后再试');
    expect((await scan(w.extra[0]!, '10.0.1.1')).body.error.code).toBe('QR_MALFORMED');
  });

  it('one IP (the meeting room NAT) is limited as a whole, above the per-person limit', async () => {
    const people = [w.memberA, w.extra[0]!, w.extra[1]!, w.extra[2]!, w.secretaryA];
    for (const p of people) expect((await scan(p, '192.0.2.1')).status).toBe(400);
    expect((await scan(w.probationary, '192.0.2.1')).status).toBe(429);
  });

  it('a limited person is refused before any SQL: a valid code does not check them in', async () => {
    for (let i = 0; i < 3; i++) await scan(w.extra[2]!, '10.9.0.1');
    const payload = issueQr(w.meeting, T0).payload;
    const res = await app.request('POST', '/api/checkins', { token: (await issueToken(w.extra[2]!)).token, body: { payload }, headers: from('10.9.0.2') });
    expect(res.status).toBe(429);
    const { rows } = await app.db.query('select 1 from attendance where meeting_id = $1 and person_id = $2', [w.meeting, w.extra[2]]);
    expect(rows).toEqual([]);
  });
});
