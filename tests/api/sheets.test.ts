import { ZSheetsResponse } from '@tingkan/shared';
import { withCaller } from '../../api/_lib/db';
import { startTestApp, type TestApp } from '../helpers/app';
import { count, observedMeeting, tokenFor } from '../helpers/meeting-builders';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const tok: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  // 巡听 with the 5-criterion 评议表 (SCORE-1).
  w = await observedMeeting(app.db, { mode: 'xunting', rubric: 'pingyi_5' });
  const who = { secA: w.secretaryA, office: w.office, obsB: w.committeeB, spare: w.spare };
  for (const [k, id] of Object.entries(who)) tok[k] = await tokenFor(app, id);
});
afterAll(() => app.close());

const sheet = (scores: number[], extra: Record<string, unknown> = {}) => ({
  scores: { content: scores[0], form: scores[1], procedure: scores[2], effect: scores[3], innovation: scores[4] },
  texts: { opinion: '组织规范，讨论深入' },
  ...extra,
});
const url = () => `/api/observations/${w.observation}/sheets`;
const sheetRows = () => count(app.db, 'score_sheets');
const itemRows = () => count(app.db, 'score_sheet_items');

describe('POST /api/observations/[id]/sheets (SCORE-1, SCORE-3)', () => {
  it('an assigned observer submits version 1; total and bands come from the shared rule', async () => {
    const res = await app.request('POST', url(), { token: tok.obsB, body: sheet([18, 15, 14, 9, 4]) });
    expect(res.status).toBe(201);
    expect(res.body.sheet).toMatchObject({ observerId: w.committeeB, observerName: '乙委员', version: 1, rubric: 'pingyi_5', total: 60, reason: null });
    expect(res.body.sheet.criteria.map((c: { key: string; band: string }) => [c.key, c.band])).toEqual([
      ['content', '好'], ['form', '好'], ['procedure', '较好'], ['effect', '一般'], ['innovation', '较差'],
    ]);
    expect(await itemRows()).toBe(5);
  });

  it('until every assigned observer has submitted there is no group result, and the missing are named', async () => {
    const res = await app.request('GET', url(), { token: tok.obsB });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ groupResult: null, missing: ['办公室干部'] });
  });

  it('submitting again without a reason → SHEET_ALREADY_SUBMITTED (409), nothing written', async () => {
    const before = [await sheetRows(), await itemRows()];
    const res = await app.request('POST', url(), { token: tok.obsB, body: sheet([10, 10, 10, 10, 10]) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SHEET_ALREADY_SUBMITTED');
    expect([await sheetRows(), await itemRows()]).toEqual(before);
  });

  it('a correction with a reason is version 2; version 1 stays readable', async () => {
    const res = await app.request('POST', url(), { token: tok.obsB, body: sheet([18, 15, 14, 12, 8], { reason: '效果与创新两项看错了行' }) });
    expect(res.status).toBe(201);
    expect(res.body.sheet).toMatchObject({ version: 2, total: 67, reason: '效果与创新两项看错了行' });
  });

  const bad: Array<[string, unknown, number, string, string]> = [
    ['a score of 21', sheet([21, 15, 14, 9, 4]), 400, 'SHEET_INVALID', 'scores.content'],
    ['a missing criterion', { scores: { content: 10 }, texts: { opinion: '好' } }, 400, 'SHEET_INVALID', 'scores.form'],
    ['an empty required opinion', sheet([10, 10, 10, 10, 10], { texts: { opinion: ' ' } }), 400, 'SHEET_INVALID', 'texts.opinion'],
    ['a criterion of another rubric', { ...sheet([10, 10, 10, 10, 10]), scores: { ...sheet([10, 10, 10, 10, 10]).scores, leadership: 3 } }, 400, 'SHEET_INVALID', 'scores.leadership'],
    ['a score that is text', sheet(['十' as unknown as number, 1, 1, 1, 1]), 400, 'VALIDATION_FAILED', 'scores.content'],
    ['a fractional score', sheet([12.5, 1, 1, 1, 1]), 400, 'VALIDATION_FAILED', 'scores.content'],
    ['a reason on a first sheet', sheet([10, 10, 10, 10, 10], { reason: '多余' }), 400, 'SHEET_INVALID', 'reason'],
  ];
  it.each(bad)('%s → %i %s naming %s, nothing written', async (_n, body, status, code, path) => {
    const before = [await sheetRows(), await itemRows()];
    const res = await app.request('POST', url(), { token: tok.office, body });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect([await sheetRows(), await itemRows()]).toEqual(before);
  });

  it('an unassigned observer, the observed secretary → FORBIDDEN (403), nothing written', async () => {
    const before = await sheetRows();
    for (const t of [tok.spare, tok.secA]) {
      const res = await app.request('POST', url(), { token: t, body: sheet([10, 10, 10, 10, 10]) });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect(await sheetRows()).toBe(before);
  });
});

describe('GET /api/observations/[id]/sheets (SCORE-3)', () => {
  it('once all have submitted: every version per observer and the group result from the latest versions', async () => {
    expect((await app.request('POST', url(), { token: tok.office, body: sheet([16, 13, 12, 10, 6]) })).status).toBe(201);
    const res = await app.request('GET', url(), { token: tok.office });
    expect(res.status).toBe(200);
    const body = ZSheetsResponse.parse(res.body);
    expect(body.observers.map((o) => [o.name, o.sheets.map((s) => s.version)])).toEqual([['办公室干部', [1]], ['乙委员', [1, 2]]]);
    expect(body.missing).toEqual([]);
    expect(body.groupResult).toMatchObject({ rubricId: 'pingyi_5', observerCount: 2, meanTotal: 62 });
    expect(body.groupResult?.criteria.map((c) => [c.key, c.mean, c.min, c.max, c.stddev, c.band])).toEqual([
      ['content', 17, 16, 18, 1, '好'], ['form', 14, 13, 15, 1, '较好'], ['procedure', 13, 12, 14, 1, '较好'],
      ['effect', 11, 10, 12, 1, '较好'], ['innovation', 7, 6, 8, 1, '一般'],
    ]);
  });

  it('the observed branch and an unassigned observer may not read the sheets (403)', async () => {
    expect((await app.request('GET', url(), { token: tok.secA })).status).toBe(403);
    expect((await app.request('GET', url(), { token: tok.spare })).status).toBe(403);
  });

  it('sheets are append-only: not even the author, nor the table owner, can UPDATE or DELETE one', async () => {
    await expect(withCaller({ sub: w.committeeB, role: 'authenticated' }, (tx) =>
      tx.query('update score_sheets set total = 100 where observer_id = $1', [w.committeeB]))).rejects.toMatchObject({ code: '42501' });
    await expect(app.db.query('update score_sheets set total = 100 where observer_id = $1', [w.committeeB])).rejects.toMatchObject({ code: '42501' });
    await expect(app.db.query('delete from score_sheet_items')).rejects.toMatchObject({ code: '42501' });
    const { rows } = await app.db.query<{ total: number }>('select total from score_sheets where observer_id = $1 order by version', [w.committeeB]);
    expect(rows.map((r) => r.total)).toEqual([60, 67]);
  });
});
