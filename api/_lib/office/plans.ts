// MTG-10 / OBS-1: who has filed the yearly plan and at least one candidate meeting, by the shared rule.
import { branchesWithoutCandidate, toDateString, toShanghaiIso } from '@tingkan/shared';
import type { Queryable } from '../db';
import { branchesUnder, type ScopeBranch } from './scope';

export interface FilingRow {
  orgId: string;
  name: string;
  departmentId: string;
  departmentName: string;
  planFiledAt: string | null;
  candidateCount: number;
  missingPlan: boolean;
  missingCandidate: boolean;
}

interface CandidateRow {
  org_id: string; kind: string; topic: string; planned_at: Date; place: string; contact_name: string; contact_phone: string; preferred_mode: string;
}

/** Every branch under the scope with its filings; `missingOnly` keeps those that lack the plan or a candidate. */
export async function filings(tx: Queryable, rootId: string, year: number, missingOnly: boolean): Promise<FilingRow[]> {
  const { branches } = await branchesUnder(tx, rootId);
  const ids = branches.map((b) => b.id);
  const plans = await tx.query<{ org_id: string; filed_at: Date }>(
    'select org_id, filed_at from yearly_plans where year = $1 and org_id = any($2::uuid[])', [year, ids]);
  const counts = await tx.query<{ org_id: string; n: string }>(
    'select org_id, count(*) as n from observation_candidates where year = $1 and org_id = any($2::uuid[]) group by org_id', [year, ids]);
  // One filed candidate per branch is all the rule needs to know a branch has filed (OBS-1).
  const firsts = await tx.query<CandidateRow>(
    `select distinct on (org_id) org_id, kind, topic, planned_at, place, contact_name, contact_phone, preferred_mode
       from observation_candidates where year = $1 and org_id = any($2::uuid[]) order by org_id, planned_at`, [year, ids]);
  const without = new Set(branchesWithoutCandidate({
    year,
    branchIds: ids,
    candidates: firsts.rows.map((c) => ({
      branchId: c.org_id, kind: c.kind, topic: c.topic, startsAt: new Date(c.planned_at).toISOString(), place: c.place,
      contactName: c.contact_name, contactPhone: c.contact_phone, mode: c.preferred_mode,
    })),
  }));
  const planAt = new Map(plans.rows.map((p) => [p.org_id, toShanghaiIso(p.filed_at)]));
  const count = new Map(counts.rows.map((c) => [c.org_id, Number(c.n)]));
  const rows = branches.map((b: ScopeBranch): FilingRow => ({
    orgId: b.id, name: b.name, departmentId: b.departmentId, departmentName: b.departmentName,
    planFiledAt: planAt.get(b.id) ?? null, candidateCount: count.get(b.id) ?? 0,
    missingPlan: !planAt.has(b.id), missingCandidate: without.has(b.id),
  }));
  return missingOnly ? rows.filter((r) => r.missingPlan || r.missingCandidate) : rows;
}

/** The Shanghai year a planned instant falls in (the candidate's `year` column). */
export function yearOf(instant: string): number {
  return Number(toDateString(instant).slice(0, 4));
}
