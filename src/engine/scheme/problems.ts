/**
 * What can be wrong with a scheme file, as codes and data: reading it, its shape (from the
 * schema library's issues) and its cross-field checks. The words are in ../report/words,
 * keyed by these codes; problemText (../report/messages) renders one with its path in words.
 */
import type { ExprProblem } from '../expr/parse';

/** Where in the scheme file: keys and 0-based array positions (["items", 0, "max"]). */
export type SchemePath = (string | number)[];

type None = Record<string, never>;

/** Each code's data. */
export interface ProblemData {
  // Reading the file.
  /** `line`: the line the JSON goes wrong on, 1-based. */
  'not-json': { line: number | null };
  'too-large': { kb: number; maxKb: number };
  'not-object': None;
  'too-many': { count: number; max: number };
  'too-long': { count: number; max: number };
  'too-nested': { max: number };
  /** A number that is not finite, as written: 1e999 (too large for a number), Infinity, NaN. */
  'not-finite': { value: string };
  'unknown-parent': { id: string };
  'extends-too-deep': None;
  // The shape.
  missing: None;
  /** `expected`: string, number, int, boolean, array, object (or another name of the schema library's). */
  'wrong-type': { expected: string };
  /** `of`: a number's value, a text's length or a list's entries. */
  'too-small': { of: 'number' | 'text' | 'list'; min: number; inclusive: boolean };
  'too-big': { of: 'number' | 'text' | 'list'; max: number; inclusive: boolean };
  'not-one-of': { values: (string | number | boolean | null)[] };
  'bad-id': None;
  'bad-scheme-id': None;
  /** None of the forms a value may take (a number, or { min, max }). */
  'bad-form': None;
  // The cross-field checks.
  'duplicate-id': { id: string; also: SchemePath };
  'points-need-column': None;
  /** An item's minimum above its maximum. */
  'min-above-max': None;
  /** A range ({ min, max }) the wrong way round. */
  'range-reversed': None;
  'no-ballot-option': { option: string };
  'no-item': { id: string };
  'no-group': { id: string };
  'group-loop': { ids: string[] };
  'weighted-holds-groups': None;
  'weighted-needs-items': None;
  'weighted-needs-weights': None;
  'unknown-field': { ref: string; expr: string };
  /** `at`: 0-based position in `expr`. */
  'bad-expr': { expr: string; at: number; problem: ExprProblem };
  'computed-loop': { ids: string[] };
  'no-computed': { id: string };
  'duplicate-grade': { grade: string };
  'unknown-grade': { grade: string; annual: boolean };
  'needs-grade': { effect: string };
  'condition-needs-match': None;
  'no-condition': { id: string };
  'no-education-level': { level: string };
  'needs-bands': None;
  'needs-grades': None;
  'quota-needs-bound': None;
  /** A word (or synonym) listed twice in a rated item's words. */
  'duplicate-word': { word: string };
  /** Rated items in a scheme that gives no grades (grading mode none): their words could decide nothing. */
  'rated-needs-grades': None;
}

export type ProblemCode = keyof ProblemData;

export type SchemeProblem = { [C in ProblemCode]: { code: C; path: SchemePath; data: ProblemData[C] } }[ProblemCode];

/**
 * Problems with a value at a key, whose words name the key (第 1 个名额：max 应为数字); the words
 * of the others follow their whole place (第 1 个分项的 group：没有 id 为“x”的维度).
 */
export const NAMES_ITS_KEY: Record<ProblemCode, boolean> = {
  'not-json': false,
  'too-large': false,
  'not-object': false,
  'too-many': true,
  'too-long': true,
  'too-nested': true,
  'not-finite': true,
  'unknown-parent': false,
  'extends-too-deep': false,
  missing: true,
  'wrong-type': true,
  'too-small': true,
  'too-big': true,
  'not-one-of': true,
  'bad-id': true,
  'bad-scheme-id': true,
  'bad-form': true,
  'duplicate-id': true,
  'points-need-column': false,
  'min-above-max': false,
  'range-reversed': true,
  'no-ballot-option': false,
  'no-item': false,
  'no-group': false,
  'group-loop': false,
  'weighted-holds-groups': false,
  'weighted-needs-items': false,
  'weighted-needs-weights': false,
  'unknown-field': false,
  'bad-expr': false,
  'computed-loop': false,
  'no-computed': false,
  'duplicate-grade': false,
  'unknown-grade': false,
  'needs-grade': false,
  'condition-needs-match': false,
  'no-condition': false,
  'no-education-level': false,
  'needs-bands': false,
  'needs-grades': false,
  'quota-needs-bound': false,
  'duplicate-word': false,
  'rated-needs-grades': false,
};

export function problem<C extends ProblemCode>(code: C, path: SchemePath, data: ProblemData[C]): SchemeProblem {
  return { code, path, data } as SchemeProblem;
}
