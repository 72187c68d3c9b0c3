/**
 * A formula whose result is 0 or FALSE keeps that result: exceljs's `cell.value` drops such
 * results (it copies only truthy fields), which read a 减分 column of `=B2-B2` as empty cells and
 * saved written formulas without their cached 0. Files here are written by SheetJS, not exceljs.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLegacy } from '../../src/hosts/file/legacy';
import { worksheetToGrid } from '../../src/hosts/file/sheet';
import { applyPlan } from '../../src/hosts/file/write';
import { buildPlan, checkGrid } from '../../src/engine';
import { preset } from '../../src/schemes';
import { kaohe } from '../cli/helpers';
import { tempDir } from '../helpers/xlsx';

/** 张三 with 减分 `=G2-G2` (0) and a check column `=H2>100` (FALSE). */
async function sheetJsBook(bookType: 'xlsx' | 'biff8'): Promise<{ file: string; data: Buffer }> {
  const XLSX = await import('@e965/xlsx');
  const ws = XLSX.utils.aoa_to_sheet([
    ['姓名', '德', '能', '勤', '绩', '廉', '加分', '减分', '超分'],
    ['张三', 18, 18, 14, 30, 9, 2, null, null],
  ]);
  ws['H2'] = { t: 'n', v: 0, f: 'G2-G2' };
  ws['I2'] = { t: 'b', v: false, f: 'H2>100' };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, ws, '第一季度');
  const file = join(tempDir(), bookType === 'xlsx' ? 'book.xlsx' : 'book.xls');
  XLSX.writeFile(book, file, { bookType });
  return { file, data: readFileSync(file) };
}

describe('formula results that are 0 or FALSE', () => {
  it('are read from .xlsx and .xls as they are, not as empty cells', async () => {
    const xlsx = await sheetJsBook('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.data as unknown as ExcelJS.Buffer);
    const fromXls = readLegacy((await sheetJsBook('biff8')).data);
    const g = worksheetToGrid(wb.worksheets[0]!);
    expect(g.values[1]!.slice(7)).toEqual([0, false]);
    expect(g.formulas![1]!.slice(7)).toEqual(['=G2-G2', '=H2>100']);
    // SheetJS writes .xls formulas as their results only; those come through too.
    expect(worksheetToGrid(fromXls.worksheets[0]!).values[1]!.slice(7)).toEqual([0, false]);
    // The legacy reader (SheetJS into exceljs) keeps formula and result, on a file that has formulas.
    const viaLegacy = worksheetToGrid(readLegacy(xlsx.data).worksheets[0]!);
    expect([viaLegacy.values[1]!.slice(7), viaLegacy.formulas![1]!.slice(7)]).toEqual([
      [0, false],
      ['=G2-G2', '=H2>100'],
    ]);
  });

  it('count as 0 in the total: no missing 减分', async () => {
    const { file } = await sheetJsBook('xlsx');
    const r = JSON.parse((await kaohe('check', file, '--scheme', 'gwy-2020', '--json')).out);
    expect(r.people[0].total).toBe(91);
    expect(r.issues.filter((i: { cell: string }) => i.cell === 'H2')).toEqual([]);
  });

  it('are kept when kaohe writes a formula whose result is 0', async () => {
    const grid = {
      sheet: '第一季度',
      top: 1,
      left: 1,
      values: [
        ['姓名', '德', '能', '勤', '绩', '廉', '合计', '等次'],
        ['张三', 0, 0, 0, 0, 0, null, null],
      ],
      merges: [],
    };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('第一季度');
    grid.values.forEach((row, i) => row.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
    applyPlan(ws, buildPlan(checkGrid(grid, preset('gwy-2020')!)!, grid, { formulas: true }));
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(await wb.xlsx.writeBuffer());
    const g = worksheetToGrid(saved.worksheets[0]!);
    expect([g.formulas![1]![6], g.values[1]![6], g.values[1]![7]]).toEqual(['=ROUND(B2+C2+D2+E2+F2,2)', 0, '较差']);
  });
});
