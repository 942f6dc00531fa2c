// `npm start` runs the API under tsx, where import('exceljs') answers a namespace without `Workbook`:
// jest's transform cannot see that, so this also loads the module the way the server does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExcelJS } from '../../api/_lib/excel';

const ROOT = join(__dirname, '..', '..');

describe('exceljs loads under every runtime the API runs in (exports and imports, D9)', () => {
  it('under jest (CommonJS) gives a Workbook constructor', async () => {
    const ExcelJS = await loadExcelJS();
    expect(new ExcelJS.Workbook().addWorksheet('表').name).toBe('表');
  });

  it('under tsx, as npm start runs the server, gives a Workbook constructor', () => {
    const dir = mkdtempSync(join(ROOT, '.tmp', 'excel-'));
    const file = join(dir, 'load.ts');
    writeFileSync(file, `import { loadExcelJS } from ${JSON.stringify(join(ROOT, 'api', '_lib', 'excel'))};
      void loadExcelJS().then((E) => { const wb = new E.Workbook(); wb.addWorksheet('表');
        console.log(JSON.stringify({ sheets: wb.worksheets.map((s) => s.name) })); });`);
    let out: string;
    try {
      out = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [file], { cwd: ROOT, encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ sheets: ['表'] });
  });
});
