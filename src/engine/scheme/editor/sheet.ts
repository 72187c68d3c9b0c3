/**
 * 方案说明表: a printable sheet that says a scheme in words, for the 考核小组 to read and sign off,
 * and that carries the scheme itself below what prints, so that kaohe can read it back from the
 * sheet — in this workbook, or in another one the sheet is copied to. Reading it back compares
 * the words on the sheet with the words of the scheme it carries: words changed by hand are said,
 * never taken for rules.
 */
import type { Form } from '../../annual/forms';
import { type Grid, GridView } from '../../grid';
import type { Locale } from '../../report/locale';
import type { Scheme } from '../model';
import { describeScheme } from './describe';

/** What heads the rows that carry the scheme (below the print area). */
export const SCHEME_DATA_LABEL = '方案数据（考核助手读取用，不打印，请勿修改）';
/** Excel holds at most 32,767 characters in a cell: the scheme's text is cut into pieces well under it. */
const CHUNK = 30000;

const WORDS: Record<
  Locale,
  { sheet: string; title: (name: string) => string; subtitle: string; headers: [string, string]; notes: string[] }
> = {
  zh: {
    sheet: '方案说明表',
    title: (name) => `${name} 说明`,
    subtitle: '考核小组审定：                    日期：    年  月  日',
    headers: ['项目', '内容'],
    notes: [
      '说明：本表由考核助手按所用方案生成，逐项列出考核内容与分值、总分、等次分数段、直接定等次与不定等次的情形、名额和年度规则。',
      '表下方的“方案数据”供考核助手读回方案，不打印；修改方案请在考核助手中进行，不要直接改本表文字。',
    ],
  },
  en: {
    sheet: 'Scheme',
    title: (name) => `${name}: the rules`,
    subtitle: 'Approved by the appraisal panel:                    Date:',
    headers: ['Part', 'Rule'],
    notes: [
      'This sheet was made by kaohe from the scheme in use: the items and maxima, the total, the grade bands, direct grades and no-grade cases, quotas and annual rules.',
      'The scheme data below is for kaohe to read the scheme back and does not print; change the scheme in kaohe, not by editing these words.',
    ],
  },
};

/**
 * Whether a sheet may be a 方案说明表, by its name: the name it is given in either language, as Excel
 * keeps it when the sheet is added again (方案说明表(2)) or copied to another workbook (方案说明表 (2)).
 */
export function mayHoldScheme(sheet: string): boolean {
  return Object.values(WORDS).some((w) => sheet.startsWith(w.sheet));
}

/** The sheet: one row a line of the description, the section's name on its first line; the scheme's JSON below the print area. */
export function schemeForm(s: Scheme, locale: Locale): Form {
  const w = WORDS[locale];
  const rows = describeScheme(s, locale).flatMap((sec) => sec.lines.map((l, i) => [i === 0 ? sec.title : null, l.text]));
  const text = JSON.stringify(s);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
  return {
    sheet: w.sheet,
    title: w.title(locale === 'en' ? (s.nameEn ?? s.name) : s.name),
    subtitle: w.subtitle,
    headers: w.headers,
    widths: [18, 64],
    rows,
    notes: w.notes,
    percentColumns: [],
    chart: null,
    data: { label: SCHEME_DATA_LABEL, chunks },
  };
}

export interface SchemeOnSheet {
  /** The scheme's JSON text, as carried below the print area. */
  text: string;
  /** The lines of the description as the sheet shows them (column B of the table), to compare with the scheme's own words. */
  lines: string[];
}

/** The scheme a 方案说明表 carries, or null where the sheet carries none. */
export function schemeOnSheet(grid: Grid): SchemeOnSheet | null {
  const v = new GridView(grid);
  const bottom = grid.top + grid.values.length - 1;
  const text = (r: number, c: number): string | null => {
    const x = v.value(r, c);
    return typeof x === 'string' ? x : null;
  };
  let labelRow: number | null = null;
  for (let r = grid.top; r <= bottom && labelRow === null; r++) if (text(r, 1) === SCHEME_DATA_LABEL) labelRow = r;
  if (labelRow === null) return null;
  let json = '';
  for (let r = labelRow + 1; r <= bottom && text(r, 1) !== null; r++) json += text(r, 1);
  // The table's lines: column B from the header row (项目 / 内容) down to the first empty row.
  const lines: string[] = [];
  let header: number | null = null;
  for (let r = grid.top; r < labelRow && header === null; r++) {
    if (Object.values(WORDS).some((w) => text(r, 1) === w.headers[0] && text(r, 2) === w.headers[1])) header = r;
  }
  if (header !== null) for (let r = header + 1; r < labelRow && text(r, 2) !== null; r++) lines.push(text(r, 2)!);
  return { text: json, lines };
}

/** The lines the sheet shows that the scheme it carries does not say (words edited by hand), in the sheet's order. */
export function editedLines(onSheet: SchemeOnSheet, s: Scheme, locale: Locale): string[] {
  const own = new Set(describeScheme(s, locale).flatMap((sec) => sec.lines.map((l) => l.text)));
  return onSheet.lines.filter((l) => !own.has(l));
}
