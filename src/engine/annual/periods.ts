/**
 * Which sheets of a workbook are the periods of a year: 第一季度, 一季度, 2026年第二季度,
 * Q3, 2026Q4, 第3季度 … A sheet whose name also says 汇总/统计/年度 is a summary, not a period.
 */
const QUARTER_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const FULL_WIDTH = /[０-９Ｑｑ]/g;

function normalise(name: string): string {
  return name.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
}

/** The quarter (1–4) a sheet's name stands for, or null. */
export function quarterOf(sheetName: string): number | null {
  const n = normalise(sheetName);
  if (/汇总|统计|年度|全年|年终/.test(n)) return null;
  const m = /(?:^|[^0-9])第?([一二三四1-4])季度?/.exec(n) ?? /(?:^|[^A-Za-z])[Qq]([1-4])(?![0-9])/.exec(n);
  return m ? QUARTER_DIGITS[m[1]!]! : null;
}

export interface PeriodSheet {
  sheet: string;
  /** 1-based position in the year (the quarter). */
  index: number;
}

/** The period sheets among a workbook's sheets, in the year's order; a quarter named twice is kept once (the first). */
export function findPeriodSheets(names: string[]): PeriodSheet[] {
  const seen = new Set<number>();
  const out: PeriodSheet[] = [];
  for (const sheet of names) {
    const index = quarterOf(sheet);
    if (index === null || seen.has(index)) continue;
    seen.add(index);
    out.push({ sheet, index });
  }
  return out.sort((a, b) => a.index - b.index);
}

const QUARTER_LABELS = ['第一季度', '第二季度', '第三季度', '第四季度'];
const QUARTER_LABELS_EN = ['Q1', 'Q2', 'Q3', 'Q4'];

export function periodLabel(index: number, locale: 'zh' | 'en'): string {
  return (locale === 'zh' ? QUARTER_LABELS : QUARTER_LABELS_EN)[index - 1] ?? `${index}`;
}
