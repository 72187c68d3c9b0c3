import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlan, type CellContent, checkGrid, contentAt, GridView, undoPlan } from '../../src/engine';
import { applyPlan, MARK_FILL } from '../../src/hosts/file/write';
import { worksheetToGrid } from '../../src/hosts/file/sheet';
import { preset } from '../../src/schemes';
import { gridOf, gwySheet } from '../helpers/sheets';
import { addGridSheet, tempDir, writeXls, writeXlsx } from '../helpers/xlsx';
import { storedEntries } from '../helpers/package';
import { kaohe } from './helpers';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const example = join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx');

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function grade(...args: string[]) {
  const r = await kaohe('grade', ...args, '--json');
  if (r.code === 2) throw new Error(r.err);
  return { code: r.code, report: JSON.parse(r.out) };
}

describe('kaohe grade', () => {
  it('leaves the input byte for byte as it was, in both modes', async () => {
    const dir = tempDir();
    const before = sha(example);
    await grade(example, '--out', join(dir, 'a.xlsx'));
    await grade(example, '--out', join(dir, 'b.xlsx'), '--formulas');
    expect(sha(example)).toBe(before);
  });

  it('writes totals and grades into the copy, and says what it replaced', async () => {
    const out = join(tempDir(), '已定等次.xlsx');
    const { code, report } = await grade(example, '--out', out);
    expect(code).toBe(1);
    expect(report.output).toEqual(
      expect.objectContaining({
        file: out,
        mode: 'values',
        totals: 9,
        // Y11's 好 differs from the bands' 较好, but gwy-2020 gives 好 directly for reasons a sheet may not show: kept, reported.
        grades: 11,
        overwritten: [{ cell: 'X14', rule: 'total-mismatch', before: 85, after: 84 }],
        skipped: [
          { row: 11, name: '赵磊', why: 'sheet-grade', cell: 'Y11' },
          { row: 20, name: '朱琳', why: 'no-total' },
        ],
        marked: 8,
        notKept: [],
      }),
    );
    const ws = (await read(out)).getWorksheet('第一季度')!;
    expect([ws.getCell('X8').value, ws.getCell('Y8').value, ws.getCell('Y16').value, ws.getCell('Y21').value]).toEqual([
      91,
      '好',
      '不定等次（试用期）',
      '不参加（调出）',
    ]);
  });

  it('writes live formulas with --formulas, their cached results the engine’s', async () => {
    const out = join(tempDir(), 'f.xlsx');
    await grade(example, '--out', out, '--formulas');
    const ws = (await read(out)).getWorksheet('第一季度')!;
    const x5 = ws.getCell('X5').value as ExcelJS.CellFormulaValue;
    expect([x5.formula, x5.result]).toEqual([
      'ROUND(SUM(E5:H5)+SUM(I5:L5)+SUM(M5:O5)+SUM(P5:R5)+SUM(S5:U5)+MIN(N(V5),5)-MIN(ABS(N(W5)),5),2)',
      95,
    ]);
    expect((ws.getCell('Y5').value as ExcelJS.CellFormulaValue).result).toBe('好');
    expect(ws.getCell('X12').value).toBe(84); // 黄丽 typed 12.5分 as text: a value, not a formula
  });

  it('keeps the rest of the workbook: other sheets, styles, merges, widths, panes, validation', async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('填表说明');
    notes.getCell('A1').value = '请于每季度结束后5日内报送';
    notes.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' } };
    const ws = addGridSheet(
      wb,
      gwySheet([
        { name: '张三', base: 88 },
        { name: '李四', base: 80 },
      ]).grid,
    );
    ws.getColumn(2).width = 13.5;
    ws.getRow(3).height = 30;
    ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 4 }];
    ws.getCell('B5').font = { name: '仿宋', size: 12 };
    ws.getCell('W5').style = { ...ws.getCell('W5').style, numFmt: '0.00' };
    ws.getCell('X5').dataValidation = { type: 'list', allowBlank: true, formulae: ['"好,较好,一般,较差"'] };
    const input = join(tempDir(), 'in.xlsx');
    await wb.xlsx.writeFile(input);
    const out = join(tempDir(), 'out.xlsx');
    await grade(input, '--out', out, '--no-marks');
    const copy = await read(out);
    expect(copy.worksheets.map((w) => w.name)).toEqual(['填表说明', '第一季度', '平时考核结果汇总表']); // the quarter's summary form is added
    expect(copy.getWorksheet('填表说明')!.getCell('A1').font).toEqual(expect.objectContaining({ bold: true, color: { argb: 'FFFF0000' } }));
    const g = copy.getWorksheet('第一季度')!;
    expect((g.model as unknown as { merges: string[] }).merges.sort()).toEqual((ws.model as unknown as { merges: string[] }).merges.sort());
    expect([g.getColumn(2).width, g.getRow(3).height]).toEqual([13.5, 30]);
    expect(g.views[0]).toEqual(expect.objectContaining({ state: 'frozen', xSplit: 2, ySplit: 4 }));
    expect(g.getCell('B5').font).toEqual(expect.objectContaining({ name: '仿宋', size: 12 }));
    expect([g.getCell('W5').value, g.getCell('W5').numFmt, g.getCell('X5').value]).toEqual([88, '0.00', '较好']);
    expect(g.getCell('X5').dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['"好,较好,一般,较差"'] }));
  });

  it('marks problem cells with a fill and a note naming the rule, and leaves them out with --no-marks', async () => {
    const dir = tempDir();
    await grade(example, '--out', join(dir, 'marked.xlsx'));
    await grade(example, '--out', join(dir, 'plain.xlsx'), '--no-marks');
    const marked = (await read(join(dir, 'marked.xlsx'))).getWorksheet('第一季度')!;
    const plain = (await read(join(dir, 'plain.xlsx'))).getWorksheet('第一季度')!;
    const fill = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([fill(marked.getCell('E10')), fill(marked.getCell('P12'))]).toEqual([MARK_FILL.error, MARK_FILL.warning]);
    expect(String(marked.getCell('E10').note)).toContain('考核助手 · out-of-range\n思想政治素质 6.5 超过满分 6。请改为 0–6 分之间的分数');
    expect([fill(plain.getCell('E10')), plain.getCell('E10').note]).toEqual([undefined, undefined]);
    expect(fill(marked.getCell('E11'))).toBeUndefined();
  });

  it('undoes exactly: apply the plan, then its undo, and every touched cell is as it was after save and reload', async () => {
    const input = join(tempDir(), 'u.xlsx');
    const wb0 = await read(example);
    const x14 = wb0.getWorksheet('第一季度')!.getCell('X14');
    x14.style = { ...x14.style, numFmt: '0.0' }; // its own style: exceljs shares style objects between cells
    wb0.getWorksheet('第一季度')!.getCell('X5').value = { formula: 'SUM(E5:W5)', result: 97 };
    await wb0.xlsx.writeFile(input);

    const wb = await read(input);
    const ws = wb.getWorksheet('第一季度')!;
    const grid = worksheetToGrid(ws);
    const plan = buildPlan(checkGrid(grid, preset('gwy-2020')!)!, grid, { formulas: true });
    expect(plan.writes.length).toBeGreaterThan(20);
    applyPlan(ws, plan);
    applyPlan(ws, undoPlan(plan));
    const out = join(tempDir(), 'undone.xlsx');
    await wb.xlsx.writeFile(out);
    const after = new GridView(worksheetToGrid((await read(out)).getWorksheet('第一季度')!));
    const before = new GridView(grid);
    const content = (v: GridView, r: number, c: number): CellContent => contentAt(v, r, c);
    for (const w of plan.writes) expect([w.cell, content(after, w.row, w.col)]).toEqual([w.cell, content(before, w.row, w.col)]);
    expect(content(before, 5, 24)).toEqual({ value: 97, formula: '=SUM(E5:W5)', numFmt: null });
    expect(content(before, 14, 24).numFmt).toBe('0.0');
  });

  it('reads .xls, and HTML tables saved as .xls, and writes an .xlsx copy', async () => {
    const grid = gwySheet([
      { name: '张三', base: 88 },
      { name: '李四', base: 70, remark: '试用期' },
    ]).grid;
    const xls = await writeXls(grid);
    expect(readFileSync(xls).subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    const out = join(tempDir(), 'from-xls.xlsx');
    const { report } = await grade(xls, '--out', out);
    expect(report.people.map((p: { total: number; status: string }) => [p.total, p.status])).toEqual([
      [88, 'graded'],
      [70, 'ungraded'],
    ]);
    expect(report.output.notKept).toEqual(['cell-styles']);
    expect((await read(out)).getWorksheet('第一季度')!.getCell('W5').value).toBe(88);

    const html = join(tempDir(), 'export.xls');
    writeFileSync(
      html,
      '<html><body><table><tr><td>姓名</td><td>德</td><td>能</td><td>勤</td><td>绩</td><td>廉</td></tr><tr><td>张三</td><td>18</td><td>18</td><td>14</td><td>30</td><td>9</td></tr></table></body></html>',
    );
    const r = await kaohe('check', html, '--scheme', 'gwy-2020', '--json');
    expect(JSON.parse(r.out).people[0].total).toBe(89);
  });

  it('keeps parts exceljs cannot write back (a chart) as they are stored, and says nothing is lost', async () => {
    const input = await writeXlsx(gwySheet([{ name: '张三', base: 80 }]).grid);
    const zip = await JSZip.loadAsync(readFileSync(input));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const out = join(tempDir(), 'c.xlsx');
    const r = await kaohe('grade', input, '--out', out);
    expect(r.out).not.toContain('注意：副本中不会保留');
    expect(storedEntries(readFileSync(out)).get('xl/charts/chart1.xml')).toEqual(
      storedEntries(readFileSync(input)).get('xl/charts/chart1.xml'),
    );
  });

  it.each([
    ['ends with the data: the new columns go beside it, the table kept as stored', 'A1:F2', 0, ''],
    [
      'reaches past the data: refused, naming the cell',
      'A1:J2',
      2,
      '没有写出副本：要新增的 G1 在一个“表格”（插入→表格）的范围内，考核助手还不能给表格加列：请在表格内先加上“合计”“等次”列，或把表格范围缩到数据为止，再运行',
    ],
  ])('a table (Insert → Table) that %s', async (_what, ref, code, says) => {
    const input = await writeXlsx(
      gridOf([
        ['姓名', '德', '能', '勤', '绩', '廉'],
        ['张三', 18, 18, 14, 30, 9],
      ]),
    );
    const zip = await JSZip.loadAsync(readFileSync(input));
    const columns = Array.from({ length: ref === 'A1:F2' ? 6 : 10 }, (_x, i) => `<tableColumn id="${i + 1}" name="列${i + 1}"/>`);
    zip.file(
      'xl/tables/table1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="表1" displayName="表1" ref="${ref}"><tableColumns count="${columns.length}">${columns.join('')}</tableColumns></table>`,
    );
    zip.file(
      'xl/worksheets/_rels/sheet1.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
    );
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const out = join(tempDir(), 't.xlsx');
    const r = await kaohe('grade', input, '--out', out, '--scheme', 'gwy-2020', '--json');
    expect([r.code, r.err.trim()]).toEqual([code, says]);
    expect(existsSync(out)).toBe(code !== 2);
    if (code !== 2)
      expect(storedEntries(readFileSync(out)).get('xl/tables/table1.xml')).toEqual(
        storedEntries(readFileSync(input)).get('xl/tables/table1.xml'),
      );
  });

  it.each([
    [['--scheme', 'gwy-2020'], '请用 --out 指定副本的文件名：kaohe grade <工作簿> --out <副本.xlsx>'],
    [['--out', '/tmp/x.xls'], '副本只能保存为 .xlsx：/tmp/x.xls'],
    [['--out', '/no/such/dir/x.xlsx'], '无法保存 /no/such/dir/x.xlsx：所在文件夹不存在'],
  ])('refuses %j with one line', async (args, says) => {
    const r = await kaohe('grade', example, ...args);
    expect([r.code, r.err.trim()]).toEqual([2, says]);
  });

  it('refuses to write over its input', async () => {
    const input = await writeXlsx(
      gridOf([
        ['姓名', '德', '能', '勤', '绩', '廉'],
        ['张三', 18, 18, 14, 30, 9],
      ]),
    );
    const before = sha(input);
    const r = await kaohe('grade', input, '--out', input);
    expect([r.code, r.err.trim(), sha(input)]).toEqual([
      2,
      `不能写到 ${input}：它就是原文件（可能经另一个路径、链接或不同大小写指向它），原文件不会被改动，请换一个文件名`,
      before,
    ]);
  });
});
