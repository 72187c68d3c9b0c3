import { excelInput, parseAreas, rangeToGrid, toBlocks } from '../../src/hosts/excel/convert';
import type { CellWrite } from '../../src/engine';

describe('Office.js data ↔ the engine', () => {
  it('reads merged areas from a RangeAreas address, quoted sheet names and $ included', () => {
    expect(parseAreas("'第一季度 (2)'!$A$1:$Y$1, '第一季度 (2)'!C3")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 25 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
    expect(parseAreas(null)).toEqual([]);
  });

  it('turns values, value types, formulas and formats into a grid', () => {
    const g = rangeToGrid({
      sheet: 'S',
      rowIndex: 2,
      columnIndex: 1,
      values: [['姓名', 90, '', '#N/A', true, '=A1']],
      formulas: [['姓名', '=SUM(X1:X3)', '', '#N/A', true, '=A1']],
      numberFormat: [['General', '0.00', 'General', 'General', 'General', '@']],
      valueTypes: [['String', 'Double', 'Empty', 'Error', 'Boolean', 'String']],
      mergedAddress: null,
    });
    expect([g.top, g.left]).toEqual([3, 2]);
    expect(g.values[0]).toEqual(['姓名', 90, null, { error: '#N/A' }, true, '=A1']);
    expect(g.formulas![0]).toEqual([null, '=SUM(X1:X3)', null, null, null, null]);
    expect(g.numFmts![0]).toEqual([null, '0.00', null, null, null, '@']);
  });

  it.each([
    [{ value: 90, formula: null, numFmt: null }, 90],
    [{ value: '好', formula: null, numFmt: null }, '好'],
    [{ value: null, formula: null, numFmt: '0.00' }, ''],
    [{ value: 95, formula: '=ROUND(B2,2)', numFmt: null }, '=ROUND(B2,2)'],
    [{ value: '001', formula: null, numFmt: null }, "'001"],
    [{ value: '001', formula: null, numFmt: '@' }, '001'],
    [{ value: '2026/1/5', formula: null, numFmt: null }, "'2026/1/5"],
    [{ value: '-3', formula: null, numFmt: null }, "'-3"],
    [{ value: 'TRUE', formula: null, numFmt: null }, "'TRUE"],
    [{ value: { error: '#N/A' }, formula: null, numFmt: null }, '#N/A'],
  ])('writes %j as %j', (content, input) => {
    expect(excelInput(content)).toBe(input);
  });

  it('groups writes into runs down a column, with formats only where they change', () => {
    const w = (row: number, col: number, value: number, fmt: string | null = null): CellWrite => ({
      row,
      col,
      cell: '',
      kind: 'total',
      before: { value: null, formula: null, numFmt: null },
      after: { value, formula: null, numFmt: fmt },
    });
    const blocks = toBlocks([w(5, 3, 1), w(6, 3, 2), w(8, 3, 3), w(5, 4, 4, '0.00'), w(6, 4, 5)]);
    expect(blocks.map((b) => [b.row, b.col, b.rows, b.inputs.flat(), b.numFmts])).toEqual([
      [5, 3, 2, [1, 2], null],
      [8, 3, 1, [3], null],
      [5, 4, 2, [4, 5], [['0.00'], ['General']]],
    ]);
  });
});
