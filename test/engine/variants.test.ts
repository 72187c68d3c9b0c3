/**
 * xiang-jixiao (seed 001): items may go below zero; the money column is 600 yuan less 20 yuan a
 * point lost, never below 0; role-specific rules chosen by 职务; the scheme's own inconsistency
 * (item maxima 90 against a stated 100) reported by the scheme check. Numbers worked by hand.
 */
import { checkGrid, compiled } from '../../src/engine';
import { buildPlan, totalFormula } from '../../src/engine/plan/plan';
import { fieldValue } from '../../src/engine/results';
import { checkScheme } from '../../src/engine/scheme/check';
import { loadScheme } from '../../src/engine/scheme/load';
import { preset, rawPreset } from '../../src/schemes';
import { gridOf } from '../helpers/sheets';
import { noteText } from '../../src/engine/report/messages';

const s = preset('xiang-jixiao')!;
const HEADER = ['序号', '姓名', '职务', '本职工作', '业务分工工作', '重点工作', '其他临时性工作', '合计', '下乡费和考核奖'];

describe('xiang-jixiao: negative items, the money column, rules by role', () => {
  const grid = gridOf([
    HEADER,
    // 90 (the most the items allow) → 600 − 20 × 10 = 400
    [1, '王建国', '党委书记', 40, 10, 30, 10, 90, 400],
    // −2 is allowed; 41 → 600 − 20 × 59 < 0 → 0
    [2, '李明', '农技站站长', -2, 8, 25, 10, 41, 0],
    // 84.5 → 600 − 20 × 15.5 = 290; the sheet's 300 is wrong
    [3, '张丽', '科员', 38, 9, 28, 9.5, 84.5, 300],
    // 41 is over 本职工作's 40
    [4, '刘洋', '科员', 41, 10, 30, 10, 91, 420],
  ]);
  const r = checkGrid(grid, s)!;

  it('adds the items, negative ones too, and computes the money column', () => {
    expect(r.people.map((p) => [p.name, p.total, fieldValue(r, p, 'jine'), p.grade])).toEqual([
      ['王建国', 90, 400, null],
      ['李明', 41, 0, null],
      ['张丽', 84.5, 290, null],
      ['刘洋', 91, 420, null],
    ]);
    // The scheme's own inconsistency comes first, on no cell (see the scheme check below).
    expect(r.issues.map((i) => `${i.cell} ${i.rule}`)).toEqual(['null scheme-gap', 'I4 subtotal-mismatch', 'D5 out-of-range']);
  });

  it('says by which role’s rules each row was scored', () => {
    expect(r.people.map((p) => [p.name, p.variant, p.flags.map((f) => noteText(f, 'zh'))])).toEqual([
      ['王建国', 'kejiganbu', ['按科级干部的规则计分']],
      ['李明', 'zhansuo', ['按站所负责人的规则计分']],
      ['张丽', null, []],
      ['刘洋', null, []],
    ]);
  });

  it('reports its own inconsistency: item maxima add up to 90, not the stated 100', () => {
    expect(checkScheme(compiled(s)).map((i) => [i.rule, i.data])).toEqual([
      ['scheme-gap', { rule: 'scheme-gap', kind: 'max-sum', subject: null, expected: 100, actual: 90 }],
    ]);
  });

  it('uses a role’s own total, in the value and in the formula written', () => {
    const bonus = loadScheme(
      {
        extends: 'xiang-jixiao',
        id: 'xiang-jixiao-bonus',
        name: '科级干部另加 10 分',
        variants: [
          { id: 'keji', label: '科级干部', when: { keywords: ['书记'], in: ['post'] }, total: 'benzhi + yewu + zhongdian + linshi + 10' },
        ],
      },
      rawPreset,
    );
    const rb = checkGrid(grid, bonus)!;
    expect(rb.people.map((p) => p.total)).toEqual([100, 41, 84.5, 91]);
    expect(totalFormula(rb, 2, 'keji')).toBe('=ROUND(D2+E2+F2+G2+10,2)');
    expect(totalFormula(rb, 3, null)).toBe('=ROUND(D3+E3+F3+G3,2)');
    const plan = buildPlan(rb, grid, { formulas: true });
    expect(plan.writes.find((w) => w.cell === 'H2')?.after.formula).toBe('=ROUND(D2+E2+F2+G2+10,2)');
  });
});
