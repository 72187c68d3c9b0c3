/**
 * Issue #16 point 7 ("Words") through the command line: a gwy-2020 sheet (附件2's 17 items, two-row
 * header, as test/helpers/sheets.ts lays it out) whose rows carry the words of the issue's rosters —
 * 借调 with no scores, 病事假累计超过本季度一半, 病假累计达46天, 事假累计超过半个季度, and
 * 不确定等次 written in the grade cell with and without a reason (seed 002 篇二 注意事项 3, 7, 9, 10).
 * `check` treats each as the rules say; `grade` writes nothing over the sheet's own words, and
 * `check` of the copy finds no error (the fixed point).
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { gwySheet } from '../helpers/sheets';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

const blank = Array<null>(17).fill(null);

describe('kaohe check and grade: 借调, leave over half, and no grade stated in the grade cell', () => {
  let file: string;
  beforeAll(async () => {
    const { grid } = gwySheet([
      { name: '张一', base: 95 },
      { name: '张二', base: 85 },
      { name: '张三', base: 80 },
      { name: '借调者', items: blank, remark: '借调市委办' },
      { name: '病事假', base: 80, remark: '病事假累计超过本季度一半' },
      { name: '病假', base: 80, remark: '病假累计达46天' },
      { name: '事假', base: 80, remark: '事假累计超过半个季度' },
      { name: '写明者', base: 80, grade: '不确定等次' },
      { name: '试用者', base: 80, grade: '不确定等次', remark: '2026年1月新录用，试用期内' },
      { name: '抽调者', base: 80, remark: '抽调参加巡察工作' },
    ]);
    file = await writeXlsx(grid);
  });

  it('check: each as the rules say, no error of its own, a warning where the grade cell states no grade without a reason', async () => {
    const { code, report } = await kaoheJson('check', file, '--scheme', 'gwy-2020');
    expect(code).toBe(0);
    expect(report.people.map((p: any) => [p.name, p.status, p.grade, p.reason])).toEqual([
      ['张一', 'graded', '好', null],
      ['张二', 'graded', '较好', null],
      ['张三', 'graded', '较好', null],
      ['借调者', 'excluded', null, '派驻、挂职、借调等，由接收单位考核，单独列出'],
      ['病事假', 'ungraded', null, '病、事假累计超过考核周期一半，只写评语，不确定等次（探亲、婚丧、产假、护理假、年休假不计入）'],
      ['病假', 'ungraded', null, '病、事假累计超过考核周期一半，只写评语，不确定等次（探亲、婚丧、产假、护理假、年休假不计入）'],
      ['事假', 'ungraded', null, '病、事假累计超过考核周期一半，只写评语，不确定等次（探亲、婚丧、产假、护理假、年休假不计入）'],
      ['写明者', 'ungraded', null, '表中写明“不确定等次”'],
      ['试用者', 'ungraded', null, '试用期内只写评语，不确定等次'],
      ['抽调者', 'graded', '较好', null],
    ]);
    expect(report.people[3].elsewhere).toBe(true);
    expect(report.issues.map((i: any) => [i.severity, i.rule, i.cell, i.message])).toEqual([
      ['warning', 'no-grade-unexplained', 'X12', '表中写明“不确定等次”，但备注未写原因'],
    ]);
    // The base is the four graded (张一, 张二, 张三, 抽调者): 40% of 4 is 1.6 → 1 place.
    expect(report.quota).toEqual([expect.objectContaining({ grade: '好', count: 1, base: 4, limit: 1, severity: 'ok' })]);
  });

  it('grade: writes the grades and 不定等次 words, leaves the sheet’s own alone; check of the copy finds no error', async () => {
    const out = join(tempDir(), 'graded.xlsx');
    const g = await kaoheJson('grade', file, '--scheme', 'gwy-2020', '--out', out);
    expect(g.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('第一季度')!;
    // Rows 5–14, column X (等次): bands for the graded, the reason for those without a grade, the sheet's words kept.
    expect(Array.from({ length: 10 }, (_, i) => ws.getCell(`X${i + 5}`).value)).toEqual([
      '好',
      '较好',
      '较好',
      '在外考核（借调）',
      '不定等次（病事假超半）',
      '不定等次（病事假超半）',
      '不定等次（病事假超半）',
      '不确定等次',
      '不确定等次',
      '较好',
    ]);
    const { code, report } = await kaoheJson('check', out, '--scheme', 'gwy-2020');
    expect(code).toBe(0);
    expect(report.issues.map((i: any) => [i.severity, i.rule, i.cell])).toEqual([['warning', 'no-grade-unexplained', 'X12']]);
  });
});

it('speaks English with --lang en', async () => {
  const { grid } = gwySheet([{ name: '写明者', base: 80, grade: '不参加考核' }]);
  const r = await kaohe('check', await writeXlsx(grid), '--scheme', 'gwy-2020', '--lang', 'en');
  expect(r.out).toContain('The sheet says "不参加考核", but the remarks do not say why the person does not take part');
});
