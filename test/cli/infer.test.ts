import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGrid, inferScheme } from '../../src/engine';
import { gridOf } from '../helpers/sheets';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

describe('kaohe scheme --infer', () => {
  // A 科室's quarterly sheet (the national template simplified): 德能勤绩廉 with maxima, 合计,
  // 等次, and a 注 line with the 40% rule that 3 好 of 5 break.
  const grid = gridOf(
    [
      ['办公室2024年第一季度公务员平时考核评分表'],
      ['序号', '姓名', '德（20分）', '能（20分）', '勤（20分）', '绩（30分）', '廉（10分）', '合计', '等次'],
      [1, '张三', 19, 18, 19, 28, 10, 94, '好'],
      [2, '李四', 18, 18, 18, 27, 10, 91, '好'],
      [3, '王五', 18, 17, 18, 26, 9, 88, '好'],
      [4, '赵六', 16, 16, 17, 24, 9, 83, '较好'],
      [5, '钱七', 15, 15, 15, 22, 8, 75, '一般'],
      ['注：好等次比例不超过40%。'],
    ],
    ['A1:I1'],
    '办公室',
  );
  const roster = gridOf(
    [
      ['姓名', '单位'],
      ['甲', '办公室'],
    ],
    [],
    '名单',
  );
  let file: string;
  beforeAll(async () => {
    file = await writeXlsx([roster, grid]);
  });

  it('prints the inferred scheme as JSON; given back with --scheme it checks the sheet as the engine does', async () => {
    const r = await kaohe('scheme', '--infer', file);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const printed = JSON.parse(r.out);
    expect(printed.id).toBe('inferred');
    expect(printed.items.map((i: any) => [i.label, i.max])).toEqual([
      ['德', 20],
      ['能', 20],
      ['勤', 20],
      ['绩', 30],
      ['廉', 10],
    ]);
    // 赵六's 合计 83 is one more than the sum 82: one mistyped row of five, the sum still confirmed.
    expect(printed.total.expr).toBe('德 + 能 + 勤 + 绩 + 廉');
    const saved = join(tempDir(), 'inferred.json');
    writeFileSync(saved, r.out);

    const { code, report } = await kaoheJson('check', file, '--sheet', '办公室', '--scheme', saved);
    expect(code).toBe(1);
    expect(report.scheme).toBe('inferred');
    const direct = checkGrid(grid, inferScheme(grid)!)!;
    expect(report.issues.map((i: any) => [i.rule, i.cell])).toEqual(direct.issues.map((i) => [i.rule, i.cell]));
    expect(report.issues.map((i: any) => [i.rule, i.cell]).sort()).toEqual([
      ['quota-exceeded', 'I5'],
      ['total-mismatch', 'H6'],
    ]);
    expect(report.people.map((p: any) => [p.name, p.total, p.grade])).toEqual([
      ['张三', 94, '好'],
      ['李四', 91, '好'],
      ['王五', 88, '好'],
      ['赵六', 82, '较好'],
      ['钱七', 75, '一般'],
    ]);
  });

  it('exits 2 with one Chinese line when the sheet states too little', async () => {
    const r = await kaohe('scheme', '--infer', file, '--sheet', '名单');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim()).toBe('工作表“名单”写明的内容不足以推断方案：需要含“姓名”的表头，以及写明满分的分数列、总分列或等次列');
    const none = await kaohe('scheme', '--infer');
    expect(none.code).toBe(2);
    expect(none.err).toContain('kaohe scheme --infer');
  });

  it('lists --infer in the usage text', async () => {
    const r = await kaohe('--help');
    expect(r.out).toContain('kaohe scheme --infer <工作簿> [--sheet 名称]');
  });
});
