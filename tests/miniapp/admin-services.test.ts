import Taro from '@tarojs/taro';
import { ApiError } from '../../miniapp/src/services/api-error';
import { session } from '../../miniapp/src/services/session';
import { queryString } from '../../miniapp/src/services/office/query';
import { drawSample, fetchDraws, verifyDraw } from '../../miniapp/src/services/office/sampling';
import { autoAssign, setGroup } from '../../miniapp/src/services/office/observations';
import { fetchCompliance, fetchDeadlines } from '../../miniapp/src/services/office/reports';
import { savePolicy } from '../../miniapp/src/services/office/policy';
import { canExportOn, downloadExport, exportPath, fileNameFrom } from '../../miniapp/src/services/office/exports';
import { doneText, fallbackName, observationExports } from '../../miniapp/src/pkg-admin/pages/exports/exports-logic';

type Sent = { url: string; method: string; header: Record<string, string>; data?: string };
const OBS = '5937c851-23e8-4e45-86b4-65020e6d1b47';
const DRAW = {
  id: 'c4ce4f52-108b-4e66-93ea-a2b2f5422aa1', scopeOrgId: 'bab2f24a-d199-4fcc-997e-01ea3f41a3aa', year: 2026, seed: '2026-旁听-835b9de1',
  algorithm: 'strat-v1', rate: 0.35, branchIds: [], branches: [], population: 13, target: 5, perDepartment: [], inputFingerprint: 'ccd4bf3f',
  drawnBy: null, drawnByName: null, drawnAt: '2026-11-23T10:00:00+08:00', supersededBy: null, redrawReason: null,
};

function answer(statusCode: number, body: unknown) {
  return jest.spyOn(Taro, 'request').mockResolvedValueOnce({ statusCode, data: JSON.stringify(body), header: {}, errMsg: 'request:ok' } as never);
}
const sent = (spy: jest.SpyInstance, i = 0) => spy.mock.calls[i]![0] as Sent;
/** Every answer() spies on the same Taro.request: the request just made is its last call. */
const last = (spy: jest.SpyInstance) => spy.mock.calls.at(-1)![0] as Sent;
async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

beforeEach(() => session.save({ token: 'tok-office', expiresAt: '2099-01-01T00:00:00+08:00' }));
afterEach(() => {
  jest.restoreAllMocks();
  session.clear();
  session.reset();
});

describe('office services (D7: pages never call Taro.request)', () => {
  it('query strings leave out what is not given and escape the rest', () => {
    expect(queryString({ year: 2026, q: undefined, by: 'branch', state: 'due_soon,overdue' })).toBe('?year=2026&by=branch&state=due_soon%2Coverdue');
    expect(queryString({ a: undefined })).toBe('');
  });

  it('draws with the seed trimmed and no empty fields; a redraw sends its reason (CALC-1)', async () => {
    const spy = answer(201, { draw: DRAW, result: { population: 13, target: 5, perDepartment: [], inputFingerprint: 'ccd4bf3f' } });
    answer(201, { draw: DRAW, result: { population: 13, target: 5, perDepartment: [], inputFingerprint: 'ccd4bf3f' } });
    const res = await drawSample({ year: 2026, seed: '  ' });
    expect(res.result.target).toBe(5);
    await drawSample({ year: 2026, seed: ' 摇号 0312 ', reason: ' 支部调整 ' });
    expect([sent(spy, 0).method, sent(spy, 0).url, sent(spy, 0).data]).toEqual(['POST', '/api/samples', JSON.stringify({ year: 2026 })]);
    expect(sent(spy, 1).data).toBe(JSON.stringify({ year: 2026, seed: '摇号 0312', reason: '支部调整' }));
    expect(sent(spy, 0).header.Authorization).toBe('Bearer tok-office');
  });

  it('SAMPLE_ALREADY_DRAWN comes back as the server said it; an answer of the wrong shape is BAD_RESPONSE', async () => {
    answer(409, { error: { code: 'SAMPLE_ALREADY_DRAWN', message: '本年度已经抽查过，重新抽查须说明理由' } });
    const e = await caught(drawSample({ year: 2026 }));
    expect([e.code, e.status, e.message]).toEqual(['SAMPLE_ALREADY_DRAWN', 409, '本年度已经抽查过，重新抽查须说明理由']);
    answer(200, { year: 2026, current: [{ ...DRAW, seed: undefined }], history: [] });
    expect((await caught(fetchDraws(2026))).code).toBe('BAD_RESPONSE');
    const verify = answer(200, { drawId: DRAW.id, matches: true, seed: DRAW.seed, algorithm: 'strat-v1', recordedBranchIds: [], rerunBranchIds: [], inputFingerprint: 'x' });
    await verifyDraw(DRAW.id);
    expect(last(verify).url).toBe(`/api/samples/${DRAW.id}/verify`);
  });

  it('a hand-made group is PUT; a conflict of interest keeps the fields that name the member (OBS-8)', async () => {
    const spy = answer(409, { error: { code: 'CONFLICT_OF_INTEREST', message: '观察人员不得观摩本人所在的支部', fields: [{ path: 'members.0.personId', message: '不得观摩本人所在的支部' }] } });
    const e = await caught(setGroup(OBS, [{ personId: '1226ee31-0c1d-4bf1-986f-9a99783a6356', isLeader: true }]));
    expect(e.fields).toEqual([{ path: 'members.0.personId', message: '不得观摩本人所在的支部' }]);
    expect([sent(spy).method, sent(spy).url]).toEqual(['PUT', `/api/groups/${OBS}`]);
    answer(409, { error: { code: 'POOL_TOO_SMALL', message: '需要 3 人，符合条件的只有 2 人' } });
    expect((await caught(autoAssign(OBS))).code).toBe('POOL_TOO_SMALL');
  });

  it('reports ask for the year, the grouping and the page', async () => {
    const board = { year: 2026, today: '2026-11-23', by: 'observer', states: ['due_soon', 'overdue'], total: 0, limit: 500, offset: 0, groups: [], untracked: [], beyondCalendar: [] };
    const spy = answer(200, board);
    await fetchDeadlines(2026, 'observer');
    expect(sent(spy).url).toBe('/api/deadlines?year=2026&by=observer&state=due_soon%2Coverdue&limit=500');
    const c = answer(200, { period: { start: '2026-01-01', end: '2026-12-31' }, asOf: '2026-11-23', total: 0, limit: 20, offset: 40, coverage: { departmentsWithoutXunting: [], branchesNeverObserved: [], ok: true }, branches: [] });
    await fetchCompliance(2026, { limit: 20, offset: 40 });
    expect(last(c).url).toBe('/api/compliance?year=2026&period=year&limit=20&offset=40');
  });

  it('POLICY_INVALID brings the fields at fault (D4)', async () => {
    const spy = answer(400, { error: { code: 'POLICY_INVALID', message: '制度参数不合规', fields: [{ path: 'samplingRate', message: '不能大于 1' }] } });
    const e = await caught(savePolicy({ samplingRate: 1.5 }, ' 试试 '));
    expect(e.fields).toEqual([{ path: 'samplingRate', message: '不能大于 1' }]);
    expect(JSON.parse(sent(spy).data!)).toEqual({ value: { samplingRate: 1.5 }, reason: '试试' });
  });
});

describe('exports as files (h5: fetch + anchor; weapp: downloadFile + openDocument)', () => {
  const XLSX_NAME = '2026年组织生活巡听旁听备案表.xlsx';
  const disposition = `attachment; filename="2026____________.xlsx"; filename*=UTF-8''${encodeURIComponent(XLSX_NAME)}`;

  it('reads the UTF-8 file name the server sends, else the plain one, else the fallback', () => {
    expect(fileNameFrom(disposition, 'x.xlsx')).toBe(XLSX_NAME);
    expect(fileNameFrom('attachment; filename="plain.xlsx"', 'x.xlsx')).toBe('plain.xlsx');
    expect(fileNameFrom(null, 'x.xlsx')).toBe('x.xlsx');
    expect(exportPath({ kind: 'pingyi', observationId: OBS })).toBe(`/api/exports/pingyi?observationId=${OBS}`);
    expect(exportPath({ kind: 'beian', year: 2026 })).toBe('/api/exports/beian?year=2026');
  });

  it('h5: fetches with the token and saves the blob through an anchor with the file name', async () => {
    jest.useFakeTimers();
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response('PK-bytes', { status: 200, headers: { 'content-disposition': disposition } }));
    const revoke = jest.spyOn(URL, 'revokeObjectURL');
    const anchor = { href: '', download: '', rel: '', style: { display: '' }, click: jest.fn(), remove: jest.fn() };
    const appended: unknown[] = [];
    (globalThis as Record<string, unknown>).document = { createElement: () => anchor, body: { appendChild: (a: unknown) => appended.push(a) } };
    try {
      const name = await downloadExport({ kind: 'beian', year: 2026 }, fallbackName({ kind: 'beian', year: 2026 }), 'h5');
      expect(name).toBe(XLSX_NAME);
      expect(fetchSpy.mock.calls[0]![0]).toBe('/api/exports/beian?year=2026');
      expect(fetchSpy.mock.calls[0]![1]).toEqual({ headers: { Authorization: 'Bearer tok-office' } });
      expect(anchor.download).toBe(XLSX_NAME);
      expect(anchor.href).toMatch(/^blob:/);
      expect(anchor.click).toHaveBeenCalledTimes(1);
      expect(appended).toEqual([anchor]);
      jest.runAllTimers();
      expect(revoke).toHaveBeenCalledWith(anchor.href);
    } finally {
      delete (globalThis as Record<string, unknown>).document;
      jest.useRealTimers();
    }
  });

  it('h5: a file too large to answer inline comes as a signed link, which is followed as is (D9)', async () => {
    const body = JSON.stringify({ url: '/api/exports/files/ticket.sig', expiresAt: '2026-11-23T11:00:00+08:00', bytes: 5_000_000 });
    jest.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response(body, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } }));
    const anchor = { href: '', download: '', rel: '', style: { display: '' }, click: jest.fn(), remove: jest.fn() };
    (globalThis as Record<string, unknown>).document = { createElement: () => anchor, body: { appendChild: () => undefined } };
    try {
      expect(await downloadExport({ kind: 'beian', year: 2026 }, 'a.xlsx', 'h5')).toBe('a.xlsx');
      expect([anchor.href, anchor.download, anchor.click.mock.calls.length]).toEqual(['/api/exports/files/ticket.sig', 'a.xlsx', 1]);
    } finally {
      delete (globalThis as Record<string, unknown>).document;
    }
  });

  it('h5: the error envelope instead of a file becomes the server\'s message', async () => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: '这次观摩还没有人提交评议表' } }), { status: 400 }));
    const e = await caught(downloadExport({ kind: 'pingyi', observationId: OBS }, 'x.xlsx', 'h5'));
    expect([e.code, e.status, e.message]).toEqual(['VALIDATION_FAILED', 400, '这次观摩还没有人提交评议表']);
  });

  describe('weapp', () => {
    const t = Taro as unknown as Record<string, unknown>;
    afterEach(() => { delete t.downloadFile; delete t.openDocument; delete t.getFileSystemManager; });

    it('downloads with the token and opens the sheet in WeChat', async () => {
      t.downloadFile = jest.fn().mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp_1.xlsx' });
      t.openDocument = jest.fn().mockResolvedValue({});
      const name = await downloadExport({ kind: 'renyuanku' }, '组织生活巡听旁听人员库.xlsx', 'weapp');
      expect(name).toBe('组织生活巡听旁听人员库.xlsx');
      expect(t.downloadFile).toHaveBeenCalledWith({ url: '/api/exports/renyuanku', header: { Authorization: 'Bearer tok-office' } });
      expect(t.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp_1.xlsx', fileType: 'xlsx', showMenu: true });
    });

    it('a signed link instead of the file (D9): that link is downloaded, without the token, and opened', async () => {
      const first = Object.assign(Promise.resolve({ statusCode: 200, tempFilePath: 'wxfile://tmp_3' }), {
        onHeadersReceived: (cb: (r: { header: Record<string, string> }) => void) => cb({ header: { 'Content-Type': 'application/json; charset=utf-8' } }),
      });
      t.downloadFile = jest.fn().mockReturnValueOnce(first).mockResolvedValueOnce({ statusCode: 200, tempFilePath: 'wxfile://tmp_4.xlsx' });
      t.getFileSystemManager = () => ({ readFileSync: () => JSON.stringify({ url: 'https://x.supabase.co/storage/v1/object/sign/exports/a.xlsx?token=t', expiresAt: '2026-11-23T11:00:00+08:00', bytes: 5_000_000 }) });
      t.openDocument = jest.fn().mockResolvedValue({});
      await downloadExport({ kind: 'beian', year: 2026 }, 'a.xlsx', 'weapp');
      expect((t.downloadFile as jest.Mock).mock.calls[1]).toEqual([{ url: 'https://x.supabase.co/storage/v1/object/sign/exports/a.xlsx?token=t', header: {} }]);
      expect(t.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp_4.xlsx', fileType: 'xlsx', showMenu: true });
    });

    it('a refusal is read from the downloaded file; a 401 signs out', async () => {
      t.downloadFile = jest.fn().mockResolvedValue({ statusCode: 401, tempFilePath: 'wxfile://tmp_2' });
      t.getFileSystemManager = () => ({ readFileSync: () => JSON.stringify({ error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } }) });
      t.openDocument = jest.fn();
      const e = await caught(downloadExport({ kind: 'renyuanku' }, 'x.xlsx', 'weapp'));
      expect([e.code, e.message]).toEqual(['TOKEN_EXPIRED', '登录已过期，请重新登录']);
      expect(t.openDocument).not.toHaveBeenCalled();
      expect(session.token()).toBeNull();
    });

    it('the HTML report is offered in the browser only', () => {
      expect([canExportOn('report', 'weapp'), canExportOn('report', 'h5'), canExportOn('pingyi', 'weapp')]).toEqual([false, true, true]);
      expect(observationExports({ rubric: 'guancha_3' }, 'weapp')).toEqual([{ kind: 'guancha', label: '观察评价表' }]);
      expect(observationExports({ rubric: 'pingyi_5' }, 'h5').map((x) => x.kind)).toEqual(['pingyi', 'report']);
      expect(fallbackName({ kind: 'report', observationId: OBS }, '财政局预算科党支部')).toBe('财政局预算科党支部观摩报告.html');
      expect(doneText('a.xlsx', 'weapp')).toBe('已打开“a.xlsx”，可点右上角“…”转发或保存到手机。');
    });
  });
});
