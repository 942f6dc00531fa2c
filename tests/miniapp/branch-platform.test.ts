// 提醒我 and photo evidence: the services' platform calls (Taro stand-in, tests/miniapp/taro-mock.ts).
import Taro from '@tarojs/taro';
import { session } from '../../miniapp/src/services/session';

type Sent = { url: string; method: string; header: Record<string, string>; data?: unknown };
type TaroStandIn = typeof Taro;
const TEMPLATES = { deadline: 'TMPL-DEADLINE', rectification: 'TMPL-RECT' };

function answer(statusCode: number, body: unknown, taro: typeof Taro = Taro) {
  return jest.spyOn(taro, 'request').mockResolvedValueOnce({ statusCode, data: JSON.stringify(body), header: {}, errMsg: 'request:ok' } as never);
}
const sent = (spy: jest.SpyInstance, i: number) => spy.mock.calls[i]![0] as Sent;
/** Gives the stand-in a platform call it lacks. */
const give = (taro: TaroStandIn, name: string, impl: unknown) => { (taro as unknown as Record<string, unknown>)[name] = impl; };

/**
 * The services as built for WeChat (isWeapp is read when the module loads), with the Taro stand-in that
 * copy uses; the stand-in has no subscribe or file calls, so each test gives the ones it needs.
 */
function inWeapp<T>(path: string): { mod: T; taro: TaroStandIn } {
  const before = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  try {
    let loaded: { mod: T; taro: TaroStandIn } | undefined;
    jest.isolateModules(() => {
      loaded = { mod: require(path) as T, taro: (require('@tarojs/taro') as { default: TaroStandIn }).default };
    });
    return loaded!;
  } finally {
    process.env.TARO_ENV = before;
  }
}
type Reminders = typeof import('../../miniapp/src/services/reminders');
type Evidence = typeof import('../../miniapp/src/services/evidence');
const REMINDERS = '../../miniapp/src/services/reminders';
const EVIDENCE_SERVICE = '../../miniapp/src/services/evidence';

beforeEach(() => session.save({ token: 'tok', expiresAt: '2999-01-01T00:00:00+08:00' }));
afterEach(() => {
  jest.restoreAllMocks();
  session.clear();
});

describe('提醒我 (D9)', () => {
  it('in the browser nothing is asked and nothing is recorded', async () => {
    const { remindMe } = await import('../../miniapp/src/services/reminders');
    const request = jest.spyOn(Taro, 'request');
    await expect(remindMe(['deadline'], TEMPLATES)).resolves.toStrictEqual({ kind: 'unsupported' });
    expect(request).not.toHaveBeenCalled();
  });

  it('in WeChat it asks for the templates first, then records only the accepted ones', async () => {
    const { mod: { remindMe }, taro } = inWeapp<Reminders>(REMINDERS);
    const ask = jest.fn().mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'TMPL-DEADLINE': 'accept', 'TMPL-RECT': 'reject' });
    give(taro, 'requestSubscribeMessage', ask);
    const spy = answer(201, { consents: { deadline: 2 } }, taro);
    await expect(remindMe(['deadline', 'rectification', 'deadline'], TEMPLATES)).resolves.toStrictEqual({ kind: 'subscribed', keys: ['deadline'], consents: { deadline: 2 } });
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['TMPL-DEADLINE', 'TMPL-RECT'] });
    expect([sent(spy, 0).url, JSON.parse(sent(spy, 0).data as string)]).toStrictEqual(['/api/reminders/subscribe', { templateKeys: ['deadline'] }]);
  });

  it('a refusal records nothing; no template configured asks nothing; a WeChat failure is reported', async () => {
    const { mod: { remindMe }, taro } = inWeapp<Reminders>(REMINDERS);
    const request = jest.spyOn(taro, 'request');
    give(taro, 'requestSubscribeMessage', jest.fn().mockResolvedValue({ 'TMPL-RECT': 'reject' }));
    await expect(remindMe(['rectification'], TEMPLATES)).resolves.toStrictEqual({ kind: 'declined' });
    await expect(remindMe(['rectification'], { deadline: 'TMPL-DEADLINE', rectification: null })).resolves.toStrictEqual({ kind: 'not_configured' });
    give(taro, 'requestSubscribeMessage', jest.fn().mockRejectedValue(new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture')));
    await expect(remindMe(['deadline'], TEMPLATES)).resolves.toStrictEqual({ kind: 'failed' });
    expect(request).not.toHaveBeenCalled();
  });
});

describe('photo evidence (D2, FB-2)', () => {
  const EVIDENCE = 'e2e00000-0000-4000-8000-0000000000e1';
  const MEETING = 'e2e00000-0000-4000-8000-000000000001';
  const ticket = (backend: 'local' | 'supabase', url: string) => ({
    evidence: { id: EVIDENCE, meetingId: MEETING, kind: 'photo', contentType: 'image/png', sizeBytes: 4, storagePath: `meetings/${MEETING}/x.png`, createdAt: '2026-03-25T10:00:00+08:00' },
    upload: { backend, method: 'PUT', url, headers: { 'content-type': 'image/png' }, expiresAt: '2026-03-25T10:15:00+08:00' },
  });

  it('WeChat: registers the photo on the observed meeting, PUTs the file bytes to the ticket, returns the evidence id', async () => {
    const { mod: { pickPhoto, uploadPhoto }, taro } = inWeapp<Evidence>(EVIDENCE_SERVICE);
    give(taro, 'chooseImage', jest.fn().mockResolvedValue({ tempFiles: [{ path: 'wxfile://tmp/abc.png', size: 4 }] }));
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]).buffer;
    give(taro, 'getFileSystemManager', () => ({ readFile: (o: { success: (r: { data: ArrayBuffer }) => void }) => o.success({ data: bytes }) }));
    const photo = await pickPhoto();
    expect(photo).toStrictEqual({ path: 'wxfile://tmp/abc.png', sizeBytes: 4, contentType: 'image/png' });
    const spy = answer(201, ticket('supabase', 'https://x.supabase.co/storage/v1/object/upload/sign/evidence/x.png?token=t'), taro);
    answer(200, { Key: 'evidence/x.png' }, taro);
    await expect(uploadPhoto(MEETING, photo!)).resolves.toBe(EVIDENCE);
    expect([sent(spy, 0).url, JSON.parse(sent(spy, 0).data as string)]).toStrictEqual([
      `/api/meetings/${MEETING}/evidence`, { kind: 'photo', contentType: 'image/png', sizeBytes: 4, fileName: '整改佐证照片' },
    ]);
    expect(sent(spy, 1)).toMatchObject({ url: 'https://x.supabase.co/storage/v1/object/upload/sign/evidence/x.png?token=t', method: 'PUT', header: { 'content-type': 'image/png' }, data: bytes });
  });

  it('a storage refusal is UPLOAD_FAILED in Chinese; a closed picker is null', async () => {
    const { mod: { pickPhoto, uploadPhoto }, taro } = inWeapp<Evidence>(EVIDENCE_SERVICE);
    give(taro, 'chooseImage', jest.fn().mockRejectedValue(new Error('chooseImage:fail cancel')));
    await expect(pickPhoto()).resolves.toBeNull();
    give(taro, 'getFileSystemManager', () => ({ readFile: (o: { success: (r: { data: ArrayBuffer }) => void }) => o.success({ data: new ArrayBuffer(4) }) }));
    answer(201, ticket('local', '/api/uploads/abc.sig'), taro);
    const put = answer(400, { error: { code: 'UPLOAD_MISMATCH', message: 'x' } }, taro);
    await expect(uploadPhoto(MEETING, { path: 'wxfile://tmp/a.jpg', sizeBytes: 4, contentType: 'image/jpeg' }))
      .rejects.toMatchObject({ code: 'UPLOAD_FAILED', message: '照片上传没有成功，请检查网络后重试', status: 400 });
    // Locally the ticket is API-relative: it goes to the same API base as every other call.
    expect(sent(put, 1).url).toBe('/api/uploads/abc.sig');
  });
});
