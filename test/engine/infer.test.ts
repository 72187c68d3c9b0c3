import { checkGrid, inferScheme, words, type CellValue, type Scheme } from '../../src/engine';
import { gridOf } from '../helpers/sheets';

const rules = (s: Scheme, grid: ReturnType<typeof gridOf>) =>
  checkGrid(grid, s)!
    .issues.map((i) => `${i.rule}@${i.cell ?? ''}`)
    .sort();

describe('inferScheme: the sheet’s own scheme', () => {
  // A 科室's quarterly sheet as the national template's 量化评分表 is often simplified: one header
  // row with the five dimensions and their maxima, 合计, 等次 in the national words, a 注 line.
  const keshi = (totals: [string, number[], number, string][], note = '注：好等次比例不超过40%。') =>
    gridOf(
      [
        ['办公室2024年第一季度公务员平时考核评分表'],
        ['序号', '姓名', '德（20分）', '能（20分）', '勤（20分）', '绩（30分）', '廉（10分）', '合计', '等次'],
        ...totals.map(([name, s, t, g], i): CellValue[] => [i + 1, name, ...s, t, g]),
        [note],
      ],
      ['A1:I1'],
    );
  const keshiRows: [string, number[], number, string][] = [
    ['张三', [19, 18, 19, 28, 10], 94, '好'],
    ['李四', [18, 18, 18, 27, 10], 91, '好'],
    ['王五', [18, 17, 18, 26, 9], 88, '好'],
    ['赵六', [16, 16, 17, 24, 9], 82, '较好'],
    ['钱七', [15, 15, 15, 22, 8], 75, '一般'],
  ];

  it('a 科室 sheet: five items with their maxima, 合计 the confirmed sum, the national ladder as entered, the stated 40%', () => {
    const grid = keshi(keshiRows);
    const s = inferScheme(grid)!;
    expect(s.id).toBe('inferred');
    expect(s.name).toBe('本表推断的方案');
    expect(s.period.unit).toBe('quarter');
    expect(s.items.map((i) => [i.label, i.max])).toEqual([
      ['德', 20],
      ['能', 20],
      ['勤', 20],
      ['绩', 30],
      ['廉', 10],
    ]);
    expect(s.groups).toEqual([]);
    expect(s.total.expr).toBe('德 + 能 + 勤 + 绩 + 廉');
    expect(s.grading.mode).toBe('entered');
    expect(s.grading.labels.map((l) => l.label)).toEqual(['好', '较好', '一般', '较差']);
    expect(s.grading.bands).toEqual([]);
    expect(s.quotas.map((q) => [q.grades, q.max, q.severity])).toEqual([[['好'], 0.4, 'error']]);
    expect(s.note).toContain('5 行中 5 行相符');
    // 3 好 of 5: 5 × 40% = 2 allowed.
    const r = checkGrid(grid, s)!;
    expect(r.people.map((p) => p.total)).toEqual([94, 91, 88, 82, 75]);
    expect(rules(s, grid)).toEqual(['quota-exceeded@I5']);
  });

  it('the national ladder without a stated share gets the national 好 ≤ 40%, said to come from the national rule', () => {
    const grid = keshi(keshiRows, '填表人：李明');
    const s = inferScheme(grid)!;
    expect(s.quotas.map((q) => [q.id, q.grades, q.max, q.severity])).toEqual([['national-hao-40', ['好'], 0.4, 'error']]);
    expect(s.quotas[0]!.note).toContain('全国');
    expect(rules(s, grid)).toEqual(['quota-exceeded@I5']);
  });

  it('wrong totals on one row of six: the sum is still confirmed, and the row is reported', () => {
    // Same 科室 layout; 孙八's 合计 is mistyped (86 for 84).
    const rows: [string, number[], number, string][] = [
      ...keshiRows.slice(0, 2),
      ['孙八', [17, 16, 16, 26, 9], 86, '较好'],
      ...keshiRows.slice(3),
      ['周九', [16, 16, 16, 25, 9], 82, '较好'],
    ];
    const grid = keshi(rows);
    const s = inferScheme(grid)!;
    expect(s.total.expr).toBe('德 + 能 + 勤 + 绩 + 廉');
    expect(s.note).toContain('6 行中 5 行相符（第 5 行不符）');
    expect(rules(s, grid)).toEqual(['total-mismatch@H5']);
  });

  it('totals that confirm no rule are read, not recomputed', () => {
    // A 处室 sheet whose 总分 is the leaders' judgement, not the items' sum.
    const rows: [string, number[], number, string][] = keshiRows.map(([n, sc, t, g], i) => [n, sc, t - 3 + i * 2, g]);
    const grid = keshi(rows, '说明：由分管领导综合评定');
    const s = inferScheme(grid)!;
    expect(s.items.map((i) => i.max)).toEqual([20, 20, 20, 30, 10]);
    // The total is an input no header matches, so the engine reads the sheet's 合计 column as it is.
    expect(s.inputs.map((i) => i.label)).toEqual(['表中填写的总分']);
    expect(s.total.expr).toBe(s.inputs[0]!.id);
    expect(s.note).toContain('只读取，不重算');
    const r = checkGrid(grid, s)!;
    expect(r.people.map((p) => p.total)).toEqual([91, 90, 89, 85, 80]);
    expect(rules(s, grid)).toEqual(['quota-exceeded@I5']);
  });

  it('a 乡镇 sheet 实绩（70%）测评（30%）折合: the weighted total confirmed, grades from a stated band line', () => {
    // Layout of a 乡镇 cadres' sheet: 实绩 and 测评 scored out of 100, 折合得分 = 70% + 30%.
    const grid = gridOf([
      ['XX镇2024年第二季度干部平时考核结果'],
      ['姓名', '职务', '实绩（70%）', '测评（30%）', '折合得分', '考核等次'],
      ['甲', '科员', 95, 90, 93.5, '优秀'],
      ['乙', '科员', 85, 80, 83.5, '称职'],
      ['丙', '科员', 80, 90, 83, '称职'],
      ['丁', '科员', 60, 70, 63, '基本称职'],
      ['注：90分及以上为优秀，70-89分为称职，60-69分为基本称职，60分以下为不称职；优秀比例不超过30%'],
    ]);
    const s = inferScheme(grid)!;
    expect(s.inputs.map((i) => [i.label, i.max])).toEqual([
      ['实绩', undefined],
      ['测评', undefined],
    ]);
    expect(s.total.expr).toBe('0.7 * 实绩 + 0.3 * 测评');
    expect(s.columns.total).toEqual(['折合得分']);
    expect(s.grading.mode).toBe('bands');
    expect(s.grading.labels.map((l) => l.label)).toEqual(['优秀', '称职', '基本称职', '不称职']);
    expect(s.grading.bands.map((b) => [b.grade, b.min, b.minInclusive, b.max, b.maxInclusive])).toEqual([
      ['不称职', undefined, true, 60, false],
      ['基本称职', 60, true, 70, false],
      ['称职', 70, true, 90, false],
      ['优秀', 90, true, undefined, false],
    ]);
    expect(s.quotas.map((q) => [q.grades, q.max, q.severity])).toEqual([[['优秀'], 0.3, 'error']]);
    // 4 × 30% = 1 优秀: within; every grade agrees with its band.
    expect(rules(s, grid)).toEqual([]);
  });

  it('a grades-only roster with 优秀/称职 and "优秀名额1名": grades as written, counted, the count checked', () => {
    // A 组织部 compilation's list: 序号、姓名、单位、考核结果 only.
    const grid = gridOf([
      ['序号', '姓名', '单位', '考核结果'],
      [1, '甲', '财政局', '优秀'],
      [2, '乙', '财政局', '称职'],
      [3, '丙', '财政局', '优秀'],
      [4, '丁', '财政局', '称职'],
      ['说明：优秀名额1名'],
    ]);
    const s = inferScheme(grid)!;
    expect(s.items).toEqual([]);
    expect(s.total.expr).toBeUndefined();
    expect(s.grading.mode).toBe('entered');
    expect(s.grading.labels.map((l) => l.label)).toEqual(['优秀', '称职', '基本称职', '不称职']);
    // A number of places, not a share of this sheet's people: it stays 1 whoever is graded.
    expect(s.quotas.map((q) => [q.grades, q.max, q.maxPlaces])).toEqual([[['优秀'], undefined, 1]]);
    const r = checkGrid(grid, s)!;
    expect(r.scoring).toBe('entered');
    expect(r.people.map((p) => p.grade)).toEqual(['优秀', '称职', '优秀', '称职']);
    expect(r.quotas.map((q) => [q.count, q.base, q.limit, q.share])).toEqual([[2, 4, 1, null]]);
    expect(rules(s, grid)).toEqual(['quota-exceeded@D4']);
    expect(
      words(
        r.issues.find((i) => i.rule === 'quota-exceeded')!,
        'zh',
      ).message,
    ).toContain('（规定名额 1 人）');
  });

  it('实绩考核（70%） over 得分 and 折合分: the 得分 columns are the weighted parts, 综合得分 the total', () => {
    // The 乡村 layout of test/helpers/real-sheets.ts (weighted7030), cut to four people: each
    // weighted part merged over its 得分 and 折合分, the total a column of its own.
    const grid = gridOf(
      [
        ['序号', '姓名', '实绩考核（70%）', null, '民主测评（30%）', null, '综合得分', '等次'],
        [null, null, '得分', '折合分', '得分', '折合分', null, null],
        [1, '何志强', 96, 67.2, 94, 28.2, 95.4, '优秀'],
        [2, '罗文华', 94, 65.8, 92, 27.6, 93.4, '优秀'],
        [3, '梁秀英', 90, 63, 89, 26.7, 89.7, '优秀'],
        [4, '田建新', 89, 62.3, 90, 27, 89.3, '称职'],
        ['注：综合得分＝实绩考核得分×70%＋民主测评得分×30%；2.优秀名额2名。'],
      ],
      ['C1:D1', 'E1:F1', 'A1:A2', 'B1:B2', 'G1:G2', 'H1:H2'],
    );
    const s = inferScheme(grid)!;
    expect(s.total.expr).toBe('0.7 * 实绩考核 + 0.3 * 民主测评');
    expect(s.grading.mode).toBe('entered');
    // "2.优秀名额2名": the clause number is not read as the subject.
    expect(s.quotas.map((q) => [q.grades, q.maxPlaces])).toEqual([[['优秀'], 2]]);
    const r = checkGrid(grid, s)!;
    expect(r.people.map((p) => p.total)).toEqual([95.4, 93.4, 89.7, 89.3]);
    expect(rules(s, grid)).toEqual(['quota-exceeded@H5']);
  });

  it('a tally under the roster (优秀人数合计 … 3人) is not a person', () => {
    const grid = gridOf([
      ['序号', '村（社区）', '姓名', '德（20分）', '能（80分）', '总分', '考核等次'],
      [1, '桃园村', '王德胜', 19, 75, 94, '优秀'],
      [2, '桃园村', '李春梅', 17, 70, 87, '称职'],
      [3, '柳河村', '陈永福', 18, 73, 91, '优秀'],
      [null, '优秀人数合计', null, null, null, null, '2人'],
    ]);
    const s = inferScheme(grid)!;
    const r = checkGrid(grid, s)!;
    expect(r.people.map((p) => p.name)).toEqual(['王德胜', '李春梅', '陈永福']);
    expect(rules(s, grid)).toEqual([]);
  });

  it('two-row headers: dimensions over their items, maxima from （6分） and 满分10, a 100-point sum', () => {
    // The national template's 量化评分表, shortened: 德 over two items, 绩 over two, 廉 alone.
    const grid = gridOf(
      [
        ['姓名', '德', '', '绩', '', '廉（10分）', '总分', '档次'],
        ['', '思想政治（10分）', '职业道德（10分）', '工作成效 满分50', '工作效率（30分）', '', '', ''],
        ['甲', 9, 9, 45, 28, 9, 100, 'A'],
        ['乙', 8, 8, 40, 25, 9, 90, 'B'],
        ['丙', 8, 7, 35, 20, 8, 78, 'B'],
        ['丁', 6, 6, 30, 18, 7, 67, 'C'],
      ],
      ['B1:C1', 'D1:E1', 'A1:A2', 'F1:F2', 'G1:G2', 'H1:H2'],
    );
    const s = inferScheme(grid)!;
    expect(s.groups.map((g) => [g.label, g.max])).toEqual([
      ['德', 20],
      ['绩', 80],
    ]);
    expect(s.items.map((i) => [i.label, i.group, i.max])).toEqual([
      ['思想政治', '德', 10],
      ['职业道德', '德', 10],
      ['工作成效', '绩', 50],
      ['工作效率', '绩', 30],
      ['廉', undefined, 10],
    ]);
    expect(s.total.expr).toBe('德 + 绩 + 廉');
    expect(s.grading.labels.map((l) => l.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(s.quotas).toEqual([]);
    // 甲's 工作成效 45 of 50 and the rest are within their maxima; the sums hold.
    expect(checkGrid(grid, s)!.people.map((p) => p.total)).toEqual([100, 90, 78, 67]);
    expect(rules(s, grid)).toEqual([]);
  });

  it('“(30%)” headers on a 100-point sheet are maxima when the items add up to the total', () => {
    // A six-item sheet headed with percentages (an appraisal system's export).
    const head = ['姓名', '政治素质(20%)', '工作能力(20%)', '工作态度(10%)', '工作实绩(30%)', '廉洁自律(10%)', '群众评价(10%)', '综合得分'];
    const grid = gridOf([head, ['甲', 18, 18, 9, 28, 10, 9, 92], ['乙', 16, 17, 8, 25, 9, 8, 83], ['丙', 15, 15, 8, 30, 9, 8, 85]]);
    const s = inferScheme(grid)!;
    expect(s.items.map((i) => [i.label, i.max])).toEqual([
      ['政治素质', 20],
      ['工作能力', 20],
      ['工作态度', 10],
      ['工作实绩', 30],
      ['廉洁自律', 10],
      ['群众评价', 10],
    ]);
    expect(s.grading.mode).toBe('none');
    expect(rules(s, grid)).toEqual([]);
  });

  it('a 扣分 sheet: 100 minus the deductions, confirmed', () => {
    // A 村两委 monthly sheet: 基础分 100, deductions per heading.
    const grid = gridOf([
      ['3月份村干部考核', '', '', ''],
      ['姓名', '考勤扣分', '工作扣分', '得分'],
      ['甲', 2, 0, 98],
      ['乙', 0, 5, 95],
      ['丙', 1, 3, 96],
    ]);
    const s = inferScheme(grid)!;
    expect(s.period.unit).toBe('month');
    expect(s.total.expr).toBe('100 - 考勤扣分 - 工作扣分');
    expect(s.grading.mode).toBe('none');
    expect(rules(s, grid)).toEqual([]);
  });

  it('band lines in full-width digits, 不足, grade-first forms and (含) marks are read the same way', () => {
    // A 说明 line as typed in a 区 template: full-width digits, 分 and ％, 至 ranges.
    const grid = gridOf([
      ['姓名', '合计', '等次'],
      ['甲', 95, '好'],
      ['乙', 85, '较好'],
      ['丙', 70, '一般'],
      ['丁', 50, '较差'],
      ['戊', 80, '较好'],
      ['说明：好：９０分以上；较好：８０分至８９分；一般：６０分（含）至７９分；不足６０分为较差。好等次不超过２０％'],
    ]);
    const s = inferScheme(grid)!;
    expect(s.grading.mode).toBe('bands');
    expect(s.grading.bands.map((b) => [b.grade, b.min, b.max, b.maxInclusive])).toEqual([
      ['较差', undefined, 60, false],
      ['一般', 60, 80, false],
      ['较好', 80, 90, false],
      ['好', 90, undefined, false],
    ]);
    // The stated 20% is stricter than the national 40%, which then adds nothing: one quota.
    expect(s.quotas.map((q) => [q.grades, q.max])).toEqual([[['好'], 0.2]]);
    // 5 × 20% = 1 好: 甲 alone, within.
    expect(rules(s, grid)).toEqual([]);
  });

  it('states too little: no roster, or a roster with nothing to check → null', () => {
    expect(inferScheme(gridOf([['标题'], ['甲', '乙']]))).toBeNull();
    expect(
      inferScheme(
        gridOf([
          ['姓名', '单位'],
          ['甲', '办公室'],
        ]),
      ),
    ).toBeNull();
  });
});
