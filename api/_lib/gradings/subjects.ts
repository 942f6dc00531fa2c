// RATE-1..3: who may be graded in a batch. Members of the branch itself (RATE-1, status from the database),
// the branches under the committee (RATE-2), the secretaries of those branches (RATE-3).
import { DomainError, type FieldIssue, type TGradingKind, type TMemberStatus } from '@tingkan/shared';
import type { Queryable } from '../db';

export interface Subject {
  id: string;
  name: string;
  /** RATE-1 only: the member's status now. */
  status: TMemberStatus | null;
}

// Organisations below the given one (not itself), for RATE-2 and RATE-3.
const BELOW = `with recursive below as (
  select id from organisations where parent_id = $1
  union all select c.id from organisations c join below b on c.parent_id = b.id)`;

const SQL: Record<TGradingKind, string> = {
  member: `select p.id, p.name, m.status from memberships m join people p on p.id = m.person_id
            where m.org_id = $1 and m.left_on is null and m.person_id = any($2::uuid[])`,
  branch: `${BELOW} select o.id, o.name, null as status from organisations o
            where o.id in (select id from below) and o.id = any($2::uuid[]) and o.kind in ('branch', 'general_branch', 'party_committee')`,
  secretary: `${BELOW} select distinct p.id, p.name, null as status from memberships m join people p on p.id = m.person_id
            where m.org_id in (select id from below) and m.left_on is null and 'secretary' = any (m.roles) and m.person_id = any($2::uuid[])`,
};

const NOT_A_SUBJECT: Record<TGradingKind, string> = {
  member: '不是该组织的现有党员',
  branch: '不是该组织下属的基层党组织',
  secretary: '不是该组织下属基层党组织的书记',
};

/**
 * The subjects of a batch by id, in the order given; every id that may not be graded here is a field issue
 * (grades.N.personId / grades.N.orgId), so the whole batch is refused and nothing is written.
 */
export async function subjectsOf(tx: Queryable, kind: TGradingKind, orgId: string, ids: string[]): Promise<Subject[]> {
  const { rows } = await tx.query<Subject>(SQL[kind], [orgId, ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const key = kind === 'branch' ? 'orgId' : 'personId';
  const issues: FieldIssue[] = [];
  const subjects = ids.map((id, i) => {
    const s = byId.get(id);
    const member = s?.status === 'full' || s?.status === 'probationary';
    if (!s || (kind === 'member' && !member)) issues.push({ path: `grades.${i}.${key}`, message: s ? '不是党员，不参加民主评议' : NOT_A_SUBJECT[kind] });
    return s ?? { id, name: '', status: null };
  });
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', undefined, issues);
  return subjects;
}
