/**
 * What every spreadsheet host of the pane must do, as one suite each host runs on the preview's workbook
 * (src/preview/model.ts) through its own simulation: the Excel host on the preview's Office.js
 * (excel-contract.test.ts), the WPS host on the simulated WPS Application (wps-host.test.ts). Same sheet, same
 * plan, same cells after a write, the same cells back after the undo, the same marks taken back exactly, the same
 * refusals, settings kept in the workbook, the ribbon's write told from an edit, and the year's forms added and
 * removed. Host-specific costs (round trips, calls) stay in each host's own tests.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import {
  buildPlan,
  checkGrid,
  type Grid,
  findPeriodSheets,
  formLayout,
  isCellError,
  parseA1,
  rollUpYear,
  undoPlan,
  yearForms,
} from '../../src/engine';
import { HostError, type Host, type WorkbookEvent } from '../../src/hosts/host';
import { PreviewWorkbook } from '../../src/preview/model';
import { preset } from '../../src/schemes';
import { gwySheet } from '../helpers/sheets';

const gwy = preset('gwy-2020')!;
const YEAR = join(__dirname, '..', '..', 'examples', 'gwy-2020-year.xlsx');

/** A host of the kind under test on this workbook; a second call gives a second host (the ribbon command's). */
export type HostOn = (book: PreviewWorkbook) => Host;

const settle = () => new Promise((r) => setTimeout(r, 150));

/** Every cell of a sheet as value, formula and format, to compare a workbook before and after. */
function snapshot(book: PreviewWorkbook, name: string) {
  const s = book.sheet(name)!;
  return [...s.cells]
    .map(([k, c]) => [k, c.value, c.formula, c.numFmt, c.fill, c.note] as const)
    .filter(([, v, f, n, fill, note]) => v !== null || f !== null || n !== null || fill !== null || note !== null)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function value(book: PreviewWorkbook, sheet: string, cell: string) {
  const a = parseA1(cell)!;
  return book.cell(book.sheet(sheet)!, a.row, a.col);
}

function people(n: number) {
  return Array.from({ length: n }, (_, i) => ({ name: `人员${i + 1}`, base: 60 + (i % 40), unit: ['办公室', '综合股'][i % 2]! }));
}

export function hostContract(kind: string, hostOn: HostOn): void {
  describe(`the host port, kept by the ${kind} host`, () => {
    it('reads the active sheet as the grid it holds: values, merges, no settings', async () => {
      const { grid } = gwySheet(people(3));
      const book = PreviewWorkbook.fromGrids([grid]);
      const read = await hostOn(book).readSheet();
      expect(read.sheet).toBe('第一季度');
      expect(read.protected).toBe(false);
      expect([read.settings, read.settingsBroken]).toEqual([null, false]);
      expect([read.grid.top, read.grid.left]).toEqual([1, 1]);
      expect(read.grid.values.map((r) => r.slice(0, 25))).toEqual(
        grid.values.map((r) => [...r, ...Array(25 - r.length).fill(null)].slice(0, 25)),
      );
      expect(read.grid.merges).toEqual(grid.merges);
      expect(checkGrid(read.grid, gwy)!.people.map((p) => p.name)).toEqual(['人员1', '人员2', '人员3']);
    });

    it('writes a plan into its cells, and the undo gives every cell its content before, text kept as text', async () => {
      const { grid } = gwySheet(
        [
          { name: '张三', base: 88, total: '001', grade: '=A1' },
          { name: '李四', base: 70 },
        ],
        { summaryRow: false },
      );
      const book = PreviewWorkbook.fromGrids([grid]);
      const before = snapshot(book, '第一季度');
      const host = hostOn(book);
      const read = await host.readSheet();
      const plan = buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false });
      await host.apply(plan);
      expect([value(book, '第一季度', 'W5')?.value, value(book, '第一季度', 'X5')?.value]).toEqual([88, '较好']);
      expect([value(book, '第一季度', 'W6')?.value, value(book, '第一季度', 'X6')?.value]).toEqual([70, '一般']);
      // Read again, nothing is left to write.
      const again = await host.readSheet();
      expect(buildPlan(checkGrid(again.grid, gwy)!, again.grid, { formulas: false }).writes).toEqual([]);
      await host.apply(undoPlan(plan));
      expect(snapshot(book, '第一季度')).toEqual(before);
      expect([value(book, '第一季度', 'W5')?.value, value(book, '第一季度', 'X5')?.value]).toEqual(['001', '=A1']);
      expect(value(book, '第一季度', 'X5')?.formula).toBeNull();
    });

    it('writes live formulas when asked, and they compute', async () => {
      const book = PreviewWorkbook.fromGrids([gwySheet(people(2), { summaryRow: false }).grid]);
      const host = hostOn(book);
      const read = await host.readSheet();
      await host.apply(buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: true }));
      const total = value(book, '第一季度', 'W5')!;
      expect(total.formula).toMatch(/^=/);
      expect(total.value).toBe(60);
    });

    it('marks problem cells and takes the marks back exactly: a fill and a note there before are kept', async () => {
      const { grid } = gwySheet(
        [
          { name: '张三', base: 88, total: 90 },
          { name: '李四', base: 70, total: 75 },
        ],
        { summaryRow: false },
      );
      const book = PreviewWorkbook.fromGrids([grid]);
      const s = book.sheet('第一季度')!;
      const w6 = book.touch(s, 6, 23);
      w6.fill = '#00B050';
      w6.note = '主任：请核实';
      const before = snapshot(book, '第一季度');
      const host = hostOn(book);
      const read = await host.readSheet();
      const issues = checkGrid(read.grid, gwy)!.issues.filter((i) => i.cell === 'W5' || i.cell === 'W6');
      expect(issues.map((i) => i.cell).sort()).toEqual(['W5', 'W6']);
      const record = await host.mark('第一季度', issues, 'zh');
      expect(record.cells.map((c) => [c.cell, c.fill, c.note]).sort()).toEqual([
        ['W5', null, true],
        ['W6', '#00B050', false],
      ]);
      expect(value(book, '第一季度', 'W5')!.fill).toBe('#FFC7CE');
      expect(value(book, '第一季度', 'W5')!.note).toMatch(/^考核助手 · /);
      expect(value(book, '第一季度', 'W6')!.note).toBe('主任：请核实');
      await host.clearMarks(record);
      expect(snapshot(book, '第一季度')).toEqual(before);
    });

    it('refuses a protected sheet and writes nothing', async () => {
      const book = PreviewWorkbook.fromGrids([gwySheet(people(3)).grid]);
      const host = hostOn(book);
      const read = await host.readSheet();
      const plan = buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false });
      const before = snapshot(book, '第一季度');
      book.sheet('第一季度')!.protected = true;
      await expect(host.apply(plan)).rejects.toEqual(new HostError('protected'));
      expect(snapshot(book, '第一季度')).toEqual(before);
    });

    it('hears someone’s edit of a sheet it read and refuses to write it until read again', async () => {
      const book = PreviewWorkbook.fromGrids([gwySheet(people(3)).grid]);
      const host = hostOn(book);
      const told: WorkbookEvent[] = [];
      host.onWorkbookEvent((e) => told.push(e));
      const read = await host.readSheet();
      const plan = buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false });
      expect(plan.writes.length).toBeGreaterThan(0);
      await book.userEdit('第一季度', 'D5', 5);
      await settle();
      expect(told).toEqual([{ kind: 'edited', sheet: '第一季度' }]);
      await expect(host.apply(plan)).rejects.toEqual(new HostError('stale'));
      await host.readSheet();
      await host.apply(plan);
      // Its own write is not told as an edit.
      await settle();
      expect(told).toEqual([{ kind: 'edited', sheet: '第一季度' }]);
    });

    it('tells the ribbon command’s write (announced) from an edit', async () => {
      const book = PreviewWorkbook.fromGrids([gwySheet(people(3)).grid]);
      const pane = hostOn(book);
      const told: WorkbookEvent[] = [];
      pane.onWorkbookEvent((e) => told.push(e));
      const read = await pane.readSheet();
      const plan = buildPlan(checkGrid(read.grid, gwy)!, read.grid, { formulas: false });
      const ribbon = hostOn(book);
      await ribbon.readSheet();
      await ribbon.apply(plan, { announce: true });
      await settle();
      expect(told).toEqual([{ kind: 'computed', sheet: '第一季度' }]);
      await expect(pane.apply(plan)).rejects.toEqual(new HostError('stale'));
    });

    it('keeps its settings in the workbook: saved, read back by another host, broken ones reported', async () => {
      const book = PreviewWorkbook.fromGrids([gwySheet(people(3)).grid]);
      const settings = {
        version: 1 as const,
        scheme: 'gwy-2020',
        columns: { 第一季度: { '4': { kind: 'ignored' as const } } },
        formulas: true,
      };
      await hostOn(book).saveSettings(settings);
      const read = await hostOn(book).readSheet();
      expect(read.settings).toEqual(settings);
      expect(read.settingsBroken).toBe(false);
      // The visible sheets are still the workbook's own.
      expect((await hostOn(book).readSheets(() => [])).names).toEqual(['第一季度']);
    });

    it('reads the year’s sheets, adds the summary forms as new sheets, and removes exactly those', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(YEAR);
      const book = PreviewWorkbook.fromExcelJs(wb);
      const original = book.sheets.map((s) => s.name);
      const host = hostOn(book);
      const read = await host.readSheets((names) => names);
      expect(read.names).toEqual(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name));
      const periods = findPeriodSheets(read.names).map((p) => ({ ...p, grid: read.grids.get(p.sheet) as Grid }));
      const out = rollUpYear({ scheme: gwy, periods, others: [read.grids.get('年度考核')!], overrides: () => ({}) });
      if (!out.ok) throw new Error(out.sheet);
      const forms = yearForms(out.year, out.checked).map(formLayout);
      forms[1]!.values[3]![1] = '=HYPERLINK("http://x","y")';
      const added = await host.addForms(forms);
      expect(added.names).toEqual(['平时考核结果汇总表', '年度考核登记汇总表']);
      expect(book.activeSheet().name).toBe('平时考核结果汇总表');
      forms.forEach((layout, k) => {
        const sheet = book.sheet(added.names[k]!)!;
        layout.values.forEach((row, r) =>
          row.forEach((v, c) => {
            const cell = book.cell(sheet, r + 1, c + 1);
            const got = cell?.value ?? null;
            expect([r + 1, c + 1, isCellError(got) ? got.error : got, cell?.formula ?? null]).toEqual([r + 1, c + 1, v, null]);
          }),
        );
        expect(sheet.merges).toEqual(layout.merges);
      });
      const again = await host.addForms(forms);
      expect(again.names).toEqual(['平时考核结果汇总表(2)', '年度考核登记汇总表(2)']);
      expect(await host.removeSheets(again)).toBe(2);
      expect(await host.removeSheets(again)).toBe(0);
      expect(await host.removeSheets(added)).toBe(2);
      expect(book.sheets.map((s) => s.name)).toEqual(original);
    });
  });
}
