/**
 * The summary forms as new worksheets through Office.js, painted from their layout
 * (../../engine/annual/layout) as the file host paints it with exceljs, plus what only Excel
 * can do: a native chart of the grade distribution beside its table. Everything is queued on
 * the caller's context; the caller syncs once.
 */
/* global Excel */
import { type Area, areaA1, FORM_FONT, FORM_STYLES, type FormLayout } from '../../engine';
import { textInput } from '../text-typing';

/** Points per character of column width (Calibri 11: 7 px a character and 5 px padding, at 0.75 pt a pixel). */
const columnPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

function rangeOf(ws: Excel.Worksheet, a: Area): Excel.Range {
  return ws.getRangeByIndexes(a.top - 1, a.left - 1, a.bottom - a.top + 1, a.right - a.left + 1);
}

/** Queues the painting of a form on a new, empty worksheet. `pageLayout`: ExcelApi 1.9 (A4, fit to page, print area). */
export function paintForm(ws: Excel.Worksheet, layout: FormLayout, pageLayout: boolean): void {
  const all: Area = { top: 1, left: 1, bottom: layout.values.length, right: layout.width };
  const range = rangeOf(ws, all);
  // Text is written by the one escaping rule (../text-typing): names and words stay text, never formulas, numbers or dates.
  range.values = layout.values.map((row) => row.map((v) => (v === null ? '' : typeof v === 'string' ? textInput(v) : v)));
  range.format.font.name = FORM_FONT;
  range.format.font.size = 10;
  layout.columnWidths.forEach(
    (w, i) => (rangeOf(ws, { top: 1, left: i + 1, bottom: 1, right: i + 1 }).format.columnWidth = columnPoints(w)),
  );
  layout.rowHeights.forEach((h, r) => (rangeOf(ws, { top: r + 1, left: 1, bottom: r + 1, right: 1 }).format.rowHeight = h));

  for (const { area, style } of layout.styles) {
    const spec = FORM_STYLES[style];
    const f = rangeOf(ws, area).format;
    if (spec.size !== 10) f.font.size = spec.size;
    if (spec.bold) f.font.bold = true;
    f.horizontalAlignment = spec.horizontal === 'center' ? 'Center' : 'Left';
    f.verticalAlignment = spec.vertical === 'middle' ? 'Center' : 'Top';
    if (spec.wrap) f.wrapText = true;
    if (spec.fill) f.fill.color = spec.fill;
    if (spec.border) {
      for (const edge of EDGES) {
        // A one-row or one-column area has no inside lines to draw.
        if (edge === 'InsideHorizontal' && area.top === area.bottom) continue;
        if (edge === 'InsideVertical' && area.left === area.right) continue;
        const b = f.borders.getItem(edge);
        b.style = 'Continuous';
        b.weight = 'Thin';
      }
    }
  }
  for (const area of layout.percent) {
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    rangeOf(ws, area).numberFormat = Array.from({ length: rows }, () => Array<string>(cols).fill('0.0%'));
  }
  for (const m of layout.merges) rangeOf(ws, m).merge(false);

  let print = layout.printArea;
  if (layout.chart) {
    const { title, data, anchor } = layout.chart;
    const chart = ws.charts.add('ColumnClustered', rangeOf(ws, data), 'Columns');
    chart.title.text = title;
    chart.legend.position = 'Bottom';
    chart.setPosition(
      rangeOf(ws, { ...anchor, bottom: anchor.top, right: anchor.left }),
      rangeOf(ws, { ...anchor, top: anchor.bottom, left: anchor.right }),
    );
    print = { ...print, bottom: Math.max(print.bottom, anchor.bottom), right: Math.max(print.right, anchor.right) };
  }
  if (pageLayout) {
    const p = ws.pageLayout;
    p.orientation = 'Landscape';
    p.paperSize = 'A4';
    p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
    p.centerHorizontally = true;
    p.leftMargin = 36;
    p.rightMargin = 36;
    p.topMargin = 43;
    p.bottomMargin = 43;
    p.setPrintArea(areaA1(print));
    p.setPrintTitleRows(`$${layout.printTitleRows.top}:$${layout.printTitleRows.bottom}`);
  }
}
