import type { TGroupView, TObservationListItem, TObserver, TPlansReport, TSampleDraw } from '../../miniapp/src/services/office/schemas';
import { currentYear, daysBetween, formatDayZh, formatWhenZh, percentZh } from '../../miniapp/src/pkg-admin/components/dates';
import {
  departmentNames, drawerName, drawFacts, drawnByDepartment, drawProblem, filingSummary, missingFilings, supersededDraws, verificationText,
} from '../../miniapp/src/pkg-admin/pages/sample/sample-logic';
import { groupText, observationRow, refusalText, withGroup } from '../../miniapp/src/pkg-admin/pages/schedule/schedule-logic';
import { issuesByPerson, makeLeader, picksProblem, poolRows, toggle } from '../../miniapp/src/pkg-admin/pages/group/group-logic';

const FIN = '169c1978-288d-4cb5-9488-84074db2add4';
const EDU = 'ed16dca2-b2c4-423d-98d3-fb3999777cca';
const A = '0da01a68-3bfe-4ee6-8ac0-575038a32908';
const B = '7931b235-4cc0-43a7-9bf6-95f1f536a197';
const C = 'b1ae5c39-581d-4329-917b-83af23f5735f';
const P1 = 'd0037155-dbeb-4478-876e-73a194c050d7';
const P2 = '14a30c4d-b4c4-4df4-b325-a8ccce82c84c';
const P3 = '1226ee31-0c1d-4bf1-986f-9a99783a6356';

const filing = (orgId: string, name: string, departmentId: string, departmentName: string, plan: boolean, candidates: number) => ({
  orgId, name, departmentId, departmentName, planFiledAt: plan ? '2026-03-01T02:00:00.000Z' : null, candidateCount: candidates,
  missingPlan: !plan, missingCandidate: candidates === 0,
});
const PLANS: TPlansReport = {
  year: 2026, total: 3, limit: 500, offset: 0, missingPlan: 1, missingCandidate: 2,
  branches: [
    filing(A, '财政局预算科党支部', FIN, '滨江市财政局党组', true, 1),
    filing(B, '财政局办公室党支部', FIN, '滨江市财政局党组', true, 0),
    filing(C, '教育局机关第一党支部', EDU, '滨江市教育局党委', false, 0),
  ],
};
const draw = (over: Partial<TSampleDraw> = {}): TSampleDraw => ({
  id: '11111111-1111-4111-8111-111111111111', scopeOrgId: 'bab2f24a-d199-4fcc-997e-01ea3f41a3aa', year: 2026, seed: '2026-旁听-工委办公会',
  algorithm: 'strat-v1', rate: 0.35, branchIds: [C, A],
  branches: [{ id: C, name: '教育局机关第一党支部', departmentId: EDU }, { id: A, name: '财政局预算科党支部', departmentId: FIN }],
  population: 13, target: 5, inputFingerprint: 'ccd4bf3f',
  perDepartment: [{ departmentId: FIN, population: 5, drawn: 1 }, { departmentId: EDU, population: 4, drawn: 1 }],
  drawnBy: P1, drawnByName: '崔悦佳', drawnAt: '2026-11-23T10:00:00+08:00', supersededBy: null, redrawReason: null, ...over,
});

describe('admin dates (D9: formatted, never recomputed)', () => {
  it('a due date reads 11月30日（周一）, another year is named', () => {
    expect(formatDayZh('2026-11-30', 2026)).toBe('11月30日（周一）');
    expect(formatDayZh('2027-01-04', 2026)).toBe('2027年1月4日（周一）');
    expect(formatDayZh('2026-11-23')).toBe('2026年11月23日（周一）');
    expect(formatWhenZh('2026-11-18T01:00:00.000Z', 2026)).toBe('11月18日（周三） 09:00');
  });
  it('days between two dates, percentages and the Shanghai year', () => {
    expect(daysBetween('2026-11-23', '2026-11-13')).toBe(-10);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect([percentZh(0.35), percentZh(1 / 3)]).toEqual(['35%', '33.3%']);
    expect(currentYear(Date.parse('2026-12-31T16:30:00Z'))).toBe(2027);
  });
});

describe('年度抽查 page logic (OBS-1, MTG-10, OBS-3, CALC-1)', () => {
  it('lists who has not filed the plan or a candidate, and sums it up', () => {
    expect(missingFilings(PLANS)).toEqual([
      { orgId: B, name: '财政局办公室党支部', departmentName: '滨江市财政局党组', missing: '备案表' },
      { orgId: C, name: '教育局机关第一党支部', departmentName: '滨江市教育局党委', missing: '年度计划、备案表' },
    ]);
    expect(filingSummary(PLANS)).toBe('共 3 个支部：1 个已全部报送；未报年度计划 1 个，未报备案表 2 个。');
  });

  it('shows how a stored draw was made: seed, method, rate, population and target, who drew it and when (CALC-1)', () => {
    expect(drawFacts(draw()).map((f) => [f.label, f.value])).toEqual([
      ['随机种子', '2026-旁听-工委办公会'],
      ['抽取方法', '按部门分层随机抽样（strat-v1）：每个部门按比例抽取且至少抽一个，未被观摩过的支部优先'],
      ['抽取比例', '35%'],
      ['抽取范围', '13 个支部，应抽 5 个'],
      ['输入指纹', 'ccd4bf3f'],
      ['抽中支部', '2 个'],
      ['抽取人', '崔悦佳'],
      ['抽取时间', '2026年11月23日 10:00'],
    ]);
    expect(drawFacts(draw({ redrawReason: '支部调整' })).map((f) => f.label)).toEqual([
      '随机种子', '抽取方法', '抽取比例', '抽取范围', '输入指纹', '抽中支部', '抽取人', '抽取时间', '重抽理由',
    ]);
    expect([drawerName(draw({ drawnByName: null })), drawerName(draw({ drawnBy: null, drawnByName: null }))]).toEqual(['（无权查看）', '（未记录）']);
  });

  it('groups the drawn branches under their department (in pinyin order), with its population from the stored draw', () => {
    expect(drawnByDepartment(draw(), departmentNames(PLANS))).toEqual([
      { departmentId: FIN, departmentName: '滨江市财政局党组', population: 5, branches: ['财政局预算科党支部'] },
      { departmentId: EDU, departmentName: '滨江市教育局党委', population: 4, branches: ['教育局机关第一党支部'] },
    ]);
    expect(drawnByDepartment(draw({ perDepartment: [] }), new Map())[0]).toMatchObject({ departmentName: '其他部门', population: null });
  });

  it('a redraw needs a reason; the first draw does not (CALC-1)', () => {
    expect(drawProblem(false, '')).toBeNull();
    expect(drawProblem(true, '  ')).toBe('重新抽查须填写理由（例如：支部调整后重抽），原抽查结果会保留在记录中。');
    expect(drawProblem(true, '支部调整')).toBeNull();
  });

  it('says whether the re-run matched, and pairs each superseded draw with the one that replaced it', () => {
    const ok = { drawId: draw().id, matches: true, seed: 's', algorithm: 'strat-v1', recordedBranchIds: [A, C], rerunBranchIds: [A, C], inputFingerprint: 'x' };
    expect(verificationText(ok)).toEqual({ ok: true, text: '复核一致：用同一随机种子和输入重新运行，得到相同的 2 个支部。' });
    expect(verificationText({ ...ok, matches: false, recordedBranchIds: [B], rerunBranchIds: [A, C] }).text)
      .toBe('复核不一致：重新运行得到 2 个支部，与记录有 1 个不同。请联系系统管理员核查。');
    const newer = draw({ id: '22222222-2222-4222-8222-222222222222', redrawReason: '支部调整' });
    const older = draw({ supersededBy: newer.id });
    expect(supersededDraws([newer, older])).toEqual([{ draw: older, replacedBy: newer }]);
  });
});

const obs = (over: Partial<TObservationListItem> = {}): TObservationListItem => ({
  id: '33333333-3333-4333-8333-333333333333', meetingId: '44444444-4444-4444-8444-444444444444', orgId: A, orgName: '财政局预算科党支部',
  branchId: A, mode: 'pangting', rubric: 'pingyi_5', status: 'scheduled', kind: 'general_meeting', topic: '学习贯彻党的二十届四中全会精神',
  startsAt: '2026-12-10T09:00:00+08:00', planSubmittedAt: null, feedbackSentAt: null, groupSize: 0, group: [], ...over,
});
const GROUP: TGroupView = {
  observationId: obs().id, mode: 'pangting', observedOrgId: A,
  members: [
    { personId: P1, name: '崔悦佳', unit: '滨江市直机关工委', isLeader: true, load: 1, checkedInAt: null },
    { personId: P2, name: '石雯丽', unit: '滨江市教育局', isLeader: false, load: 1, checkedInAt: null },
  ],
};

describe('观察安排 page logic (OBS-2..5, CALC-2, OBS-8)', () => {
  it('one row per observation: mode, meeting, Chinese date, group', () => {
    expect(observationRow(obs(), 2026)).toEqual({
      id: obs().id, branch: '财政局预算科党支部', mode: '旁听', meeting: '支部党员大会：学习贯彻党的二十届四中全会精神',
      when: '12月10日（周四） 09:00', status: '已安排', group: '未安排观察小组', needsGroup: true, cancelled: false,
    });
    const grouped = withGroup(obs(), GROUP);
    expect(grouped).toMatchObject({ groupSize: 2, group: [{ personId: P1, name: '崔悦佳', isLeader: true }, { personId: P2, name: '石雯丽', isLeader: false }] });
    expect(observationRow(grouped, 2026)).toMatchObject({ group: '崔悦佳（组长）、石雯丽', needsGroup: false });
    expect(groupText([])).toBe('未安排观察小组');
    expect(observationRow(obs({ topic: '支部党员大会：年度总结' }), 2026).meeting).toBe('支部党员大会：年度总结');
    expect(observationRow(obs({ status: 'cancelled' }), 2026)).toMatchObject({ needsGroup: false, cancelled: true, status: '已取消' });
  });

  it('a refusal says what to do next (OBS-8, CALC-2)', () => {
    expect(refusalText({ code: 'POOL_TOO_SMALL', message: '需要 3 人，符合条件的只有 2 人' }))
      .toBe('需要 3 人，符合条件的只有 2 人。请在人员库中增加可参加此类观摩的人员，或在制度参数中调整小组人数。');
    expect(refusalText({ code: 'SOMETHING_ELSE', message: '出错了' })).toBe('出错了');
  });

  it('a conflict of interest named by position is put on the person (OBS-8)', () => {
    const picks = [{ personId: P3, isLeader: true }, { personId: P1, isLeader: false }];
    const issues = issuesByPerson([{ path: 'members.0.personId', message: '不得观摩本人所在的支部' }, { path: 'members', message: '应为 3-5 人' }], picks);
    expect([...issues]).toEqual([[P3, '不得观摩本人所在的支部'], ['', '应为 3-5 人']]);
  });

  it('picking members: toggle, one leader, the chosen listed first, group members outside the pool page kept', () => {
    let picks = toggle([], P2);
    picks = toggle(picks, P1);
    picks = makeLeader(picks, P1);
    expect(picks).toEqual([{ personId: P2, isLeader: false }, { personId: P1, isLeader: true }]);
    expect(toggle(picks, P2)).toEqual([{ personId: P1, isLeader: true }]);
    expect(picksProblem([])).toBe('请至少选择一名观察人员');
    const pool: TObserver[] = [
      { id: '55555555-5555-4555-8555-555555555555', personId: P3, name: '郭博', gender: 'male', unit: '滨江市财政局', post: '办公室副主任', serves: ['pangting'], active: true, mobile: null },
      { id: '66666666-6666-4666-8666-666666666666', personId: P2, name: '石雯丽', gender: 'female', unit: '滨江市教育局', post: '党委委员', serves: ['pangting'], active: true, mobile: null },
    ];
    expect(poolRows(pool, picks, GROUP.members).map((r) => [r.name, r.picked, r.leader, r.detail])).toEqual([
      ['石雯丽', true, false, '滨江市教育局 · 党委委员'],
      ['崔悦佳', true, true, '滨江市直机关工委'],
      ['郭博', false, false, '滨江市财政局 · 办公室副主任'],
    ]);
  });
});
