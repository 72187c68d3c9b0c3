/**
 * Tables, hidden and filtered rows (issue #20, defect 8), on the preview's Excel, which models them: a formula into
 * a table's column becomes a calculated column over the rows kaohe skipped unless written as its value; rows hidden
 * or filtered out are never written silently; selecting a cell in a hidden row says so.
 */
import type { CellWrite, Grid, Plan } from '../../src/engine';
import { problemText } from '../../src/app/words';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { HostError } from '../../src/hosts/host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';

// A roster as a table A1:C4; 李四 (row 3) is not graded, so kaohe writes C2 and C4 only.
const grid: Grid = {
  sheet: '表',
  top: 1,
  left: 1,
  values: [
    ['姓名', '得分', '等次'],
    ['张三', 95, null],
    ['李四', null, null],
    ['王五', 70, null],
  ],
  merges: [],
};

const write = (row: number, formula: string, value: string): CellWrite => ({
  row,
  col: 3,
  cell: `C${row}`,
  kind: 'grade',
  before: { value: null, formula: null, numFmt: null },
  after: { value, formula, numFmt: null },
});

const plan: Plan = {
  sheet: '表',
  mode: 'formulas',
  writes: [write(2, '=IF(B2>=90,"优秀","称职")', '优秀'), write(4, '=IF(B4>=90,"优秀","称职")', '称职')],
  conflicts: [],
  newColumns: [],
  skipped: [],
  valuesInstead: [],
  nothingToWrite: null,
};

function install(shape: (book: PreviewWorkbook) => void): PreviewWorkbook {
  const book = PreviewWorkbook.fromGrids([grid]);
  shape(book);
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
  return book;
}

const content = (book: PreviewWorkbook, row: number) => {
  const c = book.cell(book.activeSheet(), row, 3);
  return [c?.value ?? null, c?.formula ?? null];
};

describe('a table', () => {
  const table = (book: PreviewWorkbook) => (book.activeSheet().tables = [{ name: '表1', area: { top: 1, left: 1, bottom: 4, right: 3 } }]);

  it("in the preview's Excel, a formula into an empty table column fills the column", async () => {
    const book = install(table);
    const g = globalThis as unknown as { Excel: typeof Excel };
    await g.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('C2').formulas = [['=B2*2']];
      await ctx.sync();
    });
    expect(content(book, 3)).toEqual([0, '=B3*2']);
  });

  it('is written with values in its columns: the row kaohe skipped stays empty', async () => {
    const book = install(table);
    const host = new ExcelHost();
    await host.readSheet();
    await host.apply(plan);
    expect([content(book, 2), content(book, 3), content(book, 4)]).toEqual([
      ['优秀', null],
      [null, null],
      ['称职', null],
    ]);
  });
});

describe('hidden and filtered rows', () => {
  const hide = (book: PreviewWorkbook) => (book.activeSheet().hiddenRows = new Set([4]));

  it('are not written: the write is refused, naming the rows, and nothing changes', async () => {
    const book = install(hide);
    const host = new ExcelHost();
    await host.readSheet();
    const e = await host.apply(plan).catch((x: unknown) => x);
    expect(e).toEqual(new HostError('hidden-rows', '4'));
    expect(problemText(e, 'zh')).toMatch(/被隐藏或筛选掉.*涉及的行：4$/);
    expect([content(book, 2), content(book, 4)]).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('a cell selected in a hidden row says so', async () => {
    install(hide);
    const host = new ExcelHost();
    await host.readSheet();
    await expect(host.select('表', 'A4')).rejects.toEqual(new HostError('hidden-cell', '4'));
    await expect(host.select('表', 'A2')).resolves.toBeUndefined();
  });
});
