// An uploaded .xlsx or .csv as rows of text cells, with the row numbers the user sees in Excel.
import { DomainError, IMPORT_MAX_ROWS, normaliseHeader } from '@tingkan/shared';
import { loadExcelJS } from '../excel';

export interface SheetRow {
  /** 1-based, as Excel and a text editor number them. */
  row: number;
  cells: string[];
}

/** RFC 4180: commas, "quoted, fields" with "" for a quote, CRLF or LF, and an optional UTF-8 BOM. */
export function parseCsv(text: string): SheetRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowStart = 1;
  let quoted = false;
  const endRow = () => {
    cells.push(cell);
    rows.push({ row: rowStart, cells });
    cells = [];
    cell = '';
    rowStart = line;
  };
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else { if (c === '\n') line += 1; cell += c; }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') { cells.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      line += 1;
      endRow();
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('IMPORT_UNREADABLE', 'CSV 文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx');
  }
}

/** A cell of exceljs as the text the user sees: numbers as typed (mobiles), rich text joined, formulas' results. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}

async function parseXlsx(bytes: Buffer): Promise<SheetRow[]> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its own Buffer; the bytes are a node Buffer as it expects.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new DomainError('IMPORT_UNREADABLE');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DomainError('IMPORT_UNREADABLE', '文件中没有工作表');
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 20) throw new DomainError('IMPORT_TOO_LARGE');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

export async function readSheet(fileName: string, contentBase64: string): Promise<SheetRow[]> {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new DomainError('IMPORT_UNREADABLE', '文件是空的');
  return /\.csv$/i.test(fileName) ? parseCsv(decodeUtf8(bytes)) : parseXlsx(bytes);
}

/**
 * Finds the header row (the forms put a title and "单位名称：…" lines above it) and maps each
 * known column to its field. Returns the data rows below it as field → text records.
 */
export function tableOf(
  rows: SheetRow[],
  columns: Record<string, readonly string[]>,
  required: readonly (readonly string[])[],
): { row: number; values: Record<string, string> }[] {
  const known = new Map<string, string>();
  for (const [field, headers] of Object.entries(columns)) for (const h of headers) known.set(normaliseHeader(h), field);
  const headerIndex = rows.slice(0, 10).findIndex((r) => r.cells.some((c) => normaliseHeader(c) === '姓名'));
  const header = rows[headerIndex];
  if (!header) throw new DomainError('IMPORT_COLUMNS_MISSING', undefined, [{ path: '表头', message: '找不到表头行（应有“姓名”列）' }]);
  const fieldAt = new Map<number, string>();
  header.cells.forEach((c, i) => {
    const field = known.get(normaliseHeader(c));
    if (field && ![...fieldAt.values()].includes(field)) fieldAt.set(i, field);
  });
  const present = new Set(fieldAt.values());
  const missing = required.filter((alternatives) => !alternatives.some((f) => present.has(f)));
  if (missing.length > 0) {
    throw new DomainError('IMPORT_COLUMNS_MISSING', undefined, missing.map((alternatives) => ({
      path: '表头', message: `缺少列：${alternatives.map((f) => columns[f]?.[0] ?? f).join(' 或 ')}`,
    })));
  }
  const table: { row: number; values: Record<string, string> }[] = [];
  for (const r of rows.slice(headerIndex + 1)) {
    const values: Record<string, string> = {};
    for (const [i, field] of fieldAt) values[field] = (r.cells[i] ?? '').trim();
    // Blank lines and the form's numbered empty lines (序号 only) are not rows.
    if (Object.values(values).every((v) => v === '')) continue;
    table.push({ row: r.row, values });
  }
  if (table.length > IMPORT_MAX_ROWS) throw new DomainError('IMPORT_TOO_LARGE');
  return table;
}
