/**
 * The same generated sheets through the two real hosts: the Excel adapter (on the preview's
 * in-browser Excel, which keeps Office.js's load/sync rules) and the exceljs file host. Each
 * reads the sheet as written, writes the plan, and undoes it; every cell must come back as it
 * was — value, formula and number format — and a .xlsx saved after the write must hold it.
 * The SheetJS reader, used for large read-only files, must read each saved sheet as exceljs does.
 * Fewer runs than the engine fuzz (HOST_FUZZ_RUNS, default 300): each run does real I/O.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { checkGrid } from '../../src/engine';
import type { Grid } from '../../src/engine/grid';
import type { Scheme } from '../../src/engine/scheme/model';
import { applyToGrid, buildPlan, undoPlan, type Plan } from '../../src/engine/plan/plan';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { worksheetToGrid } from '../../src/hosts/file/sheet';
import { readBook, sheetSources } from '../../src/hosts/file/sheetjs';
import { readDirect } from '../../src/hosts/file/xlsx-direct';
import { applyPlan } from '../../src/hosts/file/write';
import { toReport } from '../../src/engine/report/report';
import { engineView } from '../helpers/same-grid';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { addGridSheet } from '../helpers/xlsx';
import { cellsOf, fuzzSettings } from './fuzz';
import { buildSheet, sheetSpec } from './sheet-gen';

const settings = fuzzSettings('HOST_FUZZ_RUNS', 300);

/**
 * Every non-empty cell of the preview's active sheet. A formula cell counts by its formula: Excel
 * recalculates after kaohe writes, so a stale cached value may rightly change.
 */
function snapshot(book: PreviewWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, c] of book.activeSheet().cells) {
    const fmt = c.numFmt === 'General' ? null : c.numFmt;
    if (c.value === null && c.formula === null && fmt === null) continue;
    out.set(String(k), JSON.stringify([c.formula === null ? c.value : null, c.formula, fmt]));
  }
  return out;
}

/** A plan for the sheet as the host read it: formulas or values, whichever the run picked. */
function planFor(grid: Grid, scheme: Scheme, formulas: boolean): Plan | null {
  const r = checkGrid(grid, scheme);
  return r === null ? null : buildPlan(r, grid, { formulas });
}

describe(`${settings.numRuns} generated sheets through the hosts`, () => {
  it('Excel adapter: reads the sheet as it is, writes the plan, undoes it exactly', async () => {
    await fc.assert(
      fc.asyncProperty(sheetSpec, fc.boolean(), async (spec, formulas) => {
        const b = buildSheet(spec);
        const book = PreviewWorkbook.fromGrids([b.grid]);
        installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
        const before = snapshot(book);
        const host = new ExcelHost();
        const read = await host.readSheet();
        expect(cellsOf(read.grid)).toEqual(cellsOf(b.grid));
        expect(read.grid.merges).toEqual(expect.arrayContaining(b.grid.merges));

        // The host hands the engine the hidden (or filtered-out) rows; the plan leaves them, and lists those it leaves.
        const hidden = new Set(b.grid.hiddenRows ?? []);
        // Those in the used range (of values: a blank last row hidden is outside it, and nothing is written there).
        const bottom = read.grid.top + read.grid.values.length - 1;
        expect(read.grid.hiddenRows ?? []).toEqual([...hidden].filter((r) => r <= bottom).sort((x, y) => x - y));
        const plan = planFor(read.grid, b.scheme, formulas);
        if (plan === null) return;
        expect(plan.writes.filter((w) => hidden.has(w.row))).toEqual([]);
        expect(plan.hiddenRows!.every((r) => hidden.has(r))).toBe(true);
        // The last defence: a plan made as if every row were shown that writes a hidden one is refused, nothing written.
        const blind = planFor({ ...read.grid, hiddenRows: undefined }, b.scheme, formulas)!;
        if (blind.writes.some((w) => hidden.has(w.row))) {
          await expect(host.apply(blind)).rejects.toMatchObject({ problem: 'hidden-rows' });
          expect(snapshot(book)).toEqual(before);
        }
        if (plan.writes.length === 0) return;
        const trips = book.roundTrips;
        await host.apply(plan);
        expect(book.roundTrips - trips).toBe(1);
        const s = book.activeSheet();
        for (const w of plan.writes) {
          const c = book.cell(s, w.row, w.col);
          expect([w.row, w.col, c?.formula ?? null]).toEqual([w.row, w.col, w.after.formula]);
          if (w.after.formula === null) expect([w.row, w.col, c?.value ?? null]).toEqual([w.row, w.col, w.after.value]);
        }
        await host.apply(undoPlan(plan));
        expect(snapshot(book)).toEqual(before);
      }),
      settings,
    );
  });

  it('exceljs: the plan survives a save, and undo restores every cell', async () => {
    await fc.assert(
      fc.asyncProperty(sheetSpec, fc.boolean(), async (spec, formulas) => {
        const b = buildSheet(spec);
        const wb = new ExcelJS.Workbook();
        const ws = addGridSheet(wb, b.grid);
        const grid = worksheetToGrid(ws);
        expect(cellsOf(grid)).toEqual(cellsOf(b.grid));

        const plan = planFor(grid, b.scheme, formulas);
        if (plan === null) return;
        applyPlan(ws, plan);
        // What the copy holds after saving is what the plan says, cell for cell.
        const saved = new ExcelJS.Workbook();
        await saved.xlsx.load(await wb.xlsx.writeBuffer());
        expect(cellsOf(worksheetToGrid(saved.worksheets[0]!))).toEqual(cellsOf(applyToGrid(grid, plan)));

        applyPlan(ws, undoPlan(plan));
        expect(cellsOf(worksheetToGrid(ws))).toEqual(cellsOf(b.grid));
      }),
      settings,
    );
  });

  it('SheetJS (large files) and the fast reader read a saved sheet as exceljs does, and the check reports the same', async () => {
    let declined = 0;
    await fc.assert(
      fc.asyncProperty(sheetSpec, async (spec) => {
        const b = buildSheet(spec);
        const wb = new ExcelJS.Workbook();
        addGridSheet(wb, b.grid);
        const data = Buffer.from(await wb.xlsx.writeBuffer());
        const loaded = new ExcelJS.Workbook();
        await loaded.xlsx.load(data as unknown as ExcelJS.Buffer);
        const viaExcelJs = worksheetToGrid(loaded.worksheets[0]!);
        const viaSheetJs = sheetSources(readBook(data, true))[0]!.grid();
        expect(engineView(viaSheetJs)).toEqual(engineView(viaExcelJs));
        // The fast reader (check and grade of an .xlsx): SheetJS's Grid exactly, or the general readers when it declines.
        const direct = readDirect(data);
        if (direct) expect(direct.sheets[0]!.grid()).toStrictEqual(viaSheetJs);
        else declined++;
        const report = (g: Grid) => {
          const r = checkGrid(g, b.scheme);
          return r && toReport(r, 'zh');
        };
        expect(report(viaSheetJs)).toEqual(report(viaExcelJs));
      }),
      settings,
    );
    // The generated sheets hold nothing it leaves to the general readers: it read every one.
    expect(declined).toBe(0);
  }, 120000); // three readers on each of 300 saved workbooks: past jest's 30 s on a loaded machine
});
