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
export { fmt, noteText, pct, ruleName, scopeName, words } from './report/messages';
export { type CheckReport, type IssueJson, type QuotaJson, scopeOfJson, toReport } from './report/report';
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

/**
 * How well a scheme fits a sheet: columns it recognises, exact matches counting double, less
 * the columns its total needs but the sheet lacks; grades in the sheet that it knows add to it.
 * Null when it finds no roster at all.
 */
export function fitScore(grid: Grid, s: Scheme): number | null {
  const view = new GridView(grid);
  const c = compiled(s);
  const table = readTable(view, new Vocabulary(c));
  if (!table) return null;
  let score = 0;
  for (const col of table.columns) {
    if (col.role.kind !== 'field') continue;
    score += col.how === 'contains' ? 1 : 2;
  }
  const scored = scoreTable(view, table, c);
  score -= scored.issues.filter((i) => i.rule === 'missing-column').length * 2;
  // A scheme that finds the scores missing or unreadable on most rows does not fit the sheet.
  score -= Math.min(scored.issues.filter((i) => i.rule === 'missing-value' || i.rule === 'not-a-number').length, 5);
  if (columnOf(table, 'grade') !== null) {
    const written = scored.people.filter((p) => p.sheetGrade !== null).length;
    const unknown = scored.issues.filter((i) => i.rule === 'unknown-grade').length;
    score += Math.min(written - unknown, 5) - Math.min(unknown, 5);
  }
  return score;
}

const DETECT_ROWS = 100;

/** The scheme, among candidates, that best fits the sheet (judged on its first rows); undefined when none finds a roster. */
export function detectScheme(grid: Grid, candidates: Scheme[]): Scheme | undefined {
  const head: Grid = { ...grid, values: grid.values.slice(0, DETECT_ROWS) };
  if (grid.formulas) head.formulas = grid.formulas.slice(0, DETECT_ROWS);
  if (grid.numFmts) head.numFmts = grid.numFmts.slice(0, DETECT_ROWS);
  let best: { s: Scheme; score: number } | undefined;
  for (const s of candidates) {
    const score = fitScore(head, s);
    if (score === null) continue;
    if (!best || score > best.score) best = { s, score };
  }
  return best?.s;
}
