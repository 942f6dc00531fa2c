// OBS-1, OBS-2, OBS-4, OBS-6, OBS-7: what is filed, what must be covered each year, how observers behave.
import * as z from 'zod';
import { OBSERVING_MODES, ZId, ZObservationMode, type TObservationMode } from '../schemas/common';
import { ZCoverageInput, ZObservationCandidate, ZObservationNotes, type TObservationCandidate, type TObservationNotes } from '../schemas/observation';
import { toDateString } from '../time';
import { assertUniqueIds } from './org';
import { parseRuleInput } from './parse';

// Schemas made once: zod compiles a schema on its first parse, so one made per call was compiled per call (see periods.ts).
const ZCandidatesInput = z.object({
  year: z.number().int().min(2000).max(2100), branchIds: z.array(ZId), candidates: z.array(ZObservationCandidate),
}).strict();
const ZConductInput = z.object({ mode: ZObservationMode });

/** OBS-1: validate one 备案表 entry. */
export function validateCandidate(input: unknown): TObservationCandidate {
  return parseRuleInput(ZObservationCandidate, input);
}

/** OBS-1: branches that have not put forward any candidate meeting for the year. */
export function branchesWithoutCandidate(input: unknown): string[] {
  const { year, branchIds, candidates } = parseRuleInput(ZCandidatesInput, input);
  assertUniqueIds(branchIds, '支部');
  const filed = new Set(candidates.filter((c) => toDateString(c.startsAt).startsWith(`${year}-`)).map((c) => c.branchId));
  return branchIds.filter((id) => !filed.has(id));
}

/**
 * OBS-2: every unit (department) gets at least one 巡听 a year.
 * OBS-4: each department committee observes every branch under it at least once a year (巡听 or 旁听).
 */
export function observationCoverage(input: unknown): TCoverage {
  return coverageOf(parseRuleInput(ZCoverageInput, input));
}

export interface TCoverage { departmentsWithoutXunting: string[]; branchesNeverObserved: string[]; ok: boolean }

/**
 * observationCoverage on input already parsed: the office's compliance page passes a province's 10,000 branch
 * ids and ~4,000 observations it read from its own tables; checking each id's form again was most of the
 * rule's time (issue 7: ~20 of ~25 ms).
 */
export function coverageOf(input: z.output<typeof ZCoverageInput>): TCoverage {
  const { year, departments, observations } = input;
  assertUniqueIds(departments.map((d) => d.id), '部门');
  assertUniqueIds(departments.flatMap((d) => d.branchIds), '支部');
  const thisYear = observations.filter((o) => o.date.startsWith(`${year}-`));
  // Sets, not a scan of every observation per department: a province has 100 departments and ~4,000 observations.
  const withXunting = new Set(thisYear.filter((o) => o.mode === 'xunting').map((o) => o.branchId));
  const departmentsWithoutXunting = departments.filter((d) => !d.branchIds.some((id) => withXunting.has(id))).map((d) => d.id);
  const observed = new Set(thisYear.filter((o) => OBSERVING_MODES.includes(o.mode)).map((o) => o.branchId));
  const branchesNeverObserved = departments.flatMap((d) => d.branchIds).filter((id) => !observed.has(id));
  return { departmentsWithoutXunting, branchesNeverObserved, ok: departmentsWithoutXunting.length === 0 && branchesNeverObserved.length === 0 };
}

/**
 * OBS-6: observers sit in and never intervene; 巡听/旁听 observers comment on the spot (现场评议),
 * 观察员 give no opinion on the spot (001) and write it up afterwards.
 */
export function observerConduct(mode: TObservationMode): { mayIntervene: false; onTheSpotComment: boolean; noteZh: string } {
  const m = parseRuleInput(ZConductInput, { mode }).mode;
  const onTheSpotComment = m !== 'guancha';
  return { mayIntervene: false, onTheSpotComment, noteZh: onTheSpotComment ? '列席旁听，不干预会议进程，会后现场评议' : '列席旁听，会前不干预，现场不发表意见，会后书面评价' };
}

/** OBS-7: the 两听两看 headings, in the order the form shows them. */
export const NOTE_HEADINGS = [
  { key: 'topic_content', labelZh: '听主题内容' },
  { key: 'speech_quality', labelZh: '听发言质量' },
  { key: 'conduct', labelZh: '看活动组织是否规范庄重' },
  { key: 'satisfaction', labelZh: '看党员干部是否满意接受' },
] as const;

/** OBS-7: notes must cover all four headings and the facts (topic, attendees, format, discussion). */
export function validateObservationNotes(input: unknown): TObservationNotes {
  return parseRuleInput(ZObservationNotes, input);
}
