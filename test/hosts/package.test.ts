/** The .xlsx pre-scan (src/hosts/file/package.ts): what a sheet's XML holds, found without building it. */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { preparePackage, scanSheetXml, trimSheetXml } from '../../src/hosts/file/package';
import { LimitError, TRIM_BEYOND_DATA } from '../../src/hosts/file/limits';
import { clipArea } from '../../src/hosts/file/sheet';
import { EXAMPLE, handZip } from '../helpers/hostile';

const sheet = (rows: string, merges = '') =>
  `<worksheet xmlns="x"><dimension ref="A1:XFD1048576"/><sheetData>${rows}</sheetData>${merges}</worksheet>`;

describe('scanSheetXml', () => {
  it('finds the cells holding something, positions given or implied, with or without a namespace prefix', () => {
    const xml = sheet(
      '<x:row r="3"><x:c r="C3" s="1"/><x:c><x:v>5</x:v></x:c></x:row>' + // D3 by position
        '<row><c r="B4" t="inlineStr"><is><t>张三</t></is></c><c><f>SUM(A1)</f></c></row>' + // row 4; C4 a formula
        '<row r="9"><c r="Z9" s="2"/><c r="AA9" t="inlineStr"><is><t></t></is></c></row>', // nothing held
    );
    const scan = scanSheetXml(xml);
    expect(scan.data).toEqual({ top: 3, left: 2, bottom: 4, right: 4 });
    expect(scan.tail).toEqual({ from: xml.indexOf('<row r="9">'), to: xml.indexOf('</sheetData>'), elements: 3 });
  });

  it('reads merges, one cell or an area', () => {
    const scan = scanSheetXml(
      sheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="C3"/></mergeCells>'),
    );
    expect(scan.merges.map((m) => m.area)).toEqual([
      { top: 1, left: 1, bottom: 1048576, right: 16384 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });
});

describe('trimSheetXml', () => {
  it('leaves the example sheet as it is', async () => {
    const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
    expect(trimSheetXml(await zip.file('xl/worksheets/sheet1.xml')!.async('string'))).toBeNull();
  });

  it('keeps a few empty styled rows after the data, and cuts more than TRIM_BEYOND_DATA of them', () => {
    const empty = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 2}" s="1"/>`).join('');
    const data = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>';
    expect(trimSheetXml(sheet(data + empty(100)))).toBeNull();
    expect(trimSheetXml(sheet(data + empty(TRIM_BEYOND_DATA + 1)))).toBe(sheet(data));
  });

  it('once merged cells beyond the data pass TRIM_BEYOND_DATA, cuts every merge to the data (dropping those left with one cell or none)', () => {
    const data = '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>';
    const xml = sheet(
      data,
      '<mergeCells count="3"><mergeCell ref="A1:B1048576"/><mergeCell ref="Z1:Z1048576"/><mergeCell ref="C1:D1"/><mergeCell ref="B2:C2"/></mergeCells>',
    );
    expect(trimSheetXml(xml)).toBe(sheet(data, '<mergeCells count="3"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C2"/></mergeCells>'));
  });
});

it('clipArea keeps what overlaps the data, nothing of one cell', () => {
  const data = { top: 1, left: 1, bottom: 10, right: 5 };
  expect(clipArea({ top: 9, left: 4, bottom: 20, right: 9 }, data)).toEqual({ top: 9, left: 4, bottom: 10, right: 5 });
  expect(clipArea({ top: 10, left: 5, bottom: 20, right: 9 }, data)).toBeNull();
  expect(clipArea({ top: 11, left: 1, bottom: 20, right: 2 }, data)).toBeNull();
});

describe('preparePackage', () => {
  it('gives an ordinary package back as it is', async () => {
    const data = readFileSync(EXAMPLE);
    const p = await preparePackage(data);
    expect(p.trimmed).toBe(false);
    expect(p.readable).toBe(data);
  });

  it('refuses a sheet over a limit before any reader, naming it as the workbook does (absolute targets, escaped names)', async () => {
    const zip = handZip([
      {
        name: 'xl/workbook.xml',
        data: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="A&amp;B" sheetId="1" r:id="rId7"/></sheets></workbook>'),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: Buffer.from('<Relationships><Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>'),
      },
      { name: 'xl/worksheets/data.xml', data: Buffer.from(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>')) },
    ]);
    await expect(preparePackage(zip)).rejects.toEqual(new LimitError('columns', 16384, 'A&B', 'A1:XFD1'));
  });

  it('refuses a zip whose directory is broken', async () => {
    const good = handZip([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    await expect(preparePackage(good.subarray(0, good.length - 30))).rejects.toThrow(/broken zip/);
  });
});
