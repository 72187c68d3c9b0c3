/**
 * Writing the graded copy: a plan applied to an exceljs worksheet, marks on problem cells
 * (fill colour and a note naming the rule), and the copy's bytes as .xlsx. The input file is
 * never opened for writing.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type CellContent, type CellValue, isCellError, type Issue, type Locale, type Plan, type Severity, words } from '../../engine';
import { setFormulaCell } from './sheet';
import type { WorkbookFormat } from './xlsx';

function plainValue(v: CellValue): ExcelJS.CellValue {
  return isCellError(v) ? { error: v.error as ExcelJS.CellErrorValue['error'] } : (v as Exclude<CellValue, object>);
}

/** exceljs shares style objects between cells read with the same style: give the cell its own before changing it. */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

export function setContent(cell: ExcelJS.Cell, c: CellContent): void {
  const fmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null;
  if (fmt !== c.numFmt) restyle(cell, { numFmt: c.numFmt ?? 'General' });
  const plain = plainValue(c.value);
  if (c.formula) setFormulaCell(cell, c.formula.slice(1), (plain ?? undefined) as ExcelJS.CellFormulaValue['result']);
  else cell.value = plain;
}

export function applyPlan(ws: ExcelJS.Worksheet, plan: Plan): void {
  for (const w of plan.writes) setContent(ws.getCell(w.row, w.col), w.after);
}

export const MARK_FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What marking gives each cell that has an issue: the worst severity (its fill) and a note with every issue's rule and message. */
export function issueMarks(issues: Issue[], locale: Locale): Map<string, { severity: Severity; note: string }> {
  const byCell = new Map<string, Issue[]>();
  for (const i of issues) {
    if (!i.cell) continue;
    byCell.set(i.cell, [...(byCell.get(i.cell) ?? []), i]);
  }
  const marks = new Map<string, { severity: Severity; note: string }>();
  for (const [address, list] of byCell) {
    const worst = list.reduce((a, b) => (RANK[b.severity] < RANK[a.severity] ? b : a)).severity;
    const note = list
      .map((i) => {
        const w = words(i, locale);
        return `考核助手 · ${i.rule}\n${w.message}${locale === 'zh' ? '。' : '. '}${w.fix}`;
      })
      .join('\n\n');
    marks.set(address, { severity: worst, note });
  }
  return marks;
}

/** Marks each cell that has an issue (issueMarks) in an exceljs worksheet; returns how many. */
export function markIssues(ws: ExcelJS.Worksheet, issues: Issue[], locale: Locale): number {
  const marks = issueMarks(issues, locale);
  for (const [address, { severity, note }] of marks) {
    const cell = ws.getCell(address);
    restyle(cell, { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILL[severity] } } });
    const existing = noteText(cell.note);
    cell.note = existing ? `${existing}\n\n${note}` : note;
  }
  return marks.size;
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Parts of a workbook exceljs does not write back, so the copy will lack them (the original keeps them). */
export type LostPart =
  | 'charts'
  | 'pivot-tables'
  | 'slicers'
  | 'macros'
  | 'external-links'
  | 'threaded-comments'
  | 'cell-styles'
  /** Empty rows and merges far beyond a sheet's data, left out when it was read (./package). */
  | 'far-formatting';

const PART_PATTERNS: [RegExp, LostPart][] = [
  [/^xl\/charts\//, 'charts'],
  [/^xl\/pivotTables\//, 'pivot-tables'],
  [/^xl\/slicers\//, 'slicers'],
  [/^xl\/vbaProject\.bin$/, 'macros'],
  [/^xl\/externalLinks\//, 'external-links'],
  [/^xl\/threadedComments\//, 'threaded-comments'],
];

export async function partsLostInCopy(data: Buffer, format: WorkbookFormat): Promise<LostPart[]> {
  if (format === 'legacy') return ['cell-styles'];
  const zip = await JSZip.loadAsync(data);
  const found = new Set<LostPart>();
  for (const name of Object.keys(zip.files)) for (const [re, part] of PART_PATTERNS) if (re.test(name)) found.add(part);
  return [...found];
}

/** The copy's bytes (written to disk by ./output, which never leaves half a file). */
export async function copyBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
