/**
 * Text stays text (issue #20, defect 7). The preview's Excel types what is written as Excel types it; the one
 * escaping rule (src/hosts/text-typing.ts) makes every write of text — plan values, forms — come back as the same
 * text; a formula into a cell formatted as text ('@') is written as a formula and undone to the text cell it was.
 */
import { type FormLayout, type Grid, undoPlan } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { mayBeRetyped, textInput } from '../../src/hosts/text-typing';
import { typeAsExcel } from '../../src/preview/excel-typing';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { planOf } from '../helpers/plans';

/** Text Excel turns into something else when typed into a General cell, and what it makes of it. */
const RETYPED: [string, unknown, string | null][] = [
  ['001', 1, null],
  ['2020-1', 43831, 'yyyy/m/d'], // 2020-01-01
  ['2020/1/5', 43835, 'yyyy/m/d'],
  ['2020年1月', 43831, 'yyyy/m/d'],
  ['1-2', 45293, 'yyyy/m/d'], // 2 January of the year typed (2024 here)
  ['Jan-20', 43831, 'yyyy/m/d'],
  ['50%', 0.5, '0%'],
  ['TRUE', true, null],
  ['false', false, null],
  ['1E5', 100000, '0.00E+00'],
  ['(5)', -5, null],
  ['12:30', 0.5208333333333334, 'h:mm'],
  ['1 1/2', 1.5, '# ?/?'],
  ['1,234', 1234, null],
  ['１２', 12, null],
  ['#N/A', { error: '#N/A' }, null],
];

describe("the preview's Excel types text as Excel does", () => {
  it.each(RETYPED)('%j becomes %j', (text, value, numFmt) => {
    const t = typeAsExcel(text, null, 2024);
    expect(t.value).toEqual(value);
    expect(t.numFmt ?? null).toBe(numFmt);
  });

  it('keeps text after the apostrophe, and everything typed into a text cell', () => {
    expect(typeAsExcel("'001", null)).toEqual({ value: '001', formula: null });
    expect(typeAsExcel('001', '@')).toEqual({ value: '001', formula: null });
    expect(typeAsExcel('=A1', '@')).toEqual({ value: '=A1', formula: null });
    expect(typeAsExcel('-abc', null)).toEqual({ value: null, formula: '=-abc' });
    expect(typeAsExcel('优秀', null)).toEqual({ value: '优秀', formula: null });
  });
});

describe('the escaping rule', () => {
  it('escapes all that Excel retypes, and leaves words alone', () => {
    for (const [text] of RETYPED) expect([text, mayBeRetyped(text)]).toEqual([text, true]);
    for (const text of ['优秀', '称职', '基本称职', '张三', '办公室', '不定等次']) expect(textInput(text)).toBe(text);
    expect(textInput('2020-1', true)).toBe('2020-1');
  });

  it('covers every text the simulation would retype (random texts)', () => {
    const alphabet = [
      '0',
      '1',
      '9',
      '-',
      '/',
      '.',
      ',',
      '%',
      ' ',
      ':',
      'E',
      '(',
      ')',
      '年',
      '月',
      '$',
      'a',
      '优',
      '１',
      '+',
      '=',
      '@',
      "'",
    ];
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let retyped = 0;
    for (let i = 0; i < 20000; i++) {
      const text = Array.from({ length: 1 + next(6) }, () => alphabet[next(alphabet.length)]).join('');
      const t = typeAsExcel(text, null);
      if (t.formula === null && t.value === text) continue;
      retyped++;
      if (!mayBeRetyped(text)) throw new Error(`not escaped: ${JSON.stringify(text)} → ${JSON.stringify(t)}`);
      expect(typeAsExcel(textInput(text), null)).toEqual({ value: text, formula: null });
    }
    expect(retyped).toBeGreaterThan(1000);
  });
});

function install(grid: Grid): PreviewWorkbook {
  const book = PreviewWorkbook.fromGrids([grid]);
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
  return book;
}

const sheet = (numFmts: (string | null)[] = []): Grid => ({
  sheet: '表',
  top: 1,
  left: 1,
  values: [['备注'], ...RETYPED.map(() => ['旧'])],
  numFmts: [[null], ...RETYPED.map((_x, i) => [numFmts[i] ?? null])],
  merges: [],
});

/** Every cell of the active sheet: value, formula and number format. */
function snapshot(book: PreviewWorkbook): string {
  return JSON.stringify([...book.activeSheet().cells].map(([k, c]) => [k, c.value, c.formula, c.numFmt]).sort());
}

describe('writes through the Excel host keep text as text', () => {
  it('a plan’s text comes back as the same text, number format unchanged, and is undone exactly', async () => {
    const book = install(sheet());
    const before = snapshot(book);
    const host = new ExcelHost();
    await host.readSheet();
    const plan = planOf(
      RETYPED.map(([text], i) => ({
        row: i + 2,
        col: 1,
        cell: `A${i + 2}`,
        kind: 'grade',
        before: { value: '旧', formula: null, numFmt: null },
        after: { value: text, formula: null, numFmt: null },
      })),
    );
    await host.apply(plan);
    const back = (await host.readSheet()).grid;
    expect(back.values.slice(1).map((r) => r[0])).toEqual(RETYPED.map(([text]) => text));
    expect(back.numFmts!.slice(1).every((r) => r[0] === null)).toBe(true);
    await host.apply(undoPlan(plan));
    expect(snapshot(book)).toBe(before);
  });

  it('a formula into a text cell is a formula, and its undo gives back the text cell', async () => {
    const grid: Grid = { sheet: '表', top: 1, left: 1, values: [[80, '001']], numFmts: [[null, '@']], merges: [] };
    const book = install(grid);
    const before = snapshot(book);
    const host = new ExcelHost();
    await host.readSheet();
    const plan = planOf([
      {
        row: 1,
        col: 2,
        cell: 'B1',
        kind: 'total',
        before: { value: '001', formula: null, numFmt: '@' },
        after: { value: 81, formula: '=A1+1', numFmt: '@' },
      },
    ]);
    await host.apply(plan);
    const c = book.cell(book.activeSheet(), 1, 2)!;
    expect([c.value, c.formula]).toEqual([81, '=A1+1']);
    await host.apply(undoPlan(plan));
    expect(snapshot(book)).toBe(before);
  });

  it('a form’s words come back as the same text', async () => {
    const book = install(sheet());
    const texts = RETYPED.map(([text]) => text);
    const form: FormLayout = {
      sheet: '汇总表',
      width: 1,
      values: texts.map((t) => [t]),
      columnWidths: [10],
      rowHeights: texts.map(() => 15),
      merges: [],
      styles: [],
      percent: [],
      printArea: { top: 1, left: 1, bottom: texts.length, right: 1 },
      printTitleRows: { top: 1, bottom: 1 },
      chart: null,
    };
    await new ExcelHost().addForms([form]);
    const s = book.sheets.find((x) => x.name === '汇总表')!;
    expect(texts.map((_t, i) => book.cell(s, i + 1, 1)?.value)).toEqual(texts);
  });
});
