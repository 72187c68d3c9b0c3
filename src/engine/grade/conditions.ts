/**
 * Conditions read from a row's texts (备注, 状态, the note after a name, 职务): which of the
 * scheme's conditions apply, including leave counted from "病假30天，事假20天" or stated as
 * "病事假累计超过本季度一半" (the words are data: ./leave.json, read by ./leave.ts).
 * Words preceded by 无/未/非/不/没有 do not count ("未受处分" is not a sanction).
 */
import type { Scheme, SchemeCondition, SchemeMatch } from '../scheme/model';
import { compact } from '../text';
import { type Leave, type LeavePeriod, readLeave } from './leave';

export interface RowTexts {
  remark: string;
  status: string;
  name: string;
  post: string;
}

/** A negation just before a word, perhaps with 被/曾/受 between: 未受处分, 未被立案, 没有试用期. */
const NEGATED = /(?:没有|从未|并未|无|未|非|不|没)(?:被|曾|受|曾被)?$/;

/** Whether `word` occurs in `text` at least once without a negation just before it. */
export function mentions(text: string, word: string): boolean {
  let i = text.indexOf(word);
  while (i >= 0) {
    if (!NEGATED.test(text.slice(Math.max(0, i - 4), i))) return true;
    i = text.indexOf(word, i + 1);
  }
  return false;
}

/** Leave days by kind from free text: "病假30天、事假两周" → {病假: 30, 事假: 14}; 工伤病假 is its own kind; a month counts 30 days. */
export function leaveDays(text: string): Map<string, number> {
  return readLeave(text).days;
}

const PERIOD_DAYS: Record<Scheme['period']['unit'], number> = { month: 30, quarter: 91, 'half-year': 182, year: 365 };

/** The days of the scheme's period that leave rules count half of: its own days, else the unit's. */
export function periodDays(s: Pick<Scheme, 'period'>): number {
  return s.period.days ?? PERIOD_DAYS[s.period.unit];
}

type PeriodUnit = Scheme['period']['unit'];

/** The days of a period a remark names: 'period' or the scheme's own unit is the scheme's period (`days`). */
function statedDays(p: LeavePeriod, days: number, unit: PeriodUnit | null): number {
  return p === 'period' || p === unit ? days : PERIOD_DAYS[p];
}

/** A condition ready to test rows: its words normalised once, not once per row. */
interface CompiledMatch {
  in: SchemeMatch['in'];
  keywords: { raw: string; key: string }[];
  unless: string[];
  leave: SchemeMatch['leave'];
}

const compiledConditions = new WeakMap<Scheme, { condition: SchemeCondition; match: CompiledMatch }[]>();

function compileMatch(m: SchemeMatch): CompiledMatch {
  return { in: m.in, keywords: m.keywords.map((k) => ({ raw: k, key: compact(k) })), unless: m.unless.map(compact), leave: m.leave };
}

function conditionsOf(s: Scheme): { condition: SchemeCondition; match: CompiledMatch }[] {
  let list = compiledConditions.get(s);
  if (!list) {
    list = s.conditions.map((c) => ({ condition: c, match: compileMatch(c.match) }));
    compiledConditions.set(s, list);
  }
  return list;
}

/** A row's texts compacted once, with leave days parsed at most once per text. */
class RowText {
  readonly texts: Record<keyof RowTexts, string>;
  private leave: Map<string, Leave> | undefined;
  constructor(t: RowTexts) {
    this.texts = {
      remark: t.remark && compact(t.remark),
      status: t.status && compact(t.status),
      name: t.name && compact(t.name),
      post: t.post && compact(t.post),
    };
  }
  readLeave(text: string): Leave {
    this.leave ??= new Map();
    let leave = this.leave.get(text);
    if (!leave) this.leave.set(text, (leave = readLeave(text)));
    return leave;
  }
}

/** What in the row made a condition apply: the keyword found, or the leave days counted. */
function matchCompiled(m: CompiledMatch, row: RowText, days: number, unit: PeriodUnit | null): string | null {
  const texts = row.texts;
  const text =
    m.in.length === 1
      ? texts[m.in[0]!]
      : m.in
          .map((k) => texts[k])
          .filter(Boolean)
          .join('；');
  if (!text) return null;
  if (m.unless.some((u) => text.includes(u))) return null;
  const word = m.keywords.find((k) => mentions(text, k.key));
  if (word !== undefined) return word.raw;
  if (m.leave) {
    const found = row.readLeave(text);
    const total = m.leave.kinds.reduce((sum, k) => sum + (found.days.get(k) ?? 0), 0);
    const limit = m.leave.over === 'half-period' ? days / 2 : m.leave.over;
    if (total > limit) return `${m.leave.kinds[0]}${total}天`;
    // "Over half of a period" says more than half its days: enough when that half is at least the limit.
    const stated = found.overHalf.find((o) => m.leave!.kinds.includes(o.kind) && statedDays(o.period, days, unit) / 2 >= limit);
    if (stated) return stated.text;
  }
  return null;
}

/** What in the row made a condition apply: the keyword found, or the leave days counted. */
export function matchWord(m: SchemeMatch, t: RowTexts, days: number, unit: PeriodUnit | null = null): string | null {
  return matchCompiled(compileMatch(m), new RowText(t), days, unit);
}

/** The order in which condition effects are applied (rules.md §4.6). */
export const EFFECT_ORDER: SchemeCondition['effect'][] = ['exclude', 'elsewhere', 'no-grade', 'direct-grade', 'max-grade', 'flag'];

export interface Matched {
  condition: SchemeCondition;
  /** A short name for why: the condition's label, else the word that matched. */
  label: string;
}

/** Every condition of the scheme that applies to the row, in precedence order. */
export function matchedConditions(s: Scheme, t: RowTexts): Matched[] {
  // Most rows have no remark, status or note at all: nothing to test.
  if (!t.remark && !t.status && !t.name && !t.post) return [];
  const days = periodDays(s);
  const row = new RowText(t);
  const hit: Matched[] = [];
  for (const { condition, match } of conditionsOf(s)) {
    const word = matchCompiled(match, row, days, s.period.unit);
    if (word !== null) hit.push({ condition, label: condition.label ?? word });
  }
  return hit.length <= 1 ? hit : EFFECT_ORDER.flatMap((e) => hit.filter((h) => h.condition.effect === e));
}
