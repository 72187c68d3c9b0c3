/** The readable report of `kaohe check` (without --json): aligned columns, CJK-aware. */
import {
  type AnnualReport,
  type CellValue,
  type CheckReport,
  columnLetters,
  displayWidth,
  fmt,
  type IssueJson,
  type Locale,
  pct,
  type Plan,
  type QuotaJson,
  scopeName,
  scopeOfJson,
} from '../engine';
import type { LostPart } from '../hosts/file/write';
import { terminalSafe } from './terminal';
import { cliWords } from './words';

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/**
 * Rows of cells → aligned lines; the last column is not padded. `rightCols` are right-aligned.
 * Each cell is one line, its control characters escaped (./terminal): names and notes come from the workbook.
 */
export function table(cells: string[][], rightCols: number[] = []): string[] {
  const rows = cells.map((r) => r.map((c) => terminalSafe(c, true)));
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]!, rightCols.includes(i))))
      .join('  ')
      .trimEnd(),
  );
}

function quotaLines(q: QuotaJson, locale: Locale): string[] {
  const w = cliWords(locale);
  const state =
    q.severity === 'ok' || q.base === 0
      ? w.quotaOk
      : q.kind === 'max'
        ? `${w.quotaOver(q.count - q.limit)} ${q.severity === 'error' ? '✗' : '!'}`
        : `${w.quotaUnder(q.limit - q.count)} ${q.severity === 'error' ? '✗' : '!'}`;
  const lines = [
    `  ${q.period ? `[${q.period}] ` : ''}${w.quotaLine(q.grade, scopeName(scopeOfJson(q.scope), locale), q.kind, q.count, q.limit, q.base, q.share === null ? null : pct(q.share), w.rounding[q.rounding])}  ${state}`,
  ];
  if (q.ranking.length > 0) {
    lines.push(`    ${w.ranking}`);
    q.ranking.forEach((p, i) => {
      const notes = [p.tie ? w.tie : '', p.direct ? w.direct : ''].filter(Boolean).join('，');
      lines.push(
        `    ${pad(`${i + 1}.`, 4)}${pad(p.name, 8)} ${pad(p.total === null ? '—' : fmt(p.total), 6, true)}  ${'sheet' in p && typeof p.sheet === 'string' ? `${p.sheet}!${p.row}` : locale === 'zh' ? `第 ${p.row} 行` : `row ${p.row}`}${notes ? `  (${notes})` : ''}`,
      );
      if (p.within && !q.ranking[i + 1]?.within && i + 1 < q.ranking.length) lines.push(`    ${w.cutLine}`);
    });
  }
  return lines;
}

/** The issues as a table: cell (with its sheet where issues span sheets), severity, rule, message and fix. */
function issueLines(issues: IssueJson[], locale: Locale): string[] {
  const w = cliWords(locale);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const out = ['', issues.length === 0 ? w.noIssues : w.issuesTitle(errors, warnings)];
  if (issues.length === 0) return out;
  const ir = [[w.issueCols.cell, w.issueCols.severity, w.issueCols.rule, w.issueCols.message]];
  for (const i of issues)
    ir.push([
      // A forms report qualifies its cells already ('张三'!D8).
      i.cell ? `${i.sheet && !i.cell.includes('!') ? `${i.sheet}!` : ''}${i.cell}` : '—',
      w.severity[i.severity],
      i.rule,
      `${i.period ? `[${i.period}] ` : ''}${i.message}${locale === 'zh' ? '。' : '. '}${i.fix}`,
    ]);
  return [...out, ...table(ir).map((l) => `  ${l}`)];
}

/** The forms a report was read from (a workbook of per-person forms), if it was. */
function formsOfReport(r: CheckReport): { sheets: string[]; periods: (string | null)[] } | null {
  const f = (r as CheckReport & { forms?: { sheets: string[]; periods: (string | null)[] } }).forms;
  return f ?? null;
}

/** `sentence`: how the scheme was chosen and how well it fits, in words (said under the scheme's line). */
export function renderReport(r: CheckReport, file: string, sentence: string | null, locale: Locale): string {
  const w = cliWords(locale);
  // Organisations ranked within their category: units counted, 类别 and 排名 instead of 科室 and 等次.
  const ranked = r.people.some((p) => p.rank !== undefined);
  const out: string[] = [];
  out.push(
    `${w.file}：${terminalSafe(file, true)}    ${w.sheet}：${terminalSafe(r.sheet, true)}`.replace(/：/g, locale === 'en' ? ': ' : '：'),
  );
  out.push(
    `${w.scheme}${locale === 'en' ? ': ' : '：'}${r.scheme} ${r.schemeName}${r.schemeSource === 'preset' ? w.detected : r.schemeSource === 'workbook' ? w.fromWorkbook : r.schemeSource === 'inferred' ? w.inferred : ''}`,
  );
  if (sentence) out.push(sentence);
  const forms = formsOfReport(r);
  if (forms) {
    const periods = [...new Set(forms.periods.filter((x): x is string => x !== null))];
    out.push(w.forms(forms.sheets.length, periods));
    if (periods.length > 1) out.push(w.formsPeriods(periods));
  }
  out.push(
    `${forms ? '' : `${w.header(r.header.top, r.header.bottom)}    `}${w.counts(r.summary.people, r.summary.graded, r.summary.ungraded, r.summary.excluded, r.scoreOnly, ranked)}`,
  );
  if (r.scoring === 'total-column') out.push(w.scoringFromTotal);
  if (r.scoring === 'entered') out.push(w.scoringEntered);
  if (r.scoring === 'grades-only') out.push(w.scoringGradesOnly);
  if (r.scoreOnly) out.push(w.scoreOnly);

  out.push('', ranked ? w.unitsTitle : w.peopleTitle);
  // A sheet of several periods: a column per period (its grade, after its total where scored) for 总分 and 等次.
  const periods = r.periods ?? null;
  const scored = r.people.some((p) => p.totals !== undefined);
  const periodCell = (p: (typeof r.people)[number], label: string): string => {
    const g = p.grades?.[label] ?? '—';
    const t = p.totals?.[label];
    return scored ? `${t === null || t === undefined ? '—' : t.toFixed(2)} ${g}` : g;
  };
  const rows = [
    ranked
      ? [w.cols.row, w.cols.unitName, w.cols.category, w.cols.total, w.cols.rank, w.cols.note]
      : periods
        ? [w.cols.row, w.cols.name, w.cols.unit, ...periods, w.cols.note]
        : [w.cols.row, w.cols.name, w.cols.unit, w.cols.total, w.cols.grade, w.cols.note],
  ];
  for (const p of r.people) {
    const note =
      p.status !== 'graded'
        ? `${p.elsewhere ? w.status.elsewhere : w.status[p.status]}${locale === 'zh' ? '：' : ': '}${p.reason ?? ''}`
        : [
            p.total === null && r.scoring !== 'entered' && r.scoring !== 'grades-only' ? w.noTotal : null,
            p.gradeFrom === 'direct' || p.gradeFrom === 'cap' ? p.reason : null,
            ...p.flags,
          ]
            .filter(Boolean)
            .join(locale === 'zh' ? '；' : '; ');
    const place = p.rank ? w.place(p.rank.place, p.rank.of, p.rank.barred) : '—';
    // A person of a forms workbook is on a sheet of their own: the sheet and the row of the name there.
    const at = 'sheet' in p && typeof p.sheet === 'string' ? `${p.sheet}!${p.row}` : String(p.row);
    rows.push(
      periods && !ranked
        ? [at, p.name, p.unit ?? '', ...periods.map((label) => periodCell(p, label)), note ?? '']
        : [
            at,
            p.name,
            (ranked ? p.category : p.unit) ?? '',
            p.total === null ? '—' : p.total.toFixed(2),
            ranked ? place : (p.grade ?? '—'),
            note ?? '',
          ],
    );
  }
  out.push(...table(rows, periods ? [0] : [0, 3]).map((l) => `  ${l}`));

  out.push(...issueLines(r.issues, locale));

  if (r.quota.length > 0) {
    out.push('', w.quotaTitle);
    for (const q of r.quota) out.push(...quotaLines(q, locale));
  }
  return out.join('\n');
}

/** What `grade` wrote, for the JSON report (`output`) and the text after the report. */
export interface WrittenSummary {
  file: string;
  mode: Plan['mode'];
  cells: number;
  totals: number;
  grades: number;
  /** Places written into 排名 (organisations). */
  ranks: number;
  formulas: number;
  newColumns: { column: string; header: string }[];
  /** Cells that held a different total or grade, now replaced (each with the issue that said so). */
  overwritten: { cell: string; rule: string; before: CellValue; after: CellValue }[];
  skipped: Plan['skipped'];
  /** Rows not written because they are hidden or filtered out (their people have hidden-row warnings). */
  hiddenRows: number[];
  valuesInstead: number[];
  marked: number;
  notKept: LostPart[];
  nothingToWrite: Plan['nothingToWrite'];
  /** Summary forms added as new sheets. */
  formSheets: string[];
  /** Marked cells that hold a threaded comment: filled, but given no note (the conversation is left as it is). */
  unnoted: string[];
}

export function writtenSummary(
  plan: Plan,
  file: string,
  marked: number,
  notKept: LostPart[],
  formSheets: string[] = [],
  unnoted: string[] = [],
): WrittenSummary {
  // The writes by cell, made only when some write overwrites a value the check disputed.
  const byCell = plan.conflicts.length > 0 ? new Map(plan.writes.map((w) => [w.cell, w])) : new Map<string, Plan['writes'][number]>();
  return {
    file,
    mode: plan.mode,
    cells: plan.writes.length,
    totals: plan.writes.filter((w) => w.kind === 'total').length,
    grades: plan.writes.filter((w) => w.kind === 'grade').length,
    ranks: plan.writes.filter((w) => w.kind === 'rank').length,
    formulas: plan.writes.filter((w) => w.after.formula !== null).length,
    newColumns: plan.newColumns.map((c) => ({ column: columnLetters(c.col), header: c.header })),
    overwritten: plan.conflicts.map((i) => {
      const w = byCell.get(i.cell!)!;
      return { cell: i.cell!, rule: i.rule, before: w.before.value, after: w.after.value };
    }),
    skipped: plan.skipped,
    hiddenRows: plan.hiddenRows ?? [],
    valuesInstead: plan.valuesInstead,
    marked,
    notKept,
    nothingToWrite: plan.nothingToWrite,
    formSheets,
    unnoted,
  };
}

const show = (v: CellValue): string => (v === null ? '（空）' : typeof v === 'object' ? v.error : String(v));

/** `more`: lines of the caller's (what an .xls held that the copy lacks), before the line that the input is unchanged. */
export function renderWritten(s: WrittenSummary, locale: Locale, more: string[] = []): string {
  const w = cliWords(locale);
  const lines = [w.wroteCopy(s.file)];
  if (s.nothingToWrite) lines.push(`  ${w.nothingToWrite[s.nothingToWrite]}`);
  else lines.push(`  ${w.wroteCounts(s.totals, s.grades, s.formulas, s.mode === 'formulas', s.ranks)}`);
  for (const c of s.newColumns) lines.push(`  ${w.newColumn(c.column, c.header)}`);
  if (s.overwritten.length > 0) {
    lines.push(`  ${w.overwrote(s.overwritten.length)}`);
    for (const o of s.overwritten) lines.push(`    ${o.cell}  ${show(o.before)} → ${show(o.after)}  (${o.rule})`);
  }
  for (const k of s.skipped)
    lines.push(
      `  ${k.why === 'sheet-grade' ? w.skippedKept(k.row, k.name, k.cell!) : k.cell ? w.skippedMerged(k.row, k.name, k.cell) : w.skipped(k.row, k.name)}`,
    );
  if (s.hiddenRows.length > 0) lines.push(`  ${w.hiddenRows(s.hiddenRows)}`);
  if (s.valuesInstead.length > 0) lines.push(`  ${w.valuesInstead(s.valuesInstead)}`);
  if (s.marked > 0) lines.push(`  ${w.marked(s.marked)}`);
  if (s.unnoted.length > 0) lines.push(`  ${w.unnoted(s.unnoted)}`);
  if (s.notKept.length > 0) lines.push(`  ${w.notKept(s.notKept.map((p) => w.parts[p]))}`);
  if (s.formSheets.length > 0) lines.push(`  ${w.newSheets(s.formSheets)}`);
  for (const m of more) lines.push(`  ${m}`);
  lines.push(`  ${w.inputUntouched}`);
  return lines.join('\n');
}

/** The readable report of `kaohe annual`. */
export function renderAnnual(r: AnnualReport, locale: Locale): string {
  const w = cliWords(locale);
  const sep = locale === 'zh' ? '；' : '; ';
  const out = [
    w.annualTitle(
      r.scheme,
      r.periods.map((p) => (p.label === p.sheet ? p.label : `${p.label}（${p.sheet}）`)),
    ),
    // Periods the workbook lacks come first: what follows is only what the periods held can settle.
    ...r.issues
      .filter((i) => i.rule === 'annual-missing-period' && i.cell === null)
      .map((i) => `${i.message}${locale === 'zh' ? '。' : '.'}`),
    '',
  ];
  const scores = r.people.some((p) => p.score !== null);
  const totals = r.people.some((p) => p.annualTotal !== null);
  // A scheme that gives scores only has no annual grade to show.
  const grades = r.people.some((p) => p.maxGrade !== null || p.proposed !== null);
  const rows = [
    [
      w.cols.name,
      w.cols.unit,
      ...r.periods.map((p) => p.label),
      ...(scores ? [w.annualCols.score] : []),
      ...(totals ? [w.annualCols.total] : []),
      ...(grades ? [w.annualCols.max, w.annualCols.proposed] : []),
      w.cols.note,
    ],
  ];
  for (const p of r.people) {
    rows.push([
      p.name,
      p.unit ?? '',
      ...p.periods.map((g, i) => {
        if (g !== null) return g;
        const t = p.totals[i] ?? null;
        // Scores only: the period's total, and the place where units are ranked.
        if (t !== null) return p.places[i] ? w.totalAndPlace(fmt(t), p.places[i]!.place) : fmt(t);
        return p.states[i] === 'absent' ? '—' : (w.annualState[p.states[i] as 'ungraded' | 'excluded' | 'elsewhere'] ?? '—');
      }),
      ...(scores ? [p.score === null ? '—' : fmt(p.score)] : []),
      ...(totals ? [p.annualTotal === null ? '—' : fmt(p.annualTotal)] : []),
      ...(grades ? [p.maxGrade ?? '—', p.proposed ?? ''] : []),
      p.flags.join(sep),
    ]);
  }
  out.push(...table(rows).map((l) => `  ${l}`));
  out.push(...issueLines(r.issues, locale));
  if (r.quota.length > 0) {
    out.push('', w.quotaTitle);
    for (const q of r.quota) out.push(...quotaLines(q, locale));
  }
  return out.join('\n');
}
