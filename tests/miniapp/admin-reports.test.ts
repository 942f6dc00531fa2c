import type { TComplianceBranch, TComplianceReport, TDeadlineBoard, TObservationListItem, TResultGroup } from '../../miniapp/src/services/office/schemas';
import { boardSections, boardTotals, dueInText, pendingRows } from '../../miniapp/src/pkg-admin/pages/deadlines/deadlines-logic';
import { complianceRows, coverageText, windowName } from '../../miniapp/src/pkg-admin/pages/compliance/compliance-logic';
import { criterionBars, distributionBars, groupSummary, toneOf, totalBars } from '../../miniapp/src/pkg-admin/pages/results/results-logic';

const A = '0da01a68-3bfe-4ee6-8ac0-575038a32908';
const C = 'b1ae5c39-581d-4329-917b-83af23f5735f';
const O1 = '5937c851-23e8-4e45-86b4-65020e6d1b47';
const O2 = '68a00145-a4d2-48ef-8a50-319d2e267327';
const O3 = '77777777-7777-4777-8777-777777777777';
const M = '74d37290-aad3-4b10-8584-04601baf13e9';

const item = (observationId: string, key: 'sheet_submission' | 'feedback_to_branch', labelZh: string, dueDate: string, state: 'due_soon' | 'overdue', branchName: string) => ({
  key, ruleId: 'FB-1', labelZh, dueDate, basis: 'working_days' as const, state, doneOn: null, late: false,
  observationId, meetingId: M, mode: 'pangting' as const, branchId: A, branchName,
});
const BOARD: TDeadlineBoard = {
  year: 2026, today: '2026-11-23', by: 'branch', states: ['due_soon', 'overdue'], total: 2, limit: 500, offset: 0,
  groups: [
    { id: A, name: '财政局预算科党支部', counts: { due_soon: 2 }, items: [
      item(O1, 'feedback_to_branch', '书面评价反馈被观摩支部', '2026-11-25', 'due_soon', '财政局预算科党支部'),
      item(O1, 'sheet_submission', '评议表报送机关工委', '2026-11-23', 'due_soon', '财政局预算科党支部'),
    ] },
    { id: C, name: '教育局机关第一党支部', counts: { overdue: 1, due_soon: 1 }, items: [
      item(O2, 'feedback_to_branch', '书面评价反馈被观摩支部', '2026-11-30', 'due_soon', '教育局机关第一党支部'),
      item(O2, 'sheet_submission', '评议表报送机关工委', '2026-11-13', 'overdue', '教育局机关第一党支部'),
    ] },
  ],
  untracked: ['booking', 'rectification'],
  beyondCalendar: [O3],
};

describe('截止事项 board logic (CALC-3)', () => {
  it('branches with overdue items come first; within a branch overdue first, then by date; dates in Chinese', () => {
    const sections = boardSections(BOARD);
    expect(sections.map((s) => [s.name, s.overdue, s.dueSoon])).toEqual([['教育局机关第一党支部', 1, 1], ['财政局预算科党支部', 0, 2]]);
    expect(sections[0]!.rows.map((r) => [r.label, r.due, r.dueIn, r.stateZh, r.overdue])).toEqual([
      ['评议表报送机关工委', '11月13日（周五）', '超期 10 天', '已超期', true],
      ['书面评价反馈被观摩支部', '11月30日（周一）', '还剩 7 天', '即将到期', false],
    ]);
    expect(sections[1]!.rows.map((r) => [r.due, r.dueIn, r.about])).toEqual([['11月23日（周一）', '今天到期', '旁听'], ['11月25日（周三）', '还剩 2 天', '旁听']]);
    expect(boardTotals(BOARD)).toEqual({ overdue: 1, dueSoon: 3 });
  });

  it('per observer, each item names the branch it is about', () => {
    const byObserver = { ...BOARD, by: 'observer' as const };
    expect(boardSections(byObserver)[1]!.rows[0]!.about).toBe('财政局预算科党支部 · 旁听');
  });

  it('observations past the holiday calendar are 待公布, named when the list has them (FB-6)', () => {
    const list = [{ id: O3, orgName: '财政局办公室党支部', mode: 'pangting', startsAt: '2026-12-29T01:00:00.000Z' }] as TObservationListItem[];
    expect(pendingRows(BOARD, list)).toEqual([{ id: O3, title: '财政局办公室党支部', detail: '旁听 · 12月29日（周二） 09:00 · 期限待公布' }]);
    expect(pendingRows(BOARD, [])).toEqual([{ id: O3, title: '一次观摩', detail: '期限待公布' }]);
    expect(dueInText('2026-12-31', '2027-01-04')).toBe('还剩 4 天');
  });
});

const win = (start: string, end: string, state: 'met' | 'missing' | 'pending' | 'exempt') => ({ start, end, state, meetingIds: [] });
const months = (state: (m: number) => 'met' | 'missing' | 'pending' | 'exempt') =>
  Array.from({ length: 12 }, (_, i) => {
    const m = String(i + 1).padStart(2, '0');
    return win(`2026-${m}-01`, `2026-${m}-28`, state(i + 1));
  });
const quarters = (state: (q: number) => 'met' | 'missing' | 'pending' | 'exempt') =>
  [1, 2, 3, 4].map((q) => win(`2026-${String(q * 3 - 2).padStart(2, '0')}-01`, `2026-${String(q * 3).padStart(2, '0')}-30`, state(q)));
const branch = (over: Partial<TComplianceBranch> = {}): TComplianceBranch => ({
  orgId: '754e0120-a94e-480d-9525-80374c83419a', name: '财政局国库支付中心党支部', departmentId: '169c1978-288d-4cb5-9488-84074db2add4',
  departmentName: '滨江市财政局党组', hasCommittee: true,
  items: [
    { ruleId: 'MTG-1', kind: 'general_meeting', labelZh: '支部党员大会', unit: 'quarter', windows: quarters((q) => (q === 2 ? 'missing' : q === 4 ? 'pending' : 'met')), ok: false },
    { ruleId: 'MTG-2', kind: 'committee_meeting', labelZh: '支部委员会', unit: 'month', windows: months((m) => (m === 3 ? 'exempt' : m === 6 ? 'missing' : m === 12 ? 'pending' : 'met')), ok: false },
  ],
  missing: [
    { ruleId: 'MTG-1', kind: 'general_meeting', start: '2026-04-01', end: '2026-06-30' },
    { ruleId: 'MTG-2', kind: 'committee_meeting', start: '2026-06-01', end: '2026-06-30' },
  ],
  ok: false,
  exemptions: [{ id: '88888888-8888-4888-8888-888888888888', orgId: '754e0120-a94e-480d-9525-80374c83419a', periodStart: '2026-03-01', periodEnd: '2026-03-31', meetingKind: 'committee_meeting', reason: '支部改选' }],
  absence: { windowStart: '2026-05-23', checked: 12, flagged: [{ personId: '99999999-9999-4999-8999-999999999999', flagged: true, lastAttendedOn: '2026-04-03', missedInWindow: 8, missedWithoutLeave: 8, reasonZh: '', name: '蔡妍薇' }] },
  observed: { xunting: false, pangting: false, guancha: false },
  ...over,
});
const REPORT: TComplianceReport = {
  period: { start: '2026-01-01', end: '2026-12-31' }, asOf: '2026-11-23', total: 13, limit: 20, offset: 0,
  coverage: { departmentsWithoutXunting: ['169c1978-288d-4cb5-9488-84074db2add4'], branchesNeverObserved: ['754e0120-a94e-480d-9525-80374c83419a'], ok: false },
  branches: [branch()],
};

describe('合规情况 table logic (CALC-4, ATT-1)', () => {
  it('branches × months: a quarter sits in its last month; a cell is its worst duty', () => {
    const [row] = complianceRows(REPORT);
    expect(row!.cells.map((c) => c.text)).toEqual(['✓', '✓', '免', '✓', '✓', '缺2', '✓', '✓', '✓', '✓', '✓', '未到']);
    expect(row!.cells[5]).toEqual({ month: 6, state: 'missing', text: '缺2', detail: '缺：支部党员大会（第二季度）、支部委员会' });
    expect(row!.cells[2]!.detail).toBe('免：支部委员会；已开：支部党员大会（第一季度）');
    expect(row!.cells[10]!.detail).toBe('已开：支部委员会');
  });

  it('names what is missing, exempt and flagged (ATT-1), and the branch needs attention', () => {
    const [row] = complianceRows(REPORT);
    expect(row).toMatchObject({
      ok: false,
      missing: ['支部党员大会（第二季度，MTG-1）', '支部委员会（6月，MTG-2）'],
      exemptions: ['支部委员会（3月）：支部改选'],
      flagged: ['蔡妍薇（最后参加 2026-04-03）'],
    });
    const clean = complianceRows({ ...REPORT, branches: [branch({ items: [], missing: [], ok: true, exemptions: [], absence: { windowStart: null, checked: 0, flagged: [] } })] })[0]!;
    expect(clean.ok).toBe(true);
    expect(clean.cells.every((c) => c.state === 'none' && c.text === '')).toBe(true);
  });

  it('shows the year\'s visits per branch; without a 巡听 or 旁听 it is not observed, a 观察员 visit alone included (OBS-4)', () => {
    const rowWith = (observed: { xunting: boolean; pangting: boolean; guancha: boolean }) => complianceRows({ ...REPORT, branches: [branch({ observed })] })[0]!;
    expect(rowWith({ xunting: true, pangting: true, guancha: false })).toMatchObject({ observed: '巡听、旁听', neverObserved: false });
    expect(rowWith({ xunting: false, pangting: true, guancha: true })).toMatchObject({ observed: '旁听、观察', neverObserved: false });
    expect(rowWith({ xunting: false, pangting: false, guancha: true })).toMatchObject({ observed: '观察（未巡听旁听）', neverObserved: true });
    expect(rowWith({ xunting: false, pangting: false, guancha: false })).toMatchObject({ observed: '未观摩', neverObserved: true });
  });

  it('names windows and sums up the coverage (OBS-2, OBS-4)', () => {
    expect([windowName('2026-03-01', '2026-03-31'), windowName('2026-10-01', '2026-12-31'), windowName('2026-01-01', '2026-12-31')]).toEqual(['3月', '第四季度', '全年']);
    expect(coverageText(REPORT)).toBe('全年观摩覆盖：1 个部门尚无巡听（OBS-2），1 个支部尚未被巡听或旁听（OBS-4）。');
  });
});

const result = (over: Partial<TResultGroup> = {}): TResultGroup => ({
  id: A, name: '财政局预算科党支部', rubric: 'pingyi_5', observations: 1, meanTotal: 70.67, minTotal: 70.67, maxTotal: 70.67, maxPossible: 100,
  criteria: [
    { key: 'content', labelZh: '组织生活内容', sheets: 3, mean: 16, min: 16, max: 16, stddev: 0, band: '好' },
    { key: 'effect', labelZh: '效果', sheets: 3, mean: 13.67, min: 13.67, max: 13.67, stddev: 0, band: '较好' },
    { key: 'innovation', labelZh: '创新', sheets: 0, mean: null, min: null, max: null, stddev: null, band: null },
  ],
  distribution: { 好: 2, 较好: 3, 一般: 0, 较差: 0 },
  ...over,
});

describe('评分结果 bars (SCORE-4)', () => {
  it('mean totals as a share of the form, best first, coloured by SCORE-1 bands', () => {
    const bars = totalBars([result({ id: C, name: '教育局机关第一党支部', meanTotal: 30 }), result()]);
    expect(bars.map((b) => [b.label, b.value, b.widthPct, b.tone])).toEqual([
      ['财政局预算科党支部', '70.7/100', 70.7, 'fair'],
      ['教育局机关第一党支部', '30/100', 30, 'average'],
    ]);
    expect([toneOf(0.75), toneOf(0.74), toneOf(0.2)]).toEqual(['good', 'fair', 'poor']);
  });

  it('each criterion against its 20 points; one without sheets shows 无评分', () => {
    expect(criterionBars(result()).map((b) => [b.label, b.value, b.widthPct])).toEqual([
      ['组织生活内容', '16 好', 80], ['效果', '13.7 较好', 68.4], ['创新', '无评分', 0],
    ]);
  });

  it('the band distribution summed over groups, scaled to the largest count', () => {
    const bars = distributionBars([result(), result({ distribution: { 好: 0, 较好: 1, 一般: 4, 较差: 0 } })]);
    expect(bars.map((b) => [b.label, b.value, b.widthPct])).toEqual([['好', '2（20%）', 50], ['较好', '4（40%）', 100], ['一般', '4（40%）', 100], ['较差', '0（0%）', 0]]);
    expect(distributionBars([]).map((b) => b.value)).toEqual(['0', '0', '0', '0']);
    expect(groupSummary(result())).toBe('组织生活巡听旁听评议表 · 1 次观摩 · 平均 70.7 分（最低 70.7，最高 70.7，满分 100）');
  });
});
