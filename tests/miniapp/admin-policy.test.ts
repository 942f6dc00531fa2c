import { DEFAULT_POLICY } from '@tingkan/shared';
import { changedText, formIssues, issueSummary, placeIssues, toForm, toOverride } from '../../miniapp/src/pkg-admin/pages/policy/policy-logic';

const edit = (numbers: Record<string, string>) => ({ ...toForm(DEFAULT_POLICY), numbers: { ...toForm(DEFAULT_POLICY).numbers, ...numbers } });

describe('制度参数 form (D4)', () => {
  it('shows fractions as percentages and whole numbers as they are', () => {
    const form = toForm(DEFAULT_POLICY);
    expect(form.numbers).toMatchObject({
      samplingRate: '35', 'quotas.excellentMembers': '33.33', 'groupSize.pangting.max': '5', sheetsDueWorkingDays: '3', dueSoonDays: '3',
    });
    expect(form).toMatchObject({ allowSingleUnitGroup: false, themeDayFixed: true, themeDay: { nth: 1, isoWeekday: 5 }, rubricByMode: { guancha: 'guancha_3' } });
  });

  it('sends the stored overrides plus only what changed; an untouched 1/3 stays exactly 1/3', () => {
    const stored = { feedbackDueWorkingDays: 6 };
    const original = { ...DEFAULT_POLICY, feedbackDueWorkingDays: 6 };
    const form = { ...toForm(original), numbers: { ...toForm(original).numbers, samplingRate: '40', 'quotas.advancedOrgs': '20' } };
    const out = toOverride(form, original, stored);
    expect(out.issues.size).toBe(0);
    expect(out.changed).toEqual(['samplingRate', 'quotas']);
    expect(out.value).toEqual({ feedbackDueWorkingDays: 6, samplingRate: 0.4, quotas: { excellentMembers: 1 / 3, advancedOrgs: 0.2, goodSecretaries: 0.15 } });
    expect(changedText(out.changed)).toBe('旁听抽查比例、评优比例');
  });

  it('a theme day on no fixed day is null (MTG-5); a rubric per mode can change (SCORE-2)', () => {
    const form = { ...toForm(DEFAULT_POLICY), themeDayFixed: false, rubricByMode: { ...DEFAULT_POLICY.rubricByMode, xunting: 'guancha_3' as const } };
    expect(toOverride(form, DEFAULT_POLICY, {}).value).toEqual({ themeDay: null, rubricByMode: { xunting: 'guancha_3', pangting: 'pingyi_5', guancha: 'guancha_3' } });
  });

  it('refuses text that is not a number, and a fraction where whole days are asked, before sending', () => {
    const { issues } = toOverride(edit({ samplingRate: '三十五', planDueDaysBefore: '7.5' }), DEFAULT_POLICY, {});
    expect([...issues]).toEqual([['samplingRate', '请填写数字'], ['planDueDaysBefore', '请填写整数']]);
    expect([...formIssues(toForm(DEFAULT_POLICY), DEFAULT_POLICY, {}, ' ')]).toEqual([['', '没有修改任何参数'], ['reason', '请填写修改理由（例如：工委会议决定）']]);
    expect(formIssues(edit({ samplingRate: '40' }), DEFAULT_POLICY, {}, '工委会议决定').size).toBe(0);
  });

  it("puts the server's POLICY_INVALID fields under the field they name", () => {
    const placed = placeIssues([
      { path: 'samplingRate', message: '不能大于 1' },
      { path: 'groupSize.pangting', message: '上限不能小于下限' },
      { path: 'themeDay.nth', message: '不能大于 4' },
      { path: 'rubricByMode.xunting', message: '无效的选项' },
      { path: 'reason', message: '必填' },
      { path: '(根)', message: '不认识的字段：bogus' },
    ]);
    expect([...placed]).toEqual([
      ['samplingRate', '不能大于 1'], ['groupSize.pangting.min', '上限不能小于下限'], ['themeDay', '不能大于 4'],
      ['rubricByMode', '无效的选项'], ['reason', '必填'], ['', '不认识的字段：bogus'],
    ]);
    expect(issueSummary(placed)).toBe('请按标红的提示修改后再保存：旁听抽查比例、旁听小组最少、主题党日、评分表、修改理由。');
  });
});
