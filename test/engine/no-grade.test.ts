/**
 * 'No grade' in a grade cell (src/engine/grade/no-grade.json): 不定等次（试用期）, 不确定等次, 不参加（调出）,
 * — and an empty cell are valid wherever the engine decides no grade, under any ladder; where the
 * engine derives a grade, the sheet's 不定等次 is a grade-mismatch. What `grade` writes agrees.
 */
import { applyToGrid, buildPlan, checkGrid } from '../../src/engine';
import { preset } from '../../src/schemes';
import { gridOf } from '../helpers/sheets';

const xiang = preset('xiang-2015')!; // 优秀/称职/基本称职/不称职

describe("'no grade' in a grade cell", () => {
  const header = ['姓名', '德', '能', '勤', '业务工作', '联系村和中心工作', '廉', '民主测评得分', '合计', '等次', '备注'];
  const row = (name: string, grade: string | null, remark: string | null) => [name, 18, 18, 14, 30, 30, 9, 90, 89.3, grade, remark];

  it('is valid where the engine decides no grade, with the reason in brackets or in 备注; a mismatch where it derives one', () => {
    const grid = gridOf([
      header,
      row('张三', '不定等次（试用期）', '试用期'),
      row('李四', '不确定等次', '试用期'),
      row('王五', '不参加（调出）', '已调出'),
      row('赵六', '—', '已调出'),
      row('钱七', null, '试用期'),
      row('孙八', '不定等次', null),
      row('周九', '称职', '试用期'),
    ]);
    const r = checkGrid(grid, xiang)!;
    expect(r.people.map((p) => [p.name, p.status])).toEqual([
      ['张三', 'ungraded'],
      ['李四', 'ungraded'],
      ['王五', 'excluded'],
      ['赵六', 'excluded'],
      ['钱七', 'ungraded'],
      ['孙八', 'graded'],
      ['周九', 'ungraded'],
    ]);
    const grades = r.issues.filter((i) => i.rule === 'grade-mismatch' || i.rule === 'unknown-grade');
    // 孙八 is graded (称职 at 89.3) though the sheet says 不定等次; 周九 is on probation though the sheet says 称职.
    expect(grades.map((i) => [i.cell, i.rule, (i.data as { computed: string | null }).computed])).toEqual([
      ['J7', 'grade-mismatch', '称职'],
      ['J8', 'grade-mismatch', null],
    ]);
  });

  it('is what grade writes, and the next check accepts it; a sheet without scores gets no empty 合计 column', () => {
    const grid = gridOf([header, row('张三', null, '试用期'), row('王五', '称职', '已调出'), row('李四', null, null)]);
    const r = checkGrid(grid, xiang)!;
    const plan = buildPlan(r, grid, { formulas: false });
    expect(plan.writes.map((w) => `${w.cell}=${String(w.after.value)}`)).toEqual(['J2=不定等次（试用期）', 'J3=不参加（调出）', 'J4=称职']);
    const again = checkGrid(applyToGrid(grid, plan), xiang)!;
    expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const gradesOnly = gridOf([
      ['姓名', '等次', '备注'],
      ['张三', '优秀', null],
      ['李四', null, '试用期'],
    ]);
    const p = buildPlan(checkGrid(gradesOnly, xiang)!, gradesOnly, { formulas: false });
    expect(p.newColumns).toEqual([]);
  });
});
