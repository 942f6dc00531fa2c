// RATE-1..3: a batch of gradings checked by the shared quota rules, stored whole, read back per organisation and year.
import { checkMemberGrades, checkOrgGrades, checkSecretaryGrades, DomainError, type FieldIssue, type TGradingBatch, type TGradingKind,
  type TMemberStatus, type TPolicy, type TQuotaCheck, type TStoredGrade } from '@tingkan/shared';
import type { Queryable } from '../db';
import { instant } from '../meetings/rows';

/** The shared quota rule of the kind over a batch (RATE-1 takes each member's status, RATE-2/3 only the grades). */
export function quotaOf(kind: TGradingKind, grades: TStoredGrade[], policy: TPolicy): TQuotaCheck {
  if (kind === 'member') {
    return checkMemberGrades({ members: grades.map((g) => ({ personId: g.subjectId, status: g.memberStatus ?? 'full', grade: g.grade })) }, policy);
  }
  if (kind === 'branch') return checkOrgGrades({ grades: grades.map((g) => ({ orgId: g.subjectId, grade: g.grade })) }, policy);
  return checkSecretaryGrades({ grades: grades.map((g) => ({ personId: g.subjectId, grade: g.grade })) }, policy);
}

/**
 * Refuses a batch the rules refuse, naming the entries at fault: an ungraded 正式党员 or a graded 预备党员 (RATE-1),
 * then a broken quota with the rule's own words (QUOTA_EXCEEDED). Returns the check when it passes.
 */
export function assertStorable(kind: TGradingKind, grades: TStoredGrade[], policy: TPolicy): TQuotaCheck {
  const check = quotaOf(kind, grades, policy);
  const at = (id: string) => grades.findIndex((g) => g.subjectId === id);
  const issues: FieldIssue[] = [
    ...check.ungradedIds.map((id) => ({ path: `grades.${at(id)}.grade`, message: '正式党员须评定等次' })),
    ...check.wronglyGradedIds.map((id) => ({ path: `grades.${at(id)}.grade`, message: '预备党员参加评议但不评定等次' })),
  ];
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', undefined, issues);
  if (!check.ok) throw new DomainError('QUOTA_EXCEEDED', check.reasonZh, [{ path: 'grades', message: check.reasonZh }]);
  return check;
}

/** Replaces the batch of (org, year, kind): two statements under RLS, inside the request's transaction. */
export async function storeBatch(tx: Queryable, b: { orgId: string; year: number; kind: TGradingKind; gradedBy: string; at: Date; grades: TStoredGrade[] }): Promise<number> {
  const removed = await tx.query('delete from gradings where org_id = $1 and year = $2 and kind = $3 returning 1', [b.orgId, b.year, b.kind]);
  const people = b.kind === 'branch' ? null : b.grades.map((g) => g.subjectId);
  const orgs = b.kind === 'branch' ? b.grades.map((g) => g.subjectId) : null;
  await tx.query(
    `insert into gradings (org_id, year, kind, person_id, subject_org_id, member_status, grade, graded_by, graded_at)
     select $1, $2, $3, p, o, s::member_status, g, $4, $5
       from unnest($6::uuid[], $7::uuid[], $8::text[], $9::text[]) as t(p, o, s, g)`,
    [b.orgId, b.year, b.kind, b.gradedBy, b.at.toISOString(),
      people ?? b.grades.map(() => null), orgs ?? b.grades.map(() => null),
      b.grades.map((g) => (b.kind === 'member' ? g.memberStatus : null)), b.grades.map((g) => g.grade)],
  );
  return removed.rows.length;
}

interface Row {
  kind: TGradingKind; subject_id: string; name: string | null; grade: string | null; member_status: TMemberStatus | null;
  graded_by: string; graded_at: Date | string;
}

/** The stored batches of an organisation and year (one kind or all), each with the quota rule over it now. */
export async function loadBatches(tx: Queryable, orgId: string, year: number, kind: TGradingKind | undefined, policy: TPolicy): Promise<TGradingBatch[]> {
  const { rows } = await tx.query<Row>(
    `select g.kind, coalesce(g.person_id, g.subject_org_id) as subject_id, coalesce(p.name, o.name) as name, g.grade, g.member_status,
            g.graded_by, g.graded_at
       from gradings g left join people p on p.id = g.person_id left join organisations o on o.id = g.subject_org_id
      where g.org_id = $1 and g.year = $2 and ($3::grading_kind is null or g.kind = $3)
      order by g.kind, coalesce(p.name, o.name), subject_id`,
    [orgId, year, kind ?? null],
  );
  const batches = new Map<TGradingKind, Omit<TGradingBatch, 'check'>>();
  for (const r of rows) {
    const b = batches.get(r.kind) ?? { kind: r.kind, gradedBy: r.graded_by, gradedAt: instant(r.graded_at), grades: [] };
    b.grades.push({ subjectId: r.subject_id, name: r.name ?? '', grade: r.grade, memberStatus: r.member_status });
    batches.set(r.kind, b);
  }
  return [...batches.values()].map((b) => ({ ...b, check: quotaOf(b.kind, b.grades, policy) }));
}
