/**
 * Fuzzing the engine with generated sheets (see ./sheet-gen): for every sheet, no exception;
 * every issue has a rule id and a cell inside the sheet; totals equal a plain recomputation;
 * no write plan touches an input cell; a plan applied and undone leaves every cell as it was.
 * FUZZ_RUNS sets the number of sheets (default 1,000); FUZZ_SEED replays a failure.
 */
import fc from 'fast-check';
import { checkGrid, FIT_LIMITS, type Fit, rankFits } from '../../src/engine';
import { GridView } from '../../src/engine/grid';
import { applyToGrid, buildPlan, contentAt, undoPlan } from '../../src/engine/plan/plan';
import { toReport } from '../../src/engine/report/report';
import type { Results } from '../../src/engine/results';
import { allPresets } from '../../src/schemes';
import { cellsOf, expectWellFormedIssues, fuzzSettings } from './fuzz';
import { buildSheet, inBandRef, referenceTotal, sheetSpec, type BuiltSheet } from './sheet-gen';

/** A fit is a share from 0 to 1, and clear only at the threshold or above. */
function expectSaneFits(fits: Fit[]): void {
  for (const f of fits) {
    expect(f.score >= 0 && f.score <= 1).toBe(true);
    if (f.clear) expect(f.score).toBeGreaterThanOrEqual(FIT_LIMITS.clear);
  }
}

const settings = fuzzSettings('FUZZ_RUNS', 1000);

function checkTotals(r: Results, b: BuiltSheet): void {
  // Every column the sheet labels for a field is read as that field.
  for (const [id, col] of b.fieldCols) expect([id, r.fieldColumns[id]]).toEqual([id, col]);
  const rows = new Set(b.personRows);
  for (const p of r.people) {
    expect(rows.has(p.row)).toBe(true); // no title, 合计, note or section row is read as a person
    if (r.scoring === 'entered' || r.scoring === 'grades-only') {
      expect(p.total).toBeNull();
      continue;
    }
    const ref = referenceTotal(b, p.row, r.scoring);
    expect([p.row, p.total === null]).toEqual([p.row, ref === null]);
    if (p.total !== null && ref !== null) expect(Math.abs(p.total - ref)).toBeLessThanOrEqual(0.005 + 1e-9 * Math.abs(ref));
    if (p.gradeFrom === 'band') {
      const band = b.scheme.grading.bands.find((x) => inBandRef(x, p.total!));
      expect(p.grade).toBe(band?.grade);
    }
  }
}

function checkPlans(r: Results, b: BuiltSheet): void {
  const view = new GridView(b.grid);
  const before = cellsOf(b.grid);
  const rows = new Set(b.personRows);
  const outputCols = new Set(r.table.columns.filter((c) => c.role.kind === 'total' || c.role.kind === 'grade').map((c) => c.col));
  const inputCols = new Set([...b.fieldCols.values(), ...b.subtotalCols.values(), b.nameCol]);
  for (const formulas of [false, true]) {
    const plan = buildPlan(r, b.grid, { formulas });
    if (r.scoring === 'entered') expect(plan.writes).toEqual([]);
    for (const w of plan.writes) {
      expect(inputCols.has(w.col)).toBe(false);
      if (w.kind === 'header') {
        expect([w.row, w.col > view.right]).toEqual([r.table.headerTop, true]);
      } else {
        expect(rows.has(w.row)).toBe(true);
        expect(view.merge(w.row, w.col)).toBeNull(); // a write into a merged area would be lost
        expect(outputCols.has(w.col) || w.col > view.right).toBe(true);
      }
      if (w.kind === 'total' && w.col <= view.right) expect(r.scoring).toBe('computed');
      if (typeof w.after.value === 'number') expect(Number.isFinite(w.after.value)).toBe(true);
      if (!formulas) expect(w.after.formula).toBeNull();
      expect(w.before).toEqual(contentAt(view, w.row, w.col));
    }
    const undone = applyToGrid(applyToGrid(b.grid, plan), undoPlan(plan));
    expect(cellsOf(undone)).toEqual(before);
  }
}

describe(`${settings.numRuns} generated sheets`, () => {
  it('check, recompute, plan, apply and undo', () => {
    fc.assert(
      fc.property(sheetSpec, (spec) => {
        const b = buildSheet(spec);
        expectSaneFits(rankFits(b.grid, allPresets()).map((x) => x.fit));
        const r = checkGrid(b.grid, b.scheme);
        // No roster only where the sheet has no column the scheme reads (all dropped, no 合计 or 等次): 姓名 alone.
        if (r === null) {
          expect([b.fieldCols.size, b.totalCol, b.gradeCol]).toEqual([0, null, null]);
          return;
        }
        toReport(r, 'zh');
        toReport(r, 'en');
        expectWellFormedIssues(r, b.grid);
        checkTotals(r, b);
        checkPlans(r, b);
      }),
      settings,
    );
  });
});
