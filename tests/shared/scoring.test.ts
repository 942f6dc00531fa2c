import { bandOf, correctSheet, groupResult, latestSheets, RUBRICS, scoreSheet } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

const sheet = (observer: number, s: [number, number, number, number, number], extra: Record<string, unknown> = {}) => ({
  rubricId: 'pingyi_5', observerId: uid(observer),
  scores: { content: s[0], form: s[1], procedure: s[2], effect: s[3], innovation: s[4] },
  texts: { opinion: '程序规范，讨论充分' }, ...extra,
});

describe('bandOf', () => {
  it.each([
    [20, '好'], [15, '好'], [14.99, '较好'], [14, '较好'], [10, '较好'], [9.5, '一般'], [5, '一般'], [4, '较差'], [0, '较差'],
  ] as const)('SCORE-1: %d is %s (a boundary value goes to the higher band)', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });
  it('SCORE-1: a negative score is refused', () => {
    expect(codeOf(() => bandOf(-1))).toBe('VALIDATION_FAILED');
  });
});

describe('RUBRICS', () => {
  it('SCORE-1, SCORE-2: the rubrics are data: five 0-20 criteria, and three areas with strengths, shortcomings and suggestions', () => {
    expect(RUBRICS.pingyi_5.criteria.map((c) => `${c.labelZh}:${c.min}-${c.max}`)).toStrictEqual(['组织生活内容:0-20', '形式:0-20', '程序:0-20', '效果:0-20', '创新:0-20']);
    expect(RUBRICS.guancha_3.criteria.map((c) => c.labelZh)).toStrictEqual(['组织领导', '活动质量', '活动效果']);
    expect(RUBRICS.guancha_3.texts.map((t) => t.key)).toStrictEqual(['strengths', 'shortcomings', 'suggestions']);
  });
});

describe('scoreSheet', () => {
  it('SCORE-1, CALC-5: totals out of 100 with a band per criterion', () => {
    const r = scoreSheet(sheet(1, [18, 15, 14, 10, 4]));
    expect([r.total, r.maxTotal, r.criteria.map((c) => c.band)]).toStrictEqual([61, 100, ['好', '好', '较好', '较好', '较差']]);
  });
  it('SCORE-2: a 观察评价表 needs its three areas and the three texts', () => {
    const ok = { rubricId: 'guancha_3', observerId: uid(1), scores: { leadership: 16, quality: 12, outcome: 9 }, texts: { strengths: '准备充分', shortcomings: '讨论不够', suggestions: '增加互动' } };
    expect(scoreSheet(ok).total).toBe(37);
    try {
      scoreSheet({ ...ok, texts: { strengths: '准备充分', shortcomings: '', suggestions: '增加互动' } });
      throw new Error('should have thrown');
    } catch (e) {
      expect([(e as { code: string }).code, (e as { fields: unknown }).fields]).toStrictEqual(['SHEET_INVALID', [{ path: 'texts.shortcomings', message: '请填写“指出不足”' }]]);
    }
  });
  it.each([
    ['a score of 21', sheet(1, [21, 15, 14, 10, 4])],
    ['a negative score', sheet(1, [-1, 15, 14, 10, 4])],
    ['a missing criterion', { ...sheet(1, [1, 1, 1, 1, 1]), scores: { content: 1 } }],
    ['an unknown criterion', { ...sheet(1, [1, 1, 1, 1, 1]), scores: { content: 1, form: 1, procedure: 1, effect: 1, innovation: 1, charm: 3 } }],
    ['an unknown rubric', { ...sheet(1, [1, 1, 1, 1, 1]), rubricId: 'custom_9' }],
    ['version 2 without a reason', sheet(1, [1, 1, 1, 1, 1], { version: 2 })],
  ])('SCORE-1: refuses %s with SHEET_INVALID', (_n, input) => {
    expect(codeOf(() => scoreSheet(input))).toBe('SHEET_INVALID');
  });
});

describe('groupResult', () => {
  it('SCORE-3, CALC-5: the group result is the mean per criterion with min, max and standard deviation', () => {
    const r = groupResult({ rubricId: 'pingyi_5', sheets: [sheet(1, [18, 15, 14, 10, 4]), sheet(2, [16, 13, 14, 9, 6]), sheet(3, [14, 14, 14, 8, 5])] });
    expect(r).toStrictEqual({
      rubricId: 'pingyi_5', observerCount: 3, meanTotal: 58, maxTotal: 100,
      criteria: [
        { key: 'content', labelZh: '组织生活内容', mean: 16, min: 14, max: 18, stddev: 1.63, band: '好' },
        { key: 'form', labelZh: '形式', mean: 14, min: 13, max: 15, stddev: 0.82, band: '较好' },
        { key: 'procedure', labelZh: '程序', mean: 14, min: 14, max: 14, stddev: 0, band: '较好' },
        { key: 'effect', labelZh: '效果', mean: 9, min: 8, max: 10, stddev: 0.82, band: '一般' },
        { key: 'innovation', labelZh: '创新', mean: 5, min: 4, max: 6, stddev: 0.82, band: '一般' },
      ],
    });
  });
  it('SCORE-3: only each observer\'s latest version counts', () => {
    const r = groupResult({ rubricId: 'pingyi_5', sheets: [sheet(1, [10, 10, 10, 10, 10]), sheet(1, [20, 20, 20, 20, 20], { version: 2, reason: '误填' }), sheet(2, [10, 10, 10, 10, 10])] });
    expect([r.observerCount, r.meanTotal]).toStrictEqual([2, 75]);
  });
  it('SCORE-3: two sheets with the same version from one observer, and mixed rubrics, are refused', () => {
    expect(codeOf(() => groupResult({ rubricId: 'pingyi_5', sheets: [sheet(1, [1, 1, 1, 1, 1]), sheet(1, [2, 2, 2, 2, 2])] }))).toBe('SHEET_INVALID');
    expect(codeOf(() => groupResult({ rubricId: 'guancha_3', sheets: [sheet(1, [1, 1, 1, 1, 1])] }))).toBe('SHEET_INVALID');
    expect(codeOf(() => groupResult({ rubricId: 'pingyi_5', sheets: [] }))).toBe('SHEET_INVALID');
  });
});

describe('latestSheets', () => {
  it('SCORE-3: keeps the highest version per observer', () => {
    expect(latestSheets([{ observerId: 'a', version: 1 }, { observerId: 'a', version: 3 }, { observerId: 'b', version: 1 }, { observerId: 'a', version: 2 }]))
      .toStrictEqual([{ observerId: 'a', version: 3 }, { observerId: 'b', version: 1 }]);
  });
});

describe('correctSheet', () => {
  it('SCORE-3: a correction is version 2 with the reason; the old sheet is untouched', () => {
    const v1 = sheet(1, [18, 15, 14, 10, 4], { version: 1, submittedAt: '2026-03-06T11:00:00+08:00' });
    const v2 = correctSheet(v1, { scores: { innovation: 8 }, reason: '创新一项看错了行' });
    expect(v2).toStrictEqual({ rubricId: 'pingyi_5', observerId: uid(1), version: 2, scores: { content: 18, form: 15, procedure: 14, effect: 10, innovation: 8 }, texts: { opinion: '程序规范，讨论充分' }, reason: '创新一项看错了行' });
    expect(v1.scores.innovation).toBe(4);
  });
  it('SCORE-3: a correction without a reason is SHEET_REASON_REQUIRED', () => {
    expect(codeOf(() => correctSheet(sheet(1, [1, 1, 1, 1, 1]), { scores: { form: 2 }, reason: '  ' }))).toBe('SHEET_REASON_REQUIRED');
  });
});
