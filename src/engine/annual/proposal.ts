/**
 * Proposals on a sheet of periods: a column of ticks headed 拟评优秀 (or 推荐优秀人选 …) beside the
 * quarters proposes each ticked person for that annual grade. It is read as the annual sheet is —
 * the proposals checked against the annual rules and the annual quotas — with the sheet's period
 * columns set aside and an empty cell read as no proposal, not as a missing grade. Words: ./proposal.json.
 */
import P from './proposal.json';
import { checkGrid } from '../check';
import { GridView, parseA1, type CellValue, type Grid } from '../grid';
import type { Results } from '../results';
import type { Scheme } from '../scheme/model';
import { cellText } from '../table/cells';
import type { ColumnOverrides } from '../table/read';
import { compact } from '../text';
import { annualSheetScheme } from './rollup';

const TICKS = new Set(P.ticks);

/** The proposal column of a sheet: its sheet column and the annual grade its header names; null when there is none. */
function proposalColumn(view: GridView, top: number, bottom: number, grades: string[]): { col: number; grade: string } | null {
  for (let r = top; r <= bottom; r++)
    for (let c = view.left; c <= view.right; c++) {
      const t = compact(cellText(view.value(r, c)));
      for (const lead of P.leads) {
        if (!t.startsWith(lead)) continue;
        const rest = t.slice(lead.length);
        const grade = grades.find((g) => P.tails.some((tail) => rest === `${g}${tail}`));
        if (grade) return { col: c, grade };
      }
    }
  return null;
}

/** The proposals a sheet of periods makes for the year, read as an annual sheet; null when it has no column of them. */
export function readProposals(grid: Grid, s: Scheme, sheet: Results): Results | null {
  const scheme = annualSheetScheme(s);
  if (!scheme || !sheet.periods || scheme.grading.mode !== 'entered') return null;
  const view = new GridView(grid);
  const found = proposalColumn(
    view,
    sheet.table.headerTop,
    sheet.table.headerBottom,
    scheme.grading.labels.map((l) => l.label),
  );
  if (!found) return null;
  // A tick becomes the grade it proposes; anything else stays as written (a grade word is a proposal too).
  const values = grid.values.map((row, i) =>
    row.map((v, j): CellValue => {
      const r = grid.top + i;
      const c = grid.left + j;
      return c === found.col && r > sheet.table.headerBottom && TICKS.has(compact(cellText(v))) ? found.grade : v;
    }),
  );
  // The periods' own grade and total columns are not the year's.
  const overrides: ColumnOverrides = { [found.col]: { kind: 'grade' } };
  for (const p of sheet.periods)
    for (const c of p.results.table.columns)
      if (c.col !== found.col && (c.role.kind === 'grade' || c.role.kind === 'total')) overrides[c.col] = { kind: 'ignored' };
  const r = checkGrid({ ...grid, values }, scheme, { overrides });
  if (!r) return null;
  const blank = (cell: string | null): boolean => cell !== null && parseA1(cell)?.col === found.col;
  return { ...r, issues: r.issues.filter((i) => !(i.rule === 'missing-value' && blank(i.cell))) };
}
