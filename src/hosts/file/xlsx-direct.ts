/**
 * The fast reader of an .xlsx: its sheet XML read straight into the cells SheetJS's dense mode
 * would make, then into the Grid by the very code that turns SheetJS's cells into one
 * (./sheetjs sheetToGrid), so the used range, merges and hidden rows come out the same way.
 * exceljs's model (1.5 s and 460 ms of start-up at 10,000 rows) and SheetJS's parse (1 s) are
 * what `check` and `grade` spent most of their time on; this reads the same sheet in a tenth of it.
 *
 * It reads only what it can read exactly: plain values, shared and inline strings, booleans,
 * the usual errors, formulas written out in full, number formats of the workbook or the
 * built-in ones below. Anything else (shared or array formulas, phonetic runs, `_xHHHH_`
 * escapes, `_xlfn.` prefixes, date-typed cells, Strict OOXML…) makes it answer null, and the
 * workbook is read by the general readers (./xlsx) as before.
 */
import type { Area } from '../../engine';
import type * as XLSX from '@e965/xlsx';
import { inflatePart, type ZipEntry, zipEntries } from './copy/zip';
import { LimitError, READ_LIMITS, TRIM_BEYOND_DATA } from './limits';
import { type SheetSource, withinLimits } from './sheet';
import { type SheetCell, sheetToGrid } from './sheetjs';

/** What the fast reader made of a package: its sheets, and whether empty rows far beyond the data were passed over. */
export interface DirectRead {
  sheets: SheetSource[];
  trimmed: boolean;
}

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

/** Excel's error texts as SheetJS's codes (./sheetjs ERRORS turns them back). */
const ERROR_CODES: Record<string, number> = {
  '#NULL!': 0x00,
  '#DIV/0!': 0x07,
  '#VALUE!': 0x0f,
  '#REF!': 0x17,
  '#NAME?': 0x1d,
  '#NUM!': 0x24,
  '#N/A': 0x2a,
  '#GETTING_DATA': 0x2b,
};

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
  ws: XLSX.WorkSheet;
  data: Area | null;
  /** Row elements after the last row holding something (what ./package would cut past TRIM_BEYOND_DATA). */
  tailRows: number;
}

/** A cell's r, s and t attributes, read in one pass over its attribute text. */
function cellAttrs(attrs: string): { r?: string; s?: string; t?: string } {
  const out: { r?: string; s?: string; t?: string } = {};
  let i = 0;
  const n = attrs.length;
  while (i < n) {
    while (i < n && attrs.charCodeAt(i) <= 32) i++;
    const eq = attrs.indexOf('=', i);
    if (eq < 0) break;
    const name = attrs.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && attrs.charCodeAt(q) <= 32) q++;
    const quote = attrs[q];
    if (quote !== '"' && quote !== "'") throw new NotDirect('attribute');
    const close = attrs.indexOf(quote, q + 1);
    if (close < 0) throw new NotDirect('attribute');
    if (name === 'r' || name === 's' || name === 't') out[name] = attrs.slice(q + 1, close);
    i = close + 1;
  }
  return out;
}

/**
 * One cell as SheetJS's dense mode holds it (t, v, f, z). SheetJS keeps a cell that holds nothing
 * as a stub (t "z") with its number format; the Grid takes only that format from it, so a stub
 * is made only when the format is not General (null otherwise: the same Grid, fewer objects).
 */
function cellOf(a: { s?: string; t?: string }, inner: string | undefined, strings: string[], formats: (string | null)[]): SheetCell | null {
  const t = a.t ?? 'n';
  let f: string | undefined;
  let raw: string | undefined;
  if (inner !== undefined && inner !== '') {
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
  let cell: SheetCell;
  if (t === 'inlineStr') {
    const is = inner === undefined ? null : IS.exec(inner);
    if (is && UNSURE_TEXT.test(is[1]!)) throw new NotDirect('inline text');
    cell = { t: 's', v: is ? runsText(is[1]!) : '' };
  } else if (t === 'str') {
    if (raw !== undefined && UNSURE_TEXT.test(raw)) throw new NotDirect('string');
    cell = { t: 's', v: raw === undefined ? '' : unescapeXml(raw) };
  } else if (raw === undefined) {
    if (t !== 'n' && t !== 's') throw new NotDirect(`empty cell of type ${t}`);
    cell = { t: 'z' };
  } else if (t === 'n') {
    const v = raw.trim();
    if (!NUMBER.test(v)) throw new NotDirect('number');
    cell = { t: 'n', v: Number(v) };
  } else if (t === 's') {
    const v = strings[Number(raw)];
    if (v === undefined || !/^\d+$/.test(raw.trim())) throw new NotDirect('shared string index');
    cell = { t: 's', v };
  } else if (t === 'b') {
    if (raw !== '0' && raw !== '1') throw new NotDirect('boolean');
    cell = { t: 'b', v: raw === '1' };
  } else if (t === 'e') {
    const code = ERROR_CODES[unescapeXml(raw)];
    if (code === undefined) throw new NotDirect('error');
    cell = { t: 'e', v: code };
  } else throw new NotDirect(`cell type ${t}`);
  if (f !== undefined) cell.f = f;
  if (a.s !== undefined) {
    const z = formats[Number(a.s)];
    if (z === undefined && Number(a.s) !== 0) throw new NotDirect('style index');
    if (z) cell.z = z;
  }
  return cell.t === 'z' && cell.f === undefined && cell.z === undefined ? null : cell;
}

/** The start of each element the reader needs (its end found by indexOf): rows, cells, merges, the end of sheetData. */
const SHEET_TAG = /<(\/)?(\w+:)?(row|c|mergeCell|sheetData)(?=[\s/>])/g;

/** A sheet's XML as SheetJS's dense worksheet: cells by (row, column), merges, hidden rows. */
function readSheet(xml: string, strings: string[], formats: (string | null)[]): ReadSheet {
  const dense: (SheetCell | undefined)[][] = [];
  const merges: XLSX.Range[] = [];
  const rows: XLSX.RowInfo[] = [];
  let [top, left, bottom, right] = [Infinity, Infinity, 0, 0];
  let row = 0;
  let col = 0;
  let tailRows = 0;
  const begin = xml.search(/<(?:\w+:)?sheetData[\s/>]/);
  if (begin < 0) throw new NotDirect('no sheetData');
  SHEET_TAG.lastIndex = begin;
  for (let m = SHEET_TAG.exec(xml); m; m = SHEET_TAG.exec(xml)) {
    const name = m[3]!;
    if (m[1]) {
      if (name !== 'sheetData') continue;
      // Past </sheetData> only the merges are read: jump to them.
      const at = xml.indexOf('mergeCells', SHEET_TAG.lastIndex);
      if (at < 0) break;
      SHEET_TAG.lastIndex = at;
      continue;
    }
    const open = m.index + m[0].length;
    const gt = xml.indexOf('>', open);
    if (gt < 0) throw new NotDirect('unclosed tag');
    const selfClosing = xml.charCodeAt(gt - 1) === 47; // '/'
    const attrs = xml.slice(open, selfClosing ? gt - 1 : gt);
    SHEET_TAG.lastIndex = gt + 1;
    if (name === 'row') {
      const r = attr(attrs, 'r');
      row = r !== undefined ? Number(r) : row + 1;
      if (!Number.isInteger(row) || row < 1) throw new NotDirect('row number');
      col = 0;
      tailRows++;
      const hidden = attr(attrs, 'hidden');
      if (hidden === '1' || hidden === 'true') rows[row - 1] = { hidden: true };
    } else if (name === 'c') {
      let inner: string | undefined;
      if (!selfClosing) {
        const closeTag = `</${m[2] ?? ''}c>`;
        const close = xml.indexOf(closeTag, gt + 1);
        if (close < 0) throw new NotDirect('unclosed cell');
        inner = xml.slice(gt + 1, close);
        SHEET_TAG.lastIndex = close + closeTag.length;
      }
      const a = cellAttrs(attrs);
      if (a.r !== undefined) {
        const ref = REF.exec(a.r);
        if (!ref) throw new NotDirect('cell reference');
        if (Number(ref[2]) !== row) throw new NotDirect('cell outside its row');
        col = columnNumber(ref[1]!);
      } else col++;
      if (row === 0) throw new NotDirect('cell outside a row');
      const cell = cellOf(a, inner, strings, formats);
      if (!cell) continue;
      (dense[row - 1] ??= [])[col - 1] = cell;
      if (cell.t !== 'z' || cell.f !== undefined) {
        if (row < top) top = row;
        if (row > bottom) bottom = row;
        if (col < left) left = col;
        if (col > right) right = col;
        tailRows = 0;
      }
    } else if (name === 'mergeCell') {
      const ref = attr(attrs, 'ref')?.split(':');
      const a = ref?.[0] ? REF.exec(ref[0]) : null;
      const b = ref?.[1] ? REF.exec(ref[1]) : a;
      if (!a || !b || ref!.length > 2) throw new NotDirect('merge');
      const [r1, c1, r2, c2] = [Number(a[2]), columnNumber(a[1]!), Number(b[2]), columnNumber(b[1]!)];
      merges.push({ s: { r: Math.min(r1, r2) - 1, c: Math.min(c1, c2) - 1 }, e: { r: Math.max(r1, r2) - 1, c: Math.max(c1, c2) - 1 } });
    } else if (selfClosing) {
      // <sheetData/>: no cells; on to the merges.
      const at = xml.indexOf('mergeCells', SHEET_TAG.lastIndex);
      if (at < 0) break;
      SHEET_TAG.lastIndex = at;
    }
  }
  const ws = { '!data': dense, '!merges': merges, '!rows': rows } as unknown as XLSX.WorkSheet;
  return { ws, data: bottom === 0 ? null : { top, left, bottom, right }, tailRows };
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
export function readDirect(data: Buffer): DirectRead | null {
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
  try {
    const list = sheetList(part);
    const rels = part('xl/_rels/workbook.xml.rels')!;
    const strings = sharedStrings(part(workbookPart(rels, 'sharedStrings', 'xl/sharedStrings.xml')));
    const formats = cellFormats(part(workbookPart(rels, 'styles', 'xl/styles.xml')));
    let trimmed = false;
    const sheets = list.map((s): SheetSource => {
      const xml = part(s.part);
      if (xml === null) throw new NotDirect('missing sheet part');
      texts.delete(byLower.get(s.part.toLowerCase())?.name ?? s.part); // the text let go once read
      const read = readSheet(xml, strings, formats);
      if (read.data) withinLimits(s.name, read.data);
      if (read.tailRows > TRIM_BEYOND_DATA) trimmed = true;
      let grid: ReturnType<typeof sheetToGrid> | null = null;
      return {
        name: s.name,
        visible: s.visible,
        grid: () => (grid ??= sheetToGrid(s.name, read.ws, true)),
      };
    });
    return { sheets, trimmed };
  } catch (e) {
    if (e instanceof NotDirect) return null;
    throw e;
  }
}
