// Exports for office staff: 备案表, 人员库, 评议表 (000 annexes 1-3), 观察评价表 (001) as .xlsx laid out like
// the annexes, and a printable single observation report (HTML). exceljs loads here only, lazily (D9).
// A file over EXPORT_INLINE_MAX_BYTES is answered with a signed download URL instead of its bytes (D9).
import { at, DomainError, ZExportKind, ZId } from '@tingkan/shared';
import * as z from 'zod';
import { endpoint, handler } from '../_lib/handler';
import { now } from '../_lib/clock';
import { requireOffice } from '../_lib/office/scope';
import { exportReply, XLSX } from '../_lib/exports/respond';
import { beian, renyuanku } from '../_lib/exports/lists';
import { guancha, pingyi } from '../_lib/exports/forms';
import { observationFacts } from '../_lib/exports/observation-facts';
import { reportHtml } from '../_lib/exports/report';
import { loadExcelJS } from '../_lib/excel';

const ZQuery = z.object({
  kind: ZExportKind,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  observationId: ZId.optional(),
}).strict().superRefine((q, ctx) => {
  if (q.kind === 'beian' && q.year === undefined) ctx.addIssue({ code: 'custom', path: ['year'], message: '请选择年份' });
  if (['pingyi', 'guancha', 'report'].includes(q.kind) && !q.observationId) ctx.addIssue({ code: 'custom', path: ['observationId'], message: '请选择一次观摩' });
});

export default handler({
  GET: endpoint({
    auth: 'user', query: ZQuery,
    async run({ query, caller, tx }) {
      await requireOffice(tx);
      const stamp = at(now()).format('YYYYMMDD');
      if (query.kind === 'report') {
        const f = await observationFacts(tx, query.observationId!);
        return exportReply({ name: `${f.orgName}观摩报告.html`, contentType: 'text/html; charset=utf-8', body: reportHtml(f, at(now()).format('YYYY-MM-DD HH:mm')), disposition: 'inline' }, now());
      }
      const ExcelJS = await loadExcelJS();
      const wb = new ExcelJS.Workbook();
      wb.creator = '听看';
      let name: string;
      if (query.kind === 'beian') {
        await beian(tx, wb, query.year!);
        name = `${query.year}年组织生活巡听旁听备案表.xlsx`;
      } else if (query.kind === 'renyuanku') {
        const { rows } = await tx.query<{ name: string; mobile: string | null; unit: string }>(
          `select p.name, p.mobile, coalesce((select o.name from office_staff s join organisations o on o.id = s.scope_org_id
                                               where s.person_id = p.id order by o.name limit 1), '') as unit
             from people p where p.id = $1`, [caller.sub],
        );
        await renyuanku(tx, wb, rows[0] ?? { name: '', mobile: null, unit: '' });
        name = `组织生活巡听旁听人员库${stamp}.xlsx`;
      } else {
        const f = await observationFacts(tx, query.observationId!);
        if (query.kind === 'pingyi') pingyi(wb, f);
        else guancha(wb, f);
        name = `${f.orgName}${query.kind === 'pingyi' ? '巡听旁听评议表' : '观察评价表'}${stamp}.xlsx`;
      }
      if (wb.worksheets.length === 0) throw new DomainError('NOT_FOUND');
      const body = Buffer.from(await wb.xlsx.writeBuffer());
      return exportReply({ name, contentType: XLSX, body }, now());
    },
  }),
});
