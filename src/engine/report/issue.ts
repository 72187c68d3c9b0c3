/**
 * Issues: what the engine finds, as data. Each has a rule id (stable, in the CLI contract),
 * a severity, the cell it concerns, and structured data; the words a person reads are
 * made from that data by ./messages, in Chinese or English.
 */

import { parseA1 } from '../grid';

export type Severity = 'error' | 'warning' | 'info';

/** A field named in a message: its id and its label in both languages. */
export interface FieldRef {
  id: string;
  label: string;
  en?: string;
}

export interface Span {
  from: number | null;
  fromInclusive: boolean;
  to: number | null;
  toInclusive: boolean;
}

export type IssueData =
  | { rule: 'missing-value'; field: FieldRef }
  | { rule: 'not-a-number'; field: FieldRef; text: string; kind: 'text' | 'error' | 'boolean' | 'date' | 'formula' }
  | { rule: 'number-as-text'; field: FieldRef; text: string; value: number }
  /** `summed`: a capped dimension whose items add up to more than its cap (业绩加分 > 50): nothing in the sheet is wrong. */
  | { rule: 'out-of-range'; field: FieldRef; value: number; min: number | null; max: number | null; cap: boolean; summed?: true }
  | { rule: 'subtotal-mismatch'; field: FieldRef; sheet: number; computed: number }
  /** A subject's votes (优秀 + 良好 + 一般 + 较差) do not add up to the number of voters. */
  | { rule: 'ballot-mismatch'; subject: FieldRef; votes: number; voters: number }
  /** Points taken for cases that cost a range each (1–3 per case): outside count × range. */
  | { rule: 'deduction-out-of-range'; field: FieldRef; count: number; points: number; min: number; max: number; each: [number, number] }
  | { rule: 'total-mismatch'; sheet: number | string; computed: number }
  | { rule: 'grade-mismatch'; sheet: string; computed: string | null; why: string | null; whyEn: string | null }
  | { rule: 'unknown-grade'; text: string; known: string[] }
  | { rule: 'duplicate-person'; name: string; unit: string | null; firstRow: number }
  /** The place written in the sheet's 排名 column differs from the place by total within the category. */
  | { rule: 'rank-mismatch'; name: string; sheet: number | string; computed: number; group: string | null }
  | {
      rule: 'quota-exceeded' | 'quota-below-minimum';
      grades: string[];
      scope: string;
      count: number;
      base: number;
      limit: number;
      share: number;
      hard: boolean;
    }
  | ({ rule: 'scheme-gap'; kind: 'gap' | 'overlap'; subject: FieldRef | null; grades: string[] } & Span)
  | { rule: 'scheme-gap'; kind: 'max-sum'; subject: FieldRef | null; expected: number; actual: number }
  | { rule: 'scheme-gap'; kind: 'total-in-gap'; value: number }
  /** The scheme's total formula gives no number for a row whose scores are all there (a division by 0). */
  | { rule: 'scheme-gap'; kind: 'total-not-a-number' }
  | { rule: 'missing-column'; field: FieldRef }
  | { rule: 'header-max-mismatch'; field: FieldRef; header: number; scheme: number }
  | { rule: 'condition-conflict'; chosen: string; ignored: string }
  /** Annual roll-up: a person missing from some period sheets (name null: the workbook lacks whole periods). */
  | { rule: 'annual-missing-period'; name: string | null; periods: string[] }
  /** Annual roll-up: a person without a grade in some periods (试用期 …): the rules count the graded ones. */
  | { rule: 'annual-ungraded-period'; name: string; periods: string[] }
  /** Annual roll-up: the annual grade proposed is better than the period grades allow. */
  | { rule: 'annual-grade-not-allowed'; name: string; grade: string; maxGrade: string; why: string[] };

export type RuleId = IssueData['rule'];

export interface Issue {
  rule: RuleId;
  severity: Severity;
  /** A1 address on the sheet, or null for issues about the scheme or the sheet as a whole. */
  cell: string | null;
  /** The sheet the cell is on, where issues span several sheets (the annual roll-up); else the sheet checked. */
  sheet?: string;
  /** 1-based sheet row, or null. */
  row: number | null;
  data: IssueData;
}

/** The default severity of each rule; quotas take theirs from the scheme. */
export const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  'missing-value': 'error',
  'not-a-number': 'error',
  'number-as-text': 'warning',
  'out-of-range': 'error',
  'subtotal-mismatch': 'error',
  'deduction-out-of-range': 'error',
  'ballot-mismatch': 'error',
  'total-mismatch': 'error',
  'grade-mismatch': 'error',
  'unknown-grade': 'error',
  'duplicate-person': 'warning',
  'rank-mismatch': 'error',
  'quota-exceeded': 'error',
  'quota-below-minimum': 'error',
  'scheme-gap': 'warning',
  'missing-column': 'error',
  'header-max-mismatch': 'warning',
  'condition-conflict': 'warning',
  'annual-missing-period': 'warning',
  'annual-ungraded-period': 'info',
  'annual-grade-not-allowed': 'error',
};

export function issue(data: IssueData, cell: string | null = null, row: number | null = null, severity?: Severity): Issue {
  return { rule: data.rule, severity: severity ?? DEFAULT_SEVERITY[data.rule], cell, row, data };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sheet order: by row, then column, then severity; sheet-wide issues first. */
export function sortIssues(issues: Issue[]): Issue[] {
  const col = (cell: string | null): number => (cell ? (parseA1(cell)?.col ?? 0) : 0);
  return issues
    .map((it, i) => ({ it, i }))
    .sort(
      (a, b) =>
        (a.it.row ?? 0) - (b.it.row ?? 0) ||
        col(a.it.cell) - col(b.it.cell) ||
        SEVERITY_ORDER[a.it.severity] - SEVERITY_ORDER[b.it.severity] ||
        a.i - b.i,
    )
    .map((x) => x.it);
}
