/**
 * `kaohe check <folder|workbook>…` (issue #21) on a county's folder (../helpers/county): 30 units'
 * gwy-2020 workbooks (three over the 好 quota), the fourteen real layouts, three .xls, a workbook with
 * a sheet per unit, three files that cannot be read, and lock/hidden/other files beside them.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countyFolder, type CountyFolder } from '../helpers/county';
import { tempDir } from '../helpers/xlsx';
import { kaohe } from './helpers';

let county: CountyFolder;
let json: { code: number; report: any };

beforeAll(async () => {
  county = await countyFolder(join(tempDir(), '县直单位'), 30, 12);
  const r = await kaohe('check', county.dir, '--json');
  json = { code: r.code, report: JSON.parse(r.out) };
}, 120000);

describe('kaohe check <folder> --json', () => {
  it('lists every workbook under the folder, and nothing else', () => {
    expect(county.workbooks.length).toBeGreaterThanOrEqual(50);
    const files = json.report.files.map((f: { file: string }) => f.file);
    expect([...files].sort()).toEqual(county.workbooks);
    for (const s of county.skipped) expect(files).not.toContain(s);
  });

  it('gives each unreadable file its reason and goes on with the others', () => {
    const errors = Object.fromEntries(
      json.report.files
        .filter((f: { error: string | null }) => f.error !== null)
        .map((f: { file: string; error: string }) => [f.file, f.error]),
    );
    expect(Object.keys(errors).sort()).toEqual([...county.unreadable].sort());
    for (const [file, error] of Object.entries(errors))
      expect(error).toMatch(new RegExp(`^无法读取 .*${file.split('/').pop()}：不是有效的 Excel 工作簿`));
    expect(json.code).toBe(1);
  });

  it("each sheet's report is the report of checking that sheet alone", async () => {
    let compared = 0;
    for (const f of json.report.files)
      for (const report of f.sheets) {
        const alone = await kaohe('check', f.file, '--sheet', report.sheet, '--json');
        expect(report).toEqual(JSON.parse(alone.out));
        compared++;
      }
    expect(compared).toBeGreaterThanOrEqual(45);
  }, 120000);

  it('finds every unit over its 好 quota, and no other gwy-2020 unit', () => {
    const overByFile = new Map<string, boolean>();
    for (const f of json.report.files)
      for (const r of f.sheets)
        if (r.scheme === 'gwy-2020' && f.file.startsWith(join(county.dir, '清河县')) && f.file.endsWith('.xlsx'))
          overByFile.set(
            f.file,
            r.quota.some((q: { grade: string; severity: string }) => q.grade === '好' && q.severity === 'error'),
          );
    expect(county.over.length).toBe(3);
    for (const file of county.over) expect(overByFile.get(file)).toBe(true);
    expect(
      [...overByFile]
        .filter(([, over]) => over)
        .map(([f]) => f)
        .sort(),
    ).toEqual([...county.over].sort());
  });

  it('checks each unit sheet of a workbook with a sheet per unit, and leaves its notes sheet out', () => {
    const book = json.report.files.find((f: { file: string }) => f.file === county.perUnit.file);
    expect(book.sheets.map((r: { sheet: string }) => r.sheet)).toEqual(county.perUnit.sheets);
    expect(book.unchecked).toEqual([]);
  });

  it('reads the .xls workbooks as the .xlsx ones', () => {
    const xls = json.report.files.filter((f: { file: string }) => f.file.endsWith('.xls') && !county.unreadable.includes(f.file));
    expect(xls).toHaveLength(3);
    for (const f of xls)
      expect(f.sheets.map((r: { scheme: string; summary: { people: number } }) => [r.scheme, r.summary.people])).toEqual([
        ['gwy-2020', 12],
      ]);
  });

  it('adds the totals of what it read', () => {
    const t = json.report.totals;
    const sheets = json.report.files.reduce(
      (n: number, f: { sheets: unknown[]; unchecked: unknown[] }) => n + f.sheets.length + f.unchecked.length,
      0,
    );
    expect(t).toEqual(expect.objectContaining({ files: county.workbooks.length, unreadable: 3, sheets, over: expect.any(Number) }));
    expect(t.over).toBeGreaterThanOrEqual(3);
    expect(t.people).toBe(
      json.report.files.reduce(
        (n: number, f: { sheets: { summary: { people: number } }[] }) => n + f.sheets.reduce((m, r) => m + r.summary.people, 0),
        0,
      ),
    );
  });
});

describe('kaohe check <folder> (text)', () => {
  let out: string;
  beforeAll(async () => {
    out = (await kaohe('check', county.dir)).out;
  }, 120000);

  it('prints one line per sheet with its unit, scheme and top grade against its limit', () => {
    const line = out.split('\n').find((l) => l.startsWith('清河县人社局.xlsx'))!;
    expect(line.split(/\s{2,}/).slice(0, 4)).toEqual(['清河县人社局.xlsx', '第一季度', '清河县人社局', 'gwy-2020（按表头）']);
    expect(line).toMatch(/好 \d+\/4/);
  });

  it('names the unreadable files and puts them first among what to fix, then the quotas broken', () => {
    const first = out.slice(out.indexOf('先处理这些：')).split('\n').slice(1);
    expect(first[0]).toMatch(/^ {2}1\. 无法读取 .*(损坏的表|空文件|旧系统导出)/);
    const overLines = first.filter((l) => /超出名额/.test(l));
    expect(overLines.length).toBeGreaterThanOrEqual(3);
    expect(out).toMatch(/合计：文件 51 个（无法读取 3 个）/);
  });
});

describe('kaohe check with several workbooks', () => {
  it('checks the files named, in the order given', async () => {
    const [a, b] = county.over;
    const r = await kaohe('check', b!, a!, '--json');
    expect(JSON.parse(r.out).files.map((f: { file: string }) => f.file)).toEqual([b, a]);
    expect(r.code).toBe(1);
  });

  it('exits 2 when nothing could be read', async () => {
    const r = await kaohe('check', ...county.unreadable, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).files).toHaveLength(3);
  });

  it('says so when a path does not exist, and checks the others', async () => {
    const r = await kaohe('check', county.over[0]!, '/nonexistent/单位.xlsx', '--json');
    const files = JSON.parse(r.out).files;
    expect(files[1]).toEqual({ file: '/nonexistent/单位.xlsx', error: '找不到文件 /nonexistent/单位.xlsx', sheets: [], unchecked: [] });
    expect(r.code).toBe(1);
  });

  it('refuses --sheet, annual over several files, a bad --jobs and a folder without workbooks, in one line', async () => {
    const empty = tempDir();
    const cases: [string[], string][] = [
      [['check', county.dir, '--sheet', '第一季度'], '检查多个文件时不能用 --sheet：每个文件的每张考核表都会检查'],
      [['annual', county.dir, county.over[0]!], '一次处理多个文件或文件夹只用于 check 和 grade（grade 用 --out-dir 指定副本的文件夹）'],
      [['check', county.dir, '--jobs', '0'], '--jobs 应为 1 到 64 的整数，而不是“0”'],
      [['check', empty], `${empty} 中没有 Excel 工作簿（.xlsx、.xlsm、.xls）`],
    ];
    for (const [args, message] of cases) {
      const r = await kaohe(...args);
      expect([r.code, r.err.trim(), r.out]).toEqual([2, message, '']);
    }
  });
});

describe('a path that is not a regular file', () => {
  it('is refused at once rather than read for ever (a named pipe called .xlsx)', async () => {
    const fifo = join(tempDir(), '管道.xlsx');
    execFileSync('mkfifo', [fifo]);
    const r = await kaohe('check', fifo);
    expect([r.code, r.err.trim()]).toEqual([
      2,
      `无法读取 ${fifo}：不是有效的 Excel 工作簿（不是普通文件，是管道或设备 (not a regular file)）`,
    ]);
  });
});

describe('kaohe check <folder> --out 汇总.xlsx', () => {
  let out: string;
  let wb: ExcelJS.Workbook;
  let zip: JSZip;
  beforeAll(async () => {
    out = join(tempDir(), '汇总.xlsx');
    const r = await kaohe('check', county.dir, '--out', out);
    expect(r.out).toContain(`汇总表已写入 ${out}（汇总、问题清单、图表三张工作表）`);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    zip = await JSZip.loadAsync(readFileSync(out));
  }, 120000);

  const rowsOf = (ws: ExcelJS.Worksheet) => {
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = 4; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as ExcelJS.CellValue[]).slice(1));
    return rows;
  };

  it('has one 汇总 row per sheet checked and per file or sheet that could not be, with the top grade against its limit', () => {
    const ws = wb.getWorksheet('汇总')!;
    expect((ws.getRow(3).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      '序号',
      '单位',
      '期间（工作表）',
      '文件',
      '方案',
      '人数',
      '定等次',
      '最高等次',
      '人数',
      '占比',
      '上限',
      '上限占比',
      '与上限比',
      '错误',
      '警告',
      '问题',
      '说明',
    ]);
    const rows = rowsOf(ws);
    expect(rows).toHaveLength(json.report.totals.sheets + json.report.totals.unreadable);
    const unit = rows.find((r) => r[1] === '清河县人社局')!;
    const report = json.report.files.find((f: { file: string }) => f.file === join(county.dir, '清河县人社局.xlsx')).sheets[0];
    const good = report.people.filter((p: { grade: string }) => p.grade === '好').length;
    const q = report.quota.find((x: { grade: string }) => x.grade === '好');
    expect(unit.slice(2, 13)).toEqual([
      '第一季度',
      '清河县人社局.xlsx',
      'gwy-2020',
      12,
      report.summary.graded,
      '好',
      good,
      q.count / q.base,
      q.limit,
      q.limit / q.base,
      q.count > q.limit ? `超出 ${q.count - q.limit} 人` : `余 ${q.limit - q.count} 人`,
    ]);
    for (const file of county.over) {
      const row = rows.find((r) => r[3] === file.slice(county.dir.length + 1))!;
      expect(String(row[12])).toMatch(/^超出 \d+ 人$/);
    }
    const unreadable = rows.filter((r) => String(r[16]).startsWith('无法读取：'));
    expect(unreadable.map((r) => r[3]).sort()).toEqual(county.unreadable.map((f) => f.slice(county.dir.length + 1)).sort());
  });

  it("lists every issue with its file, sheet, cell, person and rule in words, and links each unit's row to its first issue", () => {
    const issues = wb.getWorksheet('问题清单')!;
    const rows = rowsOf(issues);
    const all = json.report.files.reduce(
      (n: number, f: { sheets: { issues: unknown[] }[] }) => n + f.sheets.reduce((m, r) => m + r.issues.length, 0),
      0,
    );
    expect(rows).toHaveLength(all + json.report.totals.unreadable + json.report.totals.unchecked);
    const sum = wb.getWorksheet('汇总')!;
    const linked = rowsOf(sum).filter((r) => r[15] && typeof r[15] === 'object');
    expect(linked.length).toBeGreaterThanOrEqual(county.over.length);
    for (const r of linked) {
      const link = r[15] as { text: string; hyperlink: string };
      const target = Number(link.hyperlink.match(/^#'问题清单'!A(\d+)$/)![1]);
      const issue = (issues.getRow(target).values as ExcelJS.CellValue[]).slice(1);
      expect([issue[2], issue[3]]).toEqual([r[3], r[2]]);
      const report = json.report.files
        .find((f: { file: string }) => f.file === join(county.dir, String(r[3])))
        .sheets.find((x: { sheet: string }) => x.sheet === r[2]);
      expect(link.text).toBe(`${report.issues.length} 个问题`);
      expect(issue[8]).toBe(report.issues[0].message);
    }
    // The rule in words, the person by name.
    const over = rows.find((r) => r[6] === '超出名额' || String(r[8]).includes('超过'));
    expect(over).toBeDefined();
    expect(rows.some((r) => r[5] !== '' && r[4] !== '' && /^[A-Z]+\d+$/.test(String(r[4])))).toBe(true);
  });

  it('prints on A4 landscape with its heading rows repeated', () => {
    for (const name of ['汇总', '问题清单']) {
      const ws = wb.getWorksheet(name)!;
      expect([ws.pageSetup.paperSize, ws.pageSetup.orientation, ws.pageSetup.fitToWidth]).toEqual([9, 'landscape', 1]);
      expect(ws.pageSetup.printTitlesRow).toBe('1:3');
    }
  });

  it("draws a chart of each unit's top grade share against its limit, on the 图表 sheet, from the 汇总 cells", async () => {
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    const last = wb.getWorksheet('汇总')!.rowCount;
    expect(chart).toMatch(/'汇总'!\$J\$4:\$J\$\d+/);
    expect(chart).toMatch(/'汇总'!\$L\$4:\$L\$\d+/);
    expect(chart).toContain('<c:v>清河县人社局 第一季度</c:v>');
    const book = await zip.file('xl/workbook.xml')!.async('string');
    const sheets = [...book.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets).toEqual(['汇总', '问题清单', '图表']);
    const rels = await zip.file('xl/worksheets/_rels/sheet3.xml.rels')!.async('string');
    expect(rels).toContain('Target="../drawings/drawing1.xml"');
    expect(await zip.file('xl/worksheets/sheet3.xml')!.async('string')).toContain('<drawing r:id="rIdKaoheChart"/>');
    expect(last).toBeGreaterThan(50);
  });
});

describe('kaohe grade <folder> --out-dir', () => {
  let small: CountyFolder;
  let outDir: string;
  let before: Map<string, string>;
  let run: { code: number; out: string; err: string };
  const digest = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
  beforeAll(async () => {
    small = await countyFolder(join(tempDir(), '县直单位'), 4, 10, false);
    writeFileSync(join(small.dir, '损坏的表.xlsx'), '这不是一个工作簿');
    before = new Map([...small.workbooks, join(small.dir, '损坏的表.xlsx')].map((f) => [f, digest(f)]));
    outDir = join(tempDir(), '已定等次');
    run = await kaohe('grade', small.dir, '--out-dir', outDir, '--json');
  }, 120000);

  it("writes each workbook's copy as 'kaohe grade FILE --out COPY' writes it, and the summary beside them", async () => {
    const report = JSON.parse(run.out);
    expect(run.code).toBe(1);
    expect(report.files.map((f: { file: string; out: string | null }) => [f.file, f.out])).toEqual(
      [...small.workbooks, join(small.dir, '损坏的表.xlsx')]
        .sort()
        .map((f) => [f, f.endsWith('损坏的表.xlsx') ? null : join(outDir, f.slice(small.dir.length + 1))]),
    );
    for (const f of report.files.filter((x: { out: string | null }) => x.out)) {
      const alone = join(tempDir(), 'alone.xlsx');
      const one = await kaohe('grade', f.file, '--out', alone, '--json');
      const { output: a, ...rest } = JSON.parse(one.out);
      expect({ ...f.report, output: { ...f.report.output, file: alone } }).toEqual({ ...rest, output: a });
      const [x, y] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
      await x.xlsx.readFile(f.out);
      await y.xlsx.readFile(alone);
      expect(x.worksheets[0]!.getSheetValues()).toEqual(y.worksheets[0]!.getSheetValues());
    }
    expect(report.files.find((f: { file: string }) => f.file.endsWith('损坏的表.xlsx')).error).toMatch(/不是有效的 Excel 工作簿/);
    expect(report.summary).toBe(join(outDir, '汇总.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report.summary);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '问题清单', '图表']);
  });

  it('leaves every input as it was', () => {
    for (const [f, d] of before) expect(digest(f)).toBe(d);
  });

  it('refuses a folder for the copies inside the folder read, and copies already there without --force', async () => {
    const inside = await kaohe('grade', small.dir, '--out-dir', join(small.dir, '副本'));
    expect([inside.code, inside.err.trim()]).toEqual([
      2,
      `副本文件夹 ${join(small.dir, '副本')} 不能在要处理的文件夹 ${small.dir} 里面：下次检查会把副本当成新的报表`,
    ]);
    const again = await kaohe('grade', small.dir, '--out-dir', outDir);
    expect(again.code).toBe(2);
    expect(again.err.trim()).toMatch(/已经存在，没有覆盖：请换一个文件名，或加 --force 替换它$/);
    const forced = await kaohe('grade', small.dir, '--out-dir', outDir, '--force', '--json');
    expect(forced.code).toBe(1);
    const none = await kaohe('grade', small.dir);
    expect(none.err.trim()).toBe(
      '为文件夹或多个工作簿写副本时，请用 --out-dir 指定副本放在哪个文件夹：kaohe grade <文件夹> --out-dir <副本文件夹>',
    );
  });
});
