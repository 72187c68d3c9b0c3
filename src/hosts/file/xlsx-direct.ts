/**
 * The fast reader of an .xlsx: its sheet XML read straight into the rows of the engine's Grid
 * (./sheet-cells), the Grid SheetJS's reader makes of the same sheet (./sheetjs sheetToGrid),
 * without an object per cell or a second pass over them. exceljs's model (1.5 s and 460 ms of start-up at 10,000 rows) and SheetJS's parse (1 s) are
 * what `check` and `grade` spent most of their time on; this reads the same sheet in a tenth of it.
 *
 * It reads only what it can read exactly: plain values, shared and inline strings, booleans,
 * the usual errors, formulas written out in full, number formats of the workbook or the
 * built-in ones below. Anything else (shared or array formulas, phonetic runs, `_xHHHH_`
 * escapes, `_xlfn.` prefixes, date-typed cells, Strict OOXML…) makes it answer null, and the
 * workbook is read by the general readers (./xlsx) as before.
 */
import type { CellValue, Grid } from '../../engine';
import { inflatePart, type ZipEntry, zipEntries } from './copy/zip';
import { LimitError, READ_LIMITS, TRIM_BEYOND_DATA } from './limits';
import { type SheetSource, withinLimits } from './sheet';
import { SheetCells } from './sheet-cells';
import { SheetPositions } from './sheet-positions';

/** What the fast reader made of a package: its sheets, and whether empty rows far beyond the data were passed over. */
export interface DirectRead {
  sheets: SheetSource[];
  trimmed: boolean;
  /** The package's XML parts as inflated (exact names), when asked to keep them and they are no larger than KEPT_TEXT_CHARS. */
  texts: ReadonlyMap<string, string> | null;
  /** With `texts`: where each sheet's rows and cells are in its text (by the same names). */
  positions: ReadonlyMap<string, SheetPositions> | null;
}

/**
 * The most characters of XML a read keeps for the copy to use again (a graded sheet of about
 * 40,000 rows × 30 columns): inflating the sheet again takes about 3 ms a million, keeping a sheet
 * of 100,000 rows (80 million characters) would add as many bytes to the peak of `grade`.
 */
export const KEPT_TEXT_CHARS = 32 * 1024 * 1024;

/** Thrown inside the reader where the package holds something it does not read exactly: the general readers take over. */
class NotDirect extends Error {}

/**
 * SheetJS's names of the built-in number formats (XLSX.SSF.get_table(); a test holds the two
 * equal). An id not here (5–8, 23–36, 41–44, 50+ …) sends the workbook to the general readers.
 */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Excel's errors SheetJS has a code for (./sheetjs ERRORS): another is left to the general readers. */
const ERROR_TEXTS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|quot|amp|lt|gt|apos);/g;
const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
const unescapeXml = (s: string): string =>
  s.indexOf('&') < 0
    ? s
    : s.replace(ENTITY, (_m, e: string) =>
        e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : NAMED[e]!,
      );

const ATTR_CACHE = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = ATTR_CACHE.get(name);
  if (!re) ATTR_CACHE.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** `_xHHHH_` escapes and phonetic runs: read differently by each library, left to them. */
const UNSURE_TEXT = /_x[0-9a-fA-F]{4}_|<(?:\w+:)?rPh\b/;
const T_TEXT = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g;

/** The text of an <si> or <is>: its <t> runs joined. */
function runsText(inner: string): string {
  let s = '';
  for (const m of inner.matchAll(T_TEXT)) if (m[1]) s += m[1];
  return unescapeXml(s);
}

function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  if (UNSURE_TEXT.test(xml)) throw new NotDirect('shared strings');
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(runsText(m[1] ?? ''));
  return out;
}

/** Each cell style's number format (by its index in cellXfs), null for General. */
function cellFormats(xml: string | null): (string | null)[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const id = attr(m[1]!, 'numFmtId');
    const code = attr(m[1]!, 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(Number(id), unescapeXml(code));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?cellXfs>)/.exec(xml)?.[1] ?? '';
  const out: (string | null)[] = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1]!, 'numFmtId') ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id];
    if (code === undefined) throw new NotDirect(`number format ${id}`);
    out.push(code === 'General' ? null : code);
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) | 0x20) - 96;
  return n;
}

const REF = /^([A-Za-z]{1,3})(\d+)$/;
const V = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/;
const F = /<(?:\w+:)?f(\s[^>]*?)?(?:\/>|>([^<]*)<\/(?:\w+:)?f>)/;
/** A number as SheetJS's parseFloat reads it whole (exceljs writes a workbook's ±Infinity as the word). */
const NUMBER = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|Infinity)$/;
const IS = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

interface ReadSheet {
  cells: SheetCells;
  /** Row elements after the last row holding something (what ./package would cut past TRIM_BEYOND_DATA). */
  tailRows: number;
}

/** What `\s` matches (a regular expression's white space), by character code. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c >= 0xa0 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

/** What `\w` matches: a letter A–Z or a–z, a digit, an underscore. */
function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** True when xml[from, to) is one or more digits 0–9 (at most 9, so the number is exact). */
function digitsOnly(xml: string, from: number, to: number): boolean {
  if (to <= from || to - from > 9) return false;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function digitsValue(xml: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + xml.charCodeAt(i) - 48;
  return n;
}

/** True when the text is digits with at most one '.': what NUMBER accepts with nothing to trim, read by Number the same. */
function plainNumber(v: string): boolean {
  let dot = false;
  let digit = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return digit;
}

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * xml[from, to) read as a number when it is at most 15 digits with at most one '.', without a
 * string made for it; NaN otherwise. Exactly what Number gives the text: the digits are an exact
 * integer and 10^k an exact power, and one division of the two rounds as Number rounds the decimal.
 */
function plainNumberAt(xml: string, from: number, to: number): number {
  let n = 0;
  let digits = 0;
  let dot = -1;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + c - 48;
      digits++;
    } else if (c === 46 && dot < 0) dot = i;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  return dot < 0 ? n : n / POWERS[to - dot - 1]!;
}

/** Its number format (null for General); throws NotDirect for a style the workbook does not have. */
function formatOf(style: number | undefined, formats: (string | null)[]): string | null {
  if (style === undefined) return null;
  const z = formats[style];
  if (z === undefined && style !== 0) throw new NotDirect('style index');
  return z ?? null;
}

/**
 * A cell's attributes as the reader needs them, read in place in one pass over its start tag
 * (no attribute text or object per cell): its reference as (row, column), its style, its type.
 */
const at = { row: 0, col: 0, hasRef: false, style: undefined as number | undefined, type: undefined as string | undefined };

/** Reads xml[from, to), a cell's attribute text, into `at`; throws NotDirect where it is not attributes. */
function readCellAttrs(xml: string, from: number, to: number): void {
  at.hasRef = false;
  at.style = undefined;
  at.type = undefined;
  let i = from;
  while (i < to) {
    while (i < to && xml.charCodeAt(i) <= 32) i++;
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= to) break;
    // The attribute's name: one letter (r, s, t) read as is, anything longer trimmed first.
    let name = -1;
    if (eq - i === 1) name = xml.charCodeAt(i);
    else {
      const n = xml.slice(i, eq).trim();
      if (n.length === 1) name = n.charCodeAt(0);
    }
    let q = eq + 1;
    while (q < to && xml.charCodeAt(q) <= 32) q++;
    const quote = q < to ? xml.charCodeAt(q) : -1;
    if (quote !== 34 && quote !== 39) throw new NotDirect('attribute');
    const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (close < 0 || close >= to) throw new NotDirect('attribute');
    const v = q + 1;
    const w = close;
    if (name === 114) {
      // r: 1–3 letters, then the row's digits (REF).
      let j = v;
      while (j < w && j - v < 4 && (xml.charCodeAt(j) | 0x20) >= 97 && (xml.charCodeAt(j) | 0x20) <= 122) j++;
      const letters = j - v;
      if (letters < 1 || letters > 3 || j === w) throw new NotDirect('cell reference');
      let row = 0;
      for (let k = j; k < w; k++) {
        const c = xml.charCodeAt(k);
        if (c < 48 || c > 57) throw new NotDirect('cell reference');
        row = row * 10 + c - 48;
      }
      let col = 0;
      for (let k = v; k < j; k++) col = col * 26 + (xml.charCodeAt(k) | 0x20) - 96;
      at.hasRef = true;
      at.row = row;
      at.col = col;
    } else if (name === 115) at.style = digitsOnly(xml, v, w) ? digitsValue(xml, v, w) : Number(xml.slice(v, w));
    else if (name === 116) at.type = xml.slice(v, w);
    i = close + 1;
  }
}

/** The value and formula (with '=') of the cell last read by `cellOf`: one pair reused, no object per cell. */
const got = { value: null as CellValue, formula: null as string | null };

/**
 * A cell's value and formula into `got`, as SheetJS's reader and ./sheetjs cellValue make them.
 * `raw`: the text of its <v> when the cell holds that alone (read without slicing the rest), else
 * `inner` is what the element holds.
 */
function cellOf(type: string | undefined, raw: string | undefined, inner: string | undefined, strings: string[]): void {
  const t = type ?? 'n';
  let f: string | null = null;
  if (raw === undefined && inner !== undefined && inner !== '') {
    // Most cells are <v>…</v> alone.
    if (inner.startsWith('<v>') && inner.endsWith('</v>') && inner.indexOf('<', 3) === inner.length - 4) raw = inner.slice(3, -4);
    else {
      const fm = F.exec(inner);
      if (fm) {
        // Shared, array and data-table formulas, or any other attribute (ca, aca…): the general readers.
        if (fm[1] !== undefined && fm[1].trim() !== '') throw new NotDirect('formula attributes');
        f = unescapeXml(fm[2] ?? '');
        if (f === '' || f.includes('_xl') || f.includes('\r')) throw new NotDirect('formula text');
      }
      raw = V.exec(inner)?.[1];
    }
  }
  if (raw === '') raw = undefined;
  let value: CellValue;
  if (t === 'n' && raw !== undefined) {
    if (plainNumber(raw)) value = Number(raw);
    else {
      const v = raw.trim();
      if (!NUMBER.test(v)) throw new NotDirect('number');
      value = Number(v);
    }
  } else if (t === 's' && raw !== undefined) {
    const v = digitsOnly(raw, 0, raw.length)
      ? strings[digitsValue(raw, 0, raw.length)]
      : /^\d+$/.test(raw.trim())
        ? strings[Number(raw)]
        : undefined;
    if (v === undefined) throw new NotDirect('shared string index');
    value = v;
  } else if (t === 'inlineStr') {
    const is = inner === undefined ? null : IS.exec(inner);
    if (is && UNSURE_TEXT.test(is[1]!)) throw new NotDirect('inline text');
    value = is ? runsText(is[1]!) : '';
  } else if (t === 'str') {
    if (raw !== undefined && UNSURE_TEXT.test(raw)) throw new NotDirect('string');
    value = raw === undefined ? '' : unescapeXml(raw);
  } else if (raw === undefined) {
    // An empty cell: SheetJS's stub (t "z"), which holds nothing but its number format.
    if (t !== 'n' && t !== 's') throw new NotDirect(`empty cell of type ${t}`);
    value = null;
  } else if (t === 'b') {
    if (raw !== '0' && raw !== '1') throw new NotDirect('boolean');
    value = raw === '1';
  } else if (t === 'e') {
    const error = unescapeXml(raw);
    if (!ERROR_TEXTS.has(error)) throw new NotDirect('error');
    value = { error };
  } else throw new NotDirect(`cell type ${t}`);
  got.value = value;
  got.formula = f === null ? null : `=${f}`;
}

/**
 * Where the end tag of the cell whose content starts at `from` is, when that content is <v>…</v>
 * and nothing else (its first end tag is then right after </v>); -1 otherwise. `closeTag` is the
 * cell's end tag when prefixed (</x:c>), null for </c>.
 */
function vOnly(xml: string, from: number, closeTag: string | null): number {
  if (xml.charCodeAt(from) !== 60 || xml.charCodeAt(from + 1) !== 118 || xml.charCodeAt(from + 2) !== 62) return -1; // <v>
  const k = xml.indexOf('<', from + 3);
  if (k < 0 || xml.charCodeAt(k + 1) !== 47 || xml.charCodeAt(k + 2) !== 118 || xml.charCodeAt(k + 3) !== 62) return -1; // </v>
  const e = k + 4; // </c>, or the prefixed end tag
  if (closeTag !== null) return xml.startsWith(closeTag, e) ? e : -1;
  return xml.charCodeAt(e) === 60 && xml.charCodeAt(e + 1) === 47 && xml.charCodeAt(e + 2) === 99 && xml.charCodeAt(e + 3) === 62 ? e : -1;
}

const ROW = 'row';
const CELL = 'c';
const MERGE = 'mergeCell';
const SHEET_DATA = 'sheetData';

/**
 * The element a '<' at `lt` starts, when it is one the reader needs (rows, cells, merges,
 * sheetData, or an end tag of one): what /<(\/)?(\w+:)?(row|c|mergeCell|sheetData)(?=[\s/>])/
 * matches there, found with charCodeAt instead. Sets `tag`; false when it is another element.
 */
const tag = { closing: false, name: '', prefix: '', end: 0 };
function tagAt(xml: string, lt: number): boolean {
  let i = lt + 1;
  tag.closing = xml.charCodeAt(i) === 47; // '/'
  if (tag.closing) i++;
  let j = i;
  while (isWord(xml.charCodeAt(j))) j++;
  let local = i;
  if (xml.charCodeAt(j) === 58 && j > i) {
    // A prefix (x:row): the name after it.
    local = j + 1;
    j = local;
    while (isWord(xml.charCodeAt(j))) j++;
  }
  const next = xml.charCodeAt(j);
  if (!(next === 47 || next === 62 || isSpace(next))) return false;
  const length = j - local;
  const name =
    length === 1 && xml.charCodeAt(local) === 99
      ? CELL
      : length === 3 && xml.startsWith(ROW, local)
        ? ROW
        : length === 9 && xml.startsWith(SHEET_DATA, local)
          ? SHEET_DATA
          : length === 9 && xml.startsWith(MERGE, local)
            ? MERGE
            : '';
  if (!name) return false;
  tag.name = name;
  tag.prefix = local > i ? xml.slice(i, local) : '';
  tag.end = j;
  return true;
}

/** A sheet's XML as its cells by (row, column), merges and hidden rows. */
function readSheet(xml: string, strings: string[], formats: (string | null)[], positions: SheetPositions | null): ReadSheet {
  const cells = new SheetCells();
  let row = 0;
  let col = 0;
  let tailRows = 0;
  let closeTag = '</c>';
  let closePrefix = '';
  const begin = xml.search(/<(?:\w+:)?sheetData[\s/>]/);
  if (begin < 0) throw new NotDirect('no sheetData');
  let pos = begin;
  for (let lt = xml.indexOf('<', pos); lt >= 0; lt = xml.indexOf('<', pos)) {
    if (!tagAt(xml, lt)) {
      pos = lt + 1;
      continue;
    }
    const name = tag.name;
    pos = tag.end;
    if (tag.closing) {
      if (name !== SHEET_DATA) {
        if (name === ROW) positions?.endRow(lt);
        continue;
      }
      // Past </sheetData> only the merges are read: jump to them.
      const next = xml.indexOf('mergeCells', pos);
      if (next < 0) break;
      pos = next;
      continue;
    }
    const open = tag.end;
    const gt = xml.indexOf('>', open);
    if (gt < 0) throw new NotDirect('unclosed tag');
    const selfClosing = xml.charCodeAt(gt - 1) === 47; // '/'
    const attrEnd = selfClosing ? gt - 1 : gt;
    pos = gt + 1;
    if (name === ROW) {
      const attrs = xml.slice(open, attrEnd);
      const r = attr(attrs, 'r');
      row = r !== undefined ? Number(r) : row + 1;
      if (!Number.isInteger(row) || row < 1) throw new NotDirect('row number');
      positions?.startRow(lt);
      col = 0;
      tailRows++;
      const hidden = attr(attrs, 'hidden');
      if (hidden === '1' || hidden === 'true') cells.hide(row);
    } else if (name === CELL) {
      let raw: string | undefined;
      let inner: string | undefined;
      // (Plain assignments here, not [a, b] = [x, y]: in this loop that made an array per cell.)
      let vFrom = 0;
      let vTo = 0;
      if (!selfClosing) {
        if (tag.prefix !== closePrefix) [closePrefix, closeTag] = [tag.prefix, `</${tag.prefix}c>`];
        const from = gt + 1;
        // Most cells are <v>…</v></c>: seen by their characters, without searching for the end tag.
        let close = vOnly(xml, from, closePrefix === '' ? null : closeTag);
        if (close >= 0) {
          vFrom = from + 3;
          vTo = close - 4;
        } else {
          close = xml.indexOf(closeTag, from);
          if (close < 0) throw new NotDirect('unclosed cell');
          if (
            close - from >= 7 &&
            xml.startsWith('<v>', from) &&
            xml.startsWith('</v>', close - 4) &&
            xml.indexOf('<', from + 3) === close - 4
          ) {
            vFrom = from + 3;
            vTo = close - 4;
          } else inner = xml.slice(from, close);
        }
        pos = close + closeTag.length;
      }
      readCellAttrs(xml, open, attrEnd);
      if (at.hasRef) {
        if (at.row !== row) throw new NotDirect('cell outside its row');
        col = at.col;
      } else col++;
      if (row === 0) throw new NotDirect('cell outside a row');
      positions?.cell(lt, col);
      let value: CellValue = null;
      let formula: string | null = null;
      let read = false;
      if (vTo > vFrom) {
        // A number or a shared string read where it is, without a string made for its text.
        const t = at.type;
        if (t === undefined || t === 'n') {
          const v = plainNumberAt(xml, vFrom, vTo);
          if (!Number.isNaN(v)) {
            value = v;
            read = true;
          }
        } else if (t === 's' && digitsOnly(xml, vFrom, vTo)) {
          const v = strings[digitsValue(xml, vFrom, vTo)];
          if (v === undefined) throw new NotDirect('shared string index');
          value = v;
          read = true;
        }
        if (!read) raw = xml.slice(vFrom, vTo);
      }
      if (!read) {
        cellOf(at.type, raw, inner, strings);
        value = got.value;
        formula = got.formula;
      }
      const numFmt = formatOf(at.style, formats);
      // An empty cell with the General format holds nothing the Grid keeps.
      if (value === null && formula === null && numFmt === null) continue;
      cells.put(row, col, value, formula, numFmt);
      if (value !== null || formula !== null) tailRows = 0;
    } else if (name === MERGE) {
      const ref = attr(xml.slice(open, attrEnd), 'ref')?.split(':');
      const a = ref?.[0] ? REF.exec(ref[0]) : null;
      const b = ref?.[1] ? REF.exec(ref[1]) : a;
      if (!a || !b || ref!.length > 2) throw new NotDirect('merge');
      const [r1, c1, r2, c2] = [Number(a[2]), columnNumber(a[1]!), Number(b[2]), columnNumber(b[1]!)];
      cells.merge({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
    } else if (selfClosing) {
      // <sheetData/>: no cells; on to the merges.
      const next = xml.indexOf('mergeCells', pos);
      if (next < 0) break;
      pos = next;
    }
  }
  return { cells, tailRows };
}

/** The workbook's sheets in order: name, visibility and part, from xl/workbook.xml and its relationships. */
function sheetList(part: (name: string) => string | null): { name: string; visible: boolean; part: string }[] {
  const workbook = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) throw new NotDirect('no workbook part');
  if (workbook.includes('purl.oclc.org/ooxml')) throw new NotDirect('Strict OOXML');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].map((m) => {
    const name = attr(m[1]!, 'name');
    const id = attr(m[1]!, '\\w+:id');
    const target = id ? targets.get(id) : undefined;
    // A chart sheet or a macro sheet: the general readers.
    if (name === undefined || !target || !/^xl\/worksheets\/[^/]+\.xml$/i.test(target)) throw new NotDirect('sheet part');
    const state = attr(m[1]!, 'state');
    return { name: unescapeXml(name), visible: state !== 'hidden' && state !== 'veryHidden', part: target };
  });
}

/** The part a relationship of type `kind` of the workbook names, or the usual place. */
function workbookPart(rels: string, kind: string, usual: string): string {
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g))
    if (attr(m[1]!, 'Type')?.endsWith(`/${kind}`)) {
      const target = attr(m[1]!, 'Target')!;
      return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  return usual;
}

/**
 * The package read by the fast reader, or null when it holds something only the general readers
 * read exactly. Refuses as ./package does: every part inflated within READ_LIMITS.unpackedBytes,
 * a sheet whose cells span more than READ_LIMITS (LimitError) before its Grid is built.
 */
export function readDirect(data: Buffer, keepTexts = false): DirectRead | null {
  let entries: ZipEntry[];
  try {
    entries = zipEntries(data);
  } catch {
    return null; // a broken zip is worded by the general readers
  }
  // Every part inflated once within the budget, as ./package does: a zip bomb stops here.
  let budget = READ_LIMITS.unpackedBytes;
  const texts = new Map<string, string>();
  const byLower = new Map<string, ZipEntry>();
  try {
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      byLower.set(e.name.toLowerCase(), e);
      const bytes = inflatePart(data, e, budget);
      budget -= bytes.length;
      if (/\.(xml|rels)$/i.test(e.name)) texts.set(e.name, bytes.toString('utf8'));
    }
  } catch (e) {
    if (e instanceof LimitError) throw e;
    return null;
  }
  const part = (name: string): string | null => texts.get(name) ?? texts.get(byLower.get(name.toLowerCase())?.name ?? '') ?? null;
  let kept = 0;
  if (keepTexts) for (const t of texts.values()) kept += t.length;
  const keep = keepTexts && kept <= KEPT_TEXT_CHARS;
  const positions = new Map<string, SheetPositions>();
  try {
    const list = sheetList(part);
    const rels = part('xl/_rels/workbook.xml.rels')!;
    const strings = sharedStrings(part(workbookPart(rels, 'sharedStrings', 'xl/sharedStrings.xml')));
    const formats = cellFormats(part(workbookPart(rels, 'styles', 'xl/styles.xml')));
    let trimmed = false;
    const sheets = list.map((s): SheetSource => {
      const xml = part(s.part);
      if (xml === null) throw new NotDirect('missing sheet part');
      const textName = byLower.get(s.part.toLowerCase())?.name ?? s.part;
      if (!keep) texts.delete(textName); // the text let go once read
      // With the text kept for the copy, where its rows and cells are (for the patch of the same text).
      const sheetPositions = keep ? new SheetPositions() : null;
      const read = readSheet(xml, strings, formats, sheetPositions);
      if (sheetPositions) positions.set(textName, sheetPositions);
      const data = read.cells.data;
      if (data) withinLimits(s.name, data);
      if (read.tailRows > TRIM_BEYOND_DATA) trimmed = true;
      // The Grid is made once, from rows it takes over: a refusal (a text too long) is kept to be given again.
      let cells: SheetCells | null = read.cells;
      let grid: Grid | null = null;
      let refused: unknown = null;
      return {
        name: s.name,
        visible: s.visible,
        grid: () => {
          if (refused !== null) throw refused;
          if (!grid) {
            try {
              grid = cells!.grid(s.name);
            } catch (e) {
              refused = e;
              throw e;
            } finally {
              cells = null;
            }
          }
          return grid;
        },
      };
    });
    return { sheets, trimmed, texts: keep ? texts : null, positions: keep ? positions : null };
  } catch (e) {
    if (e instanceof NotDirect) return null;
    throw e;
  }
}
