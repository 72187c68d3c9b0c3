/** `kaohe annual` on the bundled year workbook (examples/build-annual-example.mjs documents what it holds). */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

const example = join(__dirname, '..', '..', 'examples', 'gwy-2020-year.xlsx');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('kaohe annual', () => {
  it('rolls the four quarters up by gwy-2020’s annual rules', async () => {
    const { code, report } = await kaoheJson('annual', example);
    expect(code).toBe(1); // two proposed grades the rules do not allow
    expect(report.scheme).toBe('gwy-2020');
    expect(report.periods.map((p: { sheet: string }) => p.sheet)).toEqual(['第一季度', '第二季度', '第三季度', '第四季度']);
    expect(report.annualSheet).toBe('年度考核');
    expect(
      report.people.map((p: { name: string; periods: string[]; maxGrade: string | null }) => [p.name, p.periods.join(' '), p.maxGrade]),
    ).toEqual([
      ['王建国', '好 好 好 好', '优秀'],
      ['李明', '好 好 好 较好', '优秀'],
      ['张丽', '好 较好 较好 好', '称职'],
      ['刘洋', '较好 一般 较好 较好', '称职'],
      ['陈静', '一般 较差 一般 较好', '基本称职'],
      ['赵磊', '较差 较差 一般 较好', '基本称职'],
      ['孙晓', '较差 较差 较差 较差', '不称职'],
      ['徐涛', ' 好 好 好', '优秀'],
      ['郭亮', '较好 较好  ', '称职'],
      ['黄丽', '较好 较好 较好 较好', '称职'],
      ['胡斌', '   ', null],
      ['周杰', '  好 好', '称职'],
    ]);
    expect(report.people.find((p: { name: string }) => p.name === '赵磊').flags).toContain('连续 2 个季度以上较差等次，应进行诫勉');
    expect(report.issues.map((i: { rule: string; sheet: string; cell: string }) => `${i.rule} ${i.sheet}!${i.cell}`)).toEqual([
      'annual-grade-not-allowed 年度考核!D5',
      'annual-grade-not-allowed 年度考核!D8',
      'annual-ungraded-period 第一季度!B10',
      'annual-missing-period 第一季度!B11',
      'annual-missing-period 第三季度!B11',
      'quota-exceeded 年度考核!D5',
    ]);
    expect(report.quota).toMatchObject([{ grade: '优秀', count: 3, base: 10, limit: 2, severity: 'warning' }]);
  });

  it('adds its --sheets hint to the engine’s host-neutral words for periods the workbook lacks', async () => {
    const { report } = await kaoheJson('annual', join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx'));
    expect(report.issues.filter((i: { rule: string; cell: string | null }) => i.rule === 'annual-missing-period' && !i.cell)).toEqual([
      expect.objectContaining({
        message: '工作簿中没有第二季度、第三季度、第四季度的考核表，全年结果不能只凭第一季度确定',
        fix: '年度规则（如“全年均为好”“超过一半”）要看全年：缺少的考核期不作推断，只给出已有结果已能确定的限制；请补上对应工作表后再汇总，或用 --sheets 指定',
      }),
    ]);
  });

  it('says first, in its text report, which periods the workbook lacks', async () => {
    const { out } = await kaohe('annual', join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx'));
    expect(out.split('\n').slice(0, 2)).toEqual([
      '年度汇总（gwy-2020）：第一季度',
      '工作簿中没有第二季度、第三季度、第四季度的考核表，全年结果不能只凭第一季度确定。',
    ]);
  });

  it('takes the quarters named with --sheets, and says so when there are none', async () => {
    const { report } = await kaoheJson('annual', example, '--sheets', '第一季度,第二季度');
    expect(report.people.find((p: { name: string }) => p.name === '张丽').periods).toEqual(['好', '较好']);
    const none = await kaohe('annual', join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx'), '--sheets', 'Sheet9');
    expect([none.code, none.err]).toEqual([2, expect.stringContaining('Sheet9')]);
  });

  it('writes the two summary forms into a copy, leaving the input as it was', async () => {
    const before = sha(example);
    const out = join(tempDir(), 'year.xlsx');
    const { report } = await kaoheJson('annual', example, '--out', out);
    expect(sha(example)).toBe(before);
    expect(report.output.sheets).toEqual(['平时考核结果汇总表', '年度考核登记汇总表']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const q = wb.getWorksheet('平时考核结果汇总表')!;
    expect(q.getCell('A1').value).toBe('公务员平时考核结果汇总表');
    // 第三季度: 12 on the sheet, 郭亮 left → 11 should take part; 胡斌 appraised elsewhere → 10 graded, 4 好 = 40%.
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => q.getRow(6).getCell(c).value)).toEqual([
      '第三季度',
      11,
      10,
      4,
      0.4,
      '王建国、李明、徐涛、周杰',
      '胡斌',
    ]);
    expect(q.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 1 });
    const y = wb.getWorksheet('年度考核登记汇总表')!;
    expect([2, 4, 5, 6, 7, 8, 9].map((c) => y.getRow(9).getCell(c).value)).toEqual([
      '赵磊',
      '较差',
      '较差',
      '一般',
      '较好',
      '基本称职',
      '称职',
    ]);
  });
});
