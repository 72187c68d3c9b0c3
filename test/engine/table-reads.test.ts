/**
 * One analysis reads a sheet's roster once (TableReads): choosing the sheet, looking for period
 * columns and checking it used to read the same roster three times. The rosters come from the
 * same reading as without it, and a grid or a column correction of its own gets its own roster.
 */
import { analyseSheet } from '../../src/app/analyse';
import { checkSheet, findRoster, TableReads } from '../../src/engine';
import * as read from '../../src/engine/table/read';
import { preset } from '../../src/schemes';
import { gwySheet } from '../helpers/sheets';

const gwy = preset('gwy-2020')!;
const people = [
  { name: '张三', base: 95 },
  { name: '李四', base: 88 },
  { name: '王五', base: 72, remark: '试用期' },
];

afterEach(() => jest.restoreAllMocks());

describe('TableReads', () => {
  it('gives the roster it read for the same grid, scheme and corrections, the same as a fresh reading', () => {
    const { grid } = gwySheet(people);
    const reads = new TableReads();
    const first = findRoster(grid, gwy, { reads });
    expect(first?.rows.map((r) => r.row)).toEqual(gwySheet(people).rows);
    expect(findRoster(grid, gwy, { reads })).toBe(first);
    expect(findRoster(grid, gwy)).not.toBe(first);
    expect(findRoster(grid, gwy)).toEqual(first);
  });

  it('reads again for a column correction, and for another grid', () => {
    const { grid, cols } = gwySheet(people);
    const reads = new TableReads();
    const plain = findRoster(grid, gwy, { reads })!;
    const corrected = findRoster(grid, gwy, { reads, overrides: { [cols['合计']!]: { kind: 'ignored' } } })!;
    expect(corrected).not.toBe(plain);
    expect(plain.columns.find((c) => c.col === cols['合计'])?.role).toEqual({ kind: 'total' });
    expect(corrected.columns.find((c) => c.col === cols['合计'])?.role).toEqual({ kind: 'ignored' });

    const other = gwySheet([{ name: '赵六', base: 91 }]).grid;
    expect(findRoster(other, gwy, { reads })!.rows).toHaveLength(1);
    expect(findRoster(grid, gwy, { reads })).toBe(plain);
  });

  it('leaves the check as it was', () => {
    const { grid } = gwySheet(people);
    expect(checkSheet(grid, gwy, { reads: new TableReads() })).toEqual(checkSheet(grid, gwy));
  });

  it('lets one analysis with a scheme given read the roster once', () => {
    const { grid } = gwySheet(people);
    const book = { sheets: [{ name: grid.sheet, visible: true, grid: () => grid }], settings: null, settingsBroken: false };
    const spy = jest.spyOn(read, 'readTable');
    const outcome = analyseSheet(book, { scheme: gwy, locale: 'zh' });
    expect(outcome.ok && outcome.analysis.results.people.map((p) => p.name)).toEqual(['张三', '李四', '王五']);
    // The full grid's roster once; the fit reads the sheet's first rows, a grid of their own.
    const fullGridReads = spy.mock.calls.filter(([view]) => view.grid === grid);
    expect(fullGridReads).toHaveLength(1);
  });
});
