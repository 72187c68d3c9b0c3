/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { buildPlan, checkGrid, undoPlan } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import type { WorkbookEvent } from '../../src/hosts/host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice, type PreviewConfig } from '../../src/preview/office-shim';
import { preset } from '../../src/schemes';

let config: PreviewConfig;
const g = globalThis as unknown as { Excel: any; Office: any };

beforeEach(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx'));
  config = { book: PreviewWorkbook.fromExcelJs(wb), language: 'zh-CN', apiVersion: '1.20' };
  installOffice(globalThis as unknown as Record<string, unknown>, config);
});

describe('the preview’s Excel keeps Office.js’s rules', () => {
  it('throws when a property is read before it is loaded, or loaded but not yet synced', async () => {
    await g.Excel.run(async (ctx: any) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange('B5');
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load('values');
      expect(() => range.values).toThrow(/call "context.sync\(\)"/);
      await ctx.sync();
      expect(range.values).toEqual([['王建国']]);
      expect(() => range.formulas).toThrow(/The property 'formulas' is not available/);
    });
  });

  it('runs queued operations in order at sync, and counts each sync as a round trip', async () => {
    const before = config.book.roundTrips;
    await g.Excel.run(async (ctx: any) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const cell = ws.getRange('AA1');
      cell.formulas = [['=1+2']];
      cell.load(['values', 'formulas']);
      await ctx.sync();
      expect([cell.values, cell.formulas]).toEqual([[[3]], [['=1+2']]]);
    });
    expect(config.book.roundTrips).toBe(before + 1);
  });

  it('refuses writes to a protected sheet at sync, as Excel does', async () => {
    config.book.activeSheet().protected = true;
    await expect(
      g.Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('X5').formulas = [[95]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(config.book.cell(config.book.activeSheet(), 5, 24)?.value).toBe(95); // the sheet's own 95 is still there
  });

  it('answers requirement sets up to its version, and knows null objects after a sync', async () => {
    expect([
      g.Office.context.requirements.isSetSupported('ExcelApi', '1.13'),
      g.Office.context.requirements.isSetSupported('ExcelApi', '1.21'),
    ]).toEqual([true, false]);
    await g.Excel.run(async (ctx: any) => {
      const setting = ctx.workbook.settings.getItemOrNullObject('kaohe');
      const merged = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange().getMergedAreasOrNullObject();
      merged.load('address');
      expect(() => setting.isNullObject).toThrow();
      await ctx.sync();
      expect([setting.isNullObject, merged.isNullObject, merged.address.split(', ').length]).toEqual([true, false, 15]); // title, 4 identity columns, 5 dimensions, 5 tail columns
    });
  });

  it('runs the real Excel host: one round trip to read the sheet, one to write it', async () => {
    const host = new ExcelHost();
    const start = config.book.roundTrips;
    const read = await host.readSheet();
    expect(config.book.roundTrips).toBe(start + 1);
    const r = checkGrid(read.grid, preset('gwy-2020')!)!;
    expect(r.people).toHaveLength(16);
    await host.apply(buildPlan(r, read.grid, { formulas: true }));
    expect(config.book.roundTrips).toBe(start + 2);
    expect(config.book.cell(config.book.activeSheet(), 8, 24)).toMatchObject({ value: 91, written: true });
  });
});

describe('the preview’s Excel raises the events the pane follows', () => {
  /** The year workbook (第一季度 … 第四季度, 年度考核) on the preview's Excel of version `api`. */
  async function year(api = '1.20') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(__dirname, '..', '..', 'examples', 'gwy-2020-year.xlsx'));
    config = { book: PreviewWorkbook.fromExcelJs(wb), language: 'zh-CN', apiVersion: api };
    installOffice(globalThis as unknown as Record<string, unknown>, config);
    const host = new ExcelHost();
    const told: WorkbookEvent[] = [];
    host.onWorkbookEvent((e) => told.push(e));
    return { book: config.book, host, told };
  }
  /**
   * Until `n` events have been told (the events reach the pane through timers and syncs, which a loaded machine
   * slows: a fixed 100 ms was too short once in CI), then 100 ms more for any that should not come.
   */
  const settled = async (told: WorkbookEvent[], n: number) => {
    for (const end = Date.now() + 5000; told.length < n && Date.now() < end;) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
  };
  const texts = (book: PreviewWorkbook, sheet: string) =>
    JSON.stringify(
      [...book.sheet(sheet)!.cells]
        .filter(([, c]) => c.value !== null || c.formula !== null || c.numFmt !== null)
        .map(([k, c]) => [k, c.value, c.formula, c.numFmt])
        .sort(),
    );

  it('tells of another sheet activated, by a click on its tab or by the add-in, and not of the same one again', async () => {
    const { book, host, told } = await year();
    await host.readSheet();
    await book.activate(1);
    await book.activate(1);
    await host.select('第三季度', 'B3');
    await settled(told, 2);
    expect(told).toEqual([
      { kind: 'activated', sheet: '第二季度' },
      { kind: 'activated', sheet: '第三季度' },
    ]);
  });

  it('watches each sheet on its own in Excel 2019 (ExcelApi 1.7), where worksheets.onChanged (1.9) does not exist', async () => {
    const { book, host, told } = await year('1.7');
    await expect(
      g.Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.onChanged.add(async () => undefined);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await host.readSheet();
    await book.userEdit('第一季度', 'D3', 18);
    await book.activate(1);
    await settled(told, 2);
    await book.userEdit('第二季度', 'D3', 18);
    // 第二季度 is watched from its activation on, but kaohe has not read it: an edit there is nobody's business yet.
    await host.readSheet();
    await book.userEdit('第二季度', 'D4', 18);
    await book.userEdit('第三季度', 'D4', 18);
    expect(told).toEqual([
      { kind: 'edited', sheet: '第一季度' },
      { kind: 'activated', sheet: '第二季度' },
      { kind: 'edited', sheet: '第二季度' },
    ]);
  });

  it('undoes a write in the sheet it was written on when another sheet is active', async () => {
    const { book, host } = await year();
    const q1Before = texts(book, '第一季度');
    const q1 = await host.readSheet();
    const plan = buildPlan(checkGrid(q1.grid, preset('gwy-2020')!)!, q1.grid, { formulas: true });
    // Formulas for every total: 第二季度 holds other values in those cells.
    expect(plan.writes.length).toBeGreaterThan(10);
    await host.apply(plan);
    expect(texts(book, '第一季度')).not.toBe(q1Before);
    await book.activate(1);
    const q2Before = texts(book, '第二季度');
    expect((await host.readSheet()).sheet).toBe('第二季度');
    await host.apply(undoPlan(plan));
    expect(texts(book, '第一季度')).toBe(q1Before);
    expect(texts(book, '第二季度')).toBe(q2Before);
    expect(book.activeSheet().name).toBe('第二季度');
  });

  it('lets the pane hear the ribbon command’s write, made apart from it, as the command’s and not as an edit', async () => {
    const { host, told } = await year();
    const read = await host.readSheet();
    const ribbon = new ExcelHost();
    const plan = buildPlan(checkGrid(read.grid, preset('gwy-2020')!)!, read.grid, { formulas: true });
    await ribbon.readSheet();
    await ribbon.apply(plan, { announce: true });
    await settled(told, 1);
    expect(told).toEqual([{ kind: 'computed', sheet: '第一季度' }]);
  });
});

describe('the preview’s Excel is no more forgiving than Excel at its API version', () => {
  async function at(api: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx'));
    config = { book: PreviewWorkbook.fromExcelJs(wb), language: 'zh-CN', apiVersion: api };
    installOffice(globalThis as unknown as Record<string, unknown>, config);
    return config.book;
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it.each([
    ['1.12', (ctx: any) => ctx.workbook.worksheets.getActiveWorksheet().getUsedRange().getMergedAreasOrNullObject().load('address')],
    ['1.17', (ctx: any) => ctx.workbook.worksheets.getActiveWorksheet().notes.getItemOrNullObject('B5').load('content')],
    ['1.8', (ctx: any) => ctx.application.suspendScreenUpdatingUntilNextSync()],
    ['1.8', (ctx: any) => (ctx.workbook.worksheets.getActiveWorksheet().pageLayout.orientation = 'Landscape')],
    ['1.8', (ctx: any) => ctx.workbook.worksheets.getActiveWorksheet().getRange('B5').format.fill.load('pattern')],
    ['1.6', (ctx: any) => ctx.workbook.worksheets.getActiveWorksheet().getRangeByIndexes(4, 1, 1, 1).load('values')],
    ['1.12', (ctx: any) => ctx.workbook.worksheets.getActiveWorksheet().tables.getItem('表1').resize('A4:C20')],
  ])('at ExcelApi %s, fails the request that uses a newer member (ApiNotFound)', async (api, use) => {
    await at(api);
    await expect(
      g.Excel.run(async (ctx: any) => {
        use(ctx);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it.each([
    ['1.19', 'fails (ApiNotFound) and writes nothing', 'ApiNotFound', '王建国'],
    ['1.20', 'runs', null, '改过'],
  ])('at ExcelApi %s, an Excel.run merged into one undo group (1.20) %s', async (api, _what, code, b5) => {
    const book = await at(api);
    const run = g.Excel.run({ mergeUndoGroup: true }, async (ctx: any) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('B5').values = [['改过']];
      await ctx.sync();
    });
    if (code === null) await run;
    else await expect(run).rejects.toMatchObject({ code });
    // A refused request did nothing.
    expect(book.cell(book.activeSheet(), 5, 2)?.value).toBe(b5);
  });

  it('at ExcelApi 1.13, resizes a table Excel widened back to its range; a header cell emptied inside a table is named 列1', async () => {
    const book = PreviewWorkbook.fromGrids([
      {
        sheet: '表',
        top: 1,
        left: 1,
        values: [
          ['姓名', '得分'],
          ['张三', 95],
        ],
        merges: [],
      },
    ]);
    book.activeSheet().tables = [{ name: '表1', area: { top: 1, left: 1, bottom: 2, right: 2 } }];
    config = { book, language: 'zh-CN', apiVersion: '1.13' };
    installOffice(globalThis as unknown as Record<string, unknown>, config);
    const header = (col: number) => book.cell(book.activeSheet(), 1, col)?.value ?? null;
    const table = () => book.activeSheet().tables![0]!.area;
    await g.Excel.run(async (ctx: any) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange('C1:C2').values = [['合计'], [95]];
      await ctx.sync();
      expect(table()).toEqual({ top: 1, left: 1, bottom: 2, right: 3 });
      ws.tables.getItem('表1').resize('A1:B2');
      await ctx.sync();
    });
    expect([table(), header(3)]).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }, '合计']);
    // Emptied inside the table, a header is named; outside it, it is emptied.
    await g.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('B1:C1').values = [['', '']];
      await ctx.sync();
    });
    expect([header(2), header(3)]).toEqual(['列1', null]);
    // A range apart from the table, or with its header on another row, is refused.
    for (const range of ['D1:E2', 'A2:B3'])
      await expect(
        g.Excel.run(async (ctx: any) => {
          ctx.workbook.worksheets.getActiveWorksheet().tables.getItem('表1').resize(range);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('reports a change after the request that made it, and says whose only from ExcelApi 1.14', async () => {
    for (const [api, source] of [
      ['1.9', undefined],
      ['1.14', 'ThisLocalAddin'],
    ] as const) {
      await at(api);
      const seen: any[] = [];
      await g.Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.onChanged.add(async (e: unknown) => void seen.push(e));
        await ctx.sync();
        ctx.workbook.worksheets.getActiveWorksheet().getRange('W5').formulas = [[85]];
        await ctx.sync();
        expect(seen).toEqual([]);
      });
      expect(seen).toEqual([]);
      await tick();
      expect(seen).toHaveLength(1);
      expect(seen[0].address).toBe('W5');
      expect(seen[0].triggerSource).toBe(source);
    }
  });

  it.each(['1.7', '1.9', '1.13'])('at ExcelApi %s the pane’s host undoes its own write after Excel reported it late', async (api) => {
    const book = await at(api);
    const host = new ExcelHost();
    const told: WorkbookEvent[] = [];
    host.onWorkbookEvent((e) => told.push(e));
    const read = await host.readSheet();
    const plan = buildPlan(checkGrid(read.grid, preset('gwy-2020')!)!, read.grid, { formulas: false });
    await host.apply(plan);
    await new Promise((r) => setTimeout(r, 100));
    await host.apply(undoPlan(plan));
    await new Promise((r) => setTimeout(r, 100));
    expect(told).toEqual([]);
    expect(book.cell(book.activeSheet(), 8, 24)?.value).toBe(read.grid.values[7]![23]);
  });
});
