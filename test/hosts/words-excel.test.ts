/**
 * Issue #16 point 7 ("Words") through the pane's Excel adapter, on the preview's simulated Excel:
 * a gwy-2020 sheet (附件2's 17 items, as test/helpers/sheets.ts lays it out) with a 借调 person
 * without scores, 病假两个月 in the quarter (seed 002 篇二 注意事项 7), and 不确定等次 written in the
 * grade cell with no reason; three graded, so 40% leaves one place for the one 好. 计算 writes grades and 'no grade' words and leaves the sheet's own
 * statement alone; reading the sheet back, the check finds no error.
 */
import { buildPlan, checkGrid } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { preset } from '../../src/schemes';
import { gwySheet } from '../helpers/sheets';

const gwy = preset('gwy-2020')!;

it('the Excel adapter reads, writes and reads back 借调, 病假两个月 and 不确定等次 as the engine decides them', async () => {
  const { grid, rows, cols } = gwySheet([
    { name: '张一', base: 95 },
    { name: '张二', base: 80 },
    { name: '张三', base: 76 },
    { name: '借调者', items: Array<null>(17).fill(null), remark: '借调县委办' },
    { name: '病假者', base: 80, remark: '本季度病假两个月' },
    { name: '写明者', base: 80, grade: '不确定等次' },
  ]);
  installOffice(globalThis as unknown as Record<string, unknown>, {
    book: PreviewWorkbook.fromGrids([grid]),
    language: 'zh-CN',
    apiVersion: '1.20',
  });
  const host = new ExcelHost();
  const read = (await host.readSheet()).grid;
  const before = checkGrid(read, gwy)!;
  expect(before.people.map((p) => [p.name, p.status, p.elsewhere])).toEqual([
    ['张一', 'graded', false],
    ['张二', 'graded', false],
    ['张三', 'graded', false],
    ['借调者', 'excluded', true],
    ['病假者', 'ungraded', false],
    ['写明者', 'ungraded', false],
  ]);
  expect(before.issues.map((i) => [i.rule, i.severity])).toEqual([['no-grade-unexplained', 'warning']]);
  expect(before.quotas.map((q) => [q.count, q.base, q.limit])).toEqual([[1, 3, 1]]);

  await host.apply(buildPlan(before, read, { formulas: true }));
  const after = (await host.readSheet()).grid;
  const grade = (r: number) => after.values[r - after.top]![cols['等次']! - after.left];
  expect(rows.map(grade)).toEqual(['好', '较好', '较好', '在外考核（借调）', '不定等次（病事假超半）', '不确定等次']);
  expect(checkGrid(after, gwy)!.issues.filter((i) => i.severity === 'error')).toEqual([]);
});
