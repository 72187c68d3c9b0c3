/** Looks into .xlsx packages for tests of the copy written into the input's own package. */
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { zipEntries } from '../../src/hosts/file/copy/zip';

/** Each entry's stored bytes as the zip holds them (compressed data, method and CRC), by name. */
export function storedEntries(data: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of zipEntries(data)) {
    const start = e.offset + 30 + data.readUInt16LE(e.offset + 26) + data.readUInt16LE(e.offset + 28);
    // Method, CRC and sizes from the central record (a local header may defer them to a data descriptor).
    const c = e.central.at;
    out.set(
      e.name,
      Buffer.concat([data.subarray(c + 10, c + 12), data.subarray(c + 16, c + 28), data.subarray(start, start + e.compressedSize)]),
    );
  }
  return out;
}

/** Each part's text, by name. */
export function partTexts(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of zipEntries(data)) {
    const start = e.offset + 30 + data.readUInt16LE(e.offset + 26) + data.readUInt16LE(e.offset + 28);
    const raw = data.subarray(start, start + e.compressedSize);
    out.set(e.name, (e.method === 0 ? raw : inflateRawSync(raw)).toString('utf8'));
  }
  return out;
}

/** A one-sheet package with the given sheet XML (and shared strings, styles), written with jszip. */
export async function sheetPackage(sheet: string, extra: { strings?: string; styles?: string; workbook?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      (extra.strings
        ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        : '') +
      (extra.styles
        ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        : '') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    extra.workbook ??
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="考核 &amp; 评分" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (extra.strings ? `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      (extra.styles ? `<Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/>` : '') +
      '</Relationships>',
  );
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?>${sheet}`);
  if (extra.strings) zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?>${extra.strings}`);
  if (extra.styles) zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?>${extra.styles}`);
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
