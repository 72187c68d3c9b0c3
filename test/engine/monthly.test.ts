/**
 * Years in months: xiang-jixiao's annual appraisal (月考核 40% + 民主测评 30% + 领导评价 30%,
 * plus 奖惩分 within ±20) and qu-zuzhi-2014's monthly alerts (last two places of the category
 * twice in a row → 约谈; three times in all → 书面报告). Numbers worked out by hand.
 */
import { findPeriodSheets, guessPeriodSheets, monthOf } from '../../src/engine/annual/periods';
import { rollUpYear } from '../../src/engine/annual/year';
import type { CellValue, Grid } from '../../src/engine/grid';
import { preset } from '../../src/schemes';
import { gridOf } from '../helpers/sheets';
import { noteText } from '../../src/engine/report/messages';

describe('month sheets', () => {
  it('are told by their names, 十二月 not 二月, and quarters and summaries are not months', () => {
    expect(
      ['1月', '01月', '一月', '十二月', '十一月', '2014年3月', '3月份', '第一季度（1-3月）', '1月汇总', '年度', 'Sheet1'].map(monthOf),
    ).toEqual([1, 1, 1, 12, 11, 3, 3, null, null, null, null]);
    expect(findPeriodSheets(['年度考核', '3月', '1月', '一月', '2月'], 'month').map((p) => p.sheet)).toEqual(['1月', '2月', '3月']);
    expect(guessPeriodSheets(['1月', '2月'])).toEqual({
      unit: 'month',
      periods: [
        { sheet: '1月', index: 1 },
        { sheet: '2月', index: 2 },
      ],
    });
    expect(guessPeriodSheets(['第一季度', '1月']).unit).toBe('quarter');
  });
});

const jixiao = preset('xiang-jixiao')!;

/** A month sheet: 姓名, 职务, the four items, 得分. */
function month(sheet: string, rows: [string, number][]): Grid {
  // The items add up to the total: 本职 40 at most, 业务分工 10, 重点 30, 其他 the rest.
  const body = rows.map(([name, total]) => [name, '科员', Math.min(40, total - 40), 10, 30, total - 40 - Math.min(40, total - 40), total]);
  return gridOf([['姓名', '职务', '本职工作', '业务分工工作', '重点工作', '其他临时性工作', '得分'], ...body], [], sheet);
}

describe('xiang-jixiao: the annual appraisal from the months', () => {
  const annualSheet = gridOf(
    [
      ['姓名', '民主测评得分', '领导评价得分', '奖惩分'],
      ['王强', 90, 80, 5],
      ['李娜', 80, 90, 25],
      ['赵六', 70, 70, -20],
      ['孙七', 95, null, 0],
    ],
    [],
    '年度考核',
  );
  const outcome = rollUpYear({
    scheme: jixiao,
    periods: [
      {
        sheet: '1月',
        index: 1,
        grid: month('1月', [
          ['王强', 85],
          ['李娜', 80],
          ['赵六', 60],
          ['孙七', 90],
        ]),
      },
      {
        sheet: '2月',
        index: 2,
        grid: month('2月', [
          ['王强', 88],
          ['李娜', 70],
          ['赵六', 66],
          ['孙七', 90],
        ]),
      },
      {
        sheet: '3月',
        index: 3,
        grid: month('3月', [
          ['王强', 82],
          ['赵六', 72],
          ['孙七', 90],
        ]),
      },
    ],
    others: [annualSheet],
    overrides: () => ({}),
  });
  if (!outcome.ok) throw new Error(outcome.sheet);
  const year = outcome.year;
  const person = (name: string) => year.people.find((p) => p.name === name)!;

  it('takes the mean of the monthly totals at 40%, the two appraisals at 30%, and the reward or penalty within ±20', () => {
    expect(year.annualSheet).toBe('年度考核');
    expect(year.people.map((p) => [p.name, p.score, p.scorePart, p.annualTotal])).toEqual([
      ['王强', 85, 34, 90], // 34 + 27 + 24 + 5
      ['李娜', 75, 30, 101], // 30 + 24 + 27 + 20 (25 counts 20)
      ['赵六', 66, 26.4, 48.4], // 26.4 + 21 + 21 − 20: the lower edge counts
      ['孙七', 90, 36, null], // no 领导评价: no annual total
    ]);
    expect(person('王强').totals).toEqual([85, 88, 82]);
    expect(person('王强').flags).toEqual([]); // a scheme without grades says nothing of grades
  });

  it('reports the reward over 20 on the annual sheet, and the month someone is missing from', () => {
    expect(year.issues.map((i) => [i.rule, i.sheet ?? null, i.cell])).toEqual([
      ['annual-missing-period', '1月', 'A3'], // 李娜 is not on 3月
      ['annual-missing-period', null, null], // the year has months 4–12 still to come
      ['out-of-range', '年度考核', 'D3'], // 奖惩分 25
    ]);
  });
});

const zuzhi = preset('qu-zuzhi-2014')!;

/** A month's sheet of the four 街道 甲 乙 丙 丁 with their totals. */
function streetMonth(index: number, totals: number[]) {
  const body: CellValue[][] = ['甲', '乙', '丙', '丁'].map((name, i) => [name, '街道', totals[i]!]);
  return { sheet: `${index}月`, index, grid: gridOf([['单位名称', '类别', '责任目标得分'], ...body], [], `${index}月`) };
}

describe('qu-zuzhi-2014: monthly alerts from the places within each category', () => {
  it('says 约谈 after the last two places in consecutive months and 书面报告 after three, ties at the bottom included', () => {
    const outcome = rollUpYear({
      scheme: zuzhi,
      periods: [
        // 街道 of 4: places 3 and 4 are the last two; 甲 乙 丙 丁's totals by month.
        streetMonth(1, [90, 80, 70, 60]),
        streetMonth(2, [90, 60, 80, 70]),
        // 丙 and 丁 tie for 3rd: both among the last two.
        streetMonth(4, [70, 90, 60, 60]),
      ],
      others: [],
      overrides: () => ({}),
    });
    if (!outcome.ok) throw new Error(outcome.sheet);
    const flags = Object.fromEntries(outcome.year.people.map((p) => [p.name, p.flags.map((f) => noteText(f, 'zh').split('：')[0])]));
    expect(outcome.year.people.map((p) => [p.name, p.places.map((x) => x?.place ?? null)])).toEqual([
      ['甲', [1, 1, 2]],
      ['乙', [2, 4, 1]],
      ['丙', [3, 2, 3]],
      ['丁', [4, 3, 3]],
    ]);
    expect(flags).toEqual({
      甲: [],
      乙: [], // once only
      丙: [], // 1月 and 4月: twice, not in a row (3月 is not given)
      丁: ['月考核连续 2 次排后两名', '月考核累计 3 次排后两名'], // 1月, 2月, 4月
    });
    // The interview is about the run (1月–2月); the report about every time (1月, 2月, 4月).
    expect(outcome.year.people[3]!.flags.map((f) => noteText(f, 'zh')).map((t) => t.slice(t.lastIndexOf('（')))).toEqual([
      '（1月、2月）',
      '（1月、2月、4月）',
    ]);
  });
});
