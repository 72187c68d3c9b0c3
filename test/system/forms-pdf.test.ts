/**
 * The summary forms as a secretary prints them: `kaohe annual --out` on the example workbook,
 * the two form sheets opened by LibreOffice and converted to PDF — one A4 landscape page each.
 * Needs LibreOffice (Debian: libreoffice-calc-nogui); run with `npm run test:system`.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { kaoheJson } from '../cli/helpers';
import { pdfPages, soffice } from '../helpers/libreoffice';
import { tempDir } from '../helpers/xlsx';

describe('the summary forms in LibreOffice', () => {
  it('print on one A4 landscape page each', async () => {
    const dir = tempDir('kaohe-forms-');
    const out = join(dir, 'year.xlsx');
    const { report } = await kaoheJson('annual', join(__dirname, '..', '..', 'examples', 'gwy-2020-year.xlsx'), '--out', out);
    // Only the forms, so that the PDF holds their pages alone.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const ws of [...wb.worksheets]) if (!report.output.sheets.includes(ws.name)) wb.removeWorksheet(ws.id);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['平时考核结果汇总表', '年度考核登记汇总表']);
    const forms = join(dir, 'forms.xlsx');
    await wb.xlsx.writeFile(forms);
    execFileSync(
      soffice(),
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, forms],
      {
        stdio: 'pipe',
        timeout: 180000,
      },
    );
    // A4 landscape: 842 × 595 points.
    expect(pdfPages(join(dir, 'forms.pdf'))).toEqual([
      { width: 842, height: 595 },
      { width: 842, height: 595 },
    ]);
  }, 240000);
});
