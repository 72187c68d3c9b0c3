/**
 * The file host: workbooks on disk → exceljs → the engine's Grid. Used by the command line
 * and by tests; never by the task pane.
 */
import { readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { CellValue, Grid, Area } from '../../engine/grid';
import { readLegacy } from './legacy';

export type WorkbookProblem = 'not-found' | 'no-access' | 'is-directory' | 'unreadable' | 'encrypted' | 'empty';

/** A workbook that could not be opened; the command line words it for the user. */
export class WorkbookError extends Error {
  constructor(
    readonly problem: WorkbookProblem,
    readonly path: string,
    readonly detail: string = '',
  ) {
    super(`${problem}: ${path}${detail ? ` (${detail})` : ''}`);
    this.name = 'WorkbookError';
  }
}

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

  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numFmts: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  let anyFormula = false;
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    if (row.hidden) hiddenRows.push(r);
    const vs: CellValue[] = [];
    const fs: (string | null)[] = [];
    const ns: (string | null)[] = [];
    for (let c = left; c <= right; c++) {
      const cell = row.findCell(c);
      if (!cell || (cell.isMerged && cell.master !== cell)) {
        vs.push(null);
        fs.push(null);
        ns.push(null);
        continue;
      }
      vs.push(toCellValue(cell.value));
      const f = formulaOf(cell);
      if (f) anyFormula = true;
      fs.push(f);
      ns.push(cell.numFmt ?? null);
    }
    values.push(vs);
    formulas.push(fs);
    numFmts.push(ns);
  }
  const grid: Grid = { sheet: ws.name, top, left, values, numFmts, merges };
  if (anyFormula) grid.formulas = formulas;
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  return grid;
}

export type WorkbookFormat = 'xlsx' | 'legacy';

export interface OpenedWorkbook {
  wb: ExcelJS.Workbook;
  format: WorkbookFormat;
  /** The file's bytes, as read once (settings and parts are looked up in them). */
  data: Buffer;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Opens a workbook: .xlsx with exceljs; .xls (and HTML or XML "xls") with SheetJS. Throws
 * WorkbookError with a plain reason when it cannot.
 */
export async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  let data: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new WorkbookError('is-directory', path);
    data = readFileSync(path);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookError('not-found', path);
    if (code === 'EACCES' || code === 'EPERM') throw new WorkbookError('no-access', path);
    throw new WorkbookError('unreadable', path, e instanceof Error ? e.message : String(e));
  }
  const head = data.subarray(0, 4);
  try {
    if (head.equals(ZIP)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
      return { wb, format: 'xlsx', data };
    }
    if (data.length === 0) throw new Error('empty file');
    if (!head.equals(OLE) && !/^\s*</.test(data.subarray(0, 64).toString('utf8'))) throw new Error('unknown format');
    return { wb: readLegacy(data), format: 'legacy', data };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw new WorkbookError('encrypted', path);
    throw new WorkbookError('unreadable', path, msg);
  }
}

/** Visible worksheets in workbook order. */
export function visibleSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
}
