/**
 * `grade` at a fixed point: for generated sheets (./sheet-gen) under their own preset and under
 * any other, check(grade(sheet)) has no error check(sheet) did not have (./fixed-point): what
 * kaohe writes — totals, grades, 'no grade' words, new columns — is what its own check accepts.
 * With values on the engine's grid, and with values and formulas through the Excel adapter on
 * the preview's simulated Excel, which recalculates the formulas written as Excel would. The generated sheets'
 * hidden rows stay hidden on both paths: the rows the plan leaves must not make errors either.
 * FIXED_POINT_RUNS sets the number of sheets (default 200); FUZZ_SEED replays a failure.
 */
import fc from 'fast-check';
import { applyToGrid, buildPlan, checkGrid, type Grid, type Scheme } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { allPresets } from '../../src/schemes';
import { fuzzSettings } from './fuzz';
import { newErrors } from './fixed-point';
import { buildSheet, sheetSpec } from './sheet-gen';

const settings = fuzzSettings('FIXED_POINT_RUNS', 200);
const presets = allPresets();

/** The sheet's own preset, and one of the others: every preset reads sheets laid out for another. */
const schemesFor = (own: Scheme, k: number): Scheme[] => [own, presets[k % presets.length]!];

function valuesRoundTrip(grid: Grid, s: Scheme): ReturnType<typeof newErrors> {
  const before = checkGrid(grid, s);
  if (!before) return [];
  const plan = buildPlan(before, grid, { formulas: false });
  const after = checkGrid(applyToGrid(grid, plan), s)!;
  return newErrors(
    before,
    after,
    plan.newColumns.map((c) => c.col),
  );
}

async function excelRoundTrip(grid: Grid, s: Scheme, formulas: boolean): Promise<ReturnType<typeof newErrors>> {
  // Hidden rows kept: the plan leaves them (their people warned of as hidden-row), and what it writes must check clean.
  const book = PreviewWorkbook.fromGrids([grid]);
  // Excel recalculates the sheet's own formulas too: the check before writing sees them recalculated.
  book.recalc(book.activeSheet());
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
  const host = new ExcelHost();
  const read = (await host.readSheet()).grid;
  const before = checkGrid(read, s);
  if (!before) return [];
  const plan = buildPlan(before, read, { formulas });
  if (plan.writes.length > 0) await host.apply(plan);
  const after = checkGrid((await host.readSheet()).grid, s)!;
  return newErrors(
    before,
    after,
    plan.newColumns.map((c) => c.col),
  );
}

describe(`check(grade(sheet)) finds nothing new, on ${settings.numRuns} generated sheets`, () => {
  it('values written into the grid', () => {
    fc.assert(
      fc.property(sheetSpec, fc.nat(), (spec, k) => {
        const b = buildSheet(spec);
        for (const s of schemesFor(b.scheme, k)) expect([s.id, valuesRoundTrip(b.grid, s)]).toEqual([s.id, []]);
      }),
      settings,
    );
  });

  it('values and formulas through the Excel adapter, recalculated', async () => {
    await fc.assert(
      fc.asyncProperty(sheetSpec, fc.nat(), fc.boolean(), async (spec, k, formulas) => {
        const b = buildSheet(spec);
        for (const s of schemesFor(b.scheme, k))
          expect([s.id, formulas, await excelRoundTrip(b.grid, s, formulas)]).toEqual([s.id, formulas, []]);
      }),
      { ...settings, numRuns: Math.ceil(settings.numRuns / 2) },
    );
  });
});
