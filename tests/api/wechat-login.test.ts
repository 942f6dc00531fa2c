import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import { parseEnv, setEnv } from '../../api/_lib/env';
import { startFakeWechat, FAKE_APPID, FAKE_SECRET } from '../helpers/fake-wechat';
import { insertPerson } from '../helpers/builders';

let app: TestApp;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let TEST_ENV: Record<string, string>;
beforeAll(async () => {
  wechat = await startFakeWechat();
  app = await startTestApp({ WECHAT_API_BASE: wechat.base, WECHAT_APPID: FAKE_APPID, WECHAT_SECRET: FAKE_SECRET, WECHAT_TIMEOUT_MS: '300' });
  TEST_ENV = { NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1', WECHAT_API_BASE: wechat.base, WECHAT_APPID: FAKE_APPID, WECHAT_SECRET: FAKE_SECRET, WECHAT_TIMEOUT_MS: '300' };
});
afterAll(async () => {
  await app.close();
  await wechat.close();
});

const login = (body: Record<string, unknown>) => app.request('POST', '/api/auth/wechat', { body });

describe('POST /api/auth/wechat (D3)', () => {
  it('asks for the invitation code the first time an unknown WeChat account logs in', async () => {
    const res = await login({ code: 'ok:openid-new-1' });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'INVITATION_REQUIRED', message: '首次登录请输入机关党委办发给您的邀请码' });
  });

  it('binds the openid to the invited person, uses up the code, and logs in next time without it', async () => {
    const person = await insertPerson(app.db, { name: '邀请人', invitationCode: 'K7PQ2M9X', invitationExpiresAt: '2099-01-01T00:00:00Z' });
    const first = await login({ code: 'ok:openid-bind-1', invitationCode: 'K7PQ2M9X' });
    expect(first.status).toBe(200);
    expect(first.body.me).toMatchObject({ id: person, name: '邀请人' });
    expect(typeof first.body.token).toBe('string');
    const { rows } = await app.db.query('select wechat_openid, invitation_code from people where id = $1', [person]);
    expect(rows).toEqual([{ wechat_openid: 'openid-bind-1', invitation_code: null }]);
    const again = await login({ code: 'ok:openid-bind-1' });
    expect(again.body.me.id).toBe(person);
    expect(wechat.calls.at(-1)).toContain(`appid=${FAKE_APPID}`);
  });

  it('anti-proxy: a used invitation code cannot bind a second WeChat account', async () => {
    await insertPerson(app.db, { name: '已绑定', invitationCode: 'Z9Z9Z9Z9', openid: 'openid-owner' });
    const res = await login({ code: 'ok:openid-intruder', invitationCode: 'Z9Z9Z9Z9' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('WECHAT_ALREADY_BOUND');
  });

  it('an expired or unknown invitation code is refused and binds nothing', async () => {
    const p = await insertPerson(app.db, { name: '过期', invitationCode: 'EXP12345', invitationExpiresAt: '2020-01-01T00:00:00Z' });
    expect((await login({ code: 'ok:openid-x', invitationCode: 'EXP12345' })).body.error.code).toBe('INVITATION_INVALID');
    expect((await login({ code: 'ok:openid-x', invitationCode: 'NOSUCH99' })).body.error.code).toBe('INVITATION_INVALID');
    const { rows } = await app.db.query('select wechat_openid from people where id = $1', [p]);
    expect(rows).toEqual([{ wechat_openid: null }]);
  });

  const failures: Array<[string, string, number, string]> = [
    ['invalid code (40029)', 'invalid', 400, 'WECHAT_CODE_INVALID'],
    ['code already used (40163)', 'used', 400, 'WECHAT_CODE_INVALID'],
    ['rate limit (45011)', 'limit', 429, 'WECHAT_RATE_LIMITED'],
    ['system busy (-1)', 'busy', 503, 'WECHAT_BUSY'],
    ['high-risk user (40226)', 'risky', 403, 'WECHAT_RISKY_USER'],
    ['WeChat answering HTTP 500', 'http500', 503, 'WECHAT_UNAVAILABLE'],
    ['WeChat slower than WECHAT_TIMEOUT_MS', 'slow:3000', 503, 'WECHAT_UNAVAILABLE'],
  ];
  it.each(failures)('%s (code %s) → %i %s with a Chinese message, never a 500', async (_name, code, status, errorCode) => {
    const res = await login({ code });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(errorCode);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a wrong app secret in our configuration is reported as unavailable, not leaked', async () => {
    setEnv(parseEnv({ ...TEST_ENV, WECHAT_SECRET: 'wrong-secret' }));
    try {
      const res = await login({ code: 'ok:someone' });
      expect(res.status).toBe(503);
      expect(JSON.stringify(res.body)).not.toContain('wrong-secret');
    } finally {
      setEnv(parseEnv(TEST_ENV));
    }
  });
});
