import * as z from 'zod';
import { ZId } from './common';
import { ZRosterEntry } from './org';

export const ZQuorumInput = z.object({
  roster: z.array(ZRosterEntry),
  /** Who signed in; people not on the roster (guests, observers) are ignored, repeats count once. */
  presentIds: z.array(ZId),
}).strict();
export type TQuorumInput = z.input<typeof ZQuorumInput>;

export const ZQuorumResult = z.object({
  valid: z.boolean(),
  /** 应到: members who count (full members, or the committee). */
  expected: z.number().int().min(0),
  /** 实到 among those who count. */
  present: z.number().int().min(0),
  /** The smallest number present that makes the meeting valid: more than half. */
  needed: z.number().int().min(0),
  reasonZh: z.string(),
});
export type TQuorumResult = z.infer<typeof ZQuorumResult>;

export const ZVoteChoice = z.enum(['yes', 'no', 'abstain']);
export const ZMotionInput = z.object({
  body: z.enum(['general_meeting', 'committee_meeting']),
  roster: z.array(ZRosterEntry),
  votes: z.array(z.object({ personId: ZId, choice: ZVoteChoice }).strict()),
}).strict();
export type TMotionInput = z.input<typeof ZMotionInput>;

export const ZMotionResult = z.object({
  passed: z.boolean(),
  expected: z.number().int().min(0),
  yes: z.number().int().min(0),
  no: z.number().int().min(0),
  abstain: z.number().int().min(0),
  needed: z.number().int().min(0),
  /** Votes cast by people without a vote here (预备党员, non-members, non-committee): not counted (VOTE-4). */
  ignoredVoterIds: z.array(ZId),
  reasonZh: z.string(),
});
export type TMotionResult = z.infer<typeof ZMotionResult>;
