/**
 * What an .xls (BIFF8) holds beyond cell values, read from its records: defined names, notes,
 * hyperlinks, conditional formats, data validations, drawing objects, frozen panes, print
 * settings, protection and filters. SheetJS (./legacy) reads values and formulas and drops these,
 * so `grade` lists them as what the .xlsx copy does not carry — each kind with its count and where.
 *
 * One walk over the 'Workbook' stream of the compound file, record by record (type, length, data):
 * linear in the stream's size, which READ_LIMITS.packageBytes bounds; every read checked against
 * its record's length; only the first MAX_PLACES places of a kind kept (counts are all of them).
 */
import * as XLSX from '@e965/xlsx';
import { a1, areaA1, columnLetters } from '../../engine';

export type XlsKind =
  | 'names'
  | 'notes'
  | 'hyperlinks'
  | 'conditional-formats'
  | 'validations'
  | 'pictures'
  | 'charts'
  | 'text-boxes'
  | 'shapes'
  | 'frozen-panes'
  | 'print-settings'
  | 'sheet-protection'
  | 'workbook-protection'
  | 'filters'
  /** Formulas that use a defined name: without the name, they show #NAME? in the copy. */
  | 'name-formulas';

/** The order kinds are reported in. */
export const XLS_KINDS: readonly XlsKind[] = [
  'names',
  'name-formulas',
  'notes',
  'hyperlinks',
  'conditional-formats',
  'validations',
  'pictures',
  'charts',
  'text-boxes',
  'shapes',
  'frozen-panes',
  'print-settings',
  'sheet-protection',
  'workbook-protection',
  'filters',
];

/** One thing of a print setup, as words render it (./cli words). */
export type PrintItem =
  | { item: 'area'; ref: string }
  | { item: 'titles'; ref: string }
  | { item: 'landscape' }
  | { item: 'scale'; percent: number }
  | { item: 'fit'; wide: number; tall: number }
  | { item: 'paper'; paper: string }
  | { item: 'header' }
  | { item: 'footer' }
  | { item: 'breaks'; count: number }
  | { item: 'gridlines' }
  | { item: 'centred' };

/** Where one of a kind is: a sheet and a cell or range (null for the sheet as a whole), or a defined name. */
export interface Place {
  sheet: string | null;
  ref: string | null;
  /** A defined name's own name; the name a formula uses. */
  name?: string;
  /** A sheet's print settings. */
  print?: PrintItem[];
}

export interface HeldKind {
  kind: XlsKind;
  count: number;
  /** The first MAX_PLACES of them. */
  places: Place[];
}

/** What a file in the old format held: `biff` false when it is not a BIFF8 workbook (Excel 95 and older, or HTML/XML saved as .xls), so nothing could be listed. */
export interface XlsHeld {
  biff: boolean;
  kinds: HeldKind[];
  /** Every user-defined name (the places of `names` stop at MAX_PLACES). */
  names: string[];
}

export const MAX_PLACES = 20;

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  BOUNDSHEET: 0x0085,
  NAME: 0x0018,
  NOTE: 0x001c,
  HLINK: 0x01b8,
  CONDFMT: 0x01b0,
  CONDFMT12: 0x0879,
  DV: 0x01be,
  OBJ: 0x005d,
  WINDOW2: 0x023e,
  PANE: 0x0041,
  SETUP: 0x00a1,
  WSBOOL: 0x0081,
  HEADER: 0x0014,
  FOOTER: 0x0015,
  HPAGEBREAKS: 0x001b,
  VPAGEBREAKS: 0x001a,
  PRINTGRIDLINES: 0x002b,
  HCENTER: 0x0083,
  VCENTER: 0x0084,
  PROTECT: 0x0012,
  AUTOFILTERINFO: 0x009d,
} as const;

/** OBJ types (ftCmo.ot) and the kind each is reported as; notes (0x19) are counted from NOTE records, groups (0x00) by what they hold. */
const OBJECT_KIND: Record<number, XlsKind | null> = { 0x00: null, 0x19: null, 0x05: 'charts', 0x08: 'pictures', 0x06: 'text-boxes' };

/** Paper sizes worth naming (A4 and Letter are the defaults, not a setting anyone made). */
const PAPER: Record<number, string> = { 5: 'Legal', 8: 'A3', 11: 'A5', 12: 'B4', 13: 'B5' };

/** Built-in names (NAME records with fBuiltin): print area and print titles belong to print settings; the rest are Excel's own. */
const BUILTIN_PRINT_AREA = 0x06;
const BUILTIN_PRINT_TITLES = 0x07;
const BUILTIN_SPELT: Record<string, number> = { '_xlnm.print_area': BUILTIN_PRINT_AREA, '_xlnm.print_titles': BUILTIN_PRINT_TITLES };

class BiffRecord {
  constructor(
    readonly type: number,
    readonly at: number,
    readonly body: Buffer,
  ) {}
  u8(o: number): number {
    return o + 1 <= this.body.length ? this.body[o]! : 0;
  }
  u16(o: number): number {
    return o + 2 <= this.body.length ? this.body.readUInt16LE(o) : 0;
  }
  u32(o: number): number {
    return o + 4 <= this.body.length ? this.body.readUInt32LE(o) : 0;
  }
}

/** A BIFF8 string without its length: a flag byte (UTF-16 or 8-bit), then the characters; returns the text and where it ends. */
function chars(r: BiffRecord, o: number, cch: number): [string, number] {
  const wide = (r.u8(o) & 0x01) === 1;
  const start = o + 1;
  const end = Math.min(r.body.length, start + cch * (wide ? 2 : 1));
  const text = wide
    ? r.body.subarray(start, end - ((end - start) % 2)).toString('utf16le')
    : r.body.subarray(start, end).toString('latin1');
  return [text, start + cch * (wide ? 2 : 1)];
}

/** A range list (cref, then Ref8U rwFirst rwLast colFirst colLast) as A1 ranges. */
function sqref(r: BiffRecord, o: number): string[] {
  const n = r.u16(o);
  const out: string[] = [];
  for (let i = 0; i < n && o + 2 + (i + 1) * 8 <= r.body.length; i++) {
    const p = o + 2 + i * 8;
    out.push(rangeA1(r.u16(p), r.u16(p + 2), r.u16(p + 4), r.u16(p + 6)));
  }
  return out;
}

function rangeA1(rwFirst: number, rwLast: number, colFirst: number, colLast: number): string {
  if (rwFirst === rwLast && colFirst === colLast) return a1(rwFirst + 1, colFirst + 1);
  return areaA1({ top: rwFirst + 1, left: colFirst + 1, bottom: rwLast + 1, right: colLast + 1 });
}

function* records(stream: Buffer): Generator<BiffRecord> {
  let o = 0;
  while (o + 4 <= stream.length) {
    const type = stream.readUInt16LE(o);
    const len = stream.readUInt16LE(o + 2);
    yield new BiffRecord(type, o, stream.subarray(o + 4, Math.min(stream.length, o + 4 + len)));
    o += 4 + len;
  }
}

class Tally {
  readonly kinds = new Map<XlsKind, HeldKind>();
  add(kind: XlsKind, place: Place, count = 1): void {
    let k = this.kinds.get(kind);
    if (!k) this.kinds.set(kind, (k = { kind, count: 0, places: [] }));
    k.count += count;
    if (k.places.length < MAX_PLACES) k.places.push(place);
  }
}

interface SheetState {
  name: string;
  frozen: boolean;
  pane: { x: number; y: number } | null;
  print: PrintItem[];
  protected: boolean;
  filtered: boolean;
}

/** The compound file's workbook stream; null when there is none (not BIFF8). */
function workbookStream(data: Buffer): Buffer | null {
  try {
    const cfb = XLSX.CFB.read(data, { type: 'buffer' });
    const entry = XLSX.CFB.find(cfb, 'Workbook');
    if (!entry?.content) return null;
    return Buffer.from(entry.content as Uint8Array);
  } catch {
    return null;
  }
}

/** What the .xls in `data` holds that a copy read through SheetJS cannot carry. */
export function xlsHeld(data: Buffer): XlsHeld {
  const stream = workbookStream(data);
  if (!stream || stream.length < 8 || stream.readUInt16LE(0) !== R.BOF || stream.readUInt16LE(4) !== 0x0600)
    return { biff: false, kinds: [], names: [] };
  const tally = new Tally();
  const sheetAt = new Map<number, string>();
  const sheetNames: string[] = [];
  const names: { name: string; sheet: number; builtin: number | null; refs: string[] }[] = [];
  let bookProtected = false;
  let depth = 0;
  let sheet: SheetState | null = null;
  const finish = (s: SheetState) => {
    if (s.frozen && s.pane && (s.pane.x > 0 || s.pane.y > 0))
      tally.add('frozen-panes', { sheet: s.name, ref: a1(s.pane.y + 1, s.pane.x + 1) });
    if (s.print.length > 0) tally.add('print-settings', { sheet: s.name, ref: null, print: s.print });
    if (s.protected) tally.add('sheet-protection', { sheet: s.name, ref: null });
    if (s.filtered) tally.add('filters', { sheet: s.name, ref: null });
  };
  for (const r of records(stream)) {
    if (r.type === R.BOF) {
      depth++;
      // A worksheet's substream (an embedded chart's BOF nests inside it, and is not a sheet).
      if (depth === 1) {
        const name = sheetAt.get(r.at);
        sheet =
          name !== undefined && r.u16(2) === 0x0010
            ? { name, frozen: false, pane: null, print: [], protected: false, filtered: false }
            : null;
        // A chart sheet: the whole sheet is a chart.
        if (name !== undefined && r.u16(2) === 0x0020) tally.add('charts', { sheet: name, ref: null });
      }
      continue;
    }
    if (r.type === R.EOF) {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && sheet) {
        finish(sheet);
        sheet = null;
      }
      continue;
    }
    if (depth !== 1) continue;
    if (!sheet) {
      // Workbook globals (or a substream that is no worksheet).
      if (r.type === R.BOUNDSHEET) {
        const [name] = chars(r, 7, r.u8(6));
        sheetAt.set(r.u32(0), name);
        sheetNames.push(name);
      } else if (r.type === R.NAME) {
        const grbit = r.u16(0);
        const cch = r.u8(3);
        const itab = r.u16(8);
        const builtin = (grbit & 0x0020) !== 0;
        const [text, end] = chars(r, 14, cch);
        // Built-in names are a one-character code; some writers spell them out (_xlnm.Print_Area) instead.
        const spelt = BUILTIN_SPELT[text.toLowerCase()];
        const code = builtin ? text.charCodeAt(0) : spelt !== undefined ? spelt : text.startsWith('_xlnm.') ? -1 : null;
        names.push({ name: text, sheet: itab, builtin: code, refs: nameRefs(r, end, r.u16(4)) });
      } else if (r.type === R.PROTECT && r.u16(0) === 1) bookProtected = true;
      continue;
    }
    switch (r.type) {
      case R.NOTE:
        tally.add('notes', { sheet: sheet.name, ref: a1(r.u16(0) + 1, r.u16(2) + 1) });
        break;
      case R.HLINK:
        tally.add('hyperlinks', { sheet: sheet.name, ref: rangeA1(r.u16(0), r.u16(2), r.u16(4), r.u16(6)) });
        break;
      case R.CONDFMT:
        tally.add('conditional-formats', { sheet: sheet.name, ref: sqref(r, 12).join(' ') }, r.u16(0));
        break;
      case R.CONDFMT12:
        // Excel 2007's rules: a 12-byte future-record header, then the same layout as CONDFMT.
        tally.add('conditional-formats', { sheet: sheet.name, ref: sqref(r, 12 + 12).join(' ') }, r.u16(12));
        break;
      case R.DV: {
        let o = 4;
        for (let i = 0; i < 4; i++) o = chars(r, o + 2, r.u16(o))[1];
        for (let i = 0; i < 2; i++) o += 4 + r.u16(o);
        tally.add('validations', { sheet: sheet.name, ref: sqref(r, o).join(' ') });
        break;
      }
      case R.OBJ: {
        if (r.u16(0) !== 0x15) break;
        const ot = r.u16(4);
        const kind = ot in OBJECT_KIND ? OBJECT_KIND[ot] : 'shapes';
        if (kind) tally.add(kind, { sheet: sheet.name, ref: null });
        break;
      }
      case R.WINDOW2:
        sheet.frozen = (r.u16(0) & 0x0008) !== 0;
        break;
      case R.PANE:
        sheet.pane = { x: r.u16(0), y: r.u16(2) };
        break;
      case R.SETUP: {
        // WSBOOL (whether fitting to pages is on) comes before SETUP, which says to how many.
        const fit = sheet.print.find((p) => p.item === 'fit');
        if (fit) {
          fit.wide = r.u16(6);
          fit.tall = r.u16(8);
        }
        const grbit = r.u16(10);
        // fNoPls: the printer fields were never set; fNoOrient: no orientation either.
        if (grbit & 0x0004) break;
        if (!(grbit & 0x0040) && !(grbit & 0x0002)) sheet.print.push({ item: 'landscape' });
        const scale = r.u16(2);
        if (scale !== 100 && scale >= 10 && scale <= 400) sheet.print.push({ item: 'scale', percent: scale });
        const paper = PAPER[r.u16(0)];
        if (paper) sheet.print.push({ item: 'paper', paper });
        break;
      }
      case R.WSBOOL:
        if (r.u16(0) & 0x0100) sheet.print.push({ item: 'fit', wide: 1, tall: 1 });
        break;
      case R.HEADER:
      case R.FOOTER:
        if (r.body.length > 0 && r.u16(0) > 0) sheet.print.push({ item: r.type === R.HEADER ? 'header' : 'footer' });
        break;
      case R.HPAGEBREAKS:
      case R.VPAGEBREAKS:
        if (r.u16(0) > 0) {
          const had = sheet.print.find((p) => p.item === 'breaks') as { item: 'breaks'; count: number } | undefined;
          if (had) had.count += r.u16(0);
          else sheet.print.push({ item: 'breaks', count: r.u16(0) });
        }
        break;
      case R.PRINTGRIDLINES:
        if (r.u16(0) === 1) sheet.print.push({ item: 'gridlines' });
        break;
      case R.HCENTER:
      case R.VCENTER:
        if (r.u16(0) === 1 && !sheet.print.some((p) => p.item === 'centred')) sheet.print.push({ item: 'centred' });
        break;
      case R.PROTECT:
        if (r.u16(0) === 1) sheet.protected = true;
        break;
      case R.AUTOFILTERINFO:
        sheet.filtered = true;
        break;
    }
  }
  for (const n of names) {
    if (n.builtin === null) tally.add('names', { sheet: n.sheet > 0 ? (sheetNames[n.sheet - 1] ?? null) : null, ref: null, name: n.name });
  }
  if (bookProtected) tally.add('workbook-protection', { sheet: null, ref: null });
  // Print area and titles are names Excel keeps for a sheet: they belong to that sheet's print settings.
  const printed = tally.kinds.get('print-settings');
  for (const n of names) {
    const item = n.builtin === BUILTIN_PRINT_AREA ? 'area' : n.builtin === BUILTIN_PRINT_TITLES ? 'titles' : null;
    const sheetName = sheetNames[n.sheet - 1];
    if (!item || sheetName === undefined || n.refs.length === 0) continue;
    const place = printed?.places.find((p) => p.sheet === sheetName);
    const add: PrintItem = { item, ref: n.refs.join(',') };
    if (place) place.print = [add, ...place.print!.filter((p) => p.item !== item)];
    else tally.add('print-settings', { sheet: sheetName, ref: null, print: [add] });
  }
  return {
    biff: true,
    kinds: XLS_KINDS.flatMap((k) => tally.kinds.get(k) ?? []),
    names: names.filter((n) => n.builtin === null).map((n) => n.name),
  };
}

/**
 * The ranges a name's formula (rgce) refers to, as A1 ranges with whole rows (1:1) and columns
 * (A:A) written as such: the 3-D references and unions Excel writes for print areas and titles.
 * Stops at the first token it does not know (the name then has no ranges, and is reported without).
 */
function nameRefs(r: BiffRecord, o: number, cce: number): string[] {
  const end = Math.min(r.body.length, o + cce);
  const out: string[] = [];
  while (o < end) {
    const ptg = r.u8(o);
    if (ptg === 0x3b || ptg === 0x5b || ptg === 0x7b) {
      const rwFirst = r.u16(o + 3);
      const rwLast = r.u16(o + 5);
      const colFirst = r.u16(o + 7) & 0x3fff;
      const colLast = r.u16(o + 9) & 0x3fff;
      if (colFirst === 0 && colLast >= 0xff) out.push(`${rwFirst + 1}:${rwLast + 1}`);
      else if (rwFirst === 0 && rwLast >= 0xffff) out.push(`${columnLetters(colFirst + 1)}:${columnLetters(colLast + 1)}`);
      else out.push(rangeA1(rwFirst, rwLast, colFirst, colLast));
      o += 11;
    } else if (ptg === 0x3a || ptg === 0x5a || ptg === 0x7a) {
      out.push(a1(r.u16(o + 3) + 1, (r.u16(o + 5) & 0x3fff) + 1));
      o += 7;
    } else if (ptg === 0x29 || ptg === 0x49 || ptg === 0x69) o += 3;
    else if (ptg === 0x10) o += 1;
    else return [];
  }
  return out;
}

/** Where formulas use the workbook's defined names (`names`, compared without case). */
export function nameFormulas(
  names: readonly string[],
  formulas: Iterable<{ sheet: string; ref: string; formula: string }>,
): HeldKind | null {
  if (names.length === 0) return null;
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const found: HeldKind = { kind: 'name-formulas', count: 0, places: [] };
  for (const f of formulas) {
    // Text in quotes (strings, quoted sheet names) is no name.
    const bare = f.formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, ' ');
    const used = [...bare.matchAll(/(?<![\w.$\u4e00-\u9fff])([A-Za-z_\\\u4e00-\u9fff][\w.\u4e00-\u9fff]*)(?![\w.(!\u4e00-\u9fff])/g)]
      .map((m) => m[1]!)
      .find((t) => wanted.has(t.toLowerCase()));
    if (used === undefined) continue;
    found.count++;
    if (found.places.length < MAX_PLACES) found.places.push({ sheet: f.sheet, ref: f.ref, name: used });
  }
  return found.count > 0 ? found : null;
}
