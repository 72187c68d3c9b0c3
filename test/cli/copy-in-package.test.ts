/**
 * Issue 19 point 1: `kaohe grade --out` writes the copy into the input's own package. On a rich
 * workbook (test/helpers/rich-workbook.ts), every part the write does not concern is
 * byte-identical (compared as stored, compressed); in the parts it patches, everything outside
 * the cells written is as it was; exceljs and SheetJS read the copy back with the engine's
 * values; and `kaohe check` on the copy finds nothing of kaohe's own making.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlan, checkGrid } from '../../src/engine';
import { readBook } from '../../src/hosts/file/sheetjs';
import { issueMarks, MARK_FILL } from '../../src/hosts/file/write';
import { preset } from '../../src/schemes';
import { partTexts, storedEntries } from '../helpers/package';
import { type RichWorkbook, writeRichWorkbook } from '../helpers/rich-workbook';
import { tempDir } from '../helpers/xlsx';
import { kaoheJson } from './helpers';

const SHEET = 'xl/worksheets/sheet2.xml';
/** The parts a grade may change: the graded sheet and its relationships, its notes, the styles, the workbook and its wiring. */
const CONCERNED = [
  SHEET,
  'xl/worksheets/_rels/sheet2.xml.rels',
  'xl/comments2.xml',
  'xl/drawings/vmlDrawing2.vml',
  'xl/styles.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
];

const cellElement = (ref: string) => new RegExp(`<c r="${ref}"(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</c>)`, 'g');

/** The sheet's XML without the cells named, its dimension, the rows' spans and rows left empty. */
function outside(xml: string, cells: Set<string>): string {
  let s = xml;
  for (const c of cells) s = s.replace(cellElement(c), '');
  return s
    .replace(/<dimension [^>]*\/>/, '')
    .replace(/ spans="[^"]*"/g, '')
    .replace(/<row r="\d+"[^>]*><\/row>/g, '');
}

/** A styles part's sections; in the copy each starts with the original's children (appended after them). */
const section = (xml: string, name: string) => new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '';

describe('the copy written into the input’s own package', () => {
  let rich: RichWorkbook;
  beforeAll(async () => {
    rich = await writeRichWorkbook();
  });

  it.each([
    ['values', []],
    ['formulas', ['--formulas']],
  ])('keeps every part and feature it does not write (%s)', async (mode, flags) => {
    const out = join(tempDir(), `${mode}.xlsx`);
    const { report } = await kaoheJson('grade', rich.file, '--out', out, ...flags);
    const results = checkGrid(rich.grid, preset('gwy-2020')!)!;
    const plan = buildPlan(results, rich.grid, { formulas: mode === 'formulas' });
    const marks = issueMarks(results.issues, 'zh');
    const written = new Set(plan.writes.map((w) => w.cell));
    const touched = new Set([...written, ...marks.keys()]);
    expect(plan.writes.length).toBeGreaterThanOrEqual(8);
    expect(marks.size).toBeGreaterThan(2);

    const [input, copy] = [readFileSync(rich.file), readFileSync(out)];
    const [before, after] = [storedEntries(input), storedEntries(copy)];
    // Every part not concerned: the same stored bytes. Only the summary form's sheet is added.
    for (const [name, bytes] of before) if (!CONCERNED.includes(name)) expect([name, after.get(name)]).toEqual([name, bytes]);
    expect([...after.keys()].filter((n) => !before.has(n))).toEqual(['xl/worksheets/sheet5.xml']);
    expect(report.output).toEqual(
      expect.objectContaining({ notKept: [], formSheets: ['平时考核结果汇总表'], unnoted: [rich.threaded], marked: marks.size }),
    );

    const [was, now] = [partTexts(input), partTexts(copy)];
    // The graded sheet: everything outside the cells written or marked is as it was.
    expect(outside(now.get(SHEET)!, touched)).toBe(outside(was.get(SHEET)!, touched));
    // Styles: the original's fonts, fills, formats and cell formats first, as they were; the rest of the part unchanged but for counts.
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'])
      expect(section(now.get('xl/styles.xml')!, name).startsWith(section(was.get('xl/styles.xml')!, name))).toBe(true);
    const stylesOutside = (s: string) =>
      ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']
        .reduce((x, n) => x.replace(section(x, n), ''), s)
        .replace(/ count="\d+"/g, '')
        .replace('<numFmts></numFmts>', ''); // a section made for what was appended
    expect(stylesOutside(now.get('xl/styles.xml')!)).toBe(stylesOutside(was.get('xl/styles.xml')!));
    // The workbook: recalculation on open requested, the form's sheet and print names added, nothing else.
    const workbookOutside = (s: string) =>
      s
        .replace(' fullCalcOnLoad="1"', '')
        .replace(/<calcPr fullCalcOnLoad="1"\/>/, '')
        .replace(/<sheet name="平时考核结果汇总表"[^>]*\/>/, '')
        .replace(/<definedName name="_xlnm\.Print_(?:Area|Titles)" localSheetId="4">[^<]*<\/definedName>/g, '');
    expect(now.get('xl/workbook.xml')).toMatch(/fullCalcOnLoad="1"/);
    expect(workbookOutside(now.get('xl/workbook.xml')!)).toBe(workbookOutside(was.get('xl/workbook.xml')!));
    // The notes: the existing one kept and kaohe's text appended; the others added after it.
    const noteText = (xml: string) => new RegExp(`<comment ref="${rich.noted}"[^>]*><text>([\\s\\S]*?)</text>`).exec(xml)![1]!;
    expect(noteText(now.get('xl/comments2.xml')!).startsWith(noteText(was.get('xl/comments2.xml')!))).toBe(true);

    // exceljs reads the engine's values, the marks and every feature of the graded sheet back.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('第一季度')!;
    for (const w of plan.writes) {
      const v = ws.getCell(w.cell).value;
      const got = v !== null && typeof v === 'object' && 'formula' in v ? [v.formula, v.result] : [null, v];
      expect([w.cell, ...got]).toEqual([w.cell, w.after.formula?.slice(1) ?? null, w.after.value]);
    }
    for (const [cell, m] of marks)
      expect([cell, (ws.getCell(cell).fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([cell, MARK_FILL[m.severity]]);
    const note = String((ws.getCell(rich.noted).note as { texts: { text: string }[] }).texts.map((t) => t.text).join(''));
    expect(note.startsWith(`原有批注：请核对\n\n考核助手 · `)).toBe(true);
    expect(ws.getCell(rich.threaded).note).toBeUndefined();
    expect(wb.getWorksheet('隐藏')!.state).toBe('hidden');
    expect(wb.getWorksheet('填表说明')!.getCell('A1').font).toEqual(expect.objectContaining({ bold: true, color: { argb: 'FFFF0000' } }));
    expect([ws.getColumn(2).width, ws.views[0]]).toEqual([13.5, expect.objectContaining({ state: 'frozen', xSplit: 3, ySplit: 4 })]);
    expect(ws.getCell('X5').dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['"好,较好,一般,较差"'] }));
    expect(ws.getCell('AA2').value).toEqual({ text: '考核办法', hyperlink: 'https://www.example.org/kaohe' });
    expect([ws.getImages().length, ws.pageSetup.printArea, ws.pageSetup.orientation]).toEqual([1, 'A1:Y9', 'landscape']);
    expect(wb.definedNames.getRanges('合计区').ranges).toEqual(["'第一季度'!$W$5:$W$9"]);
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    // SheetJS reads the same values.
    const book = readBook(copy, false).Sheets['第一季度']!;
    for (const w of plan.writes) expect([w.cell, book[w.cell]?.v]).toEqual([w.cell, w.after.value]);

    // kaohe check on the copy: the totals and grades it wrote, and no error it did not find in the input.
    const again = await kaoheJson('check', out);
    expect(again.report.people).toEqual(report.people);
    const errors = (r: { issues: { rule: string; severity: string; cell: string | null }[] }) =>
      r.issues.filter((i) => i.severity === 'error').map((i) => `${i.rule}@${i.cell}`);
    expect(errors(again.report).filter((e: string) => !errors(report).includes(e))).toEqual([]);
  });
});
