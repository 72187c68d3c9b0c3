/**
 * The graded sheet's XML patched in place (src/hosts/file/copy/sheet-patch.ts): written cells
 * replaced or inserted in order, everything else copied as it was, and the cells it cannot
 * write around refused.
 */
import { join } from 'node:path';
import JSZip from 'jszip';
import { buildPlan, type CellContent, checkGrid } from '../../src/engine';
import { CopyError, copyInPackage } from '../../src/hosts/file/copy';
import { patchSheet } from '../../src/hosts/file/copy/sheet-patch';
import { StylesPatch } from '../../src/hosts/file/copy/styles-patch';
import { readWorkbook, type ReadWorkbook } from '../../src/hosts/file/xlsx';
import { preset } from '../../src/schemes';
import { partTexts } from '../helpers/package';

const value = (v: CellContent['value'], formula: string | null = null): CellContent => ({ value: v, formula, numFmt: null });
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (data: string, extra = '') =>
  `<?xml version="1.0"?><worksheet ${MAIN}><dimension ref="A1:C3"/><cols><col min="3" max="3" width="21.5" customWidth="1"/></cols><sheetData>${data}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>${extra}</worksheet>`;

describe('patching the graded sheet', () => {
  it('replaces and inserts cells in column and row order, and changes nothing else', () => {
    const xml = sheet(
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2"><v>5</v></c></row>' +
        '<row r="3" spans="1:3"><c r="A3"><v>1</v></c><c r="C3" s="4"><f>A3*2</f><v>2</v></c></row>',
    );
    const { xml: out, formulaReplaced } = patchSheet(
      xml,
      [
        { row: 1, col: 2, content: value('好') },
        { row: 1, col: 4, content: value(95.5) },
        { row: 2, col: 3, content: value(7, '=A2+1') },
        { row: 3, col: 3, content: value(true) },
        { row: 5, col: 1, content: value('a<b&"c"') },
      ],
      [4],
    );
    expect(out).toBe(
      sheet(
        '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">好</t></is></c><c r="C1" s="2"><v>5</v></c><c r="D1"><v>95.5</v></c></row>' +
          '<row r="2"><c r="C2" s="0"><f>A2+1</f><v>7</v></c></row>'.replace(' s="0"', '') +
          '<row r="3" spans="1:3"><c r="A3"><v>1</v></c><c r="C3" s="4" t="b"><v>1</v></c></row>' +
          '<row r="5"><c r="A5" t="inlineStr"><is><t xml:space="preserve">a&lt;b&amp;&quot;c&quot;</t></is></c></row>',
      )
        .replace('<dimension ref="A1:C3"/>', '<dimension ref="A1:D5"/>')
        .replace('</cols>', '')
        .replace('customWidth="1"/>', 'customWidth="1"/><col min="4" max="4" width="21.5" customWidth="1"/></cols>'),
    );
    expect(formulaReplaced).toBe(true);
  });

  it('fills an empty sheet, a self-closing row and cells that rely on their position', () => {
    expect(patchSheet(`<worksheet ${MAIN}><sheetData/></worksheet>`, [{ row: 2, col: 1, content: value(1) }]).xml).toBe(
      `<worksheet ${MAIN}><sheetData><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`,
    );
    // Rows and cells without r: the inserted one comes first, and the one after it now says where it is.
    expect(
      patchSheet(`<worksheet ${MAIN}><sheetData><row/><row><c><v>1</v></c><c><v>2</v></c></row></sheetData></worksheet>`, [
        { row: 2, col: 1, content: value(9) },
        { row: 1, col: 2, content: value(8) },
      ]).xml,
    ).toBe(
      `<worksheet ${MAIN}><sheetData><row><c r="B1"><v>8</v></c></row><row><c r="A2"><v>9</v></c><c><v>2</v></c></row></sheetData></worksheet>`,
    );
  });

  it('gives a cell new in a row with a row style that style, rows inserted before it or not', () => {
    const styled = sheet('<row r="5" s="7" customFormat="1"><c r="A5" s="7"><v>1</v></c></row>');
    // Column B has no style (no <col> for it): a new cell in row 5 takes the row's style 7.
    expect(patchSheet(styled, [{ row: 5, col: 2, content: value(2) }]).xml).toContain('<c r="B5" s="7"><v>2</v></c>');
    // Row 3 is not in the sheet: made before row 5, with the column's style; row 5's new cell still takes the row's.
    const both = patchSheet(styled, [
      { row: 3, col: 2, content: value(3) },
      { row: 5, col: 2, content: value(2) },
    ]).xml;
    expect(both).toContain('<row r="3"><c r="B3"><v>3</v></c></row><row r="5" s="7" customFormat="1">');
    expect(both).toContain('<c r="B5" s="7"><v>2</v></c>');
  });

  it('widens a row’s spans to the last cell written, reading odd spans as Number reads their parts', () => {
    const spansAfter = (spans: string, col: number) =>
      /spans="([^"]*)"/.exec(
        patchSheet(sheet(`<row r="2" spans="${spans}"><c r="A2"><v>1</v></c></row>`), [{ row: 2, col, content: value(7) }]).xml,
      )?.[1];
    expect(spansAfter('1:3', 5)).toBe('1:5');
    expect(spansAfter('1:5', 3)).toBe('1:5'); // wide enough already
    expect(spansAfter('01:2', 4)).toBe('1:4'); // its numbers as numbers
    expect(spansAfter('1:2:9', 4)).toBe('1:4'); // the second part is the end
    expect(spansAfter('x:2', 4)).toBe('NaN:4');
    expect(spansAfter('3', 4)).toBe('3'); // no end: left as it is
  });

  it('writes in the sheet’s own namespace prefix', () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(patchSheet(xml, [{ row: 1, col: 2, content: value('好') }]).xml).toBe(
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve">好</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    );
  });

  it('a mark changes only the cell’s style, derived from its own', () => {
    const styles = new StylesPatch(
      `<styleSheet ${MAIN}><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1"><alignment wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
    );
    const fill = styles.solidFill('FFFFC7CE');
    const restyle = (s: number) => styles.derive(s, { fillId: fill });
    const xml = sheet('<row r="2"><c r="B2" s="1"><v>6.5</v></c></row>');
    expect(
      patchSheet(xml, [
        { row: 2, col: 2, restyle },
        { row: 2, col: 3, restyle },
      ]).xml,
    ).toBe(sheet('<row r="2"><c r="B2" s="3"><v>6.5</v></c><c r="C2" s="4"/></row>').replace('A1:C3', 'A1:C3'));
    expect(styles.xml()).toContain(
      '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1"><alignment wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1"><alignment wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs>',
    );
    expect(styles.xml()).toContain('<fills count="3">');
    expect([styles.numFmtId('0.00'), styles.numFmtId('0.0'), styles.numFmtId('0.0')]).toEqual([2, 164, 164]);
    expect(styles.xml()).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fills');
  });

  describe('refuses cells it cannot write around', () => {
    const shared =
      '<row r="2"><c r="C2"><f t="shared" ref="C2:C4" si="0">A2*2</f><v>2</v></c></row>' +
      '<row r="3"><c r="C3"><f t="shared" si="0"/><v>4</v></c></row><row r="4"><c r="C4"><f t="shared" si="0"/><v>6</v></c></row>';
    it('the first cell of a shared formula whose other cells stay', () => {
      const attempt = () => patchSheet(sheet(shared), [{ row: 2, col: 3, content: value(1) }]);
      expect(attempt).toThrow(new CopyError('shared-formula', 'C2'));
    });
    it('but not a shared formula written over whole', () => {
      const all = [2, 3, 4].map((row) => ({ row, col: 3, content: value(row, `=A${row}*3`) }));
      expect(patchSheet(sheet(shared), all).xml).toContain('<row r="3"><c r="C3"><f>A3*3</f><v>3</v></c></row>');
    });
    it.each([
      ['an array formula', '<c r="C2"><f t="array" ref="C2">A2*2</f><v>2</v></c>', 'array-formula'],
      ['a data table', '<c r="C2"><f t="dataTable" ref="C2:C3" dt2D="0" dtr="0" r1="A1"/><v>2</v></c>', 'array-formula'],
      ['cell metadata (a dynamic array)', '<c r="C2" cm="1"><f>SORT(A1:A3)</f><v>2</v></c>', 'cell-metadata'],
      ['value metadata (a data type)', '<c r="C2" t="e" vm="1"><v>#VALUE!</v></c>', 'cell-metadata'],
    ])('%s', (_what, cell, problem) => {
      expect(() => patchSheet(sheet(`<row r="2">${cell}</row>`), [{ row: 2, col: 3, content: value(1) }])).toThrow(
        new CopyError(problem as 'array-formula', 'C2'),
      );
    });
    it('a Strict Open XML package', async () => {
      const zip = new JSZip();
      zip.file('xl/workbook.xml', '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheets/></workbook>');
      const data = await zip.generateAsync({ type: 'nodebuffer' });
      await expect(copyInPackage(data, { forms: [] })).rejects.toThrow(new CopyError('strict'));
    });
  });
});

describe('the copy and the XML its read kept', () => {
  const example = join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx');
  const graded = async (read: ReadWorkbook) => {
    const source = read.sheets.find((s) => s.visible)!;
    const grid = source.grid();
    const results = checkGrid(grid, preset('gwy-2020')!)!;
    const plan = buildPlan(results, grid, { formulas: true });
    expect(plan.writes.length).toBeGreaterThan(0);
    return copyInPackage(read.data, {
      graded: { sheet: source.name, plan, marks: new Map() },
      forms: [],
      texts: read.texts,
      positions: read.positions,
    });
  };

  it('is the same copy whether the read kept its XML (and where its cells are) or not', async () => {
    const kept = await readWorkbook(example, { keepTexts: true });
    const sheetPart = [...kept.texts!.keys()].find((n) => n.startsWith('xl/worksheets/'));
    expect(sheetPart).toBeDefined(); // the graded sheet's text is kept too, not let go once read
    expect(kept.positions!.get(sheetPart!)!.cells).toBeGreaterThan(100);
    const plain = await readWorkbook(example);
    expect([plain.texts, plain.positions]).toEqual([null, null]);
    expect((await graded(kept)).bytes.equals((await graded(plain)).bytes)).toBe(true);
  });

  it('is the same copy whether the plan gives its writes in row and column order or not (a number format changed too)', async () => {
    const read = await readWorkbook(example, { keepTexts: true });
    const source = read.sheets.find((s) => s.visible)!;
    const grid = source.grid();
    const plan = buildPlan(checkGrid(grid, preset('gwy-2020')!)!, grid, { formulas: true });
    // One write changes its cell's number format: its edit restyles the cell, whichever way the edits are made.
    const writes = plan.writes.map((w, i) => (i === 0 ? { ...w, after: { ...w.after, numFmt: '0.000' } } : w));
    const copyOf = (ws: typeof writes) =>
      copyInPackage(read.data, {
        graded: { sheet: source.name, plan: { ...plan, writes: ws }, marks: new Map() },
        forms: [],
        texts: read.texts,
        positions: read.positions,
      });
    const inOrder = await copyOf(writes);
    const reversed = await copyOf([...writes].reverse());
    expect(reversed.bytes.equals(inOrder.bytes)).toBe(true);
    const part = [...read.texts!.keys()].find((n) => n.startsWith('xl/worksheets/'))!;
    const first = writes[0]!.cell;
    expect(partTexts(inOrder.bytes).get(part)).toMatch(new RegExp(`<c r="${first}" s="\\d+"`));
    expect(partTexts(inOrder.bytes).get('xl/styles.xml')).toContain('formatCode="0.000"');
  });

  it('takes the sheet’s text from what the read kept, not from the package', async () => {
    const kept = await readWorkbook(example, { keepTexts: true });
    const texts = new Map(kept.texts!);
    const part = [...texts.keys()].find((n) => n.startsWith('xl/worksheets/'))!;
    // A mark only this text has: a comment before the sheet's data, copied through by the patch.
    texts.set(part, texts.get(part)!.replace(/<sheetData/, '<!--kept--><sheetData'));
    const copy = await graded({ ...kept, texts });
    expect(partTexts(copy.bytes).get(part)).toContain('<!--kept--><sheetData');
  });
});
