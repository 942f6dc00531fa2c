import { deadlineState, DEFAULT_POLICY, observationDeadlines } from '@tingkan/shared';
import { codeOf } from './fixtures';

const due = (rows: { key: string; dueDate: string; state: string }[]) => Object.fromEntries(rows.map((r) => [r.key, `${r.dueDate} ${r.state}`]));

describe('observationDeadlines', () => {
  it('CALC-3, FB-1, FB-6: a 旁听 on the day before National Day: sheets by the 调休 Saturday 10-10, feedback by 10-13', () => {
    const rows = observationDeadlines({ observation: { mode: 'pangting', kind: 'party_lecture', startsAt: '2026-09-30T15:00:00+08:00' }, now: '2026-10-08T09:00:00+08:00' });
    expect(due(rows)).toStrictEqual({
      sheet_submission: '2026-10-10 due_soon',
      feedback_to_branch: '2026-10-13 upcoming',
      rectification: '2026-11-13 upcoming',
      commitment_report: '2027-01-13 upcoming',
      progress_report: '2027-04-13 upcoming',
    });
  });
  it('OBS-5, FB-3: a 观察员 visit booked by the branch adds booking (1 month), plan (1 week) and the invitee\'s report-back; feedback skips 清明 (4-6 April)', () => {
    const rows = observationDeadlines({
      observation: { mode: 'guancha', kind: 'general_meeting', startsAt: '2026-03-31T09:00:00+08:00', scheduledBy: 'branch', inviteeNextCommitteeMeetingOn: '2026-04-15' },
      done: { booking: '2026-02-20T10:00:00+08:00', plan_submission: '2026-03-25T18:00:00+08:00' },
      now: '2026-04-01T09:00:00+08:00',
    });
    expect(rows.slice(0, 2)).toStrictEqual([
      { key: 'booking', ruleId: 'OBS-5', labelZh: '支部预约观摩时间', dueDate: '2026-02-28', basis: 'months', state: 'done', doneOn: '2026-02-20', late: false },
      { key: 'plan_submission', ruleId: 'OBS-5', labelZh: '提交组织方案（议程、内容、主持人、时间地点）', dueDate: '2026-03-24', basis: 'calendar_days', state: 'done', doneOn: '2026-03-25', late: true },
    ]);
    expect(due(rows)).toMatchObject({ sheet_submission: '2026-04-03 due_soon', feedback_to_branch: '2026-04-08 upcoming', report_back: '2026-04-15 upcoming' });
  });
  it('FB-2, FB-4: rectification and progress reports run from the day feedback actually arrived', () => {
    const rows = observationDeadlines({ observation: { mode: 'xunting', kind: 'theme_day', startsAt: '2026-03-06T09:30:00+08:00' }, done: { feedback_to_branch: '2026-03-09T17:00:00+08:00' }, now: '2026-04-10T09:00:00+08:00' });
    expect(due(rows)).toStrictEqual({
      sheet_submission: '2026-03-11 overdue', feedback_to_branch: '2026-03-13 done', rectification: '2026-04-09 overdue',
      commitment_report: '2026-06-09 upcoming', progress_report: '2026-09-09 upcoming',
    });
  });
  it('FB-3: without a known date, the report-back falls due at the end of the following month (committees meet monthly, MTG-2)', () => {
    const rows = observationDeadlines({ observation: { mode: 'guancha', kind: 'committee_meeting', startsAt: '2026-01-30T14:00:00+08:00' }, now: '2026-01-01T09:00:00+08:00' });
    expect(rows.find((r) => r.key === 'report_back')?.dueDate).toBe('2026-02-28');
    expect(rows.some((r) => r.key === 'booking')).toBe(false);
  });
  it('FB-1 (policy): 2 working days for sheets moves the date', () => {
    const rows = observationDeadlines({ observation: { mode: 'pangting', kind: 'party_lecture', startsAt: '2026-09-30T15:00:00+08:00' }, now: '2026-09-30T16:00:00+08:00' }, { sheetsDueWorkingDays: 2 });
    expect(rows[0]?.dueDate).toBe('2026-10-09');
  });
  it('FB-6: a meeting late in December 2026 cannot get working-day deadlines past the holiday data: CALENDAR_OUT_OF_RANGE', () => {
    expect(codeOf(() => observationDeadlines({ observation: { mode: 'pangting', kind: 'party_lecture', startsAt: '2026-12-29T15:00:00+08:00' }, now: '2026-12-29T16:00:00+08:00' }))).toBe('CALENDAR_OUT_OF_RANGE');
  });
  it('CALC-3: an instant is read in Shanghai: 30 Sep 17:00 UTC is a meeting on 1 October', () => {
    const rows = observationDeadlines({ observation: { mode: 'pangting', kind: 'party_lecture', startsAt: '2026-09-30T17:00:00Z' }, now: '2026-10-01T09:00:00+08:00' });
    expect(rows[0]?.dueDate).toBe('2026-10-10');
  });
  it.each([
    ['an unknown meeting kind', { observation: { mode: 'pangting', kind: 'party', startsAt: '2026-03-06T09:30:00+08:00' }, now: '2026-03-06T09:30:00+08:00' }, 'UNKNOWN_MEETING_KIND'],
    ['a time without an offset', { observation: { mode: 'pangting', kind: 'party_lecture', startsAt: '2026-03-06 09:30' }, now: '2026-03-06T09:30:00+08:00' }, 'VALIDATION_FAILED'],
    ['no now', { observation: { mode: 'pangting', kind: 'party_lecture', startsAt: '2026-03-06T09:30:00+08:00' } }, 'VALIDATION_FAILED'],
  ])('CALC-3: refuses %s', (_n, input, code) => {
    expect(codeOf(() => observationDeadlines(input))).toBe(code);
  });
});

describe('deadlineState', () => {
  it.each([
    ['2026-03-11', '2026-03-07', null, 'upcoming'],
    ['2026-03-11', '2026-03-08', null, 'due_soon'],
    ['2026-03-11', '2026-03-11', null, 'due_soon'],
    ['2026-03-11', '2026-03-12', null, 'overdue'],
    ['2026-03-11', '2026-03-20', '2026-03-15', 'done'],
  ] as const)('CALC-3: due %s, today %s, done %s → %s', (dueDate, today, doneOn, state) => {
    expect(deadlineState(dueDate, today, doneOn, DEFAULT_POLICY)).toBe(state);
  });
  it('CALC-3: a malformed date is refused', () => {
    expect(codeOf(() => deadlineState('2026-3-11', '2026-03-08', null, DEFAULT_POLICY))).toBe('VALIDATION_FAILED');
  });
});
