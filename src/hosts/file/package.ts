/**
 * An .xlsx package looked at before any reader gets it: its zip directory read here, every part
 * inflated against READ_LIMITS.unpackedBytes (the sizes a zip declares are not trusted), and each
 * sheet's XML scanned for what its cells hold. Empty rows and cells after a sheet's last cell
 * that holds something, and merges reaching far beyond it, are what make exceljs build millions
 * of objects for a 9 KB file: past TRIM_BEYOND_DATA they are cut from the package the readers
 * get (the file itself is never changed, and a copy written says what it does not keep).
 */
import JSZip from 'jszip';
import { a1, type Area } from '../../engine';
import { inflatePart, zipEntries } from './copy/zip';
import { READ_LIMITS, TRIM_BEYOND_DATA } from './limits';
import { clipArea, withinLimits } from './sheet';

/** What a sheet's XML holds: the area of cells with a value or formula, and what lies after it. */
export interface SheetScan {
  /** The cells holding a value or a formula; null when none does. */
  data: Area | null;
  /** Where the rows after the last cell holding something begin, and how many row and cell elements they are. */
  tail: { from: number; to: number; elements: number } | null;
  /** Each merge: its text span in the XML and its area. */
  merges: { start: number; end: number; area: Area }[];
}

const TAG = /<(?:\w+:)?(?:(row)\b([^>]*)>|(c)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)|(mergeCell)\b([^>]*)>|(\/(?:\w+:)?sheetData)>)/g;
const REF = /\br="([A-Za-z]*)(\d*)"/;
const MERGE_REF = /\bref="([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?"/;
const HOLDS = /<(?:\w+:)?f\b|<(?:\w+:)?v>\s*[^\s<]|<(?:\w+:)?t\b[^>]*>[^<]/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Scans a sheet's XML once, without building it: positions follow the spec (r optional, else the next). */
export function scanSheetXml(xml: string): SheetScan {
  let row = 0;
  let col = 0;
  let data: Area | null = null;
  let lastHolding = -1;
  let tailStart = -1;
  let tailElements = 0;
  let sheetDataEnd = -1;
  const merges: SheetScan['merges'] = [];
  for (const m of xml.matchAll(TAG)) {
    if (m[1]) {
      const r = REF.exec(m[2]!);
      row = r?.[2] ? Number(r[2]) : row + 1;
      col = 0;
      if (tailStart < 0 || lastHolding > tailStart) [tailStart, tailElements] = [m.index, 0];
      tailElements++;
    } else if (m[3]) {
      const r = REF.exec(m[4]!);
      if (r?.[2]) row = Number(r[2]);
      col = r?.[1] ? columnNumber(r[1]) : col + 1;
      if (m[5] !== undefined && HOLDS.test(m[5])) {
        lastHolding = m.index;
        data = data
          ? {
              top: Math.min(data.top, row),
              left: Math.min(data.left, col),
              bottom: Math.max(data.bottom, row),
              right: Math.max(data.right, col),
            }
          : { top: row, left: col, bottom: row, right: col };
      } else tailElements++;
    } else if (m[6]) {
      const r = MERGE_REF.exec(m[7]!);
      if (r) {
        const [a, b] = [
          { c: columnNumber(r[1]!), r: Number(r[2]) },
          { c: columnNumber(r[3] ?? r[1]!), r: Number(r[4] ?? r[2]) },
        ];
        merges.push({
          start: m.index,
          end: m.index + m[0].length,
          area: { top: Math.min(a.r, b.r), left: Math.min(a.c, b.c), bottom: Math.max(a.r, b.r), right: Math.max(a.c, b.c) },
        });
      }
    } else if (m[8] && sheetDataEnd < 0) sheetDataEnd = m.index;
  }
  const tail = tailStart > lastHolding && sheetDataEnd > tailStart ? { from: tailStart, to: sheetDataEnd, elements: tailElements } : null;
  return { data, tail, merges };
}

const size = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

/**
 * The sheet XML without what lies far beyond its data, when that is more than TRIM_BEYOND_DATA
 * (empty rows after the last cell holding something; merged cells outside the data); null when
 * the sheet is read as it is.
 */
export function trimSheetXml(xml: string, scan: SheetScan = scanSheetXml(xml)): string | null {
  const dropTail = scan.tail !== null && scan.tail.elements > TRIM_BEYOND_DATA;
  const farMerged = scan.merges.reduce(
    (n, m) => n + size(m.area) - (clipArea(m.area, scan.data) ? size(clipArea(m.area, scan.data)!) : 0),
    0,
  );
  const clip = farMerged > TRIM_BEYOND_DATA;
  if (!dropTail && !clip) return null;
  const cuts: { start: number; end: number; text: string }[] = [];
  if (dropTail) cuts.push({ start: scan.tail!.from, end: scan.tail!.to, text: '' });
  if (clip)
    for (const m of scan.merges) {
      const c = clipArea(m.area, scan.data);
      if (c && size(c) === size(m.area)) continue;
      cuts.push({ start: m.start, end: m.end, text: c ? `<mergeCell ref="${a1(c.top, c.left)}:${a1(c.bottom, c.right)}"/>` : '' });
    }
  cuts.sort((x, y) => x.start - y.start);
  let out = '';
  let at = 0;
  for (const c of cuts) [out, at] = [out + xml.slice(at, c.start) + c.text, c.end];
  return out + xml.slice(at);
}

/** An .xlsx package ready for the readers: `readable` is the bytes to read, `trimmed` whether it is not the file's own. */
export interface Prepared {
  readable: Buffer;
  trimmed: boolean;
}

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHEET_ENTRY = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
const RELATIONSHIP = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
const attr = (attrs: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|quot|amp|lt|gt|apos);/g, (_m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[e]!,
  );

/** Each worksheet part's sheet name, from xl/workbook.xml and its relationships (the part's own name where they do not say). */
function sheetNames(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(RELATIONSHIP)) {
    const [id, target] = [attr(m[1]!, 'Id'), attr(m[1]!, 'Target')];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const m of workbook.matchAll(SHEET_ENTRY)) {
    const [name, id] = [attr(m[1]!, 'name'), attr(m[1]!, '\\w+:id')];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) names.set(part.toLowerCase(), unescapeXml(name));
  }
  return names;
}

/**
 * Inflates every part of the package within READ_LIMITS.unpackedBytes, refuses a sheet whose
 * cells holding something span more than READ_LIMITS allows (LimitError, before any reader
 * builds anything), and trims each sheet whose XML reaches far beyond its data (trimSheetXml).
 */
export async function preparePackage(data: Buffer): Promise<Prepared> {
  let budget = READ_LIMITS.unpackedBytes;
  const entries = zipEntries(data);
  const text = (name: string): string => {
    const e = entries.find((x) => x.name === name);
    return e ? inflatePart(data, e, READ_LIMITS.unpackedBytes).toString('utf8') : '';
  };
  const names = sheetNames(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'));
  const trimmed = new Map<string, string>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const part = inflatePart(data, e, budget);
    budget -= part.length;
    if (!SHEET_PART.test(e.name)) continue;
    const xml = part.toString('utf8');
    const scan = scanSheetXml(xml);
    if (scan.data) withinLimits(names.get(e.name.toLowerCase()) ?? e.name, scan.data);
    const t = trimSheetXml(xml, scan);
    if (t !== null) trimmed.set(e.name, t);
  }
  if (trimmed.size === 0) return { readable: data, trimmed: false };
  const zip = await JSZip.loadAsync(data);
  for (const [name, xml] of trimmed) zip.file(name, xml);
  return { readable: await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }), trimmed: true };
}
