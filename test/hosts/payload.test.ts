/**
 * Excel on the web refuses a request or response over 5 MB (PayloadSizeLimitExceeded). The
 * host must then read in chunks and write in batches — the same cells, nothing cut off — or
 * say clearly that it cannot. Run on the preview's Excel, which enforces the limit.
 */
import { buildPlan, checkGrid, type Grid, undoPlan } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice, type PreviewConfig } from '../../src/preview/office-shim';
import { preset } from '../../src/schemes';
import { HostError } from '../../src/hosts/host';
import { gwySheet } from '../helpers/sheets';

const FIVE_MB = 5 * 1024 * 1024;
const REMARK = '本季度承担专项工作，按时完成各项任务；'.repeat(16);

function bigSheet(people: number): Grid {
  const units = ['办公室', '财务科', '人事科', '法规科'];
  return gwySheet(
    Array.from({ length: people }, (_, i) => ({ name: `人员${i + 1}`, unit: units[i % 4], base: 60 + (i % 40), remark: REMARK })),
  ).grid;
}

function install(book: PreviewWorkbook): PreviewConfig {
  const config: PreviewConfig = { book, language: 'zh-CN', apiVersion: '1.20' };
  installOffice(globalThis as unknown as Record<string, unknown>, config);
  return config;
}

/** Every cell of the active sheet: value, formula and number format. */
function snapshot(book: PreviewWorkbook): string {
  const s = book.activeSheet();
  return JSON.stringify(
    [...s.cells]
      .filter(([, c]) => c.value !== null || c.formula !== null || c.numFmt !== null)
      .map(([k, c]) => [k, c.value, c.formula, c.numFmt])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
}

describe('a sheet larger than Excel on the web can send at once', () => {
  const grid = bigSheet(6000);

  it('is read in chunks: the same grid as one read without the limit', async () => {
    install(PreviewWorkbook.fromGrids([grid]));
    const whole = await new ExcelHost().readSheet();

    const book = PreviewWorkbook.fromGrids([grid]);
    book.payloadLimit = FIVE_MB;
    install(book);
    // The sheet really is over the limit: Excel refuses its used range in one response.
    const g = globalThis as unknown as { Excel: typeof Excel };
    await expect(
      g.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getUsedRange().load(['values', 'formulas', 'numberFormat', 'valueTypes']);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'PayloadSizeLimitExceeded' });
    const chunked = await new ExcelHost().readSheet();
    expect(chunked.grid).toEqual(whole.grid);
    expect(chunked.grid.values).toHaveLength(6000 + 6); // title, unit line, two header rows, 6000 people, 合计, 平均分
    // One refused read, one for the sheet's frame, then bands of rows: a handful of round trips, not one per row.
    expect(book.roundTrips).toBeGreaterThan(1 + 3);
    expect(book.roundTrips).toBeLessThan(1 + 40);
    const r = checkGrid(chunked.grid, preset('gwy-2020')!)!;
    expect(r.people).toHaveLength(6000);
    expect(r.people.at(-1)!.total).toBe(99);
  });

  it('is written in batches, and undone exactly', async () => {
    const book = PreviewWorkbook.fromGrids([bigSheet(1500)]);
    const before = snapshot(book);
    install(book);
    const host = new ExcelHost();
    const read = await host.readSheet();
    const plan = buildPlan(checkGrid(read.grid, preset('gwy-2020')!)!, read.grid, { formulas: true });
    const planBytes = JSON.stringify(plan.writes.map((w) => w.after.formula)).length;
    book.payloadLimit = Math.floor(planBytes / 3); // the plan is three times what one request may carry
    const start = book.roundTrips;
    await host.apply(plan);
    expect(book.roundTrips - start).toBeGreaterThanOrEqual(4); // the refused request, then at least three batches
    const s = book.activeSheet();
    for (const w of plan.writes) expect(book.cell(s, w.row, w.col)?.formula ?? null).toBe(w.after.formula);
    await host.apply(undoPlan(plan));
    expect(snapshot(book)).toBe(before);
  });

  it('says so, and reads nothing, when a single row is more than a response may carry', async () => {
    const huge = gwySheet([{ name: '张三', remark: '很长的备注'.repeat(30000) }]).grid;
    const book = PreviewWorkbook.fromGrids([huge]);
    book.payloadLimit = 100_000;
    install(book);
    await expect(new ExcelHost().readSheet()).rejects.toEqual(new HostError('payload-too-large'));
  });
});
