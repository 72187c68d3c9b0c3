/**
 * `kaohe grade` on an .xls: the report lists, kind by kind, what the .xls held that the .xlsx copy
 * does not carry; `--via-libreoffice` converts it with LibreOffice first and says what that kept.
 * The rich .xls is made by LibreOffice from an .xlsx built in code (those tests need LibreOffice
 * and are skipped only where it is not installed); a stand-in soffice script tests the rest.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertToXlsx, ConvertError } from '../../src/hosts/file/libreoffice';
import { xlsxHeld } from '../../src/hosts/file/xlsx-held';
import { freezePanes, hasLibreOffice, libreOfficeConvert, richXls } from '../helpers/rich-xls';
import { gwySheet } from '../helpers/sheets';
import { tempDir, writeXls, writeXlsx } from '../helpers/xlsx';
import { kaohe } from './helpers';

async function gradeJson(...args: string[]) {
  const r = await kaohe('grade', ...args, '--json');
  if (r.code === 2) throw new Error(r.err);
  return JSON.parse(r.out);
}

/** Runs `fn` with PATH holding only `dir`. */
async function withPath<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env['PATH'];
  process.env['PATH'] = dir;
  try {
    return await fn();
  } finally {
    process.env['PATH'] = saved;
  }
}

/** A stand-in soffice: a shell script doing `body`, alone in a folder of its own. */
function fakeSoffice(body: string): string {
  const dir = tempDir('kaohe-fake-lo-');
  const path = join(dir, 'soffice');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return dir;
}

const xlsWithRoster = () =>
  writeXls(
    gwySheet([
      { name: '张三', base: 88 },
      { name: '李四', base: 80 },
    ]).grid,
  );

(hasLibreOffice ? describe : describe.skip)('an .xls saved by LibreOffice with notes, links, formats and more', () => {
  let xls: string;
  beforeAll(async () => {
    xls = freezePanes(await richXls(), 3, 4);
  }, 120000);

  it('lists each kind the copy does not carry, with counts and places', async () => {
    const out = join(tempDir(), 'copy.xlsx');
    const report = await gradeJson(xls, '--out', out);
    expect(report.output.notKept).toEqual(['cell-styles']);
    expect(report.output.fromXls).toEqual({
      convertedBy: 'kaohe',
      listed: true,
      carried: [],
      notCarried: [
        { kind: 'names', count: 1, kept: 0, places: ['德分'], message: '名称 1 个（德分）不会带到副本' },
        {
          kind: 'name-formulas',
          count: 1,
          kept: 0,
          places: ['汇总!A1'],
          message: '1 个公式用到这些名称（汇总 A1→德分），副本中没有这些名称，公式会显示 #NAME?',
        },
        { kind: 'notes', count: 2, kept: 0, places: ['第一季度!B5', '第一季度!B6'], message: '批注 2 条（第一季度 B5、B6）不会带到副本' },
        { kind: 'hyperlinks', count: 1, kept: 0, places: ['第一季度!C5'], message: '超链接 1 个（第一季度 C5）不会带到副本' },
        {
          kind: 'conditional-formats',
          count: 1,
          kept: 0,
          places: ['第一季度!D5:D6'],
          message: '条件格式 1 条（第一季度 D5:D6）不会带到副本',
        },
        { kind: 'validations', count: 1, kept: 0, places: ['第一季度!E5:E6'], message: '数据验证 1 处（第一季度 E5:E6）不会带到副本' },
        { kind: 'pictures', count: 1, kept: 0, places: ['汇总'], message: '图片 1 张（汇总）不会带到副本' },
        { kind: 'frozen-panes', count: 1, kept: 0, places: ['第一季度!D5'], message: '冻结窗格 1 处（第一季度 冻结至 D5）不会带到副本' },
        {
          kind: 'print-settings',
          count: 1,
          kept: 0,
          places: ['第一季度'],
          message: '1 张工作表的打印设置（第一季度：打印标题 3:4、打印区域 A1:AC6、横向）不会带到副本',
        },
        { kind: 'sheet-protection', count: 1, kept: 0, places: ['汇总'], message: '1 张工作表的保护（汇总）不会带到副本' },
      ],
    });
    // What the report says is lost is indeed not in the copy (its print settings are those of the summary sheet kaohe adds).
    const copy = await xlsxHeld(readFileSync(out));
    expect([[...copy.counts.keys()], [...copy.sheets.get('print-settings')!]]).toEqual([['print-settings'], ['平时考核结果汇总表']]);
  });

  it('says so in the text report, and offers LibreOffice', async () => {
    const r = await kaohe('grade', xls, '--out', join(tempDir(), 'copy.xlsx'), '--lang', 'en');
    const tail = r.out.slice(r.out.indexOf('Wrote the copy'));
    expect(tail.split('\n').map((l) => l.trim())).toEqual([
      expect.stringMatching(/^Wrote the copy: /),
      'Wrote 2 totals and 2 grades',
      "Note: the copy does not keep the workbook's cell formatting (fonts, borders, fills) (the original is unchanged)",
      'New summary sheets: 平时考核结果汇总表',
      'Note: 1 defined name (德分) will not be in the copy',
      'Note: 1 formula uses those names (汇总 A1→德分): the copy has no such names, so they will show #NAME?',
      'Note: 2 notes (第一季度 B5, B6) will not be in the copy',
      'Note: 1 hyperlink (第一季度 C5) will not be in the copy',
      'Note: 1 conditional format rule (第一季度 D5:D6) will not be in the copy',
      'Note: 1 data validation (第一季度 E5:E6) will not be in the copy',
      'Note: 1 picture (汇总) will not be in the copy',
      'Note: 1 frozen pane (第一季度 frozen at D5) will not be in the copy',
      'Note: The print settings of 1 sheet (第一季度: print titles 3:4, print area A1:AC6, landscape) will not be in the copy',
      'Note: The protection of 1 sheet (汇总) will not be in the copy',
      'LibreOffice is installed: add --via-libreoffice to convert the .xls to .xlsx with it first, which keeps most of this',
      'The input file was not changed.',
      '',
    ]);
  });

  it("--via-libreoffice: grades LibreOffice's .xlsx, says what came through, and the copy has it", async () => {
    const out = join(tempDir(), 'via.xlsx');
    const report = await gradeJson(xls, '--out', out, '--via-libreoffice', '--no-marks');
    expect(report.people.map((p: { name: string; total: number }) => [p.name, p.total])).toEqual([
      ['张三', 88],
      ['李四', 80],
    ]);
    expect(report.output.notKept).toEqual([]);
    const f = report.output.fromXls;
    // LibreOffice's .xlsx keeps everything, the sheet's protection too, and the copy is written into that package: nothing is lost.
    expect([f.convertedBy, f.notCarried]).toEqual(['libreoffice', []]);
    expect(f.carried.map((k: { kind: string; count: number; kept: number }) => [k.kind, k.count, k.kept])).toEqual([
      ['names', 1, 1],
      ['name-formulas', 1, 1],
      ['notes', 2, 2],
      ['hyperlinks', 1, 1],
      ['conditional-formats', 1, 1],
      ['validations', 1, 1],
      ['pictures', 1, 1],
      ['frozen-panes', 1, 1],
      ['print-settings', 1, 1],
      ['sheet-protection', 1, 1],
    ]);
    const copy = await xlsxHeld(readFileSync(out));
    // LibreOffice's own .xlsx also names the .xls's print settings _xlnm_Print_Area/_Titles; the copy, its package, keeps them as they are.
    expect(copy.names.filter((n) => !n.startsWith('_xlnm_'))).toEqual(['德分']);
    expect(
      ['notes', 'hyperlinks', 'conditional-formats', 'validations', 'pictures', 'frozen-panes'].map((k) => [
        k,
        copy.counts.get(k as never),
      ]),
    ).toEqual([
      ['notes', 2],
      ['hyperlinks', 1],
      ['conditional-formats', 1],
      ['validations', 1],
      ['pictures', 1],
      ['frozen-panes', 1],
    ]);
    // Everything LibreOffice's package holds stays: 汇总's protection, and the page setup it writes for every sheet.
    expect([[...copy.sheets.get('sheet-protection')!], [...copy.sheets.get('print-settings')!]]).toEqual([
      ['汇总'],
      ['第一季度', '汇总', '平时考核结果汇总表'],
    ]);
    // Nothing of LibreOffice's run is left in the temporary folder.
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('kaohe-lo-') && existsSync(join(tmpdir(), n, 'book.xls')))).toEqual([]);
  }, 60000);

  it('--via-libreoffice, in text: what the copy kept', async () => {
    const r = await kaohe('grade', xls, '--out', join(tempDir(), 'via.xlsx'), '--via-libreoffice');
    expect(r.out).toContain('  已先用 LibreOffice 把 .xls 转换为 .xlsx，再检查并写入副本（单元格格式随之保留）\n');
    expect(r.out).toContain(
      '  副本保留了原 .xls 中的名称 1 个、用到这些名称的公式 1 个、批注 2 条、超链接 1 个、条件格式 1 条、数据验证 1 处、图片 1 张、冻结窗格 1 处、1 张工作表的打印设置、1 张工作表的保护\n  原文件未作任何改动。',
    );
    expect(r.out).not.toContain('--via-libreoffice');
  }, 60000);
});

(hasLibreOffice ? describe : describe.skip)('annual --out on an .xls', () => {
  it('lists what the copy with the summary forms lacks, as grade does', async () => {
    const year = freezePanes(libreOfficeConvert(join(__dirname, '..', '..', 'examples', 'gwy-2020-year.xlsx'), 'xls'), 1, 3);
    const out = join(tempDir(), 'year.xlsx');
    const r = await kaohe('annual', year, '--out', out, '--json');
    const output = JSON.parse(r.out).output;
    expect(output.fromXls).toEqual({
      convertedBy: 'kaohe',
      listed: true,
      carried: [],
      notCarried: [
        { kind: 'frozen-panes', count: 1, kept: 0, places: ['第一季度!B4'], message: '冻结窗格 1 处（第一季度 冻结至 B4）不会带到副本' },
      ],
    });
    expect((await kaohe('annual', year, '--out', join(tempDir(), 'y.xlsx'))).out).toContain(
      '\n  注意：冻结窗格 1 处（第一季度 冻结至 B4）不会带到副本',
    );
  }, 60000);
});

describe('.xls input without LibreOffice', () => {
  it('an .xls holding nothing but cells: nothing to list', async () => {
    const report = await gradeJson(await xlsWithRoster(), '--out', join(tempDir(), 'plain.xlsx'));
    expect(report.output.fromXls).toEqual({ convertedBy: 'kaohe', listed: true, notCarried: [], carried: [] });
  });

  it('HTML saved as .xls: says its contents could not be listed, not that nothing is lost', async () => {
    const html = join(tempDir(), 'export.xls');
    writeFileSync(
      html,
      '<html><body><table><tr><td>姓名</td><td>德</td><td>能</td><td>勤</td><td>绩</td><td>廉</td></tr><tr><td>张三</td><td>18</td><td>18</td><td>14</td><td>30</td><td>9</td></tr></table></body></html>',
    );
    const report = await gradeJson(html, '--scheme', 'gwy-2020', '--out', join(tempDir(), 'h.xlsx'));
    expect(report.output.fromXls.listed).toBe(false);
    expect(report.output.fromXls.notCarried).toEqual([
      {
        kind: 'unlisted',
        count: 0,
        kept: 0,
        places: [],
        message:
          '这份文件不是 Excel 97–2003 格式的 .xls（是更早的格式，或网页、XML 另存的“xls”），未能逐项列出：其中的名称、批注、超链接、条件格式、数据验证、图片、冻结窗格、打印设置都不会带到副本',
      },
    ]);
  });

  it('an .xlsx has no fromXls', async () => {
    const input = await writeXlsx(gwySheet([{ name: '张三', base: 88 }]).grid);
    expect((await gradeJson(input, '--out', join(tempDir(), 'x.xlsx'))).output.fromXls).toBeUndefined();
  });

  it('--via-libreoffice refuses with one line where LibreOffice is not installed', async () => {
    const xls = await xlsWithRoster();
    const r = await withPath(tempDir('kaohe-empty-path-'), () =>
      kaohe('grade', xls, '--out', join(tempDir(), 'x.xlsx'), '--via-libreoffice'),
    );
    expect([r.code, r.err.trim()]).toEqual([
      2,
      '--via-libreoffice 需要 LibreOffice，但本机没有找到（PATH 中没有 soffice，默认安装位置也没有）：请安装 LibreOffice，或去掉 --via-libreoffice',
    ]);
  });

  it('--via-libreoffice belongs to grade', async () => {
    const r = await kaohe('check', await xlsWithRoster(), '--via-libreoffice');
    expect([r.code, r.err.trim()]).toEqual([2, '--via-libreoffice 只用于 grade（把 .xls 转换后写入副本）']);
  });

  it('--via-libreoffice refuses an .xlsx, and says why when LibreOffice fails', async () => {
    const input = await writeXlsx(gwySheet([{ name: '张三', base: 88 }]).grid);
    const failing = fakeSoffice('echo "source file could not be loaded" >&2; exit 1');
    const xlsx = await withPath(failing, () => kaohe('grade', input, '--out', join(tempDir(), 'x.xlsx'), '--via-libreoffice'));
    expect([xlsx.code, xlsx.err.trim()]).toEqual([
      2,
      `--via-libreoffice 只用于 .xls 文件，${input} 已是 .xlsx：去掉 --via-libreoffice 即可`,
    ]);
    const xls = await xlsWithRoster();
    const out = join(tempDir(), 'x.xlsx');
    const r = await withPath(failing, () => kaohe('grade', xls, '--out', out, '--via-libreoffice'));
    expect([r.code, r.err.trim(), existsSync(out)]).toEqual([
      2,
      `LibreOffice 未能转换 ${xls}（exit 1: source file could not be loaded），未写入副本`,
      false,
    ]);
  });

  it('a conversion that runs over its time is killed, with what it started, and leaves nothing behind', async () => {
    // The stand-in writes its process id, starts a child that would outlive it, and hangs.
    const pids = join(tempDir(), 'pids');
    const dir = fakeSoffice(`echo $$ >> ${pids}; /bin/sleep 60 & echo $! >> ${pids}; /bin/sleep 60`);
    const xls = await xlsWithRoster();
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('kaohe-lo-'));
    const started = Date.now();
    const e = await convertToXlsx(join(dir, 'soffice'), xls, 1000).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConvertError);
    expect([(e as ConvertError).problem, (e as ConvertError).detail]).toEqual(['timeout', '1 s']);
    expect(Date.now() - started).toBeLessThan(10000);
    await new Promise((r) => setTimeout(r, 200));
    const alive = readFileSync(pids, 'utf8')
      .trim()
      .split('\n')
      // Alive: still there and not a zombie (a container's first process may never reap it).
      .filter((p) => existsSync(`/proc/${p}/stat`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${p}/stat`, 'utf8')));
    expect(alive).toEqual([]);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('kaohe-lo-') && !before.includes(n))).toEqual([]);
  });
});
