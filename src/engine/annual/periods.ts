/**
 * Which sheets of a workbook are the periods of a year: quarters (第一季度, 一季度,
 * 2026年第二季度, Q3, 2026Q4, 第3季度 …) or months (1月, 01月, 一月, 十二月, 2014年3月,
 * 3月份 …), as the scheme's period says. A sheet whose name also says 汇总/统计/年度 is a
 * summary, not a period.
 */
import type { Scheme } from '../scheme/model';

export type PeriodUnit = 'quarter' | 'month';

const QUARTER_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const MONTH_WORDS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const FULL_WIDTH = /[０-９Ｑｑ]/g;
const SUMMARY = /汇总|统计|年度|全年|年终/;

function normalise(name: string): string {
  return name.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
}

/** The quarter (1–4) a sheet's name stands for, or null. */
export function quarterOf(sheetName: string): number | null {
  const n = normalise(sheetName);
  if (SUMMARY.test(n)) return null;
  const m = /(?:^|[^0-9])第?([一二三四1-4])季度?/.exec(n) ?? /(?:^|[^A-Za-z])[Qq]([1-4])(?![0-9])/.exec(n);
  return m ? QUARTER_DIGITS[m[1]!]! : null;
}

/** The month (1–12) a sheet's name stands for, or null: 3月, 03月, 三月, 十二月, 2014年3月, 3月份. */
export function monthOf(sheetName: string): number | null {
  const n = normalise(sheetName);
  if (SUMMARY.test(n) || /季度/.test(n)) return null;
  const digits = /(?:^|[^0-9])0?([1-9]|1[0-2])月/.exec(n);
  if (digits) return Number(digits[1]);
  // The longest word first: 十二月 is not 二月.
  const word = /(十[一二]|[一二三四五六七八九十])月/.exec(n);
  return word ? MONTH_WORDS.indexOf(word[1]!) + 1 : null;
}

/** The unit a scheme's periods roll up in: months for monthly appraisals, else quarters. */
export function periodUnit(s: Scheme): PeriodUnit {
  return s.period.unit === 'month' ? 'month' : 'quarter';
}

export interface PeriodSheet {
  sheet: string;
  /** 1-based position in the year (the quarter or the month). */
  index: number;
}

/** The period sheets among a workbook's sheets, in the year's order; a period named twice is kept once (the first). */
export function findPeriodSheets(names: string[], unit: PeriodUnit = 'quarter'): PeriodSheet[] {
  const of = unit === 'month' ? monthOf : quarterOf;
  const seen = new Set<number>();
  const out: PeriodSheet[] = [];
  for (const sheet of names) {
    const index = of(sheet);
    if (index === null || seen.has(index)) continue;
    seen.add(index);
    out.push({ sheet, index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Before the scheme is known: the quarters, or failing them the months. */
export function guessPeriodSheets(names: string[]): { unit: PeriodUnit; periods: PeriodSheet[] } {
  const quarters = findPeriodSheets(names, 'quarter');
  if (quarters.length > 0) return { unit: 'quarter', periods: quarters };
  return { unit: 'month', periods: findPeriodSheets(names, 'month') };
}

/** A period's name (第一季度 / Q1, 3月 / Month 3): its words are with the other words, in ../report/words. */
export { periodLabel } from '../report/messages';
