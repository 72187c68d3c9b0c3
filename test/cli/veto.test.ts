/**
 * The command line on a 德/廉 一票否决 sheet (issue #15's measurement: `grade` replaced a
 * correct 较差 from a 廉 veto with 好). The layout is the county 平时考核 汇总表 of that
 * measurement: 序号 姓名 德（合格/不合格） 能（30分） 勤（30分） 绩（40分） 廉（一票否决） 合计 等次.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DE_LIAN_SCHEME, deLianSheet } from '../helpers/sheets';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

describe('kaohe on a 德/廉 一票否决 sheet', () => {
  let file: string;
  let scheme: string;
  beforeAll(async () => {
    const dir = tempDir();
    scheme = join(dir, 'de-lian.json');
    writeFileSync(scheme, JSON.stringify(DE_LIAN_SCHEME));
    file = await writeXlsx(
      deLianSheet([
        ['张三', '合格', 28, 27, 38, '合格', 93, '好'],
        ['李四', '合格', 29, 29, 39, '否决', 97, '较差'],
        ['王五', '合格', 20, 22, 30, '', 72, '一般'],
        ['周八', '合格', 27, 26, 36, '待定', 89, '较好'],
      ]),
      join(dir, '德廉.xlsx'),
    );
  });

  it('check: no not-a-number, the veto named, the unknown word reported', async () => {
    const { code, report } = await kaoheJson('check', file, '--scheme', scheme);
    expect(code).toBe(1);
    expect(report.people.map((p: any) => [p.name, p.total, p.grade, p.gradeFrom, p.reason, p.ratings])).toEqual([
      ['张三', 93, '好', 'band', null, { de: '合格', lian: '合格' }],
      ['李四', 97, '较差', 'direct', '廉：否决 → 较差', { de: '合格', lian: '否决' }],
      ['王五', 72, '一般', 'band', null, { de: '合格', lian: null }],
      ['周八', 89, null, null, null, { de: '合格', lian: null }],
    ]);
    expect(report.issues.map((i: any) => [i.rule, i.cell, i.message])).toEqual([
      ['unknown-rating', 'G6', '廉填的是“待定”，不是本栏的评价词（合格、基本合格、不合格、否决），无法据此确定等次'],
    ]);
  });

  it('grade keeps 李四’s 较差 and writes nothing over it', async () => {
    const out = join(tempDir(), '已定等次.xlsx');
    const r = await kaohe('grade', file, '--scheme', scheme, '--out', out, '--json');
    expect(r.err).toBe('');
    const report = JSON.parse(r.out);
    expect(report.output.overwritten).toEqual([]);
    expect(report.output.skipped).toEqual([{ row: 6, name: '周八', why: 'no-grade' }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect([3, 4, 5, 6].map((row) => ws.getCell(`I${row}`).value)).toEqual(['好', '较差', '一般', '较好']);
  });
});
