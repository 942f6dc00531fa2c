// The annexes' look in exceljs: a merged title row, thin borders, fixed widths, A4 print setup (D9: exceljs is
// loaded lazily by the export route only, so these helpers take its types, never import it at run time).
import type { Workbook, Worksheet } from 'exceljs';

const THIN = { style: 'thin' as const };
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const FONT = 'SimSun';

export function newSheet(wb: Workbook, name: string, title: string, widths: number[], landscape = true): Worksheet {
  const ws = wb.addWorksheet(name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 } },
  });
  ws.columns = widths.map((width) => ({ width }));
  const row = ws.addRow([title]);
  ws.mergeCells(row.number, 1, row.number, widths.length);
  row.height = 32;
  row.getCell(1).font = { name: FONT, size: 16, bold: true };
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  return ws;
}

/** A row of bordered, wrapped cells; `bold` for header rows. */
export function boxedRow(ws: Worksheet, values: (string | number | null)[], bold = false, height?: number) {
  const row = ws.addRow(values);
  for (let c = 1; c <= values.length; c += 1) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    cell.font = { name: FONT, size: 11, bold };
    cell.alignment = { vertical: 'middle', horizontal: bold ? 'center' : 'left', wrapText: true };
  }
  if (height) row.height = height;
  return row;
}

/** A table: the annex's header row then one row per record, with 序号 in the first column. */
export function table(ws: Worksheet, headers: string[], rows: (string | number | null)[][]): void {
  boxedRow(ws, headers, true, 30);
  ws.views = [{ state: 'frozen', ySplit: ws.rowCount }];
  ws.pageSetup.printTitlesRow = `1:${ws.rowCount}`;
  rows.forEach((r, i) => boxedRow(ws, [i + 1, ...r]));
}
