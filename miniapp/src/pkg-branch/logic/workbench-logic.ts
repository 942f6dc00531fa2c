import type { TMe } from '../../services/schemas';
import type { TObservationListItem } from '../../services/branch-schemas';
import { MEETING_KIND_ZH, OBSERVATION_MODE_ZH } from '../../constants/labels';
import { dateOfInstant, formatDateZh } from '../../components/format';

export interface LedBranch {
  orgId: string;
  orgName: string;
}

/** The organisations whose meetings I plan: where I am 书记 or 副书记 (ORG-3, MTG-1..6). */
export function ledBranches(me: TMe): LedBranch[] {
  return me.memberships
    .filter((m) => m.orgKind !== 'party_group' && (m.roles.includes('secretary') || m.roles.includes('deputy_secretary')))
    .map((m) => ({ orgId: m.orgId, orgName: m.orgName }));
}

/** One observation of my branch: what it is and what the branch has to do next (OBS-5, FB-1, FB-2). */
export function observationLine(o: TObservationListItem): { title: string; description: string; todo: boolean } {
  const title = `${OBSERVATION_MODE_ZH[o.mode]}：${o.topic}`;
  const when = `${formatDateZh(dateOfInstant(o.startsAt))} · ${MEETING_KIND_ZH[o.kind]}`;
  const [next, todo] =
    o.status === 'cancelled' ? ['已取消', false]
    : o.mode === 'guancha' && o.planSubmittedAt === null ? ['待提交组织方案（会前一周）', true]
    : o.feedbackSentAt === null ? ['等待观察小组反馈', false]
    : o.status === 'closed' ? ['已完成', false]
    : ['已收到反馈：请研究并落实整改', true];
  return { title, description: `${when}\n${next}`, todo };
}
