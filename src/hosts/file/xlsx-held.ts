/**
 * The same kinds ./xls-held lists for an .xls, counted in an .xlsx package (the one LibreOffice
 * converted it to, for `grade --via-libreoffice`): what the conversion kept, kind by kind, so the
 * report can say what came through and what did not. Counted from the package's XML as written,
 * whatever any reader makes of it; the package has passed preparePackage's limits before this runs.
 */
import JSZip from 'jszip';
import type { XlsKind } from './xls-held';

export interface XlsxHeld {
  counts: Map<XlsKind, number>;
  /** For the kinds that belong to a sheet as a whole (frozen panes, print settings, protection, filters): which sheets have them. */
  sheets: Map<XlsKind, Set<string>>;
  /** Where the notes are: Sheet!A1. */
  notes: Set<string>;
  /** The user's defined names (Excel's own _xlnm.* left out). */
  names: string[];
}

const unescape = (s: string) =>
  s.replace(/&(quot|amp|lt|gt|apos);/g, (_m, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" })[e as 'quot']);

/** A relationship's target, relative to the part that names it. */
function resolve(part: string, target: string): string {
  const out = part.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.') out.push(seg);
  }
  return out.join('/');
}

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

export async function xlsxHeld(data: Buffer): Promise<XlsxHeld> {
  const zip = await JSZip.loadAsync(data);
  const parts = (re: RegExp) => Object.keys(zip.files).filter((n) => re.test(n));
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const counts = new Map<XlsKind, number>();
  const add = (k: XlsKind, n: number) => n > 0 && counts.set(k, (counts.get(k) ?? 0) + n);
  const sheets = new Map<XlsKind, Set<string>>();
  const onSheet = (k: XlsKind, sheet: string) => {
    add(k, 1);
    sheets.set(k, (sheets.get(k) ?? new Set()).add(sheet));
  };

  const workbook = await text('xl/workbook.xml');
  const names: string[] = [];
  const notes = new Set<string>();
  const printNamed = new Set<string>();
  for (const m of workbook.matchAll(/<definedName\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1] ?? '';
    const sheet = /\blocalSheetId="(\d+)"/.exec(m[1]!)?.[1];
    if (/^_xlnm\.print_(area|titles)$/i.test(name) && sheet !== undefined) printNamed.add(sheet);
    else if (!name.startsWith('_xlnm.')) names.push(unescape(name));
  }
  add('names', names.length);
  if (/<workbookProtection\b[^>]*(lockStructure|lockWindows)="(1|true)"/.test(workbook)) add('workbook-protection', 1);

  // Sheets in workbook order, so localSheetId (an index) finds its sheet's part.
  const rels = await text('xl/_rels/workbook.xml.rels');
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const sheetParts = [...workbook.matchAll(/<sheet\b([^>]*)>/g)].map((m) => {
    const t = targets.get(/\br:id="([^"]+)"/.exec(m[1]!)?.[1] ?? '') ?? '';
    return { name: unescape(/\bname="([^"]*)"/.exec(m[1]!)?.[1] ?? ''), part: t.startsWith('/') ? t.slice(1) : `xl/${t}` };
  });
  for (const [i, { name: sheet, part }] of sheetParts.entries()) {
    const xml = await text(part);
    add('hyperlinks', count(xml, /<hyperlink\b/g));
    add('conditional-formats', count(xml, /<(?:x14:)?cfRule\b/g));
    add('validations', count(xml, /<(?:x14:)?dataValidation\b/g));
    if (/<pane\b[^>]*state="frozen"/.test(xml)) onSheet('frozen-panes', sheet);
    if (/<sheetProtection\b[^>]*\bsheet="(1|true)"/.test(xml)) onSheet('sheet-protection', sheet);
    if (/<autoFilter\b/.test(xml)) onSheet('filters', sheet);
    const printed =
      printNamed.has(String(i)) ||
      /<pageSetup\b[^>]*(orientation="landscape"|scale="(?!100")\d+")/.test(xml) ||
      /<pageSetUpPr\b[^>]*fitToPage="(1|true)"/.test(xml) ||
      /<(oddHeader|oddFooter)>[^<]+</.test(xml) ||
      /<(rowBreaks|colBreaks)\b[^>]*count="[1-9]/.test(xml) ||
      /<printOptions\b[^>]*="(1|true)"/.test(xml);
    if (printed) onSheet('print-settings', sheet);
    // The sheet's notes, in the comments part its relationships name.
    const own = await text(part.replace(/([^/]+)$/, '_rels/$1.rels'));
    for (const m of own.matchAll(/<Relationship\b[^>]*\bTarget="([^"]*comments[^"]*)"/g)) {
      const target = m[1]!.startsWith('/') ? m[1]!.slice(1) : resolve(part, m[1]!);
      for (const c of (await text(target)).matchAll(/<comment\b[^>]*\bref="([^"]+)"/g)) notes.add(`${sheet}!${c[1]}`);
    }
  }
  add('notes', notes.size);
  for (const part of parts(/^xl\/drawings\/[^/]+\.xml$/i)) {
    const xml = await text(part);
    add('pictures', count(xml, /<xdr:pic>/g));
    add('charts', count(xml, /<c:chart\b/g));
    const shapes = [...xml.matchAll(/<xdr:sp\b[^>]*>[\s\S]*?<\/xdr:sp>/g)].map((m) => m[0]);
    add('text-boxes', shapes.filter((s) => /txBox="1"/.test(s)).length);
    add('shapes', shapes.filter((s) => !/txBox="1"/.test(s)).length);
  }
  add('charts', parts(/^xl\/chartsheets\/[^/]+\.xml$/i).length);
  return { counts, sheets, notes, names };
}
