/**
 * The Excel host at the API levels Excel really runs at (the mock refuses members above its level, as Excel fails
 * the request, and reports changes after the request, with a triggerSource only from ExcelApi 1.14): it asks for
 * nothing its Excel lacks, keeps watching after a failed first read, and knows its own writes when Excel reports
 * them late and without a source.
 */
import { buildPlan, checkGrid, undoPlan } from '../../src/engine';
import { capabilities, ExcelHost, type Capabilities } from '../../src/hosts/excel/excel-host';
import { HostError, type WorkbookEvent } from '../../src/hosts/host';
import { preset } from '../../src/schemes';
import { gwySheet } from '../helpers/sheets';
import { eventsDelivered, excelMock } from './excel-mock';

const gwy = preset('gwy-2020')!;
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `人员${i + 1}`, base: 70 + i, unit: '办公室' }));

/** A pane's host on an Excel at `api`, its capabilities asked of Office as in the add-in, listening. */
function paneAt(api: string) {
  const mock = excelMock(gwySheet(people(3)).grid, { api });
  (global as any).Excel = mock.excel;
  (global as any).Office = mock.office;
  const host = new ExcelHost(capabilities());
  const told: WorkbookEvent[] = [];
  host.onWorkbookEvent((e) => told.push(e));
  return { mock, host, told };
}

afterEach(eventsDelivered);

describe('the mock Excel at an API level', () => {
  it('fails a request that uses a member newer than its level, as Excel does (ApiNotFound)', async () => {
    const mock = excelMock(gwySheet(people(3)).grid, { api: '1.8' });
    (global as any).Excel = mock.excel;
    (global as any).Office = mock.office;
    // A host told Excel has workbook-wide change events (ExcelApi 1.9) when it has not, as the add-in once assumed.
    const claims: Capabilities = { ...capabilities(), workbookChanges: true };
    const host = new ExcelHost(claims);
    host.onWorkbookEvent(() => undefined);
    await expect(host.readSheet()).rejects.toMatchObject({ problem: 'failed', message: expect.stringMatching(/ExcelApi 1\.9/) });
  });

  it('reports a write after the request that made it, without a source below ExcelApi 1.14', async () => {
    for (const [api, source] of [
      ['1.9', undefined],
      ['1.14', 'ThisLocalAddin'],
    ] as const) {
      const mock = excelMock(gwySheet(people(3)).grid, { api });
      const seen: unknown[] = [];
      mock.excel.context.workbook.worksheets.onChanged.add(async (e: unknown) => void seen.push(e));
      await mock.excel.context.sync();
      mock.excel.context.workbook.worksheets.sheet.getRangeByIndexes(4, 22, 1, 1).formulas = [[85]];
      await mock.excel.context.sync();
      expect(seen).toEqual([]);
      await mock.delivered();
      expect(seen).toEqual([
        { worksheetId: 'sheet-1', address: 'W5', changeType: 'RangeEdited', source: 'Local', ...(source ? { triggerSource: source } : {}) },
      ]);
    }
  });
});

describe.each(['1.7', '1.8', '1.9', '1.13', '1.14', '1.20'])('the Excel host at ExcelApi %s', (api) => {
  it('reads, writes and undoes with only what this Excel has, and hears someone’s edit', async () => {
    const { mock, host, told } = paneAt(api);
    const read = await host.readSheet();
    expect(mock.registered).toEqual([
      api === '1.7' || api === '1.8' ? 'worksheet.onChanged' : 'worksheets.onChanged',
      'worksheets.onActivated',
    ]);
    const plan = buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false });
    expect(plan.writes.length).toBeGreaterThan(0);
    await host.apply(plan);
    // Excel reports kaohe's write late (below 1.14 without saying whose): the undo right after is not refused.
    await mock.delivered();
    expect(told).toEqual([]);
    await host.apply(undoPlan(plan));
    await mock.delivered();
    expect(told).toEqual([]);
    // Someone types into a cell kaohe had written: that is an edit, and the sheet is read again before any write.
    mock.type('W5', [['99']]);
    await mock.delivered();
    expect(told).toEqual([{ kind: 'edited', sheet: '第一季度' }]);
    await expect(host.apply(plan)).rejects.toEqual(new HostError('stale'));
  });
});

describe('the watch on the workbook', () => {
  it('is registered again with the next read when the first read failed', async () => {
    const { mock, host, told } = paneAt('1.9');
    mock.failNextSync(Object.assign(new Error('Excel is busy.'), { code: 'GeneralException' }));
    await expect(host.readSheet()).rejects.toBeInstanceOf(HostError);
    expect(mock.registered).toEqual([]);
    await host.readSheet();
    expect(mock.registered).toEqual(['worksheets.onChanged', 'worksheets.onActivated']);
    mock.type('B5', [['李四']]);
    await mock.delivered();
    expect(told).toEqual([{ kind: 'edited', sheet: '第一季度' }]);
  });

  it('watches an activated sheet once its request has run: a failed one leaves it to the next activation (ExcelApi 1.7)', async () => {
    const { mock, host } = paneAt('1.7');
    await host.readSheet(); // the active sheet watched with this read; another one is activated below

    expect(mock.registered).toEqual(['worksheet.onChanged', 'worksheets.onActivated']);
    mock.failNextSync(Object.assign(new Error('Excel is busy.'), { code: 'GeneralException' }));
    await mock.activate('sheet-2');
    expect(mock.registered).toEqual(['worksheet.onChanged', 'worksheets.onActivated']);
    await mock.activate('sheet-2');
    expect(mock.registered).toEqual(['worksheet.onChanged', 'worksheets.onActivated', 'worksheet.onChanged']);
    await mock.activate('sheet-2');
    expect(mock.registered).toHaveLength(3);
  });
});
