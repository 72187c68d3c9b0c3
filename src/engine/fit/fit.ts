/**
 * How well a scheme explains a sheet, measured: the share of the sheet's score and grade columns
 * it accounts for, the header-stated maxima equal to its own, the sheet's own totals reproduced
 * by its formula, the grade words present that belong to its ladder (and, where it grades by
 * bands, the grades it would give), the required columns missing. A fit is clear only when every
 * measure that applies is high and something beyond column names confirms it; choosing a scheme
 * automatically needs a clear fit (src/app/choose.ts). Thresholds and words in ./fit.json.
 */
import { type Grid, GridView } from '../grid';
import { scoreTable } from '../grade/score';
import type { Results } from '../results';
import type { CompiledScheme } from '../scheme/fields';
import type { Scheme } from '../scheme/model';
import { vocabularyOf, type Column } from '../table/columns';
import { readTable, type Table } from '../table/read';
import type { TableReads } from '../table/reads';
import { numberFromText } from '../text';
import LIMITS from './fit.json';

/** One measure of a fit: a code and its data (words in report/words). */
export type FitReason =
  /** The sheet's score and grade columns (`of`), those the scheme accounts for, the scored items among them (not dimensions or adjustments), the headers of the others. */
  | { code: 'columns'; accounted: number; of: number; items: number; others: string[] }
  /** Maxima stated in headers ("（6分）"): how many equal the scheme's, and those that differ. */
  | { code: 'maxima'; equal: number; differ: { column: string; header: number; scheme: number }[] }
  /** Rows with a total in the sheet (`of`) and how many of them the scheme's formula reproduces. */
  | { code: 'totals'; reproduced: number; of: number }
  /** The grade words in the sheet that are in the scheme's ladder, and those that are not. */
  | { code: 'grades'; known: string[]; unknown: string[] }
  /** Rows with a grade in the sheet the scheme also grades (`of`), and how many it grades alike. */
  | { code: 'graded'; agree: number; of: number }
  /** Columns the scheme needs and the sheet lacks. */
  | { code: 'missing'; columns: string[] }
  /** Nothing beyond column names confirms it: no maximum, total or grade agrees, and few columns are named exactly. */
  | { code: 'unconfirmed' };

/** How the scheme in use was chosen (the JSON report's `schemeSource`). */
export type SchemeSource = 'argument' | 'workbook' | 'preset' | 'inferred';

export type FitCode = FitReason['code'];

export interface Fit {
  /** The scheme's id. */
  scheme: string;
  /** 0–1: the mean of the measures that apply, less the share of required columns missing. */
  score: number;
  /** High enough, on every measure that applies, to be chosen without asking. */
  clear: boolean;
  reasons: FitReason[];
}

export const FIT_LIMITS = {
  rows: LIMITS.rows,
  clear: LIMITS.clear,
  structure: LIMITS.structure,
  agreement: LIMITS.agreement,
  minRows: LIMITS.minRows,
  exactColumns: LIMITS.exactColumns,
};

type Measure = keyof typeof LIMITS.weights;
/** Columns, maxima and grade words are the sheet's structure; totals and grades its data, which may hold mistakes. */
const STRUCTURE: readonly Measure[] = ['columns', 'maxima', 'grades'];

const SCORE_HEADER = new RegExp(LIMITS.scoreHeader);
const NOT_SCORE_HEADER = new RegExp(LIMITS.notScoreHeader);
/** Columns that say who someone is, not how they scored. */
const IDENTITY = new Set(['seq', 'name', 'unit', 'post', 'remark', 'status', 'age', 'education', 'category', 'rank']);

const headerOf = (c: Column): string => c.path[c.path.length - 1] ?? '';

/** The sheet's first rows: enough to judge a fit, cheap on a long roster. */
export function headOf(grid: Grid, rows = LIMITS.rows): Grid {
  if (grid.values.length <= rows) return grid;
  const head: Grid = { ...grid, values: grid.values.slice(0, rows) };
  if (grid.formulas) head.formulas = grid.formulas.slice(0, rows);
  if (grid.numFmts) head.numFmts = grid.numFmts.slice(0, rows);
  return head;
}

/** Whether an unrecognised column holds scores: a stated maximum, a score word in its header, or mostly numbers under a header that is not an identity number. */
function holdsScores(view: GridView, table: Table, c: Column): boolean {
  const header = c.path.join('');
  if (c.headerMax !== null || SCORE_HEADER.test(header)) return true;
  if (NOT_SCORE_HEADER.test(header)) return false;
  let filled = 0;
  let numbers = 0;
  for (const r of table.rows) {
    const v = view.value(r.row, c.col + r.shift);
    if (v === null || v === '') continue;
    filled++;
    if (typeof v === 'number' || (typeof v === 'string' && numberFromText(v) !== null)) numbers++;
  }
  return filled > 0 && numbers * 2 >= filled;
}

type Scored = Pick<Results, 'people' | 'issues' | 'scoring' | 'absent'>;

/** The fit of a scheme on a table it has read, from the scoring of its rows. */
export function fitOf(view: GridView, table: Table, c: CompiledScheme, scored: Scored): Fit {
  const s = c.scheme;
  const reasons: FitReason[] = [];
  const parts: { m: Measure; share: number }[] = [];

  // The sheet's score and grade columns, and those the scheme accounts for.
  let of = 0;
  let accounted = 0;
  let items = 0;
  let fields = 0;
  let exact = 0;
  const others: string[] = [];
  for (const col of table.columns) {
    const k = col.role.kind;
    if (IDENTITY.has(k)) continue;
    if (k === 'field') {
      of++;
      accounted++;
      const f = c.fields.get(col.role.kind === 'field' ? col.role.id : '');
      fields++;
      if (f && (f.kind === 'item' || f.kind === 'input')) items++;
      if (col.how === 'exact' || col.how === 'context' || col.how === 'user') exact++;
    } else if (k === 'total') {
      of++;
      accounted++;
    } else if (k === 'grade') {
      of++;
      if (s.grading.mode !== 'none') accounted++;
      else others.push(headerOf(col));
    } else if (holdsScores(view, table, col)) {
      of++;
      others.push(headerOf(col));
    }
  }
  if (of > 0) {
    reasons.push({ code: 'columns', accounted, of, items, others });
    parts.push({ m: 'columns', share: accounted / of });
  }

  // Maxima the headers state.
  const differ: { column: string; header: number; scheme: number }[] = [];
  let equal = 0;
  for (const col of table.columns) {
    if (col.role.kind !== 'field' || col.headerMax === null) continue;
    const f = c.fields.get(col.role.id);
    if (!f || f.max === null) continue;
    if (Math.abs(col.headerMax - f.max) <= 1e-9) equal++;
    else differ.push({ column: headerOf(col), header: col.headerMax, scheme: f.max });
  }
  if (equal + differ.length > 0) {
    reasons.push({ code: 'maxima', equal, differ });
    parts.push({ m: 'maxima', share: equal / (equal + differ.length) });
  }

  // The sheet's own totals, where the scheme computes them.
  if (scored.scoring === 'computed') {
    const mismatched = new Set(scored.issues.filter((i) => i.rule === 'total-mismatch').map((i) => i.row));
    let rows = 0;
    let reproduced = 0;
    for (const p of scored.people) {
      const sheet = typeof p.sheetTotal === 'number' ? p.sheetTotal : p.sheetTotal === null ? null : numberFromText(p.sheetTotal);
      if (sheet === null || p.total === null) continue;
      rows++;
      if (!mismatched.has(p.row) && Math.abs(sheet - p.total) <= LIMITS.tolerance + 1e-9) reproduced++;
    }
    if (rows > 0) {
      reasons.push({ code: 'totals', reproduced, of: rows });
      if (rows >= LIMITS.minRows) parts.push({ m: 'totals', share: reproduced / rows });
    }
  }

  // The grade words present, and the grades the scheme would give.
  const written = scored.people.filter((p) => p.sheetGrade !== null);
  if (written.length > 0) {
    const unknownWords = new Set(
      s.grading.mode === 'none'
        ? written.map((p) => p.sheetGrade!)
        : scored.issues.flatMap((i) => (i.data.rule === 'unknown-grade' ? [i.data.text] : [])),
    );
    const words = [...new Set(written.map((p) => p.sheetGrade!))];
    const knownCells = written.filter((p) => !unknownWords.has(p.sheetGrade!)).length;
    reasons.push({ code: 'grades', known: words.filter((w) => !unknownWords.has(w)), unknown: words.filter((w) => unknownWords.has(w)) });
    parts.push({ m: 'grades', share: knownCells / written.length });
    if (s.grading.mode === 'bands') {
      const mismatched = new Set(scored.issues.filter((i) => i.rule === 'grade-mismatch').map((i) => i.row));
      const both = written.filter((p) => p.grade !== null && p.gradeFrom === 'band' && !unknownWords.has(p.sheetGrade!));
      if (both.length > 0) {
        const agree = both.filter((p) => !mismatched.has(p.row)).length;
        reasons.push({ code: 'graded', agree, of: both.length });
        if (both.length >= LIMITS.minRows) parts.push({ m: 'graded', share: agree / both.length });
      }
    }
  }

  // Required columns missing: those reported, and on a roster of grades only, the score columns it does not keep.
  const missing = [
    ...new Set([
      ...scored.issues.flatMap((i) => (i.data.rule === 'missing-column' ? [i.data.field.label] : [])),
      ...(scored.scoring === 'grades-only' ? scored.absent.map((f) => f.label) : []),
    ]),
  ];
  if (missing.length > 0) reasons.push({ code: 'missing', columns: missing });

  const weight = parts.reduce((a, p) => a + LIMITS.weights[p.m], 0);
  const mean = weight === 0 ? 0 : parts.reduce((a, p) => a + LIMITS.weights[p.m] * p.share, 0) / weight;
  const score = Math.round(mean * (missing.length === 0 ? 1 : fields / (fields + missing.length)) * 1000) / 1000;
  // Confirmed by more than column names: maxima, totals or grades that agree, or several columns named exactly.
  const confirmed =
    exact >= LIMITS.exactColumns ||
    equal > 0 ||
    reasons.some(
      (r) =>
        (r.code === 'totals' && r.reproduced > 0) ||
        (r.code === 'graded' && r.agree > 0) ||
        (r.code === 'grades' && s.grading.mode === 'entered' && r.known.length > 0),
    );
  if (!confirmed) reasons.push({ code: 'unconfirmed' });
  // A column or two missing lowers the score (and the check reports them); more than the structure allows, and the fit is not clear.
  const present = missing.length === 0 ? 1 : fields / (fields + missing.length);
  const clear =
    score >= LIMITS.clear &&
    present >= LIMITS.structure &&
    parts.every((p) => p.share >= (STRUCTURE.includes(p.m) ? LIMITS.structure : LIMITS.agreement)) &&
    confirmed;
  return { scheme: s.id, score, clear, reasons };
}

/** The fit of a scheme on a sheet, judged on its first rows; null when it finds no roster there. */
export function fitOn(grid: Grid, c: CompiledScheme, reads?: TableReads): Fit | null {
  const head = headOf(grid);
  const view = new GridView(head);
  // A short sheet is judged whole: its roster is the one the check reads next.
  const table = reads && head === grid ? reads.read(view, vocabularyOf(c)) : readTable(view, vocabularyOf(c));
  if (!table) return null;
  return fitOf(view, table, c, scoreTable(view, table, c));
}

/** The candidates that find a roster on the sheet, best fit first (a clear fit before an unclear one). */
export function rankCandidates(
  grid: Grid,
  candidates: { scheme: Scheme; compiled: CompiledScheme }[],
  reads?: TableReads,
): { scheme: Scheme; fit: Fit }[] {
  const out: { scheme: Scheme; fit: Fit }[] = [];
  for (const cand of candidates) {
    const fit = fitOn(grid, cand.compiled, reads);
    if (fit) out.push({ scheme: cand.scheme, fit });
  }
  // Stable: among equal fits, the candidates' order decides.
  return out.sort((a, b) => Number(b.fit.clear) - Number(a.fit.clear) || b.fit.score - a.fit.score);
}

/** The measure that speaks most against a fit (a missing column, then the lowest share), or null when none does. */
export function weakestReason(fit: Fit): FitReason | null {
  const missing = fit.reasons.find((r) => r.code === 'missing');
  if (missing) return missing;
  let worst: { r: FitReason; share: number } | null = null;
  for (const r of fit.reasons) {
    const share = shareOf(r);
    if (share !== null && share < 1 && (!worst || share < worst.share)) worst = { r, share };
  }
  if (worst && worst.share < LIMITS.clear) return worst.r;
  return fit.reasons.find((r) => r.code === 'unconfirmed') ?? worst?.r ?? null;
}

/** The share one measure gives (null for those that are not shares). */
function shareOf(r: FitReason): number | null {
  switch (r.code) {
    case 'columns':
      return r.of === 0 ? null : r.accounted / r.of;
    case 'maxima':
      return r.equal / (r.equal + r.differ.length);
    case 'totals':
      return r.reproduced / r.of;
    case 'graded':
      return r.agree / r.of;
    case 'grades':
      return r.known.length / (r.known.length + r.unknown.length);
    default:
      return null;
  }
}
