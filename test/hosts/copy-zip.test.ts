import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflatePart, writeZip, zipEntries } from '../../src/hosts/file/copy/zip';
import { readBook } from '../../src/hosts/file/sheetjs';
import { partTexts, storedEntries } from '../helpers/package';

const example = readFileSync(join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx'));

async function opens(data: Buffer): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  expect(wb.getWorksheet('第一季度')!.getCell('B5').value).toBe('王建国');
  expect(readBook(data, false).Sheets['第一季度']!['B5']!.v).toBe('王建国');
}

/** The example again, zipped by jszip with data descriptors after each part (as streaming writers do) and a zip comment. */
async function streamed(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(example);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true, comment: '归档' });
}

describe('inflating a part', () => {
  it('gives its bytes whatever size the zip says it has (the size only sets how large a piece zlib makes)', () => {
    const sheet = zipEntries(example).find((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))!;
    const truth = inflatePart(example, sheet, 1 << 30);
    expect(sheet.size).toBe(truth.length);
    for (const said of [0, 1, 100, truth.length - 1, truth.length + 1, 0x7fffffff, 0xfffffffe]) {
      const data = Buffer.from(example);
      data.writeUInt32LE(said, sheet.central.at + 24);
      const e = zipEntries(data).find((x) => x.name === sheet.name)!;
      expect(e.size).toBe(said);
      expect(inflatePart(data, e, 1 << 30).equals(truth)).toBe(true);
    }
  });
});

describe('the zip writer of the copy', () => {
  it.each([
    ['as exceljs wrote it', async () => example],
    ['with data descriptors and a comment', streamed],
  ])('copies a package through unchanged, every entry byte for byte (%s)', async (_what, make) => {
    const data = await make();
    const copy = await writeZip(data, new Map());
    expect([...storedEntries(copy)]).toEqual([...storedEntries(data)]);
    expect(zipEntries(copy).map((e) => e.name)).toEqual(zipEntries(data).map((e) => e.name));
    await opens(copy);
    expect(copy.subarray(-32).toString('utf8')).toBe(data.subarray(-32).toString('utf8')); // the zip's comment, kept
  });

  it('replaces, adds and leaves out parts, copying every other entry as its stored bytes', async () => {
    const data = await streamed();
    const texts = partTexts(data);
    const sheet = [...texts.keys()].find((n) => texts.get(n)!.includes('王建国') && n.startsWith('xl/worksheets/'))!;
    const shared = 'xl/sharedStrings.xml';
    const changed = (texts.get(shared) ?? texts.get(sheet)!).replace('王建国', '王建华');
    const target = texts.has(shared) && texts.get(shared)!.includes('王建国') ? shared : sheet;
    const copy = await writeZip(
      data,
      new Map<string, string | null>([
        [target, changed],
        ['docProps/custom-kaohe.xml', '<x>新增</x>'],
        ['docProps/app.xml', null],
      ]),
    );
    const [before, after] = [storedEntries(data), storedEntries(copy)];
    for (const [name, bytes] of before)
      if (name !== target && name !== 'docProps/app.xml') expect([name, after.get(name)]).toEqual([name, bytes]);
    expect([after.has('docProps/app.xml'), partTexts(copy).get('docProps/custom-kaohe.xml')]).toEqual([false, '<x>新增</x>']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('第一季度')!.getCell('B5').value).toBe('王建华');
    expect(readBook(copy, false).Sheets['第一季度']!['B5']!.v).toBe('王建华');
  });
});
