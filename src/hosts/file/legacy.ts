/**
 * Workbooks that are not .xlsx — .xls (BIFF), and the HTML or XML "xls" that web systems
 * export — read with SheetJS and turned into an exceljs workbook, so the rest of the file
 * host treats every input alike. SheetJS (community) does not read cell styles: values,
 * formulas, number formats, merges, column widths, row heights and hidden rows carry over.
 */
import ExcelJS from 'exceljs';
import { type Area, isCellError } from '../../engine';
import { setFormulaCell, usedRange } from './sheet';
import { cellValue, eachSheetCell, numFmtOf, readBook, spanning } from './sheetjs';

/** Reads a workbook SheetJS understands into exceljs; throws SheetJS's error when it cannot. */
export function readLegacy(data: Buffer): ExcelJS.Workbook {
  const book = readBook(data, false);
  const wb = new ExcelJS.Workbook();
  book.SheetNames.forEach((name, i) => {
    const src = book.Sheets[name]!;
    const hidden = book.Workbook?.Sheets?.[i]?.Hidden;
    const ws = wb.addWorksheet(name, { state: hidden === 1 ? 'hidden' : hidden === 2 ? 'veryHidden' : 'visible' });
    // The cells SheetJS holds, not the range the file claims; merges cut to the cells that hold something.
    let data: Area | null = null;
    eachSheetCell(src, (r, c, cell) => {
      const g = cellValue(cell);
      if (g !== null || cell.f) data = spanning(data, r + 1, c + 1);
      const target = ws.getCell(r + 1, c + 1);
      const v: ExcelJS.CellValue = isCellError(g) ? { error: g.error as ExcelJS.CellErrorValue['error'] } : g;
      if (cell.f) setFormulaCell(target, cell.f, (v ?? undefined) as ExcelJS.CellFormulaValue['result']);
      else target.value = v;
      const fmt = numFmtOf(cell);
      if (fmt) target.numFmt = fmt;
    });
    const merges = usedRange(
      data,
      (src['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 })),
    ).merges;
    for (const m of merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    (src['!cols'] ?? []).forEach((col, j) => {
      if (!col) return;
      const target = ws.getColumn(j + 1);
      if (col.wch !== undefined) target.width = col.wch;
      else if (col.width !== undefined) target.width = col.width;
      if (col.hidden) target.hidden = true;
    });
    (src['!rows'] ?? []).forEach((row, j) => {
      if (!row) return;
      const target = ws.getRow(j + 1);
      if (row.hpt !== undefined) target.height = row.hpt;
      if (row.hidden) target.hidden = true;
    });
  });
  return wb;
}

/** Every formula in a workbook, with where it is (for ./xls-held's nameFormulas). */
export function* formulaCells(wb: ExcelJS.Workbook): Generator<{ sheet: string; ref: string; formula: string }> {
  for (const ws of wb.worksheets)
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      if (!row) continue;
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        if (cell?.type === ExcelJS.ValueType.Formula && cell.formula) yield { sheet: ws.name, ref: cell.address, formula: cell.formula };
      }
    }
}
