/**
 * qu-zuzhi-2014 (seed 003): organisations as subjects. 基层组织建设 items scored by their
 * deduction rules (never below 0), the capped bonus for extra new organisations (1 each, at
 * most 3), achievements at most 50 with one content counted once (the highest), faults, the
 * veto that bars a unit from 先进, and ranking high to low within 街道 and 区直单位 apart.
 * Every number is worked out by hand from the 评分细则.
 */
import { checkGrid } from '../../src/engine';
import type { CellValue } from '../../src/engine/grid';
import { buildPlan } from '../../src/engine/plan/plan';
import { noteText, words } from '../../src/engine/report/messages';
import { fieldValue } from '../../src/engine/results';
import { preset } from '../../src/schemes';
import { gridOf } from '../helpers/sheets';

const s = preset('qu-zuzhi-2014')!;

const SUMMARY = ['序号', '单位名称', '类别', '责任目标得分', '业绩加分', '一般过错扣分', '公认度评价得分', '总分', '排名', '过错情况'];

function summary(rows: CellValue[][]) {
  return gridOf([['2014年度组织工作考核汇总表'], SUMMARY, ...rows.map((r, i) => [i + 1, ...r])], [], '年度汇总');
}

describe('qu-zuzhi-2014: the year summary, ranked per category', () => {
  const grid = summary([
    ['东城街道', '街道', 92, 20, 0, 8, 120, 2, null], // 92 + 20 − 0 + 8 = 120; written 2nd, is 3rd
    ['西城街道', '街道', 88, 30, 2, 9, 125, 2, '一般过错1起'], // 88 + 30 − 2 + 9 = 125
    ['南湖街道', '街道', 95, 55, 0, 7, 152, 1, null], // 业绩 55 counts 50: 95 + 50 + 7 = 152
    ['北山街道', '街道', 80, 10, 1, 6, 95, 4, '否决性过错：发生重大责任事故'], // 95, vetoed
    ['区财政局党组', '区直单位', 90, 20, 0, 8, 118, 1, null], // 118
    ['区教育局党委', '区直单位', 85, 25, 0, 8, 118, 1, null], // 118: shares 1st place
    ['区卫健委党组', '区直单位', 91, 10, 0, 7, 108, 3, '无否决性过错'], // 108: 3rd, after a tie
  ]);
  const r = checkGrid(grid, s)!;

  it('computes the total from the four parts, counting the achievement bonus at most 50', () => {
    expect(r.people.map((p) => [p.name, p.total])).toEqual([
      ['东城街道', 120],
      ['西城街道', 125],
      ['南湖街道', 152],
      ['北山街道', 95],
      ['区财政局党组', 118],
      ['区教育局党委', 118],
      ['区卫健委党组', 108],
    ]);
    const over = r.issues.filter((i) => i.rule === 'out-of-range');
    expect(over.map((i) => [i.cell, i.data])).toEqual([['E5', expect.objectContaining({ value: 55, max: 50, cap: true })]]);
    expect(words(over[0]!, 'zh').message).toBe('业绩加分 55 超过上限 50 分，计入总分时按 50 分计算');
  });

  it('ranks 街道 and 区直单位 apart, ties sharing a place, and marks the vetoed unit', () => {
    expect(r.people.map((p) => [p.name, p.rank])).toEqual([
      ['东城街道', { group: '街道', place: 3, of: 4, barred: false }],
      ['西城街道', { group: '街道', place: 2, of: 4, barred: false }],
      ['南湖街道', { group: '街道', place: 1, of: 4, barred: false }],
      ['北山街道', { group: '街道', place: 4, of: 4, barred: true }],
      ['区财政局党组', { group: '区直单位', place: 1, of: 3, barred: false }],
      ['区教育局党委', { group: '区直单位', place: 1, of: 3, barred: false }],
      ['区卫健委党组', { group: '区直单位', place: 3, of: 3, barred: false }],
    ]);
    expect(r.people[3]!.flags.map((f) => noteText(f, 'zh'))).toEqual([expect.stringContaining('不得评为组织系统先进')]);
    // 无否决性过错 is not a veto.
    expect(r.people[6]!.flags).toEqual([]);
  });

  it('reports a place in the sheet that differs from the computed one, naming the category', () => {
    const wrong = r.issues.filter((i) => i.rule === 'rank-mismatch');
    expect(wrong.map((i) => i.cell)).toEqual(['I3']);
    expect(words(wrong[0]!, 'zh').message).toBe('东城街道表中排名 2，按街道内总分由高到低应为第 3 名');
    // 55 typed as the bonus is over the cap, as a 加分 over its cap is.
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.rule, i.cell])).toEqual([
      ['rank-mismatch', 'I3'],
      ['out-of-range', 'E5'],
    ]);
  });

  it('writes the place into the 排名 column where it is wrong, and as COUNTIFS within the category with --formulas', () => {
    const values = buildPlan(r, grid, { formulas: false });
    expect(values.writes.map((w) => [w.cell, w.kind, w.after.value])).toEqual([['I3', 'rank', 3]]);
    const formulas = buildPlan(r, grid, { formulas: true });
    const rank = formulas.writes.filter((w) => w.kind === 'rank');
    expect(rank).toHaveLength(7);
    expect(rank[0]!.after).toEqual({ value: 3, formula: '=COUNTIFS($C$3:$C$9,C3,$H$3:$H$9,">"&H3)+1', numFmt: null });
  });
});

const DETAIL = [
  '序号',
  '单位',
  '类别',
  '无培训计划',
  '缺培训资料项数',
  '未按时换届村数',
  '后进村未转化',
  '制度落实不到位',
  '未建立行为规范',
  '未开展帮扶',
  '无帮扶记录',
  '少组建家数',
  '多组建家数',
  '未安排十件实事',
  '实事未落实项数',
  '群众路线教育实践活动',
  '村改居社区党建',
  '其余基层组织建设目标',
  '其他组织工作目标',
  '基层组织建设',
  '总分',
];

function detail(rows: CellValue[][], sheet = '1月') {
  return gridOf([['组织工作目标完成情况评分'], DETAIL, ...rows.map((r, i) => [i + 1, ...r])], [], sheet);
}

describe('qu-zuzhi-2014: 基层组织建设 scored by its deduction rules', () => {
  const r = checkGrid(
    detail([
      // 培训 4 − 2 − 3 × 0.5 = 0.5; 换届 4 − 2 = 2; 后进 2; 党员 4 − 1 = 3; 帮扶 3; 覆盖 4, +3 for 5 extra (cap 3);
      // 实事 4 − 3 × 0.2 = 3.4; 路线 4; 村改居 3.5; 其余 7 → 32.4; + 其他 55 → 87.4; + 3 → 90.4
      ['东城街道', '街道', 1, 3, 2, 0, 0, 1, 0, 0, 0, 5, 0, 3, 4, 3.5, 7, 55, 32.4, 90.4],
      // 培训 4 − 2 − 3 = −1 → 0; 换届 4 − 5 → 0; 后进 0; 党员 4 − 2 − 1 = 1; 帮扶 3 − 2 − 1 = 0; 覆盖 4 − 2 = 2;
      // 实事 4 − 2 − 1 = 1; 路线 3; 村改居 4; 其余 6 → 17; + 其他 50 → 67
      ['西城街道', '街道', 1, 6, 5, 1, 1, 1, 1, 1, 2, 0, 1, 5, 3, 4, 6, 50, 17, 67],
      // Nothing taken, 3 extra: the cap exactly → 40 + 60 + 3 = 103
      ['南湖街道', '街道', 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 4, 4, 7, 60, 40, 103],
      // 2 extra, under the cap → 40 + 58 + 2 = 100; the sheet's subtotal 39 is wrong
      ['北山街道', '街道', 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 4, 4, 7, 58, 39, 100],
    ]),
    s,
  )!;

  it('takes each case at its cost, never below 0 per item, and adds the extra organisations up to 3', () => {
    expect(r.people.map((p) => [p.name, fieldValue(r, p, 'jiceng'), fieldValue(r, p, 'fugai_duo'), p.total])).toEqual([
      ['东城街道', 32.4, 3, 90.4],
      ['西城街道', 17, 0, 67],
      ['南湖街道', 40, 3, 103],
      ['北山街道', 40, 2, 100],
    ]);
    expect(r.people.map((p) => ['peixun', 'huanjie', 'dangyuan', 'bangfu', 'shishi'].map((id) => fieldValue(r, p, id)))).toEqual([
      [0.5, 2, 3, 3, 3.4],
      [0, 0, 1, 0, 1],
      [4, 4, 4, 3, 4],
      [4, 4, 4, 3, 4],
    ]);
    expect(r.issues.map((i) => [i.rule, i.cell])).toEqual([['subtotal-mismatch', 'T6']]);
  });

  it('takes a one-off cost once however often it is counted (无培训计划 twice is still 2 points)', () => {
    const twice = checkGrid(detail([['东城街道', '街道', 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 7, 60, null, null]]), s)!;
    expect([fieldValue(twice, twice.people[0]!, 'peixun'), twice.people[0]!.total]).toEqual([2, 98]);
  });

  it('ranks one month within 街道', () => {
    expect(r.people.map((p) => p.rank?.place)).toEqual([3, 4, 1, 2]);
  });
});

const ACHIEVEMENTS = [
  '单位名称',
  '类别',
  '责任目标得分',
  '重大创新项目',
  '创新项目',
  '国家级表彰',
  '省部级表彰',
  '市级表彰',
  '迎检调研',
  '业绩加分',
  '总分',
];

describe('qu-zuzhi-2014: achievements, one content counted once, at most 50 in all', () => {
  const r = checkGrid(
    gridOf(
      [
        ACHIEVEMENTS,
        // 创新 max(20, 10) + 表彰 max(0, 8) + 迎检 5 = 33
        ['东城街道', '街道', 90, 20, 10, 0, null, 8, 5, 33, 123],
        // 10 + max(30, 15) + 20 = 60 → counts 50 (warned, not an error of the sheet)
        ['西城街道', '街道', 90, null, 10, 30, null, 15, 20, 50, 140],
        // 20 + 25 + 5 = 50 exactly: no warning
        ['南湖街道', '街道', 90, 20, null, null, 25, null, 5, 50, 140],
      ],
      [],
      '业绩',
    ),
    s,
  )!;

  it('counts the highest of one content, sums the contents and caps the sum at 50', () => {
    expect(r.people.map((p) => [p.name, fieldValue(r, p, 'yeji'), p.total])).toEqual([
      ['东城街道', 33, 123],
      ['西城街道', 50, 140],
      ['南湖街道', 50, 140],
    ]);
    expect(r.issues.map((i) => [i.rule, i.cell, i.severity, i.data])).toEqual([
      ['out-of-range', 'J3', 'warning', expect.objectContaining({ value: 60, max: 50, cap: true })],
    ]);
    // The rules cut it off: the secretary is told there is nothing to correct.
    expect(words(r.issues[0]!, 'zh').fix).toBe('各项加分之和超过上限，按规定只计 50 分，表中分数无需修改');
  });
});
