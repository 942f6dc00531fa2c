import { withCaller } from '../../api/_lib/db';
import { setClock } from '../../api/_lib/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { count, observedMeeting, sendFeedback, tokenFor } from '../helpers/meeting-builders';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const tok: Record<string, string> = {};
let itemA = '';
let itemSec = '';

beforeAll(async () => {
  app = await startTestApp();
  w = await observedMeeting(app.db);
  const who = { secA: w.secretaryA, memA: w.memberA, secB: w.secretaryB, office: w.office, obsB: w.committeeB, spare: w.spare };
  for (const [k, id] of Object.entries(who)) tok[k] = await tokenFor(app, id);
  setClock('2026-03-25T10:00:00+08:00');
});
afterAll(async () => {
  setClock(undefined);
  await app.close();
});

const record = () => ({
  observationId: w.observation,
  discussion: { heldOn: '2026-03-24', summary: '支委会逐条研究观察小组反馈意见，明确整改责任人和时限。' },
  items: [
    { title: '发言提前准备，不照稿念', ownerPersonId: w.memberA, dueDate: '2026-04-20' },
    { title: '会议记录补全缺席人员及原因', ownerPersonId: w.secretaryA, dueDate: '2026-04-10' },
  ],
});
const rows = async () => [await count(app.db, 'rectification_discussions'), await count(app.db, 'rectification_items')];
const act = (id: string, action: string, token: string | undefined, body: unknown) => app.request('POST', `/api/rectifications/${id}/${action}`, { token, body });

describe('POST /api/rectifications: the committee discussion and items (FB-2)', () => {
  it('before the feedback is sent → FEEDBACK_NOT_SENT (409), nothing written (FB-2)', async () => {
    const res = await app.request('POST', '/api/rectifications', { token: tok.secA, body: record() });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('FEEDBACK_NOT_SENT');
    expect(await rows()).toEqual([0, 0]);
    await sendFeedback(app.db, w.observation);
  });

  const bad: Array<[string, () => unknown, string, string]> = [
    ['no summary', () => ({ ...record(), discussion: { heldOn: '2026-03-24' } }), 'discussion.summary', '必填'],
    ['a date that does not exist', () => ({ ...record(), discussion: { heldOn: '2026-02-30', summary: '研究' } }), 'discussion.heldOn', '不是有效的日期'],
    ['an item without a title', () => ({ ...record(), items: [{ title: '', ownerPersonId: w.memberA, dueDate: '2026-04-20' }] }), 'items.0.title', '至少 1 个字符'],
    ['an owner that is not an id', () => ({ ...record(), items: [{ title: '整改', ownerPersonId: '甲党员', dueDate: '2026-04-20' }] }), 'items.0.ownerPersonId', '格式不正确'],
  ];
  it.each(bad)('%s → 400 VALIDATION_FAILED with a Chinese field message, nothing written (FB-2)', async (_n, body, path, message) => {
    const res = await app.request('POST', '/api/rectifications', { token: tok.secA, body: body() });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields).toContainEqual({ path, message });
    expect(await rows()).toEqual([0, 0]);
  });

  it('an owner from another branch → RECTIFICATION_OWNER_INVALID (400) naming the item, nothing written (FB-2)', async () => {
    const body = record();
    body.items[1]!.ownerPersonId = w.memberB;
    const res = await app.request('POST', '/api/rectifications', { token: tok.secA, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'RECTIFICATION_OWNER_INVALID', fields: [{ path: 'items.1.ownerPersonId', message: '责任人须是被观摩支部的成员' }] });
    expect(await rows()).toEqual([0, 0]);
  });

  it('an ordinary member, the group, office staff → 403; another branch → 404 (FB-2)', async () => {
    for (const t of [tok.memA, tok.obsB, tok.office]) expect((await app.request('POST', '/api/rectifications', { token: t, body: record() })).status).toBe(403);
    expect((await app.request('POST', '/api/rectifications', { token: tok.secB, body: record() })).status).toBe(404);
    expect(await rows()).toEqual([0, 0]);
  });

  it('the observed secretary records the discussion and two open items in one go (FB-2)', async () => {
    const res = await app.request('POST', '/api/rectifications', { token: tok.secA, body: record() });
    expect(res.status).toBe(201);
    expect(res.body.discussions).toMatchObject([{ heldOn: '2026-03-24', recordedBy: w.secretaryA, recordedByName: '甲书记' }]);
    expect(res.body.items.map((i: { title: string; ownerName: string; dueDate: string; status: string }) => [i.ownerName, i.dueDate, i.status])).toEqual([
      ['甲书记', '2026-04-10', 'open'], ['甲党员', '2026-04-20', 'open'],
    ]);
    itemSec = res.body.items[0].id;
    itemA = res.body.items[1].id;
  });
});

describe('the closed loop of an item: submitted → returned → resubmitted → closed (FB-2)', () => {
  it('verifying an item with no evidence yet → RECTIFICATION_TRANSITION (409) (FB-2)', async () => {
    const res = await act(itemA, 'verify', tok.office, { decision: 'close' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('RECTIFICATION_TRANSITION');
  });

  it('evidence needs text or attachments (400, Chinese message); someone else\'s item → 403; another branch → 404 (FB-2)', async () => {
    const empty = await act(itemA, 'submit', tok.memA, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toContainEqual({ path: 'evidenceText', message: '请填写整改情况说明或附上佐证材料' });
    expect((await act(itemSec, 'submit', tok.memA, { evidenceText: '已补全' })).status).toBe(403);
    expect((await act(itemA, 'submit', tok.secB, { evidenceText: '已补全' })).status).toBe(404);
    expect(await count(app.db, 'rectification_items', "status = 'open'")).toBe(2);
  });

  it('the owner submits evidence → submitted (FB-2)', async () => {
    const res = await act(itemA, 'submit', tok.memA, { evidenceText: '4月支部党员大会上脱稿发言' });
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({ status: 'submitted', evidenceText: '4月支部党员大会上脱稿发言', submittedAt: '2026-03-25T10:00:00+08:00' });
  });

  it('the owner cannot verify their own item (403); a return without a reason → 400 (FB-2)', async () => {
    expect((await act(itemA, 'verify', tok.memA, { decision: 'close' })).status).toBe(403);
    const res = await act(itemA, 'verify', tok.obsB, { decision: 'return' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual({ path: 'reason', message: '必填' });
    expect(await count(app.db, 'rectification_items', "status = 'submitted'")).toBe(1);
  });

  it('an observer of the group sends it back with a reason; the owner resubmits; office staff close it (FB-2)', async () => {
    const back = await act(itemA, 'verify', tok.obsB, { decision: 'return', reason: '未附会议记录，无法核实' });
    expect(back.body.item).toMatchObject({ status: 'returned', returnReason: '未附会议记录，无法核实' });
    expect((await act(itemA, 'submit', tok.memA, { evidenceText: '附4月会议记录第3页' })).body.item.status).toBe('submitted');
    setClock('2026-04-02T15:00:00+08:00');
    const closed = await act(itemA, 'verify', tok.office, { decision: 'close' });
    expect(closed.status).toBe(200);
    expect(closed.body.item).toMatchObject({ status: 'closed', closedBy: w.office, closedAt: '2026-04-02T15:00:00+08:00' });
    expect(closed.body.item.history.map((h: { from: string | null; to: string; note: string | null }) => [h.from, h.to, h.note])).toEqual([
      [null, 'open', null], ['open', 'submitted', null], ['submitted', 'returned', '未附会议记录，无法核实'],
      ['returned', 'submitted', null], ['submitted', 'closed', null],
    ]);
  });

  it('a closed item is final: submit or verify again → RECTIFICATION_TRANSITION (409) (FB-2)', async () => {
    expect((await act(itemA, 'submit', tok.memA, { evidenceText: '再补充' })).body.error.code).toBe('RECTIFICATION_TRANSITION');
    expect((await act(itemA, 'verify', tok.office, { decision: 'return', reason: '再看看' })).body.error.code).toBe('RECTIFICATION_TRANSITION');
  });

  it('SQL holds the loop too: an owner cannot close their own item, nobody can reopen a closed one (FB-2)', async () => {
    await act(itemSec, 'submit', tok.secA, { evidenceText: '已补全' });
    await expect(withCaller({ sub: w.secretaryA, role: 'authenticated' }, (tx) =>
      tx.query("update rectification_items set status = 'closed', closed_by = $2, closed_at = now() where id = $1", [itemSec, w.secretaryA]))).rejects.toMatchObject({ code: '42501' });
    await expect(app.db.query("update rectification_items set status = 'open' where id = $1", [itemA])).rejects.toMatchObject({ code: '42501' });
  });

  it('GET lists the discussion and items for the observed member, the group and office; not another branch (FB-2)', async () => {
    for (const t of [tok.memA, tok.obsB, tok.office]) {
      const res = await app.request('GET', `/api/rectifications?observationId=${w.observation}`, { token: t });
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { status: string }) => i.status)).toEqual(['submitted', 'closed']);
    }
    expect((await app.request('GET', `/api/rectifications?observationId=${w.observation}`, { token: tok.secB })).status).toBe(404);
  });
});
