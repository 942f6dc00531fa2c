// VOTE-1..4: is a meeting valid, does a motion pass. "More than half" is always floor(n/2) + 1.
import * as z from 'zod';
import { DomainError } from '../errors';
import type { TRosterEntry } from '../schemas/org';
import { ZMotionInput, ZQuorumInput, type TMotionResult, type TQuorumResult } from '../schemas/quorum';
import { parseOrThrow } from '../zod-errors';
import { assertUniqueIds } from './org';
import { parseRuleInput } from './parse';

// Schemas made once: zod compiles a schema on its first parse, so one made per call was compiled per call (see periods.ts).
const ZMoreThanHalfInput = z.object({ n: z.number().int().min(0) });

/** More than half of n. */
export function moreThanHalf(n: number): number {
  parseRuleInput(ZMoreThanHalfInput, { n });
  return Math.floor(n / 2) + 1;
}

/** VOTE-4: only 正式党员 vote; 预备党员 and non-members never count. */
export function isVoter(m: TRosterEntry): boolean {
  return m.status === 'full';
}

/** VOTE-3: committee membership is explicit, or follows from a committee role. */
export function isOnCommittee(m: TRosterEntry): boolean {
  if (m.onCommittee !== undefined) return m.onCommittee;
  return m.roles.some((r) => r === 'secretary' || r === 'deputy_secretary' || r === 'committee_member');
}

function quorum(expectedIds: string[], presentIds: string[], what: string): TQuorumResult {
  const present = new Set(presentIds);
  const expected = expectedIds.length;
  const here = expectedIds.filter((id) => present.has(id)).length;
  const needed = moreThanHalf(expected);
  const valid = expected > 0 && here >= needed;
  const reasonZh = expected === 0
    ? `没有应到的${what}，会议无法有效召开`
    : valid
      ? `应到${what} ${expected} 人，实到 ${here} 人，超过半数（至少 ${needed} 人），会议有效`
      : `应到${what} ${expected} 人，实到 ${here} 人，未超过半数（至少需 ${needed} 人），会议无效`;
  return { valid, expected, present: here, needed, reasonZh };
}

function parseRoster(input: unknown) {
  const parsed = parseOrThrow(ZQuorumInput, input);
  assertUniqueIds(parsed.roster.map((m) => m.personId));
  return parsed;
}

/** VOTE-1, VOTE-4: a 支部党员大会 is valid when more than half of the 正式党员 are present. */
export function generalMeetingQuorum(input: unknown): TQuorumResult {
  const { roster, presentIds } = parseRoster(input);
  return quorum(roster.filter(isVoter).map((m) => m.personId), presentIds, '有表决权的正式党员');
}

/** VOTE-3: a 支部委员会 is valid when more than half of the committee is present. */
export function committeeMeetingQuorum(input: unknown): TQuorumResult {
  const { roster, presentIds } = parseRoster(input);
  return quorum(roster.filter(isOnCommittee).map((m) => m.personId), presentIds, '支委');
}

/**
 * VOTE-2, VOTE-4: a motion passes when the yes votes exceed half of the voters who *should*
 * attend (应到), not of those present: 9 yes of 17 expected passes even with only 10 present.
 */
export function motionPasses(input: unknown): TMotionResult {
  const { body, roster, votes } = parseOrThrow(ZMotionInput, input);
  assertUniqueIds(roster.map((m) => m.personId));
  assertUniqueIds(votes.map((v) => v.personId), '投票');
  const voters = roster.filter((m) => (body === 'general_meeting' ? isVoter(m) : isOnCommittee(m) && isVoter(m)));
  const voterIds = new Set(voters.map((m) => m.personId));
  const counted = votes.filter((v) => voterIds.has(v.personId));
  const ignoredVoterIds = votes.filter((v) => !voterIds.has(v.personId)).map((v) => v.personId);
  const yes = counted.filter((v) => v.choice === 'yes').length;
  const no = counted.filter((v) => v.choice === 'no').length;
  const abstain = counted.length - yes - no;
  const expected = voters.length;
  if (expected === 0) throw new DomainError('VALIDATION_FAILED', '没有有表决权的人员，无法表决');
  const needed = moreThanHalf(expected);
  const passed = yes >= needed;
  const reasonZh = `应到有表决权 ${expected} 人，赞成 ${yes} 票，${passed ? '超过' : '未超过'}应到人数的半数（至少需 ${needed} 票），${passed ? '通过' : '未通过'}`;
  return { passed, expected, yes, no, abstain, needed, ignoredVoterIds, reasonZh };
}
