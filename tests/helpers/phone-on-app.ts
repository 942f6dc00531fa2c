// The mini-program's services against the real test server (no mock of our stack): Taro.request is routed to
// it, and the phone's session holds a real token, so every answer is validated by the phone's own schemas.
import Taro from '@tarojs/taro';
import { session } from '../../miniapp/src/services/session';
import { tokenFor } from './meeting-builders';
import type { TestApp } from './app';

type RequestOptions = { url: string; method: string; header: Record<string, string>; data?: string };

/** Sends every Taro.request of the services to the test server; undo with jest.restoreAllMocks(). */
export function routePhoneTo(app: TestApp): void {
  jest.spyOn(Taro, 'request').mockImplementation((async (o: RequestOptions) => {
    const res = await fetch(app.url + o.url, { method: o.method, headers: o.header, body: o.data });
    return { statusCode: res.status, data: await res.text(), header: {}, errMsg: 'request:ok' };
  }) as never);
}

/** Signs the phone in as a person: the services send this token. */
export async function signPhoneIn(app: TestApp, personId: string): Promise<void> {
  session.save({ token: await tokenFor(app, personId), expiresAt: '2999-01-01T00:00:00+08:00' });
}
