/**
 * The preview's workbook: what the in-browser Excel host reads and writes, and what the grid
 * view draws. Loaded from an .xlsx with exceljs; counts the round trips the task pane makes.
 */
import type ExcelJS from 'exceljs';
import { a1, parseA1, type Area, type CellValue, type Grid } from '../engine/grid';
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
}

export interface PreviewSheet {
  id: string;
  name: string;
  cells: Map<string, PreviewCell>;
  merges: Area[];
  protected: boolean;
}

export interface ChangeEvent {
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local';
  triggerSource: 'ThisLocalAddin' | 'Unknown';
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
  return { id: `sheet-${index + 1}`, name: grid.sheet, cells, merges: grid.merges, protected: protectedSheet };
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
  /** Change handlers the task pane registered (worksheets.onChanged). */
  readonly changeHandlers: ((e: ChangeEvent) => Promise<void>)[] = [];
  private readonly renderers = new Set<() => void>();
  /** Used areas found since each sheet's last change (every change goes through touch). */
  private readonly usedAreas = new Map<PreviewSheet, Area>();

  static fromExcelJs(wb: ExcelJS.Workbook): PreviewWorkbook {
    const book = new PreviewWorkbook();
    wb.worksheets.forEach((ws, i) => {
      const grid = worksheetToGrid(ws);
      const protectedSheet = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
      book.sheets.push(
        sheetFromGrid(grid, i, protectedSheet, (row, col) => {
          const src = ws.getCell(row, col);
          const fill =
            src.fill && src.fill.type === 'pattern' ? argbToHex((src.fill.fgColor as { argb?: string } | undefined)?.argb) : null;
          const note = src.note ? (typeof src.note === 'string' ? src.note : src.note.texts?.map((t) => t.text).join('')) : null;
          return { fill, note: note || null };
        }),
      );
    });
    return book;
  }

  /** A workbook of grids built in code (tests, benchmarks): values, formulas, formats and merges. */
  static fromGrids(grids: Grid[]): PreviewWorkbook {
    const book = new PreviewWorkbook();
    grids.forEach((g, i) => book.sheets.push(sheetFromGrid(g, i, false, () => ({ fill: null, note: null }))));
    return book;
  }

  sheet(nameOrIndex: string | number): PreviewSheet | undefined {
    return typeof nameOrIndex === 'number' ? this.sheets[nameOrIndex] : this.sheets.find((s) => s.name === nameOrIndex);
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
    let c = s.cells.get(key(row, col));
    if (!c) {
      c = emptyCell();
      s.cells.set(key(row, col), c);
    }
    return c;
  }

  /** The smallest rectangle holding every non-empty cell (A1 when the sheet is empty), as Excel's used range. */
  usedArea(s: PreviewSheet): Area {
    let area = this.usedAreas.get(s);
    if (!area) this.usedAreas.set(s, (area = this.findUsedArea(s)));
    return area;
  }

  private findUsedArea(s: PreviewSheet): Area {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [k, c] of s.cells) {
      if (c.value === null && c.formula === null && c.fill === null && c.numFmt === null) continue;
      const [r, col] = k.split(',').map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    for (const m of s.merges) {
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
    for (const h of this.changeHandlers)
      await h({ worksheetId: s.id, address: a1(a.row, a.col), changeType: 'RangeEdited', source: 'Local', triggerSource: 'Unknown' });
  }
}
