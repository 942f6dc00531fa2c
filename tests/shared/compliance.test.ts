import { branchCompliance, complianceFetchRange, periodOf, themeDayDate, windowsOverlapping } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

const G1 = uid(901);
const G2 = uid(902);
const branch = { id: uid(1), hasCommittee: true, groupIds: [G1, G2] };
let n = 0;
const m = (kind: string, date: string, groupId?: string) => ({ id: uid(500 + (n += 1)), kind, date, ...(groupId ? { groupId } : {}) });

describe('periodOf', () => {
  it.each([
    ['month', '2024-02-10', { start: '2024-02-01', end: '2024-02-29' }],
    ['quarter', '2026-05-20', { start: '2026-04-01', end: '2026-06-30' }],
    ['year', '2026-05-20', { start: '2026-01-01', end: '2026-12-31' }],
  ] as const)('CALC-4: the %s around %s (leap February included)', (unit, date, expected) => {
    expect(periodOf(unit, date)).toStrictEqual(expected);
  });
});

describe('windowsOverlapping', () => {
  it('CALC-4: February to April overlaps two quarters', () => {
    expect(windowsOverlapping('quarter', { start: '2026-02-01', end: '2026-04-30' })).toStrictEqual([
      { start: '2026-01-01', end: '2026-03-31' }, { start: '2026-04-01', end: '2026-06-30' },
    ]);
  });
  it('CALC-4: an end before the start is PERIOD_INVALID', () => {
    expect(codeOf(() => windowsOverlapping('month', { start: '2026-04-30', end: '2026-02-01' }))).toBe('PERIOD_INVALID');
  });
  it('CALC-4: a repeated question gets the same windows, and changing one answer does not change the next', () => {
    const year = { start: '2026-01-01', end: '2026-12-31' };
    const first = windowsOverlapping('month', year);
    first[0]!.start = '1999-01-01';
    first.pop();
    const again = windowsOverlapping('month', year);
    expect(again).toHaveLength(12);
    expect(again[0]).toStrictEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(again[11]).toStrictEqual({ start: '2026-12-01', end: '2026-12-31' });
  });
});

describe('themeDayDate', () => {
  it.each([
    [2026, 3, { nth: 1, isoWeekday: 5 }, '2026-03-06'],
    [2026, 5, { nth: 1, isoWeekday: 5 }, '2026-05-01'],
    [2024, 2, { nth: 1, isoWeekday: 5 }, '2024-02-02'],
    [2026, 3, { nth: 2, isoWeekday: 3 }, '2026-03-11'],
    [2026, 3, null, null],
  ] as const)('MTG-5: %i-%i with rule %o → %s', (y, mo, rule, expected) => {
    expect(themeDayDate(y, mo, rule)).toBe(expected);
  });
  it('MTG-5: answers are remembered per rule: a changed policy day gets its own date, a bad month is still refused', () => {
    expect(themeDayDate(2027, 1, { nth: 1, isoWeekday: 5 })).toBe('2027-01-01');
    expect(themeDayDate(2027, 1, { nth: 1, isoWeekday: 5 })).toBe('2027-01-01');
    expect(themeDayDate(2027, 1, { nth: 2, isoWeekday: 5 })).toBe('2027-01-08');
    expect(themeDayDate(2027, 1, { nth: 1, isoWeekday: 1 })).toBe('2027-01-04');
    expect(themeDayDate(2027, 1, null)).toBeNull();
    expect(codeOf(() => themeDayDate(2027, 13, { nth: 1, isoWeekday: 5 }))).toBe('VALIDATION_FAILED');
  });
});

describe('complianceFetchRange', () => {
  it('CALC-4: a March report needs the whole year of meetings (yearly 组织生活会)', () => {
    expect(complianceFetchRange({ start: '2026-03-01', end: '2026-03-31' })).toStrictEqual({ start: '2026-01-01', end: '2026-12-31' });
  });
});

describe('branchCompliance', () => {
  const q1 = { start: '2026-01-01', end: '2026-03-31' };
  const fullQ1 = [
    m('general_meeting', '2026-02-10'), m('party_lecture', '2026-03-20'),
    ...['01', '02', '03'].flatMap((mm) => [m('committee_meeting', `2026-${mm}-05`), m('group_meeting', `2026-${mm}-12`, G1), m('group_meeting', `2026-${mm}-13`, G2)]),
    m('theme_day', '2026-01-02'), m('theme_day', '2026-02-06'), m('theme_day', '2026-03-13'),
  ];
  it('MTG-1, MTG-2, MTG-3, MTG-4, MTG-5: a branch that held everything in Q1 is compliant; the yearly items are pending', () => {
    const r = branchCompliance({ branch, period: q1, meetings: fullQ1 });
    expect(r.ok).toBe(true);
    expect(r.items.map((i) => [i.ruleId, i.groupId ?? null, i.windows.map((w) => w.state).join(',')])).toStrictEqual([
      ['MTG-1', null, 'met'], ['MTG-2', null, 'met,met,met'], ['MTG-3', G1, 'met,met,met'], ['MTG-3', G2, 'met,met,met'],
      ['MTG-4', null, 'met'], ['MTG-5', null, 'met,met,met'], ['MTG-6', null, 'pending'], ['MTG-7', null, 'pending'],
    ]);
  });
  it('MTG-5: the March theme day was held on the 13th, not on the first Friday (6th)', () => {
    const r = branchCompliance({ branch, period: q1, meetings: fullQ1 });
    const theme = r.items.find((i) => i.ruleId === 'MTG-5');
    expect(theme?.windows.map((w) => [w.scheduledDate, w.onSchedule])).toStrictEqual([['2026-01-02', true], ['2026-02-06', true], ['2026-03-06', false]]);
  });
  it('MTG-2, MTG-3, CALC-4: a missing February committee meeting and group 2\'s March meeting are listed', () => {
    const meetings = fullQ1.filter((x) => !(x.kind === 'committee_meeting' && x.date.startsWith('2026-02')) && !(x.groupId === G2 && x.date.startsWith('2026-03')));
    expect(branchCompliance({ branch, period: q1, meetings }).missing).toStrictEqual([
      { ruleId: 'MTG-2', kind: 'committee_meeting', start: '2026-02-01', end: '2026-02-28' },
      { ruleId: 'MTG-3', kind: 'group_meeting', groupId: G2, start: '2026-03-01', end: '2026-03-31' },
    ]);
  });
  it('MTG-1, MTG-4: a quarter still open at asOf is pending, not missing', () => {
    const r = branchCompliance({ branch: { id: uid(1), hasCommittee: false }, period: { start: '2026-04-01', end: '2026-04-30' }, asOf: '2026-04-30', meetings: [] });
    expect(r.items.map((i) => [i.ruleId, i.windows.map((w) => w.state).join(',')])).toStrictEqual([
      ['MTG-1', 'pending'], ['MTG-4', 'pending'], ['MTG-5', 'missing'], ['MTG-6', 'pending'], ['MTG-7', 'pending'],
    ]);
  });
  it('MTG-6, MTG-7: a year without a 组织生活会 or 民主评议 is missing both', () => {
    const r = branchCompliance({ branch: { id: uid(1), hasCommittee: false }, period: { start: '2025-01-01', end: '2025-12-31' }, meetings: [m('life_meeting', '2024-12-20')] });
    expect(r.missing.filter((x) => x.ruleId === 'MTG-6' || x.ruleId === 'MTG-7')).toStrictEqual([
      { ruleId: 'MTG-6', kind: 'life_meeting', start: '2025-01-01', end: '2025-12-31' },
      { ruleId: 'MTG-7', kind: 'member_appraisal', start: '2025-01-01', end: '2025-12-31' },
    ]);
  });
  it('MTG-2: a branch without a 支委会 has no committee-meeting requirement', () => {
    const r = branchCompliance({ branch: { id: uid(1), hasCommittee: false }, period: q1, meetings: [] });
    expect(r.items.some((i) => i.ruleId === 'MTG-2')).toBe(false);
  });
  it.each([
    ['an end before the start', { branch, period: { start: '2026-03-31', end: '2026-01-01' }, meetings: [] }, 'PERIOD_INVALID'],
    ['an unknown meeting kind', { branch, period: q1, meetings: [{ id: uid(1), kind: 'tea_party', date: '2026-01-05' }] }, 'UNKNOWN_MEETING_KIND'],
    ['the same meeting twice', { branch, period: q1, meetings: [{ id: uid(1), kind: 'theme_day', date: '2026-01-05' }, { id: uid(1), kind: 'theme_day', date: '2026-01-05' }] }, 'DUPLICATE_MEMBER'],
    ['a date that does not exist', { branch, period: { start: '2026-02-01', end: '2026-02-30' }, meetings: [] }, 'VALIDATION_FAILED'],
  ])('CALC-4: refuses %s', (_name, input, code) => {
    expect(codeOf(() => branchCompliance(input))).toBe(code);
  });
});
