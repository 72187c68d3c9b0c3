/**
 * The graded sheet's XML patched in one pass: every byte outside the cells written is copied as
 * it is. A written cell's <c> element is replaced; a cell that is not there is inserted in column
 * order in its row, a row that is not there in row order. Values are written as numbers,
 * booleans, errors or inline strings (sharedStrings.xml is never touched); formulas with the
 * engine's value as their cached result. <dimension> and <cols> (a width for a new column) are
 * the only other edits. Cells the patch cannot write around (a shared formula's first cell
 * whose other cells stay, array formulas, cell metadata) end it in a CopyError.
 */
import { a1, type CellContent, isCellError, parseArea } from '../../../engine';
import type { SheetPositions } from '../sheet-positions';
import { attrOf, CopyError, escapeXml, withAttr, withoutAttr } from './xml';

/** One cell the copy changes. */
export interface CellEdit {
  row: number;
  col: number;
  /** What it holds now; undefined keeps what it holds (a mark changes only its style). */
  content?: CellContent;
  /** Its style index from the one it has (or would have, for a cell not yet there); undefined keeps it. */
  restyle?: (style: number) => number;
}

export interface SheetPatch {
  xml: string;
  /** Some cell that held a formula now holds a value (or another formula): the workbook's calcChain is stale. */
  formulaReplaced: boolean;
}

/** The patched sheet as pieces to be written one after the other (joined, they are SheetPatch's xml). */
export interface SheetPatchParts {
  parts: string[];
  /** Some cell that held a formula now holds a value (or another formula): the workbook's calcChain is stale. */
  formulaReplaced: boolean;
}

/**
 * The next tag of a row, a cell or sheetData at or after `from` (-1 when there is none), found with
 * indexOf and charCodeAt, as /<(?:\/(?:(\w+):)?(row|sheetData)>|(?:(\w+):)?(row|c|sheetData)\b([^>]*?)(\/?)>)/g
 * finds it; what it found is in `tag` (no match array or attribute text a cell).
 */
const tag = {
  index: 0,
  end: 0,
  closing: false,
  prefix: undefined as string | undefined,
  name: '',
  attrsFrom: 0,
  attrsTo: 0,
  selfClosing: false,
};
const isWord = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const NAMES = ['row', 'c', 'sheetData'];
const END_NAMES = ['row', 'sheetData'];

/** The name at xml[from, to) if it is one of `names` ('' if not). */
function nameAt(xml: string, from: number, to: number, names: readonly string[]): string {
  for (const n of names) if (to - from === n.length && xml.startsWith(n, from)) return n;
  return '';
}

function nextTag(xml: string, from: number): number {
  for (let lt = xml.indexOf('<', from); lt >= 0; lt = xml.indexOf('<', lt + 1)) {
    let i = lt + 1;
    if (xml.charCodeAt(i) === 47) {
      // An end tag: </row> or </sheetData>, a prefix allowed, nothing before '>'.
      i++;
      let j = i;
      while (isWord(xml.charCodeAt(j))) j++;
      let prefix: string | undefined;
      if (xml.charCodeAt(j) === 58 && j > i) {
        prefix = xml.slice(i, j);
        i = j + 1;
        j = i;
        while (isWord(xml.charCodeAt(j))) j++;
      }
      const name = nameAt(xml, i, j, END_NAMES);
      if (!name || xml.charCodeAt(j) !== 62) continue;
      tag.index = lt;
      tag.end = j + 1;
      tag.closing = true;
      tag.prefix = prefix;
      tag.name = name;
      return lt;
    }
    let j = i;
    while (isWord(xml.charCodeAt(j))) j++;
    let prefix: string | undefined;
    let name = '';
    // With a prefix (x:c) first, as the expression tries it; else the word itself (followed by a non-word character).
    if (xml.charCodeAt(j) === 58 && j > i) {
      let k = j + 1;
      while (isWord(xml.charCodeAt(k))) k++;
      name = nameAt(xml, j + 1, k, NAMES);
      if (name) {
        prefix = xml.slice(i, j);
        i = j + 1;
        j = k;
      }
    }
    if (!name) name = nameAt(xml, i, j, NAMES);
    if (!name) continue;
    const gt = xml.indexOf('>', j);
    if (gt < 0) return -1;
    const selfClosing = gt > j && xml.charCodeAt(gt - 1) === 47;
    tag.index = lt;
    tag.end = gt + 1;
    tag.closing = false;
    tag.prefix = prefix;
    tag.name = name;
    tag.attrsFrom = j;
    tag.attrsTo = selfClosing ? gt - 1 : gt;
    tag.selfClosing = selfClosing;
    return lt;
  }
  return -1;
}

/** The column number of the letters an A1 reference at xml[from, to) begins with (0 when it has none): columnOf in place. */
function columnAt(xml: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    n = n * 26 + c - 96;
  }
  return n;
}

/** A cell's r attribute (its start tag's attributes at xml[from, to)): whether it has one, and its column (0 for none). */
const cellRef = { has: false, col: 0 };
function readCellRef(xml: string, from: number, to: number): void {
  if (xml.startsWith(' r="', from)) {
    const close = xml.indexOf('"', from + 4);
    if (close >= 0 && close < to) {
      cellRef.has = close > from + 4;
      cellRef.col = columnAt(xml, from + 4, close);
      return;
    }
  }
  const ref = attrOf(xml.slice(from, to), 'r');
  cellRef.has = !!ref;
  cellRef.col = ref ? columnOf(ref) : 0;
}
const F = /<(?:\w+:)?f\b([^>]*?)(\/?)>/;

/** A cell's XML holding `content`; `pre` the sheet's namespace prefix (with its colon), `style` 0 for none. */
export function cellXml(pre: string, ref: string, style: number, content: CellContent | null): string {
  const s = style ? ` s="${style}"` : '';
  const v = content?.value ?? null;
  const f = content?.formula
    ? `<${pre}f>${escapeXml(content.formula.charCodeAt(0) === 61 ? content.formula.slice(1) : content.formula)}</${pre}f>`
    : '';
  if (v === null) return f ? `<${pre}c r="${ref}"${s}>${f}</${pre}c>` : `<${pre}c r="${ref}"${s}/>`;
  if (typeof v === 'number') return `<${pre}c r="${ref}"${s}>${f}<${pre}v>${v}</${pre}v></${pre}c>`;
  if (typeof v === 'boolean') return `<${pre}c r="${ref}"${s} t="b">${f}<${pre}v>${v ? 1 : 0}</${pre}v></${pre}c>`;
  if (isCellError(v)) return `<${pre}c r="${ref}"${s} t="e">${f}<${pre}v>${escapeXml(v.error)}</${pre}v></${pre}c>`;
  if (f) return `<${pre}c r="${ref}"${s} t="str">${f}<${pre}v>${escapeXml(v)}</${pre}v></${pre}c>`;
  return `<${pre}c r="${ref}"${s} t="inlineStr"><${pre}is><${pre}t xml:space="preserve">${escapeXml(v)}</${pre}t></${pre}is></${pre}c>`;
}

/**
 * A tag's r attribute: read directly when the attributes begin with it (` r="B7"`, as every
 * writer puts it), else by attrOf.
 */
function refOf(attrs: string): string | undefined {
  if (attrs.charCodeAt(0) === 32 && attrs.charCodeAt(1) === 114 && attrs.charCodeAt(2) === 61 && attrs.charCodeAt(3) === 34) {
    const close = attrs.indexOf('"', 4);
    if (close > 0) return attrs.slice(4, close);
  }
  return attrOf(attrs, 'r');
}

/** Whether `list` is in ascending order of `key`. */
function inOrder<T>(list: readonly T[], key: (x: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (key(list[i - 1]!) > key(list[i]!)) return false;
  return true;
}

/** The column number of an A1 reference's letters (0 when it has none). */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    n = n * 26 + c - 96;
  }
  return n;
}

/** The sheet's column styles and widths from <cols>: each <col>'s range. */
function columnsOf(xml: string, end: number): { min: number; max: number; style: number; attrs: string; at: number; length: number }[] {
  const head = xml.slice(0, end);
  return [...head.matchAll(/<(?:\w+:)?col\b([^>]*?)\/?>/g)].map((m) => ({
    min: Number(attrOf(m[1]!, 'min')),
    max: Number(attrOf(m[1]!, 'max')),
    style: Number(attrOf(m[1]!, 'style') ?? 0),
    attrs: m[1]!,
    at: m.index,
    length: m[0].length,
  }));
}

/**
 * Applies `edits` to the sheet XML. `newColumns` are columns the plan adds: each gets the width of
 * the column at its left when the sheet sets one and none is set for it.
 */
export function patchSheet(xml: string, edits: CellEdit[], newColumns: number[] = []): SheetPatch {
  const { parts, formulaReplaced } = patchSheetParts(xml, edits, newColumns);
  return { xml: parts.join(''), formulaReplaced };
}

/**
 * patchSheet without joining: a sheet of 100,000 rows is 80 million characters, and its patched
 * copy is deflated piece by piece (./deflate) instead of being made into one string, then bytes.
 * `onPiece` is given each piece as it is made, in order (the copy's deflating begins meanwhile).
 * `positions`: where the fast reader found the rows and cells of this very text: the patch goes
 * from one cell it writes to the next with them (see `jump`), the same patch in less time.
 */
export function patchSheetParts(
  xml: string,
  edits: CellEdit[],
  newColumns: number[] = [],
  onPiece?: (piece: string) => void,
  positions?: SheetPositions,
): SheetPatchParts {
  const byRow = new Map<number, CellEdit[]>();
  for (const e of edits) {
    const list = byRow.get(e.row);
    if (list) list.push(e);
    else byRow.set(e.row, [e]);
  }
  // A plan gives its writes in row and column order: sorted only when they are not.
  for (const list of byRow.values()) if (!inOrder(list, (e) => e.col)) list.sort((a, b) => a.col - b.col);
  const rowsToDo = [...byRow.keys()];
  if (!inOrder(rowsToDo, (r) => r)) rowsToDo.sort((a, b) => a - b);
  const dataStart = xml.search(/<(?:\w+:)?sheetData[\s/>]/);
  if (dataStart < 0) throw new Error('no sheetData in the sheet');
  const cols = columnsOf(xml, dataStart);
  const columnStyle = (c: number) => cols.find((x) => x.min <= c && c <= x.max)?.style ?? 0;

  const out: string[] = [];
  const emit = onPiece
    ? (piece: string) => {
        out.push(piece);
        onPiece(piece);
      }
    : (piece: string) => out.push(piece);
  // The part before <sheetData> is the first piece: <dimension> and <cols> are edited in it alone (from the edits, all known now).
  emit(withColumnWidths(withDimension(xml.slice(0, dataStart), edits), newColumns));
  let copied = dataStart;
  const copyTo = (at: number) => {
    emit(xml.slice(copied, at));
    copied = at;
  };
  let pre = '';
  let nextRow = 0; // index into rowsToDo of the first row not yet reached
  let row = 0;
  let rowStyle: number | null = null;
  let col = 0;
  let pending: CellEdit[] = [];
  let formulaReplaced = false;
  // Shared formulas: the first cells (by si) that are replaced, and the other cells of each group that stay.
  const mastersReplaced = new Map<string, string>();
  const dependantsKept = new Set<string>();

  const newCell = (e: CellEdit, base: number) => cellXml(pre, a1(e.row, e.col), e.restyle ? e.restyle(base) : base, e.content ?? null);
  const baseStyle = (c: number) => rowStyle ?? columnStyle(c);
  // Rows the sheet does not have, made whole before row `below`: their cells take their column's style (a new row has
  // none of its own). The style of the row being read, if any, is left as it is for the cells written into it.
  const emitRows = (below: number) => {
    while (nextRow < rowsToDo.length && rowsToDo[nextRow]! < below) {
      const r = rowsToDo[nextRow++]!;
      emit(
        `<${pre}row r="${r}">${byRow
          .get(r)!
          .map((e) => newCell(e, columnStyle(e.col)))
          .join('')}</${pre}row>`,
      );
    }
  };

  // Whether the sheet may hold a shared formula (however its t attribute is quoted): if not, no cell but those written is looked into.
  // The fast reader reads no sheet that holds one (a formula with attributes): with its positions, the text is not searched.
  const sharedFormulas = !positions && xml.includes('shared');
  // A cell's end tag, made once for the sheet's prefix.
  let closePrefix: string | undefined = '';
  let closeTag = '</c>';

  // The read's positions, used while each place they give is a row's or a cell's tag in the text (with them there
  // are no shared formulas, above). A cursor to the current row's, then to its cells.
  let known = positions;
  let knownRow = 0;
  let rowIndex = -1;
  let cellIndex = 0;
  let cellsEnd = 0;
  /**
   * Where the pass goes on from `from`, in a row the read found: at the first cell from there whose
   * column is not below that of the next cell to write (the cells before it are neither written nor
   * moved, and are copied as they are), or at the row's end tag once the row's edits are all made or
   * no cell is left for them to go before. Else, or where that place is not the tag the read found, `from`.
   */
  const jump = (from: number): number => {
    if (!known || rowIndex < 0) return from;
    while (cellIndex < cellsEnd && known.cellAt[cellIndex]! < from) cellIndex++;
    if (pending.length > 0) while (cellIndex < cellsEnd && known.cellCol[cellIndex]! < pending[0]!.col) cellIndex++;
    const toCell = pending.length > 0 && cellIndex < cellsEnd;
    const to = toCell ? known.cellAt[cellIndex]! : known.rowEnd[rowIndex]!;
    if (to === from) return from;
    if (to > from && nextTag(xml, to) === to && tag.name === (toCell ? 'c' : 'row') && tag.closing === !toCell) {
      // The cell's column as the read has it, for one that says it by its position.
      if (toCell) col = known.cellCol[cellIndex]! - 1;
      return to;
    }
    known = undefined;
    return from;
  };

  let next = dataStart;
  for (let at = nextTag(xml, next); at >= 0; at = nextTag(xml, (next = jump(next)))) {
    next = tag.end;
    const name = tag.name;
    const prefix = tag.prefix;
    if (tag.closing && name === 'sheetData') {
      copyTo(at);
      emitRows(Infinity);
      break;
    }
    if (tag.closing) {
      rowIndex = -1;
      if (pending.length > 0) {
        copyTo(at);
        for (const e of pending) emit(newCell(e, baseStyle(e.col)));
        pending = [];
      }
      // Past the last row written, the rest of the sheet is copied as it is (unless a shared formula's group needs following).
      if (nextRow >= rowsToDo.length && !sharedFormulas) break;
      continue;
    }
    const selfClosing = tag.selfClosing;
    const { attrsFrom, attrsTo } = tag;
    if (name === 'sheetData') {
      pre = prefix ? `${prefix}:` : '';
      if (selfClosing) {
        copyTo(at);
        emit(`<${pre}sheetData>`);
        emitRows(Infinity);
        emit(`</${pre}sheetData>`);
        copied = tag.end;
        break;
      }
      continue;
    }
    if (name === 'row') {
      rowIndex = -1;
      if (known && !selfClosing) {
        while (knownRow < known.rows && known.rowAt[knownRow]! < at) knownRow++;
        if (knownRow < known.rows && known.rowAt[knownRow] === at) {
          rowIndex = knownRow;
          cellIndex = known.rowFirstCell[knownRow]!;
          cellsEnd = known.rowCellsEnd(knownRow);
        }
      }
      const attrs = xml.slice(attrsFrom, attrsTo);
      const r = refOf(attrs);
      row = r ? Number(r) : row + 1;
      col = 0;
      const customFormat = attrs.includes('customFormat') ? attrOf(attrs, 'customFormat') : undefined;
      rowStyle = customFormat === '1' || customFormat === 'true' ? Number(attrOf(attrs, 's') ?? 0) : null;
      const before = nextRow;
      if (nextRow < rowsToDo.length && rowsToDo[nextRow]! < row) {
        copyTo(at);
        emitRows(row);
      }
      const rowsInserted = nextRow > before;
      pending = nextRow < rowsToDo.length && rowsToDo[nextRow] === row ? byRow.get(rowsToDo[nextRow++]!)! : [];
      let a = attrs;
      // Rows inserted before a row that relies on its position: say where it is.
      if (!r && rowsInserted) a = withAttr(a, 'r', String(row));
      const spans = attrOf(a, 'spans');
      if (spans && pending.length > 0) {
        const [lo, hi] = spans.split(':', 2);
        const last = pending[pending.length - 1]!.col;
        if (Number(hi) < last) a = withAttr(a, 'spans', `${Number(lo)}:${last}`);
      }
      const p = prefix ? `${prefix}:` : '';
      if (selfClosing && pending.length > 0) {
        copyTo(at);
        emit(`<${p}row${a.replace(/\s*\/$/, '')}>`);
        for (const e of pending) emit(newCell(e, baseStyle(e.col)));
        emit(`</${p}row>`);
        pending = [];
        copied = tag.end;
      } else if (a !== attrs) {
        copyTo(at);
        emit(`<${p}row${a}${selfClosing ? '/' : ''}>`);
        copied = tag.end;
      }
      continue;
    }
    // A cell: its end, and what it holds.
    const start = at;
    let end = tag.end;
    const from = end;
    if (!selfClosing) {
      if (prefix !== closePrefix) [closePrefix, closeTag] = [prefix, `</${prefix ? `${prefix}:` : ''}c>`];
      const close = xml.indexOf(closeTag, end);
      if (close < 0) throw new Error('unclosed cell in the sheet');
      end = close + closeTag.length;
      next = end;
    }
    readCellRef(xml, attrsFrom, attrsTo);
    const ref = cellRef.has;
    col = ref ? cellRef.col || col + 1 : col + 1;
    let inserted = false;
    while (pending.length > 0 && pending[0]!.col < col) {
      if (!inserted) copyTo(start);
      inserted = true;
      const e = pending.shift()!;
      emit(newCell(e, baseStyle(e.col)));
    }
    const edit = pending.length > 0 && pending[0]!.col === col ? pending.shift()! : undefined;
    // What the cell holds matters only when it is written, or when it may be a shared formula's other cell.
    const inner = selfClosing || (!edit && !sharedFormulas) ? '' : xml.slice(from, end - closeTag.length);
    const f = edit || sharedFormulas ? F.exec(inner) : null;
    const shared = f && attrOf(f[1]!, 't') === 'shared' ? attrOf(f[1]!, 'si') : undefined;
    if (!edit) {
      if (shared !== undefined && f && attrOf(f[1]!, 'ref') === undefined) dependantsKept.add(shared);
      if (inserted && !ref) {
        // A cell inserted before one that relies on its position: say where it is.
        emit(`<${prefix ? `${prefix}:` : ''}c${withAttr(xml.slice(attrsFrom, attrsTo), 'r', a1(row, col))}${selfClosing ? '/' : ''}>`);
        copied = tag.end;
      }
      continue;
    }
    copyTo(start);
    const attrs = xml.slice(attrsFrom, attrsTo);
    const here = a1(row, col);
    const style = Number(attrOf(attrs, 's') ?? 0);
    if (edit.content === undefined) {
      // Only the style changes: the element kept but for its s attribute.
      const s = edit.restyle ? edit.restyle(style) : style;
      const a = s ? withAttr(attrs.replace(/\s*\/$/, ''), 's', String(s)) : withoutAttr(attrs.replace(/\s*\/$/, ''), 's');
      emit(
        `<${prefix ? `${prefix}:` : ''}c${ref ? a : withAttr(a, 'r', here)}${selfClosing ? '/' : ''}>${inner}${selfClosing ? '' : closeTag}`,
      );
      copied = end;
      continue;
    }
    if (attrOf(attrs, 'cm') !== undefined || attrOf(attrs, 'vm') !== undefined) throw new CopyError('cell-metadata', here);
    if (f) {
      const t = attrOf(f[1]!, 't');
      if (t === 'array' || t === 'dataTable') throw new CopyError('array-formula', here);
      if (shared !== undefined && attrOf(f[1]!, 'ref') !== undefined) mastersReplaced.set(shared, here);
      formulaReplaced = true;
    }
    emit(newCell(edit, style));
    copied = end;
  }
  copyTo(xml.length);
  for (const [si, cell] of mastersReplaced) if (dependantsKept.has(si)) throw new CopyError('shared-formula', cell);

  return { parts: out, formulaReplaced };
}

/** <dimension> grown to cover the cells written. */
function withDimension(xml: string, edits: CellEdit[]): string {
  const m = /<(?:\w+:)?dimension\b([^>]*?)\/?>/.exec(xml);
  if (!m || edits.length === 0) return xml;
  const ref = attrOf(m[1]!, 'ref');
  const area = ref ? parseArea(ref) : null;
  if (!area) return xml;
  let { top, left, bottom, right } = area;
  for (const e of edits) {
    if (e.row < top) top = e.row;
    if (e.row > bottom) bottom = e.row;
    if (e.col < left) left = e.col;
    if (e.col > right) right = e.col;
  }
  const grown = top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
  if (grown === ref) return xml;
  return xml.slice(0, m.index) + m[0].replace(/\bref\s*=\s*("[^"]*"|'[^']*')/, `ref="${grown}"`) + xml.slice(m.index + m[0].length);
}

/** A new column gets the width of the column at its left, when the sheet sets that one and nothing is set for it. `xml`: the sheet up to <sheetData>. */
function withColumnWidths(xml: string, newColumns: number[]): string {
  const dataStart = xml.length;
  let text = xml;
  for (const c of [...newColumns].sort((a, b) => a - b)) {
    const cols = columnsOf(text, dataStart + (text.length - xml.length));
    if (cols.some((x) => x.min <= c && c <= x.max)) continue;
    const left = cols.find((x) => x.min <= c - 1 && c - 1 <= x.max);
    const width = left ? attrOf(left.attrs, 'width') : undefined;
    if (!left || width === undefined) continue;
    const pre = /<(\w+:)?col\b/.exec(text.slice(left.at))![1] ?? '';
    const after = cols.filter((x) => x.min > c).sort((a, b) => a.min - b.min)[0];
    const at = after ? after.at : left.at + left.length;
    text = `${text.slice(0, at)}<${pre}col min="${c}" max="${c}" width="${width}" customWidth="1"/>${text.slice(at)}`;
  }
  return text;
}
