import * as z from 'zod';

// zod 4's uuid() is strict RFC 4122; ids from gen_random_uuid() are v4, but demo ids are hand-made, so accept any GUID shape.
export const ZId = z.guid();
export type TId = z.infer<typeof ZId>;

/** A calendar date in Asia/Shanghai, sent as YYYY-MM-DD (D9: the client formats, never recomputes). */
export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** An instant with its offset, e.g. 2026-03-06T09:30:00+08:00. */
export const ZInstant = z.iso.datetime({ offset: true });

export const ZOrgKind = z.enum(['work_committee', 'department_committee', 'party_committee', 'general_branch', 'branch', 'party_group']);
export type TOrgKind = z.infer<typeof ZOrgKind>;

export const ZMemberStatus = z.enum(['full', 'probationary', 'activist', 'candidate', 'non_member']);
export type TMemberStatus = z.infer<typeof ZMemberStatus>;

export const ZBranchRole = z.enum(['secretary', 'deputy_secretary', 'committee_member', 'group_leader']);
export type TBranchRole = z.infer<typeof ZBranchRole>;

export const ZMeetingKind = z.enum([
  'general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture',
  'theme_day', 'life_meeting', 'member_appraisal', 'heart_talk',
]);
export type TMeetingKind = z.infer<typeof ZMeetingKind>;

export const ZObservationMode = z.enum(['xunting', 'pangting', 'guancha']);
export type TObservationMode = z.infer<typeof ZObservationMode>;
/** OBS-4: the modes that count as observing a branch; a 观察员 visit does not. The rule and the office view both read it. */
export const OBSERVING_MODES: readonly TObservationMode[] = ['xunting', 'pangting'];

export const ZLeaveCategory = z.enum(['sick', 'personal', 'official']);
export type TLeaveCategory = z.infer<typeof ZLeaveCategory>;
