/**
 * The preview's workbook: what the in-browser Excel host reads and writes, and what the grid
 * view draws. Loaded from an .xlsx with exceljs; counts the round trips the task pane makes.
 */
import type ExcelJS from 'exceljs';
import { a1, type Area, type CellValue, type Grid, parseA1, parseArea } from '../engine';
import { worksheetToGrid } from '../hosts/file/sheet';
import { evaluateFormula, Unsupported } from './formula';

export interface PreviewCell {
  value: CellValue;
  formula: string | null;
  numFmt: string | null;
  fill: string | null;
  note: string | null;
  /** Written by the task pane since the workbook was loaded. */
  written: boolean;
  /** Formatting the add-in set (font.bold, horizontalAlignment, border.EdgeTop …), by Office.js property path. */
  format?: Record<string, unknown>;
}

/** A chart the add-in added (Excel draws it; the preview lists it). */
export interface PreviewChart {
  type: string;
  /** The data range, A1. */
  source: string;
  seriesBy: string;
  title: string;
  legend: string | null;
  /** Where it sits: top-left and bottom-right cells, A1. */
  from: string | null;
  to: string | null;
}

export interface PreviewSheet {
  id: string;
  name: string;
  cells: Map<string, PreviewCell>;
  merges: Area[];
  protected: boolean;
  /** Cells unlocked for editing ("row,col"): a protected sheet lets these, and only these, be written. */
  unlocked?: Set<string>;
  /** Cells with a threaded comment ("row,col"): a note cannot be added to them. */
  comments?: Set<string>;
  /** Rows hidden by hand or by a filter. */
  hiddenRows?: Set<number>;
  /** Tables (ListObjects): each area includes its header row. A formula into an empty column of one fills the column. */
  tables?: { name: string; area: Area; id?: string }[];
  /** Areas with a conditional format, which shows over a cell's own fill. */
  conditionalFormats?: Area[];
  hidden?: boolean;
  /** Hidden so that only code shows it again (WPS's and Excel's xlSheetVeryHidden). */
  veryHidden?: boolean;
  charts: PreviewChart[];
  /** Page layout the add-in set (orientation, paperSize, zoom, printArea, printTitleRows …). */
  page: Record<string, unknown>;
  /** Column widths and row heights the add-in set, in points. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
}

/** An empty sheet, as worksheets.add makes it. */
export function emptySheet(id: string, name: string): PreviewSheet {
  return { id, name, cells: new Map(), merges: [], protected: false, charts: [], page: {}, columnWidths: new Map(), rowHeights: new Map() };
}

export interface ChangeEvent {
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local';
  triggerSource: 'ThisLocalAddin' | 'Unknown';
}

export interface ActivationEvent {
  worksheetId: string;
  type: 'WorksheetActivated';
}

const key = (row: number, col: number): string => `${row},${col}`;

export function emptyCell(): PreviewCell {
  return { value: null, formula: null, numFmt: null, fill: null, note: null, written: false };
}

function argbToHex(argb: string | undefined): string | null {
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

function sheetFromGrid(
  grid: Grid,
  index: number,
  protectedSheet: boolean,
  decoration: (row: number, col: number) => { fill: string | null; note: string | null },
): PreviewSheet {
  const cells = new Map<string, PreviewCell>();
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = grid.formulas?.[r]?.[c] ?? null;
      const numFmt = grid.numFmts?.[r]?.[c] ?? null;
      const { fill, note } = decoration(grid.top + r, grid.left + c);
      if (value === null && formula === null && fill === null && !note) return;
      cells.set(key(grid.top + r, grid.left + c), {
        value,
        formula,
        numFmt: numFmt === 'General' ? null : numFmt,
        fill,
        note,
        written: false,
      });
    }),
  );
  const sheet: PreviewSheet = { ...emptySheet(`sheet-${index + 1}`, grid.sheet), cells, merges: grid.merges, protected: protectedSheet };
  if (grid.hiddenRows?.length) sheet.hiddenRows = new Set(grid.hiddenRows);
  return sheet;
}

export class PreviewWorkbook {
  sheets: PreviewSheet[] = [];
  active = 0;
  selection: { sheet: string; cell: string } | null = null;
  settings = new Map<string, string>();
  roundTrips = 0;
  /**
   * Bytes a single request or response may carry, as Excel on the web's 5 MB limit
   * (PayloadSizeLimitExceeded); null for none (desktop Excel). Sizes are the JSON length.
   */
  payloadLimit: number | null = null;
  /** Change handlers the add-in registered: the workbook's (worksheets.onChanged, sheet null) or one sheet's (worksheet.onChanged). */
  readonly changeHandlers: { sheet: string | null; handler: (e: ChangeEvent) => Promise<void> }[] = [];
  /** Activation handlers the add-in registered (worksheets.onActivated). */
  readonly activationHandlers: ((e: ActivationEvent) => Promise<void>)[] = [];
  private readonly renderers = new Set<() => void>();
  /** Used areas found since each sheet's last change (every change goes through touch). */
  private readonly usedAreas = new Map<PreviewSheet, Area>();
  private readonly valueAreas = new Map<PreviewSheet, Area>();

  static fromExcelJs(wb: ExcelJS.Workbook): PreviewWorkbook {
    const book = new PreviewWorkbook();
    wb.worksheets.forEach((ws, i) => {
      const grid = worksheetToGrid(ws);
      const protectedSheet = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
      book.sheets.push({
        ...sheetFromGrid(grid, i, protectedSheet, (row, col) => {
          const src = ws.getCell(row, col);
          const fill =
            src.fill && src.fill.type === 'pattern' ? argbToHex((src.fill.fgColor as { argb?: string } | undefined)?.argb) : null;
          const note = src.note ? (typeof src.note === 'string' ? src.note : src.note.texts?.map((t) => t.text).join('')) : null;
          return { fill, note: note || null };
        }),
        hidden: ws.state !== 'visible',
        ...tablesOf(ws),
      });
    });
    return book;
  }

  /** A workbook of grids built in code (tests, benchmarks): values, formulas, formats and merges. */
  static fromGrids(grids: Grid[]): PreviewWorkbook {
    const book = new PreviewWorkbook();
    grids.forEach((g, i) => book.sheets.push(sheetFromGrid(g, i, false, () => ({ fill: null, note: null }))));
    return book;
  }

  /**
   * The workbook as text, as a saved file holds it: its sheets (cells, merges, what the add-in set) and the add-in's
   * settings. The preview keeps it across a reload of the page, so that reloading is reopening the same workbook.
   */
  save(): string {
    const sheets = this.sheets.map((sh) => ({
      ...sh,
      cells: [...sh.cells],
      columnWidths: [...sh.columnWidths],
      rowHeights: [...sh.rowHeights],
    }));
    return JSON.stringify({ sheets, active: this.active, settings: [...this.settings] });
  }

  /** A workbook saved by save(), as it was then (what was written by the add-in still marked so). */
  static reopen(text: string): PreviewWorkbook {
    type Saved = Omit<PreviewSheet, 'cells' | 'columnWidths' | 'rowHeights'> & {
      cells: [string, PreviewCell][];
      columnWidths: [number, number][];
      rowHeights: [number, number][];
    };
    const saved = JSON.parse(text) as { sheets: Saved[]; active: number; settings: [string, string][] };
    const book = new PreviewWorkbook();
    book.sheets = saved.sheets.map((sh) => ({
      ...sh,
      cells: new Map(sh.cells),
      columnWidths: new Map(sh.columnWidths),
      rowHeights: new Map(sh.rowHeights),
    }));
    book.active = Math.min(saved.active, book.sheets.length - 1);
    book.settings = new Map(saved.settings);
    return book;
  }

  /** A sheet by position, or by name (any case, as Excel) or id. */
  sheet(key: string | number): PreviewSheet | undefined {
    if (typeof key === 'number') return this.sheets[key];
    return this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase() || s.id === key);
  }

  /** worksheets.add: a new empty sheet at the end; Excel refuses a name already taken. */
  addSheet(name: string): PreviewSheet {
    if (this.sheet(name)) throw new Error(`A sheet named ${name} already exists`);
    const next = Math.max(0, ...this.sheets.map((s) => Number(/^sheet-(\d+)$/.exec(s.id)?.[1] ?? 0))) + 1;
    const s = emptySheet(`sheet-${next}`, name);
    this.sheets.push(s);
    return s;
  }

  /** worksheet.delete: the active sheet stays the one it was, or the nearest one when it was this (and the add-in hears of it). */
  deleteSheet(s: PreviewSheet): void {
    const i = this.sheets.indexOf(s);
    if (i < 0) return;
    const active = this.activeSheet();
    this.sheets.splice(i, 1);
    if (active !== s) this.active = this.sheets.indexOf(active);
    else void this.activate(Math.max(0, Math.min(i, this.sheets.length) - 1), true);
  }

  /**
   * Makes a sheet the active one, as clicking its tab or worksheet.activate() does; the add-in's handlers hear of it
   * when it is another sheet (`moved`: the active one was deleted, so this is another though the index is the same).
   */
  async activate(index: number, moved = false): Promise<void> {
    if (index === this.active && !moved) return;
    this.active = index;
    const id = this.activeSheet().id;
    this.render();
    for (const h of [...this.activationHandlers]) await h({ worksheetId: id, type: 'WorksheetActivated' });
  }

  /** Tells the change handlers of the workbook and of the sheet changed. */
  async raiseChanged(e: ChangeEvent): Promise<void> {
    for (const { sheet, handler } of [...this.changeHandlers]) if (sheet === null || sheet === e.worksheetId) await handler(e);
  }

  activeSheet(): PreviewSheet {
    return this.sheets[this.active]!;
  }

  cell(s: PreviewSheet, row: number, col: number): PreviewCell | undefined {
    return s.cells.get(key(row, col));
  }

  /** The cell to change, created when empty. */
  touch(s: PreviewSheet, row: number, col: number): PreviewCell {
    this.usedAreas.delete(s);
    this.valueAreas.delete(s);
    let c = s.cells.get(key(row, col));
    if (!c) {
      c = emptyCell();
      s.cells.set(key(row, col), c);
    }
    return c;
  }

  /**
   * The smallest rectangle holding every non-empty cell (A1 when the sheet is empty), as Excel's used range: cells with
   * only a format (a fill, a number format, a merge) count too, unless `valuesOnly` (getUsedRange(true)).
   */
  usedArea(s: PreviewSheet, valuesOnly = false): Area {
    const cache = valuesOnly ? this.valueAreas : this.usedAreas;
    let area = cache.get(s);
    if (!area) cache.set(s, (area = this.findUsedArea(s, valuesOnly)));
    return area;
  }

  private findUsedArea(s: PreviewSheet, valuesOnly: boolean): Area {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [k, c] of s.cells) {
      if (c.value === null && c.formula === null && (valuesOnly || (c.fill === null && c.numFmt === null))) continue;
      const [r, col] = k.split(',').map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    for (const m of valuesOnly ? [] : s.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    return bottom === 0 ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
  }

  /** Recalculates every formula the evaluator knows; the others keep the value the file had cached. */
  recalc(s: PreviewSheet): void {
    for (let pass = 0; pass < 4; pass++) {
      let changed = false;
      for (const c of s.cells.values()) {
        if (!c.formula) continue;
        try {
          const v = evaluateFormula(c.formula, (r, col) => this.cell(s, r, col)?.value ?? null);
          if (JSON.stringify(v) !== JSON.stringify(c.value)) {
            c.value = v;
            changed = true;
          }
        } catch (e) {
          if (!(e instanceof Unsupported)) throw e;
        }
      }
      if (!changed) break;
    }
  }

  onRender(fn: () => void): () => void {
    this.renderers.add(fn);
    return () => this.renderers.delete(fn);
  }

  render(): void {
    for (const fn of this.renderers) fn();
  }

  /** Someone edits a cell by hand (as in Excel): the task pane hears of it. */
  async userEdit(sheetName: string, cell: string, value: CellValue): Promise<void> {
    const s = this.sheet(sheetName)!;
    const a = parseA1(cell)!;
    const c = this.touch(s, a.row, a.col);
    c.value = value;
    c.formula = null;
    this.recalc(s);
    this.render();
    await this.raiseChanged({
      worksheetId: s.id,
      address: a1(a.row, a.col),
      changeType: 'RangeEdited',
      source: 'Local',
      triggerSource: 'Unknown',
    });
  }
}

/** A worksheet's tables (ListObjects) as exceljs reads them: name and range, header row included. */
function tablesOf(ws: ExcelJS.Worksheet): Pick<PreviewSheet, 'tables'> {
  // exceljs types getTables() wrongly; each item is a Table whose model holds the range read from the file.
  const read = ws.getTables() as unknown as { name: string; table?: { tableRef?: string } }[];
  const tables = read.flatMap((t) => {
    const area = t.table?.tableRef ? parseArea(t.table.tableRef) : null;
    return area ? [{ name: t.name, area }] : [];
  });
  return tables.length > 0 ? { tables } : {};
}
