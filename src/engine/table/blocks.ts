/**
 * A roster printed as blocks side by side (a tally of A–F and H–M under the same header texts,
 * to fit a page): one roster. The reader reads each block over its own columns; a row knows
 * its block by the shift of its columns from the first block's, so its cells — and every issue
 * and write about it — are the real cells of its block.
 */
import type { Grid, GridView } from '../grid';
import { headerKey } from '../text';

/**
 * The column shifts of the blocks: [0] for one block; [0, 7] for A–F and H–M. Blocks are found
 * where the header names a person (姓名) more than once and every header text of the first
 * block is repeated, in the same order, at the same distance — and the block holds at least
 * one more header than the name.
 */
export function blockShifts(headers: { col: number; path: string[] }[], isName: (text: string) => boolean): number[] {
  const key = new Map(headers.filter((h) => h.path.length > 0).map((h) => [h.col, h.path.map((p) => headerKey(p)).join('/')]));
  const names = headers.filter((h) => h.path.length > 0 && isName(h.path[h.path.length - 1]!)).map((h) => h.col);
  if (names.length < 2) return [0];
  const first = Math.min(...key.keys());
  const last = Math.max(...key.keys());
  const d = names[1]! - names[0]!;
  // The same texts at the same places, block after block.
  const repeats = (shift: number): boolean => {
    let same = 0;
    for (let c = first; c < first + d; c++) {
      const a = key.get(c);
      const b = key.get(c + shift);
      if (a !== b) return false;
      if (a !== undefined) same++;
    }
    return same >= 2;
  };
  const shifts = [0];
  for (let s = d; first + s <= last && repeats(s); s += d) shifts.push(s);
  if (shifts.length < 2) return [0];
  // Nothing of the header may lie beyond the last block.
  const end = first + shifts[shifts.length - 1]! + d - 1;
  return last <= end ? shifts : [0];
}

/**
 * The view of a block: its cells at the first block's columns. Merges and values are those of
 * the sheet (an area's extent is the same wherever it is seen from).
 */
export function shiftView(view: GridView, shift: number): GridView {
  if (shift === 0) return view;
  const shifted = Object.create(view) as GridView;
  return Object.assign(shifted, {
    value: (r: number, c: number) => view.value(r, c + shift),
    formula: (r: number, c: number) => view.formula(r, c + shift),
    numFmt: (r: number, c: number) => view.numFmt(r, c + shift),
    merge: (r: number, c: number) => view.merge(r, c + shift),
    shown: (r: number, c: number) => view.shown(r, c + shift),
    isMergeTail: (r: number, c: number) => view.isMergeTail(r, c + shift),
  });
}

/**
 * The grid with the people of the later blocks moved under the first block's (the header of the
 * later blocks cleared): what the scheme inference reads, so it sees one header and every
 * person. `header`: its rows and its first column; `rows`: the sheet rows of the people of each
 * later block, in order.
 */
export function unfoldBlocks(grid: Grid, header: { top: number; bottom: number; first: number }, shifts: number[], rows: number[][]): Grid {
  if (shifts.length < 2) return grid;
  const values = grid.values.map((r) => [...r]);
  const width = shifts[1]!;
  const at = (row: number): number => row - grid.top;
  const { first } = header;
  for (let k = 1; k < shifts.length; k++) {
    const s = shifts[k]!;
    for (let r = header.top; r <= header.bottom; r++) {
      const line = values[at(r)];
      for (let c = first + s; c < first + s + width && line; c++) line[c - grid.left] = null;
    }
    for (const r of rows[k - 1] ?? []) {
      const line = values[at(r)]!;
      const moved: Grid['values'][number] = Array(line.length).fill(null);
      for (let c = 0; c < width; c++) {
        moved[first + c - grid.left] = line[first + s + c - grid.left] ?? null;
        line[first + s + c - grid.left] = null;
      }
      values.push(moved);
    }
  }
  // Only the values are read by the inference; formulas and formats stay with the first block's rows.
  return { sheet: grid.sheet, top: grid.top, left: grid.left, values, merges: grid.merges };
}
