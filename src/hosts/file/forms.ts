/**
 * The summary forms (../../engine/annual/forms) as new worksheets, laid out for printing the
 * way a secretary hands them in: title across the table, bordered cells that wrap, widths set,
 * A4 landscape fitted to one page, the print area set. exceljs cannot write charts: the grade
 * distribution is written as a small table under the form (the add-in draws a native chart).
 */
import type ExcelJS from 'exceljs';
import type { Form } from '../../engine/annual/forms';
import { columnLetters } from '../../engine/grid';
import { displayWidth } from '../../engine/text';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FONT = 'SimSun';

/** A sheet name not yet used in the workbook: the form's, or with (2), (3)… */
export function freeSheetName(wb: ExcelJS.Workbook, name: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name));
  if (!taken.has(name)) return name;
  for (let i = 2; ; i++) if (!taken.has(`${name}(${i})`)) return `${name}(${i})`;
}

/** Adds the form as a new sheet; returns its name. */
export function addFormSheet(wb: ExcelJS.Workbook, form: Form): string {
  const name = freeSheetName(wb, form.sheet);
  const ws = wb.addWorksheet(name);
  const width = form.headers.length;
  form.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = form.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = form.subtitle;
  ws.getCell(2, 1).font = { name: FONT, size: 11 };

  const header = ws.getRow(3);
  form.headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT, size: 10, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = THIN;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  header.height = 42;

  const percent = new Set(form.percentColumns);
  form.rows.forEach((row, r) => {
    const line = ws.getRow(4 + r);
    line.height = rowHeight(row, form.widths);
    for (let i = 0; i < width; i++) {
      const c = line.getCell(i + 1);
      const v = row[i] ?? null;
      // Text that looks like a formula stays text: these cells are names and words.
      c.value = typeof v === 'string' && /^[=+\-@]/.test(v) ? { richText: [{ text: v }] } : v;
      c.font = { name: FONT, size: 10 };
      c.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof v === 'number' ? 'center' : 'left' };
      c.border = THIN;
      if (percent.has(i) && typeof v === 'number') c.numFmt = '0.0%';
    }
  });
  let next = 4 + form.rows.length + 1;
  for (const note of form.notes) {
    ws.mergeCells(next, 1, next, width);
    const c = ws.getCell(next, 1);
    c.value = note;
    c.font = { name: FONT, size: 10 };
    c.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(next).height = Math.max(15, 15 * Math.ceil(note.length / (totalWidth(form) * 0.9)));
    next++;
  }
  if (form.chart) next = addDistribution(ws, form.chart, next + 1);

  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printArea: `A1:${columnLetters(width)}${next - 1}`,
    printTitlesRow: '3:3',
  };
  return name;
}

function addDistribution(ws: ExcelJS.Worksheet, chart: NonNullable<Form['chart']>, top: number): number {
  ws.getCell(top, 1).value = chart.title;
  ws.getCell(top, 1).font = { name: FONT, size: 11, bold: true };
  const head = ws.getRow(top + 1);
  ['等次', ...chart.series.map((s) => s.name)].forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT, size: 10, bold: true };
    c.border = THIN;
    c.alignment = { horizontal: 'center' };
  });
  chart.categories.forEach((g, r) => {
    const line = ws.getRow(top + 2 + r);
    [g, ...chart.series.map((s) => s.values[r] ?? 0)].forEach((v, i) => {
      const c = line.getCell(i + 1);
      c.value = v;
      c.font = { name: FONT, size: 10 };
      c.border = THIN;
      c.alignment = { horizontal: 'center' };
    });
  });
  return top + 2 + chart.categories.length;
}

/**
 * exceljs writes no row heights and neither Excel nor LibreOffice grows a row for wrapped text
 * when opening a file: estimate the lines each cell wraps to (a CJK character is two columns wide).
 */
function rowHeight(row: Form['rows'][number], widths: number[]): number {
  let lines = 1;
  row.forEach((v, i) => {
    if (v === null) return;
    const text = typeof v === 'number' ? String(v) : v;
    lines = Math.max(lines, Math.ceil((displayWidth(text) + 1) / Math.max(1, (widths[i] ?? 8) - 1)));
  });
  return 14 * lines + 2;
}

function totalWidth(form: Form): number {
  return form.widths.reduce((a, b) => a + b, 0);
}
