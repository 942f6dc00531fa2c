import type { TMyAttendanceItem, TMyRectificationItem } from '../../miniapp/src/services/branch-schemas';
import { appendPage, attendanceRow, countsLine, myItemRow } from '../../miniapp/src/pkg-member/pages/history/history-logic';

const BRANCH = '0da01a68-3bfe-4ee6-8ac0-575038a32908';
const OBS = 'e2e00000-0000-4000-8000-000000000002';

const meeting = (n: number, over: Partial<TMyAttendanceItem> = {}): TMyAttendanceItem => ({
  meetingId: `00000000-0000-4000-8000-00000000000${n}`, orgId: BRANCH, orgName: '预算科党支部', kind: 'general_meeting', topic: `会议${n}`,
  startsAt: '2026-03-13T09:00:00+08:00', endsAt: '2026-03-13T11:00:00+08:00', place: '三楼会议室',
  state: 'present', checkedInAt: '2026-03-13T08:55:00+08:00', leaveCategory: null, leaveReason: null, ...over,
});

describe('我的参会记录 (ATT-1, FB-4)', () => {
  it('the year in one line, and a year with nothing over says so', () => {
    expect(countsLine({ year: 2026, counts: { present: 5, backfill: 1, leave: 2, absent: 1 } })).toBe('2026年：出席 5 次 · 补录 1 次 · 请假 2 次 · 缺席 1 次');
    expect(countsLine({ year: 2027, counts: { present: 0, backfill: 0, leave: 0, absent: 0 } })).toBe('2027年还没有已结束的会议记录');
  });

  it('each meeting reads 出席 / 补录 / 请假 / 缺席 with its time, kind, branch and detail', () => {
    expect(attendanceRow(meeting(1))).toStrictEqual({
      title: '会议1', description: '2026年3月13日 09:00-11:00\n支部党员大会 · 预算科党支部\n签到 08:55', state: '出席', stateClass: 'present',
    });
    expect(attendanceRow(meeting(2, { state: 'backfill', checkedInAt: '2026-03-13T16:00:00+08:00' })).description).toContain('主持人补录 16:00');
    expect(attendanceRow(meeting(3, { state: 'leave', checkedInAt: null, leaveCategory: 'sick', leaveReason: '住院' }))).toMatchObject({ state: '请假', description: expect.stringContaining('请假理由：住院') });
    expect(attendanceRow(meeting(4, { state: 'absent', checkedInAt: null }))).toMatchObject({ state: '缺席', stateClass: 'absent', description: expect.stringContaining('未签到，也没有请假') });
  });

  it('loading more never lists a meeting twice', () => {
    expect(appendPage([meeting(1), meeting(2)], [meeting(2), meeting(3)]).map((m) => m.topic)).toStrictEqual(['会议1', '会议2', '会议3']);
  });

  it('an item I own: due date and state, why it came back, and where to handle it (FB-2)', () => {
    const item: TMyRectificationItem = {
      id: 'e2e00000-0000-4000-8000-0000000000b1', observationId: OBS, meetingId: 'e2e00000-0000-4000-8000-000000000001',
      meetingTopic: '学习贯彻会议精神', orgName: '预算科党支部', title: '发言提前准备', dueDate: '2026-04-10', status: 'returned',
      state: 'overdue', returnReason: '请附会议记录', submittedAt: null, closedAt: null,
    };
    expect(myItemRow(item)).toStrictEqual({
      title: '发言提前准备',
      description: '2026年4月10日前完成 · 已逾期\n被退回，需重新整改（预算科党支部：学习贯彻会议精神）\n退回理由：请附会议记录',
      urgent: true,
      url: `/pkg-branch/pages/item/index?observationId=${OBS}&itemId=e2e00000-0000-4000-8000-0000000000b1`,
    });
    expect(myItemRow({ ...item, status: 'closed', state: 'done', returnReason: null })).toMatchObject({
      description: '2026年4月10日前完成\n已销号（预算科党支部：学习贯彻会议精神）', urgent: false,
    });
  });
});
