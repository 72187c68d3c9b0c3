/**
 * Changes the 方案 view makes to the draft's rules beyond items and bands: the conditions
 * (直接定等次, 最高等次, 不定等次, 不参加 …) with their keywords or the leave days that decide them
 * (病、事假累计超过考核期一半), the rated items' words (合格 / 不合格 / 否决) and what 否决 means, the
 * quotas' bounds (period and annual alike), and the year: its periods, what its total takes from
 * them, its rules. Pure, as ./scheme-draft: each gives the draft changed, for the loader to check.
 */
import { LADDERS, LEAVE_KINDS } from '../engine';
import { type Draft, getIn, type Path, setIn, withList } from './scheme-draft';

/** The conditions by where the 方案 view and the scheme's description show them. */
export const DIRECT_EFFECTS = ['direct-grade', 'max-grade'] as const;
export const STATUS_EFFECTS = ['no-grade', 'exclude', 'elsewhere', 'flag'] as const;
export type ConditionEffect = (typeof DIRECT_EFFECTS)[number] | (typeof STATUS_EFFECTS)[number];
export const needsGrade = (effect: string): boolean => effect === 'direct-grade' || effect === 'max-grade';

/** An id not yet taken in a list (conditions, rated items, annual rules): `${stem}-1`, `${stem}-2` … */
function freeId(d: Draft, list: (string | number)[], stem: string, sep = '-'): string {
  const taken = new Set(((getIn(d, list) as { id?: string }[] | undefined) ?? []).map((x) => x.id));
  let n = 1;
  while (taken.has(`${stem}${sep}${n}`)) n++;
  return `${stem}${sep}${n}`;
}

/** A new condition of this effect: its reason and keywords left for the user, which the check asks for beside them. */
export function addCondition(d: Draft, effect: ConditionEffect, grade: string | undefined): Draft {
  const id = freeId(d, ['conditions'], 'rule');
  return withList(d, ['conditions'], (l) => [
    ...l,
    { id, effect, ...(needsGrade(effect) && grade !== undefined ? { grade } : {}), reason: '', match: { keywords: [] } },
  ]);
}

/** A condition's effect changed: a grade given where the effect needs one (the scheme's first), dropped where it has none. */
export function setConditionEffect(d: Draft, i: number, effect: ConditionEffect, grades: string[]): Draft {
  let out = setIn(d, ['conditions', i, 'effect'], effect);
  const grade = getIn(d, ['conditions', i, 'grade']);
  if (!needsGrade(effect)) out = setIn(out, ['conditions', i, 'grade'], undefined);
  else if (typeof grade !== 'string' || !grades.includes(grade)) out = setIn(out, ['conditions', i, 'grade'], grades[0]);
  return out;
}

export interface RatingWordDraft {
  word: string;
  synonyms?: string[];
  effect: string;
}

/** The words of a rated item as it reads them: its own, or its built-in ladder's. */
export function ratedWords(d: Draft, i: number): RatingWordDraft[] {
  const own = getIn(d, ['rated', i, 'words']) as RatingWordDraft[] | undefined;
  if (own) return own;
  const ladder = (getIn(d, ['rated', i, 'ladder']) as string | undefined) ?? 'hege';
  return (LADDERS[ladder] ?? []).map((w) => ({ word: w.word, synonyms: [...w.synonyms], effect: w.effect }));
}

/** A rated item's words changed: the built-in ladder's words become the item's own the first time one is changed. */
export function withRatedWords(d: Draft, i: number, change: (words: RatingWordDraft[]) => RatingWordDraft[]): Draft {
  return setIn(d, ['rated', i, 'words'], change(ratedWords(d, i)));
}

/** The first `${stem}_${n}` no field of the scheme has (fields share one space of ids). */
function freeFieldId(d: Draft, stem: string, from = 1): { id: string; n: number } {
  const taken = new Set(
    ['groups', 'items', 'rated', 'adjustments', 'inputs', 'deductions', 'computed'].flatMap((k) =>
      ((getIn(d, [k]) as { id?: string }[] | undefined) ?? []).map((x) => x.id),
    ),
  );
  let n = from;
  while (taken.has(`${stem}_${n}`)) n++;
  return { id: `${stem}_${n}`, n };
}

/** A new rated item (廉（一票否决）): the built-in 合格 / 基本合格 / 不合格 / 否决 words, a veto giving the lowest grade. */
export function addRated(d: Draft, label: string): Draft {
  const { id, n } = freeFieldId(d, 'rated');
  return withList(d, ['rated'], (l) => [...l, { id, label: `${label}${n}`, ladder: 'hege', veto: 'lowest' }]);
}

/** A new item of a dimension (or of none), its maximum 0 until the user gives one: 新分项18. */
export function addItem(d: Draft, group: string | undefined, label: string): Draft {
  const count = ((getIn(d, ['items']) as unknown[] | undefined) ?? []).length;
  const { id, n } = freeFieldId(d, 'item', count + 1);
  return withList(d, ['items'], (l) => [...l, { id, label: `${label}${n}`, max: 0, ...(group ? { group } : {}) }]);
}

/** A new per-case rule (迟到早退每次扣 1 分): its column's name for the user to give, 1 point a case from the total. */
export function addDeduction(d: Draft, label: string): Draft {
  const { id, n } = freeFieldId(d, 'deduction');
  return withList(d, ['deductions'], (l) => [...l, { id, label: `${label}${n}`, points: 1, direction: 'deduct' }]);
}

/** How a dimension makes its score from its items: they add up, or each counts at a weight (实绩 = 得分 × 70% + 测评 × 30%). */
export type Combine = 'sum' | 'weighted';

/**
 * A dimension's way of combining its items. Made weighted, an item without a weight gets an equal
 * share (the last takes what rounding leaves, so they add up to 1); made a sum, the weights go,
 * as they would mean nothing. Whether the maxima still fit the dimension's is the loader's check.
 */
export function setCombine(d: Draft, g: number, combine: Combine): Draft {
  const group = getIn(d, ['groups', g, 'id']) as string;
  let out = setIn(d, ['groups', g, 'combine'], combine);
  const items = (getIn(d, ['items']) as { group?: string; weight?: number }[] | undefined) ?? [];
  const members = items.flatMap((it, i) => (it.group === group ? [i] : []));
  const share = Math.floor(100 / Math.max(members.length, 1)) / 100;
  const rest = Math.round((1 - share * (members.length - 1)) * 100) / 100;
  members.forEach((i, k) => {
    if (combine === 'sum') out = setIn(out, ['items', i, 'weight'], undefined);
    else if (items[i]!.weight === undefined) out = setIn(out, ['items', i, 'weight'], k === members.length - 1 ? rest : share);
  });
  return out;
}

/** How an annual rule tests the periods: the number of periods of some grades, a run of them, or the period score. */
export type AnnualTest = 'count' | 'run' | 'score';

export function annualTest(d: Draft, i: number): AnnualTest {
  const when = getIn(d, ['annual', 'rules', i, 'when']) as { consecutive?: number } | undefined;
  if (when === undefined) return 'score';
  return when.consecutive !== undefined ? 'run' : 'count';
}

/** An annual rule's test changed: the grades kept between a count and a run, the test's own numbers started afresh. */
export function setAnnualTest(d: Draft, i: number, test: AnnualTest, periodGrades: string[]): Draft {
  const rule = ['annual', 'rules', i];
  const grades = (getIn(d, [...rule, 'when', 'grades']) as string[] | undefined) ?? periodGrades.slice(-1);
  let out = setIn(d, [...rule, 'scoreBelow'], undefined);
  if (test === 'score') return setIn(setIn(out, [...rule, 'when'], undefined), [...rule, 'scoreBelow'], 60);
  out = setIn(out, [...rule, 'when'], test === 'run' ? { grades, consecutive: 2 } : { grades, op: '>=', value: 1 });
  return out;
}

/** A new annual rule: any period of the scheme's lowest grade bars the top annual grade — the commonest rule, to change. */
export function addAnnualRule(d: Draft, text: string, periodGrades: string[]): Draft {
  const annualGrades = ((getIn(d, ['annual', 'grades']) as { label: string }[] | undefined) ?? []).map((g) => g.label);
  const id = freeId(d, ['annual', 'rules'], 'rule');
  return withList(d, ['annual', 'rules'], (l) => [
    ...l,
    {
      id,
      when: { grades: periodGrades.slice(-1), op: '>=', value: 1 },
      effect: annualGrades.length > 1 ? 'max-grade' : 'flag',
      ...(annualGrades.length > 1 ? { grade: annualGrades[1] } : {}),
      text,
    },
  ]);
}

/** An annual rule's effect changed: a flag has no grade; the others need one (the second annual grade: at best 称职). */
export function setAnnualEffect(d: Draft, i: number, effect: string): Draft {
  const at = ['annual', 'rules', i];
  const annualGrades = ((getIn(d, ['annual', 'grades']) as { label: string }[] | undefined) ?? []).map((g) => g.label);
  let out = setIn(d, [...at, 'effect'], effect);
  const grade = getIn(d, [...at, 'grade']);
  if (effect === 'flag') out = setIn(out, [...at, 'grade'], undefined);
  else if (typeof grade !== 'string' || !annualGrades.includes(grade)) {
    out = setIn(out, [...at, 'grade'], effect === 'priority' ? annualGrades[0] : (annualGrades[1] ?? annualGrades[0]));
  }
  return out;
}

/** The leave kinds a rule counts when it is made: sick and personal leave, as the national rules count them. */
const SICK_AND_PERSONAL = ['病假', '事假', '病事假'];

/**
 * A new leave rule (病、事假累计超过考核期一半): sick and personal leave over half the period, to
 * change; its reason left for the user, which the check asks for beside it.
 */
export function addLeaveCondition(d: Draft, effect: ConditionEffect, grade: string | undefined): Draft {
  const id = freeId(d, ['conditions'], 'leave');
  const kinds = SICK_AND_PERSONAL.filter((k) => LEAVE_KINDS.includes(k));
  return withList(d, ['conditions'], (l) => [
    ...l,
    {
      id,
      effect,
      ...(needsGrade(effect) && grade !== undefined ? { grade } : {}),
      reason: '',
      match: { keywords: [], leave: { kinds, over: 'half-period' } },
    },
  ]);
}

/** The kinds a leave rule may count: the kinds remarks are read for, then any other the rule names (kept, to be unticked). */
export function leaveKindsOf(d: Draft, i: number): string[] {
  const own = (getIn(d, ['conditions', i, 'match', 'leave', 'kinds']) as string[] | undefined) ?? [];
  return [...LEAVE_KINDS, ...own.filter((k) => !LEAVE_KINDS.includes(k))];
}

/** A kind counted or not, the kinds kept in the order remarks are read for them. */
export function setLeaveKind(d: Draft, i: number, kind: string, on: boolean): Draft {
  const at = ['conditions', i, 'match', 'leave', 'kinds'];
  const own = (getIn(d, at) as string[] | undefined) ?? [];
  const next = on ? [...own, kind] : own.filter((k) => k !== kind);
  return setIn(d, at, [...new Set(leaveKindsOf(d, i).filter((k) => next.includes(k)))]);
}

/** Whether a leave rule's limit is half the period or a number of days. */
export type LeaveLimit = 'half-period' | 'days';

/**
 * A leave rule's limit changed: a number of days starts at half the period's days (the same limit
 * said as days, to change); half the period needs no number.
 */
export function setLeaveLimit(d: Draft, i: number, limit: LeaveLimit, periodDays: number): Draft {
  const at = ['conditions', i, 'match', 'leave', 'over'];
  if (limit === 'half-period') return setIn(d, at, 'half-period');
  const over = getIn(d, at);
  return setIn(d, at, typeof over === 'number' ? over : Math.floor(periodDays / 2));
}

/** Whether any condition counts leave days: the period's days then matter (超过考核期一半). */
export function hasLeaveRule(d: Draft): boolean {
  return ((getIn(d, ['conditions']) as { match?: { leave?: unknown } }[] | undefined) ?? []).some((c) => c.match?.leave !== undefined);
}

/** The four bounds a quota may have: one holds its value (a share or a number of places, from above or below). */
export const QUOTA_BOUNDS = ['max', 'min', 'maxPlaces', 'minPlaces'] as const;
export type QuotaBound = (typeof QUOTA_BOUNDS)[number];

/** The bound a quota at `at` (quotas.0, annual.quotas.0) has; max for one with none yet. */
export function quotaBound(d: Draft, at: Path): QuotaBound {
  return QUOTA_BOUNDS.find((k) => getIn(d, [...at, k]) !== undefined) ?? 'max';
}

/**
 * A quota's bound changed: a share moves to a share, places to places; between the two the number
 * means something else and is left empty (null, which the check names beside the field) rather
 * than carried over.
 */
export function setQuotaBound(d: Draft, at: Path, next: QuotaBound): Draft {
  const bound = quotaBound(d, at);
  const value = getIn(d, [...at, bound]);
  let out = d;
  for (const k of QUOTA_BOUNDS) out = setIn(out, [...at, k], undefined);
  const isShare = (b: QuotaBound): boolean => b === 'max' || b === 'min';
  return setIn(out, [...at, next], isShare(next) === isShare(bound) ? value : null);
}

/** A new annual quota: the top annual grade at most 20% (《公务员考核规定》's 优秀 share), a warning — to change. */
export function addAnnualQuota(d: Draft): Draft {
  const annualGrades = ((getIn(d, ['annual', 'grades']) as { label: string }[] | undefined) ?? []).map((g) => g.label);
  return withList(d, ['annual', 'quotas'], (l) => [...l, { grades: annualGrades.slice(0, 1), max: 0.2, severity: 'warning' }]);
}
