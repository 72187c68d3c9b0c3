/**
 * The Excel host's pure half: Office.js range data → the engine's Grid, and a plan's writes →
 * the blocks to write. Kept apart from the calls to Excel so it can be tested without Office.
 */
import { type Area, type CellContent, type CellValue, type CellWrite, type Grid, parseArea } from '../../engine';
import { textInput } from '../text-typing';

/** What a read of a used range gives (its loaded properties, read in row bands when too large for one response). */
export interface RangeData {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
  /** RangeAreas.address of the merged areas, e.g. "Sheet1!A1:D1, Sheet1!A3:A4"; null when none or not supported. */
  mergedAddress: string | null;
}

/** "'第一季度'!A1:D1, '第一季度'!A3:A4" → areas. */
export function parseAreas(address: string | null): Area[] {
  if (!address) return [];
  const out: Area[] = [];
  for (const part of address.split(',')) {
    const ref = part
      .slice(part.lastIndexOf('!') + 1)
      .replace(/\$/g, '')
      .trim();
    const a = ref ? parseArea(ref) : null;
    if (a) out.push(a);
  }
  return out;
}

function cellValue(v: unknown, type: string | undefined): CellValue {
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (type === 'Error') return { error: String(v) };
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export function rangeToGrid(d: RangeData): Grid {
  const values = d.values.map((row, i) => row.map((v, j) => cellValue(v, d.valueTypes[i]?.[j])));
  let anyFormula = false;
  // Office.js gives text typed as '=A1 the same formula string as a real formula; a formula's
  // value is its result, so a "formula" whose value is its own text is text.
  const formulas = d.formulas.map((row, i) =>
    row.map((f, j) => {
      if (typeof f === 'string' && f.startsWith('=') && d.values[i]?.[j] !== f) {
        anyFormula = true;
        return f;
      }
      return null;
    }),
  );
  const numFmts = d.numberFormat.map((row) => row.map((f) => (typeof f === 'string' && f !== 'General' && f !== '' ? f : null)));
  const grid: Grid = { sheet: d.sheet, top: d.rowIndex + 1, left: d.columnIndex + 1, values, numFmts, merges: parseAreas(d.mergedAddress) };
  if (anyFormula) grid.formulas = formulas;
  return grid;
}

/** The input that gives a cell exactly this content when written through range.formulas (text by ../text-typing). */
export function excelInput(c: CellContent): string | number | boolean {
  if (c.formula) return c.formula;
  const v = c.value;
  if (v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') return v.error; // typing #N/A gives the error value
  return textInput(v, c.numFmt === '@');
}

/** A formula into a cell formatted as text ('@') would stay text: such a write takes General for the formula. */
const formulaInTextCell = (c: CellContent): boolean => c.formula !== null && c.numFmt === '@';

/**
 * The number format a write gives its cell: its own, but General under a formula into a text cell (its undo, whose
 * `before` is that formula, writes the text format back with the old content).
 */
function writtenFormat(w: CellWrite): string {
  return formulaInTextCell(w.after) ? 'General' : (w.after.numFmt ?? 'General');
}

/** Whether a write must set its cell's number format: the format changes, or a formula into a text cell is written or undone. */
const setsFormat = (w: CellWrite): boolean =>
  w.after.numFmt !== w.before.numFmt || formulaInTextCell(w.after) || formulaInTextCell(w.before);

/** A rectangle of writes: one range write in Excel. */
export interface Block {
  row: number;
  col: number;
  rows: number;
  cols: number;
  inputs: (string | number | boolean)[][];
  /** Number formats for the block, or null when none of its cells changes format. */
  numFmts: string[][] | null;
}

/** Runs of writes in one column on consecutive rows, each a block: one range write per run, not per cell. */
export function toBlocks(writes: CellWrite[]): Block[] {
  const sorted = [...writes].sort((a, b) => a.col - b.col || a.row - b.row);
  const blocks: { row: number; col: number; ws: CellWrite[] }[] = [];
  for (const w of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.col === w.col && last.row + last.ws.length === w.row) last.ws.push(w);
    else blocks.push({ row: w.row, col: w.col, ws: [w] });
  }
  return blocks.map((b) => ({
    row: b.row,
    col: b.col,
    rows: b.ws.length,
    cols: 1,
    inputs: b.ws.map((w) => [excelInput(w.after)]),
    numFmts: b.ws.some(setsFormat) ? b.ws.map((w) => [writtenFormat(w)]) : null,
  }));
}

/** The UTF-8 bytes of a value's JSON, as Excel counts a request or response against its limit (a Chinese character is 3). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Blocks in batches of at most about `maxBytes` each (as JSON in UTF-8, as Office.js sends them), a block
 * cut into bands of rows where it alone is larger; a single row always makes a batch.
 */
export function inBatches(blocks: Block[], maxBytes: number): Block[][] {
  const batches: Block[][] = [];
  let batch: Block[] = [];
  let size = 0;
  const rowBytes = (b: Block, i: number): number => jsonBytes(b.inputs[i]) + (b.numFmts ? jsonBytes(b.numFmts[i]) : 0) + 1;
  for (const b of blocks) {
    let start = 0;
    for (let i = 0; i < b.rows; i++) {
      const bytes = rowBytes(b, i);
      if (size + bytes > maxBytes && (batch.length > 0 || i > start)) {
        if (i > start) batch.push(slice(b, start, i));
        batches.push(batch);
        batch = [];
        size = 0;
        start = i;
      }
      size += bytes;
    }
    batch.push(slice(b, start, b.rows));
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function slice(b: Block, from: number, to: number): Block {
  if (from === 0 && to === b.rows) return b;
  return {
    row: b.row + from,
    col: b.col,
    rows: to - from,
    cols: b.cols,
    inputs: b.inputs.slice(from, to),
    numFmts: b.numFmts ? b.numFmts.slice(from, to) : null,
  };
}
