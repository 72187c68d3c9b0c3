/**
 * The SheetJS reader (large files, read-only commands) makes the Grid the exceljs reader makes:
 * on every sheet of the examples, and on a sheet with what differs most between the two
 * libraries (dates, errors, booleans, rich text, shared formulas, merges, hidden rows).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { worksheetToGrid } from '../../src/hosts/file/sheet';
import { readBook, sheetSources } from '../../src/hosts/file/sheetjs';
import { engineView } from '../helpers/same-grid';

async function both(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const sources = sheetSources(readBook(data, true));
  expect(sources.map((s) => [s.name, s.visible])).toEqual(wb.worksheets.map((ws) => [ws.name, ws.state === 'visible']));
  return wb.worksheets.map((ws, i) => [worksheetToGrid(ws), sources[i]!.grid()] as const);
}

describe('the SheetJS reader', () => {
  for (const file of ['gwy-2020-q1.xlsx', 'gwy-2020-year.xlsx']) {
    it(`reads every sheet of ${file} as exceljs does`, async () => {
      for (const [a, b] of await both(readFileSync(join(__dirname, '..', '..', 'examples', file))))
        expect(engineView(b)).toEqual(engineView(a));
    });
  }

  it('reads dates, errors, booleans, rich text, shared formulas, merges and hidden rows as exceljs does', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考核');
    ws.getCell('B2').value = '2026年第一季度';
    ws.mergeCells('B2:E2');
    ws.getCell('B3').value = { richText: [{ text: '姓' }, { text: '名', font: { bold: true } }] };
    ws.getCell('C3').value = 1.5;
    ws.getCell('D3').value = new Date(Date.UTC(2026, 2, 31, 8, 30));
    ws.getCell('D3').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('E3').value = { error: '#N/A' };
    ws.getCell('F3').value = true;
    ws.getCell('C4').value = { formula: 'C3*2', result: 3 };
    ws.getCell('C5').value = { sharedFormula: 'C4', result: 6 };
    ws.getCell('D4').value = { formula: 'E3', result: { error: '#N/A' } };
    ws.getCell('B6').value = '=1+1';
    ws.getCell('B7').value = '  ';
    ws.getRow(5).hidden = true;
    ws.getCell('A9').value = 0;
    ws.mergeCells('A10:B11');
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const [a, b] = (await both(data))[0]!;
    expect(engineView(b!)).toEqual(engineView(a!));
    expect(b!.values[1]![1]).toBe('姓名');
    expect(b!.formulas![3]![2]).toBe('=C4*2'); // C5: the shared formula, as C5 holds it
    expect(b!.hiddenRows).toEqual([5]);
    expect(b!.values[2]![3]).toEqual({ error: '#N/A' });
  });

  it('says which sheets are hidden', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('一').getCell('A1').value = 1;
    wb.addWorksheet('二', { state: 'hidden' }).getCell('A1').value = 2;
    const sources = sheetSources(readBook(Buffer.from(await wb.xlsx.writeBuffer()), true));
    expect(sources.map((s) => [s.name, s.visible, s.grid().values])).toEqual([
      ['一', true, [[1]]],
      ['二', false, [[2]]],
    ]);
  });
});
