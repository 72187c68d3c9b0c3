/** `kaohe check --json` with keji-banzi (ballots) and xiang-jixiao (negative items, roles), and `kaohe scheme` on the latter. */
import { gridOf } from '../helpers/sheets';
import { writeXlsx } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

it('keji-banzi: rates per person, and ballot-mismatch where the votes do not add up', async () => {
  const file = await writeXlsx(
    gridOf(
      [
        ['姓名', '职务', '年龄', '学历', '参加测评人数', '总体评价', null, null, null],
        [null, null, null, null, null, '优秀', '良好', '一般', '较差'],
        ['王建国', '局长', 44, '本科', 30, 20, 8, 2, 0],
        ['李明', '副局长', 47, '大专', 30, 15, 10, 4, 0],
      ],
      ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:I1'],
      '民主测评',
    ),
  );
  const { code, report } = await kaoheJson('check', file, '--scheme', 'keji-banzi');
  expect(code).toBe(1);
  expect(
    report.people.map((p: { name: string; total: number; rates: unknown; flags: string[] }) => [p.name, p.total, p.rates, p.flags]),
  ).toEqual([
    ['王建国', 0.93, { youxiulv: 0.6667, haopinglv: 0.9333 }, ['后备干部：年龄、学历符合条件；干部身份另行核实']],
    ['李明', 0.83, { youxiulv: 0.5, haopinglv: 0.8333 }, ['后备干部：不符合条件（47 岁，超过 45 岁）']],
  ]);
  expect(report.issues.map((i: { cell: string; rule: string }) => `${i.cell} ${i.rule}`)).toEqual(['F4 ballot-mismatch']);
});

it('xiang-jixiao: negative items count, the money column is checked, and the scheme says where its source contradicts itself', async () => {
  const file = await writeXlsx(
    gridOf([
      ['姓名', '职务', '本职工作', '业务分工工作', '重点工作', '其他临时性工作', '下乡费和考核奖'],
      ['王建国', '副乡长', 36, -1, 28, 10, 860],
    ]),
  );
  const { report } = await kaoheJson('check', file, '--scheme', 'xiang-jixiao');
  // 36 − 1 + 28 + 10 = 73 → 600 − 20 × 27 = 60, not 860
  expect(report.people.map((p: { total: number; flags: string[] }) => [p.total, p.flags])).toEqual([[73, ['按科级干部的规则计分']]]);
  expect(report.issues.map((i: { cell: string | null; rule: string }) => `${i.cell} ${i.rule}`)).toEqual([
    'null scheme-gap',
    'G2 subtotal-mismatch',
  ]);
  const scheme = await kaohe('scheme', 'xiang-jixiao');
  expect(scheme.out).toContain('各项满分合计 90 分，与规定的 100 分不一致');
});
