import Taro from '@tarojs/taro';
import { ApiError } from '../../miniapp/src/services/api-error';
import { createHttpClient } from '../../miniapp/src/services/http';
import { session } from '../../miniapp/src/services/session';
import { INVITATION_REQUIRED, listDevPeople, loginWithWechat } from '../../miniapp/src/services/auth';
import { ZMe, ZLoginResponse } from '../../miniapp/src/services/schemas';

const ME = {
  id: '11111111-1111-4111-8111-111111111111',
  name: '王秀英',
  isOffice: false,
  isObserver: true,
  memberships: [{ orgId: '22222222-2222-4222-8222-222222222222', orgName: '第一党支部', orgKind: 'branch', status: 'full', roles: ['secretary'] }],
};

type RequestOptions = { url: string; method: string; header: Record<string, string>; data?: string };

/** Make Taro.request answer once with a status and a body (sent as text, as the client asks). */
function answer(statusCode: number, body: unknown) {
  return jest.spyOn(Taro, 'request').mockResolvedValueOnce({
    statusCode, data: typeof body === 'string' ? body : JSON.stringify(body), header: {}, errMsg: 'request:ok',
  } as never);
}

function sentOptions(spy: jest.SpyInstance, call = 0): RequestOptions {
  return spy.mock.calls[call]![0] as RequestOptions;
}

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

afterEach(() => {
  jest.restoreAllMocks();
  session.clear();
  session.reset();
});

describe('http client', () => {
  const client = (token: string | null = 'tok-1', onUnauthorized = jest.fn()) =>
    createHttpClient({ baseUrl: 'https://api.example.cn', getToken: () => token, onUnauthorized });

  it('sends the Bearer token and returns the response parsed by the shared schema', async () => {
    const spy = answer(200, ME);
    const me = await client().get('/api/me', ZMe);
    expect(me).toStrictEqual(ME);
    const sent = sentOptions(spy);
    expect(sent.url).toBe('https://api.example.cn/api/me');
    expect(sent.method).toBe('GET');
    expect(sent.header.Authorization).toBe('Bearer tok-1');
    expect(sent.data).toBeUndefined();
  });

  it('sends no Authorization header without a token or with auth: false', async () => {
    const spy = answer(200, ME);
    answer(200, ME);
    await client(null).get('/api/me', ZMe);
    await client('tok-1').get('/api/me', ZMe, { auth: false });
    expect(sentOptions(spy, 0).header.Authorization).toBeUndefined();
    expect(sentOptions(spy, 1).header.Authorization).toBeUndefined();
  });

  it('posts the body as JSON', async () => {
    const spy = answer(200, { token: 't', expiresAt: '2026-03-06T09:30:00+08:00', me: ME });
    await client().post('/api/auth/dev-login', ZLoginResponse, { personId: ME.id });
    const sent = sentOptions(spy);
    expect(sent.method).toBe('POST');
    expect(sent.header['Content-Type']).toBe('application/json');
    expect(sent.data).toBe(JSON.stringify({ personId: ME.id }));
  });

  it('accepts a body the platform already parsed into an object', async () => {
    jest.spyOn(Taro, 'request').mockResolvedValueOnce({ statusCode: 200, data: ME, header: {}, errMsg: 'request:ok' } as never);
    await expect(client().get('/api/me', ZMe)).resolves.toStrictEqual(ME);
  });

  it('turns the error envelope into an ApiError with the server code, Chinese message and fields', async () => {
    answer(422, {
      error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请按提示修改后重试', fields: [{ path: 'personId', message: '格式不正确' }] },
    });
    const e = await caught(client().post('/api/auth/dev-login', ZLoginResponse, { personId: 'x' }));
    expect(e).toBeInstanceOf(ApiError);
    expect({ code: e.code, message: e.message, status: e.status, fields: e.fields }).toStrictEqual({
      code: 'VALIDATION_FAILED',
      message: '提交的内容有误，请按提示修改后重试',
      status: 422,
      fields: [{ path: 'personId', message: '格式不正确' }],
    });
  });

  it('calls onUnauthorized on a 401 and still throws the server message', async () => {
    const onUnauthorized = jest.fn();
    answer(401, { error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } });
    const e = await caught(client('old', onUnauthorized).get('/api/me', ZMe));
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect([e.code, e.message, e.status]).toStrictEqual(['TOKEN_EXPIRED', '登录已过期，请重新登录', 401]);
  });

  it('a failure without an envelope (a proxy page) becomes HTTP_ERROR in Chinese', async () => {
    answer(502, '<html>Bad Gateway</html>');
    const e = await caught(client().get('/api/me', ZMe));
    expect([e.code, e.message, e.status]).toStrictEqual(['HTTP_ERROR', '服务器暂时无法处理请求，请稍后再试', 502]);
  });

  it('a 200 answer that does not match the shared schema is BAD_RESPONSE, not a crash later', async () => {
    answer(200, { ...ME, memberships: [{ orgId: 'not-a-guid' }] });
    const e = await caught(client().get('/api/me', ZMe));
    expect([e.code, e.status]).toStrictEqual(['BAD_RESPONSE', 200]);
  });

  it('a 200 answer that is not JSON is BAD_RESPONSE', async () => {
    answer(200, '<html></html>');
    expect((await caught(client().get('/api/me', ZMe))).code).toBe('BAD_RESPONSE');
  });

  it('a request that never reaches the server is NETWORK_ERROR with status 0', async () => {
    jest.spyOn(Taro, 'request').mockRejectedValueOnce(new Error('request:fail timeout'));
    const e = await caught(client().get('/api/me', ZMe));
    expect([e.code, e.message, e.status]).toStrictEqual(['NETWORK_ERROR', '无法连接服务器，请检查网络后重试', 0]);
  });
});

describe('session', () => {
  it('keeps the token in storage until it expires', () => {
    session.save({ token: 'tok-9', expiresAt: '2026-03-06T10:00:00+08:00' });
    session.reset(); // a fresh start reads storage again
    expect(session.token(Date.parse('2026-03-06T09:59:59+08:00'))).toBe('tok-9');
    expect(session.token(Date.parse('2026-03-06T10:00:00+08:00'))).toBeNull();
    session.reset();
    expect(session.token(Date.parse('2026-03-06T09:00:00+08:00'))).toBeNull();
  });

  it('ignores a malformed stored value', () => {
    Taro.setStorageSync('tingkan.session', { token: 42 });
    session.reset();
    expect(session.token()).toBeNull();
  });
});

describe('auth service', () => {
  it('WeChat login posts the Taro.login code and the trimmed invitation code, then keeps the token', async () => {
    jest.spyOn(Taro, 'login').mockResolvedValueOnce({ code: 'wx-code-1', errMsg: 'login:ok' } as never);
    const spy = answer(200, { token: 'tok-w', expiresAt: '2099-01-01T00:00:00+08:00', me: ME });
    const res = await loginWithWechat('  AB12CD ');
    expect(res.me.name).toBe('王秀英');
    const sent = sentOptions(spy);
    expect(sent.url).toBe('/api/auth/wechat');
    expect(JSON.parse(sent.data!)).toStrictEqual({ code: 'wx-code-1', invitationCode: 'AB12CD' });
    expect(sent.header.Authorization).toBeUndefined();
    expect(session.token()).toBe('tok-w');
  });

  it('a first login without an invitation code surfaces INVITATION_REQUIRED and keeps no token', async () => {
    jest.spyOn(Taro, 'login').mockResolvedValueOnce({ code: 'wx-code-2', errMsg: 'login:ok' } as never);
    answer(403, { error: { code: INVITATION_REQUIRED, message: '首次登录请输入机关党委办发放的邀请码' } });
    const e = await caught(loginWithWechat());
    expect([e.code, e.message]).toStrictEqual([INVITATION_REQUIRED, '首次登录请输入机关党委办发放的邀请码']);
    expect(session.token()).toBeNull();
  });

  it('a failing Taro.login is WECHAT_LOGIN_FAILED and calls no API', async () => {
    jest.spyOn(Taro, 'login').mockRejectedValueOnce(new Error('login:fail'));
    const request = jest.spyOn(Taro, 'request');
    expect((await caught(loginWithWechat())).code).toBe('WECHAT_LOGIN_FAILED');
    expect(request).not.toHaveBeenCalled();
  });

  it('the demo people list is null when the server has dev login switched off', async () => {
    answer(403, { error: { code: 'DEV_LOGIN_DISABLED', message: '演示登录未开启' } });
    await expect(listDevPeople()).resolves.toBeNull();
  });

  it('the demo people list is validated and returned when dev login is on', async () => {
    answer(200, { people: [{ id: ME.id, name: '王秀英', label: '第一党支部书记' }] });
    await expect(listDevPeople()).resolves.toStrictEqual([{ id: ME.id, name: '王秀英', label: '第一党支部书记' }]);
  });
});
