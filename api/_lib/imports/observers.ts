// Issue 5 / ORG-4: bulk import of the 巡听旁听人员库 (000 annex 2): new people and their pool entries, all or none.
import { randomUUID } from 'node:crypto';
import { OBSERVER_COLUMNS, ZObserverImportRow, rowErrorsZh, type TObserverImportRow } from '@tingkan/shared';
import type { Queryable } from '../db';
import type { Reply } from '../handler';
import { checkMobiles } from './checks';
import { RowReport, accepted, rejected } from './report';
import { tableOf, type SheetRow } from './sheet';

export async function importObservers(tx: Queryable, sheet: SheetRow[], dryRun: boolean): Promise<Reply> {
  const table = tableOf(sheet, OBSERVER_COLUMNS, [['name'], ['mobile'], ['serves'], ['unitAndPost', 'unit']]);
  const report = new RowReport(table.map((r) => r.row));
  const valid: { row: number; data: TObserverImportRow }[] = [];
  for (const { row, values } of table) {
    const parsed = ZObserverImportRow.safeParse(values);
    if (parsed.success) valid.push({ row, data: parsed.data });
    else for (const e of rowErrorsZh(parsed.error)) report.add(row, e.column, e.messageZh);
  }
  await checkMobiles(tx, report, table.map(({ row, values }) => ({ row, mobile: values.mobile || undefined })));
  if (!report.ok) return rejected(report);
  const created = { people: valid.length, memberships: 0, observers: valid.length };
  if (dryRun) return accepted('observers', true, report, created);

  const personIds = valid.map(() => randomUUID());
  await tx.query(
    `insert into people (id, name, gender, mobile, unit, post)
     select * from unnest($1::uuid[], $2::text[], $3::gender[], $4::text[], $5::text[], $6::text[])`,
    [personIds, valid.map((v) => v.data.name), valid.map((v) => v.data.gender ?? null), valid.map((v) => v.data.mobile),
      valid.map((v) => v.data.unit), valid.map((v) => v.data.post)],
  );
  await tx.query(
    `insert into observer_pool (person_id, unit, post, serves_xunting, serves_pangting)
     select * from unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::boolean[])`,
    [personIds, valid.map((v) => v.data.unit), valid.map((v) => v.data.post),
      valid.map((v) => v.data.serves.includes('xunting')), valid.map((v) => v.data.serves.includes('pangting'))],
  );
  return accepted('observers', false, report, created);
}
