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

export function absenceFlags(input: unknown, policyInput: TPolicyInput = {}): TAbsenceResult {
  const policy = parsePolicy(policyInput);
  const { asOf, members, meetings } = parseRuleInput(ZAbsenceInput, input);
  assertUniqueIds(members.map((m) => m.personId));
  assertUniqueIds(meetings.map((m) => m.id), '会议');
  const windowStart = onDate(asOf).subtract(policy.absenceFlagMonths, 'month').format('YYYY-MM-DD');
  const past = meetings.filter((m) => m.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
  const out: TAbsenceFlag[] = [];
  // ATT-1 is about 党员: activists and other non-members have no duty to attend.
  for (const member of members.filter((m) => m.status === 'full' || m.status === 'probationary')) {
    const id = member.personId;
    const attended = past.filter((m) => m.presentIds.includes(id));
    const lastAttendedOn = attended[attended.length - 1]?.date ?? null;
    const inWindow = past.filter((m) => m.date > windowStart && m.expectedIds.includes(id));
    const missed = inWindow.filter((m) => !m.presentIds.includes(id));
    const withoutLeave = missed.filter((m) => !m.leaves.some((l) => l.personId === id && isValidLeave(l)));
    const base = { personId: id, lastAttendedOn, missedInWindow: missed.length, missedWithoutLeave: withoutLeave.length };
    const months = policy.absenceFlagMonths;
    if (member.joinedOn > windowStart) {
      out.push({ ...base, flagged: false, reasonZh: `加入本支部不满 ${months} 个月，暂不判断` });
    } else if (missed.length < inWindow.length) {
      out.push({ ...base, flagged: false, reasonZh: `近 ${months} 个月参加过组织生活` });
    } else if (withoutLeave.length === 0) {
      out.push({ ...base, flagged: false, reasonZh: inWindow.length === 0 ? `近 ${months} 个月没有应参加的组织生活` : '缺席均已请假并说明理由' });
    } else {
      out.push({ ...base, flagged: true, reasonZh: `连续 ${months} 个月未参加组织生活，其中 ${withoutLeave.length} 次无正当理由，需按规定处理` });
    }
  }
  return { windowStart, asOf, members: out, flaggedIds: out.filter((m) => m.flagged).map((m) => m.personId) };
}
