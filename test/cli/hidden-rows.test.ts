/**
 * `kaohe check` and `kaohe grade --out` on workbooks with rows hidden (issue #20, point 8): by hand (row.hidden), and
 * by a filter on 科室 as Excel saves one (an autoFilter with its criteria, the rows it hides marked hidden). The check
 * names each person on a hidden row (hidden-row, a warning: the exit code stays 0); grade writes the rows shown,
 * says which rows it left, and the copy's hidden rows keep their cells, still hidden; a check of the copy finds
 * nothing kaohe made.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Grid } from '../../src/engine';
import { gwySheet } from '../helpers/sheets';
import { addGridSheet, tempDir } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

/** Six people, 人员1–6 (60–65 points), 办公室 and 综合股 in turn, on rows 5–10; 合计 W and 等次 X empty. */
function sheet(): Grid {
  const people = Array.from({ length: 6 }, (_, i) => ({ name: `人员${i + 1}`, base: 60 + i, unit: ['办公室', '综合股'][i % 2]! }));
  return gwySheet(people, { summaryRow: false }).grid;
}

/** Rows 6 and 8 hidden by hand. */
async function hiddenByHand(dir: string): Promise<string> {
  const file = join(dir, 'hidden.xlsx');
  await writeXlsx({ ...sheet(), hiddenRows: [6, 8] }, file);
  return file;
}

/** A filter on 科室 (column C) that shows 办公室 only, saved as Excel saves it: rows 6, 8 and 10 hidden. */
async function filtered(dir: string): Promise<string> {
  const file = join(dir, 'filtered.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = addGridSheet(wb, { ...sheet(), hiddenRows: [6, 8, 10] });
  ws.autoFilter = 'A4:Y10';
  await wb.xlsx.writeFile(file);
  // exceljs writes the filter's range only: its criteria are added as Excel writes them.
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  const criteria = '<autoFilter ref="A4:Y10"><filterColumn colId="2"><filters><filter val="办公室"/></filters></filterColumn></autoFilter>';
  expect(xml).toMatch(/<autoFilter ref="A4:Y10"\s*\/>/);
  zip.file(part, xml.replace(/<autoFilter ref="A4:Y10"\s*\/>/, criteria));
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

async function writeXlsx(grid: Grid, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  addGridSheet(wb, grid);
  await wb.xlsx.writeFile(file);
}

/** A row's 合计 and 等次 in a workbook file, and whether the row is hidden. */
async function outputs(file: string, rows: number[]): Promise<[number, unknown, unknown, boolean][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  return rows.map((r) => [r, ws.getCell(`W${r}`).value, ws.getCell(`X${r}`).value, ws.getRow(r).hidden]);
}

interface IssueJson {
  rule: string;
  severity: string;
  cell: string | null;
  row: number | null;
  message: string;
  fix: string;
}

describe.each([
  ['rows hidden by hand', hiddenByHand, [6, 8]],
  ['a filter on 科室', filtered, [6, 8, 10]],
] as const)('kaohe on a sheet with %s', (_title, make, hidden) => {
  let file: string;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    file = await make(dir);
  });
  const names = hidden.map((r) => `人员${r - 4}`);

  it('check: one warning per person on a hidden row, naming them at the row’s first cell, saying what to do', async () => {
    const { code, report } = await kaoheJson('check', file);
    const warned = (report.issues as IssueJson[]).filter((i) => i.rule === 'hidden-row');
    expect(warned.map((i) => [i.severity, i.cell, i.row, i.message])).toEqual(
      hidden.map((r, k) => [
        'warning',
        `A${r}`,
        r,
        `${names[k]}（综合股）所在的行被隐藏或被筛选掉：照常检查，计入名额和排名，但考核助手不会写入这一行`,
      ]),
    );
    expect(warned[0]!.fix).toBe('请取消筛选或取消隐藏这一行，然后重新检查，再写入总分和等次');
    // Nothing else is said, and the hidden people are still on the roster with their totals and grades.
    expect((report.issues as IssueJson[]).filter((i) => i.rule !== 'hidden-row')).toEqual([]);
    expect(code).toBe(0);
    expect(report.people.map((p: { row: number; total: number }) => [p.row, p.total])).toEqual(
      [5, 6, 7, 8, 9, 10].map((r) => [r, 60 + r - 5]),
    );
    // The text report says it too, with the cell.
    const text = await kaohe('check', file);
    for (const [k, r] of hidden.entries()) expect(text.out).toMatch(new RegExp(`A${r}.*${names[k]}（综合股）所在的行被隐藏或被筛选掉`));
  });

  it('grade: writes the rows shown, lists the rows left, and the copy’s hidden rows are untouched and still hidden', async () => {
    const out = join(dir, `graded-${hidden.length}.xlsx`);
    const text = await kaohe('grade', file, '--out', out);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`第 ${hidden.join('、')} 行被隐藏或筛选掉，未写入（见上方问题）；取消筛选或隐藏后重新运行，才会写入这些行`);
    const shown = [5, 6, 7, 8, 9, 10].filter((r) => !(hidden as readonly number[]).includes(r));
    expect(text.out).toContain(`写入合计 ${shown.length} 格、等次 ${shown.length} 格`);
    expect(await outputs(out, [5, 6, 7, 8, 9, 10])).toEqual(
      [5, 6, 7, 8, 9, 10].map((r) => (shown.includes(r) ? [r, 60 + r - 5, '一般', false] : [r, null, null, true])),
    );
    // The input is as it was.
    expect(await outputs(file, [5])).toEqual([[5, null, null, false]]);

    const json = await kaoheJson('grade', file, '--out', join(dir, `graded-${hidden.length}-json.xlsx`));
    expect(json.report.output.hiddenRows).toEqual(hidden);
    expect(json.report.output.totals).toBe(shown.length);
  });

  it('check of the copy: only the hidden rows’ warnings, nothing kaohe made; the filter is kept', async () => {
    const out = join(dir, `again-${hidden.length}.xlsx`);
    await kaohe('grade', file, '--out', out, '--formulas');
    const { code, report } = await kaoheJson('check', out);
    expect(code).toBe(0);
    expect((report.issues as IssueJson[]).map((i) => [i.rule, i.cell])).toEqual(hidden.map((r) => ['hidden-row', `A${r}`]));
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('xl/worksheets/sheet1.xml')!.async('string');
    if (hidden.length === 3) expect(xml).toContain('<filter val="办公室"/>');
  });
});

describe('kaohe grade <folder> --out-dir with a filtered workbook', () => {
  it('says on the workbook’s line which rows it left, and writes its copy as grade --out does', async () => {
    const dir = join(tempDir(), '科室');
    mkdirSync(dir);
    await hiddenByHand(dir);
    const outDir = join(tempDir(), '已定等次');
    const run = await kaohe('grade', dir, '--out-dir', outDir);
    expect(run.code).toBe(0);
    expect(run.out).toContain('已写入“第一季度”，6 人，第 6、8 行被隐藏或筛选掉，未写入');
    expect(await outputs(join(outDir, 'hidden.xlsx'), [5, 6])).toEqual([
      [5, 60, '一般', false],
      [6, null, null, true],
    ]);
  });
});
