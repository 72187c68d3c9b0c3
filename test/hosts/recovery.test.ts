/**
 * A write that fails part-way is put back exactly (issue #20, defect 4): the cells are read back in batches within
 * the payload limit, counted in UTF-8 bytes, and the old contents written by the text-preserving rule. And the
 * preview's Excel, on which this runs, counts every request kind in UTF-8 bytes and refuses every write to a locked
 * cell of a protected sheet, as Excel does.
 */
import type { CellWrite, Grid, Plan } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { readBatches } from '../../src/hosts/excel/recovery';
import { HostError } from '../../src/hosts/host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { planOf } from '../helpers/plans';

function install(book: PreviewWorkbook): void {
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
}

const g = globalThis as unknown as { Excel: typeof Excel };

/** Every cell of the active sheet: value, formula and number format. */
function snapshot(book: PreviewWorkbook): string {
  return JSON.stringify([...book.activeSheet().cells].map(([k, c]) => [k, c.value, c.formula, c.numFmt]).sort());
}

/**
 * A protected sheet whose column A is unlocked and column B locked, and a plan writing both: the write changes column
 * A, then Excel refuses column B.
 */
function halfLocked(olds: string[], news: string[]): { book: PreviewWorkbook; plan: Plan } {
  const grid: Grid = { sheet: '表', top: 1, left: 1, values: olds.map((t) => [t, '旧']), merges: [] };
  const book = PreviewWorkbook.fromGrids([grid]);
  const s = book.activeSheet();
  s.protected = true;
  s.unlocked = new Set(olds.map((_t, i) => `${i + 1},1`));
  const write = (row: number, col: number, before: string, after: string): CellWrite => ({
    row,
    col,
    cell: '',
    kind: 'grade',
    before: { value: before, formula: null, numFmt: null },
    after: { value: after, formula: null, numFmt: null },
  });
  const writes = olds.flatMap((t, i) => [write(i + 1, 1, t, news[i]!), write(i + 1, 2, '旧', '新')]);
  return { book, plan: planOf(writes) };
}

describe('a write that fails part-way', () => {
  it('is put back with its text as text: "001" and "2020-1" stay text, not 1 and a date', async () => {
    const { book, plan } = halfLocked(['001', '2020-1', '(5)', '12:30', 'TRUE'], ['优秀', '称职', '称职', '基本称职', '不称职']);
    install(book);
    const before = snapshot(book);
    const host = new ExcelHost();
    await host.readSheet();
    await expect(host.apply(plan)).rejects.toEqual(new HostError('protected'));
    expect(snapshot(book)).toBe(before);
  });

  it('is read back and put back in batches within the payload limit, Chinese text counted in UTF-8 bytes', async () => {
    const n = 2000;
    const olds = Array.from({ length: n }, (_x, i) => `原来的备注内容第${i}行`.padEnd(30, '甲'));
    const news = Array.from({ length: n }, (_x, i) => `新写入的备注内容第${i}行`.padEnd(30, '乙'));
    const { book, plan } = halfLocked(olds, news);
    install(book);
    const before = snapshot(book);
    const host = new ExcelHost();
    await host.readSheet();
    book.payloadLimit = 150_000; // the plan's column A alone is about 190 KB in UTF-8
    await expect(host.apply(plan)).rejects.toEqual(new HostError('protected'));
    expect(snapshot(book)).toBe(before);
  });

  it('reads back in batches whose size is counted in UTF-8 bytes', () => {
    const w = (row: number, text: string): CellWrite => ({
      row,
      col: 1,
      cell: '',
      kind: 'grade',
      before: { value: null, formula: null, numFmt: null },
      after: { value: text, formula: null, numFmt: null },
    });
    const writes = Array.from({ length: 100 }, (_x, i) => w(i + 1, '优'.repeat(100))); // 300 bytes a cell, 100 characters
    const batches = readBatches(writes, 3_500);
    expect(batches.length).toBe(10); // 10 cells of about 306 bytes a batch, not 33 of about 106
    expect(batches.flat(2)).toHaveLength(100);
  });
});

describe("the preview's Excel, as strict as Excel", () => {
  const grid: Grid = { sheet: '表', top: 1, left: 1, values: [['a']], merges: [] };

  it('counts a request in UTF-8 bytes: Chinese text three times its length', async () => {
    const book = PreviewWorkbook.fromGrids([grid]);
    book.payloadLimit = 100_000;
    install(book);
    const text = '考'.repeat(40_000); // 40 000 characters in JSON, 120 000 bytes
    await expect(
      g.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[text]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'PayloadSizeLimitExceeded' });
  });

  it('counts every request kind: notes, settings and formats too', async () => {
    const book = PreviewWorkbook.fromGrids([grid]);
    book.payloadLimit = 100_000;
    install(book);
    const text = '考'.repeat(40_000);
    const kinds: ((ctx: Excel.RequestContext) => void)[] = [
      (ctx) => ctx.workbook.worksheets.getActiveWorksheet().notes.add('A1', text),
      (ctx) => ctx.workbook.settings.add('k', text),
      (ctx) => (ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').format.font.name = text),
      // many small operations add up: each is an action in the request
      (ctx) => {
        for (let i = 0; i < 2000; i++)
          ctx.workbook.worksheets
            .getActiveWorksheet()
            .getRange(`A${i + 1}`)
            .load('values');
      },
    ];
    for (const kind of kinds) {
      await expect(
        g.Excel.run(async (ctx) => {
          kind(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'PayloadSizeLimitExceeded' });
    }
  });

  it('refuses every write to a protected sheet: widths, heights, merges, notes, page layout, charts', async () => {
    const book = PreviewWorkbook.fromGrids([grid]);
    book.activeSheet().protected = true;
    install(book);
    const writes: ((ws: Excel.Worksheet) => void)[] = [
      (ws) => (ws.getRange('A1').format.columnWidth = 80),
      (ws) => (ws.getRange('A1').format.rowHeight = 30),
      (ws) => ws.getRange('A1:B1').merge(false),
      (ws) => ws.notes.add('A1', '注'),
      (ws) => (ws.pageLayout.orientation = 'Landscape'),
      (ws) => ws.charts.add('ColumnClustered', ws.getRange('A1'), 'Columns'),
    ];
    for (const write of writes) {
      await expect(
        g.Excel.run(async (ctx) => {
          write(ctx.workbook.worksheets.getActiveWorksheet());
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    expect(book.activeSheet().merges).toEqual([]);
  });
});
