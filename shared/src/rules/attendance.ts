// ATT-1: absence needs a leave with a reason; a member who attended nothing for N months (policy,
// default 6) and missed at least one meeting without a valid leave is flagged for handling (004).
import { parsePolicy, type TPolicyInput } from '../policy';
import { ZAbsenceInput, type TAbsenceFlag, type TAbsenceResult } from '../schemas/compliance';
import { onDate } from '../time';
import { assertUniqueIds } from './org';
import { parseRuleInput } from './parse';

type Leave = { personId: string; reason: string; approved: boolean };

/** ATT-1: a leave counts only with a reason and when not refused. */
export function isValidLeave(leave: Leave): boolean {
  return leave.approved && leave.reason.trim().length > 0;
}

/** One member's window, counted: what ATT-1 decides on. Meetings are the window's (after windowStart,
 *  up to asOf) that the member was expected at; `leaveWithReason` counts valid leaves among the missed. */
export interface AbsenceCounts {
  personId: string;
  status: 'full' | 'probationary';
  joinedOn: string;
  lastAttendedOn: string | null;
  expected: number;
  present: number;
  leaveWithReason: number;
}

/** ATT-1 decided on counts: the same decision absenceFlags makes on the meetings themselves. The office's
 *  compliance report counts in SQL (app.absence_counts) and decides here, for a province page at once. */
export function absenceDecision(c: AbsenceCounts, windowStart: string, months: number): TAbsenceFlag {
  const missed = Math.max(0, c.expected - c.present);
  const withoutLeave = Math.max(0, missed - c.leaveWithReason);
  const base = { personId: c.personId, lastAttendedOn: c.lastAttendedOn, missedInWindow: missed, missedWithoutLeave: withoutLeave };
  if (c.joinedOn > windowStart) return { ...base, flagged: false, reasonZh: `加入本支部不满 ${months} 个月，暂不判断` };
  if (c.present > 0) return { ...base, flagged: false, reasonZh: `近 ${months} 个月参加过组织生活` };
  if (withoutLeave === 0) return { ...base, flagged: false, reasonZh: c.expected === 0 ? `近 ${months} 个月没有应参加的组织生活` : '缺席均已请假并说明理由' };
  return { ...base, flagged: true, reasonZh: `连续 ${months} 个月未参加组织生活，其中 ${withoutLeave} 次无正当理由，需按规定处理` };
}

/** The window ATT-1 looks back over: (asOf − N months, asOf]. */
export function absenceWindowStart(asOf: string, months: number): string {
  return onDate(asOf).subtract(months, 'month').format('YYYY-MM-DD');
}

export function absenceFlags(input: unknown, policyInput: TPolicyInput = {}): TAbsenceResult {
  const policy = parsePolicy(policyInput);
  const { asOf, members, meetings } = parseRuleInput(ZAbsenceInput, input);
  assertUniqueIds(members.map((m) => m.personId));
  assertUniqueIds(meetings.map((m) => m.id), '会议');
  const windowStart = absenceWindowStart(asOf, policy.absenceFlagMonths);
  const past = meetings.filter((m) => m.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
  // ATT-1 is about 党员: activists and other non-members have no duty to attend.
  const out = members.filter((m): m is typeof m & { status: 'full' | 'probationary' } => m.status === 'full' || m.status === 'probationary').map((member) => {
    const id = member.personId;
    const attended = past.filter((m) => m.presentIds.includes(id));
    const inWindow = past.filter((m) => m.date > windowStart && m.expectedIds.includes(id));
    const missed = inWindow.filter((m) => !m.presentIds.includes(id));
    const withLeave = missed.filter((m) => m.leaves.some((l) => l.personId === id && isValidLeave(l)));
    return absenceDecision({
      personId: id, status: member.status, joinedOn: member.joinedOn, lastAttendedOn: attended[attended.length - 1]?.date ?? null,
      expected: inWindow.length, present: inWindow.length - missed.length, leaveWithReason: withLeave.length,
    }, windowStart, policy.absenceFlagMonths);
  });
  return { windowStart, asOf, members: out, flaggedIds: out.filter((m) => m.flagged).map((m) => m.personId) };
}
