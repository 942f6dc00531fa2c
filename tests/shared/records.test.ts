import { checkMeetingRecord, dualLifeCheck, secretariesWithoutLecture, validatePartyLecture, yearPlanStatus } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

describe('validatePartyLecture', () => {
  const lecture = { title: '学习贯彻党的二十届四中全会精神', startsAt: '2026-03-06T09:30:00+08:00', lecturer: '王书记', presentCount: 23, absentCount: 2 };
  it('MTG-9: a 党课 record with title, time, lecturer and counts is accepted with its total', () => {
    expect(validatePartyLecture(lecture)).toStrictEqual({ ...lecture, total: 25 });
  });
  it.each([
    ['a negative absent count', { ...lecture, absentCount: -1 }],
    ['no lecturer', { ...lecture, lecturer: ' ' }],
    ['a time without offset', { ...lecture, startsAt: '2026-03-06T09:30:00' }],
  ])('MTG-9: refuses %s', (_n, input) => {
    expect(codeOf(() => validatePartyLecture(input))).toBe('VALIDATION_FAILED');
  });
});

describe('secretariesWithoutLecture', () => {
  it('MTG-9: a 党课 at 00:30 on 1 January in Shanghai (16:30 UTC the day before) counts for 2026; one at 23:00 on 31 December does not', () => {
    expect(secretariesWithoutLecture({ year: 2026, secretaryIds: [uid(1), uid(2)], lectures: [
      { lecturerId: uid(1), startsAt: '2026-05-10T10:00:00+08:00' },
      { lecturerId: uid(2), startsAt: '2025-12-31T16:30:00Z' },
    ] })).toStrictEqual([]);
    expect(secretariesWithoutLecture({ year: 2026, secretaryIds: [uid(1), uid(2)], lectures: [
      { lecturerId: uid(2), startsAt: '2025-12-31T23:00:00+08:00' },
    ] })).toStrictEqual([uid(1), uid(2)]);
  });
});

describe('checkMeetingRecord', () => {
  const record = {
    kind: 'general_meeting', startsAt: '2026-03-06T09:30:00+08:00', place: '三楼会议室', topic: '传达学习全国两会精神',
    expectedIds: [uid(1), uid(2), uid(3), uid(4)], presentIds: [uid(1), uid(2), uid(9)],
    absences: [{ personId: uid(3), reason: '病假' }], decisions: ['通过年度学习计划'],
  };
  it('MTG-11: an absent member without a reason makes the record incomplete', () => {
    expect(checkMeetingRecord(record)).toStrictEqual({ expected: 4, present: 2, absent: 2, absentWithoutReason: [uid(4)], complete: false });
  });
  it('MTG-11: with every absence explained the record is complete', () => {
    expect(checkMeetingRecord({ ...record, absences: [...record.absences, { personId: uid(4), reason: '公差' }] }).complete).toBe(true);
  });
  it.each([
    ['someone both present and absent', { ...record, absences: [{ personId: uid(1), reason: '病假' }] }, 'VALIDATION_FAILED'],
    ['an unknown meeting kind', { ...record, kind: 'banquet' }, 'UNKNOWN_MEETING_KIND'],
    ['a duplicate expected member', { ...record, expectedIds: [uid(1), uid(1)] }, 'DUPLICATE_MEMBER'],
    ['no place', { ...record, place: '' }, 'VALIDATION_FAILED'],
  ])('MTG-11: refuses %s', (_n, input, code) => {
    expect(codeOf(() => checkMeetingRecord(input))).toBe(code);
  });
});

describe('yearPlanStatus', () => {
  it('MTG-10: one branch filed plan and report, one only the plan, one nothing', () => {
    expect(yearPlanStatus({ year: 2026, branchIds: [uid(1), uid(2), uid(3)], plans: [
      { branchId: uid(1), year: 2026, planFiledOn: '2026-01-15', reportFiledOn: '2026-12-20' },
      { branchId: uid(2), year: 2026, planFiledOn: '2026-02-01', reportFiledOn: null },
      { branchId: uid(3), year: 2025, planFiledOn: '2025-01-10', reportFiledOn: '2025-12-28' },
    ] })).toStrictEqual([
      { branchId: uid(1), planFiled: true, reportFiled: true },
      { branchId: uid(2), planFiled: true, reportFiled: false },
      { branchId: uid(3), planFiled: false, reportFiled: false },
    ]);
  });
});

describe('dualLifeCheck', () => {
  it('MTG-12: a cadre must attend their own 组织生活会 and guide at least one other branch\'s', () => {
    const attendances = [
      { personId: uid(1), branchId: uid(10), kind: 'life_meeting', date: '2026-12-10' },
      { personId: uid(1), branchId: uid(11), kind: 'life_meeting', date: '2026-12-15' },
      { personId: uid(2), branchId: uid(20), kind: 'life_meeting', date: '2026-12-11' },
      { personId: uid(2), branchId: uid(21), kind: 'general_meeting', date: '2026-12-12' },
      { personId: uid(3), branchId: uid(31), kind: 'life_meeting', date: '2025-12-20' },
    ];
    expect(dualLifeCheck({ year: 2026, cadres: [{ personId: uid(1), ownBranchId: uid(10) }, { personId: uid(2), ownBranchId: uid(20) }, { personId: uid(3), ownBranchId: uid(30) }], attendances })).toStrictEqual([
      { personId: uid(1), attendedOwn: true, guidedBranchIds: [uid(11)], ok: true },
      { personId: uid(2), attendedOwn: true, guidedBranchIds: [], ok: false },
      { personId: uid(3), attendedOwn: false, guidedBranchIds: [], ok: false },
    ]);
  });
});
