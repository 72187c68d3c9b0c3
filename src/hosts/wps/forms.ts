/**
 * The summary forms as new sheets through WPS's object model, painted from their layout (../../engine/annual/layout)
 * as the Excel host paints them: values as text where they look like formulas, font, widths, heights, styles,
 * borders, percentages, merges, and A4 landscape fitted to one page. No chart: the distribution table is there to
 * chart by hand (docs/wps.md). Each style is one range write, whatever the form's size.
 */
import { type Area, areaA1, FORM_FONT, FORM_STYLES, type FormLayout, looksLikeFormula } from '../../engine';
import { bgr, type EtRange, type EtWorksheet, XL_CENTER, XL_CONTINUOUS, XL_LANDSCAPE, XL_LEFT, XL_PAPER_A4, XL_THIN, XL_TOP } from './et';

function rangeOf(ws: EtWorksheet, a: Area): EtRange {
  return ws.Range(areaA1(a));
}

export function paintForm(ws: EtWorksheet, layout: FormLayout): void {
  const all = rangeOf(ws, { top: 1, left: 1, bottom: layout.values.length, right: layout.width });
  // Text that looks like a formula is written with the text prefix: names and words, never formulas.
  all.Formula = layout.values.map((row) => row.map((v) => (v === null ? '' : looksLikeFormula(v) ? `'${v}` : v)));
  const font = all.Font;
  font.Name = FORM_FONT;
  font.Size = 10;
  layout.columnWidths.forEach((w, i) => (rangeOf(ws, { top: 1, left: i + 1, bottom: 1, right: i + 1 }).ColumnWidth = w));
  layout.rowHeights.forEach((h, r) => (rangeOf(ws, { top: r + 1, left: 1, bottom: r + 1, right: 1 }).RowHeight = h));
  for (const { area, style } of layout.styles) {
    const spec = FORM_STYLES[style];
    const r = rangeOf(ws, area);
    if (spec.size !== 10) r.Font.Size = spec.size;
    if (spec.bold) r.Font.Bold = true;
    r.HorizontalAlignment = spec.horizontal === 'center' ? XL_CENTER : XL_LEFT;
    r.VerticalAlignment = spec.vertical === 'middle' ? XL_CENTER : XL_TOP;
    if (spec.wrap) r.WrapText = true;
    if (spec.fill) r.Interior.Color = bgr(spec.fill);
    if (spec.border) {
      const b = r.Borders;
      b.LineStyle = XL_CONTINUOUS;
      b.Weight = XL_THIN;
    }
  }
  for (const area of layout.percent) rangeOf(ws, area).NumberFormat = '0.0%';
  for (const m of layout.merges) rangeOf(ws, m).Merge();
  const p = ws.PageSetup;
  p.Orientation = XL_LANDSCAPE;
  p.PaperSize = XL_PAPER_A4;
  p.Zoom = false;
  p.FitToPagesWide = 1;
  p.FitToPagesTall = 1;
  p.CenterHorizontally = true;
  p.PrintArea = areaA1(layout.printArea);
  p.PrintTitleRows = `$${layout.printTitleRows.top}:$${layout.printTitleRows.bottom}`;
}
