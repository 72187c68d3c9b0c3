/**
 * The WPS host on the simulated WPS Application (src/preview/wps-sim.ts): the host port's shared suite, as the
 * Excel host keeps it, then what is WPS's own — a 10,000-row sheet read with as many calls as a 100-row one,
 * the same grid and the same plan as the Excel host's from the same sheet, settings in a very hidden sheet, and
 * a simulation that refuses any member the host does not use.
 */
import { buildPlan, checkGrid, type Grid } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { HostError } from '../../src/hosts/host';
import { SETTINGS_SHEET, WpsHost } from '../../src/hosts/wps/wps-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { simulateWps } from '../../src/preview/wps-sim';
import { preset } from '../../src/schemes';
import { gwySheet } from '../helpers/sheets';
import { hostContract } from './host-contract';

const gwy = preset('gwy-2020')!;

hostContract('WPS', (book) => new WpsHost(simulateWps(book).Application));

function people(n: number) {
  return Array.from({ length: n }, (_, i) => ({ name: `人员${i + 1}`, base: 60 + (i % 40), unit: ['办公室', '综合股'][i % 2]! }));
}

/** A gwy sheet whose score columns are formatted 0.0 below a General header, with hidden rows and a 合计 row. */
function formatted(n: number): Grid {
  const { grid } = gwySheet(people(n));
  grid.numFmts = grid.values.map((row, r) => row.map((_v, c) => (r >= 4 && c >= 3 && c <= 22 ? '0.0' : null)));
  grid.hiddenRows = [7, 8];
  return grid;
}

describe('the WPS host’s own', () => {
  it('reads a 10,000-row sheet with as many calls into WPS as a 100-row one', async () => {
    const cost = async (n: number) => {
      const sim = simulateWps(PreviewWorkbook.fromGrids([formatted(n)]));
      const read = await new WpsHost(sim.Application).readSheet();
      return { calls: sim.calls(), read };
    };
    const small = await cost(100);
    const large = await cost(10000);
    expect(large.read.grid.values.length).toBe(small.read.grid.values.length + 9900);
    expect(large.read.grid.numFmts![9000]![5]).toBe('0.0');
    expect(large.read.grid.hiddenRows).toEqual([7, 8]);
    expect(large.calls).toBe(small.calls);
    expect(large.calls).toBeLessThan(4000);
    console.log(`WPS host: ${large.calls} object-model calls to read a 10,000-row sheet (${small.calls} for 100 rows)`);
  }, 60000);

  it('gives the engine the same grid and the same plan as the Excel host from the same sheet', async () => {
    const grid = formatted(50);
    grid.values[5]![4] = { error: '#N/A' };
    const wpsRead = await new WpsHost(simulateWps(PreviewWorkbook.fromGrids([grid])).Application).readSheet();
    const book = PreviewWorkbook.fromGrids([grid]);
    installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
    const excelRead = await new ExcelHost().readSheet();
    // Hidden rows included (7 and 8): both hosts hand them to the engine, which plans no write into them.
    expect(wpsRead.grid).toEqual(excelRead.grid);
    expect(excelRead.grid.hiddenRows).toEqual([7, 8]);
    expect(wpsRead.grid.values[5]![4]).toEqual({ error: '#N/A' });
    const plan = (g: Grid) => buildPlan(checkGrid(g, gwy)!, g, { formulas: false });
    expect(plan(wpsRead.grid)).toEqual(plan(excelRead.grid));
  });

  it('with rows filtered out: warns of their people, writes the rows shown, leaves the hidden ones; refuses a plan into them', async () => {
    const grid = gwySheet(people(6), { summaryRow: false }).grid;
    grid.hiddenRows = [6, 8];
    const book = PreviewWorkbook.fromGrids([grid]);
    const host = new WpsHost(simulateWps(book).Application);
    const read = await host.readSheet();
    expect(read.grid.hiddenRows).toEqual([6, 8]);
    const r = checkGrid(read.grid, gwy)!;
    expect(r.issues.filter((i) => i.rule === 'hidden-row').map((i) => [i.cell, i.data])).toEqual([
      ['A6', { rule: 'hidden-row', name: '人员2', unit: '综合股' }],
      ['A8', { rule: 'hidden-row', name: '人员4', unit: '综合股' }],
    ]);
    const plan = buildPlan(r, read.grid, { formulas: false });
    expect(plan.hiddenRows).toEqual([6, 8]);
    expect([...new Set(plan.writes.map((w) => w.row))]).toEqual([5, 7, 9, 10]);
    await host.apply(plan);
    const s = book.sheet('第一季度')!;
    const out = (row: number) => [book.cell(s, row, 23)?.value ?? null, book.cell(s, row, 24)?.value ?? null];
    expect([5, 6, 7, 8].map(out)).toEqual([
      [60, '一般'],
      [null, null],
      [62, '一般'],
      [null, null],
    ]);

    // The last defence: a plan that still writes a hidden row (made for the rows shown, one hidden since) is refused whole.
    const all = buildPlan(checkGrid({ ...grid, hiddenRows: undefined }, gwy)!, { ...grid, hiddenRows: undefined }, { formulas: false });
    const fresh = PreviewWorkbook.fromGrids([grid]);
    const guarded = new WpsHost(simulateWps(fresh).Application);
    await guarded.readSheet();
    await expect(guarded.apply(all)).rejects.toEqual(new HostError('hidden-rows', '6、8'));
    expect(fresh.cell(fresh.sheet('第一季度')!, 5, 23)?.value ?? null).toBe(null);
  });

  it('writes each run of cells with one range write and says the pane’s undo takes it back', async () => {
    const book = PreviewWorkbook.fromGrids([gwySheet(people(10000), { summaryRow: false }).grid]);
    const sim = simulateWps(book);
    const host = new WpsHost(sim.Application);
    const read = await host.readSheet();
    const plan = buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false });
    const before = sim.calls();
    expect(await host.apply(plan)).toEqual({ undoGroup: false });
    // Sheet, protection, screen off and on, and per block (合计, 等次) a range and its Formula.
    expect(sim.calls() - before).toBeLessThan(20);
    expect(book.cell(book.sheet('第一季度')!, 10004, 23)?.value).toBe(plan.writes.find((w) => w.cell === 'W10004')!.after.value);
  }, 60000);

  it('keeps settings in a very hidden sheet, as text, long ones over several cells', async () => {
    const book = PreviewWorkbook.fromGrids([gwySheet(people(2)).grid]);
    const host = new WpsHost(simulateWps(book).Application);
    const long = { version: 1 as const, scheme: { id: '=1+1', note: 'x'.repeat(70000) }, columns: {}, formulas: false };
    await host.saveSettings(long);
    const sheet = book.sheet(SETTINGS_SHEET)!;
    expect([sheet.hidden, sheet.veryHidden]).toEqual([true, true]);
    expect(book.activeSheet().name).toBe('第一季度');
    expect([...sheet.cells.values()].every((c) => c.formula === null)).toBe(true);
    expect((await new WpsHost(simulateWps(book).Application).readSheet()).settings).toEqual(long);
  });

  it('the simulation refuses what WPS’s model does not offer the host, and deleting a sheet without DisplayAlerts off', () => {
    const book = PreviewWorkbook.fromGrids([gwySheet(people(2)).grid]);
    const app = simulateWps(book).Application as any;
    expect(() => app.ActiveSheet.UsedRange.Values).toThrow(/没有成员 Values/);
    expect(() => app.ActiveSheet.Cells).toThrow(/没有成员 Cells/);
    expect(() => (app.ActiveSheet.Name2 = 'x')).toThrow(/不能写入/);
    expect(() => app.ActiveWorkbook.Worksheets.Item('没有这张表')).toThrow(/下标越界/);
    expect(() => app.ActiveSheet.Delete()).toThrow(/DisplayAlerts/);
    expect(app.ActiveSheet.Range('A1:B1').MergeCells).toBe(true);
    expect(app.ActiveSheet.Range('A1:A3').MergeCells).toBeNull();
  });
});

describe('the WPS host following the workbook', () => {
  it('tells where WPS ends up after activations settle: another sheet, not the moment its settings sheet is made', async () => {
    const book = PreviewWorkbook.fromGrids([gwySheet(people(2)).grid, { ...gwySheet(people(2)).grid, sheet: '第二季度' }]);
    const host = new WpsHost(simulateWps(book).Application);
    const told: unknown[] = [];
    host.onWorkbookEvent((e) => told.push(e));
    await host.readSheet();
    await host.saveSettings({ version: 1, columns: {}, formulas: false });
    await new Promise((r) => setTimeout(r, 120));
    expect(told).toEqual([]);
    await book.activate(1);
    await new Promise((r) => setTimeout(r, 120));
    expect(told).toEqual([{ kind: 'activated', sheet: '第二季度' }]);
  });
});

describe('the WPS host telling its own writes from edits', () => {
  it('knows its own write by what the cells hold, however late WPS tells of it', async () => {
    const book = PreviewWorkbook.fromGrids([gwySheet(people(3)).grid]);
    const host = new WpsHost(simulateWps(book, { eventDelay: 300 }).Application);
    const told: unknown[] = [];
    host.onWorkbookEvent((e) => told.push(e));
    const read = await host.readSheet();
    await host.apply(buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false }));
    await new Promise((r) => setTimeout(r, 500));
    expect(told).toEqual([]);
    // Someone types over a cell kaohe wrote: an edit.
    await book.userEdit('第一季度', 'W5', 1);
    await new Promise((r) => setTimeout(r, 150));
    expect(told).toEqual([{ kind: 'edited', sheet: '第一季度' }]);
  });
});

describe('the WPS host when a write fails part-way', () => {
  it('puts back the block it had written and says why', async () => {
    const book = PreviewWorkbook.fromGrids([gwySheet(people(3), { summaryRow: false }).grid]);
    const snapshot = () => JSON.stringify([...book.sheet('第一季度')!.cells].filter(([, c]) => c.value !== null || c.formula !== null));
    const before = snapshot();
    const app = simulateWps(book).Application;
    // WPS refusing the second range written (a cell locked after the check), as a protected cell does.
    let formulas = 0;
    const wrap = (target: any): any =>
      typeof target !== 'object' || target === null || Array.isArray(target)
        ? target
        : new Proxy(target, {
            get: (t, key) => {
              const v = t[key];
              if (typeof v === 'function') return (...args: unknown[]) => wrap(v(...args));
              return wrap(v);
            },
            set: (t, key, value) => {
              if (key === 'Formula' && ++formulas === 2) throw new Error('单元格受保护，无法更改（protected）');
              t[key] = value;
              return true;
            },
          });
    const host = new WpsHost(wrap(app));
    const read = await host.readSheet();
    const plan = buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false });
    await expect(host.apply(plan)).rejects.toEqual(new HostError('protected'));
    expect(formulas).toBeGreaterThan(2);
    expect(snapshot()).toBe(before);
  });
});
