/** What the fuzz suites share: run counts and seed from the environment, and a cell-by-cell view of a grid. */
import { GridView, parseA1, type Grid } from '../../src/engine/grid';
import { RULES } from '../../src/engine/report/rules';
import { words } from '../../src/engine/report/messages';
import type { Results } from '../../src/engine/results';

/**
 * fast-check settings: `variable` (e.g. FUZZ_RUNS) sets the number of runs, FUZZ_SEED replays a
 * failure (fast-check prints the seed with every counterexample).
 */
export function fuzzSettings(variable: string, runs: number): { numRuns: number; seed?: number } {
  const seed = process.env['FUZZ_SEED'];
  return { numRuns: Number(process.env[variable] ?? runs), ...(seed === undefined ? {} : { seed: Number(seed) }) };
}

/**
 * Every cell's content, for comparing grids of different shapes: trailing empties do not count,
 * and "" is an empty cell (Excel has no empty text constant; its API reads an empty cell as "").
 */
export function cellsOf(g: Grid): Map<string, string> {
  const out = new Map<string, string>();
  g.values.forEach((row, i) =>
    row.forEach((cell, j) => {
      const v = cell === '' ? null : cell;
      const f = g.formulas?.[i]?.[j] ?? null;
      const fmt = g.numFmts?.[i]?.[j] ?? null;
      if (v === null && f === null && (fmt === null || fmt === 'General')) return;
      out.set(`${g.top + i},${g.left + j}`, JSON.stringify([v, f, fmt === 'General' ? null : fmt]));
    }),
  );
  return out;
}

/** Every issue names a known rule and severity, a cell inside the sheet, and words in both languages. */
export function expectWellFormedIssues(r: Results, grid: Grid): void {
  const view = new GridView(grid);
  for (const i of r.issues) {
    expect(Object.keys(RULES)).toContain(i.rule);
    expect(['error', 'warning', 'info']).toContain(i.severity);
    if (i.cell !== null) {
      const at = parseA1(i.cell);
      expect(at).not.toBeNull();
      expect(at!.row).toBeGreaterThanOrEqual(1);
      expect(at!.row).toBeLessThanOrEqual(view.bottom);
      expect(at!.col).toBeGreaterThanOrEqual(1);
      expect(at!.col).toBeLessThanOrEqual(view.right);
      if (i.row !== null) expect(i.row).toBe(at!.row);
    }
    for (const lang of ['zh', 'en'] as const) {
      const w = words(i, lang);
      expect(w.message.length).toBeGreaterThan(0);
      expect(`${w.message} ${w.fix}`).not.toMatch(/undefined|NaN|\[object/);
    }
  }
}
