/**
 * Where WPS (like Excel's COM model) gives one value for a whole range only when all its cells share it
 * (NumberFormat, MergeCells, Hidden: null when they differ), the runs of equal values along a line of cells,
 * found with few questions: a run that fills the middle of the line is found by asking for the line without
 * 1, 2, 4 … cells at each end, and only the ends left over are asked about again. A column whose header rows
 * differ from a body of 10,000 equal rows costs a few questions, not one per row.
 */

/** Cells from..to (inclusive) on the line, all holding `value`; null for a single place that is itself mixed (a row of cells). */
export interface Run<T> {
  from: number;
  to: number;
  value: T | null;
}

/** `probe(from, to)`: the value all those places share, or null when they differ. */
export function uniformRuns<T>(from: number, to: number, probe: (from: number, to: number) => T | null): Run<T>[] {
  const out: Run<T>[] = [];
  const walk = (a: number, b: number, known: T | null | undefined): void => {
    if (a > b) return;
    const all = known === undefined ? probe(a, b) : known;
    if (all !== null || a === b) {
      out.push({ from: a, to: b, value: all });
      return;
    }
    // Mixed: the widest middle that is not, shrinking from both ends by powers of two.
    for (let cut = 1; a + cut <= b - cut; cut *= 2) {
      const middle = probe(a + cut, b - cut);
      if (middle === null) continue;
      walk(a, a + cut - 1, undefined);
      out.push({ from: a + cut, to: b - cut, value: middle });
      walk(b - cut + 1, b, undefined);
      return;
    }
    // No uniform middle: the halves on their own.
    const mid = Math.floor((a + b) / 2);
    walk(a, mid, undefined);
    walk(mid + 1, b, undefined);
  };
  walk(from, to, undefined);
  return out.sort((x, y) => x.from - y.from);
}
