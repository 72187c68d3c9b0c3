/**
 * Hostile workbooks built in code (issue 19): tiny packages whose sheet XML claims a huge sheet.
 * Each is the bundled example (examples/gwy-2020-q1.xlsx, a 16-person roster on 第一季度) with
 * one thing added to its XML, so a reader that stays bounded still finds the roster.
 */
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

export const EXAMPLE = join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx');
const SHEET = 'xl/worksheets/sheet1.xml';

export type Hostile =
  /** a value in the last cell of the sheet, XFD1048576 (the dimension tag says so too) */
  | 'far-value'
  /** an empty styled cell at XFD1048576 */
  | 'far-styled'
  /** a second sheet, first in order, merged over the whole sheet */
  | 'sheet-merge'
  /** the roster sheet with its empty column AA merged from top to bottom */
  | 'column-merge'
  /** one million empty styled rows below the roster */
  | 'styled-rows'
  /** the same, then a value at XFD1048576 (over 4 MB: read through SheetJS when only checked) */
  | 'styled-rows-far-value'
  /** a cell below the roster holding 40,000 characters */
  | 'long-text'
  /** terminal control sequences in a name and a unit, written as Excel writes them (_x001B_; raw ones are not XML) */
  | 'control-chars';

async function withSheetXml(edit: (xml: string) => string, more?: (zip: JSZip) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
  zip.file(SHEET, edit(await zip.file(SHEET)!.async('string')));
  more?.(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const atEnd = (xml: string, rows: string) => xml.replace('</sheetData>', `${rows}</sheetData>`);
const dimension = (xml: string, ref: string) => xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`);
const addMerge = (xml: string, ref: string) =>
  xml.replace(/<mergeCells count="(\d+)">/, (_m, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="${ref}"/>`);

/** A sheet merged over all of it, put before the roster sheet. */
function sheetMerge(zip: JSZip): void {
  zip.file(
    'xl/worksheets/sheet2.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>附表</t></is></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>',
  );
}

export async function hostileXlsx(kind: Hostile): Promise<Buffer> {
  switch (kind) {
    case 'far-value':
      return withSheetXml((x) => dimension(atEnd(x, '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'), 'A1:XFD1048576'));
    case 'far-styled':
      return withSheetXml((x) => dimension(atEnd(x, '<row r="1048576"><c r="XFD1048576" s="1"/></row>'), 'A1:XFD1048576'));
    case 'control-chars': {
      const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
      const edit = async (part: string, fn: (xml: string) => string) => zip.file(part, fn(await zip.file(part)!.async('string')));
      // OSC 0 sets the window title, ESC[2J clears the screen, OSC 52 writes the clipboard, U+202E reverses text.
      await edit('xl/sharedStrings.xml', (x) =>
        x
          .replace('<t>王建国</t>', '<t>王建国_x001B_]0;pwned_x0007__x001B_[2J</t>')
          .replace('<t>办公室</t>', '<t>办公室_x001B_]52;c;ZWNobyBoaQ==_x0007_\u202e</t>'),
      );
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    }
    case 'long-text':
      return withSheetXml((x) => atEnd(x, `<row r="30"><c r="B30" t="inlineStr"><is><t>${'注'.repeat(40000)}</t></is></c></row>`));
    case 'column-merge':
      return withSheetXml((x) => addMerge(x, 'AA1:AA1048576'));
    case 'styled-rows':
    case 'styled-rows-far-value': {
      const rows: string[] = [];
      for (let r = 100; r < 1_000_100; r++) rows.push(`<row r="${r}" s="1" customFormat="1"><c r="A${r}" s="1"/></row>`);
      if (kind === 'styled-rows-far-value') rows.push('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>');
      return withSheetXml((x) => atEnd(x, rows.join('')));
    }
    case 'sheet-merge': {
      const buf = await withSheetXml((x) => x, sheetMerge);
      const zip = await JSZip.loadAsync(buf);
      const wbXml = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', wbXml.replace('<sheets>', '<sheets><sheet name="附表" sheetId="9" r:id="rIdHostile"/>'));
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      zip.file(
        'xl/_rels/workbook.xml.rels',
        rels.replace(
          '</Relationships>',
          '<Relationship Id="rIdHostile" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
        ),
      );
      const types = await zip.file('[Content_Types].xml')!.async('string');
      zip.file(
        '[Content_Types].xml',
        types.replace(
          '</Types>',
          '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        ),
      );
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    }
  }
}

/**
 * A zip written by hand, its parts deflated by zlib: `declared` lets a part claim a size other
 * than its own (as a zip bomb does).
 */
export function handZip(parts: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = deflateRawSync(p.data);
    const size = p.declared ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

export async function writeHostile(kind: Hostile, dir: string): Promise<string> {
  const file = join(dir, `${kind}.xlsx`);
  writeFileSync(file, await hostileXlsx(kind));
  return file;
}
