import { dueReminders, observationDeadlines, observationReminderItems, reminderSlots, type TReminderItem } from '@tingkan/shared';

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const item = (over: Partial<TReminderItem> = {}): TReminderItem => ({
  ref: 'rect:1', key: 'rectification_item', labelZh: '整改事项：补全会议记录', dueDate: '2026-04-10', done: false,
  recipients: [P1], templateKey: 'rectification', ...over,
});

describe('reminderSlots (D9, CALC-3)', () => {
  it('3 days before, on the due day, then daily when overdue up to 3 times', () => {
    expect(reminderSlots('2026-04-10')).toEqual([
      { slot: 'before_3', on: '2026-04-07' }, { slot: 'due', on: '2026-04-10' },
      { slot: 'overdue_1', on: '2026-04-11' }, { slot: 'overdue_2', on: '2026-04-12' }, { slot: 'overdue_3', on: '2026-04-13' },
    ]);
  });
  it('the schedule is a parameter: 7 and 1 days before, one overdue reminder', () => {
    expect(reminderSlots('2026-03-01', { beforeDays: [1, 7], overdueTimes: 1 }).map((s) => `${s.slot}@${s.on}`))
      .toEqual(['before_7@2026-02-22', 'before_1@2026-02-28', 'due@2026-03-01', 'overdue_1@2026-03-02']);
  });
});

describe('dueReminders (D9)', () => {
  const at = (today: string, sent: { ref: string; personId: string; slot: string }[] = [], over: Partial<TReminderItem> = {}) =>
    dueReminders({ today, items: [item(over)], sent }).map((r) => `${r.personId === P1 ? 'P1' : 'P2'}:${r.slot}`);

  it.each([
    ['2026-04-06', []], ['2026-04-07', ['P1:before_3']], ['2026-04-09', ['P1:before_3']], ['2026-04-10', ['P1:due']],
    ['2026-04-11', ['P1:overdue_1']], ['2026-04-13', ['P1:overdue_3']], ['2026-05-30', ['P1:overdue_3']],
  ])('on %s with nothing sent yet → %j (a missed run catches up with one reminder, not a burst)', (today, expected) => {
    expect(at(today)).toEqual(expected);
  });

  it('a slot already decided is not decided again, nor an earlier one once a later one went out', () => {
    expect(at('2026-04-08', [{ ref: 'rect:1', personId: P1, slot: 'before_3' }])).toEqual([]);
    expect(at('2026-04-10', [{ ref: 'rect:1', personId: P1, slot: 'before_3' }])).toEqual(['P1:due']);
    expect(at('2026-04-20', [{ ref: 'rect:1', personId: P1, slot: 'overdue_3' }])).toEqual([]);
  });

  it('a done deadline yields nothing; each recipient is counted on their own', () => {
    expect(at('2026-04-10', [], { done: true })).toEqual([]);
    expect(at('2026-04-10', [{ ref: 'rect:1', personId: P1, slot: 'due' }], { recipients: [P1, P2] })).toEqual(['P2:due']);
  });

  it('bad input is refused with the field named', () => {
    expect(() => dueReminders({ today: '2026-02-30', items: [] })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('observationReminderItems: who must act on each deadline (OBS-5, FB-1..4)', () => {
  const deadlines = observationDeadlines({
    observation: { mode: 'guancha', kind: 'general_meeting', startsAt: '2026-03-13T09:00:00+08:00' },
    done: { sheet_submission: '2026-03-16T10:00:00+08:00' }, now: '2026-03-17T09:00:00+08:00',
  });
  const parties = { branchLeaders: ['sec'], groupLeaders: ['lead'], pendingObservers: ['obs'], invitees: ['inv'] };

  it('before the feedback: the plan to the branch leaders, sheets to pending observers, feedback to the group leader, report-back to the invitee', () => {
    const items = observationReminderItems('o1', deadlines, parties, false);
    expect(items.map((i) => [i.key, i.dueDate, i.recipients, i.done])).toEqual([
      ['plan_submission', '2026-03-06', ['sec'], false],
      ['sheet_submission', '2026-03-18', ['obs'], true],
      ['feedback_to_branch', '2026-03-20', ['lead'], false],
      ['report_back', '2026-04-30', ['inv'], false],
    ]);
    expect(items[0]).toMatchObject({ ref: 'obs:o1:plan_submission', templateKey: 'deadline', labelZh: '提交组织方案（议程、内容、主持人、时间地点）' });
  });

  it('after the feedback: rectification (FB-2) and the progress reports (FB-4) go to the branch leaders too', () => {
    const keys = observationReminderItems('o1', deadlines, parties, true).filter((i) => i.recipients.includes('sec')).map((i) => i.key);
    expect(keys).toEqual(['plan_submission', 'rectification', 'commitment_report', 'progress_report']);
  });
});
