// MTG-9..12: what a meeting record must hold, the yearly plan, and 双重组织生活.
import * as z from 'zod';
import { DomainError } from '../errors';
import { ZId } from '../schemas/common';
import { ZDualLifeInput, ZMeetingRecord, ZPartyLectureRecord, ZYearPlan, type TPartyLectureRecord } from '../schemas/records';
import { toDateString } from '../time';
import { assertUniqueIds } from './org';
import { parseRuleInput } from './parse';

// Schemas made once: zod compiles a schema on its first parse, so one made per call was compiled per call (see periods.ts).
const ZYearPlanStatusInput = z.object({ year: z.number().int(), branchIds: z.array(ZId), plans: z.array(ZYearPlan) }).strict();

/** MTG-9: validate a 党课 record (title, time, lecturer, present and absent counts). */
export function validatePartyLecture(input: unknown): TPartyLectureRecord & { total: number } {
  const r = parseRuleInput(ZPartyLectureRecord, input);
  return { ...r, total: r.presentCount + r.absentCount };
}

const ZSecretaryLectures = z.object({
  year: z.number().int().min(2000).max(2100),
  secretaryIds: z.array(ZId),
  lectures: z.array(z.object({ lecturerId: ZId, startsAt: z.iso.datetime({ offset: true }) }).strict()),
}).strict();

/** MTG-9: each 党委/党组书记 gives at least one 党课 a year; returns those who have not. */
export function secretariesWithoutLecture(input: unknown): string[] {
  const { year, secretaryIds, lectures } = parseRuleInput(ZSecretaryLectures, input);
  assertUniqueIds(secretaryIds);
  const gave = new Set(lectures.filter((l) => toDateString(l.startsAt).startsWith(`${year}-`)).map((l) => l.lecturerId));
  return secretaryIds.filter((id) => !gave.has(id));
}

/**
 * MTG-11: a record is complete when every expected member is either present or absent with a
 * reason. Contradictions (present and absent, absent but not expected) are refused, not guessed.
 */
export function checkMeetingRecord(input: unknown): { expected: number; present: number; absent: number; absentWithoutReason: string[]; complete: boolean } {
  const r = parseRuleInput(ZMeetingRecord, input);
  assertUniqueIds(r.expectedIds, '应到');
  assertUniqueIds(r.presentIds, '实到');
  assertUniqueIds(r.absences.map((a) => a.personId), '缺席');
  const present = new Set(r.presentIds);
  const expected = new Set(r.expectedIds);
  for (const a of r.absences) {
    if (present.has(a.personId)) throw new DomainError('VALIDATION_FAILED', `${a.personId} 既记为出席又记为缺席`);
    if (!expected.has(a.personId)) throw new DomainError('VALIDATION_FAILED', `${a.personId} 不在应到名单中却记为缺席`);
  }
  const noted = new Set(r.absences.filter((a) => a.reason.trim() !== '').map((a) => a.personId));
  const missingIds = r.expectedIds.filter((id) => !present.has(id));
  const absentWithoutReason = missingIds.filter((id) => !noted.has(id));
  return { expected: expected.size, present: r.expectedIds.filter((id) => present.has(id)).length, absent: missingIds.length, absentWithoutReason, complete: absentWithoutReason.length === 0 };
}

/** MTG-10: per branch, whether the yearly plan and the year-end report are filed. */
export function yearPlanStatus(input: unknown): { branchId: string; planFiled: boolean; reportFiled: boolean }[] {
  const { year, branchIds, plans } = parseRuleInput(ZYearPlanStatusInput, input);
  assertUniqueIds(branchIds, '支部');
  return branchIds.map((branchId) => {
    const p = plans.find((x) => x.branchId === branchId && x.year === year);
    return { branchId, planFiled: !!p?.planFiledOn, reportFiled: !!p?.reportFiledOn };
  });
}

/**
 * MTG-12: a leading cadre attends their own branch's 组织生活会 and at least one other branch's
 * (002, 004); observers check this (001).
 */
export function dualLifeCheck(input: unknown): { personId: string; attendedOwn: boolean; guidedBranchIds: string[]; ok: boolean }[] {
  const { year, cadres, attendances } = parseRuleInput(ZDualLifeInput, input);
  assertUniqueIds(cadres.map((c) => c.personId), '领导干部');
  return cadres.map(({ personId, ownBranchId }) => {
    const mine = attendances.filter((a) => a.personId === personId && a.kind === 'life_meeting' && a.date.startsWith(`${year}-`));
    const attendedOwn = mine.some((a) => a.branchId === ownBranchId);
    const guidedBranchIds = [...new Set(mine.filter((a) => a.branchId !== ownBranchId).map((a) => a.branchId))].sort();
    return { personId, attendedOwn, guidedBranchIds, ok: attendedOwn && guidedBranchIds.length > 0 };
  });
}
