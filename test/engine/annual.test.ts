/**
 * The annual roll-up, scheme by scheme, with numbers worked out by hand from the rules
 * (rules.md §2): period grades side by side, the best annual grade the rules allow, flags,
 * period scores, 优秀率, rater-weighted scores; people missing from a quarter or without a
 * grade in one are reported.
 */
import { checkGrid } from '../../src/engine';
import { annualForm, quarterlyForm } from '../../src/engine/annual/forms';
import { findPeriodSheets, quarterOf } from '../../src/engine/annual/periods';
import { readAnnualSheet, rollUp, type AnnualResults } from '../../src/engine/annual/rollup';
import type { CellValue, Grid } from '../../src/engine/grid';
import { preset } from '../../src/schemes';
import { gridOf } from '../helpers/sheets';
import { noteText, words } from '../../src/engine/report/messages';

/** Quarter sheets from rows of [name, ...one cell per quarter]; null = not on that quarter's sheet. */
type Sheet = { sheet: string; index: number; grid: Grid };

function quarters(header: string[], people: [string, ...(CellValue[] | null)[]][], count: number): Sheet[] {
  return Array.from({ length: count }, (_, q) => {
    const rows = people.filter((p) => p[q + 1] !== null).map((p) => [p[0], ...(p[q + 1] as CellValue[])]);
    return { sheet: `第${'一二三四'[q]}季度`, index: q + 1, grid: gridOf([header, ...rows], [], `第${'一二三四'[q]}季度`) };
  });
}

function roll(id: string, sheets: Sheet[], annual: Grid | null = null): AnnualResults {
  const s = preset(id)!;
  return rollUp(
    s,
    sheets.map((x) => ({ sheet: x.sheet, index: x.index, results: checkGrid(x.grid, s)! })),
    annual && readAnnualSheet(annual, s),
  );
}

const person = (a: AnnualResults, name: string) => a.people.find((p) => p.name === name)!;

describe('finding the quarters of a workbook', () => {
  it('reads the names offices give quarterly sheets, and skips summaries', () => {
    expect(['第一季度', '一季度', '2026年第二季度', 'Q3', '2026Q4', '第３季度', '三季度汇总', '年度考核', 'Sheet1'].map(quarterOf)).toEqual(
      [1, 1, 2, 3, 4, 3, null, null, null],
    );
    expect(findPeriodSheets(['年度考核', 'Q2', '第一季度', '一季度', '第三季度']).map((p) => p.sheet)).toEqual([
      '第一季度',
      'Q2',
      '第三季度',
    ]);
  });
});

describe('gwy-2020: 好 in more than half and no 一般/较差 for 优秀', () => {
  const header = ['姓名', '德', '能', '勤', '绩', '廉', '备注'];
  // Dimension scores for a total of 93 (好), 82 (较好), 68 (一般), 55 (较差).
  const G: Record<string, CellValue[]> = {
    好: [18.5, 18.5, 14, 32.5, 9.5, null],
    较好: [16.5, 16.5, 12.5, 28.5, 8, null],
    一般: [13.5, 13.5, 10, 24, 7, null],
    较差: [11, 11, 8, 19.5, 5.5, null],
  };
  const probation = [16.5, 16.5, 12.5, 28.5, 8, '试用期'];
  const a = roll(
    'gwy-2020',
    quarters(
      header,
      [
        ['王建国', G['好']!, G['好']!, G['好']!, G['好']!],
        ['李明', G['好']!, G['好']!, G['好']!, G['较好']!],
        ['张丽', G['好']!, G['较好']!, G['较好']!, G['好']!],
        ['刘洋', G['较好']!, G['一般']!, G['较好']!, G['较好']!],
        ['陈静', G['一般']!, G['较差']!, G['一般']!, G['较好']!],
        ['赵磊', G['较差']!, G['较差']!, G['一般']!, G['较好']!],
        ['孙晓', G['较差']!, G['较差']!, G['较差']!, G['较差']!],
        ['徐涛', probation, G['好']!, G['好']!, G['好']!],
        ['周杰', null, null, G['好']!, G['好']!],
      ],
      4,
    ),
  );

  it('puts each quarter’s grade side by side', () => {
    expect(person(a, '李明').periods).toEqual(['好', '好', '好', '较好']);
    expect(person(a, '徐涛').periods).toEqual([null, '好', '好', '好']);
    expect(person(a, '徐涛').states).toEqual(['ungraded', 'graded', 'graded', 'graded']);
    expect(person(a, '周杰').states).toEqual(['absent', 'absent', 'graded', 'graded']);
  });

  it('gives the best annual grade each person’s quarters allow', () => {
    expect(a.people.map((p) => [p.name, p.maxGrade, p.decided])).toEqual([
      ['王建国', '优秀', null], // 好 × 4, and first in line
      ['李明', '优秀', null], // 好 3 of 4 > half, no 一般/较差
      ['张丽', '称职', null], // 好 2 of 4: not more than half
      ['刘洋', '称职', null], // a 一般
      ['陈静', '基本称职', null], // 一般/较差 3 of 4 > half
      ['赵磊', '基本称职', null],
      ['孙晓', '不称职', '不称职'], // 较差 every quarter: decided
      ['徐涛', '优秀', null], // 好 3 of 4 (Q1 on probation counts as no grade)
      ['周杰', '称职', null], // 好 2 of 4 (joined in Q3)
    ]);
    expect(person(a, '王建国').priority).toBe(true);
    expect(person(a, '徐涛').priority).toBe(false);
  });

  it('flags 诫勉 after 较差 in two quarters in a row, and only then', () => {
    const flagged = a.people.filter((p) => p.rules.includes('jiaocha-in-a-row')).map((p) => p.name);
    expect(flagged).toEqual(['赵磊', '孙晓']); // 陈静's 较差 is alone
    expect(person(a, '赵磊').flags.map((f) => noteText(f, 'zh'))).toContain('连续 2 个季度以上较差等次，应进行诫勉');
  });

  it('reports a person missing from quarters, and a quarter without a grade', () => {
    expect(a.issues.map((i) => [i.rule, i.sheet, i.cell, i.data])).toEqual([
      [
        'annual-ungraded-period',
        '第一季度',
        'A9',
        { rule: 'annual-ungraded-period', name: '徐涛', periods: [{ index: 1, reason: '试用期' }], unit: 'quarter' },
      ],
      ['annual-missing-period', '第三季度', 'A10', { rule: 'annual-missing-period', name: '周杰', periods: [1, 2], unit: 'quarter' }],
    ]);
    expect(a.issues.map((i) => words(i, 'zh').message)).toEqual([
      '徐涛在第一季度（试用期）未确定等次',
      '周杰在第一季度、第二季度的考核表中没有找到',
    ]);
    expect(a.issues.map((i) => words(i, 'en').message)).toEqual([
      '徐涛 has no grade in Q1 (试用期)',
      '周杰 is not on the sheet(s) for Q1, Q2',
    ]);
  });

  it('checks proposed annual grades against what the rules allow, and the 20% annual quota', () => {
    const s = preset('gwy-2020')!;
    const sheets = quarters(
      header,
      [
        ['张丽', G['好']!, G['较好']!, G['较好']!, G['好']!],
        ...['甲', '乙', '丙', '丁', '戊', '己'].map(
          (n) => [n, G['好']!, G['好']!, G['好']!, G['好']!] as [string, CellValue[], CellValue[], CellValue[], CellValue[]],
        ),
      ],
      4,
    );
    const annual = gridOf(
      [
        ['姓名', '年度考核等次'],
        ['张丽', '优秀'],
        ['甲', '优秀'],
        ['乙', '优秀'],
        ['丙', '称职'],
        ['丁', '称职'],
        ['戊', '称职'],
        ['己', '称职'],
      ],
      [],
      '年度考核',
    );
    const r = rollUp(
      s,
      sheets.map((x) => ({ ...x, results: checkGrid(x.grid, s)! })),
      readAnnualSheet(annual, s),
    );
    const notAllowed = r.issues.filter((i) => i.rule === 'annual-grade-not-allowed');
    expect(notAllowed.map((i) => [i.sheet, i.cell, i.severity])).toEqual([['年度考核', 'B2', 'error']]);
    // 7 people × 20% = 1.4 → 1; 3 proposed 优秀.
    expect(r.quotas.map((q) => [q.grades, q.count, q.base, q.limit, q.severity])).toEqual([[['优秀'], 3, 7, 1, 'warning']]);
  });
});

describe('gwy-2020 with quarters the workbook does not hold: only what they cannot change', () => {
  const header = ['姓名', '德', '能', '勤', '绩', '廉', '备注'];
  const G: Record<string, CellValue[]> = {
    好: [18.5, 18.5, 14, 32.5, 9.5, null],
    较好: [16.5, 16.5, 12.5, 28.5, 8, null],
    一般: [13.5, 13.5, 10, 24, 7, null],
    较差: [11, 11, 8, 19.5, 5.5, null],
  };
  const year = quarters(
    header,
    [
      ['甲', G['好']!, G['好']!, G['好']!, G['好']!],
      ['乙', G['较好']!, G['较差']!, G['好']!, G['较差']!],
      ['丙', G['一般']!, G['好']!, G['好']!, G['好']!],
      ['丁', G['较差']!, G['较差']!, G['较差']!, G['较差']!],
    ],
    4,
  );
  const held = (...qs: number[]) =>
    roll(
      'gwy-2020',
      year.filter((q) => qs.includes(q.index)),
    );
  const lines = (a: AnnualResults) => a.people.map((p) => [p.name, p.maxGrade, p.decided, p.priority, p.rules]);

  it('from one quarter, decides nothing that takes the whole year: no 优先, no 不称职, no “more than half”', () => {
    expect(lines(held(1))).toEqual([
      ['甲', '优秀', null, false, []], // 好 in Q1: 全年均为好 is not known yet
      ['乙', '优秀', null, false, []], // 较好 in Q1: 好 in the three others would still be more than half
      ['丙', '称职', null, false, ['has-yiban']], // a 一般 bars 优秀 whatever comes
      ['丁', '称职', null, false, ['has-yiban']], // 较差 in Q1 is not 较差 all year, nor two in a row
    ]);
  });

  it('from three quarters, settles what the fourth cannot change, with the missing quarter in its place', () => {
    // Q3 missing: 乙's 较差 in Q2 and Q4 are not two in a row unless Q3 was 较差 too.
    expect(lines(held(1, 2, 4))).toEqual([
      ['甲', '优秀', null, false, []], // 好 × 3 of 4 > half, but all four is not known
      ['乙', '称职', null, false, ['hao-not-over-half', 'has-yiban']], // 较差 × 2 of 4 is not more than half, and Q3 is unknown
      ['丙', '称职', null, false, ['has-yiban']],
      // Q1–Q2 in a row, three of four; 较差 all four is not known.
      ['丁', '基本称职', null, false, ['hao-not-over-half', 'has-yiban', 'yiban-over-half', 'jiaocha-in-a-row']],
    ]);
  });

  it('with all four quarters, decides as the rules say', () => {
    expect(lines(held(1, 2, 3, 4)).map((l) => l.slice(0, 4))).toEqual([
      ['甲', '优秀', null, true],
      ['乙', '称职', null, false],
      ['丙', '称职', null, false],
      ['丁', '不称职', '不称职', false],
    ]);
  });

  it('says first what is missing and that the year cannot be decided from the quarters held', () => {
    const missing = held(1).issues.find((i) => i.rule === 'annual-missing-period' && i.cell === null)!;
    expect(words(missing, 'zh').message).toBe('工作簿中没有第二季度、第三季度、第四季度的考核表，全年结果不能只凭第一季度确定');
    expect(words(missing, 'en').message).toBe('The workbook has no sheet for Q2, Q3, Q4: the year cannot be decided from Q1 alone');
  });
});

describe('hebei-abcd: A/B/C/D count 90/80/70/60', () => {
  const a = roll(
    'hebei-abcd',
    quarters(
      ['姓名', '等次', '备注'],
      [
        ['王芳', ['A', null], ['A', null], ['B', null], ['C', null]], // (90+90+80+70)/4 = 82.5; a C → no 优秀
        ['李强', ['A', null], ['A', null], ['A', null], ['B', null]], // 87.5 ≥ 85 → 优秀 allowed
        ['张伟', ['A', null], ['B', null], ['B', null], ['B', null]], // 82.5 < 85 → no 优秀
        ['刘敏', ['D', null], ['C', null], ['D', null], ['B', null]], // 67.5; two D → at most 基本称职, flagged
        ['陈刚', ['B', null], ['A', null], ['B', '立案审查'], ['A', null]], // Q3 no grade: mean of three = 86.67
      ],
      4,
    ),
  );

  it('takes the mean of the grade values as the period score, and 60% of it into the annual total', () => {
    expect(a.people.map((p) => [p.name, p.score, p.scorePart])).toEqual([
      ['王芳', 82.5, 49.5],
      ['李强', 87.5, 52.5],
      ['张伟', 82.5, 49.5],
      ['刘敏', 67.5, 40.5],
      ['陈刚', 86.67, 52],
    ]);
  });

  it('allows 优秀 only from 85, never after a C or D, and at most 基本称职 after two D', () => {
    expect(a.people.map((p) => [p.name, p.maxGrade])).toEqual([
      ['王芳', '称职'],
      ['李强', '优秀'],
      ['张伟', '称职'],
      ['刘敏', '基本称职'],
      ['陈刚', '优秀'],
    ]);
    expect(person(a, '王芳').flags.map((f) => noteText(f, 'zh'))).toEqual([
      '平时考核成绩不到 85 分，年度考核不能确定为优秀',
      '一次C或D档次，年度不得评为优秀',
    ]);
    expect(person(a, '刘敏').rules).toEqual(['score-below-85', 'one-c-or-d', 'two-d', 'any-d']);
  });
});

describe('xinjiang-2015: 年度考核优秀率 = 平时优秀率 × 40% + 测评优秀率 × 60%', () => {
  const sheets = quarters(
    ['姓名', '等次'],
    [
      ['古丽', ['优秀'], ['优秀'], ['称职']],
      ['买买提', ['优秀'], ['基本称职'], ['称职']],
      ['阿依', ['称职'], ['基本称职'], ['基本称职']],
      ['热合曼', ['优秀'], ['不称职'], ['优秀']],
    ],
    3,
  );
  const votes = gridOf(
    [
      ['姓名', '优秀票数', '参加测评人数'],
      ['古丽', 30, 40],
      ['买买提', 20, 40],
      ['阿依', 4, 40],
    ],
    [],
    '年终测评',
  );
  const a = roll('xinjiang-2015', sheets, votes);

  it('computes the three rates from the quarters and the votes', () => {
    // 古丽: 2/3 × 0.4 + 30/40 × 0.6 = 0.2667 + 0.45 = 0.7167
    expect(person(a, '古丽').rates).toEqual({ period: 0.6667, vote: 0.75, annual: 0.7167 });
    // 买买提: 1/3 × 0.4 + 0.5 × 0.6 = 0.1333 + 0.3 = 0.4333
    expect(person(a, '买买提').rates).toEqual({ period: 0.3333, vote: 0.5, annual: 0.4333 });
    // 热合曼 is not on the vote sheet: no vote rate, no annual rate — not a guess of 0.
    expect(person(a, '热合曼').rates).toEqual({ period: 0.6667, vote: null, annual: null });
  });

  it('bars 优秀 after one 基本称职, and 称职 after two or after one 不称职', () => {
    expect(a.people.map((p) => [p.name, p.maxGrade])).toEqual([
      ['古丽', '优秀'],
      ['买买提', '称职'],
      ['阿依', '基本称职'],
      ['热合曼', '基本称职'],
    ]);
  });
});

describe('xicheng-sifa: 50% 平时 + 50% 年度量化, raters weighted by role', () => {
  const sheets = quarters(
    ['姓名', '平时考核得分'],
    [
      ['周明', [92], [88], [95]], // mean 91.67
      ['吴芳', [80], [85], [75]], // mean 80
    ],
    3,
  );
  const raters = gridOf(
    [
      ['姓名', '职务', '上级主管领导', '同级有关人员', '主管下级', '所在内设机构其他有关人员'],
      ['周明', '科长', 90, 80, 70, null], // 科级领导: 0.4 × 90 + 0.3 × 80 + 0.3 × 70 = 81
      ['吴芳', '科员', 85, null, null, 95], // others: 0.6 × 85 + 0.4 × 95 = 89
    ],
    [],
    '年度量化',
  );
  const a = roll('xicheng-sifa', sheets, raters);

  it('weighs the raters by the 职务, then adds half of each part', () => {
    expect(a.people.map((p) => [p.name, p.score, p.scorePart, p.parts['lianghua'], p.annualTotal])).toEqual([
      ['周明', 91.67, 45.84, 81, 86.34], // 45.835 → 45.84 (2 decimals); 45.84 + 40.5
      ['吴芳', 80, 40, 89, 84.5],
    ]);
  });
});

describe('ju-5items: 平时 is 60% of the annual score', () => {
  it('takes the mean of the quarterly totals', () => {
    const row = (t: number[]): CellValue[] => t;
    const a = roll(
      'ju-5items',
      quarters(
        ['姓名', '目标任务完成情况', '工作进度效率情况', '工作质量情况', '出勤、参会考核情况', '遵守廉洁自律情况'],
        [['马丽', row([28, 18, 18, 9, 19]), row([26, 16, 17, 8, 18]), row([27, 17, 18, 9, 19]), row([25, 15, 16, 8, 17])]],
        4,
      ),
    );
    // totals 92, 85, 90, 81 → mean 87, × 0.6 = 52.2
    expect([person(a, '马丽').score, person(a, '马丽').scorePart]).toEqual([87, 52.2]);
  });
});

describe('the summary forms', () => {
  const header = ['姓名', '科室', '德', '能', '勤', '绩', '廉', '备注'];
  const s = preset('gwy-2020')!;
  const q1 = checkGrid(
    gridOf([
      header,
      ['甲', '办公室', 18.5, 18.5, 14, 32.5, 9.5, null],
      ['乙', '办公室', 16.5, 16.5, 12.5, 28.5, 8, null],
      ['丙', '财务科', 13.5, 13.5, 10, 24, 7, null],
      ['丁', '财务科', 16.5, 16.5, 12.5, 28.5, 8, '试用期'],
      ['戊', '财务科', 16.5, 16.5, 12.5, 28.5, 8, '派驻村第一书记'],
      ['己', '财务科', 16.5, 16.5, 12.5, 28.5, 8, '已调出'],
    ]),
    s,
  )!;

  it('counts the quarter as the 汇总表 asks: 应参加, 实际参加, the top grade’s share and names', () => {
    const f = quarterlyForm(s, [{ label: '第一季度', results: q1 }]);
    expect(f.rows).toEqual([['第一季度', 5, 3, 1, 0.333, '甲', '戊', '丙', '丁（试用期）', '己']]);
    expect(f.chart!.series).toEqual([{ name: '第一季度', values: [1, 1, 1, 0] }]);
  });

  it('lists each person’s quarters and what the rules allow in the 登记汇总表', () => {
    const a = rollUp(s, [{ sheet: '第一季度', index: 1, results: q1 }], null);
    const f = annualForm(a);
    expect(f.headers).toEqual(['序号', '姓名', '单位', '第一季度等次', '可评最高等次', '拟定年度等次', '提示']);
    expect(f.rows.map((r) => r.slice(1, 5))).toEqual([
      ['甲', '办公室', '好', '优秀'],
      // One quarter of four: only what it settles whatever the others hold — 较好 may still be 好 × 3 after, a 一般 bars 优秀.
      ['乙', '办公室', '较好', '优秀'],
      ['丙', '财务科', '一般', '称职'],
      ['丁', '财务科', '不定等次（试用期）', '另行确定'],
      ['戊', '财务科', '在外考核', '另行确定'],
      ['己', '财务科', '不参加', '另行确定'],
    ]);
  });
});

describe('a year of quarter sheets printed in two blocks side by side', () => {
  // Each quarter a tally in two blocks (姓名, 科室, 等次 | 姓名, 科室, 等次), as test/helpers/layout-sheets.ts
  // builds them: two people share each row, so a person is their row and their block.
  const sheet = (q: number, right: [string, string][]): Grid =>
    gridOf(
      [
        ['姓名', '科室', '等次', null, '姓名', '科室', '等次'],
        ['甲', '办公室', '好', null, ...(right[0] ? [right[0][0], '综合科', right[0][1]] : [null, null, null])],
        ['乙', '办公室', '较好', null, ...(right[1] ? [right[1][0], '综合科', right[1][1]] : [null, null, null])],
      ],
      [],
      `第${'一二三四'[q - 1]}季度`,
    );

  it('names a right-block person missing from a quarter at their own name cell', () => {
    const s = preset('gwy-2020')!;
    const q1 = checkGrid(
      sheet(1, [
        ['丙', '较好'],
        ['丁', '好'],
      ]),
      s,
    )!;
    const q2 = checkGrid(sheet(2, [['丙', '较好']]), s)!;
    expect(q1.people.map((p) => [p.name, p.shift])).toEqual([
      ['甲', 0],
      ['乙', 0],
      ['丙', 4],
      ['丁', 4],
    ]);
    const year = rollUp(
      s,
      [
        { sheet: '第一季度', index: 1, results: q1 },
        { sheet: '第二季度', index: 2, results: q2 },
      ],
      null,
    );
    const missing = year.issues.filter(
      (i) => i.rule === 'annual-missing-period' && i.data.rule === 'annual-missing-period' && i.data.name === '丁',
    );
    expect(missing.map((i) => [i.sheet, i.cell])).toEqual([['第一季度', 'E3']]);
  });
});
