// ORG-1..4: who sits where, who may vote, who presides, and how personal data is shown.
import * as z from 'zod';
import { DomainError } from '../errors';
import { ZBranchRole, ZMeetingKind, ZMemberStatus, ZOrgKind, type TMeetingKind, type TMemberStatus, type TOrgKind } from '../schemas/common';
import { ZObserverPoolEntry, ZOrgNode, type TObserverPoolEntry, type TOrgTreeIssue } from '../schemas/org';
import { parseOrThrow } from '../zod-errors';

/** ORG-1: the kinds a node of each kind may hang under (null = the root). */
export const ALLOWED_PARENT_KINDS: Record<TOrgKind, readonly (TOrgKind | null)[]> = {
  work_committee: [null],
  department_committee: ['work_committee'],
  party_committee: ['department_committee', 'work_committee'],
  general_branch: ['party_committee', 'department_committee'],
  branch: ['general_branch', 'party_committee', 'department_committee'],
  party_group: ['branch'],
};

/** Throws DUPLICATE_MEMBER when one id occurs twice; shared by every rule that takes a list of people or orgs. */
export function assertUniqueIds(ids: readonly string[], what = '人员'): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new DomainError('DUPLICATE_MEMBER', `${what}名单中有重复：${id}`);
    seen.add(id);
  }
}

/** ORG-1: check an org tree; returns every problem (an empty list means the tree is sound). */
export function validateOrgTree(nodes: unknown): { ok: boolean; issues: TOrgTreeIssue[] } {
  const list = parseOrThrow(z.array(ZOrgNode), nodes);
  assertUniqueIds(list.map((n) => n.id), '组织');
  const byId = new Map(list.map((n) => [n.id, n] as const));
  const issues: TOrgTreeIssue[] = [];
  for (const node of list) {
    const allowed = ALLOWED_PARENT_KINDS[node.kind];
    if (node.parentId === null) {
      if (!allowed.includes(null)) issues.push({ orgId: node.id, code: 'ROOT_NOT_WORK_COMMITTEE', messageZh: '只有机关工委可以作为最上级组织' });
      continue;
    }
    const parent = byId.get(node.parentId);
    if (!parent) { issues.push({ orgId: node.id, code: 'MISSING_PARENT', messageZh: '上级组织不存在' }); continue; }
    if (!allowed.includes(parent.kind)) {
      issues.push({ orgId: node.id, code: 'WRONG_PARENT_KIND', messageZh: `${ORG_KIND_ZH[node.kind]}不能隶属于${ORG_KIND_ZH[parent.kind]}` });
    }
    // Walk up; a path longer than the list means we are going round in a circle.
    let cur: typeof parent | undefined = parent;
    for (let steps = 0; cur && cur.parentId !== null; steps += 1) {
      if (steps > list.length || cur.id === node.id) { issues.push({ orgId: node.id, code: 'CYCLE', messageZh: '上下级关系形成了循环' }); break; }
      cur = byId.get(cur.parentId);
    }
  }
  return { ok: issues.length === 0, issues };
}

export const ORG_KIND_ZH: Record<TOrgKind, string> = {
  work_committee: '机关工委', department_committee: '部门党组（党委）', party_committee: '党委',
  general_branch: '党总支', branch: '党支部', party_group: '党小组',
};

const ZStatus = z.object({ status: ZMemberStatus });

/** ORG-2 / VOTE-4 / RATE-1: what a member status entitles to. */
export function statusRights(status: TMemberStatus): { isMember: boolean; canVote: boolean; graded: boolean } {
  const s = parseOrThrow(ZStatus, { status }, 'VALIDATION_FAILED').status;
  return { isMember: s === 'full' || s === 'probationary', canVote: s === 'full', graded: s === 'full' };
}

// Built once: every check-in asks (issue 7), and building a zod object costs more than checking with it.
const ZAttendInput = z.object({ status: ZMemberStatus, kind: ZMeetingKind });

/** ORG-2 (003): non-members may join 党课 and 主题党日 only; 支委会 is for the committee. */
export function canAttend(status: TMemberStatus, kind: TMeetingKind, onCommittee = false): boolean {
  const input = parseOrThrow(ZAttendInput, { status, kind }, 'UNKNOWN_MEETING_KIND');
  if (input.kind === 'committee_meeting') return onCommittee;
  if (input.status === 'full' || input.status === 'probationary') return true;
  return input.kind === 'party_lecture' || input.kind === 'theme_day';
}

/** ORG-3 / MTG-1..6: who presides each kind; `delegable` roles may stand in when the 书记 delegates. */
export const PRESIDER_ROLES: Record<TMeetingKind, { usual: readonly string[]; delegable: readonly string[] }> = {
  general_meeting: { usual: ['secretary'], delegable: ['deputy_secretary', 'committee_member'] },
  committee_meeting: { usual: ['secretary'], delegable: ['deputy_secretary', 'committee_member'] },
  group_meeting: { usual: ['group_leader'], delegable: [] },
  party_lecture: { usual: ['lecturer'], delegable: [] },
  theme_day: { usual: ['secretary'], delegable: ['deputy_secretary', 'committee_member'] },
  life_meeting: { usual: ['secretary'], delegable: [] },
  member_appraisal: { usual: ['secretary'], delegable: ['deputy_secretary'] },
  heart_talk: { usual: ['secretary', 'deputy_secretary', 'committee_member'], delegable: [] },
};

const ZPresideInput = z.object({ kind: ZMeetingKind, roles: z.array(z.union([ZBranchRole, z.literal('lecturer')])), delegated: z.boolean().default(false) });

/** ORG-3: may a person with these roles preside this kind of meeting? */
export function canPreside(input: { kind: TMeetingKind; roles: string[]; delegated?: boolean }): boolean {
  const { kind, roles, delegated } = parseOrThrow(ZPresideInput, input, 'UNKNOWN_MEETING_KIND');
  const rule = PRESIDER_ROLES[kind];
  if (roles.some((r) => rule.usual.includes(r))) return true;
  return delegated && roles.some((r) => rule.delegable.includes(r));
}

/** ORG-4: a mobile number as everyone but office staff sees it: 13812341234 → 138****1234. */
export function maskMobile(mobile: string): string {
  const m = parseOrThrow(z.object({ mobile: ZObserverPoolEntry.shape.mobile }), { mobile }).mobile;
  return `${m.slice(0, 3)}****${m.slice(7)}`;
}

/** ORG-4: the pool entry as the viewer may see it (office staff see the full number). */
export function observerEntryForViewer(entry: unknown, viewerIsOffice: boolean): TObserverPoolEntry {
  const e = parseOrThrow(ZObserverPoolEntry, entry);
  return viewerIsOffice ? e : { ...e, mobile: maskMobile(e.mobile) };
}
