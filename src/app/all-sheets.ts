/**
 * 检查全部工作表: every sheet of a workbook that holds a roster, each with its own scheme choice
 * (given, stored, fitted or inferred), and one summary line per sheet — what a county's 组织部
 * reads first when it collects every unit's sheets. The command line's folder check and the
 * pane's 检查全部工作表 both come here.
 */
import { type Fit, type Locale, type Results, type Scheme, unitOfTitle } from '../engine';
import { analyseSheet, type Analysis, type AnalyseRequest } from './analyse';
import type { SchemeSource } from './choose';
import type { WorkbookSource } from './workbook';

/** One sheet checked, or one that holds a roster no scheme fits (the user is to choose one for it). */
export type SheetCheck = { ok: true; analysis: Analysis } | { ok: false; problem: 'no-fit'; sheet: string; closest: Fit[] };

export type WorkbookCheck =
  | { ok: true; sheets: SheetCheck[] }
  /** Nothing in the workbook could be checked: the reason is the single-sheet check's own (./analyse). */
  | { ok: false; outcome: Exclude<ReturnType<typeof analyseSheet>, { ok: true }> };

/**
 * Checks every visible sheet that holds a roster. A workbook of per-person forms is one roster (one
 * entry); a sheet with no roster (a 说明 sheet, a chart) is left out; each sheet's analysis is the
 * same as `analyseSheet` with that sheet named, so its report equals a check of that sheet alone.
 */
export function analyseAllSheets(book: WorkbookSource, req: Omit<AnalyseRequest, 'sheet' | 'columns'>): WorkbookCheck {
  const first = analyseSheet(book, req);
  if (first.ok && first.analysis.forms) return { ok: true, sheets: [{ ok: true, analysis: first.analysis }] };
  if (!first.ok && first.problem !== 'no-fit') return { ok: false, outcome: first };
  const sheets: SheetCheck[] = [];
  for (const ws of book.sheets) {
    if (!ws.visible) continue;
    const one = first.ok && first.analysis.sheet === ws.name ? first : analyseSheet(book, { ...req, sheet: ws.name });
    if (one.ok) sheets.push({ ok: true, analysis: one.analysis });
    else if (one.problem === 'no-fit') sheets.push({ ok: false, problem: 'no-fit', sheet: one.sheet, closest: one.closest });
  }
  return sheets.length > 0 || first.ok ? { ok: true, sheets } : { ok: false, outcome: first };
}

/** The best grade of a sheet and how many have it, against the quota on it (null when no quota limits it). */
export interface TopGrade {
  grade: string;
  count: number;
  limit: number | null;
  /** The share of graded people in the grade, 0–1. */
  share: number;
  /** The quota's verdict: over a hard limit (error), over a soft one (warning), or within. */
  severity: 'ok' | 'warning' | 'error';
}

/** One sheet in one line: the summary sheet's row, the command line's line, the pane's card. */
export interface SheetSummary {
  sheet: string;
  /** The unit the sheet names above its header; null when it names none. */
  unit: string | null;
  scheme: string;
  schemeName: string;
  source: SchemeSource;
  people: number;
  graded: number;
  top: TopGrade | null;
  errors: number;
  warnings: number;
}

const WORSE = { ok: 0, warning: 1, error: 2 } as const;

/** The best grade's count against its maximum quota: the whole office's, else the units' added up; on a sheet of periods, the worst period. */
function topGrade(r: Results): TopGrade | null {
  const top = r.compiled.scheme.grading.labels[0]?.label;
  if (top === undefined) return null;
  const graded = r.people.filter((p) => p.status === 'graded');
  const caps = r.quotas.filter((q) => q.kind === 'max' && q.grades.includes(top));
  const severity = caps.reduce<TopGrade['severity']>((s, q) => (WORSE[q.severity] > WORSE[s] ? q.severity : s), 'ok');
  const plain = caps.filter((q) => q.period === undefined);
  const whole = plain.find((q) => q.scope.kind === 'all');
  let count = graded.filter((p) => p.grade === top).length;
  let base = graded.length;
  let limit: number | null = null;
  if (whole) ({ count, base, limit } = whole);
  else if (plain.length > 0) {
    limit = plain.reduce((n, q) => n + q.limit, 0);
    count = plain.reduce((n, q) => n + q.count, 0);
    base = plain.reduce((n, q) => n + q.base, 0);
  } else if (caps.length > 0) {
    const worst = [...caps].sort((a, b) => b.count - b.limit - (a.count - a.limit))[0]!;
    ({ count, base, limit } = worst);
  }
  return { grade: top, count, limit, share: base > 0 ? count / base : 0, severity };
}

export function sheetSummary(a: Analysis, locale: Locale): SheetSummary {
  const r = a.results;
  const s: Scheme = a.scheme;
  return {
    sheet: a.sheet,
    unit: unitOfTitle(r.table.title),
    scheme: s.id,
    schemeName: locale === 'en' ? (s.nameEn ?? s.name) : s.name,
    source: a.source,
    people: r.people.length,
    graded: r.people.filter((p) => p.status === 'graded').length,
    top: topGrade(r),
    errors: r.issues.filter((i) => i.severity === 'error').length,
    warnings: r.issues.filter((i) => i.severity === 'warning').length,
  };
}
