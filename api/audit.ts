// Issue 5: who changed what and when (office staff only). Filled by the audit trigger on every table.
import { ZAuditQuery, type TAuditEntry, type TAuditList } from '@tingkan/shared';
import { endpoint, handler } from './_lib/handler';
import { instant, requireOffice } from './_lib/people/access';
import { decodeCursor, page } from './_lib/people/cursor';

interface AuditRow {
  id: string; at: Date | string; actor_id: string | null; actor_name: string | null; table_name: string; op: TAuditEntry['op'];
  row_pk: Record<string, unknown>; old: Record<string, unknown> | null; new: Record<string, unknown> | null;
}

export default handler({
  GET: endpoint({
    auth: 'user',
    query: ZAuditQuery,
    async run({ query, tx }): Promise<TAuditList> {
      await requireOffice(tx);
      const before = decodeCursor(query.cursor, 1)?.[0];
      const params: unknown[] = [];
      const where: string[] = [];
      const arg = (v: unknown): string => `$${params.push(v)}`;
      if (query.table) where.push(`a.table_name = ${arg(query.table)}`);
      if (query.rowId) where.push(`a.row_id = ${arg(query.rowId)}`);
      if (query.actorId) where.push(`a.actor_id = ${arg(query.actorId)}`);
      if (before) where.push(`a.id < ${arg(before)}::bigint`);
      const { rows } = await tx.query<AuditRow>(
        `select a.id::text as id, a.at, a.actor_id, p.name as actor_name, a.table_name, a.op, a.row_pk, a.old, a.new
           from audit_log a left join people p on p.id = a.actor_id
          ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
          order by a.id desc limit ${arg(query.limit + 1)}`,
        params,
      );
      return page(rows, query.limit, (r) => ({
        id: Number(r.id), at: instant(r.at), actorId: r.actor_id, actorName: r.actor_name, table: r.table_name, op: r.op,
        rowPk: r.row_pk, old: r.old, new: r.new,
      }), (r) => [r.id]);
    },
  }),
});
