/**
 * Workbooks read with SheetJS: the .xls and HTML/XML "xls" files exceljs cannot open, and large
 * .xlsx files that only need reading (`kaohe check`, `kaohe annual` without --out). exceljs keeps
 * a full object model of every cell — about 1.2 GB for 100,000 rows × 30 columns — where
 * SheetJS's dense mode needs under half of that. The Grid made here is the one worksheetToGrid
 * makes from exceljs (the same used range, values, formulas, merges and hidden rows; tests
 * compare the two on the examples and on fuzzed workbooks).
 */
import * as XLSX from '@e965/xlsx';
import type { Area, CellValue, Grid } from '../../engine';
import { READ_LIMITS } from './limits';
import { eachCoveredCell, emptyGrid, gridOfRange, type ReadCell, type SheetSource, usedRange } from './sheet';

export type SheetCell = { t: string; v?: unknown; f?: string; z?: string | number };

/** Excel's error codes as SheetJS stores them (BIFF numbers). */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** SheetJS reads a workbook: formulas, number formats and row properties (hidden rows), dates as serial numbers. */
export function readBook(data: Buffer, dense: boolean): XLSX.WorkBook {
  return XLSX.read(data, { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: true, cellDates: false, cellText: false, dense });
}

/** A cell's value as the engine holds it; dates stay Excel serial numbers. */
export function cellValue(c: SheetCell): CellValue {
  switch (c.t) {
    case 'e':
      return { error: ERRORS[c.v as number] ?? '#N/A' };
    case 'n':
    case 's':
    case 'b':
      return c.v as number | string | boolean;
    default:
      return null;
  }
}

/** The number format SheetJS gives a cell, or null for General. */
export function numFmtOf(c: SheetCell): string | null {
  return typeof c.z === 'string' && c.z !== 'General' ? c.z : null;
}

const denseData = (ws: XLSX.WorkSheet) => (ws as { '!data'?: (SheetCell | undefined)[][] })['!data'];

export function cellAt(ws: XLSX.WorkSheet, r: number, c: number): SheetCell | undefined {
  const dense = denseData(ws);
  return dense ? dense[r]?.[c] : (ws[XLSX.utils.encode_cell({ r, c })] as SheetCell | undefined);
}

/**
 * The sheets of a workbook read with SheetJS, in order. A sheet's cells are turned into its Grid
 * once, and SheetJS's copy is let go row by row as they are: the two are never both whole in memory.
 */
export function sheetSources(book: XLSX.WorkBook): SheetSource[] {
  return book.SheetNames.map((name, i) => {
    let grid: Grid | null = null;
    return {
      name,
      visible: (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) === 0,
      grid: () => {
        if (!grid) {
          grid = sheetToGrid(name, book.Sheets[name]!, true);
          delete book.Sheets[name];
        }
        return grid;
      },
    };
  });
}

/** The area grown to hold the cell at 1-based (row, col); a first area of that cell alone. */
export function spanning(area: Area | null, row: number, col: number): Area {
  return area
    ? {
        top: Math.min(area.top, row),
        left: Math.min(area.left, col),
        bottom: Math.max(area.bottom, row),
        right: Math.max(area.right, col),
      }
    : { top: row, left: col, bottom: row, right: col };
}

/** Each cell SheetJS holds, as (0-based row, column, cell): the cells themselves, never the range a <dimension> tag claims. */
export function eachSheetCell(ws: XLSX.WorkSheet, fn: (r: number, c: number, cell: SheetCell) => void): void {
  const dense = denseData(ws);
  if (dense) {
    dense.forEach((row, r) => row?.forEach((cell, c) => cell && fn(r, c, cell)));
    return;
  }
  for (const key of Object.keys(ws)) {
    if (key[0] === '!') continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    fn(r, c, ws[key] as SheetCell);
  }
}

/**
 * One sheet as a Grid, as worksheetToGrid reads it from exceljs: the used range is the cells
 * holding a value or a formula, merges cut to it; cells a merge covers (other than its first)
 * are empty.
 */
export function sheetToGrid(name: string, ws: XLSX.WorkSheet, consume = false): Grid {
  // The cells holding a value or a formula span this area (numbers, not an Area a cell).
  let [top, left, bottom, right] = [Infinity, Infinity, 0, 0];
  eachSheetCell(ws, (r, c, cell) => {
    if (cellValue(cell) === null && !cell.f) return;
    if (r + 1 < top) top = r + 1;
    if (r + 1 > bottom) bottom = r + 1;
    if (c + 1 < left) left = c + 1;
    if (c + 1 > right) right = c + 1;
  });
  const data: Area | null = bottom === 0 ? null : { top, left, bottom, right };
  const used = usedRange(
    data,
    (ws['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 })),
  );
  if (!used.area) return emptyGrid(name);
  const { merges } = used;
  const covered = new Set<number>();
  // Merges are cut to the used range, which READ_LIMITS bounds (gridOfRange refuses a larger one first).
  const area = used.area;
  if ((area.bottom - area.top + 1) * (area.right - area.left + 1) <= READ_LIMITS.cells)
    eachCoveredCell(merges, (r, c) => covered.add(r * 20000 + c));

  const rows = ws['!rows'] ?? [];
  const dense = denseData(ws);
  const read: ReadCell = { value: null, formula: null, numFmt: null };
  return gridOfRange(
    name,
    area,
    merges,
    (r, c) => {
      const x = covered.has(r * 20000 + c) ? undefined : cellAt(ws, r - 1, c - 1);
      if (!x) return null;
      // One object for every cell: gridOfRange takes what it holds at once.
      read.value = cellValue(x);
      read.formula = x.f ? `=${x.f}` : null;
      read.numFmt = numFmtOf(x);
      return read;
    },
    (r) => !!rows[r - 1]?.hidden,
    consume ? (r) => dense?.[r - 1]?.fill(undefined) : undefined,
  );
}
