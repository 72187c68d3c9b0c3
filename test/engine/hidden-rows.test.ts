/**
 * Rows hidden by hand or by a filter (issue #20, point 8): the check names each person on one (hidden-row, at the
 * row's first cell) and still scores, ranks and counts them in the quotas; the plan writes none of their cells and
 * lists the rows it leaves (Plan.hiddenRows); a check after writing finds nothing kaohe made.
 */
import { applyToGrid, buildPlan, buildSheetPlan, checkGrid, checkSheet, type Grid } from '../../src/engine';
import { words } from '../../src/engine/report/messages';
import { preset } from '../../src/schemes';
import { gridOf, gwySheet } from '../helpers/sheets';

const gwy = preset('gwy-2020')!;

/** Ten people of one office, 84 to 93 points (four 好, within its 40 %): without 合计 and 等次 filled in. */
function office(): { grid: Grid; rows: number[] } {
  const people = Array.from({ length: 10 }, (_, i) => ({ name: `人员${i + 1}`, unit: '办公室', base: 93 - i }));
  return gwySheet(people);
}

const hiding = (grid: Grid, rows: number[]): Grid => ({ ...grid, hiddenRows: rows });
const errors = (g: Grid) => checkGrid(g, gwy)!.issues.filter((i) => i.severity === 'error');

describe('people on hidden or filtered-out rows', () => {
  const { grid, rows } = office();
  // 人员1 (93, the best) and 人员4 (90, the last 好) filtered out.
  const hidden = hiding(grid, [rows[0]!, rows[3]!]);
  const seen = checkGrid(grid, gwy)!;
  const r = checkGrid(hidden, gwy)!;

  it('are each named in one warning at the row’s first cell, saying kaohe checks them but will not write there', () => {
    const warned = r.issues.filter((i) => i.rule === 'hidden-row');
    expect(warned.map((i) => [i.severity, i.cell, i.row, i.data])).toEqual([
      ['warning', `A${rows[0]}`, rows[0], { rule: 'hidden-row', name: '人员1', unit: '办公室' }],
      ['warning', `A${rows[3]}`, rows[3], { rule: 'hidden-row', name: '人员4', unit: '办公室' }],
    ]);
    expect(words(warned[0]!, 'zh')).toEqual({
      message: '人员1（办公室）所在的行被隐藏或被筛选掉：照常检查，计入名额和排名，但考核助手不会写入这一行',
      fix: '请取消筛选或取消隐藏这一行，然后重新检查，再写入总分和等次',
    });
    expect(words(warned[0]!, 'en').message).toBe(
      'The row of 人员1 (办公室) is hidden or filtered out: it is checked and counted in the quotas and places, but kaohe does not write into it',
    );
    // Nothing else changes: the same issues otherwise, none on a row shown.
    expect(r.issues.filter((i) => i.rule !== 'hidden-row')).toEqual(seen.issues);
    expect(seen.issues.some((i) => i.rule === 'hidden-row')).toBe(false);
  });

  it('are still on the roster: scored, graded and counted in the quota like the rows shown', () => {
    expect(r.people.map((p) => [p.name, p.total, p.grade])).toEqual(seen.people.map((p) => [p.name, p.total, p.grade]));
    expect(r.people[0]).toMatchObject({ name: '人员1', total: 93, grade: '好' });
    // 好 (≥ 90: 人员1–4) is counted over all ten, the two hidden among them.
    expect(r.quotas.map((q) => [q.grades, q.count, q.base, q.limit])).toEqual(seen.quotas.map((q) => [q.grades, q.count, q.base, q.limit]));
    expect(r.quotas[0]).toMatchObject({ count: 4, base: 10, limit: 4 });
  });

  it('get no write: the plan writes the rows shown and lists the hidden ones', () => {
    const all = buildPlan(seen, grid, { formulas: false });
    const plan = buildPlan(r, hidden, { formulas: false });
    expect(plan.hiddenRows).toEqual([rows[0], rows[3]]);
    expect(plan.writes).toEqual(all.writes.filter((w) => w.row !== rows[0] && w.row !== rows[3]));
    expect(plan.writes.map((w) => w.row)).toContain(rows[1]);
    expect(all.hiddenRows).toEqual([]);
    // Formulas too; a sheet of several periods merges its periods' lists.
    expect(buildPlan(r, hidden, { formulas: true }).hiddenRows).toEqual([rows[0], rows[3]]);
    expect(buildSheetPlan(checkSheet(hidden, gwy)!, hidden, { formulas: false }).hiddenRows).toEqual([rows[0], rows[3]]);
  });

  it('leave a sheet that checks clean after writing: the hidden rows’ missing totals are the warning, nothing else', () => {
    for (const formulas of [false, true]) {
      const after = applyToGrid(hidden, buildPlan(r, hidden, { formulas }));
      expect(errors(after)).toEqual([]);
      const again = checkGrid(after, gwy)!;
      expect(again.issues.map((i) => [i.rule, i.cell])).toEqual([
        ['hidden-row', `A${rows[0]}`],
        ['hidden-row', `A${rows[3]}`],
      ]);
      // And a plan again writes nothing more: the hidden rows stay listed.
      const next = buildPlan(again, after, { formulas });
      expect([next.writes, next.hiddenRows]).toEqual([[], [rows[0], rows[3]]]);
    }
  });

  it('a row hidden whose cells are already right is no row left out', () => {
    const { grid: done } = gwySheet([
      { name: '甲', base: 95, total: 95, grade: '好' },
      { name: '乙', base: 80 },
    ]);
    const row = gwySheet([{ name: '甲', base: 95 }]).rows[0]!;
    const g = hiding(done, [row]);
    const plan = buildPlan(checkGrid(g, gwy)!, g, { formulas: false });
    expect(plan.hiddenRows).toEqual([]);
    expect(plan.writes.map((w) => w.row)).toEqual([row + 1, row + 1]);
  });

  it('a hidden header row gets no new column: its rows are listed, nothing written', () => {
    const g: Grid = {
      ...gridOf([
        ['姓名', '德', '能', '勤', '绩', '廉'],
        ['张三', 18, 18, 14, 30, 9],
        ['李四', 16, 15, 12, 28, 8],
      ]),
      hiddenRows: [1],
    };
    const plan = buildPlan(checkGrid(g, gwy)!, g, { formulas: false });
    expect([plan.newColumns, plan.writes, plan.hiddenRows]).toEqual([[], [], [1]]);
  });
});

describe('places when a ranked row is hidden (qu-zuzhi-2014)', () => {
  const s = preset('qu-zuzhi-2014')!;
  const grid: Grid = {
    ...gridOf(
      [
        ['2014年度组织工作考核汇总表'],
        ['序号', '单位名称', '类别', '责任目标得分', '业绩加分', '一般过错扣分', '公认度评价得分', '总分', '排名', '过错情况'],
        [1, '东城街道', '街道', 92, 20, 0, 8, 120, 2, null],
        [2, '西城街道', '街道', 88, 30, 2, 9, 125, 2, null],
        [3, '南湖街道', '街道', 95, 50, 0, 7, 152, 1, null],
      ],
      [],
      '年度汇总',
    ),
    hiddenRows: [5],
  };

  it('counts the hidden unit in the places, and writes places as values, since COUNTIFS would read its row unwritten', () => {
    const r = checkGrid(grid, s)!;
    expect(r.people.map((p) => [p.name, p.rank?.place])).toEqual([
      ['东城街道', 3],
      ['西城街道', 2],
      ['南湖街道', 1],
    ]);
    const plan = buildPlan(r, grid, { formulas: true });
    const ranks = plan.writes.filter((w) => w.kind === 'rank');
    expect(ranks.map((w) => [w.cell, w.after.value, w.after.formula])).toEqual([['I3', 3, null]]);
    // The totals shown become formulas; the hidden one is left.
    expect(plan.writes.filter((w) => w.kind === 'total').map((w) => w.cell)).toEqual(['H3', 'H4']);
    expect(plan.hiddenRows).toEqual([5]);
    expect(r.issues.filter((i) => i.rule === 'hidden-row').map((i) => [i.cell, i.data])).toEqual([
      ['A5', { rule: 'hidden-row', name: '南湖街道', unit: null }],
    ]);
  });
});
