/**
 * yining-zhucun (seed 000, 第十五条): 100 points minus deductions per case. Fixed costs are
 * count × points (迟到早退 2, 未办请销假 1, 少报半年报告 3); "视情" costs are taken from the
 * points column and must lie within count × range (工作日志 1–3, 挂职纪律 3–5, 通报批评或处分
 * 5–10, 交办任务 1–3). Every number below is worked out by hand from those rules.
 */
import { checkGrid } from '../../src/engine';
import type { CellValue } from '../../src/engine/grid';
import { buildPlan } from '../../src/engine/plan/plan';
import { words } from '../../src/engine/report/messages';
import { preset } from '../../src/schemes';
import { gridOf } from '../helpers/sheets';

const s = preset('yining-zhucun')!;
const HEADER = [
  '序号',
  '姓名',
  '迟到早退次数',
  '迟到早退扣分',
  '未办请销假次数',
  '工作日志问题次数',
  '工作日志扣分',
  '少报半年报告次数',
  '违反挂职纪律次数',
  '挂职纪律扣分',
  '通报批评或处分次数',
  '通报批评处分扣分',
  '交办任务未完成次数',
  '交办任务扣分',
  '得分',
];

function sheet(rows: CellValue[][]) {
  return gridOf([['驻村干部第一季度日常考核表'], HEADER, ...rows.map((r, i) => [i + 1, ...r])]);
}

describe('yining-zhucun: 100 minus deductions', () => {
  it('takes count × fixed points and the points taken for ranged cases, and checks nothing more on a clean sheet', () => {
    const r = checkGrid(
      sheet([
        // 迟到 2 × 2 = 4; 请销假 1 × 1 = 1; 日志 2 cases, 4 points (2–6); 报告 1 × 3 = 3; → 100 − 12 = 88
        ['王建国', 2, 4, 1, 2, 4, 1, null, null, null, null, null, null, 88],
        // nothing at all: 100
        ['李明', null, null, null, null, null, null, null, null, null, null, null, null, 100],
        // 纪律 1 case at its highest, 5; 处分 1 case at its lowest, 5; 任务 3 cases at 9 (3–9) → 100 − 19 = 81
        ['张丽', 0, 0, 0, 0, 0, 0, 1, 5, 1, 5, 3, 9, 81],
      ]),
      s,
    )!;
    expect(r.scoring).toBe('computed');
    expect(r.people.map((p) => [p.name, p.total, p.grade])).toEqual([
      ['王建国', 88, null],
      ['李明', 100, null],
      ['张丽', 81, null],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('reports points outside count × range at both edges, and a fixed-cost column that is not count × points', () => {
    const r = checkGrid(
      sheet([
        // 日志 2 cases: 6 is the top edge (allowed), 7 is over; 纪律 2 cases: 6 the bottom edge, 5.5 under
        ['王建国', null, null, null, 2, 6, null, 2, 6, null, null, null, null, 88],
        ['李明', null, null, null, 2, 7, null, 2, 5.5, null, null, null, null, 87.5],
        // 迟到 3 cases cost 6, the sheet says 5; 处分 counted 0 times but 5 points taken; the sheet's 89 is right
        ['张丽', 3, 5, null, null, null, null, null, null, 0, 5, null, null, 89],
      ]),
      s,
    )!;
    expect(r.people.map((p) => [p.name, p.total])).toEqual([
      ['王建国', 88],
      ['李明', 87.5],
      ['张丽', 89], // 100 − 6 (3 × 2, computed, not the sheet's 5) − 5
    ]);
    expect(r.issues.map((i) => `${i.cell} ${i.rule}`)).toEqual([
      'G4 deduction-out-of-range',
      'J4 deduction-out-of-range',
      'D5 subtotal-mismatch',
      'L5 deduction-out-of-range',
    ]);
    const [log, discipline, , sanction] = r.issues;
    expect(log!.data).toMatchObject({ count: 2, points: 7, min: 2, max: 6, each: [1, 3] });
    expect(words(log!, 'zh')).toEqual({
      message: '工作日志扣分 7 分，但 2 次每次扣 1–3 分，应在 2–6 分之间',
      fix: '请核对次数和扣分，扣分改为 2–6 分之间',
    });
    expect(discipline!.data).toMatchObject({ count: 2, points: 5.5, min: 6, max: 10 });
    expect(sanction!.data).toMatchObject({ count: 0, points: 5, min: 0, max: 0 });
    expect(words(sanction!, 'zh')).toEqual({ message: '通报批评处分扣分 5 分，但次数为 0', fix: '请填写次数，或删去扣分' });
    expect(words(sanction!, 'en').message).toBe('通报批评处分扣分 is 5, but no cases are counted');
  });

  it('reads negative counts and text as the errors they are', () => {
    const r = checkGrid(sheet([['王建国', -1, null, '两次', null, null, null, null, null, null, null, null, null, 100]]), s)!;
    expect(r.issues.map((i) => `${i.cell} ${i.rule}`)).toEqual(['C3 out-of-range', 'E3 not-a-number']);
  });

  it('writes the score, never a grade', () => {
    const grid = sheet([
      ['王建国', 1, 2, null, null, null, null, null, null, null, null, null, null, null],
      ['李明', null, null, null, null, null, null, null, null, null, null, null, null, 95],
    ]);
    const r = checkGrid(grid, s)!;
    const plan = buildPlan(r, grid, { formulas: false });
    expect(plan.newColumns).toEqual([]);
    expect(plan.writes.map((w) => [w.cell, w.after.value])).toEqual([
      ['O3', 98],
      ['O4', 100],
    ]);
  });
});
