// The per-row report of an import: every data row, ok or with the cells at fault (in Chinese).
import { ERROR_MESSAGES_ZH, type TImportResult, type TImportRowReport } from '@tingkan/shared';
import { reply, type Reply } from '../handler';

export class RowReport {
  private readonly byRow = new Map<number, TImportRowReport>();

  constructor(rows: readonly number[]) {
    for (const row of rows) this.byRow.set(row, { row, ok: true, errors: [] });
  }

  add(row: number, column: string, messageZh: string): void {
    const r = this.byRow.get(row);
    if (!r) return;
    r.ok = false;
    r.errors.push({ column, messageZh });
  }

  isRowOk(row: number): boolean {
    return this.byRow.get(row)?.ok ?? false;
  }

  get ok(): boolean {
    return [...this.byRow.values()].every((r) => r.ok);
  }

  get rows(): TImportRowReport[] {
    return [...this.byRow.values()];
  }
}

/**
 * A file with any bad row is refused whole (nothing was written): 400 IMPORT_REJECTED in the usual
 * envelope, the bad cells as fields (first 100), and the full per-row report.
 */
export function rejected(report: RowReport): Reply {
  const bad = report.rows.filter((r) => !r.ok);
  const fields = bad.flatMap((r) => r.errors.map((e) => ({ path: `第${r.row}行.${e.column}`, message: e.messageZh }))).slice(0, 100);
  return reply(400, {
    error: { code: 'IMPORT_REJECTED', message: ERROR_MESSAGES_ZH.IMPORT_REJECTED, fields, badRows: bad.length, report: report.rows },
  });
}

export function accepted(kind: TImportResult['kind'], dryRun: boolean, report: RowReport, created: TImportResult['created']): Reply {
  const result: TImportResult = { kind, dryRun, rows: report.rows.length, created, report: report.rows };
  return reply(dryRun ? 200 : 201, result);
}
