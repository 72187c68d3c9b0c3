/**
 * 'No grade' in a grade cell (src/engine/grade/no-grade.json): 不定等次（试用期）, 不确定等次, 不参加（调出）,
 * — and an empty cell are valid wherever the engine decides no grade, under any ladder. The words of a
 * statement (不确定等次, 不参加考核, 在外考核) are the sheet's own decision: where the engine finds no reason
 * for it, it follows the sheet and warns that 备注 gives none; a dash states nothing, and is a
 * grade-mismatch where the engine derives a grade. What `grade` writes agrees.
 */
import { applyToGrid, buildPlan, checkGrid } from '../../src/engine';
import { noteText, words } from '../../src/engine/report/messages';
import { preset } from '../../src/schemes';
import { gridOf } from '../helpers/sheets';

const xiang = preset('xiang-2015')!; // 优秀/称职/基本称职/不称职

describe("'no grade' in a grade cell", () => {
  const header = ['姓名', '德', '能', '勤', '业务工作', '联系村和中心工作', '廉', '民主测评得分', '合计', '等次', '备注'];
  const row = (name: string, grade: string | null, remark: string | null) => [name, 18, 18, 14, 30, 30, 9, 90, 89.3, grade, remark];

  it('is valid where the engine decides no grade, with the reason in brackets or in 备注; a dash is a mismatch where it derives one', () => {
    const grid = gridOf([
      header,
      row('张三', '不定等次（试用期）', '试用期'),
      row('李四', '不确定等次', '试用期'),
      row('王五', '不参加（调出）', '已调出'),
      row('赵六', '—', '已调出'),
      row('钱七', null, '试用期'),
      row('周九', '称职', '试用期'),
      row('冯二', '—', null),
    ]);
    const r = checkGrid(grid, xiang)!;
    expect(r.people.map((p) => [p.name, p.status])).toEqual([
      ['张三', 'ungraded'],
      ['李四', 'ungraded'],
      ['王五', 'excluded'],
      ['赵六', 'excluded'],
      ['钱七', 'ungraded'],
      ['周九', 'ungraded'],
      ['冯二', 'graded'],
    ]);
    // 周九 is on probation though the sheet says 称职; 冯二's dash states nothing, and 89.3 is 称职.
    expect(r.issues.map((i) => [i.cell, i.rule, (i.data as { computed: string | null }).computed])).toEqual([
      ['J7', 'grade-mismatch', null],
      ['J8', 'grade-mismatch', '称职'],
    ]);
  });

  it("is the sheet's own statement: followed, out of the quota base, agreeing with the engine's reason or warned about when there is none", () => {
    // Issue #16: 不确定等次 in the grade cell got grade-mismatch (称职 computed) and, with no scores, missing-value besides.
    const blank = ['陈三', null, null, null, null, null, null, null, null];
    const grid = gridOf([
      header,
      row('张三', '优秀', null),
      row('孙八', '不定等次', null),
      row('吴十', '不确定等次（立案调查）', null),
      row('郑一', '不参加考核', null),
      row('褚二', '在外考核', null),
      [...blank, '未定等次', null],
      row('卫四', '暂不定等次', '受党内警告处分，处分期间'),
      row('蒋五', '不确定等次（家中有事）', null),
    ]);
    const r = checkGrid(grid, xiang)!;
    expect(r.people.map((p) => [p.name, p.status, p.elsewhere, p.reasonLabel, p.reason && noteText(p.reason, 'zh')])).toEqual([
      ['张三', 'graded', false, null, null],
      ['孙八', 'ungraded', false, null, '表中写明“不定等次”'],
      ['吴十', 'ungraded', false, '立案调查', '涉嫌违法违纪被立案调查尚未结案，参加考核，不确定等次'],
      ['郑一', 'excluded', false, null, '表中写明“不参加考核”'],
      ['褚二', 'excluded', true, null, '表中写明“在外考核”'],
      ['陈三', 'ungraded', false, null, '表中写明“未定等次”'],
      ['卫四', 'ungraded', false, '处分期间', '受党纪政务处分期间，参加考核，不确定等次'],
      ['蒋五', 'ungraded', false, '家中有事', '表中写明“不确定等次（家中有事）”'],
    ]);
    // 张三's 优秀 is not what 89.3 gives (称职): an error; the statements without a reason are warnings, never errors.
    expect(r.issues.map((i) => [i.cell, i.rule, i.severity])).toEqual([
      ['J2', 'grade-mismatch', 'error'],
      ['J3', 'no-grade-unexplained', 'warning'],
      ['J5', 'no-grade-unexplained', 'warning'],
      ['J6', 'no-grade-unexplained', 'warning'],
      ['J7', 'no-grade-unexplained', 'warning'],
      ['J9', 'no-grade-unexplained', 'warning'],
    ]);
    const [ungraded, excluded, elsewhere] = ['J3', 'J5', 'J6'].map((c) =>
      words(
        r.issues.find((i) => i.cell === c)!,
        'zh',
      ),
    );
    expect(ungraded!.message).toBe('表中写明“不定等次”，但备注未写原因');
    expect(ungraded!.fix).toBe(
      '已按表中所写不确定等次，不计入名额基数；请在备注中写明原因（如试用期、立案调查、处分期间、病事假超半），应定等次的请填写等次',
    );
    expect(excluded!.message).toBe('表中写明“不参加考核”，但备注未写不参加考核的原因');
    expect(elsewhere!.message).toBe('表中写明“在外考核”，但备注未写在哪里考核');
    // A reason in brackets the scheme does not list is named as such.
    expect(
      words(
        r.issues.find((i) => i.cell === 'J9')!,
        'zh',
      ).message,
    ).toBe('表中写明“不确定等次（家中有事）”，但“家中有事”不是方案所列的原因');
    expect(words(r.issues[1]!, 'en').message).toBe('The sheet says "不定等次", but the remarks do not say why');
    // Only 张三 is graded: the base of 优秀 ≤ 40% is one person.
    expect(r.quotas.map((q) => q.base)).toEqual([1, 1]);

    // What grade writes leaves the sheet's words alone, and the next check finds no error.
    const plan = buildPlan(r, grid, { formulas: false });
    expect(plan.writes.filter((w) => w.kind === 'grade').map((w) => `${w.cell}=${String(w.after.value)}`)).toEqual(['J2=称职']);
    const again = checkGrid(applyToGrid(grid, plan), xiang)!;
    expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('grades-only sheets too: hebei-abcd 不确定档次 is out of the base of A (篇三)', () => {
    const hebei = preset('hebei-abcd')!;
    const grid = gridOf([
      ['姓名', '档次', '备注'],
      ['甲', 'A', null],
      ['乙', 'B', null],
      ['丙', 'B', null],
      ['丁', 'B', null],
      ['戊', '不确定档次', null],
      ['己', '暂不定档次（立案调查）', null],
    ]);
    const r = checkGrid(grid, hebei)!;
    expect(r.people.map((p) => p.status)).toEqual(['graded', 'graded', 'graded', 'graded', 'ungraded', 'ungraded']);
    expect(r.issues.map((i) => [i.cell, i.rule])).toEqual([['B6', 'no-grade-unexplained']]);
    expect(r.quotas.map((q) => [q.count, q.base])).toEqual([
      [1, 4],
      [1, 4],
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
