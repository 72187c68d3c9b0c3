/**
 * 检查全部工作表: every sheet of a workbook that holds a roster, each with its own scheme choice
 * (given, stored, fitted or inferred), and one summary line per sheet — what a county's 组织部
 * reads first when it collects every unit's sheets. The command line's folder check and the
 * pane's 检查全部工作表 both come here.
 */
import { type Fit, type Form, type Locale, type Results, type Scheme, unitOfTitle } from '../engine';
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
  /** More in the grade than the limit allows (hard or soft): what every summary marks. */
  over: boolean;
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

/**
 * The best grade's count against its maximum quota: the whole office's, else the units' added up; on a
 * sheet of several periods, the period furthest over (or nearest to) its limit.
 */
function topGrade(r: Results): TopGrade | null {
  const top = r.compiled.scheme.grading.labels[0]?.label;
  if (top === undefined) return null;
  const graded = r.people.filter((p) => p.status === 'graded');
  const caps = r.quotas.filter((q) => q.kind === 'max' && q.grades.includes(top));
  const severity = caps.reduce<TopGrade['severity']>((s, q) => (WORSE[q.severity] > WORSE[s] ? q.severity : s), 'ok');
  if (caps.length === 0) {
    const count = graded.filter((p) => p.grade === top).length;
    return { grade: top, count, limit: null, share: graded.length > 0 ? count / graded.length : 0, severity, over: false };
  }
  const periods = new Map<string | undefined, typeof caps>();
  for (const q of caps) periods.set(q.period, [...(periods.get(q.period) ?? []), q]);
  const totals = [...periods.values()].map((qs) => {
    const whole = qs.find((q) => q.scope.kind === 'all');
    const units = whole ? [whole] : qs;
    return {
      count: units.reduce((n, q) => n + q.count, 0),
      base: units.reduce((n, q) => n + q.base, 0),
      limit: units.reduce((n, q) => n + q.limit, 0),
    };
  });
  const t = periods.has(undefined)
    ? totals[[...periods.keys()].indexOf(undefined)]!
    : totals.sort((a, b) => b.count - b.limit - (a.count - a.limit))[0]!;
  return {
    grade: top,
    count: t.count,
    limit: t.limit,
    share: t.base > 0 ? t.count / t.base : 0,
    severity,
    over: severity !== 'ok' && t.count > t.limit,
  };
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

/** A sheet the 检查全部工作表 form lists: checked (its summary), or not checked and why. */
export type SheetLine = { sheet: string; summary: SheetSummary | null; reason: string | null };

/**
 * 各工作表检查汇总: the pane's printable sheet of 检查全部工作表 — a row per sheet (unit, scheme, people,
 * the top grade's count, share and limit, errors, warnings) and a chart of each sheet's top-grade share
 * against its limit. In Chinese, as the other forms: it is a document for the 考核小组.
 */
export function sheetsForm(lines: SheetLine[]): Form {
  const rows = lines.map(({ sheet, summary: s, reason }, i) => {
    const t = s?.top ?? null;
    const margin = !t || t.limit === null ? '' : t.count > t.limit ? `超出 ${t.count - t.limit} 人` : `余 ${t.limit - t.count} 人`;
    if (!s) return [i + 1, sheet, '', '', null, null, '', null, null, null, '', null, null, reason ?? ''];
    return [
      i + 1,
      sheet,
      s.unit ?? '',
      s.schemeName,
      s.people,
      s.graded,
      t?.grade ?? '',
      t?.count ?? null,
      t ? t.share : null,
      t?.limit ?? null,
      margin,
      s.errors,
      s.warnings,
      '',
    ];
  });
  const charted = lines.filter((l) => l.summary?.top && l.summary.top.limit !== null && l.summary.graded > 0);
  return {
    sheet: '各工作表检查汇总',
    title: '各工作表平时考核检查汇总',
    subtitle: '填报单位（盖章）：                    填报时间：    年  月  日',
    headers: ['序号', '工作表', '单位', '方案', '人数', '定等次', '最高等次', '人数', '占比', '上限', '与上限比', '错误', '警告', '说明'],
    widths: [5, 12, 16, 18, 6, 7, 7, 6, 7, 6, 10, 6, 6, 24],
    rows,
    notes: ['说明：占比 = 最高等次人数 ÷ 定等次人数；上限按各表所用方案的名额规定计算。由考核助手“检查全部工作表”生成。'],
    percentColumns: [8],
    chart:
      charted.length > 0
        ? {
            title: '各表最高等次占比与上限',
            categoryLabel: '工作表',
            percent: true,
            categories: charted.map((l) => l.sheet),
            series: [
              { name: '占比', values: charted.map((l) => Math.round(l.summary!.top!.share * 1000) / 1000) },
              { name: '上限占比', values: charted.map((l) => Math.round((l.summary!.top!.limit! / l.summary!.graded) * 1000) / 1000) },
            ],
          }
        : null,
  };
}
