// MTG-8: the three forms of 组织生活会 (002) with their fixed, ordered agendas, as data.
import * as z from 'zod';
import { ZId } from '../schemas/common';
import { ZCalendarDate } from '../schemas/period';
import { onDate } from '../time';
import { parseRuleInput } from './parse';

// Schemas made once: zod compiles a schema on its first parse, so one made per call was compiled per call (see periods.ts).
const ZNoticeWindowInput = z.object({ date: ZCalendarDate });
const ZCriticismInput = z.object({
  participantIds: z.array(ZId), criticisms: z.array(z.object({ fromId: ZId, toId: ZId }).strict()),
}).strict();

export const ZLifeMeetingForm = z.enum(['committee_form', 'general_form', 'group_form']);
export type TLifeMeetingForm = z.infer<typeof ZLifeMeetingForm>;

export interface TAgendaStage { kind: 'committee_meeting' | 'group_meeting' | 'general_meeting'; labelZh: string; steps: string[] }
export interface TLifeMeetingAgenda { form: TLifeMeetingForm; labelZh: string; presiderZh: string; participantsZh: string; stages: TAgendaStage[] }

const REPORT = '党支部书记报告上年度组织生活会整改措施落实情况，报告一年来党支部工作情况、检视剖析党支部建设存在的问题';
const COMMITTEE_STAGE: TAgendaStage = {
  kind: 'committee_meeting', labelZh: '召开支委会',
  steps: [REPORT, '党支部书记带头进行检视剖析，其他班子成员对其进行批评', '其他班子成员依次进行检视剖析，其他班子成员进行批评（每人至少提一条批评意见）', '党支部书记简要总结会议情况'],
};
const CLOSING = ['上级党组织指导员进行点评', '党支部书记进行表态讲话，并作出整改承诺'];

/** MTG-8 (002), stage by stage; step numbers run on across stages as in the document. */
export const LIFE_MEETING_AGENDAS: Record<TLifeMeetingForm, TLifeMeetingAgenda> = {
  committee_form: {
    form: 'committee_form', labelZh: '以支委会形式召开', presiderZh: '党支部书记',
    participantsZh: '党支部班子成员，上级党组织指导员，党支部其他所有党员（在开展民主评议时参加）',
    stages: [COMMITTEE_STAGE, { kind: 'general_meeting', labelZh: '召开党员大会', steps: ['党支部书记代表党支部委员会向党员大会述职，再按照个人自评、党员互评、民主测评的程序，组织党员开展民主评议', ...CLOSING] }],
  },
  general_form: {
    form: 'general_form', labelZh: '以党员大会形式召开', presiderZh: '党支部书记', participantsZh: '党支部全体党员，上级党组织指导员',
    stages: [{ kind: 'general_meeting', labelZh: '召开党员大会', steps: [REPORT, '党支部书记带头进行检视剖析，其他党员对其进行批评', '党员依次进行检视剖析，其他党员进行批评（每人至少提一条批评意见）', '组织党员开展民主测评', ...CLOSING] }],
  },
  group_form: {
    form: 'group_form', labelZh: '以党小组会形式召开', presiderZh: '党支部书记', participantsZh: '党支部全体党员，上级党组织指导员',
    stages: [
      COMMITTEE_STAGE,
      { kind: 'group_meeting', labelZh: '召开党小组会', steps: ['分别召开党小组会，开展个人自评和党员互评，由党员依次进行对照检查，其他党员进行批评（每人至少提一条批评意见）'] },
      { kind: 'general_meeting', labelZh: '召开党员大会', steps: ['党支部书记代表党支部委员会向党员大会述职，报告一年来党支部工作情况、支委会和党小组会上党员开展批评与自我批评情况、检视剖析问题情况等', '组织党员开展民主测评', ...CLOSING] },
    ],
  },
};

const ZFormInput = z.object({ hasCommittee: z.boolean(), groupCount: z.number().int().min(0) }).strict();

/** MTG-8: no 支委会 → 党员大会形式; a 支委会 and 党小组s → 党小组会形式; a 支委会 only → 支委会形式. */
export function lifeMeetingForm(input: { hasCommittee: boolean; groupCount: number }): TLifeMeetingForm {
  const { hasCommittee, groupCount } = parseRuleInput(ZFormInput, input);
  if (!hasCommittee) return 'general_form';
  return groupCount > 0 ? 'group_form' : 'committee_form';
}

/** MTG-8: the agenda for a branch, with steps numbered (1), (2)... across stages as in 002. */
export function lifeMeetingAgenda(input: { hasCommittee: boolean; groupCount: number }): TLifeMeetingAgenda & { numbered: { no: number; stage: TAgendaStage['kind']; textZh: string }[] } {
  const agenda = LIFE_MEETING_AGENDAS[lifeMeetingForm(input)];
  let no = 0;
  const numbered = agenda.stages.flatMap((s) => s.steps.map((textZh) => ({ no: (no += 1), stage: s.kind, textZh })));
  return { ...agenda, numbered };
}

/** MTG-8: members are told 1-2 days before; returns the dates the notice should go out. */
export function lifeMeetingNoticeWindow(meetingDate: string): { earliest: string; latest: string } {
  const { date } = parseRuleInput(ZNoticeWindowInput, { date: meetingDate });
  return { earliest: onDate(date).subtract(2, 'day').format('YYYY-MM-DD'), latest: onDate(date).subtract(1, 'day').format('YYYY-MM-DD') };
}

/** MTG-8: every participant raises at least one criticism of each peer under review; lists who is short. */
export function criticismGaps(input: { participantIds: string[]; criticisms: { fromId: string; toId: string }[] }): { fromId: string; toId: string }[] {
  const { participantIds, criticisms } = parseRuleInput(ZCriticismInput, input);
  const given = new Set(criticisms.map((c) => `${c.fromId}>${c.toId}`));
  return participantIds.flatMap((from) => participantIds.filter((to) => to !== from && !given.has(`${from}>${to}`)).map((to) => ({ fromId: from, toId: to })));
}
