/** Writes grids built in code to real .xlsx files (exceljs), for tests of the command line. */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCellError, type Grid } from '../../src/engine/grid';

export function tempDir(prefix = 'kaohe-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function addGridSheet(wb: ExcelJS.Workbook, grid: Grid): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(grid.sheet);
  grid.values.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(grid.top + i, grid.left + j);
      const f = grid.formulas?.[i]?.[j];
      if (isCellError(v))
        cell.value = f
          ? { formula: f.slice(1), result: { error: v.error as ExcelJS.CellErrorValue['error'] } }
          : { error: v.error as ExcelJS.CellErrorValue['error'] };
      else if (f) cell.value = { formula: f.slice(1), result: v as number | string | boolean };
      else cell.value = v;
      const fmt = grid.numFmts?.[i]?.[j];
      if (fmt) cell.numFmt = fmt;
    });
  });
  for (const m of grid.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  return ws;
}

/** Writes one or more grids as the sheets of a new workbook; returns its path. */
export async function writeXlsx(grids: Grid | Grid[], file = join(tempDir(), 'book.xlsx')): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const g of Array.isArray(grids) ? grids : [grids]) addGridSheet(wb, g);
  await wb.xlsx.writeFile(file);
  return file;
}
