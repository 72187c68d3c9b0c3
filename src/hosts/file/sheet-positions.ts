/**
 * Where the fast reader (./xlsx-direct) found a sheet's rows and cells in its XML: each row's start
 * and end tag, each cell's start tag and the column it read there. The copy's patch of the same text
 * (./copy/sheet-patch) goes from one cell it writes to the next with them, instead of reading every
 * cell between; it checks each place against the text before it goes there, and looks at every cell
 * as before wherever one does not match.
 */
export class SheetPositions {
  /** Per row, in the order of the text: where its start tag's '<' is; where its end tag's is (-1: none); its first cell's index. */
  rowAt: Int32Array = new Int32Array(1024);
  rowEnd: Int32Array = new Int32Array(1024);
  rowFirstCell: Int32Array = new Int32Array(1024);
  rows = 0;
  /** Per cell, in the order of the text: where its start tag's '<' is, and its column as the reader read it. */
  cellAt: Int32Array = new Int32Array(16384);
  cellCol: Int32Array = new Int32Array(16384);
  cells = 0;

  startRow(at: number): void {
    if (this.rows === this.rowAt.length) {
      this.rowAt = grown(this.rowAt);
      this.rowEnd = grown(this.rowEnd);
      this.rowFirstCell = grown(this.rowFirstCell);
    }
    this.rowAt[this.rows] = at;
    this.rowEnd[this.rows] = -1;
    this.rowFirstCell[this.rows] = this.cells;
    this.rows++;
  }

  /** The end tag of the row last started. */
  endRow(at: number): void {
    if (this.rows > 0 && this.rowEnd[this.rows - 1] === -1) this.rowEnd[this.rows - 1] = at;
  }

  cell(at: number, col: number): void {
    if (this.cells === this.cellAt.length) {
      this.cellAt = grown(this.cellAt);
      this.cellCol = grown(this.cellCol);
    }
    this.cellAt[this.cells] = at;
    this.cellCol[this.cells] = col;
    this.cells++;
  }

  /** The index of the cell after the last of row `r` (its first cell's index plus its cells). */
  rowCellsEnd(r: number): number {
    return r + 1 < this.rows ? this.rowFirstCell[r + 1]! : this.cells;
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
