/** The fixed point of `grade`: what a check after writing finds that the check before did not. */
import { parseA1, type Results } from '../../src/engine';

export interface NewError {
  rule: string;
  cell: string | null;
  data: unknown;
}

/**
 * Errors of `after` that `before` did not have: same rule, same cell. An issue on a column kaohe
 * added (a 等次 column a sheet did not have) is the same as one on the same row before: its cell
 * was the name cell then (a quota's cut line, a total that is not a number), there was no other.
 */
export function newErrors(before: Results, after: Results, addedColumns: number[] = []): NewError[] {
  const was = before.issues.filter((i) => i.severity === 'error');
  const seen = new Set(was.map((i) => `${i.rule}@${i.cell}`));
  return after.issues
    .filter((i) => {
      if (i.severity !== 'error' || seen.has(`${i.rule}@${i.cell}`)) return false;
      const at = i.cell === null ? null : parseA1(i.cell);
      if (at && addedColumns.includes(at.col)) return !was.some((e) => e.rule === i.rule && e.row === i.row);
      return true;
    })
    .map((i) => ({ rule: i.rule, cell: i.cell, data: i.data }));
}
