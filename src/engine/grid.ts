/**
 * The Grid: one sheet's used range as plain values, the only thing a host hands the engine.
 * Hosts (Excel, xlsx files, tests) translate their cells into this shape; nothing here
 * knows where the values came from.
 */

/** An Excel error value such as #N/A or #DIV/0!. */
export interface CellError {
  error: string;
}

/** A raw cell value. Dates arrive as Excel serial numbers; their number format tells them apart. */
export type CellValue = number | string | boolean | null | CellError;

/** A rectangle of cells, 1-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet name as the workbook shows it. */
  sheet: string;
  /** 1-based row and column of values[0][0]. */
  top: number;
  left: number;
  /** values[r][c] is the cell at row top+r, column left+c. Rows may be shorter than others. */
  values: CellValue[][];
  /** Formulas (with the leading '='), same shape as values; null where a cell holds a constant. */
  formulas?: (string | null)[][];
  /** Number formats, same shape as values; null or 'General' where none is set. */
  numFmts?: (string | null)[][];
  /** Merged areas, absolute 1-based. */
  merges: Area[];
  /** 1-based row numbers hidden in the sheet, by hand or by a filter: checked, never written (plan/plan.ts). */
  hiddenRows?: number[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to column number: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of a 1-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Parses "B7" or "$B$7" into a 1-based row and column; null if it is not an address. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]!) };
}

/** Parses "A1:C3" (or a single cell) into an Area. */
export function parseArea(ref: string): Area | null {
  const [a, b] = ref.split(':');
  const p = a ? parseA1(a) : null;
  const q = b ? parseA1(b) : p;
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function areaA1(area: Area): string {
  const tl = a1(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? tl : `${tl}:${a1(area.bottom, area.right)}`;
}

/** Read access to a grid by absolute 1-based coordinates. */
export class GridView {
  readonly bottom: number;
  readonly right: number;
  /** For each cell covered by a merge, the merge (keyed by row × 16384 + column, Excel's column limit). */
  private readonly mergeOrigin = new Map<number, { row: number; col: number; area: Area }>();
  private readonly hidden: Set<number>;

  constructor(readonly grid: Grid) {
    let width = 0;
    for (const r of grid.values) width = Math.max(width, r.length);
    this.bottom = grid.top + grid.values.length - 1;
    this.hidden = new Set(grid.hiddenRows ?? []);
    this.right = grid.left + width - 1;
    for (const m of grid.merges) {
      // Merges far outside the used range (whole-column merges) are clipped to it.
      const bottom = Math.min(m.bottom, this.bottom);
      const right = Math.min(m.right, this.right);
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= right; c++) {
          this.mergeOrigin.set(r * 16384 + c, { row: m.top, col: m.left, area: m });
        }
      }
    }
  }

  get top(): number {
    return this.grid.top;
  }

  get left(): number {
    return this.grid.left;
  }

  value(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.grid.top];
    if (!r) return null;
    const v = r[col - this.grid.left];
    return v === undefined ? null : v;
  }

  formula(row: number, col: number): string | null {
    return this.grid.formulas?.[row - this.grid.top]?.[col - this.grid.left] ?? null;
  }

  numFmt(row: number, col: number): string | null {
    return this.grid.numFmts?.[row - this.grid.top]?.[col - this.grid.left] ?? null;
  }

  /** The merged area a cell belongs to, if any. */
  merge(row: number, col: number): Area | null {
    return this.mergeOrigin.size === 0 ? null : (this.mergeOrigin.get(row * 16384 + col)?.area ?? null);
  }

  /** The value shown in a cell, looking through merges to their top-left cell. */
  shown(row: number, col: number): CellValue {
    const o = this.mergeOrigin.size === 0 ? undefined : this.mergeOrigin.get(row * 16384 + col);
    return o ? this.value(o.row, o.col) : this.value(row, col);
  }

  /** True when the cell is covered by a merge but is not its top-left cell. */
  isMergeTail(row: number, col: number): boolean {
    if (this.mergeOrigin.size === 0) return false;
    const o = this.mergeOrigin.get(row * 16384 + col);
    return !!o && (o.row !== row || o.col !== col);
  }

  /** True when the row is hidden in the sheet, by hand or by a filter. */
  isHidden(row: number): boolean {
    return this.hidden.has(row);
  }

  /** True when some row of the sheet is hidden. */
  get anyHidden(): boolean {
    return this.hidden.size > 0;
  }
}
