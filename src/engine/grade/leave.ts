/**
 * Leave as a remark states it (words in ./leave.json): days by kind (病假30天、事假两周, 病假累计达46天,
 * 病假一个半月; 病假超过50天 counts 50) and statements that the leave is over half a period (病事假累计超过本季度一半, 事假累计
 * 超过半个季度, 病事假过半). The regular expressions are built from the word lists: alternations of
 * fixed words, no open repetition, so a long remark costs one linear scan each.
 */
import data from './leave.json';
import { compact } from '../text';

export type LeavePeriod = 'period' | 'month' | 'quarter' | 'half-year' | 'year';

/** A statement that leave of a kind is over half a period: 病事假累计超过本季度一半 → {kind: 病事假, period: quarter}. */
export interface OverHalf {
  kind: string;
  period: LeavePeriod;
  /** The words of the remark that say it. */
  text: string;
}

export interface Leave {
  /** Days by kind; a month counts 30 days, a week 7. */
  days: Map<string, number>;
  overHalf: OverHalf[];
}

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** An alternation of the words, longest first so that 工伤病假 wins over 病假. */
const alt = (words: readonly string[]): string =>
  [...new Set(words.map(compact))]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

const KIND_OF = new Map<string, string>(data.kinds.flatMap((k) => k.words.map((w) => [compact(w), k.kind] as const)));
const PERIOD_OF = new Map<string, LeavePeriod>(
  (Object.entries(data.periods) as [LeavePeriod, string[]][]).flatMap(([p, words]) => words.map((w) => [compact(w), p] as const)),
);
const UNIT_DAYS: Record<string, number> = data.amount.units;

const KIND = `(${alt([...KIND_OF.keys()])})`;
const OVER = `(?:${alt(data.over)})`;
const JOIN = `(?:${alt(data.joiners)})?`;
const NUMBER = '(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]{1,3}|半)';
/** A unit not followed by what makes it a date (5月3日, 5月份, 3月至5月). */
const UNIT = `(${alt(Object.keys(UNIT_DAYS))})(?![\\d份至到~\\-—])`;
const DAYS = new RegExp(`${KIND}${JOIN}(?:${OVER})?${NUMBER}(?:${alt(data.amount.atLeast)})?(个)?(半)?${UNIT}`, 'g');

const PERIOD = `(${alt([...PERIOD_OF.keys()])})`;
/** 超过本季度一半 / 超过一半 (the period: group 2), 超过半个季度 (group 3), 过半 / 超半. */
const OVER_HALF = new RegExp(
  `${KIND}${JOIN}(?:${OVER}(?:${PERIOD}?的?(?:${alt(data.half)})|半个?${PERIOD})|(?:${alt(data.overHalf)}))`,
  'g',
);

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "46", "四十六", "十五", "两", "半" → a number (up to 99 in Chinese numerals). */
export function amount(s: string): number {
  if (s === '半') return 0.5;
  if (/^\d/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (DIGITS[s] ?? NaN) : NaN;
  const tens = ten === 0 ? 1 : (DIGITS[s.slice(0, ten)] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (DIGITS[s.slice(ten + 1)] ?? NaN);
  return tens * 10 + ones;
}

/** The kinds of leave a remark can state (病事假, 病假, 事假, 工伤病假 …), in the order of ./leave.json: what a leave rule may count. */
export const LEAVE_KINDS: readonly string[] = data.kinds.map((k) => k.kind);

const NONE: Leave = { days: new Map(), overHalf: [] };

/** The leave a text states; most texts name none (no 假 or 病休) and cost one scan. */
export function readLeave(text: string): Leave {
  const t = compact(text);
  if (!t.includes('假') && !t.includes('病休')) return NONE;
  const days = new Map<string, number>();
  for (const m of t.matchAll(DAYS)) {
    const n = amount(m[2]!) + (m[4] ? 0.5 : 0);
    const d = n * UNIT_DAYS[m[5]!]!;
    if (!Number.isFinite(d)) continue;
    const kind = KIND_OF.get(m[1]!)!;
    days.set(kind, (days.get(kind) ?? 0) + d);
  }
  const overHalf: OverHalf[] = [];
  for (const m of t.matchAll(OVER_HALF)) {
    const word = m[2] ?? m[3];
    overHalf.push({ kind: KIND_OF.get(m[1]!)!, period: word ? PERIOD_OF.get(word)! : 'period', text: m[0] });
  }
  return days.size === 0 && overHalf.length === 0 ? NONE : { days, overHalf };
}
