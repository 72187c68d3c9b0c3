/**
 * Results → the JSON report of the command-line contract (../shared/design/cli-contract.md).
 * The contract's fields keep their names and meaning; fields after them are additions.
 */
import { fieldValue, type Person, type QuotaResult, type QuotaScope, type Results } from '../results';
import type { Fit, SchemeSource } from '../fit/fit';
import type { Locale } from './locale';
import { fitReasonText, noteText, words } from './messages';
import type { Issue, Severity } from './issue';

export interface PersonJson {
  row: number;
  name: string;
  unit: string | null;
  total: number | null;
  grade: string | null;
  status: Person['status'];
  reason: string | null;
  post: string | null;
  elsewhere: boolean;
  gradeFrom: Person['gradeFrom'];
  flags: string[];
  levels?: Record<string, string | null>;
  /** Schemes with rated items (德（合格/不合格）, 廉（一票否决）): the word read per item id, null when empty or unknown. */
  ratings?: Record<string, string | null>;
  /** Ballot schemes: the shares over the overall votes (优秀率, 好评率), by id, 4 decimals. */
  rates?: Record<string, number | null>;
  /** Ranked schemes (organisations): the category and the place within it, high to low. */
  category?: string | null;
  rank?: Person['rank'];
  /** A sheet of several periods: the grade of each period, by its label (7月, 第一季度). */
  grades?: Record<string, string | null>;
  /** …and the total of each, where the periods are scored. */
  totals?: Record<string, number | null>;
}

export interface IssueJson {
  severity: Severity;
  rule: string;
  cell: string | null;
  row: number | null;
  message: string;
  fix: string;
  /** Where issues span sheets (annual): the sheet of `cell`. */
  sheet?: string;
  /** A sheet of several periods: the period the issue is about (absent when it is about all). */
  period?: string;
}

/** A quota's scope as the report writes it: `all`, or `unit:<name>` for a per-unit quota. */
export type ScopeJson = 'all' | `unit:${string}`;

const UNIT = 'unit:';

export function scopeJson(scope: QuotaScope): ScopeJson {
  return scope.kind === 'all' ? 'all' : `${UNIT}${scope.unit}`;
}

/** The scope a report names, for what reads the report (the command line's text). */
export function scopeOfJson(scope: ScopeJson): QuotaScope {
  return scope === 'all' ? { kind: 'all' } : { kind: 'unit', unit: scope.slice(UNIT.length) };
}

export interface QuotaJson {
  grade: string;
  scope: ScopeJson;
  count: number;
  base: number;
  limit: number;
  ratio: number;
  severity: QuotaResult['severity'];
  id: string | null;
  grades: string[];
  kind: QuotaResult['kind'];
  share: number | null;
  rounding: QuotaResult['rounding'];
  ranking: QuotaResult['ranking'];
  /** A sheet of several periods: the period counted. */
  period?: string;
}

export interface CheckReport {
  scheme: string;
  sheet: string;
  people: PersonJson[];
  issues: IssueJson[];
  quota: QuotaJson[];
  schemeName: string;
  /** A changed copy of a preset (a scheme stored under the preset's id whose rules differ included): the preset's id. */
  basedOn?: string;
  header: { top: number; bottom: number };
  scoring: Results['scoring'];
  /** A sheet of several periods (month or quarter columns): their labels, in the year's order. */
  periods?: string[];
  /** The scheme gives a score only (grading mode none): no grades. */
  scoreOnly?: true;
  summary: { people: number; graded: number; ungraded: number; excluded: number; errors: number; warnings: number };
  /** How the scheme was chosen (docs/json-report.md). */
  schemeSource?: SchemeSource;
  /** How well it fits the sheet, exactly as the contract has it: the score and each reason in words. */
  fit?: { score: number; reasons: string[] };
  /** Ours, beside the contract's `fit`: whether the fit is clear enough to choose without asking, and each reason as data. */
  fitDetail?: FitDetail;
}

export interface FitDetail {
  clear: boolean;
  measures: ({ code: string } & Record<string, unknown>)[];
}

/** The contract's `fit` and our `fitDetail`, in the report's language. */
export function fitJson(fit: Fit, locale: Locale): Pick<CheckReport, 'fit' | 'fitDetail'> {
  return {
    fit: { score: fit.score, reasons: fit.reasons.map((r) => fitReasonText(r, locale)) },
    fitDetail: { clear: fit.clear, measures: fit.reasons.map((r) => ({ ...r })) },
  };
}

function personJson(r: Results, p: Person, locale: Locale): PersonJson {
  const out: PersonJson = {
    row: p.row,
    name: p.name,
    unit: p.unit,
    total: p.total === null ? null : Math.round(p.total * 100) / 100,
    grade: p.grade,
    status: p.status,
    reason: p.reason && noteText(p.reason, locale),
    post: p.post,
    elsewhere: p.elsewhere,
    gradeFrom: p.gradeFrom,
    flags: p.flags.map((f) => noteText(f, locale)),
  };
  if (Object.keys(p.levels).length > 0) out.levels = p.levels;
  if (Object.keys(p.ratings).length > 0) out.ratings = p.ratings;
  const rates = r.compiled.scheme.ballot?.rates ?? [];
  if (rates.length > 0) out.rates = Object.fromEntries(rates.map((x) => [x.id, fieldValue(r, p, x.id)]));
  if (r.compiled.scheme.organisation?.rankWithin) {
    out.category = p.category;
    out.rank = p.rank;
  }
  if (p.periods) {
    const each = Object.entries(p.periods);
    out.grades = Object.fromEntries(each.map(([label, x]) => [label, x.grade]));
    if (each.some(([, x]) => x.total !== null))
      out.totals = Object.fromEntries(each.map(([label, x]) => [label, x.total === null ? null : Math.round(x.total * 100) / 100]));
  }
  return out;
}

export function issueJson(i: Issue, locale: Locale): IssueJson {
  const w = words(i, locale);
  return {
    severity: i.severity,
    rule: i.rule,
    cell: i.cell,
    row: i.row,
    message: w.message,
    fix: w.fix,
    ...(i.sheet ? { sheet: i.sheet } : {}),
    ...(i.period ? { period: i.period } : {}),
  };
}

export function quotaJson(quotas: QuotaResult[]): QuotaJson[] {
  return quotas.map((q) => ({
    grade: q.grades.join('/'),
    scope: scopeJson(q.scope),
    count: q.count,
    base: q.base,
    limit: q.limit,
    ratio: q.ratio,
    severity: q.severity,
    id: q.id,
    grades: q.grades,
    kind: q.kind,
    share: q.share,
    rounding: q.rounding,
    ranking: q.ranking,
    ...(q.period ? { period: q.period } : {}),
  }));
}

/** The report of a check; `chosen`: how its scheme was chosen and how well it fits (the command line always gives it). */
export function toReport(r: Results, locale: Locale, chosen?: { source: SchemeSource; fit: Fit }): CheckReport {
  const s = r.compiled.scheme;
  return {
    scheme: s.id,
    sheet: r.table.sheet,
    people: r.people.map((p) => personJson(r, p, locale)),
    issues: r.issues.map((i) => issueJson(i, locale)),
    quota: quotaJson(r.quotas),
    schemeName: locale === 'en' ? (s.nameEn ?? s.name) : s.name,
    ...(s.basedOn !== undefined && { basedOn: s.basedOn }),
    header: { top: r.table.headerTop, bottom: r.table.headerBottom },
    scoring: r.scoring,
    ...(r.periods && { periods: r.periods.map((p) => p.label) }),
    ...(r.compiled.scheme.grading.mode === 'none' && { scoreOnly: true as const }),
    summary: {
      people: r.people.length,
      graded: r.people.filter((p) => p.status === 'graded').length,
      ungraded: r.people.filter((p) => p.status === 'ungraded').length,
      excluded: r.people.filter((p) => p.status === 'excluded').length,
      errors: r.issues.filter((i) => i.severity === 'error').length,
      warnings: r.issues.filter((i) => i.severity === 'warning').length,
    },
    ...(chosen && { schemeSource: chosen.source, ...fitJson(chosen.fit, locale) }),
  };
}
