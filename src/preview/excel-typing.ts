/**
 * The preview's Excel types text as Excel does (Chinese and English locales, month-day order): what a cell holds
 * after a string is written through range.values / range.formulas. Numbers with leading zeros, thousands
 * separators, exponents, percents, currencies and brackets; fractions; times; dates (2020-1, 2020/1/5, 1-2, 1/2,
 * 2020年1月5日, 1月5日, Jan-20, 5-Jan); booleans; errors; formulas (= + - @); full-width digits as half-width; and
 * the apostrophe prefix, which keeps the rest as text. Typing also gives the cell a number format where Excel
 * does (a percent, a date, a time, a fraction). A cell formatted as text ('@') takes what is typed as text.
 *
 * Modelled as far as kaohe writes; it is the simulation's, not the host's: the host's escaping rule
 * (../hosts/text-typing.ts) is tested against it.
 */
import type { CellValue } from '../engine';

export interface Typed {
  value: CellValue;
  formula: string | null;
  /** The number format typing gives the cell; undefined: unchanged. */
  numFmt?: string;
}

const ERRORS = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Excel's serial number of a date (1900 system). */
function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1) return null;
  return t / 86400000 + 25569;
}

/** A year as typed: two digits are 1930–2029. */
const year = (s: string): number => (s.length <= 2 ? (Number(s) < 30 ? 2000 : 1900) + Number(s) : Number(s));

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** A plain number as typed: sign, thousands, decimals, exponent; then % (÷100), brackets (negative), a currency. */
function numberOf(s: string): { n: number; numFmt?: string } | null {
  let t = s.trim();
  let negative = false;
  let currency = false;
  const bracket = /^\((.*)\)$/.exec(t);
  if (bracket) {
    t = bracket[1]!.trim();
    negative = true;
  }
  const cur = /^[$¥￥€£]\s*/.exec(t);
  if (cur) {
    t = t.slice(cur[0].length);
    currency = true;
  }
  const m = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([-+]?\d+))?(%?)$/.exec(t);
  if (!m || !/\d/.test(m[2]! + (m[3] ?? ''))) return null;
  if (negative && m[1]) return null;
  let n = Number(`${m[2]!.replace(/,/g, '') || '0'}${m[3] ?? ''}${m[4] !== undefined ? `e${m[4]}` : ''}`);
  if (m[1] === '-') n = -n;
  if (negative) n = -n;
  if (m[5]) return { n: n / 100, numFmt: '0%' };
  if (m[4] !== undefined) return { n, numFmt: '0.00E+00' };
  if (currency) return { n, numFmt: '¥#,##0' };
  return { n };
}

/** A time: h:mm, h:mm:ss, with AM/PM. */
function timeOf(s: string): number | null {
  const m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?\s*(am|pm)?$/i.exec(s.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3] ?? 0);
  if (m[4]) {
    if (h > 12) return null;
    h = (h % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  }
  if (min > 59 || sec > 59) return null;
  return (h * 3600 + min * 60 + sec) / 86400;
}

/** A date typed in any of the forms Excel reads; `thisYear` where the year is left out. */
function dateOf(s: string, thisYear: number): number | null {
  const t = s.trim();
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(t);
  if (m) return serial(Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
  m = /^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2}|\d{4}))?$/.exec(t);
  if (m) return serial(m[3] ? year(m[3]) : thisYear, Number(m[1]), Number(m[2]));
  m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(t);
  if (m) return serial(Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
  m = /^(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) return serial(thisYear, Number(m[1]), Number(m[2]));
  m = /^([a-z]{3,9})[-\s/](\d{1,4})$/i.exec(t); // Jan-20 (a year), Jan 5 (a day)
  if (m && monthOf(m[1]!) > 0) {
    const n = Number(m[2]);
    return m[2]!.length <= 2 && n <= 31 && !/^[a-z]+-\d{2}$/i.test(t)
      ? serial(thisYear, monthOf(m[1]!), n)
      : serial(year(m[2]!), monthOf(m[1]!), 1);
  }
  m = /^(\d{1,2})[-\s/]([a-z]{3,9})(?:[-\s/](\d{2}|\d{4}))?$/i.exec(t); // 5-Jan
  if (m && monthOf(m[2]!) > 0) return serial(m[3] ? year(m[3]) : thisYear, monthOf(m[2]!), Number(m[1]));
  return null;
}

/** A fraction with a whole part: "1 1/2" (a bare "1/2" is a date). */
function fractionOf(s: string): number | null {
  const m = /^([-+]?)(\d+)\s+(\d+)\/(\d+)$/.exec(s.trim());
  if (!m || Number(m[4]) === 0) return null;
  const n = Number(m[2]) + Number(m[3]) / Number(m[4]);
  return m[1] === '-' ? -n : n;
}

const halfWidth = (s: string): string => s.replace(/[０-９＋－．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** What a cell holds after `input` is typed into it; `numFmt` is the cell's number format now. */
export function typeAsExcel(input: unknown, numFmt: string | null, thisYear = new Date().getFullYear()): Typed {
  if (input === null || input === undefined || input === '') return { value: null, formula: null };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: null };
  const s = String(input);
  if (s.startsWith("'")) return { value: s.slice(1), formula: null };
  // A cell formatted as text takes what is typed as it is, a formula's text included.
  if (numFmt === '@') return { value: s, formula: null };
  if (s.startsWith('=')) return { value: null, formula: s };
  const h = halfWidth(s);
  const plain = numberOf(h);
  if (plain) return { value: plain.n, formula: null, ...(plain.numFmt ? { numFmt: plain.numFmt } : {}) };
  // A leading + - @ that is not a number starts a formula.
  if (/^[+\-@]/.test(s)) return { value: null, formula: `=${s.startsWith('@') ? s.slice(1) : s}` };
  if (ERRORS.test(s.trim())) return { value: { error: s.trim().toUpperCase() }, formula: null };
  if (/^\s*(true|false)\s*$/i.test(s)) return { value: s.trim().toLowerCase() === 'true', formula: null };
  const time = timeOf(h);
  if (time !== null) return { value: time, formula: null, numFmt: 'h:mm' };
  const fraction = fractionOf(h);
  if (fraction !== null) return { value: fraction, formula: null, numFmt: '# ?/?' };
  const date = dateOf(h, thisYear);
  if (date !== null) return { value: date, formula: null, numFmt: 'yyyy/m/d' };
  return { value: s, formula: null };
}
