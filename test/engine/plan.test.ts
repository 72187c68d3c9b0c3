import { checkGrid } from '../../src/engine';
import type { Grid } from '../../src/engine/grid';
import { applyToGrid, buildPlan, gradeFormula, totalFormula, undoPlan } from '../../src/engine/plan/plan';
import { PRESET_IDS, preset } from '../../src/schemes';
import { pick, seeded } from '../helpers/random';
import { gridOf, schemeSheet } from '../helpers/sheets';

const gwy = preset('gwy-2020')!;
const plan = (grid: Grid, formulas = false, id = 'gwy-2020') => buildPlan(checkGrid(grid, preset(id)!)!, grid, { formulas });
const writes = (p: ReturnType<typeof plan>) => p.writes.map((w) => `${w.cell}=${w.after.formula ?? JSON.stringify(w.after.value)}`);

describe('the write plan', () => {
  it('adds 合计 and 等次 columns at the right when the sheet has none', () => {
    const grid = gridOf([
      ['姓名', '德', '能', '勤', '绩', '廉', '备注'],
      ['张三', 18, 18, 14, 30, 9, null],
      ['李四', 16, 15, 12, 28, 8, '试用期'],
    ]);
    const p = plan(grid);
    expect(p.newColumns).toEqual([
      { col: 8, kind: 'total', header: '合计' },
      { col: 9, kind: 'grade', header: '等次' },
    ]);
    expect(writes(p)).toEqual(['H1="合计"', 'I1="等次"', 'H2=89', 'I2="较好"', 'H3=79', 'I3="不定等次（试用期）"']);
  });

  it('writes live formulas over the row’s own cells, with capped bonus and penalty', () => {
    const grid = gridOf([
      ['姓名', '德', '能', '勤', '绩', '廉', '加分', '减分', '合计', '等次'],
      ['张三', 18, 18, 14, 30, 9, 6, -2, null, null],
    ]);
    expect(writes(plan(grid, true))).toEqual([
      'I2==ROUND(B2+C2+D2+E2+F2+MIN(N(G2),5)-MIN(ABS(N(H2)),5),2)',
      'J2==IF(I2>=90,"好",IF(AND(I2>=75,I2<90),"较好",IF(AND(I2>=60,I2<75),"一般",IF(I2<60,"较差",""))))',
    ]);
    expect(plan(grid, true).writes.map((w) => w.after.value)).toEqual([92, '好']);
  });

  it('sums the items of a dimension over their range, and weighs parts (xiang-2015)', () => {
    const s = preset('xiang-2015')!;
    const { grid } = schemeSheet(s, [{ name: '张三', total: 80 }]);
    const total = plan(grid, true, 'xiang-2015').writes.find((w) => w.kind === 'total')!;
    expect(total.after.formula).toBe('=ROUND(0.7*(E2+F2+G2+(0.7*I2+0.3*J2)+H2)+0.3*K2,2)');
  });

  it('leaves cells that are already right, and a formula of the sheet’s own that gives the right total', () => {
    const grid: Grid = {
      ...gridOf([
        ['姓名', '德', '能', '勤', '绩', '廉', '合计', '等次'],
        ['张三', 18, 18, 14, 30, 9, 89, '较好'],
        ['李四', 18, 18, 14, 30, 9, 89, null],
      ]),
      formulas: [[], [], [null, null, null, null, null, null, '=SUM(B3:F3)', null]],
    };
    expect(writes(plan(grid))).toEqual(['H3="较好"']);
    expect(writes(plan(grid, true)).map((w) => w.split('=')[0])).toEqual(['G2', 'H2', 'H3']);
  });

  it('lists the cells it overwrites, and skips people whose scores have errors', () => {
    const grid = gridOf([
      ['姓名', '德', '能', '勤', '绩', '廉', '合计', '等次'],
      ['张三', 18, 18, 14, 30, 9, 90, '一般'],
      ['李四', 18, '良', 14, 30, 9, null, null],
    ]);
    const p = plan(grid);
    expect(p.conflicts.map((i) => `${i.cell} ${i.rule}`)).toEqual(['G2 total-mismatch', 'H2 grade-mismatch']);
    expect(p.skipped).toEqual([{ row: 3, name: '李四', why: 'no-total' }]);
  });

  it('lists a cell it overwrites once, though the value there breaks two rules (issue #17: a preview line twice)', () => {
    // 李四 is on probation and the sheet gives him 优, which is no grade of gwy-2020: one grade-mismatch (clear it),
    // not an unknown-grade ("choose one of the grades") besides; and a plan lists an overwritten cell once whatever
    // issues it has.
    const grid = gridOf([
      ['姓名', '德', '能', '勤', '绩', '廉', '合计', '等次', '备注'],
      ['张三', 18, 18, 14, 30, 9, 89, '优', null],
      ['李四', 18, 18, 14, 30, 9, 89, '优', '试用期'],
    ]);
    const r = checkGrid(grid, gwy)!;
    expect(r.issues.map((i) => `${i.cell} ${i.rule}`)).toEqual(['H2 unknown-grade', 'H3 grade-mismatch']);
    const p = buildPlan(r, grid, { formulas: false });
    expect(writes(p)).toEqual(['H2="较好"', 'H3="不定等次（试用期）"']);
    expect(p.conflicts.map((i) => `${i.cell} ${i.rule}`)).toEqual(['H2 unknown-grade', 'H3 grade-mismatch']);
    const twice = { ...r, issues: [...r.issues, { ...r.issues[1]!, rule: 'unknown-grade' as const }] };
    expect(buildPlan(twice, grid, { formulas: false }).conflicts.map((i) => `${i.cell} ${i.rule}`)).toEqual([
      'H2 unknown-grade',
      'H3 grade-mismatch',
    ]);
  });

  it('keeps a grade that differs from the bands where a rule the sheet does not show could have given it', () => {
    // gwy-2020 gives 好 directly (急难险重) and 较差 directly (refusing an arrangement): the engine
    // cannot see why the sheet says 好 at 89 or 较差 at 89, so it reports the grade and keeps it.
    const grid = gridOf([
      ['姓名', '德', '能', '勤', '绩', '廉', '合计', '等次'],
      ['张三', 18, 18, 14, 30, 9, 89, '好'],
      ['李四', 18, 18, 14, 30, 9, 89, '较差'],
      ['王五', 18, 18, 14, 30, 9, 89, '一般'],
    ]);
    const r = checkGrid(grid, preset('gwy-2020')!)!;
    expect(r.issues.filter((i) => i.rule === 'grade-mismatch').map((i) => i.cell)).toEqual(['H2', 'H3', 'H4']);
    const p = plan(grid);
    expect(writes(p)).toEqual(['H4="较好"']);
    expect(p.skipped).toEqual([
      { row: 2, name: '张三', why: 'sheet-grade', cell: 'H2' },
      { row: 3, name: '李四', why: 'sheet-grade', cell: 'H3' },
    ]);
  });

  it('leaves a merged 合计 or 等次 cell alone and says so: a write there would land elsewhere or vanish', () => {
    const grid = gridOf(
      [
        ['姓名', '德', '能', '勤', '绩', '廉', '合计', '等次'],
        ['张三', 18, 18, 14, 30, 9, null, null],
        ['李四', 16, 15, 12, 28, 8, null, null],
      ],
      ['G2:H2'],
    );
    const p = plan(grid);
    expect(writes(p)).toEqual(['G3=79', 'H3="较好"']);
    expect(p.skipped).toEqual([
      { row: 2, name: '张三', why: 'merged-cell', cell: 'G2' },
      { row: 2, name: '张三', why: 'merged-cell', cell: 'H2' },
    ]);
  });

  it('writes values, not formulas, on rows with scores typed as text', () => {
    const grid = gridOf([
      ['姓名', '德', '能', '勤', '绩', '廉', '合计'],
      ['张三', '18分', 18, 14, 30, 9, null],
      ['李四', 18, 18, 14, 30, 9, null],
    ]);
    const p = plan(grid, true);
    expect(p.valuesInstead).toEqual([2]);
    expect(writes(p).filter((w) => w.startsWith('G'))).toEqual(['G2=89', 'G3==ROUND(B3+C3+D3+E3+F3,2)']);
  });

  it('writes a direct grade as a value, and keeps the receiving unit’s grade of someone posted elsewhere', () => {
    const grid = gridOf([
      ['姓名', '德', '能', '勤', '绩', '廉', '合计', '等次', '备注'],
      ['张三', 12, 12, 10, 20, 7, null, null, '急难险重任务表现突出'],
      ['李四', 18, 18, 14, 30, 9, null, '好', '派驻村第一书记'],
      ['王五', null, null, null, null, null, null, null, '2026年1月退休'],
    ]);
    expect(writes(plan(grid, true))).toEqual(['G2==ROUND(B2+C2+D2+E2+F2,2)', 'H2="好"', 'H4="不参加（退休）"']);
  });

  it('writes nothing where the grades are the sheet’s own input (entered mode)', () => {
    const { grid } = schemeSheet(preset('hebei-abcd')!, [{ name: '张三', grade: 'A', remark: '受警告处分' }]);
    const p = plan(grid, true, 'hebei-abcd');
    expect([p.writes, p.nothingToWrite]).toEqual([[], 'entered-grades']);
  });

  it('is undone exactly: apply then undo gives back every value, formula and number format', () => {
    const { grid } = schemeSheet(gwy, [
      { name: '张三', total: 91, sheetTotal: 90, grade: '较好' },
      { name: '李四', total: 70, remark: '试用期' },
      { name: '王五', total: 85 },
    ]);
    grid.formulas = grid.values.map((r) => r.map(() => null));
    grid.numFmts = grid.values.map((r) => r.map(() => null));
    grid.formulas[3]![23] = '=SUM(E4:U4)';
    grid.values[3]![23] = 70;
    grid.numFmts[1]![23] = '0.00';
    const p = buildPlan(checkGrid(grid, gwy)!, grid, { formulas: true });
    const done = applyToGrid(grid, p);
    expect(done).not.toEqual(grid);
    const back = applyToGrid(done, undoPlan(p));
    for (const w of p.writes) {
      const [i, j] = [w.row - 1, w.col - 1];
      expect([back.values[i]![j] ?? null, back.formulas![i]![j] ?? null, back.numFmts![i]![j] ?? null]).toEqual([
        grid.values[i]![j] ?? null,
        grid.formulas[i]![j] ?? null,
        grid.numFmts[i]![j] ?? null,
      ]);
    }
    expect(p.writes.find((w) => w.cell === 'X2')!.after.numFmt).toBe('0.00');
  });

  it.each(PRESET_IDS)('%s: never writes an input cell (scores, names, units, remarks, entered grades)', (id) => {
    const s = preset(id)!;
    const rand = seeded(7);
    const people = Array.from({ length: 80 }, (_, i) => ({
      name: `人员${i}`,
      total: pick(rand, 40, 100),
      sheetTotal: rand() < 0.3 ? pick(rand, 40, 100) : null,
      grade: rand() < 0.5 && s.grading.labels.length > 0 ? s.grading.labels[Math.floor(rand() * s.grading.labels.length)]!.label : null,
      remark: ['试用期', '已调出', '派驻', null, null][Math.floor(rand() * 5)] ?? null,
    }));
    const { grid, col } = schemeSheet(s, people);
    const r = checkGrid(grid, s)!;
    for (const formulas of [false, true]) {
      const p = buildPlan(r, grid, { formulas });
      const outputs = new Set(
        s.grading.mode === 'entered'
          ? []
          : [r.compiled.totalIsInput === null ? col('合计') : -1, col('等次'), ...p.newColumns.map((c) => c.col)],
      );
      const inputs = r.table.columns.filter((c) => !outputs.has(c.col)).map((c) => c.col);
      expect(inputs.length).toBeGreaterThan(3);
      expect(p.writes.filter((w) => !outputs.has(w.col))).toEqual([]);
    }
  });

  it.each(PRESET_IDS)('%s: each row’s formulas, made from one template per column, are the ones built for that row alone', (id) => {
    const s = preset(id)!;
    const rand = seeded(11);
    const people = Array.from({ length: 30 }, (_, i) => ({
      name: `人员${i}`,
      total: pick(rand, 40, 100),
      remark: ['试用期', '科级干部', null, null][Math.floor(rand() * 4)] ?? null,
    }));
    const { grid } = schemeSheet(s, people);
    const r = checkGrid(grid, s)!;
    const p = buildPlan(r, grid, { formulas: true });
    const formulas = p.writes.filter((w) => w.after.formula !== null && w.kind !== 'rank');
    if (s.grading.mode === 'entered') expect(formulas).toEqual([]);
    for (const w of formulas) {
      const person = r.people.find((x) => x.row === w.row)!;
      if (w.kind === 'total') {
        expect(w.after.formula).toBe(totalFormula(r, w.row, person.variant, person.shift));
        continue;
      }
      // The grade reads the total from a cell of its own row.
      const cell = /^=IF\((?:AND\()?([A-Z]+(\d+))/.exec(w.after.formula!)!;
      expect(Number(cell[2])).toBe(w.row);
      expect(w.after.formula).toBe(gradeFormula(r, cell[1]!));
    }
    if (s.grading.mode !== 'entered') expect(formulas.length).toBeGreaterThan(0);
  });
});
