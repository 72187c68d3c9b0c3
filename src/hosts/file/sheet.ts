/**
 * An exceljs worksheet → the engine's Grid, and what every workbook reader shares (exceljs in
 * ./xlsx, SheetJS in ./sheetjs and ./legacy): the Grid builder and the sheet read on demand.
 * No file system here: the command line and the in-browser preview both use it.
 */
import ExcelJS from 'exceljs';
import { a1, type Area, areaA1, type CellValue, type Grid } from '../../engine';
import { LimitError, READ_LIMITS } from './limits';

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

const areaSize = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

/** A merge cut to the cells that hold something (null when nothing of it is left but one cell). */
export function clipArea(a: Area, to: Area | null): Area | null {
  if (!to) return null;
  const c = {
    top: Math.max(a.top, to.top),
    left: Math.max(a.left, to.left),
    bottom: Math.min(a.bottom, to.bottom),
    right: Math.min(a.right, to.right),
  };
  return c.top > c.bottom || c.left > c.right || areaSize(c) < 2 ? null : c;
}

/**
 * The used range of a sheet: `data`, the cells holding a value or a formula, and its merges cut
 * to it (a merge over a whole column or sheet claims cells that hold nothing).
 */
export function usedRange(data: Area | null, merges: Area[]): { area: Area | null; merges: Area[] } {
  if (!data) return { area: null, merges: [] };
  return { area: data, merges: merges.map((m) => clipArea(m, data)).filter((m): m is Area => m !== null) };
}

/** One worksheet's used range as a Grid, with formulas, number formats, merges and hidden rows. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A cell a merge covers holds nothing of its own.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const rawMerges = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  const used = usedRange(
    bottom === 0 ? null : { top, left, bottom, right },
    Object.values(rawMerges ?? {})
      .filter((m) => !!m)
      .map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right })),
  );
  if (!used.area) return emptyGrid(ws.name);

  let at = -1;
  let row: ExcelJS.Row | undefined;
  const rowOf = (r: number): ExcelJS.Row => {
    if (r !== at) [row, at] = [ws.getRow(r), r];
    return row!;
  };
  return gridOfRange(
    ws.name,
    used.area,
    used.merges,
    (r, c) => {
      const cell = rowOf(r).findCell(c);
      if (!cell || (cell.isMerged && cell.master !== cell)) return null;
      return { value: valueOf(cell), formula: formulaOf(cell), numFmt: cell.numFmt ?? null };
    },
    (r) => !!rowOf(r).hidden,
  );
}

/** Refuses a used range over READ_LIMITS before anything of it is built. */
export function withinLimits(sheet: string, area: Area): void {
  const rows = area.bottom - area.top + 1;
  const columns = area.right - area.left + 1;
  const where = areaA1(area);
  if (rows > READ_LIMITS.rows) throw new LimitError('rows', rows, sheet, where);
  if (columns > READ_LIMITS.columns) throw new LimitError('columns', columns, sheet, where);
  if (rows * columns > READ_LIMITS.cells) throw new LimitError('cells', rows * columns, sheet, where);
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
  withinLimits(sheet, area);
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
      if (x) textWithinLimit(sheet, x.value, r, c);
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
  return finishGrid(sheet, area, merges, values, numFmts, anyFormula ? formulas : null, hiddenRows);
}

/** A sheet that holds nothing, as every reader gives it. */
export function emptyGrid(sheet: string): Grid {
  return { sheet, top: 1, left: 1, values: [], merges: [] };
}

/** Refuses a cell's text over READ_LIMITS.textLength, naming the cell (1-based row, column). */
export function textWithinLimit(sheet: string, value: CellValue, row: number, col: number): void {
  if (typeof value === 'string' && value.length > READ_LIMITS.textLength)
    throw new LimitError('textLength', value.length, sheet, a1(row, col));
}

/** Each cell a merge covers other than its first (1-based row, column): the cells the Grid leaves empty. */
export function eachCoveredCell(merges: Area[], fn: (row: number, col: number) => void): void {
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) fn(r, c);
}

/** The Grid of a used range from its rows: `formulas` kept only when a cell has one, hidden rows only when any. */
export function finishGrid(
  sheet: string,
  area: Area,
  merges: Area[],
  values: CellValue[][],
  numFmts: (string | null)[][],
  formulas: (string | null)[][] | null,
  hiddenRows: number[],
): Grid {
  const grid: Grid = { sheet, top: area.top, left: area.left, values, numFmts, merges };
  if (formulas) grid.formulas = formulas;
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  return grid;
}
