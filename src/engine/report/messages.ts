/**
 * Words for what the engine finds: issues, notes, scheme problems, in Chinese or English. The
 * engine hands out codes and data; the words live in one file per language (./words/zh.ts,
 * ./words/en.ts), and translating never touches the engine.
 */
import type { PeriodUnit } from '../annual/periods';
import type { ExprProblem } from '../expr/parse';
import { weakestReason, type Fit, type FitReason, type SchemeSource } from '../fit/fit';
import type { Note, QuotaScope } from '../results';
import { NAMES_ITS_KEY, type SchemePath, type SchemeProblem } from '../scheme/problems';
import type { Issue, IssueData, RuleId } from './issue';
import type { Locale } from './locale';
import { say, type Language, type Words } from './words/language';
import { zh } from './words/zh';

export { fmt, pct } from './format';
export type { Words } from './words/language';

/**
 * English is added when it is needed (./english.ts): the task pane loads it as a chunk of its own
 * before it shows anything when Office runs in English, the command line and the ribbon at once.
 * Until then an English request gets the Chinese words, never none.
 */
const LANGUAGES: { zh: Language; en?: Language } = { zh };
const lang = (locale: Locale): Language => LANGUAGES[locale] ?? LANGUAGES.zh;

export function addLanguage(locale: 'en', words: Language): void {
  LANGUAGES[locale] = words;
}

export function words(i: Issue | IssueData, locale: Locale): Words {
  const d = 'data' in i ? i.data : i;
  return (lang(locale).rules[d.rule].words as (d: IssueData) => Words)(d);
}

/** A rule's name, for headings. */
export function ruleName(rule: RuleId, locale: Locale): string {
  return lang(locale).rules[rule].name;
}

/** The name of a rule a report names (its id as text): the id itself for a rule this version does not know. */
export function reportRuleName(rule: string, locale: Locale): string {
  return Object.hasOwn(lang(locale).rules, rule) ? ruleName(rule as RuleId, locale) : rule;
}

/** A quota's scope in words: the unit's name (办公室), or the whole office (全单位). */
export function scopeName(scope: QuotaScope, locale: Locale): string {
  return scope.kind === 'unit' ? scope.unit : lang(locale).scopeAll;
}

export function noteText(n: Note, locale: Locale): string {
  return say(lang(locale).notes, n);
}

/** A period's name: 第一季度 / Q1, 3月 / Month 3. */
export function periodLabel(index: number, locale: Locale, unit: PeriodUnit = 'quarter'): string {
  return lang(locale).period(index, unit);
}

/** An expression that does not parse, with the expression and the position (0-based). */
export function exprErrorText(problem: ExprProblem, source: string, at: number, locale: Locale): string {
  const w = lang(locale);
  return w.exprError(say(w.expr, problem), source, at);
}

/**
 * A path in a scheme file in words: the list entries it runs through (第 1 个名额, quota 1),
 * and the key it ends in (max), if any. ["conditions", 2, "match", "keywords", 0] → 第 3 个条件的第 1 个关键词.
 */
function pathWords(path: SchemePath, w: Language): { where: string | null; key: string | null } {
  const entries: string[] = [];
  let keys: string[] = [];
  for (const seg of path) {
    if (typeof seg === 'string') {
      keys.push(seg);
      continue;
    }
    const key = keys.join('.');
    entries.push(w.path.entry(seg + 1, w.path.nouns[key] ?? w.path.nouns[keys[keys.length - 1] ?? ''] ?? null, key));
    keys = [];
  }
  return { where: entries.length > 0 ? entries.join(w.path.within) : null, key: keys.length > 0 ? keys.join('.') : null };
}

/** The whole place a path names: 第 2 个分项的 id; null for the file itself. */
function placeWords(path: SchemePath, w: Language): string | null {
  const { where, key } = pathWords(path, w);
  return where === null ? key : key === null ? where : w.path.keyOf(where, key);
}

function problemIn(p: SchemeProblem, w: Language): string {
  const { where, key } = pathWords(p.path, w);
  const text = (w.problems[p.code] as (d: SchemeProblem['data'], s: string, place: (p: SchemePath) => string) => string)(
    p.data,
    key ?? (where === null ? w.path.file : w.path.it),
    (path) => placeWords(path, w) ?? w.path.file,
  );
  const before = NAMES_ITS_KEY[p.code] ? where : placeWords(p.path, w);
  return before === null ? text : w.path.at(before, text);
}

/** One problem of a scheme file, with where it is: "第 1 个名额：max 应为数字". */
export function problemText(p: SchemeProblem, locale: Locale): string {
  return problemIn(p, lang(locale));
}

/** A scheme file's problems on one line: the first `max`, and how many there are in all when some are left out. */
export function problemsText(problems: readonly SchemeProblem[], locale: Locale, max = 3): string {
  const w = lang(locale);
  const shown = problems
    .slice(0, max)
    .map((p) => problemIn(p, w))
    .join(w.listSep);
  return problems.length > max ? shown + w.inAll(problems.length) : shown;
}

/** One measure of a scheme's fit, in words. */
export function fitReasonText(r: FitReason, locale: Locale): string {
  return say(lang(locale).fit.reasons, r);
}

/**
 * How the scheme in use was chosen, in one sentence: "按表头识别：gwy-2020，17 个分项和总分全部对上",
 * or for a scheme given or stored that does not fit clearly, what speaks against it. `basedOn`: the
 * preset a changed copy comes from, by name ("按工作簿中保存的方案：gwy-2020-custom（基于 … 修改）").
 */
export function schemeSentence(source: SchemeSource, id: string, fit: Fit | null, locale: Locale, basedOn: string | null = null): string {
  const w = lang(locale).fit;
  const weak = fit && !fit.clear ? weakestReason(fit) : null;
  const detail = !fit ? null : fit.clear ? w.matched(fit) : weak ? w.unclear(say(w.reasons, weak)) : null;
  return w.chosen[source](basedOn !== null ? `${id}${w.basedOn(basedOn)}` : id, source === 'inferred' ? null : detail);
}

/**
 * No scheme chosen: `closest`, the best fits first. Several clear fits as good as each other are
 * named as a tie; else the closest and what speaks against it.
 */
export function noFitSentence(closest: readonly Fit[], locale: Locale): string {
  const w = lang(locale).fit;
  const top = closest[0];
  if (!top) return w.none(null, null);
  const tied = closest.filter((f) => f.clear && f.score >= top.score - 1e-9);
  if (top.clear && tied.length > 1) return w.tie(tied.map((f) => f.scheme));
  const weak = weakestReason(top);
  return w.none(top.scheme, weak ? say(w.reasons, weak) : null);
}
