// Checks every import shares: duplicate mobiles (in the file and against people already registered),
// and organisation names resolved inside the caller's office scope.
import type { TOrgKind } from '@tingkan/shared';
import type { Queryable } from '../db';
import { lockMobiles } from '../people/access';
import type { RowReport } from './report';

/** Mobiles identify people: a number twice in the file, or already registered, is a row error. */
export async function checkMobiles(tx: Queryable, report: RowReport, rows: { row: number; mobile: string | undefined }[]): Promise<void> {
  const first = new Map<string, number>();
  for (const { row, mobile } of rows) {
    if (!mobile) continue;
    const seen = first.get(mobile);
    if (seen !== undefined) report.add(row, '手机号码', `与第 ${seen} 行的手机号码重复`);
    else first.set(mobile, row);
  }
  if (first.size === 0) return;
  // Held to the end of the transaction: a concurrent import cannot register the same numbers meanwhile.
  await lockMobiles(tx);
  const { rows: taken } = await tx.query<{ mobile: string; name: string }>(
    'select mobile, name from people where mobile = any ($1::text[])', [[...first.keys()]],
  );
  for (const t of taken) {
    const row = first.get(t.mobile);
    if (row !== undefined) report.add(row, '手机号码', `该手机号码已登记给“${t.name}”，不能重复导入`);
  }
}

export interface ScopeOrg { id: string; kind: TOrgKind }

/**
 * "所在党组织" as written in the sheet: a name, or "上级组织/本组织" when the name alone is ambiguous
 * (every branch has a 第一党小组). Only organisations in the caller's office scope are candidates.
 */
export async function orgResolver(tx: Queryable): Promise<(written: string) => ScopeOrg | string> {
  const { rows } = await tx.query<{ id: string; parent_id: string | null; kind: TOrgKind; name: string }>(
    'select id, parent_id, kind, name from organisations where id in (select app.office_org_ids())',
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byName = new Map<string, typeof rows>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  return (written) => {
    const parts = written.split(/\s*[/／>＞]\s*/).filter(Boolean);
    const name = parts[parts.length - 1] ?? '';
    const parentName = parts.length > 1 ? parts[parts.length - 2] : undefined;
    const candidates = (byName.get(name) ?? []).filter((o) => parentName === undefined || (o.parent_id && byId.get(o.parent_id)?.name === parentName));
    if (candidates.length === 1) return { id: candidates[0]!.id, kind: candidates[0]!.kind };
    if (candidates.length === 0) return '找不到这个党组织，或它不在您的管理范围内';
    return `有 ${candidates.length} 个同名组织，请写成“上级组织/${name}”`;
  };
}
