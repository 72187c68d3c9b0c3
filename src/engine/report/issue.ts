/**
 * Issues: what the engine finds, as data. Each has a rule id (stable, in the CLI contract),
 * a severity, the cell it concerns, and structured data; the rules are declared in ./rules and
 * the words a person reads are made from the data by ./messages, in Chinese or English.
 */

import { parseA1 } from '../grid';
import { RULES, type IssueData, type RuleId } from './rules';

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

export type { IssueData, IssueDataOf, RuleId } from './rules';

export interface Issue {
  rule: RuleId;
  severity: Severity;
  /** A1 address on the sheet, or null for issues about the scheme or the sheet as a whole. */
  cell: string | null;
  /** The sheet the cell is on, where issues span several sheets (the annual roll-up); else the sheet checked. */
  sheet?: string;
  /** 1-based sheet row, or null. */
  row: number | null;
  /** On a sheet of several periods: the period the issue belongs to (absent when it holds for all). */
  period?: string;
  data: IssueData;
}

export function issue(data: IssueData, cell: string | null = null, row: number | null = null, severity?: Severity): Issue {
  return { rule: data.rule, severity: severity ?? RULES[data.rule].severity, cell, row, data };
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
