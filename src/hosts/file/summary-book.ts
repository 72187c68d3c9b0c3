/**
 * The folder check's summary workbook (`kaohe check <folder> --out 汇总.xlsx`): a 汇总 sheet with one
 * row per unit and period (people, graded, the top grade's count and share against its limit,
 * errors, warnings, a link to the sheet's first issue), a 问题清单 sheet with every issue (file,
 * sheet, cell, person, rule in words, what to do), both printable on A4 landscape with their
 * heading rows repeated; and a chart of each unit's top-grade share against its limit (./chart).
 * Text from the workbooks is written as text, never as a formula.
 */
import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import { type CheckReport, displayWidth, type IssueJson, looksLikeFormula } from '../../engine';

/** One sheet's line, as the folder check summarises it (src/app's SheetSummary). */
export interface SummaryLine {
  sheet: string;
  unit: string | null;
  scheme: string;
  people: number;
  graded: number;
  top: { grade: string; count: number; limit: number | null; share: number; severity: 'ok' | 'warning' | 'error'; over: boolean } | null;
  errors: number;
  warnings: number;
}

export interface SummaryFile {
  file: string;
  error: string | null;
  sheets: CheckReport[];
  unchecked: { sheet: string; reason: string }[];
  summaries: SummaryLine[];
}

export interface SummaryBookWords {
  summarySheet: string;
  issuesSheet: string;
  chartSheet: string;
  chartTitle: string;
  title: string;
  subtitle: (files: number, sheets: number, when: string) => string;
  summaryCols: string[];
  issueCols: string[];
  severity: Record<IssueJson['severity'], string>;
  unreadable: string;
  unchecked: string;
  noUnit: string;
  /** 超出 2 人 / 余 1 人 / 无名额限制. */
  margin: (count: number, limit: number | null) => string;
  link: (n: number) => string;
  none: string;
  ruleName: (rule: string) => string;
}

import type { BarChart } from './chart';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FONT = '宋体';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const OVER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };
const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** A cell's text from a workbook or a file name: kept as text even when it looks like a formula. */
const text = (v: string): ExcelJS.CellValue => (looksLikeFormula(v) ? { richText: [{ text: v }] } : v);

const printable = (ws: ExcelJS.Worksheet, lastCol: number) => {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: '1:3',
  };
  ws.headerFooter = { oddFooter: '&C&P / &N' };
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 0 }];
  ws.mergeCells(1, 1, 1, lastCol);
  ws.mergeCells(2, 1, 2, lastCol);
};

function heading(ws: ExcelJS.Worksheet, title: string, subtitle: string, cols: string[], widths: number[]): void {
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { name: FONT, size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(1).height = 28;
  ws.getCell(2, 1).value = subtitle;
  ws.getCell(2, 1).font = { name: FONT, size: 10 };
  cols.forEach((c, i) => {
    const cell = ws.getCell(3, i + 1);
    cell.value = c;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = widths[i]!;
  });
  ws.getRow(3).height = 32;
  printable(ws, cols.length);
}

/** A body row: bordered; the long-text columns (`wrap`) wrap, and the row is as high as their longest text needs. */
function body(row: ExcelJS.Row, ws: ExcelJS.Worksheet, width: number, wrap: number[], fill?: ExcelJS.Fill): void {
  let lines = 1;
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.border = THIN;
    cell.font = { name: FONT, size: 11, ...(cell.font?.color ? { color: cell.font.color, underline: true } : {}) };
    cell.alignment = { vertical: 'top', wrapText: wrap.includes(c) };
    if (fill) cell.fill = fill;
    if (wrap.includes(c)) {
      const v = cell.value;
      const t = typeof v === 'string' ? v : v && typeof v === 'object' && 'richText' in v ? v.richText.map((x) => x.text).join('') : '';
      lines = Math.max(lines, Math.ceil(displayWidth(t) / Math.max(1, (ws.getColumn(c).width ?? 10) - 1)));
    }
  }
  if (lines > 1) row.height = 15 * lines;
}

/** The person an issue is about: the report's person on its row (and sheet, for forms). */
function personOf(report: CheckReport, issue: IssueJson): string {
  if (issue.row === null) return '';
  const p = report.people.find((x) => x.row === issue.row && ((x as { sheet?: string }).sheet ?? null) === (issue.sheet ?? null));
  return p?.name ?? '';
}

/** Builds the two sheets; returns the workbook and where the chart is to read (null when no sheet has a limit). */
export function summaryBook(files: SummaryFile[], w: SummaryBookWords, when: string): { wb: ExcelJS.Workbook; chart: BarChart | null } {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kaohe';
  const sum = wb.addWorksheet(w.summarySheet);
  const iss = wb.addWorksheet(w.issuesSheet);
  const sheets = files.reduce((n, f) => n + f.summaries.length + f.unchecked.length, 0);
  heading(sum, w.title, w.subtitle(files.length, sheets, when), w.summaryCols, [6, 22, 12, 34, 14, 7, 7, 8, 7, 8, 7, 9, 11, 7, 7, 11, 36]);
  heading(iss, w.title, w.subtitle(files.length, sheets, when), w.issueCols, [6, 20, 30, 12, 9, 10, 16, 7, 44, 36]);

  // The issues first, so that each summary row can link to its sheet's first issue.
  const firstIssue = new Map<string, number>();
  let ir = 4;
  const issueRow = (values: ExcelJS.CellValue[], severity: IssueJson['severity'] | null) => {
    const row = iss.getRow(ir);
    values.forEach((v, i) => (row.getCell(i + 1).value = v));
    body(row, iss, w.issueCols.length, [9, 10], severity === 'error' ? OVER_FILL : undefined);
    ir++;
  };
  for (const f of files) {
    if (f.error !== null)
      issueRow([ir - 3, w.noUnit, text(f.file), '', '', '', w.unreadable, w.severity.error, text(f.error), ''], 'error');
    for (const u of f.unchecked)
      issueRow([ir - 3, w.noUnit, text(f.file), text(u.sheet), '', '', w.unchecked, w.severity.error, text(u.reason), ''], 'error');
    f.sheets.forEach((report, k) => {
      const unit = f.summaries[k]?.unit ?? w.noUnit;
      for (const i of report.issues) {
        if (!firstIssue.has(`${f.file}\u0000${report.sheet}`)) firstIssue.set(`${f.file}\u0000${report.sheet}`, ir);
        const where = i.sheet && i.sheet !== report.sheet ? `${i.sheet}!${i.cell ?? ''}` : (i.cell ?? '');
        issueRow(
          [
            ir - 3,
            text(unit),
            text(f.file),
            text(report.sheet),
            text(where),
            text(personOf(report, i)),
            w.ruleName(i.rule),
            w.severity[i.severity],
            text(i.message),
            text(i.fix),
          ],
          i.severity,
        );
      }
    });
  }
  if (ir === 4) issueRow([w.none, '', '', '', '', '', '', '', '', ''], null);

  let sr = 4;
  const units: string[] = [];
  const shares: (number | null)[] = [];
  const limits: (number | null)[] = [];
  for (const f of files) {
    f.summaries.forEach((s, k) => {
      const report = f.sheets[k]!;
      const t = s.top;
      const limitShare = t && t.limit !== null && s.graded > 0 ? t.limit / s.graded : null;
      const first = firstIssue.get(`${f.file}\u0000${report.sheet}`);
      const row = sum.getRow(sr);
      const values: ExcelJS.CellValue[] = [
        sr - 3,
        text(s.unit ?? w.noUnit),
        text(s.sheet),
        text(f.file),
        s.scheme,
        s.people,
        s.graded,
        t?.grade ?? '',
        t?.count ?? null,
        t ? t.share : null,
        t?.limit ?? null,
        limitShare,
        t ? w.margin(t.count, t.limit) : '',
        s.errors,
        s.warnings,
        first !== undefined ? { text: w.link(report.issues.length), hyperlink: `#'${w.issuesSheet}'!A${first}` } : w.none,
        '',
        // The chart's label: the unit, else the file, and the period (hidden; the chart plots hidden cells).
        text(`${s.unit ?? basename(f.file).replace(/\.[^.]+$/, '')} ${s.sheet}`),
      ];
      values.forEach((v, i) => (row.getCell(i + 1).value = v));
      if (first !== undefined) row.getCell(16).font = { color: { argb: 'FF0563C1' }, underline: true };
      row.getCell(10).numFmt = '0.0%';
      row.getCell(12).numFmt = '0.0%';
      body(row, sum, w.summaryCols.length, [17], t?.over ? OVER_FILL : undefined);
      units.push(`${s.unit ?? basename(f.file).replace(/\.[^.]+$/, '')} ${s.sheet}`);
      shares.push(t ? t.share : null);
      limits.push(limitShare);
      sr++;
    });
  }
  // The chart, on a sheet of its own, when any unit has a limit to be measured against.
  const last = sr - 1;
  let chart: BarChart | null = null;
  if (limits.some((x) => x !== null)) {
    const sheet = wb.addWorksheet(w.chartSheet);
    sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
    chart = {
      onSheet: w.chartSheet,
      rows: Math.max(22, Math.ceil(units.length * 1.3) + 8),
      cols: 14,
      title: w.chartTitle,
      dataSheet: w.summarySheet,
      categories: { ref: `$R$4:$R$${last}`, values: units },
      series: [
        { name: w.summaryCols[9]!, ref: `$J$4:$J$${last}`, values: shares },
        { name: w.summaryCols[11]!, ref: `$L$4:$L$${last}`, values: limits },
      ],
      format: '0%',
    };
  }
  // What could not be checked, below the units, with its reason.
  for (const f of files) {
    const bad = [
      ...(f.error !== null ? [{ sheet: '', reason: `${w.unreadable}：${f.error}` }] : []),
      ...f.unchecked.map((u) => ({ sheet: u.sheet, reason: `${w.unchecked}：${u.reason}` })),
    ];
    for (const b of bad) {
      const row = sum.getRow(sr);
      const values: ExcelJS.CellValue[] = [
        sr - 3,
        w.noUnit,
        text(b.sheet),
        text(f.file),
        '',
        null,
        null,
        '',
        null,
        null,
        null,
        null,
        '',
        null,
        null,
        '',
        text(b.reason),
      ];
      values.forEach((v, i) => (row.getCell(i + 1).value = v));
      body(row, sum, w.summaryCols.length, [17], BAD_FILL);
      sr++;
    }
  }
  sum.getColumn(18).hidden = true;
  sum.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, sr - 1), column: w.summaryCols.length } };
  iss.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, ir - 1), column: w.issueCols.length } };
  return { wb, chart };
}
