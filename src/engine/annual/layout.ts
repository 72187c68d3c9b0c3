/**
 * Where each part of a summary form goes on its sheet, decided once for every host: the title
 * and subtitle across the table, the bordered table, the notes, the grade distribution with
 * room for a chart beside it, widths, heights, the print area. The file host (exceljs) and the
 * add-in (Office.js) only paint this; neither decides the layout.
 */
import type { Area } from '../grid';
import { displayWidth } from '../text';
import type { Form, FormCell } from './forms';

export type FormStyle = 'title' | 'subtitle' | 'header' | 'text' | 'number' | 'note' | 'chartTitle' | 'chartHeader' | 'chartBody';

export interface StyleSpec {
  /** Font size in points (the font is SimSun, as government forms are printed). */
  size: number;
  bold: boolean;
  border: boolean;
  /** Fill colour, #RRGGBB. */
  fill: string | null;
  horizontal: 'left' | 'center';
  vertical: 'top' | 'middle';
  wrap: boolean;
}

const base: StyleSpec = { size: 10, bold: false, border: false, fill: null, horizontal: 'left', vertical: 'middle', wrap: false };

export const FORM_FONT = 'SimSun';

export const FORM_STYLES: Record<FormStyle, StyleSpec> = {
  title: { ...base, size: 16, bold: true, horizontal: 'center' },
  subtitle: { ...base, size: 11 },
  header: { ...base, bold: true, border: true, fill: '#F2F2F2', horizontal: 'center', wrap: true },
  text: { ...base, border: true, wrap: true },
  number: { ...base, border: true, horizontal: 'center', wrap: true },
  note: { ...base, vertical: 'top', wrap: true },
  chartTitle: { ...base, size: 11, bold: true },
  chartHeader: { ...base, bold: true, border: true, horizontal: 'center' },
  chartBody: { ...base, border: true, horizontal: 'center' },
};

export interface FormLayout {
  /** The sheet name the form asks for (a host adds (2), (3)… when it is taken). */
  sheet: string;
  /** Columns the form spans. */
  width: number;
  /** Every cell from A1, row by row, `width` wide; null is empty. */
  values: FormCell[][];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Row heights in points, one per row of `values`. */
  rowHeights: number[];
  merges: Area[];
  /** Styles by area; later areas do not overlap earlier ones. */
  styles: { area: Area; style: FormStyle }[];
  /** Cells shown as percentages (0.0%). */
  percent: Area[];
  /** What prints: the form and the distribution table (a host that draws the chart adds its anchor). */
  printArea: Area;
  /** Rows repeated on every printed page: the header row. */
  printTitleRows: { top: number; bottom: number };
  /** The distribution to chart: its table (categories down, one column per series) and where the chart goes. */
  chart: { title: string; data: Area; anchor: Area } | null;
}

const TITLE_ROW = 1;
const SUBTITLE_ROW = 2;
const HEADER_ROW = 3;
/** Rows the chart beside the distribution table is given, at the least. */
const CHART_ROWS = 14;

/** Lays a form out on a sheet. */
export function formLayout(form: Form): FormLayout {
  const width = form.headers.length;
  const values: FormCell[][] = [];
  const rowHeights: number[] = [];
  const merges: Area[] = [];
  const styles: FormLayout['styles'] = [];
  const line = (cells: FormCell[], height: number): number => {
    // An empty name list is an empty cell.
    values.push(Array.from({ length: width }, (_x, i) => (cells[i] === '' ? null : (cells[i] ?? null))));
    rowHeights.push(height);
    return values.length;
  };
  const across = (row: number): Area => ({ top: row, left: 1, bottom: row, right: width });

  merges.push(across(line([form.title], 30)), across(line([form.subtitle], 18)));
  styles.push({ area: across(TITLE_ROW), style: 'title' }, { area: across(SUBTITLE_ROW), style: 'subtitle' });
  line(form.headers, 42);
  styles.push({ area: across(HEADER_ROW), style: 'header' });

  for (const row of form.rows) line(row, rowHeight(row, form.widths));
  const firstBody = HEADER_ROW + 1;
  const lastBody = HEADER_ROW + form.rows.length;
  if (form.rows.length > 0) {
    // A column of numbers only is centred; any text in it and it reads from the left.
    for (let c = 1; c <= width; c++) {
      const numeric = form.rows.every((r) => r[c - 1] === null || r[c - 1] === undefined || typeof r[c - 1] === 'number');
      styles.push({ area: { top: firstBody, left: c, bottom: lastBody, right: c }, style: numeric ? 'number' : 'text' });
    }
  }
  const percent =
    form.rows.length > 0 ? form.percentColumns.map((c) => ({ top: firstBody, left: c + 1, bottom: lastBody, right: c + 1 })) : [];

  line([], 8);
  const chars = form.widths.reduce((a, b) => a + b, 0);
  for (const note of form.notes) {
    const row = line([note], Math.max(15, 15 * Math.ceil(displayWidth(note) / (chars * 0.9))));
    merges.push(across(row));
    styles.push({ area: across(row), style: 'note' });
  }
  let printBottom = values.length;

  let chart: FormLayout['chart'] = null;
  if (form.chart) {
    line([], 8);
    const c = form.chart;
    const cols = 1 + c.series.length;
    const titleRow = line([c.title], 18);
    styles.push({ area: { top: titleRow, left: 1, bottom: titleRow, right: cols }, style: 'chartTitle' });
    const head = line([c.categoryLabel ?? '等次', ...c.series.map((s) => s.name)], 18);
    styles.push({ area: { top: head, left: 1, bottom: head, right: cols }, style: 'chartHeader' });
    c.categories.forEach((g, r) => line([g, ...c.series.map((s) => s.values[r] ?? 0)], 16));
    const last = values.length;
    if (c.categories.length > 0) styles.push({ area: { top: head + 1, left: 1, bottom: last, right: cols }, style: 'chartBody' });
    if (c.percent && c.categories.length > 0) percent.push({ top: head + 1, left: 2, bottom: last, right: cols });
    // The chart sits to the right of its table, one empty column between, as tall as CHART_ROWS.
    const anchorLeft = Math.min(cols + 2, width);
    const anchor = {
      top: titleRow,
      left: anchorLeft,
      bottom: Math.max(last, titleRow + CHART_ROWS - 1),
      right: Math.max(width, anchorLeft + 3),
    };
    chart = { title: c.title, data: { top: head, left: 1, bottom: last, right: cols }, anchor };
    printBottom = last;
  }
  if (form.data) {
    // Below the print area, one piece a cell: read back by kaohe, never printed.
    line([], 8);
    line([form.data.label], 15);
    for (const chunk of form.data.chunks) line([chunk], 15);
  }
  return {
    sheet: form.sheet,
    width,
    values,
    columnWidths: form.widths,
    rowHeights,
    merges,
    styles,
    percent,
    printArea: { top: 1, left: 1, bottom: printBottom, right: width },
    printTitleRows: { top: HEADER_ROW, bottom: HEADER_ROW },
    chart,
  };
}

/**
 * Neither Excel nor LibreOffice grows a row for wrapped text when opening a file, and the add-in
 * should not depend on autofit: estimate the lines each cell wraps to (a CJK character is two
 * columns wide).
 */
function rowHeight(row: FormCell[], widths: number[]): number {
  let lines = 1;
  row.forEach((v, i) => {
    if (v === null) return;
    const text = typeof v === 'number' ? String(v) : v;
    const room = Math.max(1, (widths[i] ?? 8) - 1);
    // Two columns a character at most: text that fits so is one line, unmeasured (most cells of a long form).
    if (2 * text.length + 1 <= room) return;
    lines = Math.max(lines, Math.ceil((displayWidth(text) + 1) / room));
  });
  return 14 * lines + 2;
}

/** Text that Excel would take for a formula if typed: these cells are names and words, never formulas. */
export function looksLikeFormula(v: FormCell): v is string {
  return typeof v === 'string' && /^[=+\-@]/.test(v);
}

/** `name`, or `name(2)`, `name(3)`… whichever is not among `taken` (sheet names compare without case, as in Excel). */
export function freeSheetName(taken: string[], name: string): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) if (!used.has(`${name}(${i})`.toLowerCase())) return `${name}(${i})`;
}
