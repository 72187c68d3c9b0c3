/**
 * The command line on organisations (qu-zuzhi-2014) and on a year in months (xiang-jixiao):
 * the bundled example examples/qu-zuzhi-2014-months.xlsx (its builder lists what the roll-up
 * must find), `grade` writing the places, and `annual` over month sheets with an annual sheet.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { gridOf } from '../helpers/sheets';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

const example = join(__dirname, '..', '..', 'examples', 'qu-zuzhi-2014-months.xlsx');

describe('kaohe on organisations ranked within 街道 and 区直单位', () => {
  it('check --json gives each unit its total, category and place, and the veto', async () => {
    const { code, report } = await kaoheJson('check', example, '--sheet', '3月', '--scheme', 'qu-zuzhi-2014');
    expect(code).toBe(0);
    expect(report.scheme).toBe('qu-zuzhi-2014');
    // Without --scheme the headers find the same scheme.
    expect((await kaoheJson('check', example, '--sheet', '3月')).report.scheme).toBe('qu-zuzhi-2014');
    expect(report.scoreOnly).toBe(true);
    expect(
      report.people.map((p: { name: string; total: number; category: string; rank: { place: number; of: number; barred: boolean } }) => [
        p.name,
        p.total,
        p.category,
        `${p.rank.place}/${p.rank.of}${p.rank.barred ? ' 否决' : ''}`,
      ]),
    ).toEqual([
      ['东城街道', 92, '街道', '1/5'],
      ['西城街道', 80, '街道', '3/5'],
      ['南湖街道', 70, '街道', '5/5'],
      ['北山街道', 85, '街道', '2/5 否决'],
      ['中山街道', 75, '街道', '4/5'],
      ['区财政局党组', 90, '区直单位', '1/3'],
      ['区教育局党委', 89, '区直单位', '2/3'],
      ['区卫健委党组', 70, '区直单位', '3/3'],
    ]);
  });

  it('check without --json lists the units by category with their places', async () => {
    const { code, out } = await kaohe('check', example, '--sheet', '3月');
    expect(code).toBe(0);
    expect(out).toContain('单位 8 个：计分 8，不参加考核 0');
    expect(out).toMatch(/6 {2}北山街道 +街道 +85\.00 {2}2\/5（不得评先进） {2}有否决性过错/);
  });

  it('grade writes the totals and places into 总分 and 排名, as COUNTIFS with --formulas', async () => {
    const out = join(tempDir(), 'graded.xlsx');
    const { report } = await kaoheJson('grade', example, '--sheet', '4月', '--out', out, '--formulas');
    expect(report.output).toMatchObject({ file: out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('4月')!;
    // 4月: 北山 and 中山 70 and 72 are 5th and 4th; 财政 and 教育 tie at 86 for 2nd.
    const places = [3, 4, 5, 6, 7, 8, 9, 10].map((r) => {
      const c = ws.getCell(r, 7);
      return [ws.getCell(r, 2).value, (c.value as ExcelJS.CellFormulaValue).result];
    });
    expect(places).toEqual([
      ['东城街道', 1],
      ['西城街道', 3],
      ['南湖街道', 2],
      ['北山街道', 5],
      ['中山街道', 4],
      ['区财政局党组', 2],
      ['区教育局党委', 2],
      ['区卫健委党组', 1],
    ]);
    expect((ws.getCell(3, 7).value as ExcelJS.CellFormulaValue).formula).toBe('COUNTIFS($C$3:$C$10,C3,$F$3:$F$10,">"&F3)+1');
  });

  it('annual --json rolls the months up into 约谈 and 书面报告, as the example’s builder says', async () => {
    const { code, report } = await kaoheJson('annual', example);
    expect(code).toBe(0);
    expect(report.periods.map((p: { label: string }) => p.label)).toEqual(['1月', '2月', '3月', '4月']);
    const said = (name: string) =>
      report.people
        .find((p: { name: string }) => p.name === name)
        .flags.map((f: string) => (f.includes('约谈') ? '约谈' : f.includes('书面报告') ? '书面报告' : f));
    expect(['北山街道', '中山街道', '南湖街道', '西城街道', '东城街道'].map(said)).toEqual([['约谈', '书面报告'], ['约谈'], [], [], []]);
    expect(['区卫健委党组', '区教育局党委', '区财政局党组'].map(said)).toEqual([['约谈', '书面报告'], ['约谈', '书面报告'], []]);
    expect(report.people.find((p: { name: string }) => p.name === '北山街道').places.map((x: { place: number }) => x.place)).toEqual([
      5, 4, 2, 5,
    ]);
  });
});

it('annual on a township’s month sheets: 40% months + 30% 民主测评 + 30% 领导评价 + 奖惩分', async () => {
  const month = (sheet: string, totals: number[]) =>
    gridOf(
      [
        ['姓名', '本职工作', '业务分工工作', '重点工作', '其他临时性工作', '得分'],
        ...['王强', '李娜'].map((n, i) => [n, totals[i]! - 50, 10, 30, 10, totals[i]!]),
      ],
      [],
      sheet,
    );
  const file = await writeXlsx([
    month('2026年1月', [85, 80]),
    month('2026年2月', [75, 70]),
    gridOf(
      [
        ['姓名', '民主测评得分', '领导评价得分', '奖惩分'],
        ['王强', 90, 80, -5],
        ['李娜', 100, 100, 20],
      ],
      [],
      '年度考核',
    ),
  ]);
  const { code, report } = await kaoheJson('annual', file, '--scheme', 'xiang-jixiao');
  expect(code).toBe(0);
  // 王强: mean 80 → 32, + 27 + 24 − 5 = 78; 李娜: mean 75 → 30, + 30 + 30 + 20 (the top edge) = 110
  expect(
    report.people.map((p: { name: string; score: number; annualTotal: number; totals: number[] }) => [
      p.name,
      p.totals,
      p.score,
      p.annualTotal,
    ]),
  ).toEqual([
    ['王强', [85, 75], 80, 78],
    ['李娜', [80, 70], 75, 110],
  ]);
  expect(report.issues.map((i: { rule: string }) => i.rule)).toEqual(['annual-missing-period']); // 3月–12月 to come
});
