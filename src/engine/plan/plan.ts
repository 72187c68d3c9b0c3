/**
 * The write plan: from Results, the cell writes that put totals and grades into one sheet —
 * into its own 合计/等次 columns, or into new columns at the right. Every write carries the
 * cell's content before (value, formula, number format), so the plan can be undone exactly.
 * Input cells (scores, names, remarks, entered grades) are never in a plan.
 *
 * Formulas use only functions every Excel since 2010, WPS and LibreOffice share; a test
 * recalculates them in LibreOffice and compares with the engine (test/system/libreoffice.test.ts).
 */
import { toExcel, excelText } from '../expr/excel';
import { fold } from '../expr/parse';
import { a1, columnLetters, GridView, type CellValue, type Grid } from '../grid';
import type { Issue } from '../report/issue';
import { RULES } from '../report/rules';
import type { Person, Results } from '../results';
import { gradeLabel } from '../grade/score';
import { isNoGradeText, NO_GRADE_WRITTEN } from '../grade/no-grade';
import { formulaOf, inGroup, isPenalty, type CompiledVariant } from '../scheme/fields';

export interface CellContent {
  value: CellValue;
  /** With the leading '='; null for a constant. */
  formula: string | null;
  /** null means General. */
  numFmt: string | null;
}

export type WriteKind = 'total' | 'grade' | 'rank' | 'header';

export interface CellWrite {
  row: number;
  col: number;
  cell: string;
  kind: WriteKind;
  before: CellContent;
  after: CellContent;
}

/**
 * no-total / no-grade: the scores have errors; merged-cell: the output cell is part of a merged area;
 * sheet-grade: the sheet's grade differs from the bands' but a rule of the scheme the engine cannot
 * see on the sheet (a direct grade, a cap, a veto) could have given it — kept, and reported.
 */
export type SkipReason = 'no-total' | 'no-grade' | 'merged-cell' | 'sheet-grade';

export interface Plan {
  sheet: string;
  mode: 'values' | 'formulas';
  writes: CellWrite[];
  /** Issues about cells this plan overwrites (a different total or grade already there): shown before writing. */
  conflicts: Issue[];
  newColumns: { col: number; kind: 'total' | 'grade' | 'rank'; header: string }[];
  /** People, or cells of theirs, not written, and why. `cell` names the cell for merged-cell. */
  skipped: { row: number; name: string; why: SkipReason; cell?: string }[];
  /**
   * Rows kaohe would write but does not, because they are hidden or filtered out (ascending): a person's row, or the
   * header row a new column's heading would go in (then no column is added). Never written silently (issue #20).
   * Always set by buildPlan; absent (none) in plans made by hand.
   */
  hiddenRows?: number[];
  /** Rows written as values in formula mode because a score was typed as text (Excel would not add it). */
  valuesInstead: number[];
  /** Why nothing is written at all, when that is so: the grades are the sheet's own input. */
  nothingToWrite: 'entered-grades' | 'grades-only' | null;
  /** An undo (undoPlan): each cell gets back what it held, formulas in a table's columns included. */
  undo?: true;
}

/** What goes in the grade cell of someone who gets no grade: 不定等次（试用期）. The words are data (grade/no-grade.json). */
export function noGradeText(p: Person): string {
  const word = NO_GRADE_WRITTEN[p.elsewhere ? 'elsewhere' : p.status === 'ungraded' ? 'ungraded' : 'excluded'];
  return p.reasonLabel ? `${word}（${p.reasonLabel}）` : word;
}

/** Beyond this a cell holds no score (a date serial is 5 digits, an ID number 18); such a row is written as values, not formulas. */
const HUGE = 1e9;

export function contentAt(view: GridView, row: number, col: number): CellContent {
  const fmt = view.numFmt(row, col);
  return { value: view.value(row, col), formula: view.formula(row, col), numFmt: fmt === 'General' ? null : fmt };
}

function same(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  return a === b;
}

/** A cell of the row being written, by column. */
type CellOf = (col: number) => string;

/** The formula text of a field on a row: its cell, or its computation inlined (in brackets when it is an operation). */
function fieldFormula(r: Results, id: string, cell: CellOf, variant: CompiledVariant | undefined, shift: number): string {
  const f = r.compiled.fields.get(id)!;
  const expr = variant?.computed.get(id)?.expr ?? formulaOf(f)?.expr;
  const src = r.sources[id];
  if (src === 'column') {
    // An optional cell (bonus, penalty …) left empty counts 0, as in the engine; MIN and MAX would skip it instead.
    const at = cell(r.fieldColumns[id]! + shift);
    const ref = f.required ? at : `N(${at})`;
    if (f.kind === 'group' && f.capped) return `MIN(${ref},${f.max})`;
    return isPenalty(f) ? `ABS(${ref})` : ref;
  }
  if (src !== 'derived' || !expr) return '0';
  // A dimension whose items sit side by side: SUM over the range reads best.
  if (f.kind === 'group' && expr.k !== 'num') {
    const members = [...r.compiled.fields.values()].filter((m) => inGroup(m, id));
    const cols = members.map((m) => r.fieldColumns[m.id]);
    const g = r.compiled.scheme.groups.find((x) => x.id === id);
    // A plain sum only: not weighted, no content counted once (MAX), no cap, no dimension inside.
    const plain =
      g?.combine === 'sum' && !g.capped && members.every((m) => m.kind === 'item' && r.sources[m.id] === 'column' && !hasContent(r, m.id));
    if (plain && cols.every((c) => c !== undefined) && cols.every((c, i) => i === 0 || c === cols[i - 1]! + 1)) {
      return `SUM(${cell(cols[0]! + shift)}:${cell(cols[cols.length - 1]! + shift)})`;
    }
  }
  let text = toExcel(fold(expr, zeroOf(r)), (x) => fieldFormula(r, x, cell, variant, shift));
  if (f.kind === 'computed' && f.decimals !== undefined) text = `ROUND(${text},${f.decimals})`;
  return /^[A-Z]+\(.*\)$/.test(text) && balancedCall(text) ? text : `(${text})`;
}

function hasContent(r: Results, itemId: string): boolean {
  return r.compiled.scheme.items.some((it) => it.id === itemId && it.content !== undefined);
}

/** True when the text is one function call from its first character to its last. */
function balancedCall(text: string): boolean {
  let depth = 0;
  for (let i = text.indexOf('('); i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i === text.length - 1;
  }
  return false;
}

/** Fields absent from the sheet that count 0 (a bonus column it does not have). */
const zeroOf =
  (r: Results) =>
  (id: string): number | undefined =>
    r.sources[id] === 'zero' ? 0 : undefined;

/**
 * The total's formula on a row; `variant`: the role-specific rules the row was scored by; `shift`: the
 * columns of the row's block from the table's (blocks side by side).
 */
export function totalFormula(r: Results, row: number, variant: string | null = null, shift = 0): string {
  return totalFormulaWith(r, (col) => a1(row, col), variant, shift);
}

function totalFormulaWith(r: Results, cell: CellOf, variant: string | null, shift: number): string {
  const c = r.compiled;
  const v = variant === null ? undefined : c.variants.find((x) => x.variant.id === variant);
  const total = (v?.total ?? c.total).expr;
  return `=ROUND(${toExcel(fold(total, zeroOf(r)), (id) => fieldFormula(r, id, cell, v, shift))},${c.scheme.total.decimals})`;
}

/** Stands for the row number in a formula template (a control character, which no cell reference holds). */
const ROW_MARK = '\u0001';

/**
 * A formula made once with ROW_MARK for the row, cut where the row goes: joined with a row number,
 * the pieces are the formula `make` gives for that row. Null when the text holds the mark
 * somewhere else too (a scheme's text with that character in it): then it is made row by row.
 */
function template(make: (cell: CellOf) => string): string[] | null {
  let rows = 0;
  const text = make((col) => {
    rows++;
    return `${columnLetters(col)}${ROW_MARK}`;
  });
  const pieces = text.split(ROW_MARK);
  return pieces.length === rows + 1 ? pieces : null;
}

/**
 * totalFormula for many rows: the formula of each (variant, shift) built once as a template and
 * the row filled in (at 10,000 rows, building the text row by row was most of the plan's time).
 */
export function totalFormulas(r: Results): (row: number, variant: string | null, shift: number) => string {
  const made = new Map<string, string[] | null>();
  return (row, variant, shift) => {
    const key = `${variant ?? ''}\u0000${shift}`;
    let pieces = made.get(key);
    if (pieces === undefined) made.set(key, (pieces = template((cell) => totalFormulaWith(r, cell, variant, shift))));
    return pieces ? pieces.join(String(row)) : totalFormula(r, row, variant, shift);
  };
}

/** Nested IF over the grade bands, reading the total from `totalCell`; "" where no band applies. */
export function gradeFormula(r: Results, totalCell: string): string {
  return gradeFormulaWith(r, () => totalCell);
}

function gradeFormulaWith(r: Results, total: () => string): string {
  const bands = r.compiled.scheme.grading.bands;
  let f = '""';
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i]!;
    const tests: string[] = [];
    if (b.min !== undefined) tests.push(`${total()}${b.minInclusive ? '>=' : '>'}${b.min}`);
    if (b.max !== undefined) tests.push(`${total()}${b.maxInclusive ? '<=' : '<'}${b.max}`);
    const test = tests.length === 0 ? 'TRUE' : tests.length === 1 ? tests[0]! : `AND(${tests.join(',')})`;
    f = `IF(${test},${excelText(b.grade)},${f})`;
  }
  return `=${f}`;
}

/** gradeFormula for many rows, reading the total from (row, col): one template per column, as totalFormulas. */
function gradeFormulas(r: Results): (row: number, col: number) => string {
  const made = new Map<number, string[] | null>();
  return (row, col) => {
    let pieces = made.get(col);
    if (pieces === undefined) made.set(col, (pieces = template((cell) => gradeFormulaWith(r, () => cell(col)))));
    return pieces ? pieces.join(String(row)) : gradeFormula(r, a1(row, col));
  };
}

/**
 * The place as a live formula: 1 + how many in the same category have a higher total
 * (COUNTIFS, in every Excel since 2007, WPS and LibreOffice). Null when there is no total
 * column to read, or the people are not in one block of rows.
 */
function rankFormulaFor(
  r: Results,
  view: GridView,
  totalCol: number | undefined,
  categoryCol: number | undefined,
): ((row: number) => string) | null {
  // Blocks side by side: the places are written as values.
  if (totalCol === undefined || r.table.blocks.length > 1) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const p of r.people) {
    if (p.rank === null) continue;
    first = Math.min(first, p.row);
    last = Math.max(last, p.row);
  }
  if (first > last) return null;
  // Someone not ranked among them (excluded, no total), or a category merged down over several
  // rows (COUNTIFS sees it in the first only): the places are written as values.
  if (r.people.some((p) => p.rank === null && p.row >= first && p.row <= last)) return null;
  // A ranked row hidden is not written: COUNTIFS would read its total as the sheet has it, not as computed.
  if (r.people.some((p) => p.rank !== null && view.isHidden(p.row))) return null;
  if (categoryCol !== undefined && r.people.some((p) => p.rank !== null && view.value(p.row, categoryCol) !== p.category)) return null;
  const range = (col: number): string => `$${columnLetters(col)}$${first}:$${columnLetters(col)}$${last}`;
  const totals = range(totalCol);
  return (row) => {
    const mine = a1(row, totalCol);
    // Totals are rounded to the scheme's decimals, so "higher" is exact.
    return categoryCol === undefined
      ? `=COUNTIF(${totals},">"&${mine})+1`
      : `=COUNTIFS(${range(categoryCol)},${a1(row, categoryCol)},${totals},">"&${mine})+1`;
  };
}

export interface PlanOptions {
  formulas: boolean;
}

/**
 * The plan for a sheet as checked: on a sheet of several periods, each period's plan into its own cells, with no
 * new column (a column added for one period would belong to none); else the sheet's one plan.
 */
export function buildSheetPlan(r: Results, grid: Grid, options: PlanOptions): Plan {
  if (!r.periods) return buildPlan(r, grid, options);
  const plans = r.periods.map((p) => buildPlan(p.results, grid, options));
  const added = new Set(plans.flatMap((p) => p.newColumns.map((c) => c.col)));
  const first = plans[0]!;
  const seen = new Set<string>();
  return {
    ...first,
    writes: plans.flatMap((p) => p.writes).filter((w) => !added.has(w.col) && !seen.has(w.cell) && seen.add(w.cell)),
    conflicts: overwritten(
      plans.flatMap((p) => p.conflicts),
      plans.flatMap((p) => p.writes),
    ),
    newColumns: [],
    skipped: plans.flatMap((p) => p.skipped),
    hiddenRows: [...new Set(plans.flatMap((p) => p.hiddenRows ?? []))].sort((a, b) => a - b),
    valuesInstead: [...new Set(plans.flatMap((p) => p.valuesInstead))],
    nothingToWrite: plans.every((p) => p.nothingToWrite !== null) ? first.nothingToWrite : null,
  };
}

export function buildPlan(r: Results, grid: Grid, options: PlanOptions): Plan {
  const view = new GridView(grid);
  const mode = options.formulas ? 'formulas' : 'values';
  const plan: Plan = {
    sheet: grid.sheet,
    mode,
    writes: [],
    conflicts: [],
    newColumns: [],
    skipped: [],
    hiddenRows: [],
    valuesInstead: [],
    nothingToWrite: null,
  };
  const hidden = new Set<number>();
  if (r.scoring === 'entered' || r.scoring === 'grades-only') {
    plan.nothingToWrite = r.scoring === 'entered' ? 'entered-grades' : 'grades-only';
    return plan;
  }
  const labels = r.compiled.scheme.grading.labels;
  // A total computed from no column of the sheet (100 less no deductions: every row 100) is not the sheet's own data.
  const fromSheet = r.scoring !== 'computed' || Object.keys(r.fieldColumns).length > 0;
  const writesTotal = r.scoring === 'computed' && r.compiled.totalIsInput === null && fromSheet;
  const colOf = (kind: 'total' | 'grade' | 'rank' | 'category'): number | undefined =>
    r.table.columns.find((c) => c.role.kind === kind)?.col;
  let next = view.right + 1;
  // Blocks side by side get no new column: one at the right would be no block's own.
  const oneBlock = r.table.blocks.length === 1;
  const newColumn = (kind: 'total' | 'grade' | 'rank', header: string): number | undefined => {
    if (!oneBlock) return undefined;
    // A heading on a hidden row would make a column no one sees named: none is added.
    if (view.isHidden(r.table.headerTop)) {
      hidden.add(r.table.headerTop);
      return undefined;
    }
    const col = next++;
    plan.newColumns.push({ col, kind, header });
    plan.writes.push({
      row: r.table.headerTop,
      col,
      cell: a1(r.table.headerTop, col),
      kind: 'header',
      before: contentAt(view, r.table.headerTop, col),
      after: { value: header, formula: null, numFmt: null },
    });
    return col;
  };
  // A total that is one computed field (好评率) goes in that field's column, or a new one named after it.
  const total = r.compiled.total.expr;
  const named = total.k === 'ref' ? r.compiled.fields.get(total.id) : undefined;
  // A new column only where it will hold something: a total for someone, a grade for someone.
  const anyTotal = r.people.some((p) => p.status !== 'excluded' && p.total !== null);
  const totalCol = writesTotal
    ? (colOf('total') ??
      (named ? r.fieldColumns[named.id] : undefined) ??
      (anyTotal ? newColumn('total', named?.label ?? '合计') : undefined))
    : undefined;
  // A scheme that gives a score only (grading mode none) writes no grade.
  const grades = r.compiled.scheme.grading.mode !== 'none';
  const derived = (p: Person): boolean =>
    p.grade !== null && (p.gradeFrom === 'direct' || (fromSheet && (p.total !== null || !writesTotal)));
  const anyGrade = r.people.some((p) => p.status === 'graded' && derived(p));
  const gradeCol = grades ? (colOf('grade') ?? (anyGrade ? newColumn('grade', '等次') : undefined)) : undefined;
  const kept = keptGrades(r);
  // Organisations ranked within their category (街道 / 区直单位): the place goes in 排名.
  const ranks = r.people.some((p) => p.rank !== null);
  const rankCol = ranks ? (colOf('rank') ?? newColumn('rank', '排名')) : undefined;
  const rankFormula = rankCol !== undefined ? rankFormulaFor(r, view, totalCol ?? colOf('total'), colOf('category')) : null;
  // Where the grade formula reads the total: the written total, the sheet's total, or the single input.
  const inputCol = r.compiled.totalIsInput !== null ? r.fieldColumns[r.compiled.totalIsInput] : colOf('total');

  const textRows = new Set(r.issues.filter((i) => i.rule === 'number-as-text').map((i) => i.row));
  const totalText = totalFormulas(r);
  const gradeText = gradeFormulas(r);
  const write = (
    p: Person,
    column: number | undefined,
    kind: 'total' | 'grade' | 'rank',
    value: CellValue,
    formula: string | null,
  ): void => {
    if (column === undefined) return;
    // The cell of the person's own block.
    const col = column + p.shift;
    // A write into a merged area would land in its top-left cell or vanish: the cell is left for the person to unmerge.
    const area = view.merge(p.row, col);
    if (area && (area.bottom > area.top || area.right > area.left)) {
      plan.skipped.push({ row: p.row, name: p.name, why: 'merged-cell', cell: a1(p.row, col) });
      return;
    }
    const before = contentAt(view, p.row, col);
    const after: CellContent = { value, formula, numFmt: before.numFmt };
    // 'No grade' already recorded in the sheet's own words (不参加, 不定等次, —) stays as it is.
    const noGradeKept =
      kind === 'grade' &&
      typeof before.value === 'string' &&
      isNoGradeText(before.value) &&
      typeof value === 'string' &&
      isNoGradeText(value);
    const unchanged =
      noGradeKept ||
      (kind === 'grade' && typeof before.value === 'string' && typeof value === 'string'
        ? (gradeLabel(labels, before.value) ?? before.value.trim()) === value
        : same(before.value, value));
    // A correct value stays, and so does a formula of the sheet's own that gives it.
    if (unchanged && (formula === null || before.formula !== null)) return;
    // A hidden or filtered-out row is left as it is and listed (its person has a hidden-row warning).
    if (view.isHidden(p.row)) {
      hidden.add(p.row);
      return;
    }
    plan.writes.push({ row: p.row, col, cell: a1(p.row, col), kind, before, after });
  };

  for (const p of r.people) {
    // A number of a billion or more (1E+308 typed in a cell) is no score: in a formula its sum may overflow to #NUM!.
    const asFormula = options.formulas && !textRows.has(p.row) && !p.vals.some((v) => v !== null && Math.abs(v) >= HUGE);
    if (p.status === 'excluded') {
      // Someone appraised elsewhere may have the receiving unit's grade in the cell: it stays.
      if (!(p.elsewhere && p.elsewhereGrade)) write(p, gradeCol, 'grade', noGradeText(p), null);
      continue;
    }
    if (p.total === null && writesTotal) {
      plan.skipped.push({ row: p.row, name: p.name, why: 'no-total' });
      continue;
    }
    if (options.formulas && !asFormula) plan.valuesInstead.push(p.row);
    if (totalCol !== undefined && p.total !== null)
      write(p, totalCol, 'total', p.total, asFormula ? totalText(p.row, p.variant, p.shift) : null);
    if (p.rank) write(p, rankCol, 'rank', p.rank.place, options.formulas && rankFormula ? rankFormula(p.row) : null);
    if (p.status === 'ungraded') {
      write(p, gradeCol, 'grade', noGradeText(p), null);
      continue;
    }
    if (!derived(p)) {
      if (grades) plan.skipped.push({ row: p.row, name: p.name, why: 'no-grade' });
      continue;
    }
    if (kept.has(p)) {
      plan.skipped.push({ row: p.row, name: p.name, why: 'sheet-grade', cell: a1(p.row, gradeCol! + p.shift) });
      continue;
    }
    const readsFrom = totalCol ?? inputCol;
    const live = asFormula && p.gradeFrom === 'band' && readsFrom !== undefined;
    write(p, gradeCol, 'grade', p.grade, live ? gradeText(p.row, readsFrom + p.shift) : null);
  }

  plan.conflicts = overwritten(r.issues, plan.writes);
  plan.hiddenRows = [...hidden].sort((a, b) => a - b);
  return plan;
}

/**
 * The issues about cells the writes overwrite, one a cell (its first): a cell written once is overwritten once,
 * though the sheet's value there may break two rules.
 */
function overwritten(issues: Issue[], writes: CellWrite[]): Issue[] {
  // Most plans have no issue that blocks a write: the set of every cell written (20,000 at 10,000 rows) is made only when one does.
  const blocking = issues.filter((i) => RULES[i.rule].blocksWrite && i.cell !== null);
  if (blocking.length === 0) return [];
  const written = new Set(writes.map((w) => w.cell));
  const seen = new Set<string>();
  return blocking.filter((i) => written.has(i.cell!) && !seen.has(i.cell!) && !!seen.add(i.cell!));
}

/**
 * Rows whose sheet grade differs from the one the bands give, where a rule of the scheme could
 * have given the sheet's grade for a reason the engine does not see on the sheet: a direct grade
 * (急难险重 → 好; refusing an arrangement → 较差) or a cap. Such a grade is kept and reported
 * (grade-mismatch), never overwritten: the engine cannot derive that it is wrong.
 */
function keptGrades(r: Results): Set<Person> {
  const s = r.compiled.scheme;
  const possible = new Set(s.conditions.filter((c) => c.effect === 'direct-grade' || c.effect === 'max-grade').map((c) => c.grade!));
  const out = new Set<Person>();
  if (possible.size === 0) return out;
  for (const p of r.people) {
    if (p.status !== 'graded' || p.grade === null || p.sheetGrade === null) continue;
    if (p.gradeFrom !== 'band' && p.gradeFrom !== 'cap') continue;
    const sheet = gradeLabel(s.grading.labels, p.sheetGrade);
    if (sheet !== null && sheet !== p.grade && possible.has(sheet)) out.add(p);
  }
  return out;
}

/** The plan that takes a plan back: every cell to its content before, in reverse order. */
export function undoPlan(plan: Plan): Plan {
  return {
    ...plan,
    writes: [...plan.writes].reverse().map((w) => ({ ...w, before: w.after, after: w.before })),
    conflicts: [],
    undo: true,
  };
}

/** Applies a plan to a grid (for previews and tests); returns a new grid, growing it for new columns. */
export function applyToGrid(grid: Grid, plan: Plan): Grid {
  const values = grid.values.map((r) => [...r]);
  const formulas = (grid.formulas ?? grid.values.map((r) => r.map(() => null))).map((r) => [...r]);
  const numFmts = (grid.numFmts ?? grid.values.map((r) => r.map(() => null))).map((r) => [...r]);
  for (const w of plan.writes) {
    const i = w.row - grid.top;
    const j = w.col - grid.left;
    for (const rows of [values, formulas, numFmts] as unknown[][][]) {
      while (rows.length <= i) rows.push([]);
      while (rows[i]!.length <= j) rows[i]!.push(null);
    }
    values[i]![j] = w.after.value;
    formulas[i]![j] = w.after.formula;
    numFmts[i]![j] = w.after.numFmt;
  }
  return { ...grid, values, formulas, numFmts };
}
