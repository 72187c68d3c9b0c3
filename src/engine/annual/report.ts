/** The annual roll-up → the `kaohe annual --json` report of the command-line contract. */
import type { Locale } from '../report/locale';
import { noteText } from '../report/messages';
import { issueJson, quotaJson, type IssueJson, type QuotaJson } from '../report/report';
import { periodLabel, periodUnit } from './periods';
import type { AnnualPerson, AnnualResults, PeriodState } from './rollup';

export interface AnnualPersonJson {
  name: string;
  periods: (string | null)[];
  /** Each period's total (schemes that give scores only show these instead of grades). */
  totals: (number | null)[];
  /** Organisations: each period's place within the category. */
  places: AnnualPerson['places'];
  score: number | null;
  maxGrade: string | null;
  flags: string[];
  unit: string | null;
  states: PeriodState[];
  reasons: (string | null)[];
  scorePart: number | null;
  parts: Record<string, number | null>;
  annualTotal: number | null;
  rates: AnnualPerson['rates'];
  decided: string | null;
  proposed: string | null;
  priority: boolean;
  rules: string[];
}

export interface AnnualReport {
  scheme: string;
  people: AnnualPersonJson[];
  issues: IssueJson[];
  quota: QuotaJson[];
  periods: { sheet: string; label: string }[];
  annualSheet: string | null;
  summary: { people: number; errors: number; warnings: number };
}

export function toAnnualReport(a: AnnualResults, locale: Locale): AnnualReport {
  return {
    scheme: a.scheme.id,
    people: a.people.map((p) => ({
      name: p.name,
      periods: p.periods,
      totals: p.totals,
      places: p.places,
      score: p.score,
      maxGrade: p.maxGrade,
      flags: p.flags.map((f) => noteText(f, locale)),
      unit: p.unit,
      states: p.states,
      reasons: p.reasons,
      scorePart: p.scorePart,
      parts: p.parts,
      annualTotal: p.annualTotal,
      rates: p.rates,
      decided: p.decided,
      proposed: p.proposed,
      priority: p.priority,
      rules: p.rules,
    })),
    issues: a.issues.map((i) => issueJson(i, locale)),
    quota: quotaJson(a.quotas),
    periods: a.periods.map((p) => ({ sheet: p.sheet, label: periodLabel(p.index, locale, periodUnit(a.scheme)) })),
    annualSheet: a.annualSheet,
    summary: {
      people: a.people.length,
      errors: a.issues.filter((i) => i.severity === 'error').length,
      warnings: a.issues.filter((i) => i.severity === 'warning').length,
    },
  };
}
