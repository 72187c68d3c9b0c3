/**
 * Whom a line of the pane is about: the person on an issue's or a write's row — in the block the
 * cell is in, where the roster is printed as blocks side by side — so the pane can name 杨帆（国库股）
 * first and the cell second.
 */
import { type Issue, parseA1, type Person, type Results } from '../engine';

/** The person whose row and block hold the cell (row, col); null when no one's do. */
export function personAt(results: Pick<Results, 'people' | 'table'>, row: number, col: number | null): Person | null {
  const on = results.people.filter((p) => p.row === row);
  if (on.length <= 1) return on[0] ?? null;
  if (col === null) return null;
  // Blocks side by side: the block whose columns begin at or before the cell, the rightmost such.
  const first = Math.min(...results.table.columns.map((c) => c.col));
  let found: Person | null = null;
  for (const p of on) if (col >= first + p.shift && (!found || p.shift > found.shift)) found = p;
  return found;
}

/**
 * The person an issue is about; null for issues about the sheet, the scheme or a quota (a quota's
 * issue points at the first person beyond the limit, who is not what it is about).
 */
export function personOfIssue(results: Pick<Results, 'people' | 'table'>, issue: Issue): Person | null {
  if (issue.row === null || issue.rule.startsWith('quota-')) return null;
  if (issue.sheet && issue.sheet !== results.table.sheet) return null;
  return personAt(results, issue.row, issue.cell ? (parseA1(issue.cell)?.col ?? null) : null);
}

/** Each person's key, unique on a sheet of blocks side by side (two people can share a row). */
export const personKey = (p: Pick<Person, 'row' | 'shift'>): string => `${p.row}:${p.shift}`;
