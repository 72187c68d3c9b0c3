import { checkGrid } from '../../src/engine';
import type { CellValue, Grid } from '../../src/engine/grid';
import type { Issue, RuleId } from '../../src/engine/report/issue';
import { RULES } from '../../src/engine/report/rules';
import { ruleName, words } from '../../src/engine/report/messages';
import { loadScheme } from '../../src/engine/scheme/load';
import type { Scheme } from '../../src/engine/scheme/model';
import { preset, rawPreset } from '../../src/schemes';
import { gridOf } from '../helpers/sheets';

const gwy = preset('gwy-2020')!;

/** 姓名 德 能 勤 绩 廉 加分 减分 合计 等次 备注 (columns A–K), one row per person. */
function dims(rows: CellValue[][]): Grid {
  return gridOf([
    ['姓名', '德（20分）', '能（20分）', '勤（15分）', '绩（35分）', '廉（10分）', '加分', '减分', '合计', '等次', '备注'],
    ...rows,
  ]);
}

const gappy: Scheme = loadScheme(
  {
    extends: 'gwy-2020',
    id: 'gappy',
    name: '有空档的方案',
    grading: {
      labels: [{ label: '好' }, { label: '较好' }, { label: '一般' }, { label: '较差' }],
      bands: [
        { grade: '好', min: 90 },
        { grade: '较好', min: 75, max: 89, maxInclusive: true },
        { grade: '一般', min: 60, max: 75 },
        { grade: '较差', max: 60 },
      ],
    },
  },
  rawPreset,
);

interface Case {
  title: string;
  grid: Grid;
  scheme?: Scheme;
  rule: RuleId;
  cell: string | null;
  /** Text both languages' message must contain. */
  says: [string, string];
}

const CASES: Case[] = [
  {
    title: 'an empty score',
    grid: dims([['张三', 18, null, 14, 30, 9]]),
    rule: 'missing-value',
    cell: 'C2',
    says: ['能没有填写', 'Ability is empty'],
  },
  {
    title: 'a word in a score cell',
    grid: dims([['张三', 18, '良好', 14, 30, 9]]),
    rule: 'not-a-number',
    cell: 'C2',
    says: ['“良好”', '"良好"'],
  },
  {
    title: 'an Excel error value',
    grid: dims([['张三', 18, { error: '#N/A' }, 14, 30, 9]]),
    rule: 'not-a-number',
    cell: 'C2',
    says: ['#N/A', '#N/A'],
  },
  { title: 'a logical value', grid: dims([['张三', 18, true, 14, 30, 9]]), rule: 'not-a-number', cell: 'C2', says: ['TRUE', 'TRUE'] },
  {
    title: 'a date in a score cell',
    grid: { ...dims([['张三', 18, 45292, 14, 30, 9]]), numFmts: [[], [null, null, 'yyyy/m/d']] },
    rule: 'not-a-number',
    cell: 'C2',
    says: ['2024-01-01', '2024-01-01'],
  },
  {
    title: 'a formula without a saved result',
    grid: { ...dims([['张三', 18, null, 14, 30, 9]]), formulas: [[], [null, null, '=SUM(X1:X3)']] },
    rule: 'not-a-number',
    cell: 'C2',
    says: ['公式没有保存计算结果', 'no saved result'],
  },
  {
    title: "a number typed as text ('90)",
    grid: dims([['张三', '18', 18, 14, 30, 9]]),
    rule: 'number-as-text',
    cell: 'B2',
    says: ['“18”', '"18"'],
  },
  {
    title: 'full-width digits',
    grid: dims([['张三', '１８', 18, 14, 30, 9]]),
    rule: 'number-as-text',
    cell: 'B2',
    says: ['已按 18 计算', 'counted as 18'],
  },
  { title: 'a number with 分', grid: dims([['张三', '18分', 18, 14, 30, 9]]), rule: 'number-as-text', cell: 'B2', says: ['18分', '18分'] },
  {
    title: 'a score over its maximum',
    grid: dims([['张三', 21, 18, 14, 30, 9]]),
    rule: 'out-of-range',
    cell: 'B2',
    says: ['超过满分 20', 'over the maximum of 20'],
  },
  {
    title: 'a negative score',
    grid: dims([['张三', -1, 18, 14, 30, 9]]),
    rule: 'out-of-range',
    cell: 'B2',
    says: ['低于最低分 0', 'under the minimum of 0'],
  },
  {
    title: 'a bonus over its cap',
    grid: dims([['张三', 18, 18, 14, 30, 9, 6]]),
    rule: 'out-of-range',
    cell: 'G2',
    says: ['按 5 分计算', '5 counts in the total'],
  },
  {
    title: 'a subtotal that differs from its items',
    grid: gridOf([
      ['姓名', '思想政治素质', '职业道德', '社会公德', '家庭美德', '德小计', '能', '勤', '绩', '廉'],
      ['张三', 6, 4, 5, 4, 20, 16, 14, 30, 9],
    ]),
    rule: 'subtotal-mismatch',
    cell: 'F2',
    says: ['德 20 与按各项计算的 19 不一致', 'Integrity 20 differs from 19'],
  },
  {
    title: 'points taken outside count × range (工作日志 1–3 points per case)',
    grid: gridOf([
      ['姓名', '工作日志问题次数', '工作日志扣分', '得分'],
      ['张三', 3, 10, 90],
    ]),
    scheme: preset('yining-zhucun')!,
    rule: 'deduction-out-of-range',
    cell: 'C2',
    says: ['工作日志扣分 10 分，但 3 次每次扣 1–3 分，应在 3–9 分之间', 'is 10, but 3 cases at 1–3 points each make 3–9'],
  },
  {
    title: 'ballots that do not add up to the voters',
    grid: gridOf(
      [
        ['姓名', '参加测评人数', '总体评价', null, null, null],
        [null, null, '优秀', '良好', '一般', '较差'],
        ['张三', 30, 20, 8, 1, 0],
      ],
      ['A1:A2', 'B1:B2', 'C1:F1'],
    ),
    scheme: preset('keji-banzi')!,
    rule: 'ballot-mismatch',
    cell: 'C3',
    says: ['总体评价各档票数合计 29 票，与参加测评人数 30 不符', 'add up to 29, not the 30 voters'],
  },
  {
    title: 'a place in 排名 that is not the place by total within the category',
    grid: gridOf([
      ['单位名称', '类别', '责任目标得分', '总分', '排名'],
      ['东城街道', '街道', 90, 90, 1],
      ['西城街道', '街道', 95, 95, 1],
      ['区财政局党组', '区直单位', 80, 80, 1],
    ]),
    scheme: preset('qu-zuzhi-2014')!,
    rule: 'rank-mismatch',
    cell: 'E2',
    says: ['东城街道表中排名 1，按街道内总分由高到低应为第 2 名', 'the place is 2'],
  },
  {
    title: 'a total added wrong',
    grid: dims([['张三', 18, 18, 14, 30, 9, null, null, 90]]),
    rule: 'total-mismatch',
    cell: 'I2',
    says: ['表中总分 90 与按方案计算的 89', '90, differs from 89'],
  },
  {
    title: 'text in the total cell',
    grid: dims([['张三', 18, 18, 14, 30, 9, null, null, '待定']]),
    rule: 'total-mismatch',
    cell: 'I2',
    says: ['“待定”', '"待定"'],
  },
  {
    title: 'a grade that differs',
    grid: dims([['张三', 18, 18, 14, 30, 9, null, null, 89, '好']]),
    rule: 'grade-mismatch',
    cell: 'J2',
    says: ['“较好”', '"较好"'],
  },
  {
    title: 'a grade for someone who gets none',
    grid: dims([['张三', 18, 18, 14, 30, 9, null, null, 89, '较好', '试用期']]),
    rule: 'grade-mismatch',
    cell: 'J2',
    says: ['试用期内只写评语', 'probation'],
  },
  {
    title: 'a grade the scheme does not know',
    grid: dims([['张三', 18, 18, 14, 30, 9, null, null, 89, '优秀']]),
    rule: 'unknown-grade',
    cell: 'J2',
    says: ['好、较好、一般、较差', '好, 较好, 一般, 较差'],
  },
  {
    title: 'a proposed grade that differs from the grade decided last (建议等次 beside 最终评定等次)',
    grid: gridOf([
      ['姓名', '德（20分）', '能（20分）', '勤（15分）', '绩（35分）', '廉（10分）', '合计', '建议等次', '最终评定等次'],
      ['张三', 18, 18, 14, 30, 9, 89, '好', '较好'],
    ]),
    rule: 'grade-stage-differs',
    cell: 'H2',
    says: ['建议等次为“好”，与最终评定等次“较好”不同', '建议等次 says "好", 最终评定等次 "较好"'],
  },
  {
    title: 'a word a rated column does not know (廉洁自律 一票否决 beside the scored 德能勤绩廉)',
    grid: gridOf([
      ['姓名', '德（20分）', '能（20分）', '勤（15分）', '绩（35分）', '廉（10分）', '廉洁自律（一票否决）', '合计', '等次'],
      ['张三', 18, 18, 14, 30, 9, '待定', 89, '较好'],
    ]),
    scheme: loadScheme(
      { extends: 'gwy-2020', id: 'gwy-veto', name: '廉洁自律一票否决', rated: [{ id: 'lianjie', label: '廉洁自律' }] },
      rawPreset,
    ),
    rule: 'unknown-rating',
    cell: 'G2',
    says: ['廉洁自律填的是“待定”', '廉洁自律 holds "待定"'],
  },
  {
    title: 'the same name twice',
    grid: dims([
      ['张三', 18, 18, 14, 30, 9],
      ['李四', 18, 18, 14, 30, 9],
      ['张三', 17, 18, 14, 30, 9],
    ]),
    rule: 'duplicate-person',
    cell: 'A4',
    says: ['与第 2 行重复', 'row 2'],
  },
  {
    title: 'a row filtered out',
    grid: {
      ...dims([
        ['李四', 18, 18, 14, 30, 9],
        ['张三', 17, 18, 14, 30, 9],
      ]),
      hiddenRows: [3],
    },
    rule: 'hidden-row',
    cell: 'A3',
    says: ['张三所在的行被隐藏或被筛选掉', 'The row of 张三 is hidden or filtered out'],
  },
  {
    title: 'more 好 than the quota',
    grid: dims([
      ['甲', 20, 20, 15, 35, 10],
      ['乙', 18, 18, 14, 30, 9],
    ]),
    rule: 'quota-exceeded',
    cell: 'J2',
    says: ['超过名额 0 人', 'over the limit of 0'],
  },
  {
    title: 'fewer A than the minimum',
    scheme: preset('hebei-abcd')!,
    grid: gridOf([
      ['姓名', '档次'],
      ['甲', 'B'],
      ['乙', 'B'],
      ['丙', 'C'],
      ['丁', 'B'],
      ['戊', 'B'],
    ]),
    rule: 'quota-below-minimum',
    cell: null,
    says: ['少于要求的 1 人', 'fewer than the required 1'],
  },
  {
    // A 组织部's compilation of two bureaux (test/helpers/real-sheets.ts countyCompilation, cut down).
    title: 'a compilation of several organisations: quotas per organisation',
    grid: gridOf([
      ['姓名', '单位', '等次'],
      ['甲', '县财政局', '好'],
      ['乙', '县财政局', '较好'],
      ['丙', '县审计局', '好'],
      ['丁', '县审计局', '一般'],
    ]),
    rule: 'quota-per-organisation',
    cell: null,
    says: ['本表汇总了 2 个单位（县财政局、县审计局）', '2 organisations (县财政局, 县审计局)'],
  },
  {
    title: 'a band gap in a scheme',
    scheme: gappy,
    grid: dims([['张三', 18, 18, 14, 30, 9]]),
    rule: 'scheme-gap',
    cell: null,
    says: ['高于 89 分且低于 90 分', 'above 89 below 90'],
  },
  {
    title: 'a total that falls into a band gap',
    scheme: gappy,
    grid: dims([['张三', 18, 18, 14, 30.5, 9]]),
    rule: 'scheme-gap',
    cell: 'I2',
    says: ['总分 89.5 不在任何等次的分数段内', 'The total 89.5 falls in no grade band'],
  },
  {
    title: 'a column the scheme needs',
    grid: gridOf([
      ['姓名', '德', '能', '勤', '廉'],
      ['张三', 18, 18, 14, 9],
    ]),
    rule: 'missing-column',
    cell: null,
    says: ['找不到“绩”列', 'no "Performance" column'],
  },
  {
    title: 'a header maximum that differs from the scheme',
    grid: gridOf([
      ['姓名', '德（25分）', '能', '勤', '绩', '廉'],
      ['张三', 18, 18, 14, 30, 9],
    ]),
    rule: 'header-max-mismatch',
    cell: 'B1',
    says: ['满分 25 分，方案规定为 20 分', 'maximum of 25; the scheme says 20'],
  },
  {
    title: 'two direct grades at once',
    grid: dims([['张三', 18, 18, 14, 30, 9, null, null, null, null, '急难险重任务中表现突出，但推诿扯皮']]),
    rule: 'condition-conflict',
    cell: 'A2',
    says: ['按前者处理', 'the first is used'],
  },
  {
    // Issue #16: 不确定等次 written in the grade cell, nothing in 备注.
    title: 'a grade cell that states no grade, with no reason in the remarks',
    grid: dims([['张三', 18, 18, 14, 30, 9, null, null, 89, '不确定等次', null]]),
    rule: 'no-grade-unexplained',
    cell: 'J2',
    says: ['表中写明“不确定等次”，但备注未写原因', 'The sheet says "不确定等次", but the remarks do not say why'],
  },
];

describe('every rule, from a real sheet', () => {
  it.each(CASES.map((c) => [c.title, c]))('%s', (_t, c) => {
    const r = checkGrid(c.grid, c.scheme ?? gwy)!;
    const found = r.issues.filter((i: Issue) => i.rule === c.rule && i.cell === c.cell);
    expect(found.map((i) => [i.rule, i.cell])).toEqual([[c.rule, c.cell]]);
    const i = found[0]!;
    expect(i.row).toBe(c.cell === null ? null : Number(/\d+/.exec(c.cell)![0]));
    const zh = words(i, 'zh');
    const en = words(i, 'en');
    expect(zh.message).toContain(c.says[0]);
    expect(en.message).toContain(c.says[1]);
    expect(zh.fix.length).toBeGreaterThan(3);
    expect(en.fix.length).toBeGreaterThan(3);
  });

  it('has a case, and a name in both languages, for every rule id the engine knows', () => {
    // The roll-up's rules span several sheets: their cases are in annual.test.ts and test/cli/annual.test.ts.
    const covered = new Set<RuleId>([
      ...CASES.map((c) => c.rule),
      'annual-missing-period',
      'annual-ungraded-period',
      'annual-grade-not-allowed',
    ]);
    expect(Object.keys(RULES).filter((r) => !covered.has(r as RuleId))).toEqual([]);
    for (const r of Object.keys(RULES) as RuleId[]) {
      expect(ruleName(r, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      expect(ruleName(r, 'en')).toMatch(/^[A-Z]/);
    }
  });

  it('reports every problem in a sheet, not only the first', () => {
    const r = checkGrid(
      dims([
        ['张三', 21, '良', null, 30, 9, 6],
        ['李四', '18分', 18, 14, { error: '#VALUE!' }, 9],
      ]),
      gwy,
    )!;
    expect(r.issues.map((i) => `${i.cell} ${i.rule}`)).toEqual([
      'B2 out-of-range',
      'C2 not-a-number',
      'D2 missing-value',
      'G2 out-of-range',
      'B3 number-as-text',
      'E3 not-a-number',
    ]);
  });
});
