/** The readable report of `kaohe check` (without --json): aligned columns, CJK-aware. */
import type { CheckReport, QuotaJson } from '../engine/report/report';
import type { Locale } from '../engine/report/locale';
import { fmt, pct, scopeName } from '../engine/report/messages';
import { displayWidth } from '../engine/text';
import { cliWords } from './words';

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Rows of cells → aligned lines; the last column is not padded. `rightCols` are right-aligned. */
export function table(rows: string[][], rightCols: number[] = []): string[] {
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
    `  ${w.quotaLine(q.grade, scopeName(q.scope, locale), q.kind, q.count, q.limit, q.base, pct(q.share), w.rounding[q.rounding])}  ${state}`,
  ];
  if (q.ranking.length > 0) {
    lines.push(`    ${w.ranking}`);
    q.ranking.forEach((p, i) => {
      const notes = [p.tie ? w.tie : '', p.direct ? w.direct : ''].filter(Boolean).join('，');
      lines.push(
        `    ${pad(`${i + 1}.`, 4)}${pad(p.name, 8)} ${pad(p.total === null ? '—' : fmt(p.total), 6, true)}  ${locale === 'zh' ? `第 ${p.row} 行` : `row ${p.row}`}${notes ? `  (${notes})` : ''}`,
      );
      if (p.within && !q.ranking[i + 1]?.within && i + 1 < q.ranking.length) lines.push(`    ${w.cutLine}`);
    });
  }
  return lines;
}

export function renderReport(r: CheckReport, file: string, from: 'option' | 'workbook' | 'detected', locale: Locale): string {
  const w = cliWords(locale);
  const out: string[] = [];
  out.push(`${w.file}：${file}    ${w.sheet}：${r.sheet}`.replace(/：/g, locale === 'en' ? ': ' : '：'));
  out.push(
    `${w.scheme}${locale === 'en' ? ': ' : '：'}${r.scheme} ${r.schemeName}${from === 'detected' ? w.detected : from === 'workbook' ? w.fromWorkbook : ''}`,
  );
  out.push(
    `${w.header(r.header.top, r.header.bottom)}    ${w.counts(r.summary.people, r.summary.graded, r.summary.ungraded, r.summary.excluded)}`,
  );
  if (r.scoring === 'total-column') out.push(w.scoringFromTotal);
  if (r.scoring === 'entered') out.push(w.scoringEntered);

  out.push('', w.peopleTitle);
  const rows = [[w.cols.row, w.cols.name, w.cols.unit, w.cols.total, w.cols.grade, w.cols.note]];
  for (const p of r.people) {
    const note =
      p.status !== 'graded'
        ? `${p.elsewhere ? w.status.elsewhere : w.status[p.status]}${locale === 'zh' ? '：' : ': '}${p.reason ?? ''}`
        : [
            p.total === null && r.scoring !== 'entered' ? w.noTotal : null,
            p.gradeFrom === 'direct' || p.gradeFrom === 'cap' ? p.reason : null,
            ...p.flags,
          ]
            .filter(Boolean)
            .join(locale === 'zh' ? '；' : '; ');
    rows.push([String(p.row), p.name, p.unit ?? '', p.total === null ? '—' : p.total.toFixed(2), p.grade ?? '—', note ?? '']);
  }
  out.push(...table(rows, [0, 3]).map((l) => `  ${l}`));

  const errors = r.issues.filter((i) => i.severity === 'error').length;
  const warnings = r.issues.filter((i) => i.severity === 'warning').length;
  out.push('', r.issues.length === 0 ? w.noIssues : w.issuesTitle(errors, warnings));
  if (r.issues.length > 0) {
    const ir = [[w.issueCols.cell, w.issueCols.severity, w.issueCols.rule, w.issueCols.message]];
    for (const i of r.issues)
      ir.push([i.cell ?? '—', w.severity[i.severity], i.rule, `${i.message}${locale === 'zh' ? '。' : '. '}${i.fix}`]);
    out.push(...table(ir).map((l) => `  ${l}`));
  }

  if (r.quota.length > 0) {
    out.push('', w.quotaTitle);
    for (const q of r.quota) out.push(...quotaLines(q, locale));
  }
  return out.join('\n');
}
