/**
 * No formula injection: text that starts with = + - @ — in a scheme's grade labels or
 * condition labels, or typed in the sheet — is written to output cells as text, never as a
 * formula, by both hosts: exceljs copies (kaohe grade) and Excel (the task pane).
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlan, checkGrid } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { rawPreset, schemeFromText } from '../../src/schemes';
import { kaohe } from '../cli/helpers';
import { gwySheet } from '../helpers/sheets';
import { tempDir, writeXlsx } from '../helpers/xlsx';

const LABELS = ['=HYPERLINK("http://example.invalid","点此查看")', '+1+1', '-2', '@SUM(1,1)'];
const gwy = rawPreset('gwy-2020') as Record<string, any>;
const hostile = {
  ...gwy,
  id: 'hostile',
  grading: {
    ...gwy['grading'],
    labels: LABELS.map((label) => ({ label })),
    bands: gwy['grading'].bands.map((b: object, i: number) => ({ ...b, grade: LABELS[i] })),
  },
  conditions: [{ id: 'probation', effect: 'no-grade', label: '=1+1', match: { keywords: ['试用期'] }, reason: '=试用期内不确定等次' }],
  quotas: [],
  annual: undefined,
};
const scheme = schemeFromText(JSON.stringify(hostile), 'zh');
// One person in each band, one on probation, and sheet texts that look like formulas.
const { grid, rows, cols } = gwySheet([
  { name: '张三', base: 95, remark: '=cmd|"/c calc"!A1' },
  { name: '=李四', base: 80 },
  { name: '王五', base: 65, remark: '@SUM(A1:A9)' },
  { name: '赵六', base: 50 },
  { name: '钱七', base: 85, remark: '试用期' },
]);
const expected = [...LABELS, '不定等次（=1+1）'];

describe('text that looks like a formula is written as text', () => {
  it('by kaohe grade, in the copy it saves', async () => {
    const dir = tempDir();
    const input = await writeXlsx(grid, join(dir, 'in.xlsx'));
    const schemeFile = join(dir, 'hostile.json');
    writeFileSync(schemeFile, JSON.stringify(hostile));
    const out = join(dir, 'out.xlsx');
    const r = await kaohe('grade', input, '--scheme', schemeFile, '--out', out);
    expect(r.code).not.toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const gradeCells = rows.map((row) => ws.getCell(row, cols['等次']!));
    expect(gradeCells.map((c) => c.type)).toEqual(Array(5).fill(ExcelJS.ValueType.String));
    expect(gradeCells.map((c) => c.value)).toEqual(expected);

    // With --formulas the grades are IFs whose results are these texts, quoted inside the formula.
    const live = join(dir, 'live.xlsx');
    await kaohe('grade', input, '--scheme', schemeFile, '--out', live, '--formulas');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(live);
    const first = wb2.worksheets[0]!.getCell(rows[0]!, cols['等次']!);
    expect(first.type).toBe(ExcelJS.ValueType.Formula);
    expect((first.value as ExcelJS.CellFormulaValue).formula).toMatch(
      /^IF\([A-Z]+\d+>=90,"=HYPERLINK\(""http:\/\/example\.invalid"",""点此查看""\)"/,
    );
    expect((first.value as ExcelJS.CellFormulaValue).result).toBe(LABELS[0]);
    // The sheet's own texts are untouched, and still text.
    expect(ws.getCell(rows[0]!, cols['备注']!).value).toBe('=cmd|"/c calc"!A1');
    expect(ws.getCell(rows[1]!, cols['姓名']!).type).toBe(ExcelJS.ValueType.String);
  });

  it('by the task pane, through Excel', async () => {
    const book = PreviewWorkbook.fromGrids([grid]);
    installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
    const host = new ExcelHost();
    const read = await host.readSheet();
    const results = checkGrid(read.grid, scheme)!;
    // Values, not live formulas: a formula grade would be an IF over the labels, itself text.
    await host.apply(buildPlan(results, read.grid, { formulas: false }));
    const s = book.activeSheet();
    const written = rows.map((row) => book.cell(s, row, cols['等次']!)!);
    expect(written.map((c) => [c.value, c.formula])).toEqual(expected.map((v) => [v, null]));
  });

  it('in live grade formulas, as quoted text inside the IF', async () => {
    const results = checkGrid(grid, scheme)!;
    const plan = buildPlan(results, grid, { formulas: true });
    const formula = plan.writes.find((w) => w.kind === 'grade' && w.after.formula)!.after.formula!;
    expect(formula).toContain('"=HYPERLINK(""http://example.invalid"",""点此查看"")"');
    const book = PreviewWorkbook.fromGrids([grid]);
    installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
    const host = new ExcelHost();
    await host.readSheet();
    await host.apply(plan);
    const s = book.activeSheet();
    expect(rows.map((row) => book.cell(s, row, cols['等次']!)!.value)).toEqual(expected);
  });
});
