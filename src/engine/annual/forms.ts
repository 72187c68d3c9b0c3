/**
 * The summary forms offices file with the organisation department, as plain tables a host lays
 * out (the file host with exceljs, the add-in with Office.js): the quarterly
 * 公务员平时考核结果汇总表 (one row per quarter, rules.md gwy-2020) with the grade distribution
 * beside it, and the annual 年度考核情况登记汇总表 (xinjiang-2015's columns, and the parts each
 * scheme has). Every cell is a value — a name list is text, never a formula.
 */
import { noteText } from '../report/messages';
import type { Person, Results } from '../results';
import type { Scheme } from '../scheme/model';
import type { AnnualResults } from './rollup';

export type FormCell = string | number | null;

export interface Form {
  /** The new sheet's name. */
  sheet: string;
  title: string;
  /** The line under the title (unit, date), left to the secretary to complete. */
  subtitle: string;
  headers: string[];
  /** Column widths in characters. */
  widths: number[];
  rows: FormCell[][];
  /** Lines under the table (说明, 填表人). */
  notes: string[];
  /** Cells holding shares, by column index: shown as percentages. */
  percentColumns: number[];
  /**
   * The data of a chart: categories down (grades, unless `categoryLabel` names them otherwise), one column per
   * series; `percent`: the values are shares, shown as percentages.
   */
  chart: {
    title: string;
    categories: string[];
    series: { name: string; values: number[] }[];
    categoryLabel?: string;
    percent?: boolean;
  } | null;
  /** Text for kaohe to read back (the 方案说明表's scheme): a label, then the text in pieces down column A, below what prints. */
  data?: { label: string; chunks: string[] } | undefined;
}

export const QUARTERLY_TITLE = '公务员平时考核结果汇总表';
export const ANNUAL_TITLE = '年度考核情况登记汇总表';

const names = (ps: Person[]): string => ps.map((p) => p.name).join('、');
const share = (n: number, base: number): number | null => (base > 0 ? Math.round((n / base) * 1000) / 1000 : null);

export interface QuarterInput {
  /** 第一季度, or the sheet's name where it names no quarter. */
  label: string;
  results: Results;
}

/** 公务员平时考核结果汇总表: per quarter the counts, the share and names of the top grade, and who is where. */
export function quarterlyForm(s: Scheme, quarters: QuarterInput[]): Form {
  const labels = s.grading.labels.map((l) => l.label);
  const top = labels[0]!;
  const low = labels.slice(2);
  const lowWord = low.length > 0 ? `${low[0]}及以下` : '其他';
  const rows = quarters.map(({ label, results: r }) => {
    const graded = r.people.filter((p) => p.status === 'graded');
    const tops = graded.filter((p) => p.grade === top);
    const elsewhere = r.people.filter((p) => p.elsewhere);
    const lows = graded.filter((p) => p.grade !== null && low.includes(p.grade));
    const ungraded = r.people.filter((p) => p.status === 'ungraded');
    const left = r.people.filter((p) => p.status === 'excluded' && !p.elsewhere);
    const should = r.people.length - left.length;
    return [
      label,
      should,
      graded.length,
      tops.length,
      share(tops.length, graded.length),
      names(tops),
      names(elsewhere),
      names(lows),
      ungraded.map((p) => `${p.name}（${p.reasonLabel ?? '不定等次'}）`).join('、'),
      names(left),
    ];
  });
  const series = quarters.map(({ label, results: r }) => ({
    name: label,
    values: labels.map((g) => r.people.filter((p) => p.status === 'graded' && p.grade === g).length),
  }));
  return {
    sheet: '平时考核结果汇总表',
    title: QUARTERLY_TITLE,
    subtitle: '填报单位（盖章）：                    填报时间：    年  月  日',
    headers: [
      '季度',
      '应参加考核人数',
      '实际参加考核人数',
      `${top}等次人数`,
      `${top}等次比例`,
      `${top}等次人员名单`,
      '在外考核人员（派驻、挂职等）',
      `${lowWord}等次人员名单`,
      '不确定等次人员名单（原因）',
      '不参加考核人员',
    ],
    widths: [10, 8, 8, 8, 8, 26, 16, 16, 20, 14],
    rows,
    notes: [
      `说明：实际参加考核人数不含不确定等次、不参加考核和在外考核人员；${top}等次比例 = ${top}等次人数 ÷ 实际参加考核人数。`,
      '填表人：              审核人：              联系电话：',
    ],
    percentColumns: [4],
    chart: { title: '各季度等次分布', categories: labels, series },
  };
}

/** 年度考核情况登记汇总表: per person the quarters' grades, the scheme's annual figures, and what the rules allow. */
export function annualForm(a: AnnualResults): Form {
  const an = a.scheme.annual!;
  const headers = ['序号', '姓名', '单位', ...a.periods.map((p) => `${p.label}等次`)];
  const widths = [5, 9, 10, ...a.periods.map(() => 8)];
  const percentColumns: number[] = [];
  if (an.periodScore) {
    headers.push('平时考核成绩', `折算（×${Math.round(an.periodScore.weight * 100)}%）`);
    widths.push(9, 9);
  }
  for (const part of an.annualParts ?? []) {
    headers.push(part.label);
    widths.push(10);
  }
  if (an.annualParts && an.annualParts.length > 0) {
    headers.push('年度考核总分');
    widths.push(9);
  }
  if (an.excellentRate) {
    percentColumns.push(headers.length, headers.length + 1, headers.length + 2);
    headers.push('平时考核优秀率', '年终考核测评优秀率', '年度考核优秀率');
    widths.push(9, 9, 9);
  }
  headers.push('可评最高等次', '拟定年度等次', '提示');
  widths.push(9, 9, 34);

  const rows = a.people.map((p, i) => {
    const row: FormCell[] = [i + 1, p.name, p.unit, ...p.periods.map((g, j) => g ?? stateWord(p.states[j]!, p.reasons[j] ?? null))];
    if (an.periodScore) row.push(p.score, p.scorePart);
    for (const part of an.annualParts ?? []) row.push(p.parts[part.id] ?? null);
    if (an.annualParts && an.annualParts.length > 0) row.push(p.annualTotal);
    if (an.excellentRate) row.push(p.rates?.period ?? null, p.rates?.vote ?? null, p.rates?.annual ?? null);
    row.push(p.decided ?? p.maxGrade ?? '另行确定', p.proposed, p.flags.map((f) => noteText(f, 'zh')).join('；'));
    return row;
  });
  const quotaNotes = a.quotas.map(
    (q) =>
      `${q.grades.join('、')}等次名额：${q.share === null ? '' : `${q.base} 人 × ${Math.round(q.share * 100)}% = `}${q.limit} 人；` +
      (a.annualSheet ? `已拟定 ${q.count} 人。` : `按平时考核结果可评 ${q.count} 人。`),
  );
  return {
    sheet: '年度考核登记汇总表',
    title: ANNUAL_TITLE,
    subtitle: '填报单位（盖章）：                    填报时间：    年  月  日',
    headers,
    widths,
    rows,
    notes: [
      `说明：可评最高等次按《${a.scheme.name}》的年度规则由各季度等次得出；拟定等次由考核委员会确定。`,
      ...quotaNotes,
      '填表人：              审核人：              联系电话：',
    ],
    percentColumns,
    chart: null,
  };
}

function stateWord(state: string, reason: string | null): string {
  switch (state) {
    case 'ungraded':
      return reason ? `不定等次（${reason}）` : '不定等次';
    case 'elsewhere':
      return '在外考核';
    case 'excluded':
      return '不参加';
    default:
      return '未列入';
  }
}
