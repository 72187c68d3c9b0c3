/**
 * Whatever Excel throws, the adapter says in the pane's terms: every verb rejects with a
 * HostError, never with an Office error. And a write that fails leaves the change watch as it
 * was: the next change by someone else is still reported.
 */
import { buildPlan, checkGrid, emptySettings } from '../../src/engine';
import { ExcelHost, type Capabilities } from '../../src/hosts/excel/excel-host';
import { HostError, type SheetRead } from '../../src/hosts/host';
import { preset } from '../../src/schemes';
import { gwySheet } from '../helpers/sheets';
import { excelMock, failingExcel } from './excel-mock';
import { problemText } from '../../src/app/words';

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

/** An error as Office.js throws it (OfficeExtension.Error): an Error with a code. */
function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'RichApi.Error', code });
}

const ERRORS: [string, unknown, HostError][] = [
  ['AccessDenied', officeError('AccessDenied', 'The cell or chart you are trying to change is protected.'), new HostError('protected')],
  ['a bare { code: "AccessDenied" }', { code: 'AccessDenied' }, new HostError('protected')],
  // InvalidOperation is not always protection: read for which, else Excel's own words (#20 defect 5).
  [
    'an InvalidOperation that names no cause',
    officeError('InvalidOperation', 'The operation is not permitted.'),
    new HostError('failed', 'The operation is not permitted.'),
  ],
  ['InvalidOperation on part of an array', officeError('InvalidOperation', "You can't change part of an array."), new HostError('array')],
  [
    'InvalidOperation on a table',
    officeError('InvalidOperation', 'This operation is not allowed because it tries to shift cells in a table on your worksheet.'),
    new HostError('table'),
  ],
  [
    'InvalidOperation on a protected cell',
    officeError('InvalidOperation', 'The cell or chart you are trying to change is on a protected sheet.'),
    new HostError('protected'),
  ],
  ['MergedRangeConflict', officeError('MergedRangeConflict', 'Cannot change part of a merged cell.'), new HostError('merged')],
  ['FilteredRangeConflict', officeError('FilteredRangeConflict', 'The range is filtered.'), new HostError('filtered')],
  [
    'InvalidOperationInCellEditMode',
    officeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB.'),
    new HostError('cell-edit'),
  ],
  [
    'PayloadSizeLimitExceeded',
    officeError('PayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.'),
    new HostError('payload-too-large'),
  ],
  [
    'GeneralException',
    officeError('GeneralException', 'An internal error has occurred.'),
    new HostError('failed', 'An internal error has occurred.'),
  ],
  ['an Error that is not Office’s', new TypeError('x is not a function'), new HostError('failed', 'x is not a function')],
  ['a thrown string', 'boom', new HostError('failed', 'boom')],
];

const sheet = gwySheet([{ name: '张三', base: 80, total: 1 }]).grid; // a wrong 合计: an issue on its cell
const issues = checkGrid(sheet, gwy)!.issues.filter((i) => i.cell);
const record = { sheet: sheet.sheet, cells: [{ cell: 'E5', fill: null, note: true }] };
const added = { names: ['汇总表'], ids: ['{sheet-2}'] };

/** The verbs, each called on a host that has read the sheet. */
const VERBS: [string, (host: ExcelHost, read: SheetRead) => Promise<unknown>][] = [
  ['readSheet', (host) => host.readSheet()],
  ['readSheets', (host) => host.readSheets((names) => names)],
  ['select', (host) => host.select(sheet.sheet, 'E5')],
  ['mark', (host) => host.mark(sheet.sheet, issues, 'zh')],
  ['clearMarks', (host) => host.clearMarks(record)],
  ['saveSettings', (host) => host.saveSettings(emptySettings())],
  ['addForms', (host) => host.addForms([])],
  ['removeSheets', (host) => host.removeSheets(added)],
];

/** The verbs that write, each with an outside change arriving while its request is under way. */
const WRITES: [string, (host: ExcelHost, read: SheetRead) => Promise<unknown>][] = [
  ['apply', (host, read) => host.apply(buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false }))],
  ...VERBS.filter(([name]) => ['mark', 'clearMarks', 'saveSettings', 'addForms', 'removeSheets'].includes(name)),
];

/** A host that has read the mock's sheet (so the change watch is on), then an Excel that fails. */
async function readThenFail(error: unknown, duringSync?: () => Promise<void>) {
  const mock = excelMock(
    gwySheet([
      { name: '张三', base: 80 },
      { name: '李四', base: 90 },
    ]).grid,
  );
  (global as any).Excel = mock.excel;
  const host = new ExcelHost(ALL);
  let told = 0;
  host.onWorkbookEvent((e) => {
    if (e.kind === 'edited') told++;
  });
  const read = await host.readSheet();
  // The change comes while the verb's request is under way: once (the host's own look at the signal after it is another request).
  let once = duringSync;
  (global as any).Excel = failingExcel(error, async () => {
    const during = once;
    once = undefined;
    if (during) await during().then(() => mock.fire('sheet-1'));
  });
  return { mock, host, read, told: () => told };
}

describe('the Excel host when Excel fails', () => {
  it('has issues with cells to mark', () => {
    expect(issues.length).toBeGreaterThan(0);
  });

  describe.each(VERBS)('%s', (_name, call) => {
    it.each(ERRORS)('turns %s into a HostError', async (_what, error, expected) => {
      const { host, read } = await readThenFail(error);
      const thrown = await call(host, read).then(
        () => null,
        (e: unknown) => e,
      );
      expect(thrown).toBeInstanceOf(HostError);
      expect(thrown).toMatchObject({ problem: expected.problem, detail: expected.detail });
    });
  });

  it('says a write may be half done when putting it back fails too', async () => {
    const { host, read } = await readThenFail(officeError('GeneralException', 'An internal error has occurred.'));
    await expect(host.apply(buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false }))).rejects.toMatchObject({
      problem: 'partial-write',
    });
  });

  it.each(WRITES)('%s: a change while it writes is its own; once it has failed, the next change is reported', async (_name, call) => {
    const { mock, host, read, told } = await readThenFail({ code: 'AccessDenied' }, async () => undefined);
    await expect(call(host, read)).rejects.toBeInstanceOf(HostError);
    expect(told()).toBe(0);
    await mock.fire('sheet-1');
    expect(told()).toBe(1);
  });

  it('reports a change while kaohe only reads or selects', async () => {
    const { host, read, told } = await readThenFail({ code: 'GeneralException' }, async () => undefined);
    await expect(host.select(read.sheet, 'E5')).rejects.toBeInstanceOf(HostError);
    expect(told()).toBe(1);
  });
});

describe('while Excel is editing a cell', () => {
  const cellEdit = officeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');

  /** The mock's Excel, whose first `refusals` requests are refused because a cell is being edited. */
  function editingOnce(refusals: number) {
    const mock = excelMock(gwySheet([{ name: '张三', base: 80 }]).grid);
    const run = mock.excel.run.bind(mock.excel);
    let left = refusals;
    mock.excel.run = async (a: unknown, b?: unknown) => {
      if (left-- > 0) throw cellEdit;
      return run(a, b);
    };
    (global as any).Excel = mock.excel;
    return mock;
  }

  it('a read is asked once more, and succeeds once the edit is over', async () => {
    editingOnce(1);
    const read = await new ExcelHost(ALL).readSheet();
    expect(read.grid.values.flat()).toContain('张三');
  });

  it('a read still refused, and a write, say to press Enter or Esc; nothing is written twice', async () => {
    const mock = editingOnce(2);
    await expect(new ExcelHost(ALL).readSheet()).rejects.toEqual(new HostError('cell-edit'));
    editingOnce(1);
    const e = await new ExcelHost(ALL).saveSettings(emptySettings()).catch((x: unknown) => x);
    expect(e).toEqual(new HostError('cell-edit'));
    expect(problemText(e, 'zh')).toContain('请先按 Enter 或 Esc 结束单元格编辑');
    expect(problemText(e, 'en')).toContain('press Enter or Esc');
    expect(mock.settings.size).toBe(0);
  });
});
