/**
 * The summary forms as a secretary prints them: `kaohe annual --out` on the example workbook,
 * the two form sheets opened by LibreOffice and converted to PDF — one A4 landscape page each.
 * Needs LibreOffice (Debian: libreoffice-calc-nogui); run with `npm run test:system`.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kaoheJson } from '../cli/helpers';
import { soffice } from '../helpers/libreoffice';
import { tempDir } from '../helpers/xlsx';

/** Pages of a PDF and their sizes in points, read from the page dictionaries LibreOffice writes uncompressed. */
function pdfPages(file: string): { width: number; height: number }[] {
  const text = readFileSync(file).toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-z])[^]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g) ?? [];
  return pages.map((p) => {
    const m = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(p)!;
    return { width: Math.round(Number(m[3]) - Number(m[1])), height: Math.round(Number(m[4]) - Number(m[2])) };
  });
}

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
