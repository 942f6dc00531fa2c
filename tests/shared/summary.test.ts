import { assessmentRanking, yearSummary } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

describe('assessmentRanking', () => {
  it('SCORE-4: branches ranked by share of the maximum; the top 15% are 先进 candidates (RATE-2)', () => {
    const results = Array.from({ length: 20 }, (_, i) => ({ branchId: uid(i + 1), meanTotal: 100 - i * 2, maxTotal: 100 }));
    const r = assessmentRanking({ results });
    expect(r.slice(0, 4)).toStrictEqual([
      { branchId: uid(1), percent: 100, rank: 1, advancedCandidate: true },
      { branchId: uid(2), percent: 98, rank: 2, advancedCandidate: true },
      { branchId: uid(3), percent: 96, rank: 3, advancedCandidate: true },
      { branchId: uid(4), percent: 94, rank: 4, advancedCandidate: false },
    ]);
  });
  it('SCORE-4: a 观察评价表 out of 60 and a 评议表 out of 100 compare by percent; a tie at the quota edge is left to the committee', () => {
    const results = [
      { branchId: uid(1), meanTotal: 54, maxTotal: 60 }, { branchId: uid(2), meanTotal: 90, maxTotal: 100 },
      ...Array.from({ length: 8 }, (_, i) => ({ branchId: uid(10 + i), meanTotal: 50, maxTotal: 100 })),
    ];
    expect(assessmentRanking({ results }).slice(0, 2).map((r) => [r.percent, r.rank, r.advancedCandidate])).toStrictEqual([[90, 1, false], [90, 1, false]]);
  });
  it('SCORE-4: a mean above the maximum is refused', () => {
    expect(codeOf(() => assessmentRanking({ results: [{ branchId: uid(1), meanTotal: 101, maxTotal: 100 }] }))).toBe('VALIDATION_FAILED');
  });
});

describe('yearSummary', () => {
  it('FB-5: the year-end summary counts bands, finds the weakest criterion, and lists good practice and common problems', () => {
    const base = { mode: 'pangting', band: '较好', strengthTags: [], problemTags: [] };
    const r = yearSummary({ year: 2026, observations: [
      { ...base, branchId: uid(1), date: '2026-03-06', criterionMeans: { content: 16, innovation: 6 }, band: '好', strengthTags: ['联系实际'], problemTags: ['发言照本宣科', '会前准备不足'] },
      { ...base, branchId: uid(2), date: '2026-05-08', criterionMeans: { content: 12, innovation: 8 }, problemTags: ['发言照本宣科'] },
      { ...base, branchId: uid(2), date: '2026-10-09', criterionMeans: { content: 14, innovation: 4 }, strengthTags: ['联系实际', '形式新颖'] },
      { ...base, branchId: uid(3), date: '2025-12-01', criterionMeans: { content: 1, innovation: 1 }, band: '较差' },
    ] });
    expect(r).toStrictEqual({
      year: 2026, observationCount: 3, branchesObserved: 2,
      bandCounts: { 好: 1, 较好: 2, 一般: 0, 较差: 0 },
      weakestCriterion: 'innovation',
      criterionMeans: [{ key: 'innovation', mean: 6 }, { key: 'content', mean: 14 }],
      goodPractice: [{ tag: '联系实际', count: 2 }, { tag: '形式新颖', count: 1 }],
      commonProblems: [{ tag: '发言照本宣科', count: 2 }, { tag: '会前准备不足', count: 1 }],
    });
  });
});
