/** Whether two readers made the same Grid of a sheet, as far as the engine can tell. */
import { type Grid, isDateFormat } from '../../src/engine';

/**
 * The Grid as the engine sees it: exact values (dates to the millisecond: exceljs passes them
 * through a Date), formulas, merges, hidden rows; of a number format, only whether it is a date
 * (the one thing the engine asks of it; SheetJS and exceljs name built-in formats differently).
 */
export function engineView(g: Grid): unknown {
  return {
    sheet: g.sheet,
    top: g.top,
    left: g.left,
    values: g.values.map((row, i) =>
      row.map((v, j) => (typeof v === 'number' && isDateFormat(g.numFmts?.[i]?.[j] ?? null) ? Math.round(v * 86400000) : v)),
    ),
    formulas: g.formulas?.map((row) => row.map((f) => f ?? null)) ?? null,
    dates: g.values.map((row, i) => row.map((_v, j) => isDateFormat(g.numFmts?.[i]?.[j] ?? null))),
    merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    hiddenRows: g.hiddenRows ?? [],
  };
}
