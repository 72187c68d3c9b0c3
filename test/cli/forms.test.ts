/**
 * A workbook of per-person forms (登记表, issue #16 point 8) through the command line: one person a
 * sheet read into one roster, checked like any other — totals, grades, the no-grade rules from 备注,
 * quotas over the persons of the workbook — every person and issue on its own sheet; a form that
 * cannot be read stops the check with one line; grade writes into no form. The layouts and where
 * they come from: test/helpers/forms.ts.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quarterForm, registerBook, registerForm, scoredBook, tickedBook } from '../helpers/forms';
import { GWY_ITEMS, gwySheet } from '../helpers/sheets';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

describe('a workbook of scored 登记表 (gwy-2020, 量化指标 inside the form)', () => {
  let file: string;
  beforeAll(async () => {
    file = await writeXlsx(scoredBook());
  });

  it('is one roster of five, a person a sheet, chosen as gwy-2020 by its items', async () => {
    const { code, report } = await kaoheJson('check', file);
    expect(code).toBe(1);
    expect(report.scheme).toBe('gwy-2020');
    expect(report.schemeSource).toBe('preset');
    expect(report.sheet).toBe('张三');
    expect(report.forms).toEqual({ sheets: ['张三', '李四', '王五', '赵六', '钱七'], periods: Array(5).fill('2024年第一季度') });
    expect(report.people.map((p: any) => [p.sheet, p.row, p.name, p.unit, p.post, p.total, p.grade, p.status])).toEqual([
      ['张三', 2, '张三', '办公室', '一级科员', 98, '好', 'graded'],
      ['李四', 2, '李四', '办公室', '四级主任科员', 95, '好', 'graded'],
      ['王五', 2, '王五', '业务科', '二级主任科员', 92, '好', 'graded'],
      ['赵六', 2, '赵六', '业务科', '一级科员', 87, '较好', 'graded'],
      ['钱七', 2, '钱七', '业务科', '一级科员', 90, null, 'ungraded'],
    ]);
    expect(report.people[4].reason).toBe('试用期内只写评语，不确定等次');
  });

  it('puts each issue on its form, the cell qualified with the sheet', async () => {
    const { report } = await kaoheJson('check', file);
    expect(report.issues.map((i: any) => [i.rule, i.sheet, i.cell, i.row, i.severity])).toEqual([
      ['number-as-text', '李四', "'李四'!H4", 4, 'warning'],
      ['quota-exceeded', '李四', "'李四'!B24", 24, 'error'],
      ['grade-mismatch', '赵六', "'赵六'!B24", 24, 'error'],
    ]);
  });

  it('counts the quota over the persons of the workbook: 4 graded × 40% → 1, 好 3', async () => {
    const { report } = await kaoheJson('check', file, '--scheme', 'gwy-2020');
    expect(report.quota).toHaveLength(1);
    expect(report.quota[0]).toMatchObject({ grade: '好', scope: 'all', count: 3, base: 4, limit: 1, severity: 'error' });
    expect(report.quota[0].ranking.map((x: any) => [x.name, x.sheet, x.total, x.within])).toEqual([
      ['张三', '张三', 98, true],
      ['李四', '李四', 95, false],
      ['王五', '王五', 92, false],
    ]);
  });

  it('says so in the text report, each person with the sheet, English too', async () => {
    const zh = await kaohe('check', file);
    expect(zh.out).toContain('公务员平时考核登记表 5 张，一人一表，合为一份名单核对（2024年第一季度）');
    expect(zh.out).toMatch(/钱七!2\s+钱七\s+业务科\s+90\.00\s+—\s+不定等次：试用期/);
    expect(zh.out).toContain("'赵六'!B24");
    const en = await kaohe('check', file, '--lang', 'en');
    expect(en.out).toContain('5 per-person appraisal forms (登记表, one person a sheet), checked as one roster (2024年第一季度)');
  });

  it('scheme --infer reads the scheme the forms’ items state, and check takes it back', async () => {
    const r = await kaohe('scheme', '--infer', file);
    expect(r.code).toBe(0);
    const inferred = JSON.parse(r.out);
    // The 17 items and their maxima; 加分/减分 are empty on every form, so not stated.
    expect(inferred.items.map((i: any) => [i.label, i.max])).toEqual(GWY_ITEMS.map(([, label, max]) => [label, max]));
    const schemeFile = join(tempDir(), 'inferred.json');
    writeFileSync(schemeFile, r.out);
    const { report } = await kaoheJson('check', file, '--scheme', schemeFile);
    expect(report.people.map((p: any) => p.total)).toEqual([98, 95, 92, 87, 90]);
  });

  it('--sheet naming one form still checks the workbook’s forms: the quota is over its persons', async () => {
    const { report } = await kaoheJson('check', file, '--sheet', '赵六');
    expect(report.forms.sheets).toHaveLength(5);
    expect(report.quota[0]).toMatchObject({ count: 3, base: 4, limit: 1 });
  });

  it('grade refuses to write into forms, in one line, and writes no copy', async () => {
    const out = join(tempDir(), 'graded.xlsx');
    const r = await kaohe('grade', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('本工作簿是 5 张公务员平时考核登记表（一人一表）：grade 不往登记表里写等次');
    expect(existsSync(out)).toBe(false);
  });
});

describe('the national 登记表 with ☑好 or 好 √, no scores (gwy-2020, checked on its grades)', () => {
  it('reads each ticked grade, leaves the probationer ungraded, and counts 好 over the workbook: 3 of 4 graded, 1 allowed', async () => {
    const { code, report } = await kaoheJson('check', await writeXlsx(registerBook()), '--scheme', 'gwy-2020');
    expect(code).toBe(1);
    expect(report.people.map((p: any) => [p.sheet, p.row, p.name, p.unit, p.post, p.grade, p.status])).toEqual([
      ['张三', 3, '张三', '办公室', '一级科员', '好', 'graded'],
      ['李四', 3, '李四', '办公室', '四级主任科员', '好', 'graded'],
      ['王五', 3, '王五', '业务科', '二级主任科员', '好', 'graded'],
      ['赵六', 3, '赵六', '业务科', '一级科员', '较好', 'graded'],
      ['钱七', 3, '钱七', '业务科', '一级科员', null, 'ungraded'],
    ]);
    expect(report.quota[0]).toMatchObject({ grade: '好', count: 3, base: 4, limit: 1, severity: 'error' });
    expect(report.issues.map((i: any) => [i.rule, i.cell])).toEqual([['quota-exceeded', "'李四'!B11"]]);
  });
});

describe('a workbook of 登记表 with the grade ticked (☑优秀 □称职 …, √ beside the word; xinjiang-2015)', () => {
  it('reads the box ticked and the √, and leaves the probationer ungraded by the form’s 情况说明', async () => {
    const file = await writeXlsx(tickedBook());
    const { code, report } = await kaoheJson('check', file);
    expect(code).toBe(0);
    expect(report.scheme).toBe('xinjiang-2015');
    expect(report.people.map((p: any) => [p.sheet, p.name, p.grade, p.status])).toEqual([
      ['阿依古丽', '阿依古丽', '优秀', 'graded'],
      ['马明', '马明', '优秀', 'graded'],
      ['王芳', '王芳', '称职', 'graded'],
      ['李强', '李强', null, 'ungraded'],
    ]);
    expect(report.issues).toEqual([]);
    // 称职 and below: at least 1 of the 3 graded in the workbook.
    expect(report.quota[0]).toMatchObject({ grade: '称职/基本称职/不称职', count: 1, base: 3, limit: 1, severity: 'ok' });
  });

  it('with nobody below 优秀 in the workbook, the minimum is missed', async () => {
    const book = tickedBook();
    book[2] = registerForm({
      sheet: '王芳',
      name: '王芳',
      unit: '综合科',
      post: '科员',
      grade: '优秀',
      ladder: ['优秀', '称职', '基本称职', '不称职'],
    });
    const { report } = await kaoheJson('check', await writeXlsx(book));
    expect(report.quota[0]).toMatchObject({ count: 0, base: 3, limit: 1, severity: 'warning' });
    expect(report.issues.map((i: any) => [i.rule, i.cell])).toEqual([['quota-below-minimum', null]]);
  });
});

describe('a hostile form among the others', () => {
  it('a 10,000-character 个人小结 and 1,000 merges: the workbook is checked, the person read', async () => {
    const book = scoredBook();
    const g = registerForm({
      sheet: '孙八',
      name: '孙八',
      unit: '业务科',
      post: '科员',
      grade: '好',
      gradeAs: 'word',
      summary: '工作'.repeat(5000),
    });
    for (let i = 0; i < 1000; i++) {
      const r = g.values.length + 1;
      g.values.push(['附'.repeat(50), null, '附'.repeat(50), null, null, null, null, null]);
      g.merges.push({ top: r, left: 1, bottom: r, right: 2 });
    }
    book.push(g);
    const file = await writeXlsx(book);
    const t0 = performance.now();
    const { report } = await kaoheJson('check', file, '--scheme', 'gwy-2020');
    const ms = performance.now() - t0;
    expect(report.people.map((p: any) => p.name)).toEqual(['张三', '李四', '王五', '赵六', '钱七', '孙八']);
    // 孙八's form has no scores: their total cannot be computed, and the issues say which cells are missing.
    expect(report.people[5]).toMatchObject({ sheet: '孙八', total: null });
    // Measured about 0.6 s for the whole command (reading the .xlsx of six forms included) on a loaded two-core machine.
    expect(ms).toBeLessThan(20_000);
  });
});

describe('what the forms say of themselves', () => {
  it('the same person on two forms is named by the first form’s sheet; periods that differ are said', async () => {
    const book = tickedBook();
    book.push(
      registerForm({
        sheet: '王芳(2)',
        name: '王芳',
        unit: '综合科',
        post: '科员',
        grade: '称职',
        ladder: ['优秀', '称职', '基本称职', '不称职'],
        period: '2024年度第三季度',
      }),
    );
    const file = await writeXlsx(book);
    const { report } = await kaoheJson('check', file);
    expect(report.forms.periods).toEqual(['2024年第二季度', '2024年第二季度', '2024年第二季度', '2024年第二季度', '2024年第三季度']);
    expect(report.issues.map((i: any) => [i.rule, i.cell, i.message])).toEqual([
      ['duplicate-person', "'王芳(2)'!B3", '王芳（综合科）与工作表“王芳”重复'],
    ]);
    const text = await kaohe('check', file);
    expect(text.out).toContain('各登记表写的考核期不同：2024年第二季度、2024年第三季度，请核对是否同一期');
  });
});

describe('forms that cannot be read', () => {
  it('one line says it is a 登记表, which sheets cannot be read and which hold people: never a person invented', async () => {
    const book = [
      ...tickedBook().slice(0, 2),
      quarterForm('第三张'),
      registerForm({ sheet: '空表', name: 'XXX', unit: '综合科', post: '科员', grade: null }),
    ];
    const file = await writeXlsx(book);
    const r = await kaohe('check', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim()).toBe(
      '本工作簿是公务员平时考核登记表（一人一表），2 张读不出人员：“第三张”（没有填写姓名）、“空表”（没有填写姓名）；有人员的工作表：“阿依古丽”、“马明”。请在“姓名”栏填写姓名（每表一人）后再检查——名额按全部登记表的人员核对，少一人就不准。',
    );
    const en = await kaohe('check', file, '--lang', 'en');
    expect(en.err.trim()).toBe(
      'This workbook is per-person appraisal forms (登记表, one person a sheet), and 2 of them hold no person kaohe can read: "第三张" (no name filled in), "空表" (no name filled in); sheets holding people: "阿依古丽", "马明". Fill in 姓名 (one person a sheet) and check again: quotas count every form\'s person, and one missing makes them wrong.',
    );
  });

  it('a roster with a form or two beside it is still checked as the roster', async () => {
    const roster = gwySheet([
      { name: '张三', unit: '办公室', base: 92 },
      { name: '李四', unit: '办公室', base: 80 },
    ]).grid;
    const file = await writeXlsx([roster, tickedBook()[0]!, { ...roster, sheet: '第二季度' }]);
    const { report } = await kaoheJson('check', file, '--scheme', 'gwy-2020');
    expect(report.forms).toBeUndefined();
    expect(report.sheet).toBe('第一季度');
  });
});
