import { buildPlan, checkGrid, undoPlan } from '../../src/engine';
import { ExcelHost, WRITE_SIGNAL_KEY, type Capabilities } from '../../src/hosts/excel/excel-host';
import { HostError, type WorkbookEvent } from '../../src/hosts/host';
import { preset } from '../../src/schemes';
import { gwySheet } from '../helpers/sheets';
import { eventsDelivered, excelMock } from './excel-mock';

const ALL: Capabilities = {
  merges: true,
  suspendCalc: true,
  suspendScreen: true,
  notes: true,
  undoGroup: true,
  pageLayout: true,
  activation: true,
  workbookChanges: true,
};
const gwy = preset('gwy-2020')!;

function people(n: number) {
  return Array.from({ length: n }, (_, i) => ({ name: `人员${i + 1}`, base: 60 + (i % 40), unit: ['办公室', '综合股'][i % 2]! }));
}

async function checkAndApply(n: number, formulas = false) {
  const { grid } = gwySheet(people(n), { summaryRow: false });
  const mock = excelMock(grid, { mergedAddress: `第一季度!A1:Y1, 第一季度!A3:A4, 第一季度!D3:G3` });
  (global as any).Excel = mock.excel;
  const host = new ExcelHost(ALL);
  const read = await host.readSheet();
  const results = checkGrid(read.grid, gwy)!;
  const plan = buildPlan(results, read.grid, { formulas });
  await host.apply(plan);
  return { mock, read, results, plan, host };
}

describe('the Excel host on office-addin-mock', () => {
  afterEach(eventsDelivered);

  it('reads the used range, its merged areas and the settings in one round trip', async () => {
    const { grid } = gwySheet([{ name: '张三', base: 88 }]);
    grid.values[4]![4] = { error: '#N/A' };
    const mock = excelMock(grid, { mergedAddress: "'第一季度'!A1:Y1, '第一季度'!D3:G3", setting: { version: 1, scheme: 'five-dims' } });
    (global as any).Excel = mock.excel;
    const read = await new ExcelHost(ALL).readSheet();
    expect(mock.syncs()).toBe(1);
    expect(read.sheet).toBe('第一季度');
    expect(read.grid.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 25 },
      { top: 3, left: 4, bottom: 3, right: 7 },
    ]);
    expect(read.grid.values[4]![4]).toEqual({ error: '#N/A' });
    expect(read.grid.values[0]![1]).toBeNull();
    expect(read.settings).toEqual(expect.objectContaining({ version: 1, scheme: 'five-dims' }));
    expect(checkGrid(read.grid, gwy)!.people[0]!.name).toBe('张三');
  });

  it('takes the same number of round trips for 10 and for 10,000 rows: one read, one write', async () => {
    const small = await checkAndApply(10);
    const large = await checkAndApply(10000, true);
    expect(small.mock.syncs()).toBe(2);
    expect(large.mock.syncs()).toBe(2);
    expect(large.results.people).toHaveLength(10000);
  }, 60000);

  it('writes each contiguous run of cells with one range write', async () => {
    const { mock, plan } = await checkAndApply(10000);
    // 合计 and 等次: every row written, so one block per column.
    expect(mock.writes.map((w) => [w.row, w.col, w.rows, w.cols])).toEqual([
      [5, 23, 10000, 1],
      [5, 24, 10000, 1],
    ]);
    expect(plan.writes).toHaveLength(20000);
    expect(mock.writes[0]!.range.formulas[0]).toEqual([plan.writes.find((w) => w.cell === 'W5')!.after.value]);
  }, 60000);

  it('splits the runs where a row is not written', async () => {
    const list = people(6);
    list[2] = { ...list[2]!, base: undefined as unknown as number };
    const { grid } = gwySheet(list, { summaryRow: false });
    grid.values[4 + 2]![5] = null; // an empty score: no total for the third person
    const mock = excelMock(grid);
    (global as any).Excel = mock.excel;
    const host = new ExcelHost(ALL);
    const read = await host.readSheet();
    await host.apply(buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false }));
    expect(mock.writes.map((w) => [w.row, w.col, w.rows])).toEqual([
      [5, 23, 2],
      [8, 23, 3],
      [5, 24, 2],
      [8, 24, 3],
    ]);
  });

  it('refuses to write a sheet that changed since it was read', async () => {
    const { grid } = gwySheet(people(3));
    const mock = excelMock(grid);
    (global as any).Excel = mock.excel;
    const host = new ExcelHost(ALL);
    const told: WorkbookEvent[] = [];
    host.onWorkbookEvent((e) => told.push(e));
    const read = await host.readSheet();
    const plan = buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false });
    await mock.fire('another-sheet');
    expect(told).toEqual([]);
    await mock.fire('sheet-1', 'Unknown');
    expect(told).toEqual([{ kind: 'edited', sheet: '第一季度' }]);
    await expect(host.apply(plan)).rejects.toEqual(new HostError('stale'));
    expect(mock.writes).toEqual([]);
    // Read again, it is written.
    await host.readSheet();
    await host.apply(plan);
    expect(mock.writes.length).toBeGreaterThan(0);
  });

  it('watches the workbook from its first read once someone listens: activations by name, changes of every sheet', async () => {
    const mock = excelMock(gwySheet(people(3)).grid);
    (global as any).Excel = mock.excel;
    const host = new ExcelHost(ALL);
    await host.readSheet();
    // Nobody listened: no watch (the ribbon command's host reads and writes without one).
    expect(mock.registered).toEqual([]);
    const told: WorkbookEvent[] = [];
    host.onWorkbookEvent((e) => told.push(e));
    await host.readSheet();
    await host.readSheet();
    expect(mock.registered).toEqual(['worksheets.onChanged', 'worksheets.onActivated']);
    expect(mock.syncs()).toBe(3);
    await mock.activate('sheet-1');
    expect(told).toEqual([{ kind: 'activated', sheet: '第一季度' }]);
  });

  it('watches each sheet on its own where Excel has no workbook-wide change event (ExcelApi 1.7, before 1.9)', async () => {
    const mock = excelMock(gwySheet(people(3)).grid);
    (global as any).Excel = mock.excel;
    const host = new ExcelHost({ ...ALL, workbookChanges: false, suspendScreen: false, pageLayout: false });
    const told: WorkbookEvent[] = [];
    host.onWorkbookEvent((e) => told.push(e));
    await host.readSheet();
    expect(mock.registered).toEqual(['worksheet.onChanged', 'worksheets.onActivated']);
    // The sheet read is watched already: activating it again adds no second watch.
    await mock.activate('sheet-1');
    await host.readSheet();
    expect(mock.registered).toEqual(['worksheet.onChanged', 'worksheets.onActivated']);
    await mock.fire('sheet-1');
    expect(told).toEqual([
      { kind: 'activated', sheet: '第一季度' },
      { kind: 'edited', sheet: '第一季度' },
    ]);
  });

  it('tells the ribbon command’s write (a signal with it) from someone’s edit and from the pane’s own write reported late', async () => {
    const mock = excelMock(gwySheet(people(3)).grid);
    (global as any).Excel = mock.excel;
    const pane = new ExcelHost(ALL);
    const told: WorkbookEvent[] = [];
    pane.onWorkbookEvent((e) => told.push(e));
    const read = await pane.readSheet();
    const plan = buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false });
    expect(plan.writes.length).toBeGreaterThan(0);

    // The ribbon command runs apart from the pane, with a host of its own, and announces its write.
    const ribbon = new ExcelHost(ALL);
    await ribbon.readSheet();
    await ribbon.apply(plan, { announce: true });
    expect(mock.settings.get(WRITE_SIGNAL_KEY)).toMatchObject({ sheet: '第一季度' });
    // Excel reports the write after it (the mock, as Excel, on a later task).
    const syncs = mock.syncs();
    await mock.delivered();
    expect(told).toEqual([{ kind: 'computed', sheet: '第一季度' }]);
    // One look at the signal for the burst.
    expect(mock.syncs()).toBe(syncs + 1);
    // Written since the pane read it: the pane reads it again before it writes.
    await expect(pane.apply(plan)).rejects.toEqual(new HostError('stale'));

    // The pane's own write, its change reported after the write is done: nothing to tell.
    await pane.readSheet();
    await pane.apply(plan);
    await mock.delivered();
    expect(told).toHaveLength(1);
    // Someone's edit.
    await mock.fire('sheet-1', 'Unknown');
    expect(told).toEqual([
      { kind: 'computed', sheet: '第一季度' },
      { kind: 'edited', sheet: '第一季度' },
    ]);
  });

  it('says the sheet is protected when Excel refuses the write', async () => {
    const { grid } = gwySheet(people(3));
    const mock = excelMock(grid);
    (global as any).Excel = mock.excel;
    const host = new ExcelHost(ALL);
    const read = await host.readSheet();
    const plan = buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false });
    mock.setProtectedWrites(true);
    await expect(host.apply(plan)).rejects.toEqual(new HostError('protected'));
  });

  it('writes an undo that gives every cell its content before, text kept as text', async () => {
    const { grid } = gwySheet([{ name: '张三', base: 88, total: '001', grade: '=A1' }], { summaryRow: false });
    const mock = excelMock(grid);
    (global as any).Excel = mock.excel;
    const host = new ExcelHost(ALL);
    const read = await host.readSheet();
    const plan = buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false });
    await host.apply(plan);
    await host.apply(undoPlan(plan));
    const undo = mock.writes.slice(-2).map((w) => [w.col, w.range.formulas]);
    expect(undo).toEqual([
      [23, [["'001"]]],
      [24, [["'=A1"]]],
    ]);
  });
});
