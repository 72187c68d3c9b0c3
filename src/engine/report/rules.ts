/**
 * The one table of rules. Per rule id: the data its issues carry, its default severity, and
 * whether it blocks a write (an issue of the rule on a cell the write plan overwrites is shown
 * as a conflict before writing). Its words — name, message and what to do, in Chinese and
 * English — are in ./words/zh.ts and ./words/en.ts, keyed by the same ids: TypeScript refuses
 * a rule without words in both languages. docs/rules.md says how to add one.
 */
import type { PeriodUnit } from '../annual/periods';
import type { Note, QuotaScope } from '../results';
import type { FieldRef, Severity, Span } from './issue';

interface Rule<D> {
  severity: Severity;
  blocksWrite: boolean;
  /** Never set: carries the type of the rule's data. */
  data?: D;
}

function rule<D>(severity: Severity, blocksWrite = false): Rule<D> {
  return { severity, blocksWrite };
}

type Quota = { grades: string[]; scope: QuotaScope; count: number; base: number; limit: number; share: number | null; hard: boolean };

type SchemeGap =
  | ({ kind: 'gap' | 'overlap'; subject: FieldRef | null; grades: string[] } & Span)
  | { kind: 'max-sum'; subject: FieldRef | null; expected: number; actual: number }
  | { kind: 'total-in-gap'; value: number }
  /** The scheme's total formula gives no number for a row whose scores are all there (a division by 0). */
  | { kind: 'total-not-a-number' };

/** Quotas take their severity from the scheme; the severities here are the defaults. */
export const RULES = {
  'missing-value': rule<{ field: FieldRef }>('error'),
  'not-a-number': rule<{ field: FieldRef; text: string; kind: 'text' | 'error' | 'boolean' | 'date' | 'formula' }>('error'),
  'number-as-text': rule<{ field: FieldRef; text: string; value: number }>('warning'),
  /**
   * `cap`: over the cap of an adjustment or a capped dimension, which counts as the cap (max). `summed`: a capped
   * dimension whose items add up to more than its cap (业绩加分 > 50): nothing in the sheet is wrong.
   */
  'out-of-range': rule<
    { field: FieldRef; value: number; min: number | null } & (
      { max: number | null; cap: false } | { max: number; cap: true; summed?: true }
    )
  >('error'),
  'subtotal-mismatch': rule<{ field: FieldRef; sheet: number; computed: number }>('error', true),
  /** Points taken for cases that cost a range each (1–3 per case): outside count × range. */
  'deduction-out-of-range': rule<{ field: FieldRef; count: number; points: number; min: number; max: number; each: [number, number] }>(
    'error',
  ),
  /** A subject's votes (优秀 + 良好 + 一般 + 较差) do not add up to the number of voters. */
  'ballot-mismatch': rule<{ subject: FieldRef; votes: number; voters: number }>('error'),
  'total-mismatch': rule<{ sheet: number | string; computed: number }>('error', true),
  /** `why`: the condition that decided the grade (or that there is none), in the scheme's words. */
  'grade-mismatch': rule<{ sheet: string; computed: string | null; why: Note | null }>('error', true),
  'unknown-grade': rule<{ text: string; known: string[] }>('error', true),
  /**
   * A grade of an earlier stage (建议等次, 党组会建议等次) that differs from the grade decided last
   * (最终评定等次): information, the last decision stands. `stage` the earlier column's header.
   */
  'grade-stage-differs': rule<{ stage: string; text: string; grade: string; decided: string }>('info'),
  /** A rated column (德（合格/不合格）) holds a word not in its ladder: the person's grade is not derived. */
  'unknown-rating': rule<{ field: FieldRef; text: string; known: string[] }>('error'),
  /** `firstSheet`: in a workbook of per-person forms, the sheet of the first (firstRow is then that sheet's row). */
  'duplicate-person': rule<{ name: string; unit: string | null; firstRow: number; firstSheet?: string }>('warning'),
  /** The place written in the sheet's 排名 column differs from the place by total within the category. */
  'rank-mismatch': rule<{ name: string; sheet: number | string; computed: number; group: string | null }>('error', true),
  'quota-exceeded': rule<Quota>('error'),
  'quota-below-minimum': rule<Quota>('error'),
  /** The sheet compiles several organisations (县财政局, 县人社局 …): each whole-office quota is applied to each. */
  'quota-per-organisation': rule<{ units: string[] }>('info'),
  'scheme-gap': rule<SchemeGap>('warning'),
  'missing-column': rule<{ field: FieldRef }>('error'),
  'header-max-mismatch': rule<{ field: FieldRef; header: number; scheme: number }>('warning'),
  'condition-conflict': rule<{ chosen: string; ignored: string }>('warning'),
  /**
   * The grade cell states no grade (不确定等次, 不参加, 在外考核) and the engine, taking the sheet at its
   * word, finds none of the scheme's reasons for it in the row: `reasons` the scheme's own (试用期 …),
   * `given` the reason the cell gives in brackets, if any (不确定等次（家中有事） → 家中有事).
   */
  'no-grade-unexplained': rule<{ sheet: string; stated: 'ungraded' | 'excluded' | 'elsewhere'; reasons: string[]; given: string | null }>(
    'warning',
  ),
  /**
   * The person's row is hidden or filtered out (the sheet cannot tell which): checked and counted like any other, but
   * kaohe writes nothing into it (the plan holds its writes back, Plan.hiddenRows).
   */
  'hidden-row': rule<{ name: string; unit: string | null }>('warning'),
  /** Annual roll-up: a person missing from some periods (name null: the workbook lacks whole periods; `held` the periods it has). */
  'annual-missing-period': rule<{ name: string | null; periods: number[]; unit: PeriodUnit; held?: number[] }>('warning'),
  /** Annual roll-up: a person without a grade in some periods (试用期 …; `reason` the grade cell's short word): the rules count the graded ones. */
  'annual-ungraded-period': rule<{ name: string; periods: { index: number; reason: string | null }[]; unit: PeriodUnit }>('info'),
  /** Annual roll-up: the annual grade proposed is better than the period grades allow; `why` the annual rules that bar it. */
  'annual-grade-not-allowed': rule<{ name: string; grade: string; maxGrade: string; why: Note[] }>('error'),
} satisfies Record<string, Rule<unknown>>;

export type RuleId = keyof typeof RULES;

type DataOf<R extends RuleId> = (typeof RULES)[R] extends Rule<infer D> ? D : never;

/** An issue's data: its rule id and what the rule's words need, a union discriminated by `rule`. */
export type IssueData = { [R in RuleId]: { rule: R } & DataOf<R> }[RuleId];

/** The data of one rule's issues. */
export type IssueDataOf<R extends RuleId> = Extract<IssueData, { rule: R }>;
