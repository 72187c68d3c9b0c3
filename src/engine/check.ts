/**
 * Checking a sheet: its roster read for a scheme, scored, the quotas and places; and how well a
 * scheme fits it. The engine's modules that need a check (the annual roll-up) import it from
 * here, never from the engine's front door, which re-exports it.
 */
import { a1, GridView, type Grid } from './grid';
import { fitOn, rankCandidates, type Fit } from './fit/fit';
import { scoreTable } from './grade/score';
import { checkQuotas } from './quota/quota';
import { rankIssues, rankPeople } from './rank/rank';
import { sortIssues } from './report/issue';
import type { Person, Results } from './results';
import { checkScheme } from './scheme/check';
import { compileScheme, type CompiledScheme } from './scheme/fields';
import type { Scheme } from './scheme/model';
import { Vocabulary } from './table/columns';
import { columnOf, readTable, type ColumnOverrides, type Table } from './table/read';

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
  const cellOf = (p: Person): string => a1(p.row, (gradeCol ?? nameCol) + p.shift);
  const q = checkQuotas(s, scored.people, cellOf);
  const ranks = rankPeople(s, scored.people);
  for (const p of scored.people) p.rank = ranks.get(p) ?? null;
  const rankCol = columnOf(table, 'rank') ?? undefined;
  const rankMismatch = rankIssues(scored.people, rankCol, (row, col) => view.value(row, col));
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
