/**
 * An exceljs worksheet → the engine's Grid, and what every workbook reader shares (exceljs in
 * ./xlsx, SheetJS in ./sheetjs and ./legacy): the Grid builder and the sheet read on demand.
 * No file system here: the command line and the in-browser preview both use it.
 */
import ExcelJS from 'exceljs';
import type { Area, CellValue, Grid } from '../../engine';

const MS_PER_DAY = 86400000;
const EXCEL_EPOCH_OFFSET = 25569;

/** exceljs turns date-formatted numbers into Dates (as UTC); the Grid keeps Excel's serial number. */
function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

type Raw = ExcelJS.CellValue | undefined;

function toCellValue(v: Raw): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { error: v.error };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return toCellValue((v as ExcelJS.CellFormulaValue).result as Raw);
    if ('text' in v && typeof v.text === 'string') return v.text;
  }
  return null;
}

/**
 * exceljs's `cell.value` drops a formula's cached result when it is 0, false or "" (its copy
 * keeps only truthy fields), so `=B2-B3` showing 0 would read as an empty cell. Its model keeps
 * the result: read it from there, and write formula cells through it (`setFormulaCell`).
 */
function valueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Formula) return toCellValue(cell.result as Raw);
  return toCellValue(cell.value);
}

/** A formula and its cached result, kept even when the result is 0, false or "" (see `valueOf`). */
export function setFormulaCell(cell: ExcelJS.Cell, formula: string, result: ExcelJS.CellFormulaValue['result']): void {
  cell.model = {
    address: cell.address,
    type: ExcelJS.ValueType.Formula,
    formula,
    result,
    style: cell.style,
  } as unknown as ExcelJS.CellModel;
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  const f = cell.formula;
  return f ? `=${f}` : null;
}

/** One worksheet's used range as a Grid, with formulas, number formats, merges and hidden rows. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  if (bottom === 0) return { sheet: ws.name, top: 1, left: 1, values: [], merges: [] };

  const merges: Area[] = [];
  const rawMerges = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  for (const m of Object.values(rawMerges ?? {})) {
    if (m) merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
  }

  let at = -1;
  let row: ExcelJS.Row | undefined;
  const rowOf = (r: number): ExcelJS.Row => {
    if (r !== at) [row, at] = [ws.getRow(r), r];
    return row!;
  };
  return gridOfRange(
    ws.name,
    { top, left, bottom, right },
    merges,
    (r, c) => {
      const cell = rowOf(r).findCell(c);
      if (!cell || (cell.isMerged && cell.master !== cell)) return null;
      return { value: valueOf(cell), formula: formulaOf(cell), numFmt: cell.numFmt ?? null };
    },
    (r) => !!rowOf(r).hidden,
  );
}

/** A sheet of a workbook, its cells read when asked for. */
export interface SheetSource {
  name: string;
  visible: boolean;
  grid: () => Grid;
}

/** A cell as a reader gives it to the Grid. */
export interface ReadCell {
  value: CellValue;
  formula: string | null;
  numFmt: string | null;
}

/**
 * The Grid of a sheet's used range, built the same way by every reader (exceljs here, SheetJS in
 * ./sheetjs): `cell` gives each cell (null where empty, or covered by a merge other than at its
 * first cell), `hidden` whether a row is hidden, `done` is told each row once it is read.
 */
export function gridOfRange(
  sheet: string,
  area: Area,
  merges: Area[],
  cell: (row: number, col: number) => ReadCell | null,
  hidden: (row: number) => boolean,
  done?: (row: number) => void,
): Grid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numFmts: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  let anyFormula = false;
  for (let r = area.top; r <= area.bottom; r++) {
    if (hidden(r)) hiddenRows.push(r);
    const vs: CellValue[] = [];
    const fs: (string | null)[] = [];
    const ns: (string | null)[] = [];
    for (let c = area.left; c <= area.right; c++) {
      const x = cell(r, c);
      vs.push(x?.value ?? null);
      fs.push(x?.formula ?? null);
      ns.push(x?.numFmt ?? null);
      if (x?.formula) anyFormula = true;
    }
    values.push(vs);
    formulas.push(fs);
    numFmts.push(ns);
    done?.(r);
  }
  const grid: Grid = { sheet, top: area.top, left: area.left, values, numFmts, merges };
  if (anyFormula) grid.formulas = formulas;
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  return grid;
}
