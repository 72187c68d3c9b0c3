import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRESET_IDS, preset } from '../../src/schemes';
import { gridOf, gwySheet, schemeSheet } from '../helpers/sheets';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

describe('kaohe check --json', () => {
  let file: string;
  beforeAll(async () => {
    const { grid } = gwySheet([
      { name: '张三', unit: '办公室', base: 92.5 },
      { name: '李四', unit: '办公室', base: 85, bonus: 2, total: 87 },
      { name: '王五', unit: '综合股', base: 70, items: undefined, grade: '较好' },
      { name: '赵六', unit: '综合股', base: 80, remark: '试用期' },
      { name: '钱七', unit: '综合股', base: 88, remark: '派驻XX村第一书记' },
    ]);
    grid.values[4]![3] = 6.5; // 张三's 思想政治素质 → 6.5 > 6
    file = await writeXlsx(grid);
  });

  it('gives the contract’s fields: people with totals, grades and status; issues with cells; quotas', async () => {
    const { code, report } = await kaoheJson('check', file, '--scheme', 'gwy-2020');
    expect(code).toBe(1);
    expect(report.scheme).toBe('gwy-2020');
    expect(report.sheet).toBe('第一季度');
    expect(report.people.map((p: any) => [p.row, p.name, p.unit, p.total, p.grade, p.status])).toEqual([
      [5, '张三', '办公室', 93, '好', 'graded'],
      [6, '李四', '办公室', 87, '较好', 'graded'],
      [7, '王五', '综合股', 70, '一般', 'graded'],
      [8, '赵六', '综合股', 80, null, 'ungraded'],
      [9, '钱七', '综合股', 88, null, 'excluded'],
    ]);
    expect(report.people[0].reason).toBeNull();
    expect(report.people[3].reason).toBe('试用期内只写评语，不确定等次');
    expect(report.people[4].elsewhere).toBe(true);
    expect(report.issues.map((i: any) => [i.severity, i.rule, i.cell, i.row])).toEqual([
      ['error', 'out-of-range', 'D5', 5],
      ['error', 'grade-mismatch', 'X7', 7],
    ]);
    expect(report.issues[0].message).toBe('思想政治素质 6.5 超过满分 6');
    expect(report.quota).toEqual([
      expect.objectContaining({ grade: '好', scope: 'all', count: 1, base: 3, limit: 1, ratio: 0.333, severity: 'ok' }),
    ]);
  });

  it('speaks English with --lang en', async () => {
    const { report } = await kaoheJson('check', file, '--scheme', 'gwy-2020', '--lang', 'en');
    expect(report.issues[0].message).toBe('Political quality 6.5 is over the maximum of 6');
    expect(report.people[3].reason).toBe('On probation: comment only, no grade');
  });

  it('prints a readable report without --json', async () => {
    const r = await kaohe('check', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('方案：gwy-2020');
    expect(r.out).toContain('（按表头自动识别）');
    expect(r.out).toMatch(/D5\s+错误\s+out-of-range\s+思想政治素质 6.5 超过满分 6。请改为 0–6 分之间的分数/);
    expect(r.out).toContain('全单位“好” 1 人，名额 1 人（3 人 × 40%，向下取整）  符合');
  });

  it('exits 0 when nothing is wrong', async () => {
    const clean = await writeXlsx(
      gwySheet([
        { name: '张三', base: 85 },
        { name: '李四', base: 91 },
        { name: '王五', base: 70 },
      ]).grid,
    );
    const r = await kaohe('check', clean, '--scheme', 'gwy-2020');
    expect(r.code).toBe(0);
    expect(r.out).toContain('没有发现问题。');
  });
});

describe('choosing the sheet and the scheme', () => {
  it.each(PRESET_IDS)('recognises a %s sheet from its headers', async (id) => {
    const s = preset(id)!;
    const people =
      s.grading.mode === 'entered'
        ? [
            { name: '甲', grade: s.grading.labels[0]!.label },
            { name: '乙', grade: s.grading.labels[1]!.label },
          ]
        : [
            { name: '甲', total: 85 },
            { name: '乙', total: 75 },
          ];
    const file = await writeXlsx(schemeSheet(s, people).grid);
    const { report } = await kaoheJson('check', file);
    expect(report.scheme).toBe(id === 'five-dims' ? 'five-dims' : id);
  });

  it('skips sheets without a roster, and reads the one named by --sheet', async () => {
    const notes = gridOf([['填表说明'], ['请按季度填写']], [], '说明');
    const q1 = gwySheet([{ name: '张三', base: 80 }]).grid;
    const q2 = { ...gwySheet([{ name: '李四', base: 70 }]).grid, sheet: '第二季度' };
    const file = await writeXlsx([notes, q1, q2]);
    expect((await kaoheJson('check', file)).report.sheet).toBe('第一季度');
    const second = (await kaoheJson('check', file, '--sheet', '第二季度')).report;
    expect([second.sheet, second.people[0].name]).toEqual(['第二季度', '李四']);
  });

  it('takes a scheme file that extends a preset', async () => {
    const dir = tempDir();
    const schemeFile = join(dir, 'office.json');
    writeFileSync(
      schemeFile,
      JSON.stringify({ extends: 'gwy-2020', id: 'my-office', name: '本局方案', quotas: [{ grades: ['好'], max: 0.5 }] }),
    );
    const file = await writeXlsx(
      gwySheet([
        { name: '张三', base: 95 },
        { name: '李四', base: 91 },
        { name: '王五', base: 60 },
        { name: '赵六', base: 70 },
      ]).grid,
    );
    const { code, report } = await kaoheJson('check', file, '--scheme', schemeFile);
    expect(report.scheme).toBe('my-office');
    expect(report.quota[0]).toEqual(expect.objectContaining({ limit: 2, count: 2, severity: 'ok' }));
    expect(code).toBe(0);
  });
});

describe('when it cannot run: exit 2 and one clear line', () => {
  let good: string;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    good = await writeXlsx(gwySheet([{ name: '张三', base: 80 }]).grid);
    writeFileSync(join(dir, 'not-a-workbook.xlsx'), '这不是工作簿');
    writeFileSync(join(dir, 'broken.json'), '{ "id": "x", ');
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ id: 'Bad Id', name: '', period: { unit: 'week' }, grading: { labels: [] } }));
  });

  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['check', join(dir, 'nope.xlsx')], /^找不到文件 .*nope\.xlsx$/],
    ['a file that is not a workbook', () => ['check', join(dir, 'not-a-workbook.xlsx')], /^无法读取 .*：不是有效的 Excel 工作簿/],
    ['a folder given to annual (check reads folders)', () => ['annual', dir], /是文件夹，不是工作簿$/],
    ['an unknown sheet', () => ['check', good, '--sheet', '第九季度'], /^找不到工作表“第九季度”（工作簿中有：第一季度）$/],
    ['an unknown scheme', () => ['check', good, '--scheme', 'nope-2099'], /^未知的方案“nope-2099”：既不是内置方案 ID（gwy-2020、/],
    [
      'a scheme file that is not JSON',
      () => ['check', good, '--scheme', join(dir, 'broken.json')],
      /^方案文件 .*broken\.json 有误：方案文件不是有效的 JSON（第 1 行附近）$/,
    ],
    [
      'a scheme file with wrong fields',
      () => ['check', good, '--scheme', join(dir, 'wrong.json')],
      /^方案文件 .*wrong\.json 有误：id 只能由小写字母、数字和 - 组成；name 不能为空；period\.unit 应为 "month"、.* 之一（共 4 处）$/,
    ],
    ['no file named', () => ['check'], /^请指定要检查的工作簿/],
    ['an unknown option', () => ['check', good, '--frobnicate'], /^参数有误：/],
    ['an unknown command', () => ['grade-all', good], /^未知的命令“grade-all”/],
  ];
  it.each(cases)('%s', async (_t, args, line) => {
    const r = await kaohe(...args());
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err.trimEnd()).toMatch(line);
  });

  it('a sheet with no roster', async () => {
    const file = await writeXlsx(gridOf([['2026年工作计划'], ['一、……']], [], '计划'));
    const r = await kaohe('check', file);
    expect([r.code, r.err.trim()]).toEqual([2, `${file} 中没有一张工作表能识别出花名册：需要一行含“姓名”的表头，以及分数列或等次列`]);
    const named = await kaohe('check', file, '--sheet', '计划', '--scheme', 'gwy-2020');
    expect([named.code, named.err.trim()]).toEqual([2, '工作表“计划”中找不到花名册：需要一行含“姓名”的表头，以及方案中的分数列或等次列']);
  });

  it('a header with nobody under it', async () => {
    const file = await writeXlsx(gridOf([['姓名', '德', '能', '勤', '绩', '廉', '合计']]));
    const r = await kaohe('check', file, '--scheme', 'gwy-2020');
    expect([r.code, r.err.trim()]).toEqual([2, '工作表“第一季度”第 1 行表头下面没有人员']);
  });

  it('says it in English with --lang en', async () => {
    const r = await kaohe('check', join(dir, 'nope.xlsx'), '--lang', 'en');
    expect([r.code, r.err.trim()]).toEqual([2, `No such file: ${join(dir, 'nope.xlsx')}`]);
  });
});

describe('other commands', () => {
  it('presets lists every preset id and name, one a line', async () => {
    const r = await kaohe('presets');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual([...PRESET_IDS]);
    expect(lines[0]).toMatch(/^gwy-2020\s+公务员平时考核/);
  });

  it('scheme checks a scheme file and says where its bands leave gaps', async () => {
    const dir = tempDir();
    const f = join(dir, 'literal.json');
    writeFileSync(
      f,
      JSON.stringify({
        extends: 'xicheng-sifa',
        id: 'literal',
        name: '原文分段',
        grading: {
          labels: [{ label: '优秀' }, { label: '称职' }, { label: '基本称职' }, { label: '不称职' }],
          bands: [
            { grade: '优秀', min: 91, max: 100, maxInclusive: true },
            { grade: '称职', min: 71, max: 90, maxInclusive: true },
            { grade: '基本称职', min: 60, max: 70, maxInclusive: true },
            { grade: '不称职', max: 59, maxInclusive: true },
          ],
        },
      }),
    );
    const r = await kaohe('scheme', f);
    expect(r.out).toContain('方案 literal 有 3 处问题');
    expect(r.out).toContain('总分高于 90 分且低于 91 分时没有对应的等次');
    expect((await kaohe('scheme', 'xicheng-sifa')).out).toContain('检查通过');
  });
});
