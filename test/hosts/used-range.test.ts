/**
 * Only cells with values are read (issue #20, defect 11): a sheet whose borders or fills run far below its roster
 * reads as the roster, through getUsedRange(true). The preview's Excel counts formatted-only cells in its used range,
 * as Excel does, unless asked for values only.
 */
import type { Grid } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';

const grid: Grid = {
  sheet: '表',
  top: 2,
  left: 1,
  values: [
    ['姓名', '得分'],
    ['张三', 90],
  ],
  merges: [],
};

it('reads the cells with values, not those with only a fill or a number format', async () => {
  const book = PreviewWorkbook.fromGrids([grid]);
  const s = book.activeSheet();
  book.touch(s, 1000, 1).fill = '#FFFF00'; // a fill far below
  book.touch(s, 3, 26).numFmt = '0.00'; // a format far right
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
  expect(book.usedArea(s)).toEqual({ top: 2, left: 1, bottom: 1000, right: 26 });
  const read = await new ExcelHost().readSheet();
  expect([read.grid.top, read.grid.left, read.grid.values.length, read.grid.values[0]!.length]).toEqual([2, 1, 2, 2]);
  expect(read.grid.values).toEqual(grid.values);
});
