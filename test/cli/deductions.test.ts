/** `kaohe check --scheme yining-zhucun --json` and `kaohe grade` on a sheet of counts and points taken (hand-checked). */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { gridOf } from '../helpers/sheets';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

const HEADER = [
  '序号',
  '姓名',
  '迟到早退次数',
  '迟到早退扣分',
  '工作日志问题次数',
  '工作日志扣分',
  '交办任务未完成次数',
  '交办任务扣分',
  '得分',
];

it('checks and scores a village cadres’ sheet: 100 minus count × points, ranged points within count × range', async () => {
  const file = await writeXlsx(
    gridOf([
      ['驻村干部第二季度日常考核表'],
      HEADER,
      // 100 − 2×2 − 3 = 93 (日志 1 case: 1–3, 3 is the edge)
      [1, '王建国', 2, 4, 1, 3, null, null, 93],
      // 任务 2 cases cost 2–6: the 1 taken is under (reported) and counts as taken: 100 − 1 = 99
      [2, '李明', null, null, null, null, 2, 1, null],
      // 迟到 1 case is 2 points, the sheet says 1: 100 − 2 − 6 = 92 (日志 2 cases at 6, the top edge)
      [3, '张丽', 1, 1, 2, 6, null, null, 93],
    ]),
  );
  const { code, report } = await kaoheJson('check', file, '--scheme', 'yining-zhucun');
  expect(code).toBe(1);
  expect(report.people.map((p: { name: string; total: number; grade: string | null }) => [p.name, p.total, p.grade])).toEqual([
    ['王建国', 93, null],
    ['李明', 99, null],
    ['张丽', 92, null],
  ]);
  expect(report.issues.map((i: { cell: string; rule: string }) => `${i.cell} ${i.rule}`)).toEqual([
    'H4 deduction-out-of-range',
    'D5 subtotal-mismatch',
    'I5 total-mismatch',
  ]);

  expect(report.scoreOnly).toBe(true);
  const text = await kaohe('check', file, '--scheme', 'yining-zhucun');
  expect(text.out).toContain('人员 3 人：计分 3，不参加本单位考核 0\n本方案只计分，不定等次');

  const out = join(tempDir(), 'graded.xlsx');
  const graded = await kaoheJson('grade', file, '--scheme', 'yining-zhucun', '--out', out, '--no-marks');
  expect(graded.code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('第一季度')!;
  // The scores go in 得分; no 等次 column is added to a score-only scheme's sheet.
  expect([3, 4, 5].map((r) => ws.getCell(r, 9).value)).toEqual([93, 99, 92]);
  expect(ws.getCell(2, 10).value).toBeNull();
});
