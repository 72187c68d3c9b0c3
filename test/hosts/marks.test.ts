/**
 * Marks are applied atomically with their record (issue #20, defect 6): a note Excel refuses (a threaded comment on
 * the cell) leaves no painted cell that 清除标记 cannot restore, and a cell under a conditional format, whose fill
 * would not show, is marked by its note. Run on the preview's Excel, which models both.
 */
import { checkGrid } from '../../src/engine';
import { ExcelHost, MARK_COLOURS } from '../../src/hosts/excel/excel-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { preset } from '../../src/schemes';
import { gwySheet } from '../helpers/sheets';

const gwy = preset('gwy-2020')!;
// Three wrong 合计: an error on each of their cells.
const grid = gwySheet([
  { name: '张三', base: 80, total: 1 },
  { name: '李四', base: 85, total: 2 },
  { name: '王五', base: 90, total: 3 },
]).grid;
const issues = checkGrid(grid, gwy)!.issues.filter((i) => i.cell);
const cells = [...new Set(issues.map((i) => i.cell!))];

/** Fills and notes of every cell. */
function marksOf(book: PreviewWorkbook): string {
  return JSON.stringify(
    [...book.activeSheet().cells]
      .filter(([, c]) => c.fill !== null || c.note !== null)
      .map(([k, c]) => [k, c.fill, c.note])
      .sort(),
  );
}

function setUp(): { book: PreviewWorkbook; host: ExcelHost } {
  const book = PreviewWorkbook.fromGrids([grid]);
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
  return { book, host: new ExcelHost() };
}

const at = (cell: string): [number, number] => {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return [Number(m[2]), [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)];
};

describe('marks', () => {
  it('has at least three cells to mark', () => {
    expect(cells.length).toBeGreaterThanOrEqual(3);
  });

  it('a note refused on a cell with a threaded comment: the record holds every painted cell, and clearing restores all', async () => {
    const { book, host } = setUp();
    const [r, c] = at(cells[1]!);
    book.activeSheet().comments = new Set([`${r},${c}`]);
    const before = marksOf(book);
    const record = await host.mark(grid.sheet, issues, 'zh');
    const s = book.activeSheet();
    for (const cell of cells) expect(book.cell(s, ...at(cell))?.fill).toBe(MARK_COLOURS.error);
    expect(record.cells.map((m) => m.cell).sort()).toEqual([...cells].sort());
    expect(book.cell(s, ...at(cells[0]!))?.note).toContain('考核助手');
    expect(book.cell(s, r, c)?.note ?? null).toBeNull();
    await host.clearMarks(record);
    expect(marksOf(book)).toBe(before);
  });

  it('a cell under a conditional format is marked by its note, its fill left as it was, and cleared exactly', async () => {
    const { book, host } = setUp();
    const [r, c] = at(cells[0]!);
    book.activeSheet().conditionalFormats = [{ top: r, left: c, bottom: r, right: c }];
    book.touch(book.activeSheet(), r, c).fill = '#00FF00';
    const before = marksOf(book);
    const record = await host.mark(grid.sheet, issues, 'zh');
    const s = book.activeSheet();
    expect(book.cell(s, r, c)?.fill).toBe('#00FF00');
    expect(book.cell(s, r, c)?.note).toContain('考核助手');
    expect(book.cell(s, ...at(cells[1]!))?.fill).toBe(MARK_COLOURS.error);
    await host.clearMarks(record);
    expect(marksOf(book)).toBe(before);
  });

  it('fills refused (a protected sheet): nothing is left painted', async () => {
    const { book, host } = setUp();
    const s = book.activeSheet();
    s.protected = true;
    const [r, c] = at(cells[0]!);
    s.unlocked = new Set([`${r},${c}`]); // the first cell may be painted, the others not
    const before = marksOf(book);
    await expect(host.mark(grid.sheet, issues, 'zh')).rejects.toMatchObject({ problem: 'protected' });
    expect(marksOf(book)).toBe(before);
  });
});
