/**
 * Tables, hidden and filtered rows (issue #20, defect 8), on the preview's Excel, which models them: a formula into
 * a table's column becomes a calculated column over the rows kaohe skipped unless written as its value; rows hidden
 * or filtered out are never written silently; selecting a cell in a hidden row says so.
 */
import { areaA1, type CellWrite, type Grid, type Plan, undoPlan } from '../../src/engine';
import { problemText } from '../../src/app/words';
import { capabilities, ExcelHost } from '../../src/hosts/excel/excel-host';
import { HostError } from '../../src/hosts/host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { excelMock } from './excel-mock';

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

function install(shape: (book: PreviewWorkbook) => void, sheet: Grid = grid, apiVersion = '1.20'): PreviewWorkbook {
  const book = PreviewWorkbook.fromGrids([sheet]);
  shape(book);
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion });
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
    // The pane and the ribbon command say which table got values instead of formulas, and how many.
    expect(await host.apply(plan)).toEqual({ undoGroup: true, asValues: { cells: 2, tables: ['表1'] } });
    expect([content(book, 2), content(book, 3), content(book, 4)]).toEqual([
      ['优秀', null],
      [null, null],
      ['称职', null],
    ]);
    expect(await host.apply(undoPlan(plan))).toEqual({ undoGroup: true });
  });
});

describe('a table whose column holds the user’s own formulas', () => {
  const table = (book: PreviewWorkbook) => (book.activeSheet().tables = [{ name: '表1', area: { top: 1, left: 1, bottom: 4, right: 3 } }]);
  const own = (row: number) => `=IF(B${row}>=60,"称职","不称职")`;
  const withOwn: Grid = {
    ...grid,
    formulas: grid.values.map((r, i) => r.map((_v, j) => (j === 2 && i !== 0 && i !== 2 ? own(i + 1) : null))),
  };
  const over = (row: number, value: string): CellWrite => ({
    ...write(row, '', value),
    before: { value: '称职', formula: own(row), numFmt: null },
    after: { value, formula: null, numFmt: null },
  });
  const values: Plan = { ...plan, mode: 'values', writes: [over(2, '优秀'), over(4, '称职')] };

  it('gets them back on undo: a write that puts back what was there is no new formula for the table to spread', async () => {
    const book = install(table, withOwn);
    const host = new ExcelHost();
    await host.readSheet();
    await host.apply(values);
    expect(content(book, 2)).toEqual(['优秀', null]);
    await host.apply(undoPlan(values));
    expect([content(book, 2), content(book, 3), content(book, 4)]).toEqual([
      ['称职', own(2)],
      [null, null],
      ['称职', own(4)],
    ]);
  });
});

describe('a table that Excel extends (AutoExpand)', () => {
  // A roster as a table A1:B4, without a total or a grade: kaohe adds 合计 (C) and 等次 (D) beside it, 李四 skipped.
  const roster: Grid = {
    sheet: '表',
    top: 1,
    left: 1,
    values: [
      ['姓名', '得分'],
      ['张三', 95],
      ['李四', null],
      ['王五', 70],
    ],
    merges: [],
  };
  const table = (book: PreviewWorkbook) => (book.activeSheet().tables = [{ name: '表1', area: { top: 1, left: 1, bottom: 4, right: 2 } }]);
  const tableArea = (book: PreviewWorkbook) => {
    const t = book.activeSheet().tables?.[0];
    return t && areaA1(t.area);
  };
  const at = (book: PreviewWorkbook, row: number, col: number) => {
    const c = book.cell(book.activeSheet(), row, col);
    return [c?.value ?? null, c?.formula ?? null];
  };
  const cell = (row: number, col: number, value: string | number, formula: string | null): CellWrite => ({
    row,
    col,
    cell: areaA1({ top: row, left: col, bottom: row, right: col }),
    kind: col === 3 ? 'total' : 'grade',
    before: { value: null, formula: null, numFmt: null },
    after: { value, formula, numFmt: null },
  });
  const twoColumns: Plan = {
    ...plan,
    writes: [
      { ...cell(1, 3, '合计', null), kind: 'header' },
      cell(2, 3, 95, '=B2'),
      cell(4, 3, 70, '=B4'),
      { ...cell(1, 4, '等次', null), kind: 'header' },
      cell(2, 4, '优秀', '=IF(C2>=90,"优秀","称职")'),
      cell(4, 4, '称职', '=IF(C4>=90,"优秀","称职")'),
    ],
    newColumns: [
      { col: 3, kind: 'total', header: '合计' },
      { col: 4, kind: 'grade', header: '等次' },
    ],
  };

  it("in the preview's Excel, takes in what is written just right of it or just below it, naming an empty header", async () => {
    const book = install(table, roster);
    const g = globalThis as unknown as { Excel: typeof Excel };
    await g.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('C2').values = [[1]];
      await ctx.sync();
    });
    expect([tableArea(book), at(book, 1, 3)]).toEqual(['A1:C4', ['列1', null]]);
    await g.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('A5:B5').values = [['赵六', 80]];
      await ctx.sync();
    });
    expect(tableArea(book)).toBe('A1:C5');
    // Not beside it: a gap column, or a row below but outside its columns, leaves it as it is.
    await g.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('E2').values = [[1]];
      ctx.workbook.worksheets.getActiveWorksheet().getRange('D6').values = [[1]];
      await ctx.sync();
    });
    expect(tableArea(book)).toBe('A1:C5');
  });

  it('gets values in both new columns beside it, and is resized back as it was: the skipped row stays empty', async () => {
    const book = install(table, roster);
    const host = new ExcelHost();
    await host.readSheet();
    await host.apply(twoColumns);
    expect(tableArea(book)).toBe('A1:B4');
    expect([3, 4].map((col) => [1, 2, 3, 4].map((row) => at(book, row, col)))).toEqual([
      [
        ['合计', null],
        [95, null],
        [null, null],
        [70, null],
      ],
      [
        ['等次', null],
        ['优秀', null],
        [null, null],
        ['称职', null],
      ],
    ]);
  });

  // Every cell of A1:E5 (the table, its two new columns and a margin), and the table's range.
  const sheetNow = (book: PreviewWorkbook) => ({
    table: tableArea(book),
    cells: [1, 2, 3, 4, 5].map((row) => [1, 2, 3, 4, 5].map((col) => at(book, row, col))),
  });

  it.each(['1.20', '1.13'])(
    'at ExcelApi %s, apply then kaohe’s undo leaves the table and every cell, its header row included, as they were',
    async (api) => {
      const book = install(table, roster, api);
      const start = sheetNow(book);
      const host = new ExcelHost();
      await host.readSheet();
      const trips = book.roundTrips;
      await host.apply(twoColumns);
      // The resize is in the write's own request (one undo group at 1.20): no round trip more.
      expect(book.roundTrips - trips).toBe(1);
      expect([tableArea(book), at(book, 1, 3), at(book, 1, 4)]).toEqual(['A1:B4', ['合计', null], ['等次', null]]);
      await host.apply(undoPlan(twoColumns));
      expect(sheetNow(book)).toEqual(start);
    },
  );

  it('renamed after the check, is still found (by its id) and resized back; the undo is exact', async () => {
    const book = install(table, roster);
    const start = sheetNow(book);
    const host = new ExcelHost();
    await host.readSheet();
    book.activeSheet().tables![0]!.name = '名单';
    await host.apply(twoColumns);
    expect([tableArea(book), at(book, 1, 3)]).toEqual(['A1:B4', ['合计', null]]);
    await host.apply(undoPlan(twoColumns));
    expect(sheetNow(book)).toEqual(start);
  });

  it('deleted after the check, fails the write at its resize: the cells already written are put back', async () => {
    const book = install(table, roster);
    const start = sheetNow(book);
    const host = new ExcelHost();
    await host.readSheet();
    delete book.activeSheet().tables;
    const e = await host.apply(twoColumns).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect(sheetNow(book)).toEqual({ ...start, table: undefined });
  });

  it('below ExcelApi 1.13 (no table.resize), is not written beside: the write is refused, naming the table, nothing changes', async () => {
    const book = install(table, roster, '1.9');
    const start = sheetNow(book);
    const host = new ExcelHost();
    await host.readSheet();
    const trips = book.roundTrips;
    const e = await host.apply(twoColumns).catch((x: unknown) => x);
    expect(e).toEqual(new HostError('table-grows', '表1'));
    expect(problemText(e, 'zh')).toMatch(
      /^Excel 会把紧挨着表格写入的单元格并入表格.*无法把表格恢复原样.*没有写入任何内容.*涉及的表格：表1$/,
    );
    expect(problemText(e, 'en')).toMatch(/cannot put the table back.*Tables: 表1$/);
    expect([book.roundTrips - trips, sheetNow(book)]).toEqual([0, start]);
  });

  it('on the test mock at ExcelApi 1.7, is not written beside: refused, nothing sent to Excel', async () => {
    const mock = excelMock(roster, { api: '1.7', tables: ['A1:B4'] });
    (global as any).Excel = mock.excel;
    (global as any).Office = mock.office;
    const host = new ExcelHost(capabilities());
    await host.readSheet();
    const syncs = mock.syncs();
    await expect(host.apply(twoColumns)).rejects.toEqual(new HostError('table-grows', '表1'));
    const table = mock.excel.context.workbook.worksheets.sheet.tables.items[0].getRange();
    expect([mock.syncs() - syncs, mock.writes.length, table.address]).toEqual([0, 0, '表!A1:B4']);
  });

  it('on the test mock at ExcelApi 1.13, is resized back in the write’s request, and undone exactly', async () => {
    const mock = excelMock(roster, { api: '1.13', tables: ['A1:B4'] });
    (global as any).Excel = mock.excel;
    (global as any).Office = mock.office;
    const sheet = mock.excel.context.workbook.worksheets.sheet;
    const before = sheet.getRange('A1:D4').formulas;
    const host = new ExcelHost(capabilities());
    await host.readSheet();
    const syncs = mock.syncs();
    await host.apply(twoColumns);
    await mock.delivered();
    expect([mock.syncs() - syncs, sheet.tables.items[0].getRange().address, sheet.getRange('C1:D4').formulas]).toEqual([
      1,
      '表!A1:B4',
      [
        ['合计', '等次'],
        [95, '优秀'],
        ['', ''],
        [70, '称职'],
      ],
    ]);
    await host.apply(undoPlan(twoColumns));
    await mock.delivered();
    expect([sheet.tables.items[0].getRange().address, sheet.getRange('A1:D4').formulas]).toEqual(['表!A1:B4', before]);
  });

  it('on the test mock, a write that does not touch the table is sent as without one: no resize, no request more', async () => {
    // 等次 in D, a column apart from the table A1:B4: Excel takes nothing in.
    const apart: Plan = { ...twoColumns, writes: twoColumns.writes.filter((w) => w.col === 4) };
    const syncsOf = async (tables: string[]) => {
      const mock = excelMock(roster, { api: '1.7', tables });
      (global as any).Excel = mock.excel;
      (global as any).Office = mock.office;
      const host = new ExcelHost(capabilities());
      await host.readSheet();
      const resize = tables.length > 0 ? jest.spyOn(mock.excel.context.workbook.worksheets.sheet.tables.items[0], 'resize') : null;
      const syncs = mock.syncs();
      await host.apply(apart);
      await mock.delivered();
      return {
        syncs: mock.syncs() - syncs,
        resized: resize?.mock.calls.length ?? 0,
        d: mock.excel.context.workbook.worksheets.sheet.getRange('D1:D4').formulas,
      };
    };
    const d = [['等次'], ['=IF(C2>=90,"优秀","称职")'], [''], ['=IF(C4>=90,"优秀","称职")']];
    expect(await syncsOf(['A1:B4'])).toEqual({ syncs: 1, resized: 0, d });
    expect(await syncsOf([])).toEqual({ syncs: 1, resized: 0, d });
  });

  it('gets formulas where no table is near (nothing to take them in)', async () => {
    const book = install(() => undefined, roster);
    const host = new ExcelHost();
    await host.readSheet();
    await host.apply(twoColumns);
    expect([at(book, 2, 3), at(book, 2, 4), at(book, 3, 4)]).toEqual([
      [95, '=B2'],
      ['优秀', '=IF(C2>=90,"优秀","称职")'],
      [null, null],
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
