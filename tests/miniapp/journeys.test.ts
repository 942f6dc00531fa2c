import Taro from '@tarojs/taro';
import { ApiError } from '../../miniapp/src/services/api-error';
import { checkIn, scanQrCode } from '../../miniapp/src/services/checkins';
import { EMPTY_DRAFT, flushPendingNotes, loadMyNotes, pendingNotes, resetNotesMemory, saveNotes } from '../../miniapp/src/services/notes';
import { session } from '../../miniapp/src/services/session';

const OBS = 'e2e00000-0000-4000-8000-000000000002';
const ME = 'acd5db04-2225-4583-97fe-79117c119a13';
const MEETING = 'e2e00000-0000-4000-8000-000000000001';

type Sent = { url: string; method: string; data?: string };

function answer(statusCode: number, body: unknown) {
  return jest.spyOn(Taro, 'request').mockResolvedValueOnce({ statusCode, data: JSON.stringify(body), header: {}, errMsg: 'request:ok' } as never);
}
function offline() {
  return jest.spyOn(Taro, 'request').mockRejectedValueOnce(new Error('request:fail'));
}
const sent = (spy: jest.SpyInstance, i: number) => spy.mock.calls[i]![0] as Sent;

function note(revision: number, topicContent = '') {
  return {
    authorId: ME, authorName: '刘磊峰', topicContent, speechQuality: '', conduct: '', satisfaction: '',
    facts: { topic: '', attendees: '', format: '', discussion: '' }, revision, updatedAt: '2026-03-06T09:40:00+08:00',
  };
}

beforeEach(() => {
  session.save({ token: 'tok', expiresAt: '2999-01-01T00:00:00+08:00' });
});
afterEach(() => {
  jest.restoreAllMocks();
  Taro.clearStorageSync();
  session.reset();
  resetNotesMemory();
});

describe('check-in service', () => {
  it('posts the scanned payload with the meeting of the page and returns the server answer', async () => {
    const spy = answer(200, { meetingId: MEETING, as: 'observer', already: false, checkedInAt: '2026-03-06T09:31:00+08:00', messageZh: '签到成功（09:31）' });
    const r = await checkIn('TK1.abc.1.sig', MEETING);
    expect(r.already).toBe(false);
    expect(sent(spy, 0).url).toBe('/api/checkins');
    expect(JSON.parse(sent(spy, 0).data!)).toStrictEqual({ payload: 'TK1.abc.1.sig', meetingId: MEETING });
  });

  it('an expired code is the server Chinese message', async () => {
    answer(400, { error: { code: 'QR_EXPIRED', message: '签到码已过期，请扫描会场屏幕上最新的二维码' } });
    await expect(checkIn('TK1.old')).rejects.toMatchObject({ code: 'QR_EXPIRED', message: '签到码已过期，请扫描会场屏幕上最新的二维码' });
  });

  it('scanQrCode outside WeChat never opens a camera (h5 pastes instead)', async () => {
    const spy = jest.spyOn(Taro, 'scanCode');
    await expect(scanQrCode()).resolves.toStrictEqual({ kind: 'cancelled' });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('notes service', () => {
  const draft = { ...EMPTY_DRAFT, topicContent: '主题鲜明' };

  it('a first save sends no revision; the next one sends the revision the server returned', async () => {
    const spy = answer(200, { note: note(1, '主题鲜明') });
    answer(200, { note: note(2, '主题鲜明，贴近实际') });
    expect((await saveNotes(OBS, ME, draft, 1)).state).toBe('saved');
    expect((await saveNotes(OBS, ME, { ...draft, topicContent: '主题鲜明，贴近实际' }, 2)).state).toBe('saved');
    expect(JSON.parse(sent(spy, 0).data!).revision).toBeUndefined();
    expect(sent(spy, 0).method).toBe('PUT');
    expect(sent(spy, 0).url).toBe(`/api/observations/${OBS}/notes`);
    expect(JSON.parse(sent(spy, 1).data!).revision).toBe(1);
    expect(pendingNotes()).toStrictEqual([]);
  });

  it('without network the draft is kept on the phone and sent when flushed', async () => {
    offline();
    expect(await saveNotes(OBS, ME, draft, 1)).toStrictEqual({ state: 'offline' });
    expect(pendingNotes()).toStrictEqual([OBS]);
    const spy = answer(200, { note: note(1, '主题鲜明') });
    expect(await flushPendingNotes()).toStrictEqual({ [OBS]: 'saved' });
    expect(JSON.parse(sent(spy, 0).data!).topicContent).toBe('主题鲜明');
    expect(pendingNotes()).toStrictEqual([]);
  });

  it('a kept draft wins over the server copy when the page opens', async () => {
    offline();
    await saveNotes(OBS, ME, draft, 1);
    answer(200, { observationId: OBS, notes: [note(3, '旧内容')] });
    const loaded = await loadMyNotes(OBS, ME);
    expect(loaded.pending).toBe(true);
    expect(loaded.draft.topicContent).toBe('主题鲜明');
  });

  it('a CONFLICT reads the current revision and sends the newest typing once more', async () => {
    answer(200, { observationId: OBS, notes: [note(4, '别处保存的')] });
    await loadMyNotes(OBS, ME);
    answer(409, { error: { code: 'CONFLICT', message: '数据已被修改，请刷新后重试' } });
    answer(200, { observationId: OBS, notes: [note(5, '别处保存的')] });
    const spy = answer(200, { note: note(6, '主题鲜明') });
    expect((await saveNotes(OBS, ME, draft, 1)).state).toBe('saved');
    expect(JSON.parse(sent(spy, 3).data!).revision).toBe(5);
  });

  it('a refused draft is an error with the server message, still kept', async () => {
    answer(403, { error: { code: 'FORBIDDEN', message: '您不在本次观察小组中' } });
    expect(await saveNotes(OBS, ME, draft, 1)).toStrictEqual({ state: 'error', message: '您不在本次观察小组中' });
    expect(pendingNotes()).toStrictEqual([OBS]);
  });
});

it('ApiError stays the one failure type', () => {
  expect(ApiError.client('NETWORK_ERROR').message).toBe('无法连接服务器，请检查网络后重试');
});
