// What the 评议表, 观察评价表 and the printable report say about one observation (office staff read it all under RLS).
import { DomainError, RUBRICS, at, type TGroupResult, type TRubricId } from '@tingkan/shared';
import type { Queryable } from '../db';
import { listSheets, resultOf } from '../observations/sheets';
import { groupOf } from '../observations/access';
import { loadFeedback, type TFeedback } from '../feedback/feedback';
import type { TSheet } from '@tingkan/shared';

export const MODE_ZH = { xunting: '巡听', pangting: '旁听', guancha: '观察员观摩' } as const;
export const KIND_ZH: Record<string, string> = {
  general_meeting: '支部党员大会', committee_meeting: '支部委员会', group_meeting: '党小组会', party_lecture: '党课',
  theme_day: '主题党日', life_meeting: '组织生活会', member_appraisal: '民主评议党员', heart_talk: '谈心谈话',
};

export interface ObservationFacts {
  id: string; mode: keyof typeof MODE_ZH; rubric: TRubricId; orgName: string; unitName: string; kind: string; topic: string;
  startsAt: string; place: string; hostName: string | null; present: number; group: { name: string; isLeader: boolean }[];
  sheets: TSheet[]; result: TGroupResult | null; feedback: TFeedback | null;
}

export async function observationFacts(tx: Queryable, id: string): Promise<ObservationFacts> {
  const { rows } = await tx.query<{ mode: ObservationFacts['mode']; rubric: TRubricId; org_name: string; unit_name: string | null; kind: string; topic: string;
    starts_at: Date | string; place: string; host_name: string | null; present: number }>(
    `select o.mode, o.rubric, g.name as org_name, d.name as unit_name, m.kind, m.topic, m.starts_at, m.place, h.name as host_name,
            (select count(*)::int from attendance a where a.meeting_id = m.id and a.state = 'present') as present
       from observations o join meetings m on m.id = o.meeting_id join organisations g on g.id = m.org_id
       left join organisations d on d.id = g.parent_id left join people h on h.id = m.host_person_id
      where o.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) throw new DomainError('NOT_FOUND', '没有找到这次观摩');
  const group = await groupOf(tx, id);
  const all = await listSheets(tx, id);
  const sheets = group.map((g) => all.filter((s) => s.observerId === g.personId).at(-1)).filter((s) => s !== undefined);
  const feedback = await loadFeedback(tx, id);
  return {
    id, mode: r.mode, rubric: r.rubric, orgName: r.org_name, unitName: r.unit_name ?? '', kind: KIND_ZH[r.kind] ?? r.kind, topic: r.topic,
    startsAt: at(r.starts_at).format('YYYY-MM-DD HH:mm'), place: r.place, hostName: r.host_name, present: Number(r.present),
    group: group.map((g) => ({ name: g.name, isLeader: g.isLeader })), sheets,
    result: feedback?.groupResult ?? resultOf(r.rubric, group, sheets).groupResult, feedback,
  };
}

export const rubricName = (id: TRubricId) => RUBRICS[id].nameZh;
