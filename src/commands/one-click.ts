/**
 * 一键计算等次, without Office: read the active sheet, check it with the saved or recognised
 * scheme, write totals and grades (values, or formulas if the pane chose them), and say what
 * happened in a few lines. The ribbon command shows these lines in a small dialog.
 */
import { activeSheet, analyseSheet, analysisSentence, planFor } from '../app';
import { appWords, problemText } from '../app/words';
import { type Locale, noFitSentence, scopeName } from '../engine';
import type { Host } from '../hosts/host';
import { registerEnglish } from '../app/english';
import { registerSchemeValidator } from '../schemes';

const WORDS = {
  zh: {
    title: '考核助手 · 一键计算等次',
    scheme: (id: string) => `方案：${id}`,
    wrote: (t: number, g: number, r: number) => `已写入合计 ${t} 格、等次 ${g} 格${r > 0 ? `、排名 ${r} 格` : ''}。`,
    nothing: '总分和等次都已正确，没有改动。',
    noFit: (sentence: string) => `${sentence}。请打开考核助手选择方案并保存到工作簿，再运行一键计算。`,
    issues: (e: number, w: number) => (e + w === 0 ? '没有发现问题。' : `发现错误 ${e} 个、警告 ${w} 个，请打开考核助手查看并改正。`),
    skipped: (n: number) => `${n} 人分数有误或缺项，未写入。`,
    kept: (n: number) => `${n} 人的等次与分数段不同，可能另有依据，已保留原等次，请核实。`,
    hidden: (rows: number[]) => `第 ${rows.join('、')} 行被隐藏或筛选掉，未写入；取消筛选或取消隐藏后再运行一键计算。`,
    quota: (grade: string, scope: string, n: number) => `${scope}“${grade}”等次超出名额 ${n} 人。`,
    undo: '可按 Ctrl+Z 撤销。',
  },
  en: {
    title: 'Appraisal Assistant · Compute grades',
    scheme: (id: string) => `Scheme: ${id}`,
    wrote: (t: number, g: number, r: number) => `Wrote ${t} totals and ${g} grades${r > 0 ? ` and ${r} places` : ''}.`,
    nothing: 'Totals and grades were already right: nothing changed.',
    noFit: (sentence: string) => `${sentence}. Open the pane, choose a scheme and save it to the workbook, then run this again.`,
    issues: (e: number, w: number) =>
      e + w === 0 ? 'No issues found.' : `${e} errors and ${w} warnings: open the pane to see and fix them.`,
    skipped: (n: number) => `${n} people have missing or wrong scores and were not written.`,
    kept: (n: number) => `${n} people have a grade that differs from the bands but may have a reason: kept; please verify.`,
    hidden: (rows: number[]) =>
      `${rows.length > 1 ? 'Rows' : 'Row'} ${rows.join(', ')} hidden or filtered out: not written; clear the filter or unhide them and run this again.`,
    quota: (grade: string, scope: string, n: number) => `${scope}: "${grade}" is ${n} over its quota.`,
    undo: 'Ctrl+Z undoes it.',
  },
};

export interface OneClickResult {
  ok: boolean;
  title: string;
  lines: string[];
}

export async function oneClick(host: Host, locale: Locale): Promise<OneClickResult> {
  // A scheme stored in the workbook or inferred from the sheet is validated like any other (the ribbon's bundle carries the validator).
  registerSchemeValidator();
  registerEnglish();
  const w = WORDS[locale];
  const s = appWords(locale);
  try {
    const read = await host.readSheet();
    const outcome = analyseSheet(activeSheet(read), { locale });
    if (!outcome.ok && outcome.problem === 'no-fit')
      return { ok: false, title: w.title, lines: [s.sheet(read.sheet), w.noFit(noFitSentence(outcome.closest, locale))] };
    if (!outcome.ok && outcome.problem === 'forms')
      return { ok: false, title: w.title, lines: [s.forms(outcome.unread, outcome.people, outcome.partial)] };
    if (!outcome.ok) return { ok: false, title: w.title, lines: [s.noRoster(read.sheet)] };
    const { analysis } = outcome;
    const { results } = analysis;
    if (results.people.length === 0) return { ok: false, title: w.title, lines: [s.noPeople] };
    if (read.protected) return { ok: false, title: w.title, lines: [s.problems.protected] };
    const plan = planFor(analysis, { formulas: read.settings?.formulas ?? false });
    const lines = [`${s.sheet(read.sheet)}  ${w.scheme(analysis.scheme.id)}`, analysisSentence(analysis, locale)];
    if (plan.nothingToWrite) lines.push(s.nothingToWrite[plan.nothingToWrite]);
    else if (plan.writes.length === 0) {
      if (!plan.hiddenRows?.length) lines.push(w.nothing);
    } else {
      // Announced: a task pane open beside it hears that kaohe wrote the sheet, and checks it again.
      const r = await host.apply(plan, { announce: true });
      const count = (kind: string) => plan.writes.filter((x) => x.kind === kind).length;
      lines.push(w.wrote(count('total'), count('grade'), count('rank')));
      if (r.asValues) lines.push(s.asValuesInTables(r.asValues));
      if (r.undoGroup) lines.push(w.undo);
    }
    if (!plan.nothingToWrite && plan.hiddenRows?.length) lines.push(w.hidden(plan.hiddenRows));
    const kept = plan.skipped.filter((k) => k.why === 'sheet-grade').length;
    if (plan.skipped.length > kept) lines.push(w.skipped(plan.skipped.length - kept));
    if (kept > 0) lines.push(w.kept(kept));
    for (const q of results.quotas.filter((x) => x.severity !== 'ok' && x.kind === 'max')) {
      lines.push(w.quota(q.grades.join('/'), scopeName(q.scope, locale), q.count - q.limit));
    }
    const e = results.issues.filter((i) => i.severity === 'error').length;
    const wn = results.issues.filter((i) => i.severity === 'warning').length;
    lines.push(w.issues(e, wn));
    return { ok: e === 0, title: w.title, lines };
  } catch (e) {
    return { ok: false, title: w.title, lines: [problemText(e, locale)] };
  }
}
