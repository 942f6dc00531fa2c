import { boardDeadlines, observationDeadlines, reportDueDate } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

// A 旁听 on Wed 2026-11-18 (November has no holidays): sheets due 11-23, feedback due 11-25. The feedback
// arrived on 11-24, so FB-2 is due 12-24, FB-4's commitments every 3 months from 2027-02-24 and progress every
// 6 months from 2027-05-24.
const pangting = { id: uid(1), mode: 'pangting', kind: 'general_meeting', startsAt: '2026-11-18T09:00:00+08:00' } as const;
const sent = { sheet_submission: '2026-11-20T16:00:00+08:00', feedback_to_branch: '2026-11-24T10:00:00+08:00' };
const items = [
  { id: uid(11), title: '会前学习准备不足', ownerId: uid(21), dueDate: '2026-12-15', status: 'closed', closedAt: '2026-12-10T15:00:00+08:00' },
  { id: uid(12), title: '发言不够深入', ownerId: uid(22), dueDate: '2026-12-20', status: 'submitted', closedAt: null },
  { id: uid(13), title: '记录不规范', ownerId: uid(21), dueDate: '2026-12-30', status: 'open', closedAt: null },
] as const;
const brief = (rows: { key: string; dueDate: string; state: string; periodNo?: number; itemId?: string; loop?: string; doneOn: string | null }[] | null) =>
  rows?.map((r) => [r.key, r.dueDate, r.state, r.periodNo ?? r.loop ?? r.doneOn ?? null]);
const one = (o: object, now: string) => boardDeadlines({ observations: [o], now })[0]!.rows;

describe('boardDeadlines (CALC-3 over many observations)', () => {
  it('FB-2: each rectification item on its own date with its loop state; the whole rectification is open until every item is closed', () => {
    const rows = one({ observation: pangting, done: sent, discussedAt: ['2026-12-01T10:00:00+08:00'], items }, '2026-12-28T09:00:00+08:00');
    expect(brief(rows)).toStrictEqual([
      ['sheet_submission', '2026-11-23', 'done', '2026-11-20'],
      ['feedback_to_branch', '2026-11-25', 'done', '2026-11-24'],
      ['rectification', '2026-12-24', 'overdue', null],
      ['commitment_report', '2027-02-24', 'upcoming', 1],
      ['progress_report', '2027-05-24', 'upcoming', 1],
      ['rectification_item', '2026-12-15', 'done', 'closed'],
      ['rectification_item', '2026-12-20', 'overdue', 'submitted'],
      ['rectification_item', '2026-12-30', 'due_soon', 'open'],
    ]);
    expect(rows![6]).toStrictEqual({
      key: 'rectification_item', ruleId: 'FB-2', labelZh: '整改事项：发言不够深入', dueDate: '2026-12-20', basis: 'item_due_date',
      state: 'overdue', doneOn: null, late: false, itemId: uid(12), ownerId: uid(22), loop: 'submitted',
    });
  });

  it('FB-2: discussed and every item closed → done on the last of those days, late after its month', () => {
    const closed = items.map((i) => ({ ...i, status: 'closed', closedAt: '2026-12-27T11:00:00+08:00' }));
    const rows = one({ observation: pangting, done: sent, discussedAt: ['2026-12-01T10:00:00+08:00'], items: closed }, '2026-12-28T09:00:00+08:00');
    expect(rows!.find((r) => r.key === 'rectification')).toMatchObject({ state: 'done', doneOn: '2026-12-27', late: true });
  });

  it('FB-4: the next report still owed within the year after the feedback; all reported → the last one, done', () => {
    const rows = one({
      observation: pangting, done: sent,
      reports: [
        { kind: 'commitment_report', periodNo: 1, heldOn: '2027-02-20' }, { kind: 'commitment_report', periodNo: 2, heldOn: '2027-05-30' },
        { kind: 'progress_report', periodNo: 1, heldOn: '2027-05-20' }, { kind: 'progress_report', periodNo: 2, heldOn: '2027-11-30' },
      ],
    }, '2027-08-22T09:00:00+08:00');
    expect(brief(rows!.filter((r) => r.key.endsWith('_report')))).toStrictEqual([
      ['commitment_report', '2027-08-24', 'due_soon', 3],
      ['progress_report', '2027-11-24', 'done', 2],
    ]);
    expect(rows!.find((r) => r.key === 'progress_report')).toMatchObject({ doneOn: '2027-11-30', late: true });
  });

  it('FB-4: period n falls due where reportDueDate says (one rule for the report form and the board)', () => {
    const first = observationDeadlines({ observation: pangting, done: sent, now: '2026-12-01T09:00:00+08:00' });
    const rows = one({ observation: pangting, done: sent, reports: [1, 2, 3].map((periodNo) => ({ kind: 'commitment_report', periodNo, heldOn: '2027-01-05' })) }, '2026-12-01T09:00:00+08:00');
    expect(rows!.find((r) => r.key === 'commitment_report')?.dueDate).toBe(reportDueDate('commitment_report', 4, first));
  });

  it('before the feedback reaches the branch, its own deadlines (FB-2, FB-4) are not on the board yet', () => {
    const rows = one({ observation: pangting, done: { sheet_submission: sent.sheet_submission } }, '2026-11-26T09:00:00+08:00');
    expect(brief(rows)).toStrictEqual([['sheet_submission', '2026-11-23', 'done', '2026-11-20'], ['feedback_to_branch', '2026-11-25', 'overdue', null]]);
  });

  it('OBS-5, FB-3: a 观察员 visit: the plan, and the invitee\'s report-back done on the day it was held', () => {
    const guancha = { ...pangting, mode: 'guancha' };
    const rows = one({ observation: guancha, done: { plan_submission: '2026-11-12T09:00:00+08:00' }, reports: [{ kind: 'report_back', periodNo: 1, heldOn: '2026-12-08' }] }, '2026-11-26T09:00:00+08:00');
    expect(brief(rows)).toStrictEqual([
      ['plan_submission', '2026-11-11', 'done', '2026-11-12'],
      ['sheet_submission', '2026-11-23', 'overdue', null],
      ['feedback_to_branch', '2026-11-25', 'overdue', null],
      ['report_back', '2026-12-31', 'done', '2026-12-08'],
    ]);
  });

  it('the same rows as observationDeadlines where the two overlap (one rule, two entry points)', () => {
    const now = '2026-12-28T09:00:00+08:00';
    const single = observationDeadlines({ observation: { ...pangting, mode: 'xunting' }, done: sent, now });
    const batch = one({ observation: { ...pangting, mode: 'xunting' }, done: sent }, now)!;
    expect(batch.slice(0, 3)).toStrictEqual(single.filter((r) => ['sheet_submission', 'feedback_to_branch', 'rectification'].includes(r.key)));
  });

  it('an observation past the holiday data (CALENDAR_OUT_OF_RANGE) has rows null; the others are answered', () => {
    const late = { ...pangting, id: uid(2), startsAt: '2026-12-29T09:00:00+08:00' };
    const res = boardDeadlines({ observations: [{ observation: late }, { observation: pangting }], now: '2026-12-01T09:00:00+08:00' });
    expect(res.map((r) => [r.id, r.rows === null])).toStrictEqual([[uid(2), true], [uid(1), false]]);
  });

  it('a malformed observation is refused as a whole (VALIDATION_FAILED)', () => {
    expect(codeOf(() => boardDeadlines({ observations: [{ observation: pangting, items: [{ ...items[0], dueDate: '2026-02-30' }] }], now: '2026-12-01T09:00:00+08:00' }))).toBe('VALIDATION_FAILED');
  });
});
