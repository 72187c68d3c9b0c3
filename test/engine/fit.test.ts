/**
 * How well a scheme fits a sheet, on sheets laid out as offices lay them out. Each sheet says
 * where its layout comes from; the expectations are worked out by hand from the sheet. Together
 * they justify the thresholds in src/engine/fit/fit.json: the bundled example, with the mistakes
 * it was built to hold (a wrong total, a wrong grade), fits gwy-2020 clearly; none of the sheets
 * that used to be matched to a preset that does not fit (issue #15) fits any preset clearly.
 */
import { type CellValue, FIT_LIMITS, type Fit, type Grid, measureFit, noFitSentence, rankFits, schemeSentence } from '../../src/engine';
import { allPresets, preset } from '../../src/schemes';
import { gridOf, gwySheet, GWY_ITEMS } from '../helpers/sheets';
import { exampleSheets } from '../taskpane/open-pane';

const best = (g: Grid): Fit => rankFits(g, allPresets())[0]!.fit;
const clearOnes = (g: Grid): string[] => rankFits(g, allPresets()).flatMap((x) => (x.fit.clear ? [x.fit.scheme] : []));
const fitOf = (g: Grid, id: string): Fit => measureFit(g, preset(id)!)!;
const reason = <C extends Fit['reasons'][number]['code']>(f: Fit, code: C) =>
  f.reasons.find((r) => r.code === code) as Extract<Fit['reasons'][number], { code: C }> | undefined;

describe('a clear fit', () => {
  it('the bundled example (examples/gwy-2020-q1.xlsx): gwy-2020, though one total and one grade in it are wrong', async () => {
    const [q1] = await exampleSheets('gwy-2020-q1.xlsx');
    const fit = best(q1!);
    expect(fit.scheme).toBe('gwy-2020');
    expect(fit.clear).toBe(true);
    // 17 items, 加分 and 减分, 合计 and 等次: every score and grade column accounted for.
    expect(reason(fit, 'columns')).toEqual({ code: 'columns', accounted: 21, of: 21, items: 17, others: [] });
    expect(reason(fit, 'maxima')).toEqual({ code: 'maxima', equal: 19, differ: [] });
    // The example's documented mistakes: one of the five totals written, one of the three grades written.
    expect(reason(fit, 'totals')).toEqual({ code: 'totals', reproduced: 4, of: 5 });
    expect(reason(fit, 'graded')).toEqual({ code: 'graded', agree: 2, of: 3 });
    expect(reason(fit, 'missing')).toBeUndefined();
    expect(fit.score).toBeGreaterThanOrEqual(FIT_LIMITS.clear);
    expect(clearOnes(q1!)).toEqual(['gwy-2020']);
    expect(schemeSentence('preset', 'gwy-2020', fit, 'zh')).toBe('按表头识别：gwy-2020，17 个分项全部对上');
  });

  it('a clean gwy-2020 sheet (the national template, as test/helpers/sheets builds it) with its totals: every item and total matches', () => {
    const { grid } = gwySheet(
      [
        { name: '张三', base: 92, total: 92, grade: '好' },
        { name: '李四', base: 85, total: 85, grade: '较好' },
        { name: '王五', base: 78, total: 78, grade: '较好' },
      ],
      { title: true },
    );
    const fit = best(grid);
    expect([fit.scheme, fit.clear, fit.score]).toEqual(['gwy-2020', true, 1]);
    expect(reason(fit, 'totals')).toEqual({ code: 'totals', reproduced: 3, of: 3 });
    expect(schemeSentence('preset', 'gwy-2020', fit, 'zh')).toBe('按表头识别：gwy-2020，17 个分项和总分全部对上');
    expect(schemeSentence('preset', 'gwy-2020', fit, 'en')).toBe(
      'Recognised from the headers: gwy-2020, 17 items and the totals all match',
    );
  });
});

describe('no clear fit: the sheets issue #15 measured', () => {
  it('a 60-point 领导干部 sheet with 得分 columns (民主测评 30 + 领导评价 30, 优秀/称职): not xicheng-sifa, whose 100 points would make everyone 不称职', () => {
    const g = gridOf([
      ['2024年第一季度领导干部平时考核评分表'],
      ['序号', '姓名', '职务', '民主测评得分（30分）', '领导评价得分（30分）', '总得分（60分）', '考核等次'],
      [1, '张三', '局长', 28, 27, 55, '优秀'],
      [2, '李四', '副局长', 26, 25, 51, '称职'],
      [3, '王五', '副局长', 25, 24, 49, '称职'],
      [4, '赵六', '总工', 22, 23, 45, '称职'],
    ]);
    expect(clearOnes(g)).toEqual([]);
    const xicheng = fitOf(g, 'xicheng-sifa');
    expect(xicheng.clear).toBe(false);
    // It reads one of the 得分 columns as its 100-point score; the header says 30.
    expect(reason(xicheng, 'maxima')?.differ.map((d) => [d.header, d.scheme])).toEqual([[30, 100]]);
    // And it would grade 28 as 不称职 where the sheet says 优秀: none of the four grades agree.
    expect(reason(xicheng, 'graded')).toEqual({ code: 'graded', agree: 0, of: 4 });
  });

  it('a grades-only roster (a 处室 month table: 姓名, 科室, 考核等次 好/较好/一般): not yining-zhucun, where everyone scores 100', () => {
    const g = gridOf([
      ['序号', '姓名', '科室', '职务', '考核等次', '备注'],
      [1, '张三', '办公室', '科员', '好', ''],
      [2, '李四', '办公室', '科员', '较好', ''],
      [3, '王五', '财务科', '科长', '较好', ''],
      [4, '赵六', '财务科', '科员', '一般', ''],
    ]);
    expect(clearOnes(g)).toEqual([]);
    const yining = fitOf(g, 'yining-zhucun');
    expect(yining.clear).toBe(false);
    // Its one score-or-grade column is the grade, and yining-zhucun does not grade.
    expect(reason(yining, 'columns')).toEqual({ code: 'columns', accounted: 0, of: 1, items: 0, others: ['考核等次'] });
    expect(yining.score).toBe(0);
    // gwy-2020 knows the words but not one of its 17 items is on the sheet.
    const gwy = fitOf(g, 'gwy-2020');
    expect([gwy.clear, reason(gwy, 'grades')?.unknown, reason(gwy, 'missing')?.columns.length]).toEqual([false, [], 5]);
  });

  it('a sheet with a 得分 column and 好/较好/一般/较差 grades (a system export): not xicheng-sifa; two presets fit it alike, so neither is chosen', () => {
    const g = gridOf([
      ['姓名', '部门名称', '考核得分', '考核结果'],
      ['张三', '综合科', 93, '好'],
      ['李四', '综合科', 86, '较好'],
      ['王五', '业务科', 72, '一般'],
      ['赵六', '业务科', 58, '较差'],
    ]);
    const xicheng = fitOf(g, 'xicheng-sifa');
    expect(xicheng.clear).toBe(false);
    expect(reason(xicheng, 'grades')).toEqual({ code: 'grades', known: [], unknown: ['好', '较好', '一般', '较差'] });
    // 考核得分 is read as the total; 93 好, 86 较好, 72 一般, 58 较差 by the national bands (90/75/60) that
    // gwy-2020 and five-dims share: both explain the sheet, equally, and nothing on it tells them apart.
    expect(clearOnes(g)).toEqual(['gwy-2020', 'five-dims']);
    expect(reason(fitOf(g, 'gwy-2020'), 'graded')).toEqual({ code: 'graded', agree: 4, of: 4 });
    const ranked = rankFits(g, allPresets()).map((x) => x.fit);
    expect(noFitSentence(ranked, 'zh')).toBe('有 2 个内置方案同样相符（gwy-2020、five-dims），不替您选择');
  });

  it('a 100-point five-item sheet that is no preset (政治表现 20, 工作能力 20, 工作态度 20, 工作实绩 30, 廉洁自律 10)', () => {
    const g = gridOf([
      ['某县直单位2024年第二季度平时考核得分汇总表'],
      ['姓名', '政治表现（20分）', '工作能力（20分）', '工作态度（20分）', '工作实绩（30分）', '廉洁自律（10分）', '总分', '等次'],
      ['张三', 19, 18, 18, 28, 10, 93, '好'],
      ['李四', 17, 17, 16, 25, 9, 84, '较好'],
      ['王五', 15, 15, 15, 22, 8, 75, '较好'],
    ]);
    expect(clearOnes(g)).toEqual([]);
    const ranked = rankFits(g, allPresets()).map((x) => x.fit);
    expect(ranked[0]!.score).toBeLessThan(FIT_LIMITS.clear);
    expect(noFitSentence(ranked, 'zh')).toMatch(new RegExp(`^没有相符的内置方案：最接近的是 ${ranked[0]!.scheme}，但`));
  });

  it('a list of names (序号, 姓名, 科室, 备注): no score or grade column, so nothing fits', () => {
    const g = gridOf([
      ['序号', '姓名', '科室', '备注'],
      [1, '张三', '办公室', ''],
      [2, '李四', '财务科', ''],
    ]);
    for (const { fit } of rankFits(g, allPresets())) expect([fit.scheme, fit.clear, fit.score]).toEqual([fit.scheme, false, 0]);
  });

  it('gwy-2020 with its items but 60-point maxima in the headers (a sheet that halves the national template) is not clear', () => {
    const header: CellValue[] = ['姓名', ...GWY_ITEMS.map(([, label, max]) => `${label}（${max / 2}分）`)];
    const g = gridOf([header, ['张三', ...GWY_ITEMS.map(([, , max]) => max / 2)]]);
    const gwy = fitOf(g, 'gwy-2020');
    expect([gwy.clear, reason(gwy, 'maxima')?.equal, reason(gwy, 'maxima')?.differ.length]).toEqual([false, 0, 17]);
  });
});
