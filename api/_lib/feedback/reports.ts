// FB-3 / FB-4: report records (the invited member's report-back, half-yearly progress, quarterly commitments).
import type { TReportKind } from '@tingkan/shared';
import type { Queryable } from '../db';
import { instant } from '../meetings/rows';
import { dateOnly } from './feedback';

export interface TReport {
  id: string; observationId: string; kind: TReportKind; periodNo: number; orgId: string; orgName: string;
  dueDate: string; heldOn: string; late: boolean; summary: string; reportedBy: string; reportedByName: string; createdAt: string;
}

interface ReportRow {
  id: string; observation_id: string; kind: TReportKind; period_no: number; org_id: string; org_name: string | null; due_date: Date | string;
  held_on: Date | string; summary: string; reported_by: string; reported_by_name: string | null; created_at: Date | string;
}

export async function listReports(tx: Queryable, observationId: string, id?: string): Promise<TReport[]> {
  const { rows } = await tx.query<ReportRow>(
    `select r.*, o.name as org_name, p.name as reported_by_name
       from observation_reports r left join organisations o on o.id = r.org_id left join people p on p.id = r.reported_by
      where r.observation_id = $1 and ($2::uuid is null or r.id = $2) order by r.kind, r.period_no`,
    [observationId, id ?? null],
  );
  return rows.map((r) => {
    const dueDate = dateOnly(r.due_date);
    const heldOn = dateOnly(r.held_on);
    return {
      id: r.id, observationId: r.observation_id, kind: r.kind, periodNo: Number(r.period_no), orgId: r.org_id, orgName: r.org_name ?? '',
      dueDate, heldOn, late: heldOn > dueDate, summary: r.summary, reportedBy: r.reported_by, reportedByName: r.reported_by_name ?? '',
      createdAt: instant(r.created_at),
    };
  });
}

/** FB-3: the caller's own branch where they sit on the committee, other than the observed one (the invited member's branch). */
export async function inviteeBranchOf(tx: Queryable, observationId: string): Promise<string | null> {
  const { rows } = await tx.query<{ org_id: string }>(
    `select mb.org_id from memberships mb
      where mb.person_id = (select auth.uid()) and mb.left_on is null
        and mb.roles && array['secretary', 'deputy_secretary', 'committee_member']::branch_role[]
        and mb.org_id <> (select m.org_id from observations o join meetings m on m.id = o.meeting_id where o.id = $1)
      order by mb.org_id limit 1`,
    [observationId],
  );
  return rows[0]?.org_id ?? null;
}

export async function observedOrgOf(tx: Queryable, observationId: string): Promise<string> {
  const { rows } = await tx.query<{ org_id: string }>('select m.org_id from observations o join meetings m on m.id = o.meeting_id where o.id = $1', [observationId]);
  return rows[0]!.org_id;
}
