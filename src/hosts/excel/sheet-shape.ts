/**
 * What of a sheet's shape decides how kaohe may write it (issue #20, defect 8): rows hidden by hand or by a filter,
 * which are never written silently, and tables (ListObjects), into whose columns a formula would become a calculated
 * column over rows kaohe skipped, and which Excel widens over what is written beside them. Read with the sheet: the
 * visible rows in the same round trip (ExcelApi 1.3), the tables' ranges in one more only where the sheet has tables.
 */
/* global Excel */
import { type Area, areaA1, type CellWrite, parseArea } from '../../engine';
import type { ValuesInTables } from '../host';

export interface SheetShape {
  /** Rows (1-based) of the used range that are hidden or filtered out. */
  hiddenRows: number[];
  /** Tables by name, each with its area, header row included. */
  tables: SheetTable[];
}

export interface SheetTable {
  /** Excel's id of the table: it stays when the user renames the table. */
  id: string;
  name: string;
  area: Area;
}

/** Queues the loads of a sheet's shape over its used range; after the sync, the function gives it. */
export function queueShape(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  used: Excel.Range,
  visibleView: boolean,
): () => Promise<SheetShape> {
  const view = visibleView ? used.getColumn(0).getVisibleView() : null;
  view?.load('cellAddresses');
  const tables = ws.tables;
  tables.load('items/name,items/id');
  return async () => {
    const ranges = tables.items.map((t) => {
      const r = t.getRange();
      r.load('address');
      return r;
    });
    if (ranges.length > 0) await ctx.sync();
    let hiddenRows: number[] = [];
    if (view) {
      const visible = new Set(view.cellAddresses.map((row) => rowOf(row[0] ?? '')));
      for (let r = used.rowIndex + 1; r <= used.rowIndex + used.rowCount; r++) if (!visible.has(r)) hiddenRows.push(r);
      if (hiddenRows.length === used.rowCount) hiddenRows = []; // an empty view: nothing to tell apart
    }
    const areas = ranges.flatMap((r, i) => {
      const area = parseArea(r.address.slice(r.address.lastIndexOf('!') + 1).replace(/\$/g, ''));
      return area ? [{ id: tables.items[i]!.id, name: tables.items[i]!.name, area }] : [];
    });
    return { hiddenRows, tables: areas };
  };
}

function rowOf(address: string): number {
  const m = /(\d+)$/.exec(address);
  return m ? Number(m[1]) : 0;
}

/** The rows among writes that are hidden: kaohe writes none of them without asking. */
export function hiddenWritten(writes: CellWrite[], shape: SheetShape | undefined): number[] {
  if (!shape || shape.hiddenRows.length === 0) return [];
  const hidden = new Set(shape.hiddenRows);
  return [...new Set(writes.filter((w) => hidden.has(w.row)).map((w) => w.row))].sort((a, b) => a - b);
}

/**
 * The writes as they go into a sheet with tables: a formula into a table's column is written as its value, so no
 * calculated column fills the rows kaohe skipped. That is every column the table will have once the writes are in:
 * Excel takes into a table what is written just right of it or just below it (AutoExpand), so new columns written
 * side by side next to a table all become its columns, the second once the first is in. Everything else as planned.
 */
export function besideTables(writes: CellWrite[], shape: SheetShape | undefined): { writes: CellWrite[]; asValues: ValuesInTables | null } {
  if (!shape || shape.tables.length === 0) return { writes, asValues: null };
  const tables = grownTables(writes, shape);
  const tableOf = (w: CellWrite) =>
    tables.find(({ grown: t }) => w.row >= t.top && w.row <= t.bottom && w.col >= t.left && w.col <= t.right);
  let cells = 0;
  const names = new Set<string>();
  const out = writes.map((w) => {
    const table = w.after.formula !== null ? tableOf(w) : undefined;
    if (!table) return w;
    cells++;
    names.add(table.name);
    return { ...w, after: { ...w.after, formula: null } };
  });
  return { writes: out, asValues: cells > 0 ? { cells, tables: [...names] } : null };
}

/**
 * The tables that Excel would widen or lengthen with these writes (AutoExpand), each with its area before and after.
 * kaohe resizes them back in the same request (ExcelApi 1.13), so the table stays as the user made it and an undo of
 * the cells is exact; below 1.13 it cannot, and does not write.
 */
export function tablesGrown(writes: CellWrite[], shape: SheetShape | undefined): (SheetTable & { grown: Area })[] {
  return grownTables(writes, shape).filter((t) => areaA1(t.grown) !== areaA1(t.area));
}

function grownTables(writes: CellWrite[], shape: SheetShape | undefined): (SheetTable & { grown: Area })[] {
  if (!shape || shape.tables.length === 0) return [];
  const filled = new Set(writes.filter((w) => !emptyWrite(w)).map((w) => `${w.row},${w.col}`));
  return shape.tables.map((t) => ({ ...t, grown: grown(t.area, filled) }));
}

function emptyWrite(w: CellWrite): boolean {
  return w.after.formula === null && (w.after.value === null || w.after.value === '');
}

/**
 * A table's area once the cells `filled` (`row,col`) are written: each written column just right of it, beside its
 * rows, and each written row just below it, under its columns, taken in.
 */
function grown(table: Area, filled: Set<string>): Area {
  let t = table;
  for (;;) {
    let right = false;
    for (let r = t.top; r <= t.bottom && !right; r++) right = filled.has(`${r},${t.right + 1}`);
    if (right) {
      t = { ...t, right: t.right + 1 };
      continue;
    }
    let below = false;
    for (let c = t.left; c <= t.right && !below; c++) below = filled.has(`${t.bottom + 1},${c}`);
    if (!below) return t;
    t = { ...t, bottom: t.bottom + 1 };
  }
}
