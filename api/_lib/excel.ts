// D9: exceljs is heavy, so routes load it lazily, only when a workbook is made or read.
type ExcelJS = typeof import('exceljs');

/**
 * exceljs is CommonJS. Under jest's transform `import()` answers the module itself; under tsx (`npm start`)
 * it answers a namespace whose `default` is the module and which has no `Workbook`.
 */
export async function loadExcelJS(): Promise<ExcelJS> {
  const mod = (await import('exceljs')) as ExcelJS & { default?: ExcelJS };
  return typeof mod.Workbook === 'function' ? mod : (mod.default as ExcelJS);
}
