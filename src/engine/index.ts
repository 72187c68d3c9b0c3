/**
 * The engine's front door: a Grid and a Scheme in, Results out. Host-free: nothing here or
 * below imports Office.js, React, the DOM or Node.
 */
import { a1, GridView, type Grid } from './grid';
import { sortIssues } from './report/issue';
import type { Person, Results } from './results';
import { checkScheme } from './scheme/check';
import { compileScheme, type CompiledScheme } from './scheme/fields';
import type { Scheme } from './scheme/model';
import { scoreTable } from './grade/score';
import { checkQuotas } from './quota/quota';
import { rankIssues, rankPeople } from './rank/rank';
import { Vocabulary } from './table/columns';
import { columnOf, readTable, type ColumnOverrides, type Table } from './table/read';
import { fitOn, rankCandidates, type Fit } from './fit/fit';

// The public API: everything outside the engine imports from here, never from its modules (npm run lint checks).
// Cells and addresses.
export { a1, type Area, areaA1, type CellValue, columnLetters, type Grid, GridView, isCellError, parseA1, parseArea } from './grid';
// What kaohe keeps in a workbook.
export { emptySettings, type MarkRecord, parseSettings, SETTINGS_KEY, storedOverrides, type WorkbookSettings } from './settings';
// Text of cells.
export { displayWidth, numberFromText } from './text';
// Reading a sheet: columns and rows.
export { type Column, type ColumnRole, IDENTITY_ROLES, type IdentityRole } from './table/columns';
export { isDateFormat } from './table/cells';
export { columnOf, type ColumnOverrides } from './table/read';
// Schemes: the model, loading, checking.
export { type Scheme, schemeJsonSchema } from './scheme/model';
export { loadScheme, parseScheme, SchemeError, schemeErrorText } from './scheme/load';
export { compileScheme } from './scheme/fields';
export { checkScheme } from './scheme/check';
// Results and issues, and their words.
export { type Person, type QuotaResult, type QuotaScope, type Results } from './results';
export { type Issue, type Severity } from './report/issue';
export { type Locale, localeFromTag } from './report/locale';
export { fitReasonText, fmt, noFitSentence, noteText, pct, ruleName, schemeSentence, scopeName, words } from './report/messages';
// How well a scheme fits a sheet.
export { FIT_LIMITS, type Fit, type FitCode, type FitReason, type SchemeSource, weakestReason } from './fit/fit';
export { type CheckReport, type FitDetail, type IssueJson, type QuotaJson, scopeOfJson, toReport } from './report/report';
export { readTextLiteral } from './expr/parse';
// The write plan.
export { applyToGrid, buildPlan, type CellContent, type CellWrite, contentAt, type Plan, undoPlan } from './plan/plan';
// The year: period sheets, roll-up, summary forms.
export { findPeriodSheets, guessPeriodSheets, monthOf, periodLabel, type PeriodSheet, periodUnit, quarterOf } from './annual/periods';
export { type AnnualResults, type PeriodResults } from './annual/rollup';
export { rollUpYear, yearForms } from './annual/year';
export { type AnnualReport, toAnnualReport } from './annual/report';
export { type Form, quarterlyForm } from './annual/forms';
export { FORM_FONT, FORM_STYLES, formLayout, type FormLayout, freeSheetName, looksLikeFormula } from './annual/layout';
// A sheet's own scheme, when no preset fits.
export { inferScheme } from './infer/infer';

export interface CheckOptions {
  /** Corrections to the column mapping, by 1-based sheet column. */
  overrides?: ColumnOverrides;
}

const compiledCache = new WeakMap<Scheme, CompiledScheme>();

export function compiled(s: Scheme): CompiledScheme {
  let c = compiledCache.get(s);
  if (!c) {
    c = compileScheme(s);
    compiledCache.set(s, c);
  }
  return c;
}

/** Reads the roster of a sheet for a scheme; null when the sheet holds none. */
export function findRoster(grid: Grid | GridView, s: Scheme, options: CheckOptions = {}): Table | null {
  const view = grid instanceof GridView ? grid : new GridView(grid);
  return readTable(view, new Vocabulary(compiled(s)), options.overrides);
}

/** Checks one sheet against a scheme. Null when the sheet holds no roster this scheme recognises. */
export function checkGrid(grid: Grid, s: Scheme, options: CheckOptions = {}): Results | null {
  const view = new GridView(grid);
  const c = compiled(s);
  const table = readTable(view, new Vocabulary(c), options.overrides);
  if (!table) return null;
  const scored = scoreTable(view, table, c);
  const gradeCol = columnOf(table, 'grade');
  const nameCol = columnOf(table, 'name') ?? 1;
  const cellOf = (p: Person): string => a1(p.row, gradeCol ?? nameCol);
  const q = checkQuotas(s, scored.people, cellOf);
  const ranks = rankPeople(s, scored.people);
  for (const p of scored.people) p.rank = ranks.get(p.row) ?? null;
  const rankCol = columnOf(table, 'rank') ?? undefined;
  const rankMismatch = rankIssues(scored.people, rankCol, (row) => view.value(row, rankCol!));
  return {
    compiled: c,
    table,
    people: scored.people,
    quotas: q.quotas,
    issues: [...checkScheme(c), ...sortIssues([...scored.issues, ...rankMismatch, ...q.issues])],
    scoring: scored.scoring,
    sources: scored.sources,
    fieldColumns: scored.fieldColumns,
  };
}

/** How well a scheme explains a sheet (judged on its first rows); null when it finds no roster there. */
export function measureFit(grid: Grid, s: Scheme): Fit | null {
  return fitOn(grid, compiled(s));
}

/** The candidates that find a roster on the sheet, each with its fit, best first (clear fits before the others). */
export function rankFits(grid: Grid, candidates: Scheme[]): { scheme: Scheme; fit: Fit }[] {
  return rankCandidates(
    grid,
    candidates.map((scheme) => ({ scheme, compiled: compiled(scheme) })),
  );
}
