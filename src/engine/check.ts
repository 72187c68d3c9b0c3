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
import { issue, sortIssues, type Issue } from './report/issue';
import type { Person, Results } from './results';
import { checkScheme } from './scheme/check';
import { compileScheme, type CompiledScheme } from './scheme/fields';
import type { Scheme } from './scheme/model';
import { type Vocabulary, vocabularyOf } from './table/columns';
import type { TableReads } from './table/reads';
import { findPeriodColumns } from './table/periods';
import { columnOf, readTable, type ColumnOverrides, type Table } from './table/read';
import { periodLabel } from './report/messages';

export interface CheckOptions {
  /** Corrections to the column mapping, by 1-based sheet column. */
  overrides?: ColumnOverrides;
  /** The rosters already read in this analysis of the sheet (see TableReads). */
  reads?: TableReads;
}

/** readTable, or the roster this analysis has already read. */
function tableOf(view: GridView, v: Vocabulary, options: CheckOptions): Table | null {
  return options.reads ? options.reads.read(view, v, options.overrides) : readTable(view, v, options.overrides);
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
  return tableOf(view, vocabularyOf(compiled(s)), options);
}

/** Checks one sheet against a scheme. Null when the sheet holds no roster this scheme recognises. */
export function checkGrid(grid: Grid, s: Scheme, options: CheckOptions = {}): Results | null {
  const view = new GridView(grid);
  const c = compiled(s);
  const table = tableOf(view, vocabularyOf(c), options);
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
  const hidden = hiddenRowIssues(view, table, scored.people);
  return {
    compiled: c,
    table,
    people: scored.people,
    quotas: q.quotas,
    issues: [...checkScheme(c), ...sortIssues([...scored.issues, ...rankMismatch, ...q.issues, ...hidden])],
    scoring: scored.scoring,
    sources: scored.sources,
    fieldColumns: scored.fieldColumns,
    absent: scored.absent,
  };
}

/**
 * One warning per person whose row is hidden or filtered out, at the row's first cell of the roster: the person is
 * still on the roster, so they are scored, ranked and counted in the quotas like everyone else (a filter that hides
 * 办公室 does not take its people out of the office's quota); only the write plan leaves their row alone.
 */
function hiddenRowIssues(view: GridView, table: Table, people: Person[]): Issue[] {
  if (!view.anyHidden) return [];
  const first = table.columns.reduce((m, c) => Math.min(m, c.col), view.right);
  return people
    .filter((p) => view.isHidden(p.row))
    .map((p) => issue({ rule: 'hidden-row', name: p.name, unit: p.unit }, a1(p.row, first + p.shift), p.row));
}

/**
 * Checks one sheet as it is kept: one period, or several side by side (month or quarter columns), each period
 * checked on its own — its grades, its quotas — and merged (see Results.periods). Null when the sheet holds no
 * roster this scheme recognises.
 */
export function checkSheet(grid: Grid, s: Scheme, options: CheckOptions = {}): Results | null {
  const view = new GridView(grid);
  const v = vocabularyOf(compiled(s));
  const table = tableOf(view, v, options);
  if (!table) return null;
  const found = findPeriodColumns(view, table, v);
  if (!found) return checkGrid(grid, s, options);
  const periods: NonNullable<Results['periods']> = [];
  for (const p of found.periods) {
    const results = checkGrid(grid, s, { overrides: { ...p.overrides, ...options.overrides }, reads: options.reads });
    if (!results) return checkGrid(grid, s, options);
    periods.push({ label: periodLabel(p.index, 'zh', found.unit), index: p.index, unit: found.unit, results });
  }
  return mergePeriods(periods);
}

/** One view of a sheet's periods: the last period's people with every period's grade; every issue and quota, tagged. */
function mergePeriods(periods: NonNullable<Results['periods']>): Results {
  const last = periods[periods.length - 1]!.results;
  // A person is their row and block: two blocks side by side put two people on one row.
  const at = (x: Person): string => `${x.row}:${x.shift}`;
  const byRow = periods.map((p) => new Map(p.results.people.map((x) => [at(x), x])));
  const people = last.people.map((person) => ({
    ...person,
    periods: Object.fromEntries(
      periods.map((p, i) => {
        const x = byRow[i]!.get(at(person));
        return [p.label, { grade: x?.grade ?? null, total: x?.total ?? null, status: x?.status ?? person.status }];
      }),
    ),
  }));
  // An issue every period finds alike (a duplicate name, a note about the scheme) is said once, without a period.
  const key = (i: Issue): string => `${i.rule}|${i.cell}|${i.row}|${JSON.stringify(i.data)}`;
  const counts = new Map<string, number>();
  for (const p of periods) for (const k of new Set(p.results.issues.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const issues: Issue[] = [];
  const said = new Set<string>();
  for (const p of periods)
    for (const i of p.results.issues) {
      const k = key(i);
      if (counts.get(k) === periods.length) {
        if (!said.has(k)) issues.push(i);
        said.add(k);
      } else issues.push({ ...i, period: p.label });
    }
  return {
    ...last,
    people,
    issues,
    quotas: periods.flatMap((p) => p.results.quotas.map((q) => ({ ...q, period: p.label }))),
    periods,
  };
}

/** How well a scheme explains a sheet (judged on its first rows); null when it finds no roster there. */
export function measureFit(grid: Grid, s: Scheme, options: Pick<CheckOptions, 'reads'> = {}): Fit | null {
  return fitOn(grid, compiled(s), options.reads);
}

/** The candidates that find a roster on the sheet, each with its fit, best first (clear fits before the others). */
export function rankFits(grid: Grid, candidates: Scheme[], options: Pick<CheckOptions, 'reads'> = {}): { scheme: Scheme; fit: Fit }[] {
  return rankCandidates(
    grid,
    candidates.map((scheme) => ({ scheme, compiled: compiled(scheme) })),
    options.reads,
  );
}
