/**
 * Issue 19, bounded reading: tiny files that claim a huge sheet (a value or a styled cell at
 * XFD1048576, a merge over the whole sheet or a whole column, a million empty styled rows) end
 * in the report the bundled example gives, or in one line over a stated limit with exit code 2 —
 * never in an out-of-memory abort. The files are built in code (test/helpers/hostile.ts).
 */
import JSZip from 'jszip';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { READ_LIMITS } from '../../src/hosts/file/limits';
import { EXAMPLE, type Hostile, writeHostile } from '../helpers/hostile';
import { partTexts } from '../helpers/package';
import { tempDir } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

const dir = tempDir('kaohe-hostile-');
let example: { code: number; report: any };
beforeAll(async () => {
  example = await kaoheJson('check', EXAMPLE);
});

const sameReport = (a: any, b: any) => {
  expect(a.sheet).toBe(b.sheet);
  expect(a.people).toEqual(b.people);
  expect(a.issues).toEqual(b.issues);
  expect(a.quota).toEqual(b.quota);
};

/** The graded sheet's rows and merges, as its XML holds them (the readers leave out what lies far beyond the data). */
const rowsAndMerges = (f: string) => {
  const sheet = partTexts(readFileSync(f)).get('xl/worksheets/sheet1.xml')!;
  return [sheet.match(/<row\b/g)?.length, sheet.match(/<mergeCell\b/g)?.length];
};

describe.each<[Hostile, boolean]>([
  ['far-styled', false],
  ['sheet-merge', true],
  ['column-merge', true],
  ['styled-rows', true],
])('%s: what the cells hold is read, not what the file claims', (kind, _trimmed) => {
  let file: string;
  beforeAll(async () => {
    file = await writeHostile(kind, dir);
  });

  it('check gives the example’s report', async () => {
    const r = await kaoheJson('check', file);
    expect(r.code).toBe(example.code);
    expect(r.report.people).toHaveLength(16);
    sameReport(r.report, example.report);
  });

  it('grade writes the copy into the file’s own package: what lies far beyond the data is kept, not read', async () => {
    const out = join(dir, `${kind}-graded.xlsx`);
    const r = await kaoheJson('grade', file, '--out', out);
    expect(r.report.output.notKept).toEqual([]);
    expect(rowsAndMerges(out)).toEqual(rowsAndMerges(file));
    const again = await kaoheJson('check', out);
    expect(again.report.people.map((p: any) => [p.name, p.total, p.grade])).toEqual(
      example.report.people.map((p: any) => [p.name, p.total, p.grade]),
    );
    // The copy keeps a million styled rows: reading them twice (grade, then check) takes longer than jest's default on a busy machine.
  }, 120000);
});

describe('over a limit: one line, exit code 2, no copy', () => {
  it.each([
    ['check', 'far-value'],
    ['grade', 'far-value'],
    ['check', 'styled-rows-far-value'],
  ] as const)('%s refuses a value at XFD1048576 by its rows (%s)', async (command, kind) => {
    const file = await writeHostile(kind, dir);
    const out = join(dir, `${kind}-${command}.xlsx`);
    const r = await kaohe(command, file, ...(command === 'grade' ? ['--out', out] : []));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toEqual([
      `工作表“第一季度”的使用范围（A1:XFD1048576）有 1,048,576 行，超过读取上限 ${READ_LIMITS.rows.toLocaleString('en-US')} 行：请删除表格以外远处单元格里的内容后再检查`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a cell longer than Excel allows, naming it (in English with --lang en)', async () => {
    const file = await writeHostile('long-text', dir);
    const r = await kaohe('check', file, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(
      'Cell B30 of sheet "第一季度" holds 40,000 characters, over Excel\'s limit of 32,767 for one cell: shorten the text and check again',
    );
  });

  it('refuses a file larger than the package limit before reading it', async () => {
    const file = join(dir, 'huge.xlsx');
    writeFileSync(file, readFileSync(EXAMPLE));
    truncateSync(file, READ_LIMITS.packageBytes + 1); // sparse: nothing is written
    const r = await kaohe('check', file);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`${file} 有 100 MB，超过读取上限 100 MB：请把考核表另存为单独的工作簿后再检查`);
  });

  it('refuses a package whose parts unpack past the limit, whatever sizes it declares', async () => {
    const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map(async (f) => ({ name: f.name, data: await f.async('nodebuffer') })),
    );
    const { handZip } = await import('../helpers/hostile');
    const bomb = Buffer.alloc(READ_LIMITS.unpackedBytes + 1, 0x20);
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(file, handZip([...parts, { name: 'xl/media/padding.xml', data: bomb, declared: 1000 }]));
    const r = await kaohe('check', file, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(
      `${file} unpacks to more than the reading limit of 256 MB (a damaged or crafted file?): open it in Excel, save a copy and check that`,
    );
  });
});
