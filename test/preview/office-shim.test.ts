/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { buildPlan, checkGrid } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
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
