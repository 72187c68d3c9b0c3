/**
 * A sheet's cells as the fast reader (./xlsx-direct) finds them in its XML, kept row by row in
 * the arrays its Grid will hold (no object per cell, no second pass over one), then that Grid:
 * the one gridOfRange (./sheet) makes from SheetJS's cells of the same sheet. Its used range
 * (cells holding a value or a formula, grown by merges, merges cut to it), the cells a merge
 * covers emptied, number formats of empty styled cells inside it, READ_LIMITS; tests compare the
 * two on examples, hand-written XML and fuzzed workbooks.
 */
import type { Area, CellValue, Grid } from '../../engine';
import { READ_LIMITS } from './limits';
import { eachCoveredCell, emptyGrid, finishGrid, textWithinLimit, usedRange, withinLimits } from './sheet';

/** How far right of a row's first cell its cells are kept in arrays: as wide as a used range may be. */
const SPAN = READ_LIMITS.columns;

type Far = [value: CellValue, formula: string | null, numFmt: string | null];

/**
 * One row's cells, from column `base` (its first cell's) on: each array packed (null where
 * nothing), and as long as its last cell holding something; formulas and number formats made
 * only when a cell has one. Cells left of `base` or SPAN right of it (a styled cell at XFD) are
 * kept by column in `far`: rare, and never worth arrays that long.
 */
class RowCells {
  values: CellValue[] = [];
  formulas: (string | null)[] | null = null;
  numFmts: (string | null)[] | null = null;
  far: Map<number, Far> | null = null;
  /** The last column written into the arrays: a cell right of it is new. */
  last: number;
  constructor(readonly base: number) {
    this.last = base - 1;
  }
}

/** Appends `x` at index i of a packed array no longer than i, nulls before it. */
function pushAt<T>(a: (T | null)[], i: number, x: T): void {
  while (a.length < i) a.push(null);
  a.push(x);
}

/** Writes `x` at index i (keeping the array packed); the array, made when there was none and x is not null. */
function setAt<T>(a: (T | null)[] | null, i: number, x: T | null): (T | null)[] | null {
  if (a && i < a.length) a[i] = x;
  else if (x !== null) pushAt((a ??= []), i, x);
  return a;
}

const held = <T>(a: (T | null)[] | null, i: number) => (a?.[i] ?? null) !== null;

/**
 * A row's array cut to the used range's columns, exactly `width` long and packed: the array
 * itself when the row starts at the range's left column (the usual case), else a copy.
 */
function fit<T>(a: (T | null)[] | null | undefined, base: number, left: number, width: number, nulls: null[]): (T | null)[] {
  if (!a || a.length === 0) return nulls.slice();
  const off = left - base;
  let out: (T | null)[];
  if (off === 0) {
    out = a;
    if (out.length > width) out.length = width;
  } else if (off > 0) out = a.slice(off, off + width);
  else {
    out = nulls.slice();
    for (let j = 0; j < a.length && j - off < width; j++) out[j - off] = a[j]!;
  }
  while (out.length < width) out.push(null);
  return out;
}

export class SheetCells {
  private rows: (RowCells | undefined)[] = [];
  private row: RowCells | undefined;
  private rowNumber = 0;
  // The cells holding a value or a formula span these, as they were read (numbers, not an Area a cell).
  private top = Infinity;
  private left = Infinity;
  private bottom = 0;
  private right = 0;
  /** A cell was written where one already was (the later one is the cell): the span is counted again. */
  private overwritten = false;
  private anyFormula = false;
  private longText = false;
  private readonly merges: Area[] = [];
  private readonly hidden = new Set<number>();

  /** The cells holding a value or a formula span this, as read (before a cell written twice is counted again). */
  get data(): Area | null {
    return this.bottom === 0 ? null : { top: this.top, left: this.left, bottom: this.bottom, right: this.right };
  }

  hide(row: number): void {
    this.hidden.add(row);
  }

  merge(area: Area): void {
    this.merges.push(area);
  }

  /**
   * The cell at 1-based (row, col), replacing whatever was there: its value, formula (with '=')
   * and number format, one of them not null.
   */
  put(r: number, c: number, value: CellValue, formula: string | null, numFmt: string | null): void {
    let row = this.row;
    if (r !== this.rowNumber || row === undefined) {
      row = this.rows[r - 1] ??= new RowCells(c);
      this.row = row;
      this.rowNumber = r;
    }
    const i = c - row.base;
    if (c > row.last && i < SPAN) {
      if (value !== null) pushAt(row.values, i, value);
      if (formula !== null) pushAt((row.formulas ??= []), i, formula);
      if (numFmt !== null) pushAt((row.numFmts ??= []), i, numFmt);
      row.last = c;
    } else this.putAgain(row, c, i, value, formula, numFmt);
    if (value !== null || formula !== null) {
      if (r < this.top) this.top = r;
      if (r > this.bottom) this.bottom = r;
      if (c < this.left) this.left = c;
      if (c > this.right) this.right = c;
    }
    if (formula !== null) this.anyFormula = true;
    if (typeof value === 'string' && value.length > READ_LIMITS.textLength) this.longText = true;
  }

  /** A cell left of the row's last one (written again, or out of order) or far from its first. */
  private putAgain(row: RowCells, c: number, i: number, value: CellValue, formula: string | null, numFmt: string | null): void {
    if (i < 0 || i >= SPAN) {
      const far = (row.far ??= new Map());
      if (far.has(c)) this.overwritten = true;
      far.set(c, [value, formula, numFmt]);
      return;
    }
    if (held(row.values, i) || held(row.formulas, i) || held(row.numFmts, i)) this.overwritten = true;
    setAt(row.values, i, value);
    row.formulas = setAt(row.formulas, i, formula);
    row.numFmts = setAt(row.numFmts, i, numFmt);
    if (c > row.last) row.last = c;
  }

  /** The span of the cells holding a value or a formula, counted on the cells as they are now. */
  private recount(): Area | null {
    let [top, left, bottom, right] = [Infinity, Infinity, 0, 0];
    const span = (r: number, c: number) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    this.rows.forEach((row, k) => {
      if (!row) return;
      const n = Math.max(row.values.length, row.formulas?.length ?? 0);
      for (let i = 0; i < n; i++) if (held(row.values, i) || held(row.formulas, i)) span(k + 1, row.base + i);
      row.far?.forEach(([v, f], c) => (v !== null || f !== null) && span(k + 1, c));
    });
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /**
   * The sheet's Grid, made once: its rows are the arrays read (cut or grown to the range), let go
   * of here as they become the Grid's. Refuses a range over READ_LIMITS before building it, and a
   * text over READ_LIMITS.textLength naming its cell, as gridOfRange does.
   */
  grid(sheet: string): Grid {
    const used = usedRange(this.overwritten ? this.recount() : this.data, this.merges);
    if (!used.area) return emptyGrid(sheet);
    const { area, merges } = used;
    withinLimits(sheet, area);
    const { top, left } = area;
    const width = area.right - left + 1;
    const nulls: null[] = [];
    for (let c = 0; c < width; c++) nulls.push(null);
    const values: CellValue[][] = [];
    const numFmts: (string | null)[][] = [];
    const formulas: (string | null)[][] | null = this.anyFormula ? [] : null;
    for (let r = top; r <= area.bottom; r++) {
      const row = this.rows[r - 1];
      this.rows[r - 1] = undefined;
      const base = row?.base ?? left;
      const vs = fit(row?.values, base, left, width, nulls);
      const ns = fit(row?.numFmts, base, left, width, nulls);
      const fs = formulas && fit(row?.formulas, base, left, width, nulls);
      row?.far?.forEach(([v, f, z], c) => {
        if (c < left || c > area.right) return;
        vs[c - left] = v;
        ns[c - left] = z;
        if (fs) fs[c - left] = f;
      });
      values.push(vs);
      numFmts.push(ns);
      formulas?.push(fs!);
    }
    this.rows = [];
    this.row = undefined;
    eachCoveredCell(merges, (r, c) => {
      values[r - top]![c - left] = null;
      numFmts[r - top]![c - left] = null;
      if (formulas) formulas[r - top]![c - left] = null;
    });
    if (this.longText)
      values.forEach((vs, i) => {
        for (let j = 0; j < width; j++) textWithinLimit(sheet, vs[j]!, top + i, left + j);
      });
    const hiddenRows: number[] = [];
    if (this.hidden.size > 0) for (let r = top; r <= area.bottom; r++) if (this.hidden.has(r)) hiddenRows.push(r);
    // A formula a merge covers is no formula of the Grid's.
    const anyFormula = formulas !== null && formulas.some((fs) => fs.some((f) => f !== null));
    return finishGrid(sheet, area, merges, values, numFmts, anyFormula ? formulas : null, hiddenRows);
  }
}
