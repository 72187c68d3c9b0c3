/**
 * The summary forms as new worksheets with exceljs, painted from their layout
 * (../../engine/annual/layout): title, bordered cells that wrap, widths and heights, A4
 * landscape fitted to one page, the print area. exceljs cannot write charts: the grade
 * distribution stays a table under the form (the add-in draws a native chart beside it).
 */
import type ExcelJS from 'exceljs';
import { type Area, areaA1, type Form, FORM_FONT, FORM_STYLES, formLayout, freeSheetName, looksLikeFormula } from '../../engine';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function eachCell(area: Area, fn: (row: number, col: number) => void): void {
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) fn(r, c);
}

/** Adds the form as a new sheet; returns its name. */
export function addFormSheet(wb: ExcelJS.Workbook, form: Form): string {
  const layout = formLayout(form);
  const name = freeSheetName(
    wb.worksheets.map((w) => w.name),
    layout.sheet,
  );
  const ws = wb.addWorksheet(name);
  layout.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  layout.values.forEach((row, r) => {
    ws.getRow(r + 1).height = layout.rowHeights[r]!;
    row.forEach((v, c) => {
      // Text that looks like a formula stays text.
      if (v !== null) ws.getCell(r + 1, c + 1).value = looksLikeFormula(v) ? { richText: [{ text: v }] } : v;
    });
  });
  for (const { area, style } of layout.styles) {
    const spec = FORM_STYLES[style];
    eachCell(area, (r, c) => {
      const cell = ws.getCell(r, c);
      cell.font = { name: FORM_FONT, size: spec.size, bold: spec.bold };
      cell.alignment = { horizontal: spec.horizontal, vertical: spec.vertical, wrapText: spec.wrap };
      if (spec.border) cell.border = THIN;
      if (spec.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${spec.fill.slice(1)}` } };
    });
  }
  for (const area of layout.percent) eachCell(area, (r, c) => (ws.getCell(r, c).numFmt = '0.0%'));
  for (const m of layout.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);

  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printArea: areaA1(layout.printArea),
    printTitlesRow: `${layout.printTitleRows.top}:${layout.printTitleRows.bottom}`,
  };
  return name;
}
