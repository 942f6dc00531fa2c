import { addWorkingDays, calendarRange, DEFAULT_POLICY, holidayName, isWorkingDay, parsePolicy, workingDaysBetween } from '@tingkan/shared';
import { codeOf } from './fixtures';

describe('parsePolicy', () => {
  it('OBS-3, FB-1, FB-2, MTG-5, ATT-1, RATE-1..3: defaults are the documents\' numbers', () => {
    expect(DEFAULT_POLICY).toStrictEqual({
      samplingRate: 0.35,
      groupSize: { xunting: { min: 3, max: 3 }, pangting: { min: 3, max: 5 }, guancha: { min: 2, max: 3 } },
      allowSingleUnitGroup: false,
      planDueDaysBefore: 7,
      bookingMonthsAhead: 1,
      sheetsDueWorkingDays: 3,
      feedbackDueWorkingDays: 5,
      rectificationMonths: 1,
      progressReportMonths: 6,
      commitmentReportMonths: 3,
      dueSoonDays: 3,
      themeDay: { nth: 1, isoWeekday: 5 },
      absenceFlagMonths: 6,
      quotas: { excellentMembers: 1 / 3, advancedOrgs: 0.15, goodSecretaries: 0.15 },
      rubricByMode: { xunting: 'pingyi_5', pangting: 'pingyi_5', guancha: 'guancha_3' },
    });
  });
  it('OBS-3: a deployment overrides one number and keeps the other defaults', () => {
    const p = parsePolicy({ samplingRate: 0.5, groupSize: { pangting: { min: 4, max: 5 } } });
    expect([p.samplingRate, p.groupSize.pangting, p.groupSize.xunting, p.feedbackDueWorkingDays]).toStrictEqual([0.5, { min: 4, max: 5 }, { min: 3, max: 3 }, 5]);
  });
  it.each([
    ['a sampling rate above 100%', { samplingRate: 1.2 }],
    ['a zero sampling rate', { samplingRate: 0 }],
    ['a group whose max is below its min', { groupSize: { pangting: { min: 5, max: 3 } } }],
    ['a negative working-day count', { sheetsDueWorkingDays: -1 }],
    ['an unknown key', { sampleRate: 0.3 }],
    ['a theme day on weekday 8', { themeDay: { nth: 1, isoWeekday: 8 } }],
  ])('refuses %s with POLICY_INVALID', (_label, input) => {
    expect(codeOf(() => parsePolicy(input))).toBe('POLICY_INVALID');
  });
  it('names the bad field in Chinese', () => {
    try { parsePolicy({ samplingRate: 2 }); } catch (e) {
      expect((e as { fields: unknown }).fields).toStrictEqual([{ path: 'samplingRate', message: '不能大于 1' }]);
    }
  });
});

describe('calendarRange', () => {
  it('FB-6: the holiday data covers 2004 to 2026 (chinese-days 1.5.7)', () => {
    expect(calendarRange()).toStrictEqual({ firstYear: 2004, lastYear: 2026 });
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-10-01', false, 'National Day'],
    ['2026-10-10', true, 'a 调休 make-up Saturday'],
    ['2026-10-11', false, 'an ordinary Sunday'],
    ['2026-09-30', true, 'the Wednesday before National Day'],
    ['2024-02-29', true, 'leap day 2024 (a Thursday)'],
    ['2026-02-14', true, 'the 调休 Saturday before Spring Festival 2026'],
  ])('FB-6: %s is working=%s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
  it('FB-6: refuses 2027, which the data does not have, instead of guessing', () => {
    expect(codeOf(() => isWorkingDay('2027-03-01'))).toBe('CALENDAR_OUT_OF_RANGE');
  });
  it('FB-6: refuses a date that does not exist (2026-02-29)', () => {
    expect(codeOf(() => isWorkingDay('2026-02-29'))).toBe('VALIDATION_FAILED');
  });
});

describe('holidayName', () => {
  it('FB-6: names the statutory holiday, and nothing on a make-up working day', () => {
    expect([holidayName('2026-10-01'), holidayName('2026-10-10'), holidayName('2026-10-12')]).toStrictEqual(['国庆节', null, null]);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-09-30', 3, '2026-10-10', 'the day before National Day: skips 10-01..10-07, counts 10-08, 10-09 and 调休 Saturday 10-10'],
    ['2026-09-30', 5, '2026-10-13', 'five working days from the same Wednesday'],
    ['2026-09-30', 1, '2026-10-08', 'the first working day after the holiday'],
    ['2024-02-28', 1, '2024-02-29', 'leap year: 29 February 2024 exists and is a Thursday'],
    ['2026-03-06', 3, '2026-03-11', 'a Friday: the weekend does not count'],
    ['2026-10-12', -1, '2026-10-10', 'backwards, landing on the make-up Saturday'],
    ['2026-10-03', 0, '2026-10-08', 'zero days from a holiday is the next working day'],
  ])('FB-6: %s + %i working days = %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });
  it('FB-6: a deadline that would run into 2027 throws CALENDAR_OUT_OF_RANGE', () => {
    expect(codeOf(() => addWorkingDays('2026-12-29', 5))).toBe('CALENDAR_OUT_OF_RANGE');
  });
  it('FB-6: refuses a date that is not YYYY-MM-DD', () => {
    expect(codeOf(() => addWorkingDays('2026/10/01', 1))).toBe('VALIDATION_FAILED');
  });
});

describe('workingDaysBetween', () => {
  it('FB-6: the National Day fortnight of 2026 has 7 working days, make-up Saturday included', () => {
    expect(workingDaysBetween('2026-09-28', '2026-10-12')).toStrictEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
  });
  it('FB-6: an end before the start is PERIOD_INVALID', () => {
    expect(codeOf(() => workingDaysBetween('2026-10-12', '2026-09-28'))).toBe('PERIOD_INVALID');
  });
});
