/**
 * What one language's words file must hold: words for every rule, note, scheme problem and
 * expression problem, keyed by their codes, so that TypeScript refuses a file that misses one.
 * The engine hands out codes and data; ../messages picks the language and renders.
 */
import type { PeriodUnit } from '../../annual/periods';
import type { ExprProblem } from '../../expr/parse';
import type { Fit, FitCode, FitReason, SchemeSource } from '../../fit/fit';
import type { Note, NoteCode } from '../../results';
import type { ProblemCode, ProblemData, SchemePath } from '../../scheme/problems';
import type { IssueDataOf, RuleId } from '../rules';

/** What an issue says: the message, and what to do about it. */
export interface Words {
  message: string;
  fix: string;
}

export interface Language {
  /** Per rule: its name, for headings, and the words of one of its issues. */
  rules: { [R in RuleId]: { name: string; words: (d: IssueDataOf<R>) => Words } };
  notes: { [C in NoteCode]: (n: Extract<Note, { code: C }>) => string };
  /**
   * `subject`: what the problem is about — the key its path ends in ("max"), else the entry or the
   * file itself; `place` says another path in words (where a duplicate id was first used).
   */
  problems: { [C in ProblemCode]: (d: ProblemData[C], subject: string, place: (path: SchemePath) => string) => string };
  expr: { [C in ExprProblem['code']]: (p: Extract<ExprProblem, { code: C }>) => string };
  /** An expression's problem, said with the expression (shortened) and the 1-based position. */
  exprError: (problem: string, source: string, at: number) => string;
  /** A path in a scheme file, in words: ["quotas", 0, "max"] → 第 1 个名额 and max. */
  path: {
    /** Nouns for the lists of a scheme, by key, or by parent and key where a key means more than one thing (annual.grades). */
    nouns: Record<string, string>;
    /** The n-th (1-based) entry of a list: by its noun, or by its key where it has none. */
    entry: (n: number, noun: string | null, key: string) => string;
    /** Between entries nested in each other. */
    within: string;
    /** The place, then the problem. */
    at: (where: string, text: string) => string;
    /** A key of an entry: 第 2 个分项的 id. */
    keyOf: (where: string, key: string) => string;
    /** The subject when the path ends without a key: the file itself, or the entry. */
    file: string;
    it: string;
  };
  /** How well a scheme fits a sheet (../../fit/fit.ts), and the sentence that says how the scheme in use was chosen. */
  fit: {
    reasons: { [C in FitCode]: (r: Extract<FitReason, { code: C }>) => string };
    /** What a clear fit matched: "17 个分项和总分全部对上". */
    matched: (f: Fit) => string;
    /** What speaks against a fit that is not clear. */
    unclear: (why: string) => string;
    /** After the scheme's name: a copy of a preset changed by the office (`preset` names it). */
    basedOn: (preset: string) => string;
    /** How the scheme was chosen, with what its fit says (null: nothing to add). */
    chosen: { [S in SchemeSource]: (id: string, detail: string | null) => string };
    /** No scheme chosen: no preset fits; the closest, with what speaks against it. */
    none: (closest: string | null, why: string | null) => string;
    /** No scheme chosen: several presets fit equally well, so none is chosen for the user. */
    tie: (ids: string[]) => string;
  };
  /** A quota scope that is the whole sheet (all). */
  scopeAll: string;
  period: (index: number, unit: PeriodUnit) => string;
  /** Between problems on one line, and what follows when some are left out. */
  listSep: string;
  inAll: (n: number) => string;
}

/** Renders a note or an expression problem with its table's function for its code. */
export function say<T extends { code: string }>(table: { [C in T['code']]: (t: Extract<T, { code: C }>) => string }, t: T): string {
  return (table[t.code as T['code']] as (t: T) => string)(t);
}
