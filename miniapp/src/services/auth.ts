import Taro from '@tarojs/taro';
import {
  ZDevPeopleResponse, ZLoginResponse, ZMe,
  type TDevLoginRequest, type TDevPeopleResponse, type TLoginResponse, type TMe, type TWechatLoginRequest,
} from './schemas';
import { api } from './api';
import { ApiError, isApiError } from './api-error';
import { session } from './session';

/** The server's answer when an unknown WeChat user logs in without an invitation code. */
export const INVITATION_REQUIRED = 'INVITATION_REQUIRED';

/** WeChat login exists only inside WeChat; the browser (h5) uses the demo login or nothing. */
export const wechatLoginAvailable = process.env.TARO_ENV === 'weapp';

export type TDevPerson = TDevPeopleResponse['people'][number];

export function isLoggedIn(): boolean {
  return session.token() !== null;
}

function remember(res: TLoginResponse): TLoginResponse {
  session.save({ token: res.token, expiresAt: res.expiresAt });
  return res;
}

/** Taro.login → POST /api/auth/wechat. Throws ApiError(INVITATION_REQUIRED) on a first login without a code. */
export async function loginWithWechat(invitationCode?: string): Promise<TLoginResponse> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    throw ApiError.client('WECHAT_LOGIN_FAILED');
  }
  if (!code) throw ApiError.client('WECHAT_LOGIN_FAILED');
  const trimmed = invitationCode?.trim();
  const body: TWechatLoginRequest = trimmed ? { code, invitationCode: trimmed } : { code };
  return remember(await api.post('/api/auth/wechat', ZLoginResponse, body, { auth: false }));
}

/** The demo people, or null when the server has dev login switched off (the normal case). */
export async function listDevPeople(): Promise<TDevPerson[] | null> {
  try {
    const res = await api.get('/api/auth/dev-people', ZDevPeopleResponse, { auth: false });
    return res.people;
  } catch (e) {
    if (isApiError(e)) return null;
    throw e;
  }
}

export async function devLogin(personId: string): Promise<TLoginResponse> {
  const body: TDevLoginRequest = { personId };
  return remember(await api.post('/api/auth/dev-login', ZLoginResponse, body, { auth: false }));
}

export function fetchMe(): Promise<TMe> {
  return api.get('/api/me', ZMe);
}

export function logout(): void {
  session.clear();
}
