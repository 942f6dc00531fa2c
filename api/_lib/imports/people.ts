// Issue 5: bulk import of people with their membership (ORG-2 status, ORG-3 roles): all rows or none.
import { randomUUID } from 'node:crypto';
import { ZPeopleImportRow, PEOPLE_COLUMNS, roleOrgIssue, rowErrorsZh, type TPeopleImportRow } from '@tingkan/shared';
import type { Queryable } from '../db';
import type { Reply } from '../handler';
import { checkMobiles, orgResolver } from './checks';
import { RowReport, accepted, rejected } from './report';
import type { SheetRow } from './sheet';
import { tableOf } from './sheet';

export async function importPeople(tx: Queryable, sheet: SheetRow[], dryRun: boolean): Promise<Reply> {
  const table = tableOf(sheet, PEOPLE_COLUMNS, [['name'], ['mobile'], ['org'], ['status']]);
  const report = new RowReport(table.map((r) => r.row));
  const resolve = await orgResolver(tx);
  const valid: { row: number; data: TPeopleImportRow; orgId: string }[] = [];
  for (const { row, values } of table) {
    const parsed = ZPeopleImportRow.safeParse(values);
    if (!parsed.success) {
      for (const e of rowErrorsZh(parsed.error)) report.add(row, e.column, e.messageZh);
      continue;
    }
    const org = resolve(parsed.data.org);
    if (typeof org === 'string') { report.add(row, '所在党组织', org); continue; }
    const roleIssue = roleOrgIssue(org.kind, parsed.data.roles);
    if (roleIssue) { report.add(row, '职务', roleIssue); continue; }
    valid.push({ row, data: parsed.data, orgId: org.id });
  }
  await checkMobiles(tx, report, table.map(({ row, values }) => ({ row, mobile: values.mobile || undefined })));
  if (!report.ok) return rejected(report);
  if (dryRun) return accepted('people', true, report, { people: valid.length, memberships: valid.length, observers: 0 });

  const ids = valid.map(() => randomUUID());
  // Two statements for the whole file (RLS applies: people by office staff, memberships in their scope).
  await tx.query(
    `insert into people (id, name, gender, mobile, unit)
     select * from unnest($1::uuid[], $2::text[], $3::gender[], $4::text[], $5::text[])`,
    [ids, valid.map((v) => v.data.name), valid.map((v) => v.data.gender ?? null), valid.map((v) => v.data.mobile), valid.map((v) => v.data.unit ?? null)],
  );
  await tx.query(
    `insert into memberships (person_id, org_id, status, roles)
     select p, o, s::member_status, r::branch_role[] from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) as t (p, o, s, r)`,
    [ids, valid.map((v) => v.orgId), valid.map((v) => v.data.status), valid.map((v) => `{${v.data.roles.join(',')}}`)],
  );
  return accepted('people', false, report, { people: valid.length, memberships: valid.length, observers: 0 });
}
