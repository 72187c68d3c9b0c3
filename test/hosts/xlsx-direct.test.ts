/**
 * The fast .xlsx reader (src/hosts/file/xlsx-direct) makes exactly the Grid SheetJS's reader makes,
 * and the one exceljs makes as far as the engine can tell: on every sheet of the examples, on a
 * sheet with what the two libraries differ on most, and on hand-written XML (prefixes, entities,
 * inline strings, rows and cells without r). What it does not read exactly it leaves (null).
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { worksheetToGrid } from '../../src/hosts/file/sheet';
import { readBook, sheetSources } from '../../src/hosts/file/sheetjs';
import { BUILTIN_FORMATS, readDirect } from '../../src/hosts/file/xlsx-direct';
import { LimitError, READ_LIMITS } from '../../src/hosts/file/limits';
import type { Grid } from '../../src/engine';
import { engineView } from '../helpers/same-grid';
import { sheetPackage as pkg } from '../helpers/package';

const examples = join(__dirname, '..', '..', 'examples');

async function exceljsGrids(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => worksheetToGrid(ws));
}

/** Rows of the Grid's width with no holes: every index of every row holds null or a value. */
function packedRows(grid: Grid): void {
  const width = grid.values[0]?.length ?? 0;
  for (const rows of [grid.values, grid.numFmts, grid.formulas]) {
    if (!rows) continue;
    expect(rows.length).toBe(grid.values.length);
    for (const row of rows) {
      expect(row.length).toBe(width);
      for (let i = 0; i < width; i++) expect([i in row, row[i] === undefined]).toEqual([true, false]);
    }
  }
}

/** The fast reader's grid of the one sheet of `data`, exactly SheetJS's (no key, hole or undefined more or less). */
function sameAsSheetJs(data: Buffer): Grid {
  const grid = readDirect(data)!.sheets[0]!.grid();
  expect(grid).toStrictEqual(sheetSources(readBook(data, true))[0]!.grid());
  packedRows(grid);
  return grid;
}

/** The fast reader's sheets and grids, checked against SheetJS's (exactly) and exceljs's (as the engine sees them). */
async function sameAsOthers(data: Buffer) {
  const direct = readDirect(data);
  expect(direct).not.toBeNull();
  const viaSheetJs = sheetSources(readBook(data, true));
  expect(direct!.sheets.map((s) => [s.name, s.visible])).toEqual(viaSheetJs.map((s) => [s.name, s.visible]));
  const grids = direct!.sheets.map((s) => s.grid());
  expect(grids).toStrictEqual(viaSheetJs.map((s) => s.grid()));
  grids.forEach(packedRows);
  const viaExcelJs = await exceljsGrids(data);
  expect(grids.map(engineView)).toEqual(viaExcelJs.map(engineView));
  return grids;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('the fast .xlsx reader', () => {
  it('names the built-in number formats as SheetJS does', () => {
    const table = XLSX.SSF.get_table() as Record<number, string>;
    for (const [id, code] of Object.entries(BUILTIN_FORMATS)) expect([id, code]).toEqual([id, table[Number(id)]]);
  });

  for (const file of ['gwy-2020-q1.xlsx', 'gwy-2020-year.xlsx']) {
    it(`reads every sheet of ${file} as SheetJS and exceljs do`, async () => {
      const grids = await sameAsOthers(readFileSync(join(examples, file)));
      expect(grids.length).toBeGreaterThan(0);
    });
  }

  it('reads dates, errors, booleans, rich text, formulas, merges and hidden rows as SheetJS and exceljs do', async () => {
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
    ws.getCell('G3').value = 0.25;
    ws.getCell('G3').numFmt = '0.00%';
    ws.getCell('C4').value = { formula: 'C3*2', result: 3 };
    ws.getCell('D4').value = { formula: 'E3', result: { error: '#N/A' } };
    ws.getCell('E4').value = { formula: 'C3-C3', result: 0 };
    ws.getCell('F4').value = { formula: 'B2&"!"', result: '2026年第一季度!' };
    ws.getCell('B6').value = '=1+1';
    ws.getCell('B7').value = '  ';
    ws.getCell('C7').value = 'A & B <C>';
    ws.getCell('B5').value = '隐藏行';
    ws.getRow(5).hidden = true;
    ws.getCell('A9').value = 0;
    ws.mergeCells('A10:B11');
    wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 2;
    const [grid, hidden] = await sameAsOthers(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(grid!.values[1]![1]).toBe('姓名');
    expect(grid!.values[1]![2]).toBe(1.5);
    expect(grid!.values[1]![3]).toBeCloseTo(46112.354166, 5);
    expect(grid!.numFmts![1]![3]).toBe('yyyy-mm-dd hh:mm');
    expect(grid!.values[1]![4]).toEqual({ error: '#N/A' });
    expect(grid!.values[1]![5]).toBe(true);
    expect(grid!.numFmts![1]![6]).toBe('0.00%');
    expect(grid!.formulas![2]![2]).toBe('=C3*2');
    expect(grid!.values[2]![3]).toEqual({ error: '#N/A' });
    expect([grid!.values[2]![4], grid!.formulas![2]![4]]).toEqual([0, '=C3-C3']);
    expect(grid!.values[2]![5]).toBe('2026年第一季度!');
    expect(grid!.values[5]![2]).toBe('A & B <C>');
    expect(grid!.hiddenRows).toEqual([5]);
    // A10:B11 holds nothing: the merge is cut away with the empty rows around it.
    expect(grid!.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 5 }]);
    expect(hidden!.values).toEqual([[2]]);
  });

  it('reads prefixed elements, entities, inline strings, and rows and cells that do not say where they are', async () => {
    const sheet =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      `<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>内联 &lt;文字&gt;</x:t></x:is></x:c></x:row>` +
      `<x:row><x:c r="B3"><x:v> 12.5 </x:v></x:c><x:c r="D3" s="1"><x:v>45000</x:v></x:c><x:c r="E3" t="b"><x:v>0</x:v></x:c></x:row>` +
      `<x:row r="5" hidden="true"><x:c r="A5" t="str"><x:f>A2&amp;"x"</x:f><x:v>张三x</x:v></x:c><x:c r="B5" s="2"/><x:c r="C5" s="0"/><x:c r="D5"><x:f>1+1</x:f></x:c></x:row>` +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A2:B2"/></x:mergeCells></x:worksheet>`;
    const strings = `<sst ${NS} count="2" uniqueCount="2"><si><t>张三</t></si><si><r><t xml:space="preserve">李 </t></r><r><rPr><b/></rPr><t>四</t></r></si></sst>`;
    const styles =
      `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>` +
      `<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const data = await pkg(sheet, { strings, styles });
    const direct = readDirect(data)!;
    expect(direct.sheets.map((s) => s.name)).toEqual(['考核 & 评分']);
    const grid = direct.sheets[0]!.grid();
    expect(grid).toStrictEqual(sheetSources(readBook(data, true))[0]!.grid());
    packedRows(grid);
    expect([grid.top, grid.left]).toEqual([2, 1]);
    // A2:B2 is merged: B2 (李 四) is a cell the merge covers, so it holds nothing.
    expect(grid.values).toEqual([
      ['张三', null, '内联 <文字>', null, null],
      [null, 12.5, null, 45000, false],
      [null, null, null, null, null],
      ['张三x', null, null, null, null],
    ]);
    expect(grid.numFmts![1]![3]).toBe('yyyy"年"m"月"');
    // An empty cell keeps its number format; a formula without a cached result holds nothing yet.
    expect(grid.numFmts![3]![1]).toBe('m/d/yy');
    expect(grid.formulas![3]![0]).toBe('=A2&"x"');
    expect([grid.values[3]![3], grid.formulas![3]![3]]).toEqual([null, '=1+1']);
    expect(grid.hiddenRows).toEqual([5]);
    expect(grid.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 2 }]);
  });

  it('reads shared strings of every shape as SheetJS does', async () => {
    const texts = [
      '<t>张三</t>',
      '<t>A &amp; B &lt;1&gt;</t>',
      '<t></t>',
      '<t/>',
      '<t xml:space="preserve"> 李 四 </t>',
      '<r><t>王</t></r><r><rPr><b/></rPr><t>五</t></r>',
      '<t>&#x5B59;&#19971;</t>',
    ];
    const strings = `<sst ${NS}>${texts.map((t) => `<si>${t}</si>`).join('')}</sst>`;
    const cells = texts.map((_t, i) => `<c r="A${i + 1}" t="s"><v>${i}</v></c>`);
    const sheet = `<worksheet ${NS}><sheetData>${cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join('')}</sheetData></worksheet>`;
    const data = await pkg(sheet, { strings });
    const grid = readDirect(data)!.sheets[0]!.grid();
    expect(grid).toStrictEqual(sheetSources(readBook(data, true))[0]!.grid());
    expect(grid.values.map((r) => r[0])).toEqual(['张三', 'A & B <1>', '', '', ' 李 四 ', '王五', '孙七']);
  });

  it('leaves to the general readers what it does not read exactly', async () => {
    const sheetWith = (cells: string) => `<worksheet ${NS}><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    const cases = [
      sheetWith('<c r="A1"><f t="shared" ref="A1:A2" si="0">B1</f><v>1</v></c>'), // a shared formula
      sheetWith('<c r="A1"><f t="array" ref="A1">B1:B2</f><v>1</v></c>'), // an array formula
      sheetWith('<c r="A1"><f>_xlfn.CONCAT(B1)</f><v>1</v></c>'), // a function Excel added later
      sheetWith('<c r="A1" t="d"><v>2026-03-31</v></c>'), // a date-typed cell
      sheetWith('<c r="A1" t="inlineStr"><is><t>a_x000D_b</t></is></c>'), // an escaped character
      sheetWith('<c r="A1" t="e"><v>#SPILL!</v></c>'), // an error SheetJS has no code for
      sheetWith('<c r="A1" s="1"><v>1</v></c>'), // a built-in format SheetJS names otherwise
    ];
    const styles = `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="5"/></cellXfs></styleSheet>`;
    for (const sheet of cases) expect(readDirect(await pkg(sheet, { styles }))).toBeNull();
    // Phonetic runs in the shared strings.
    const phonetic = `<sst ${NS}><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>`;
    expect(readDirect(await pkg(sheetWith('<c r="A1" t="s"><v>0</v></c>'), { strings: phonetic }))).toBeNull();
    // Strict OOXML.
    const strict = `<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    expect(readDirect(await pkg(sheetWith('<c r="A1"><v>1</v></c>'), { workbook: strict }))).toBeNull();
    // And what it reads, it reads: the same sheet with a plain formula.
    expect(readDirect(await pkg(sheetWith('<c r="A1"><f>B1*2</f><v>4</v></c><c r="B1"><v>2</v></c>')))!.sheets[0]!.grid().values).toEqual([
      [4, 2],
    ]);
  });

  it('finds where each row and cell is in the text (for the copy’s patch), with a prefix and without r', async () => {
    const sheet =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      `<x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c><x:c r="E2"/></x:row>` +
      `<x:row/><x:row><x:c><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const direct = readDirect(await pkg(sheet), true)!;
    const xml = direct.texts!.get('xl/worksheets/sheet1.xml')!;
    const found = direct.positions!.get('xl/worksheets/sheet1.xml')!;
    const rows = Array.from({ length: found.rows }, (_, r) => [
      xml.slice(found.rowAt[r], found.rowAt[r]! + 9),
      found.rowEnd[r] === -1 ? null : xml.slice(found.rowEnd[r], found.rowEnd[r]! + 8),
      found.rowFirstCell[r],
    ]);
    expect(rows).toEqual([
      ['<x:row r=', '</x:row>', 0],
      ['<x:row/><', null, 3],
      ['<x:row><x', '</x:row>', 3],
    ]);
    const cells = Array.from({ length: found.cells }, (_, c) => [xml.slice(found.cellAt[c], found.cellAt[c]! + 5), found.cellCol[c]]);
    expect(cells).toEqual([
      ['<x:c ', 2],
      ['<x:c>', 3],
      ['<x:c ', 5],
      ['<x:c>', 1],
    ]);
    // Only kept when asked: a check keeps nothing.
    expect(readDirect(await pkg(sheet))!.positions).toBeNull();
  });

  it('reads attributes as written: either quote, spaces around =, unknown attributes; odd ones go to the general readers', async () => {
    const sheet =
      `<worksheet ${NS}><sheetData><row r="1">` +
      `<c r='A1' t = "s"><v>0</v></c><c  s="1"  r="B1"><v>7.25</v></c><c r="C1" ph="1" t="n"><v>.5</v></c><c r="D1" t="s"><v> 0 </v></c><c r="E1"><v>1e3</v></c>` +
      `</row></sheetData></worksheet>`;
    const strings = `<sst ${NS}><si><t>张三</t></si></sst>`;
    const styles = `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="2"/></cellXfs></styleSheet>`;
    const grids = await sameAsOthers(await pkg(sheet, { strings, styles }));
    expect(grids[0]!.values).toEqual([['张三', 7.25, 0.5, '张三', 1000]]);
    expect(grids[0]!.numFmts![0]![1]).toBe('0.00');
    const sheetWith = (cells: string) => `<worksheet ${NS}><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    for (const odd of [
      '<c r="A1" s="-1"><v>1</v></c>', // a style index that is not one
      '<c r="A1" s="9"><v>1</v></c>', // a style the workbook does not have
      '<c r="A2"><v>1</v></c>', // a cell outside its row
      '<c r="AAAA1"><v>1</v></c>', // a column past XFD's three letters
      '<c r="A1" t="s"><v>5</v></c>', // a shared string that is not there
      '<c r="A1" t=s><v>1</v></c>', // an attribute without quotes
    ])
      expect(readDirect(await pkg(sheetWith(odd), { strings, styles }))).toBeNull();
  });

  it('reads numbers as Number reads their text, short and long, with and without a point', async () => {
    const texts = [
      '0.1',
      '0.3',
      '85.5',
      '5.',
      '.5',
      '007',
      '123456789012345',
      '1234567890123456',
      '9007199254740993',
      '0.000000000000001',
      '99.99999999999999',
      '1E2',
      ' 7 ',
    ];
    const cells = texts.map((t, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${t}</v></c>`).join('');
    const grids = await sameAsOthers(await pkg(`<worksheet ${NS}><sheetData><row r="1">${cells}</row></sheetData></worksheet>`));
    expect(grids[0]!.values[0]).toEqual(texts.map((t) => Number(t)));
  });

  it('reads cells out of order, written twice, far right of the rest, as SheetJS does', async () => {
    const styles = `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="2"/></cellXfs></styleSheet>`;
    const sheet =
      `<worksheet ${NS}><sheetData>` +
      // C2 then A2 (left of the row's first cell), B2 twice: the later one is the cell.
      `<row r="2"><c r="C2"><v>3</v></c><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="B2" s="1"><v>20</v></c></row>` +
      // D3 holds 4, then is written again as an empty styled cell: it holds nothing, and the range ends at C.
      `<row r="3"><c r="B3"><f>B2*2</f><v>40</v></c><c r="D3"><v>4</v></c><c r="D3" s="1"/><c r="XFD3" s="1"/></row>` +
      // Row 2 again: its cells join the ones read before.
      `<row r="2"><c r="C2" s="1"/></row>` +
      `<row r="4"><c r="A4" s="1"/><c r="C4"><v>9</v></c></row>` +
      `</sheetData></worksheet>`;
    const grid = sameAsSheetJs(await pkg(sheet, { styles }));
    expect([grid.top, grid.left]).toEqual([2, 1]);
    expect(grid.values).toEqual([
      [1, 20, null],
      [null, 40, null],
      [null, null, 9],
    ]);
    expect(grid.numFmts).toEqual([
      [null, '0.00', '0.00'],
      [null, null, null],
      ['0.00', null, null],
    ]);
    expect(grid.formulas).toEqual([
      [null, null, null],
      [null, '=B2*2', null],
      [null, null, null],
    ]);
  });

  it('reads a cell holding <v> alone apart from one holding more, with or without a prefix', async () => {
    const sheet =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1">` +
      `<x:c r="A1"><v>1.5</v></x:c><x:c r="B1"><v>2</v><x:extLst/></x:c><x:c r="C1"><v></v></x:c><x:c r="D1"><x:v>4</x:v></x:c><x:c r="E1"><v>5</v> </x:c>` +
      `</x:row></x:sheetData></x:worksheet>`;
    expect(sameAsSheetJs(await pkg(sheet)).values).toEqual([[1.5, 2, null, 4, 5]]);
  });

  it('keeps no formulas when the only one is in a cell a merge covers', async () => {
    const sheet =
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1+1</f><v>2</v></c></row>` +
      `<row r="2"><c r="A2"><v>3</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    const grid = sameAsSheetJs(await pkg(sheet));
    expect(grid.values).toEqual([
      [1, null],
      [3, null],
    ]);
    expect(grid.formulas).toBeUndefined();
  });

  it('refuses a text over the length limit naming its cell, when the Grid is asked for', async () => {
    const long = 'x'.repeat(READ_LIMITS.textLength + 1);
    const strings = `<sst ${NS}><si><t>${long}</t></si></sst>`;
    const sheet = (cells: string) => `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c>${cells}</row></sheetData></worksheet>`;
    const direct = readDirect(await pkg(sheet('<c r="C1" t="s"><v>0</v></c>'), { strings }))!;
    const refusal = (): unknown => {
      try {
        direct.sheets[0]!.grid();
      } catch (e) {
        return e;
      }
      return null;
    };
    const e = refusal();
    expect(e).toBeInstanceOf(LimitError);
    expect([(e as LimitError).limit, (e as LimitError).found, (e as LimitError).cell]).toEqual(['textLength', long.length, 'C1']);
    // Asked again, the same refusal, not a Grid of what was left.
    expect(refusal()).toBe(e);
    // Under a merge's first cell the text is out of the Grid, and so is the refusal.
    const merged = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    expect(sameAsSheetJs(await pkg(merged, { strings })).values).toEqual([[1, null]]);
  });

  it('refuses a sheet over the row limit before building its Grid', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => `<row r="${i * 150000 + 1}"><c r="A${i * 150000 + 1}"><v>1</v></c></row>`).join('');
    const data = await pkg(`<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`);
    expect(() => readDirect(data)).toThrow(LimitError);
  });

  it('passes over empty styled rows after the data (the bench reads a million)', async () => {
    const empty = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 3}" s="1" customFormat="1"/>`).join('');
    const data = await pkg(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>7</v></c></row>${empty}</sheetData></worksheet>`);
    const direct = readDirect(data)!;
    expect(direct.trimmed).toBe(true);
    expect(direct.sheets[0]!.grid().values).toEqual([[7]]);
  });
});
