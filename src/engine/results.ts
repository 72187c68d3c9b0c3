/**
 * What the engine concludes about one sheet: per person the values read, total, grade and
 * status; per quota the counts; and every issue found. Hosts turn this into a report or a
 * write plan.
 */
import type { PeriodUnit } from './annual/periods';
import type { FieldRef, Issue } from './report/issue';
import type { CompiledScheme } from './scheme/fields';
import type { Table } from './table/read';

export type Status = 'graded' | 'ungraded' | 'excluded';

/** Where a grade came from. */
export type GradeSource = 'band' | 'direct' | 'entered' | 'cap';

/**
 * A note about a person, as a code and its data; ../report/words/zh.ts and en.ts hold the words,
 * and noteText (../report/messages) renders one.
 */
export type Note =
  /** Words the scheme gives (a condition's reason, a score note, an annual rule): Chinese, and English where it has them. */
  | { code: 'scheme'; text: string; en?: string }
  /** Scored by the role-specific rules of a variant (科级干部). */
  | { code: 'variant'; label: string }
  /** A screen (后备干部) that cannot tell: the age or the education is missing. `remind`: what else a person must check. */
  | { code: 'screen-unknown'; screen: string; missing: 'age' | 'education'; remind: string | null }
  /** The screen's conditions are met; `exception`: those for an exception (破格) too, with what else it needs. */
  | { code: 'screen-met'; screen: string; exception: boolean; exceptionText: string | null; remind: string | null }
  /** Only the conditions for an exception are met. */
  | { code: 'screen-exception'; screen: string; exceptionText: string | null; remind: string | null }
  /** Not met: too old (`over`), education below `below`, or both. */
  | { code: 'screen-not-met'; screen: string; over: { age: number; max: number } | null; below: string | null }
  /** Annual roll-up: no period grade from this unit all year. */
  | { code: 'no-grade-all-year' }
  /** Annual roll-up: the last places in a run of periods, or that many times in all (约谈, 书面报告): the scheme's words and the periods. */
  | { code: 'place-alert'; text: string; en?: string; periods: number[]; unit: PeriodUnit }
  /**
   * A rated item's word decided the grade (廉：否决 → 较差) or barred the top one (德：基本合格 → 至多较好):
   * `item` the item's label, `word` the ladder word, `grade` the grade given or the best allowed.
   */
  | { code: 'rating'; item: string; itemEn?: string; word: string; effect: 'lowest' | 'not-top'; grade: string }
  /** The grade cell states no grade (不确定等次, 不参加考核) and the engine follows it: `sheet` the cell's words. */
  | { code: 'sheet-no-grade'; sheet: string };

export type NoteCode = Note['code'];

/** A note in the scheme's own words (a condition's reason, a score note, an annual rule's text); an empty English text is none. */
export function schemeNote(text: string, en: string | undefined): Note {
  return en ? { code: 'scheme', text, en } : { code: 'scheme', text };
}

export interface Person {
  row: number;
  /** Columns from the table's columns to this person's cells: 0, or the shift of the side-by-side block the row is in. */
  shift: number;
  name: string;
  unit: string | null;
  post: string | null;
  remark: string | null;
  status: Status;
  /** Short name of why there is no grade (试用期, 调出), for the grade cell. */
  reasonLabel: string | null;
  /** Why there is no grade, or why the grade was given directly or capped: the condition's words. */
  reason: Note | null;
  /** Appraised by another unit (派驻、挂职): excluded here and listed apart. */
  elsewhere: boolean;
  /** Rounded to the scheme's decimals; null when it cannot be computed. */
  total: number | null;
  grade: string | null;
  gradeFrom: GradeSource | null;
  /**
   * Every field's value as used (items, dimensions, adjustments, inputs, computed), by the field's
   * position in compiled.index; null = unknown. Read one with fieldValue().
   */
  vals: readonly (number | null)[];
  /** Per-item level names (ju-5items). */
  levels: Record<string, string | null>;
  /** Per rated item (德（合格/不合格）, 廉（一票否决）) with a column: the ladder word in its cell, null when empty or unknown. */
  ratings: Record<string, string | null>;
  /** What the sheet already holds in its total and grade cells. */
  sheetTotal: number | string | null;
  sheetGrade: string | null;
  /** The grade written in the sheet for someone appraised elsewhere. */
  elsewhereGrade: string | null;
  flags: Note[];
  /** Ids of the conditions that applied. */
  conditions: string[];
  /** The role-specific rules (scheme variant) the row was scored by, if any. */
  variant: string | null;
  /** The category the subject is ranked within (街道 / 区直单位), from the category column. */
  category: string | null;
  /** Place within the category, where the scheme ranks (organisations); null otherwise. */
  rank: Rank | null;
  /** On a sheet of several periods (month or quarter columns): each period's grade and total, by period label. */
  periods?: Record<string, { grade: string | null; total: number | null; status: Status }>;
}

export interface Rank {
  /** The category; null when the sheet has no category column (one ranking for all). */
  group: string | null;
  /** 1 = highest total; equal totals share a place. */
  place: number;
  /** How many are ranked in the category. */
  of: number;
  /** A veto (否决) bars the unit from being rated advanced, whatever its place. */
  barred: boolean;
}

export interface CutLinePerson {
  row: number;
  name: string;
  total: number | null;
  /** Ranked within the limit (true), or beyond it (false). */
  within: boolean;
  /** Has the same total as the last person within the limit: the cut falls inside a tie. */
  tie: boolean;
  /** The grade was given directly (急难险重 …), not by the total. */
  direct: boolean;
}

/** Whom a quota counts: the graded people of the whole sheet, or of one unit (科室). */
export type QuotaScope = { kind: 'all' } | { kind: 'unit'; unit: string };

export interface QuotaResult {
  id: string | null;
  /** On a sheet of several periods: the period counted. */
  period?: string;
  grades: string[];
  scope: QuotaScope;
  kind: 'max' | 'min';
  /** The share allowed or required; null when the limit is a stated number of places (优秀名额3名). */
  share: number | null;
  rounding: 'floor' | 'round' | 'ceil';
  count: number;
  base: number;
  limit: number;
  ratio: number;
  severity: 'ok' | 'warning' | 'error';
  /** For a violated maximum: the people in the grade(s), best total first, with the cut line marked. */
  ranking: CutLinePerson[];
}

/** Where a field's value comes from on this sheet. */
export type FieldSource = 'column' | 'derived' | 'zero' | 'missing';

export interface Results {
  compiled: CompiledScheme;
  table: Table;
  /** Per field: read from a column, computed from others, 0 (optional and absent), or missing. */
  sources: Record<string, FieldSource>;
  /** Per field read from a column: its 1-based sheet column. */
  fieldColumns: Record<string, number>;
  /**
   * The columns the scheme's total needs that the sheet does not have: reported as missing-column where totals
   * are computed; on a roster of grades only (scoring 'grades-only') they are not errors, but they still say how
   * far the scheme is from the sheet.
   */
  absent: FieldRef[];
  /**
   * A sheet that keeps several periods side by side: each period's own check, in the year's order. The
   * results around them are the merged view: the last period's people (each with every period's grade),
   * every period's issues and quotas, each tagged with its period.
   */
  periods?: { label: string; index: number; unit: PeriodUnit; results: Results }[];
  people: Person[];
  quotas: QuotaResult[];
  issues: Issue[];
  /**
   * How totals and grades are had: computed from the items, read from the total column, grades entered by the
   * scheme's design (grading mode entered), or grades only because the sheet keeps no scores (a roster of grades).
   */
  scoring: 'computed' | 'total-column' | 'entered' | 'grades-only';
}

/** A person's value of a field (an item, a dimension, a computed field) by id; null when unknown. */
export function fieldValue(r: Pick<Results, 'compiled'>, p: Person, id: string): number | null {
  const i = r.compiled.index.get(id);
  return i === undefined ? null : (p.vals[i] ?? null);
}
