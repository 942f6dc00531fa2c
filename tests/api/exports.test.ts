import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setClock } from '../../api/_lib/clock';
import { parseEnv, setEnv } from '../../api/_lib/env';
import { signTicket } from '../../api/_lib/storage';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import { startFakeStorage } from '../helpers/fake-storage';
import { assign, insertMeeting, insertObservation, observedMeeting, tokenFor } from '../helpers/meeting-builders';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>>;
let guanchaObs = '';
const tok: Record<string, string> = {};

async function download(path: string, token: string | undefined) {
  const res = await fetch(app.url + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

beforeAll(async () => {
  app = await startTestApp();
  // A 巡听 of 甲 scored on the 5-criterion 评议表 (SCORE-1), and a 观察员 visit scored on the 观察评价表 (SCORE-2).
  w = await observedMeeting(app.db, { mode: 'xunting', rubric: 'pingyi_5' });
  await app.db.query("update people set gender = 'female', mobile = '13900001111' where id = $1", [w.office]);
  await app.db.query(
    `insert into observation_candidates (org_id, year, kind, topic, planned_at, place, contact_name, contact_phone, preferred_mode)
     values ($1, 2026, 'party_lecture', '学习新党章', '2026-05-08T14:30:00+08:00', '五楼报告厅', '甲书记', '0519-88001234', 'pangting')`, [w.branchA]);
  guanchaObs = await insertObservation(app.db, { meetingId: await insertMeeting(app.db, { orgId: w.branchB, startsAt: '2026-04-10T09:00:00+08:00', topic: '主题党日' }) });
  await assign(app.db, guanchaObs, w.office, true);
  for (const [k, id] of Object.entries({ office: w.office, secA: w.secretaryA, obsB: w.committeeB })) tok[k] = await tokenFor(app, id);
  setClock('2026-03-16T09:00:00+08:00');
  const pingyiSheet = (n: number) => ({ scores: { content: n, form: 15, procedure: 14, effect: 9, innovation: 4 }, texts: { opinion: '程序规范，创新不足' } });
  await app.request('POST', `/api/observations/${w.observation}/sheets`, { token: tok.obsB, body: pingyiSheet(18) });
  await app.request('POST', `/api/observations/${w.observation}/sheets`, { token: tok.office, body: pingyiSheet(16) });
  await app.request('POST', `/api/feedback/${w.observation}`, { token: tok.office, body: { evaluation: '会议程序规范，<创新>不足。' } });
  await app.request('POST', `/api/observations/${guanchaObs}/sheets`, { token: tok.office, body: {
    scores: { leadership: 18, quality: 12, outcome: 7 }, texts: { strengths: '准备充分', shortcomings: '讨论不深入', suggestions: '提前布置发言题目' } } });
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

describe('GET /api/exports/[kind]: the annexes as .xlsx', () => {
  it('备案表 (annex 1): merged title, the annex\'s headers in order, one row per candidate, A4 landscape', async () => {
    const res = await download('/api/exports/beian?year=2026', tok.office);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="2026${'_'.repeat(12)}.xlsx"; filename*=UTF-8''${encodeURIComponent('2026年组织生活巡听旁听备案表.xlsx')}`);
    const ws = (await workbook(res.bytes)).getWorksheet('备案表')!;
    expect(ws.getCell('A1').value).toBe('区级机关组织生活巡听旁听备案表');
    expect(ws.getCell('A1').isMerged && ws.getCell('F1').master.address).toBe('A1');
    expect(rowValues(ws, 2)).toEqual(['序号', '基层党组织名称', '组织生活类型和主题', '时间及地点', '联系人及联系电话', '巡听\n(旁听)']);
    expect(rowValues(ws, 3)).toEqual([1, '甲党支部', '党课：学习新党章', '2026-05-08 14:30\n五楼报告厅', '甲书记 0519-88001234', '旁听']);
    expect(ws.getCell('B3').border.left?.style).toBe('thin');
    expect(ws.getColumn(2).width).toBe(26);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
  });

  it('人员库 (annex 2): the filler line, the headers, full mobiles for office staff', async () => {
    const ws = (await workbook((await download('/api/exports/renyuanku', tok.office)).bytes)).getWorksheet('人员库')!;
    expect(ws.getCell('A1').value).toBe('区级机关组织生活巡听旁听人员库');
    expect(ws.getCell('A2').value).toBe('单位名称：测试机关工委； 填表人：办公室干部； 联系电话：13900001111');
    expect(rowValues(ws, 3)).toEqual(['序号', '姓名', '性别', '单位及职务', '手机号码', '巡听\n(旁听)']);
    expect(rowValues(ws, 6)).toEqual([3, '办公室干部', '女', '机关党委办 干部', '13900001111', '巡听、旁听']);
  });

  it('评议表 (annex 3): one sheet per observer, the score in its band\'s column, total and opinion (SCORE-1)', async () => {
    const wb = await workbook((await download(`/api/exports/pingyi?observationId=${w.observation}`, tok.office)).bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['办公室干部', '乙委员']);
    const ws = wb.getWorksheet('乙委员')!;
    expect(ws.getCell('A1').value).toBe('区级机关组织生活巡听旁听评议表');
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('E2').master.address]).toEqual(['单位名称', '测试局党组', 'B2']);
    expect(['A3', 'B3', 'C3', 'D3'].map((a) => ws.getCell(a).value)).toEqual(['被评议党组织', '甲党支部', '巡听（旁听）', '巡听']);
    expect(['A4', 'B4', 'C4', 'D4'].map((a) => ws.getCell(a).value)).toEqual(['组织生活类型', '支部党员大会', '参加人数', 0]);
    expect(rowValues(ws, 7)).toEqual(['', '好\n(15-20)', '较好\n(10-15)', '一般\n(5-10)', '较差\n(0-5)']);
    expect(rowValues(ws, 8)).toEqual(['组织生活内容', 18, '', '', '']);
    expect(rowValues(ws, 10)).toEqual(['组织生活程序', '', 14, '', '']);
    expect(rowValues(ws, 12)).toEqual(['组织生活创新', '', '', '', 4]);
    expect(ws.getCell('A13').value).toBe('总分');
    expect(ws.getCell('B13').value).toBe(60);
    expect(ws.getCell('B14').value).toBe('程序规范，创新不足');
    expect(ws.getCell('B15').value).toBe('办公室干部、乙委员');
  });

  it('观察评价表 (001): the three areas with the group means and bands, strengths, shortcomings, advice (SCORE-2)', async () => {
    const ws = (await workbook((await download(`/api/exports/guancha?observationId=${guanchaObs}`, tok.office)).bytes)).getWorksheet('观察评价表')!;
    expect(ws.getCell('A1').value).toBe('“三会一课”观察评价表');
    expect(rowValues(ws, 6)).toEqual(['评价项目', '平均分', '最低分', '最高分', '等次']);
    expect(rowValues(ws, 7)).toEqual(['组织领导', 18, 18, 18, '好']);
    expect(rowValues(ws, 9)).toEqual(['活动效果', 7, 7, 7, '一般']);
    expect(ws.getCell('B11').value).toBe('准备充分');
    expect(ws.getCell('B13').value).toBe('提前布置发言题目');
  });
});

describe('GET /api/exports/report: a printable observation report', () => {
  it('an HTML page with print CSS, the facts, the group, scores with bands and the escaped written evaluation', async () => {
    const res = await download(`/api/exports/report?observationId=${w.observation}`, tok.office);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('甲党支部观摩报告.html')}`);
    const html = res.bytes.toString('utf8');
    expect(html).toContain('<h1>甲党支部组织生活巡听情况报告</h1>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<tr><td>组织生活内容</td><td>17</td><td>16–18</td><td>好</td></tr>');
    expect(html).toContain('办公室干部（组长）、乙委员');
    expect(html).toContain('会议程序规范，&lt;创新&gt;不足。');
    expect(html).not.toContain('<创新>');
  });
});

describe('who may export, and bad input', () => {
  it('anyone but office staff → 403 (JSON envelope)', async () => {
    for (const t of [tok.secA, tok.obsB]) {
      const res = await app.request('GET', '/api/exports/renyuanku', { token: t });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it.each([
    ['/api/exports/beian', 'year', '请选择年份'],
    ['/api/exports/pingyi', 'observationId', '请选择一次观摩'],
    ['/api/exports/annual?year=2026', 'kind', '取值不在允许范围内'],
    ['/api/exports/beian?year=1999', 'year', '不能小于 2000'],
  ])('%s → 400 naming %s in Chinese', async (path, field, message) => {
    const res = await app.request('GET', path, { token: tok.office });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual({ path: field, message });
  });

  it('a 评议表 of an observation scored on the 观察评价表 → 400 pointing to the right export', async () => {
    const res = await app.request('GET', `/api/exports/pingyi?observationId=${guanchaObs}`, { token: tok.office });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('这次观摩使用观察评价表，请导出“观察评价表”');
  });
});

describe('an export over EXPORT_INLINE_MAX_BYTES goes to Storage and is answered with a signed URL (D9)', () => {
  const uploadDir = mkdtempSync(join(tmpdir(), 'tingkan-exports-'));
  // The threshold set low, so the small test 备案表 (~7 KB) takes the path a province-sized one (> 4.5 MB) takes.
  const small = { NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1', UPLOAD_DIR: uploadDir, EXPORT_INLINE_MAX_BYTES: '1000' };
  const NAME = '2026年组织生活巡听旁听备案表.xlsx';
  let inline: Buffer;
  let link = '';

  beforeAll(async () => {
    inline = (await download('/api/exports/beian?year=2026', tok.office)).bytes;
    setEnv(parseEnv(small));
  });
  afterAll(() => {
    setEnv(parseEnv({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DEV_LOGIN: '1' }));
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('without Supabase: JSON { url, expiresAt, bytes }, the file in UPLOAD_DIR/exports, the link valid for an hour', async () => {
    const res = await app.request('GET', '/api/exports/beian?year=2026', { token: tok.office });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ url: expect.stringMatching(/^\/api\/exports\/files\/[\w-]+\.[\w-]+$/), expiresAt: '2026-03-16T10:00:00+08:00', bytes: inline.length });
    expect(res.body.bytes).toBeGreaterThan(1000);
    expect(readdirSync(join(uploadDir, 'exports', '2026-03-16'))).toEqual([expect.stringMatching(/^[0-9a-f-]{36}\.xlsx$/)]);
    link = res.body.url;
  });

  it('the link needs no login and downloads the same workbook under its Chinese name', async () => {
    const res = await download(link, undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(NAME)}`);
    expect(res.bytes.length).toBe(inline.length);
    expect((await workbook(res.bytes)).getWorksheet('备案表')!.getCell('A1').value).toBe('区级机关组织生活巡听旁听备案表');
  });

  it('a tampered link or an upload ticket → 403; after an hour → 410', async () => {
    const [payload, mac] = link.replace('/api/exports/files/', '').split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), path: '../../etc/passwd' })).toString('base64url');
    expect((await download(`/api/exports/files/${forged}.${mac}`, undefined)).status).toBe(403);
    const upload = signTicket({ path: JSON.parse(Buffer.from(payload!, 'base64url').toString()).path, contentType: 'image/jpeg', sizeBytes: 4, exp: Date.parse('2026-03-16T12:00:00+08:00') });
    expect((await download(`/api/exports/files/${upload}`, undefined)).status).toBe(403);
    setClock('2026-03-16T10:00:01+08:00');
    expect((await download(link, undefined)).status).toBe(410);
    setClock('2026-03-16T09:00:00+08:00');
  });

  it('with Supabase: uploaded to bucket "exports" with the service key, answered with Storage\'s signed URL that downloads it', async () => {
    const storage = await startFakeStorage();
    setEnv(parseEnv({ ...small, SUPABASE_URL: storage.base, SUPABASE_SERVICE_ROLE_KEY: 'fake-service-role-key' }));
    try {
      const res = await app.request('GET', '/api/exports/beian?year=2026', { token: tok.office });
      expect(res.status).toBe(200);
      const upload = storage.calls[0]!;
      expect(upload).toMatchObject({ method: 'POST', auth: 'Bearer fake-service-role-key', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: inline.length });
      const key = /^\/storage\/v1\/object\/(exports\/2026-03-16\/[0-9a-f-]{36}\.xlsx)$/.exec(upload.url)?.[1];
      expect(key).toBeDefined();
      expect(res.body).toEqual({
        url: `${storage.base}/storage/v1/object/sign/${key}?token=signed-1&download=${encodeURIComponent(NAME)}`,
        expiresAt: '2026-03-16T10:00:00+08:00', bytes: inline.length,
      });
      expect(storage.calls[1]).toMatchObject({ method: 'POST', url: `/storage/v1/object/sign/${key}` });
      const fetched = await fetch(res.body.url);
      expect(Buffer.from(await fetched.arrayBuffer()).length).toBe(inline.length);
      expect(existsSync(join(uploadDir, 'exports', key!.replace('exports/', '')))).toBe(false);
    } finally {
      await storage.close();
      setEnv(parseEnv(small));
    }
  });

  it('when Storage fails: STORAGE_UNAVAILABLE (503), and no body is sent instead', async () => {
    const storage = await startFakeStorage();
    setEnv(parseEnv({ ...small, SUPABASE_URL: storage.base, SUPABASE_SERVICE_ROLE_KEY: 'fake-service-role-key' }));
    try {
      storage.failNext();
      const res = await app.request('GET', '/api/exports/beian?year=2026', { token: tok.office });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('STORAGE_UNAVAILABLE');
    } finally {
      await storage.close();
      setEnv(parseEnv(small));
    }
  });

  it('EXPORT_INLINE_MAX_BYTES above Vercel\'s 4.5 MB is refused at start-up', () => {
    expect(() => parseEnv({ ...small, EXPORT_INLINE_MAX_BYTES: '5000000' })).toThrow(/EXPORT_INLINE_MAX_BYTES/);
  });
});
