/**
 * Several periods in one sheet, through the pane's Excel adapter (ExcelHost over the preview's
 * simulated Excel): each quarter checked on its own, 计算 writing each quarter's grades into that
 * quarter's own cells, and the check after it finding nothing of its own making.
 *
 * Layout: a 科室's half-year table with (得分, 等次) under each quarter, as issue #16 describes
 * ("(等次, 备注) pairs per quarter", "Month columns … quarter columns"), the bands stated in a 注
 * as the seed's 平时考核 rules state them (rules.md §3: 90 分以上为好 …).
 */
import { buildSheetPlan, checkSheet, inferScheme, toReport, type Grid } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { gridOf } from '../helpers/sheets';

function halfYear(): Grid {
  return gridOf(
    [
      ['综合科2025年上半年平时考核情况表'],
      ['序号', '姓名', '第一季度', null, '第二季度', null, '备注'],
      [null, null, '得分', '等次', '得分', '等次', null],
      [1, '钟明', 93, '好', 95, null],
      [2, '秦岚', 86, '较好', 91, null],
      [3, '孔亮', 78, '一般', 88, null],
      [4, '许晴', 91, '较好', 84, null],
      [5, '谷雨', 82, '较好', 72, null],
      ['注：90分以上为好，80-89分为较好，70-79分为一般，70分以下为较差。'],
    ],
    ['A1:G1', 'C2:D2', 'E2:F2', 'A2:A3', 'B2:B3', 'G2:G3'],
    '上半年',
  );
}

it('checks each quarter on its own, writes each quarter’s grades into its own cells, and finds nothing new after', async () => {
  const book = PreviewWorkbook.fromGrids([halfYear()]);
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
  const host = new ExcelHost();
  const grid = (await host.readSheet()).grid;
  const scheme = inferScheme(grid)!;
  const before = checkSheet(grid, scheme)!;
  const report = toReport(before, 'zh');
  expect(report.periods).toEqual(['第一季度', '第二季度']);
  expect(report.people.map((p) => [p.name, p.totals, p.grades])).toEqual([
    ['钟明', { 第一季度: 93, 第二季度: 95 }, { 第一季度: '好', 第二季度: '好' }],
    ['秦岚', { 第一季度: 86, 第二季度: 91 }, { 第一季度: '较好', 第二季度: '好' }],
    ['孔亮', { 第一季度: 78, 第二季度: 88 }, { 第一季度: '一般', 第二季度: '较好' }],
    ['许晴', { 第一季度: 91, 第二季度: 84 }, { 第一季度: '好', 第二季度: '较好' }],
    ['谷雨', { 第一季度: 82, 第二季度: 72 }, { 第一季度: '较好', 第二季度: '一般' }],
  ]);
  // 许晴's 91 is 好 by the note, written 较好: one mismatch, in the first quarter, at her cell.
  expect(report.issues.filter((i) => i.severity === 'error').map((i) => [i.rule, i.cell, i.period])).toEqual([
    ['grade-mismatch', 'D7', '第一季度'],
  ]);
  expect(report.quota.map((q) => [q.period, q.count, q.base, q.limit])).toEqual([
    ['第一季度', 2, 5, 2],
    ['第二季度', 2, 5, 2],
  ]);

  const plan = buildSheetPlan(before, grid, { formulas: false });
  expect(plan.newColumns).toEqual([]);
  expect(plan.writes.filter((w) => w.kind === 'grade').map((w) => [w.cell, w.after.value])).toEqual([
    ['D7', '好'],
    ['F4', '好'],
    ['F5', '好'],
    ['F6', '较好'],
    ['F7', '较好'],
    ['F8', '一般'],
  ]);
  await host.apply(plan);
  const after = checkSheet((await host.readSheet()).grid, scheme)!;
  expect(after.issues.filter((i) => i.severity === 'error')).toEqual([]);
});

describe('kaohe annual from quarter columns of one sheet', () => {
  // A 汇总 of the year's quarterly grades, one column a quarter (公务员平时考核结果汇总表, 附件4 of the
  // national template, seed 002 篇二), and the same grades kept as four quarter sheets.
  const people: [string, string, string, string, string][] = [
    ['钟明', '好', '好', '好', '较好'],
    ['秦岚', '较好', '好', '较好', '较好'],
    ['孔亮', '一般', '较好', '一般', '一般'],
    ['许晴', '好', '较差', '好', '好'],
    ['谷雨', '较好', '较好', '较好', '好'],
  ];
  const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];
  const oneSheet = (): Grid =>
    gridOf(
      [
        ['序号', '姓名', '科室', '平时考核等次', null, null, null],
        [null, null, null, ...QUARTERS],
        ...people.map(([name, ...g], i) => [i + 1, name, '综合科', ...g]),
      ],
      ['D1:G1', 'A1:A2', 'B1:B2', 'C1:C2'],
      '2025年平时考核汇总',
    );
  const quarterSheet = (q: number): Grid =>
    gridOf([['序号', '姓名', '科室', '等次'], ...people.map(([name, ...g], i) => [i + 1, name, '综合科', g[q]!])], [], QUARTERS[q]!);

  it('gives the same year as four quarter sheets: each person’s quarters, the best grade allowed, the flags', async () => {
    const { kaoheJson } = await import('../cli/helpers');
    const { writeXlsx } = await import('../helpers/xlsx');
    const fromColumns = await kaoheJson('annual', await writeXlsx(oneSheet()), '--scheme', 'gwy-2020');
    const fromSheets = await kaoheJson('annual', await writeXlsx([0, 1, 2, 3].map(quarterSheet)), '--scheme', 'gwy-2020');
    const year = (r: any) => r.report.people.map((p: any) => [p.name, p.periods, p.maxGrade, p.flags]);
    expect(year(fromColumns)).toEqual(year(fromSheets));
    expect(year(fromColumns)[0]).toEqual(['钟明', ['好', '好', '好', '较好'], expect.any(String), expect.any(Array)]);
    expect(fromColumns.code).toBe(fromSheets.code);
  });

  it('reads a column of ticks (拟评优秀 √) as the proposals for the year, checked against the annual rules', async () => {
    const { kaoheJson } = await import('../cli/helpers');
    const { writeXlsx } = await import('../helpers/xlsx');
    const g = oneSheet();
    g.values[0]!.push('拟评优秀');
    g.values[1]!.push(null);
    // 钟明 (好 好 好 较好) may be 优秀; 许晴 (好 较差 好 好) may not: a 较差 quarter bars it.
    const ticks = ['√', null, null, '√', null];
    ticks.forEach((t, i) => g.values[i + 2]!.push(t));
    g.merges.push({ top: 1, left: 8, bottom: 2, right: 8 });
    const { code, report } = await kaoheJson('annual', await writeXlsx(g), '--scheme', 'gwy-2020');
    expect(report.people.map((p: any) => [p.name, p.proposed])).toEqual([
      ['钟明', '优秀'],
      ['秦岚', null],
      ['孔亮', null],
      ['许晴', '优秀'],
      ['谷雨', null],
    ]);
    expect(report.issues.filter((i: any) => i.severity === 'error').map((i: any) => [i.rule, i.cell])).toEqual([
      ['annual-grade-not-allowed', 'H6'],
    ]);
    expect(code).toBe(1);
  });
});
