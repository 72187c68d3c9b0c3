/**
 * The copy's patch of the graded sheet (src/hosts/file/copy/sheet-patch.ts) with the positions the
 * fast reader found in the same text (src/hosts/file/sheet-positions.ts) makes exactly the text it
 * makes by looking at every cell: on generated sheet XML with what writers differ on (rows and
 * cells without r, a namespace prefix, cells out of column order, self-closing rows and cells, rows
 * with spans and a row style, inline strings, formulas, empty rows) and edits anywhere (cells that
 * are there and cells that are not, rows that are not, styles only).
 * SHEET_PATCH_FUZZ_RUNS sets the runs (default 300).
 */
import fc from 'fast-check';
import { a1, type CellContent } from '../../src/engine';
import { type CellEdit, patchSheetParts } from '../../src/hosts/file/copy/sheet-patch';
import { readDirect } from '../../src/hosts/file/xlsx-direct';
import { sheetPackage } from '../helpers/package';
import { fuzzSettings } from './fuzz';

const settings = fuzzSettings('SHEET_PATCH_FUZZ_RUNS', 300);
type Spec<A> = A extends fc.Arbitrary<infer T> ? T : never;
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const cellSpec = fc.record({
  gap: fc.integer({ min: 1, max: 3 }),
  ref: fc.boolean(),
  kind: fc.constantFrom('empty', 'number', 'inline', 'formula', 'text formula'),
});
const rowSpec = fc.record({
  gap: fc.integer({ min: 1, max: 3 }),
  ref: fc.boolean(),
  spans: fc.option(fc.constantFrom('1:3', '1:9', '2:4'), { nil: undefined }),
  rowStyle: fc.boolean(),
  shuffled: fc.boolean(),
  cells: fc.array(cellSpec, { maxLength: 7 }),
});
const editSpec = fc.record({
  row: fc.integer({ min: 1, max: 14 }),
  col: fc.integer({ min: 1, max: 14 }),
  kind: fc.constantFrom('number', 'text', 'formula', 'style'),
});

/** A sheet's XML: rows in order, each row's cells in column order unless `shuffled` (when every cell says where it is). */
function sheetXml(prefix: string, rows: Spec<typeof rowSpec>[]): string {
  const p = prefix ? `${prefix}:` : '';
  let row = 0;
  const body = rows.map((r) => {
    // A row or cell without r follows the one before it: only one right after it may leave r out.
    const explicitRow = r.ref || r.gap > 1 || row === 0;
    row += r.gap;
    let col = 0;
    let cells = r.cells.map((c) => {
      const explicit = c.ref || c.gap > 1 || r.shuffled;
      col += c.gap;
      const ref = explicit ? ` r="${a1(row, col)}"` : '';
      const inner =
        c.kind === 'number'
          ? [``, `<${p}v>${col + row / 2}</${p}v>`]
          : c.kind === 'inline'
            ? [` t="inlineStr"`, `<${p}is><${p}t>王&amp;${col}</${p}t></${p}is>`]
            : c.kind === 'formula'
              ? [``, `<${p}f>A${row}+${col}</${p}f><${p}v>${col}</${p}v>`]
              : c.kind === 'text formula'
                ? [` t="str"`, `<${p}f>"好"&amp;"${col}"</${p}f><${p}v>好${col}</${p}v>`]
                : null;
      return inner ? `<${p}c${ref}${inner[0]}>${inner[1]}</${p}c>` : `<${p}c${ref}/>`;
    });
    if (r.shuffled) cells = [...cells].reverse();
    const attrs = `${explicitRow ? ` r="${row}"` : ''}${r.spans ? ` spans="${r.spans}"` : ''}${r.rowStyle ? ' s="0" customFormat="1"' : ''}`;
    return cells.length === 0 ? `<${p}row${attrs}/>` : `<${p}row${attrs}>${cells.join('')}</${p}row>`;
  });
  const xmlns = prefix ? `xmlns:${prefix}="${NS}"` : `xmlns="${NS}"`;
  return `<${p}worksheet ${xmlns}><${p}dimension ref="A1"/><${p}sheetData>${body.join('')}</${p}sheetData></${p}worksheet>`;
}

function editsOf(specs: Spec<typeof editSpec>[]): CellEdit[] {
  const seen = new Set<string>();
  const out: CellEdit[] = [];
  for (const e of specs) {
    if (seen.has(`${e.row},${e.col}`)) continue;
    seen.add(`${e.row},${e.col}`);
    const content: CellContent | undefined =
      e.kind === 'number'
        ? { value: e.row * 100 + e.col, formula: null, numFmt: null }
        : e.kind === 'text'
          ? { value: '较好', formula: null, numFmt: null }
          : e.kind === 'formula'
            ? { value: 90, formula: `=IF(A${e.row}>=90,"好","较好")`, numFmt: null }
            : undefined;
    out.push({ row: e.row, col: e.col, content, restyle: e.kind === 'style' || e.col % 3 === 0 ? (s) => s + 1 : undefined });
  }
  return out;
}

/** The patch's text, or what it refused, as a string to compare. */
function outcome(f: () => { parts: string[]; formulaReplaced: boolean }): string {
  try {
    const r = f();
    return `${r.formulaReplaced}\n${r.parts.join('')}`;
  } catch (e) {
    return `refused: ${(e as Error).message}`;
  }
}

describe(`${settings.numRuns} generated sheets patched with the reader's positions and without`, () => {
  it('give the same text', async () => {
    let read = 0;
    let jumped = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('', 'x'),
        fc.array(rowSpec, { maxLength: 8 }),
        fc.array(editSpec, { maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 14 }), { maxLength: 2 }),
        async (prefix, rows, editSpecs, newColumns) => {
          const data = await sheetPackage(sheetXml(prefix, rows));
          const direct = readDirect(data, true);
          if (!direct) return;
          read++;
          const [part, positions] = [...direct.positions!][0]!;
          const xml = direct.texts!.get(part)!;
          const edits = editsOf(editSpecs);
          // Each patch gets edits of its own: the patch sorts them in place.
          const withPositions = outcome(() => patchSheetParts(xml, editsOf(editSpecs), newColumns, undefined, positions));
          expect(withPositions).toBe(outcome(() => patchSheetParts(xml, edits, newColumns)));
          if (positions.cells > 0 && edits.length > 0) jumped++;
        },
      ),
      settings,
    );
    // The reader read most generated sheets (what it declines it declines whole: no positions to use).
    expect(read).toBeGreaterThan(settings.numRuns * 0.8);
    expect(jumped).toBeGreaterThan(settings.numRuns * 0.3);
  }, 120000);
});
