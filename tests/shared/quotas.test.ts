import { checkMemberGrades, checkOrgGrades, checkSecretaryGrades, quotaLimit } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

const orgs = (advanced: number, total: number) => Array.from({ length: total }, (_, i) => ({ orgId: uid(i + 1), grade: i < advanced ? 'advanced' : 'first' }));
const secs = (good: number, total: number) => Array.from({ length: total }, (_, i) => ({ personId: uid(i + 1), grade: i < good ? 'good' : 'fairly_good' }));

describe('quotaLimit', () => {
  it.each([
    [20, 0.15, 3], [100, 0.15, 15], [19, 0.15, 2], [9, 1 / 3, 3], [10, 1 / 3, 3], [20, 0.1499, 2],
  ])('RATE-2: at most %i × %d → %i (floating point does not lose the edge)', (n, f, limit) => {
    expect(quotaLimit(n, f)).toBe(limit);
  });
  it('RATE-2: a negative count or a share above 100% is refused', () => {
    expect([codeOf(() => quotaLimit(-3, 0.15)), codeOf(() => quotaLimit(20, 1.5))]).toStrictEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED']);
  });
});

describe('checkMemberGrades', () => {
  const members = (excellent: number, full: number, extra: { personId: string; status: string; grade: string | null }[] = []) => [
    ...Array.from({ length: full }, (_, i) => ({ personId: uid(i + 1), status: 'full', grade: i < excellent ? 'excellent' : 'qualified' })), ...extra,
  ];
  it('RATE-1: 3 优秀 of 9 graded is exactly one third: ok', () => {
    expect(checkMemberGrades({ members: members(3, 9) })).toStrictEqual({
      ruleId: 'RATE-1', ok: true, limit: 3, denominator: 9, actual: 3, excess: 0, wronglyGradedIds: [], ungradedIds: [],
      reasonZh: '9 个参评对象中“优秀”最多 3 个（33.33%），现有 3 个，符合比例要求',
    });
  });
  it('RATE-1: 4 优秀 of 11 graded breaks the quota by 1; 预备党员 do not enlarge the base', () => {
    const r = checkMemberGrades({ members: members(4, 11, [{ personId: uid(101), status: 'probationary', grade: null }, { personId: uid(102), status: 'probationary', grade: null }]) });
    expect([r.ok, r.limit, r.denominator, r.excess, r.reasonZh]).toStrictEqual([false, 3, 11, 1, '11 个参评对象中“优秀”最多 3 个（33.33%），现有 4 个，超出 1 个']);
  });
  it('RATE-1: a 预备党员 given a grade is listed, and a full member without one too', () => {
    const r = checkMemberGrades({ members: [...members(1, 3), { personId: uid(101), status: 'probationary', grade: 'excellent' }, { personId: uid(4), status: 'full', grade: null }] });
    expect([r.ok, r.wronglyGradedIds, r.ungradedIds]).toStrictEqual([false, [uid(101)], [uid(4)]]);
  });
  it('RATE-1: duplicate members and unknown grades are refused', () => {
    expect(codeOf(() => checkMemberGrades({ members: [...members(0, 2), ...members(0, 1)] }))).toBe('DUPLICATE_MEMBER');
    expect(codeOf(() => checkMemberGrades({ members: [{ personId: uid(1), status: 'full', grade: 'superb' }] }))).toBe('VALIDATION_FAILED');
  });
});

describe('checkOrgGrades', () => {
  it.each([
    [3, 20, true, 0], [4, 20, false, 1], [3, 19, false, 1], [0, 5, true, 0],
  ])('RATE-2: %i 先进 of %i branches: ok=%s, excess %i', (advanced, total, ok, excess) => {
    const r = checkOrgGrades({ grades: orgs(advanced, total) });
    expect([r.ok, r.excess]).toStrictEqual([ok, excess]);
  });
  it('RATE-2 (policy): 15% allows 3 of 20, a 14.99% cap allows only 2', () => {
    expect(checkOrgGrades({ grades: orgs(3, 20) }, { quotas: { advancedOrgs: 0.1499 } })).toMatchObject({ ok: false, limit: 2, excess: 1 });
  });
});

describe('checkSecretaryGrades', () => {
  it('RATE-3: 好 at most 15% of the secretaries: 2 of 13 breaks it (limit 1)', () => {
    expect(checkSecretaryGrades({ grades: secs(2, 13) })).toMatchObject({ ruleId: 'RATE-3', ok: false, limit: 1, actual: 2, excess: 1, reasonZh: '13 个参评对象中“好”最多 1 个（15%），现有 2 个，超出 1 个' });
  });
  it('RATE-3: 3 of 20 is ok', () => {
    expect(checkSecretaryGrades({ grades: secs(3, 20) }).ok).toBe(true);
  });
});
