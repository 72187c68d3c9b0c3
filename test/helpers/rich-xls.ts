/**
 * .xls files that hold more than values, made in code: an .xlsx built with exceljs (a roster plus
 * notes, links, conditional formats, validations, a picture, a defined name and a formula using
 * it, print settings, sheet protection) and saved as .xls by LibreOffice, as offices' old files
 * were; and BIFF8 workbook streams assembled record by record for what neither exceljs nor
 * LibreOffice headless writes (frozen panes, charts, text boxes, workbook protection).
 */
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSoffice } from '../../src/hosts/file/libreoffice';
import { gwySheet } from './sheets';
import { addGridSheet, tempDir } from './xlsx';

const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** The roster of the rich workbook: two people on 第一季度, rows 5 and 6. */
export const richRoster = () =>
  gwySheet([
    { name: '张三', base: 88 },
    { name: '李四', base: 80 },
  ]).grid;

/** The rich workbook as .xlsx (exceljs): 第一季度 with the roster and its extras, 汇总 reading it through a name. */
export async function richXlsx(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = addGridSheet(wb, richRoster());
  ws.getCell('B5').note = '本季度借调';
  ws.getCell('B6').note = '新入职';
  ws.getCell('C5').value = { text: '办公室', hyperlink: 'http://example.com/' };
  ws.addConditionalFormatting({
    ref: 'D5:D6',
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: ['5'],
        priority: 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } },
      },
    ],
  });
  for (const a of ['E5', 'E6']) ws.getCell(a).dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 6] };
  ws.pageSetup = { orientation: 'landscape', printArea: 'A1:AC6', printTitlesRow: '3:4' } as ExcelJS.PageSetup;
  wb.definedNames.add("'第一季度'!$D$5:$D$6", '德分');
  const sum = wb.addWorksheet('汇总');
  sum.getCell('A1').value = { formula: 'SUM(德分)', result: 0 };
  sum.getCell('A2').value = { formula: "SUM('第一季度'!D5:D6)", result: 0 };
  const img = wb.addImage({ buffer: Buffer.from(PIXEL_PNG, 'base64') as unknown as ExcelJS.Buffer, extension: 'png' });
  sum.addImage(img, 'C3:D5');
  await sum.protect('', {});
  await wb.xlsx.writeFile(file);
  return file;
}

/** LibreOffice headless converting `file` to `format` (xls, xlsx) in a private profile; returns the new file's path. */
export function libreOfficeConvert(file: string, format: 'xls' | 'xlsx'): string {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice is not installed');
  const dir = tempDir('kaohe-lo-fixture-');
  const profile = join(dir, 'profile');
  mkdirSync(profile);
  execFileSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', dir, file],
    {
      stdio: 'pipe',
      timeout: 120000,
    },
  );
  return join(dir, file.replace(/^.*[\\/]/, '').replace(/\.\w+$/, `.${format}`));
}

/** The rich workbook saved as .xls by LibreOffice. */
export async function richXls(): Promise<string> {
  return libreOfficeConvert(await richXlsx(join(tempDir(), 'rich.xlsx')), 'xls');
}

/** One BIFF8 record: type, length, body. */
export function rec(type: number, ...parts: (number[] | Buffer)[]): Buffer {
  const body = Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(body.length, 2);
  return Buffer.concat([head, body]);
}

export const u16 = (...xs: number[]) => Buffer.concat(xs.map((x) => Buffer.from([x & 0xff, (x >> 8) & 0xff])));
const u32 = (x: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(x, 0);
  return b;
};
/** A BIFF8 string's characters after its length: the UTF-16 flag, then the text. */
const wide = (s: string) => Buffer.concat([Buffer.from([1]), Buffer.from(s, 'utf16le')]);

export const BOF = (kind: 'globals' | 'sheet' | 'chart') =>
  rec(0x0809, u16(0x0600, { globals: 0x05, sheet: 0x10, chart: 0x20 }[kind]), Buffer.alloc(12));
export const EOF = () => rec(0x000a);

/** A workbook stream: globals (with `globals` records after the sheets' BOUNDSHEETs), then each sheet's substream. */
export function workbookStream(sheets: { name: string; records: Buffer[] }[], globals: Buffer[] = []): Buffer {
  const bound = (name: string, at: number) => rec(0x0085, u32(at), [0, 0], [name.length], wide(name));
  // BOUNDSHEET holds where each sheet's BOF is: lay out the globals with placeholders, then fill them in.
  const head = (offsets: number[]) =>
    Buffer.concat([BOF('globals'), ...sheets.map((s, i) => bound(s.name, offsets[i]!)), ...globals, EOF()]);
  const bodies = sheets.map((s) => Buffer.concat([BOF('sheet'), ...s.records, EOF()]));
  let at = head(sheets.map(() => 0)).length;
  const offsets = bodies.map((b) => {
    const o = at;
    at += b.length;
    return o;
  });
  return Buffer.concat([head(offsets), ...bodies]);
}

/** A compound file holding `stream` as its Workbook: an .xls as far as the readers are concerned. */
export function xlsOfStream(stream: Buffer, file = join(tempDir(), 'records.xls')): string {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'Workbook', stream);
  writeFileSync(file, Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array));
  return file;
}

/** A NAME record for a user's name over a 3-D area (sheet `itab` 1-based, 0 = global). */
export function nameRecord(name: string, itab: number, builtin: number | null = null): Buffer {
  const area = Buffer.concat([Buffer.from([0x3b]), u16(0, 0, 4, 0, 0)]);
  const text = builtin === null ? wide(name) : Buffer.from([0, builtin]);
  return rec(
    0x0018,
    u16(builtin === null ? 0 : 0x20),
    [0, builtin === null ? name.length : 1],
    u16(area.length, 0, itab),
    Buffer.alloc(4),
    text,
    area,
  );
}

/** An OBJ record of type `ot` (0x05 chart, 0x06 text box, 0x08 picture, 0x02 rectangle, 0x19 note). */
export const objRecord = (ot: number, id: number) => rec(0x005d, u16(0x15, 0x12, ot, id), Buffer.alloc(14), u16(0, 0));

/** Frozen panes: WINDOW2 with fFrozen, and PANE freezing `x` columns and `y` rows. */
export const frozen = (x: number, y: number) => [rec(0x023e, u16(0x06be, 0, 0), Buffer.alloc(12)), rec(0x0041, u16(x, y, y, x), [3, 0])];

export const hasLibreOffice = findSoffice() !== null;

/**
 * The .xls at `file` with its first worksheet's panes frozen `x` columns and `y` rows in (the
 * WINDOW2 flag set and a PANE record after it; the sheets' offsets in BOUNDSHEET moved to match),
 * which LibreOffice headless does not write itself.
 */
export function freezePanes(file: string, x: number, y: number, out = join(tempDir(), 'frozen.xls')): string {
  const cfb = XLSX.CFB.read(readFileSync(file), { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  const stream = Buffer.from(entry.content as Uint8Array);
  const parts: Buffer[] = [];
  const pane = rec(0x0041, u16(x, y, y, x), [3, 0]);
  let inserted = -1;
  for (let o = 0; o + 4 <= stream.length;) {
    const type = stream.readUInt16LE(o);
    const len = stream.readUInt16LE(o + 2);
    const r = Buffer.from(stream.subarray(o, o + 4 + len));
    parts.push(r);
    if (type === 0x023e && inserted < 0) {
      r.writeUInt16LE(r.readUInt16LE(4) | 0x0008, 4);
      parts.push(pane);
      inserted = o + 4 + len;
    }
    o += 4 + len;
  }
  const patched = Buffer.concat(parts);
  // Sheets whose BOF lies after the insertion moved by the PANE record's length.
  for (let o = 0; o + 4 <= patched.length;) {
    const type = patched.readUInt16LE(o);
    const len = patched.readUInt16LE(o + 2);
    if (type === 0x0085 && patched.readUInt32LE(o + 4) > inserted) patched.writeUInt32LE(patched.readUInt32LE(o + 4) + pane.length, o + 4);
    if (type === 0x000a) break;
    o += 4 + len;
  }
  entry.content = patched;
  entry.size = patched.length;
  writeFileSync(out, Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array));
  return out;
}
