/**
 * A year's workbook, rolled up: each period sheet checked with the scheme, the annual sheet
 * found among the other sheets, the roll-up, and the two summary forms. The CLI (`kaohe annual`)
 * and the task pane's 年度汇总 both call this, so they give the same answer for the same sheets.
 */
import { checkGrid } from '../check';
import type { Grid } from '../grid';
import type { Results } from '../results';
import type { Scheme } from '../scheme/model';
import type { ColumnOverrides } from '../table/read';
import { annualForm, ANNUAL_TITLE, QUARTERLY_TITLE, quarterlyForm, type Form } from './forms';
import { periodLabel, type PeriodSheet } from './periods';
import { readProposals } from './proposal';
import { readAnnualSheet, rollUp, type AnnualResults, type PeriodResults } from './rollup';

export interface YearInput {
  scheme: Scheme;
  /** The period sheets, in the year's order, with their cells. */
  periods: (PeriodSheet & { grid: Grid })[];
  /** The workbook's other visible sheets, read as needed: one of them may be the annual sheet (votes, proposed grades). */
  others: Iterable<Grid>;
  /** The column corrections saved for a sheet. */
  overrides: (sheet: string) => ColumnOverrides;
}

export type YearOutcome =
  | { ok: true; year: AnnualResults; checked: PeriodResults[] }
  /** A period sheet has no roster the scheme can read. */
  | { ok: false; sheet: string };

export function rollUpYear(input: YearInput): YearOutcome {
  const { scheme } = input;
  const checked: PeriodResults[] = [];
  for (const p of input.periods) {
    const results = checkGrid(p.grid, scheme, { overrides: input.overrides(p.sheet) });
    if (!results) return { ok: false, sheet: p.sheet };
    checked.push({ sheet: p.sheet, index: p.index, results });
  }
  let annualSheet = null;
  for (const grid of input.others) if (!isOwnForm(grid) && (annualSheet = readAnnualSheet(grid, scheme))) break;
  return { ok: true, year: rollUp(scheme, checked, annualSheet), checked };
}

/**
 * A year kept in one sheet, a column (or a pair) per period: each period as checked (checkSheet's
 * Results.periods) rolled up as if each were a sheet of its own, with the sheet's column of proposals
 * (拟评优秀 √), if any, as its annual sheet. Null when the sheet keeps one period.
 */
export function rollUpSheetPeriods(scheme: Scheme, grid: Grid, sheet: Results): { year: AnnualResults; checked: PeriodResults[] } | null {
  if (!sheet.periods) return null;
  const checked = sheet.periods.map((p) => ({ sheet: sheet.table.sheet, index: p.index, results: p.results }));
  return { year: rollUp(scheme, checked, readProposals(grid, scheme, sheet)), checked };
}

/**
 * 平时考核结果汇总表 and 年度考核情况登记汇总表 for a rolled-up year; none for a scheme that gives
 * scores only (the forms list grades).
 */
export function yearForms(year: AnnualResults, checked: PeriodResults[]): Form[] {
  if (year.scheme.grading.mode === 'none') return [];
  const quarters = checked.map((p) => ({ label: periodLabel(p.index, 'zh'), results: p.results }));
  return [quarterlyForm(year.scheme, quarters), annualForm(year)];
}

/** A summary form kaohe wrote before (its title in the first cell): never the annual sheet, though it lists people and grades. */
function isOwnForm(grid: Grid): boolean {
  const first = grid.top === 1 && grid.left === 1 ? grid.values[0]?.[0] : null;
  return first === QUARTERLY_TITLE || first === ANNUAL_TITLE;
}
