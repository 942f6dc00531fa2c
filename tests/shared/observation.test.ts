import fc from 'fast-check';
import { branchesWithoutCandidate, coverageOf, NOTE_HEADINGS, observationCoverage, observerConduct, validateCandidate, validateObservationNotes } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

const candidate = { branchId: uid(1), kind: 'party_lecture', topic: '学党史、悟思想', startsAt: '2026-04-10T15:00:00+08:00', place: '二楼党员活动室', contactName: '李四', contactPhone: '0519-82345678', mode: 'pangting' };

describe('validateCandidate', () => {
  it('OBS-1: a complete 备案表 entry is accepted', () => {
    expect(validateCandidate(candidate)).toStrictEqual(candidate);
  });
  it.each([
    ['an unknown meeting kind', { ...candidate, kind: 'outing' }, 'UNKNOWN_MEETING_KIND'],
    ['no contact', { ...candidate, contactName: '' }, 'VALIDATION_FAILED'],
    ['the 观察员 mode (not part of 巡听旁听 filing)', { ...candidate, mode: 'guancha' }, 'VALIDATION_FAILED'],
  ])('OBS-1: refuses %s', (_n, input, code) => {
    expect(codeOf(() => validateCandidate(input))).toBe(code);
  });
});

describe('branchesWithoutCandidate', () => {
  it('OBS-1: each branch puts forward at least one meeting a year; a 2025 filing does not count for 2026', () => {
    expect(branchesWithoutCandidate({ year: 2026, branchIds: [uid(1), uid(2), uid(3)], candidates: [
      candidate, { ...candidate, branchId: uid(2), startsAt: '2025-11-10T15:00:00+08:00' },
    ] })).toStrictEqual([uid(2), uid(3)]);
  });
});

describe('observationCoverage', () => {
  const departments = [{ id: uid(100), branchIds: [uid(1), uid(2)] }, { id: uid(200), branchIds: [uid(3)] }];
  it('OBS-2, OBS-4: a department without any 巡听 and a branch never observed are reported', () => {
    expect(observationCoverage({ year: 2026, departments, observations: [
      { branchId: uid(1), mode: 'xunting', date: '2026-04-01' },
      { branchId: uid(3), mode: 'pangting', date: '2026-05-01' },
      { branchId: uid(2), mode: 'guancha', date: '2026-06-01' },
    ] })).toStrictEqual({ departmentsWithoutXunting: [uid(200)], branchesNeverObserved: [uid(2)], ok: false });
  });
  it('OBS-2, OBS-4: full coverage is ok', () => {
    expect(observationCoverage({ year: 2026, departments, observations: [
      { branchId: uid(1), mode: 'xunting', date: '2026-04-01' }, { branchId: uid(2), mode: 'pangting', date: '2026-04-02' },
      { branchId: uid(3), mode: 'xunting', date: '2026-05-01' },
    ] }).ok).toBe(true);
  });
  it('OBS-2, OBS-4: coverageOf (parsed input, sets) answers as the rule\'s definition read literally, on random provinces', () => {
    const mode = fc.constantFrom('xunting' as const, 'pangting' as const, 'guancha' as const);
    const province = fc.record({
      sizes: fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 6 }),
      observations: fc.array(fc.record({ branch: fc.nat({ max: 30 }), mode, date: fc.constantFrom('2025-12-31', '2026-01-01', '2026-07-15', '2027-01-01') }), { maxLength: 25 }),
    });
    fc.assert(fc.property(province, ({ sizes, observations: raw }) => {
      let next = 1;
      const departments = sizes.map((n, d) => ({ id: uid(500 + d), branchIds: Array.from({ length: n }, () => uid(next++)) }));
      const observations = raw.map((o) => ({ branchId: uid(1 + (o.branch % Math.max(1, next - 1))), mode: o.mode, date: o.date }));
      const thisYear = observations.filter((o) => o.date.startsWith('2026-'));
      const literal = {
        departmentsWithoutXunting: departments.filter((d) => !thisYear.some((o) => o.mode === 'xunting' && d.branchIds.includes(o.branchId))).map((d) => d.id),
        branchesNeverObserved: departments.flatMap((d) => d.branchIds).filter((id) => !thisYear.some((o) => o.mode !== 'guancha' && o.branchId === id)),
      };
      const input = { year: 2026, departments, observations };
      expect(coverageOf(input)).toStrictEqual({ ...literal, ok: literal.departmentsWithoutXunting.length === 0 && literal.branchesNeverObserved.length === 0 });
      expect(observationCoverage(input)).toStrictEqual(coverageOf(input));
    }), { numRuns: 300 });
  });
  it('OBS-4: a branch listed under two departments is refused', () => {
    expect(codeOf(() => observationCoverage({ year: 2026, departments: [...departments, { id: uid(300), branchIds: [uid(3)] }], observations: [] }))).toBe('DUPLICATE_MEMBER');
  });
});

describe('observerConduct', () => {
  it.each([
    ['xunting', true],
    ['pangting', true],
    ['guancha', false],
  ] as const)('OBS-6: in %s observers never intervene; on-the-spot comment allowed: %s', (mode, onTheSpot) => {
    const c = observerConduct(mode);
    expect([c.mayIntervene, c.onTheSpotComment]).toStrictEqual([false, onTheSpot]);
  });
});

describe('validateObservationNotes', () => {
  const notes = { topic_content: '主题鲜明', speech_quality: '发言有深度', conduct: '程序规范', satisfaction: '党员认可', facts: { topic: '学习两会精神', attendees: '应到 20 实到 18', format: '集中学习+讨论', discussion: '5 人发言' } };
  it('OBS-7: 两听两看 headings in order, and complete notes are accepted', () => {
    expect(NOTE_HEADINGS.map((h) => h.labelZh)).toStrictEqual(['听主题内容', '听发言质量', '看活动组织是否规范庄重', '看党员干部是否满意接受']);
    expect(validateObservationNotes(notes)).toStrictEqual(notes);
  });
  it('OBS-7: notes missing 听发言质量 are refused, naming the field', () => {
    try {
      validateObservationNotes({ ...notes, speech_quality: '' });
      throw new Error('should have thrown');
    } catch (e) {
      expect((e as { fields: unknown }).fields).toStrictEqual([{ path: 'speech_quality', message: '至少 1 个字符' }]);
    }
  });
});
