/**
 * A workbook of per-person forms (登记表) as one roster: each form's person becomes a row of a
 * roster built in memory (姓名, 科室, 职务, the form's items, 合计, 等次, 备注), which is checked like
 * any roster — scores, totals, grades, the no-grade rules read from 备注, quotas over the persons
 * of the workbook — and every person and issue is then put back on its form: its sheet, and the
 * row and cell there (the grade's box, the score's cell, the 备注's value).
 */
import { checkGrid } from './check';
import { a1, type CellValue, type Grid, parseA1 } from './grid';
import type { Issue } from './report/issue';
import type { Locale } from './report/locale';
import { type CheckReport, type IssueJson, type PersonJson, toReport } from './report/report';
import type { Fit, SchemeSource } from './fit/fit';
import type { Person, Results } from './results';
import type { Scheme } from './scheme/model';
import { type FormCell, type FormPerson } from './table/form';

/** Where a cell of the roster built from forms is on its form. */
export interface FormOrigin {
  sheet: string;
  row: number;
  col: number;
}

export interface FormsRoster {
  /** The roster built from the forms: row 1 its header, row i + 2 the form people[i]. */
  grid: Grid;
  people: FormPerson[];
  /** origin[r][c]: the form cell behind the roster's cell at row r + 1, column c + 1 (the name's cell where the form has none). */
  origin: FormOrigin[][];
}

/** The roster's header texts: the words rosters use, so that every scheme's reader finds its columns. */
const HEAD = { name: '姓名', unit: '科室', post: '职务', total: '合计', grade: '等次', remark: '备注' } as const;

/** One roster from the persons of the forms, in the order given (the workbook's tab order). */
export function formsRoster(people: FormPerson[]): FormsRoster {
  const any = (f: (p: FormPerson) => unknown) => people.some((p) => f(p) !== null && f(p) !== undefined);
  const itemLabels: string[] = [];
  for (const p of people) for (const it of p.items) if (!itemLabels.includes(it.label)) itemLabels.push(it.label);
  type Col = { head: string; cell: (p: FormPerson) => FormCell | null; value?: (p: FormPerson) => CellValue };
  const cols: Col[] = [{ head: HEAD.name, cell: (p) => p.name }];
  if (any((p) => p.unit)) cols.push({ head: HEAD.unit, cell: (p) => p.unit });
  if (any((p) => p.post)) cols.push({ head: HEAD.post, cell: (p) => p.post });
  for (const label of itemLabels) cols.push({ head: label, cell: (p) => p.items.find((it) => it.label === label)?.score ?? null });
  if (any((p) => p.total)) cols.push({ head: HEAD.total, cell: (p) => p.total });
  cols.push({
    head: HEAD.grade,
    cell: (p) => (p.grade ? { value: p.grade.text, row: p.grade.row, col: p.grade.col } : null),
  });
  cols.push({ head: HEAD.remark, cell: (p) => p.remark });
  const values: CellValue[][] = [cols.map((c) => c.head)];
  const origin: FormOrigin[][] = [cols.map(() => ({ sheet: people[0]?.sheet ?? '', row: 1, col: 1 }))];
  for (const p of people) {
    values.push(cols.map((c) => c.cell(p)?.value ?? null));
    origin.push(
      cols.map((c) => {
        const at = c.cell(p) ?? p.name;
        return { sheet: p.sheet, row: at.row, col: at.col };
      }),
    );
  }
  return { grid: { sheet: people[0]?.sheet ?? '', top: 1, left: 1, values, merges: [] }, people, origin };
}

export interface FormsResults {
  /** The check, with every person's row and every issue's cell on the person's form. */
  results: Results;
  /** The sheet of each person of results.people, in order. */
  sheets: string[];
  roster: FormsRoster;
}

/** Checks the roster built from forms against a scheme; null when the scheme finds no roster in it. */
export function checkForms(roster: FormsRoster, scheme: Scheme): FormsResults | null {
  const results = checkGrid(roster.grid, scheme);
  if (!results) return null;
  const at = (row: number, col: number): FormOrigin | null => roster.origin[row - 1]?.[col - 1] ?? null;
  const rowOf = (p: { row: number }) => at(p.row, 1);
  const sheets = results.people.map((p) => rowOf(p)?.sheet ?? '');
  const people: Person[] = results.people.map((p) => ({ ...p, row: rowOf(p)?.row ?? p.row }));
  const issues: Issue[] = results.issues.map((i) => {
    if (i.row === null || i.row < 2) return i;
    const rc = i.cell ? parseA1(i.cell) : null;
    const o = rc ? at(rc.row, rc.col) : at(i.row, 1);
    if (!o) return i;
    const moved: Issue = { ...i, sheet: o.sheet, cell: i.cell ? a1(o.row, o.col) : null, row: o.row };
    // The first of two people of one name is on a form of their own: named by its sheet.
    if (i.data.rule === 'duplicate-person') {
      const first = at(i.data.firstRow, 1);
      if (first) moved.data = { ...i.data, firstRow: first.row, firstSheet: first.sheet };
    }
    return moved;
  });
  const quotas = results.quotas.map((q) => ({
    ...q,
    ranking: q.ranking.map((x) => ({ ...x, row: rowOf(x)?.row ?? x.row, sheet: rowOf(x)?.sheet ?? '' })),
  }));
  return { results: { ...results, people, issues, quotas }, sheets, roster };
}

/** What the report adds for forms (docs/json-report.md): each form's sheet, the period each states, those that could not be read. */
export interface FormsJson {
  sheets: string[];
  periods: (string | null)[];
}

/**
 * The report of a forms workbook: the contract's report, each person and issue with its `sheet`,
 * each issue's `cell` qualified with it ('张三'!D8), so that a reader who knows only the contract's
 * fields still finds the right cell; `sheet` at the top is the first form's.
 */
export function toFormsReport(
  f: FormsResults,
  locale: Locale,
  chosen?: { source: SchemeSource; fit: Fit },
): Omit<CheckReport, 'people'> & { people: (PersonJson & { sheet: string })[]; forms: FormsJson } {
  const base = toReport(f.results, locale, chosen);
  const qualify = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;
  const issues: IssueJson[] = base.issues.map((i) => (i.sheet && i.cell ? { ...i, cell: qualify(i.sheet, i.cell) } : i));
  return {
    ...base,
    sheet: f.roster.people[0]?.sheet ?? base.sheet,
    people: base.people.map((p, i) => ({ ...p, sheet: f.sheets[i]! })),
    issues,
    forms: { sheets: f.roster.people.map((p) => p.sheet), periods: f.roster.people.map((p) => p.period) },
  };
}
