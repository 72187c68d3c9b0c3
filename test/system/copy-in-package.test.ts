/**
 * Issue 19 point 1 with LibreOffice: the rich workbook (test/helpers/rich-workbook.ts) saved
 * again by LibreOffice's own writer is graded into its own package (every part not concerned
 * stored byte for byte as it was), and LibreOffice, recalculating on load, reads the copy with
 * the engine's totals and grades, and the formula sheet that reads them with the recalculated
 * count. Needs LibreOffice (CI installs it); where `soffice` cannot be run, the suite is skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildPlan, checkGrid } from '../../src/engine';
import { preset } from '../../src/schemes';
import { kaoheJson } from '../cli/helpers';
import { hasLibreOffice, recalculate, resaveWithLibreOffice } from '../helpers/libreoffice';
import { storedEntries } from '../helpers/package';
import { writeRichWorkbook } from '../helpers/rich-workbook';
import { tempDir } from '../helpers/xlsx';

jest.setTimeout(300000);

/** Parts a grade may change in any package: the graded sheet and its relationships, notes, styles, the workbook and its wiring. */
const concerned = (name: string) =>
  /^xl\/worksheets\/(?:_rels\/)?sheet2\.xml(?:\.rels)?$|^xl\/comments\d*\.xml$|^xl\/drawings\/vmlDrawing\d*\.vml$|^xl\/styles\.xml$|^xl\/workbook\.xml$|^xl\/_rels\/workbook\.xml\.rels$|^\[Content_Types\]\.xml$/.test(
    name,
  );

(hasLibreOffice() ? describe : describe.skip)('the copy of a workbook LibreOffice saved, read back by LibreOffice', () => {
  it.each([
    ['saved by exceljs', false],
    ['saved by LibreOffice', true],
  ])('%s: parts kept as stored, values the engine’s after recalculation, in both modes', async (_what, resave) => {
    const rich = await writeRichWorkbook();
    const input = resave ? resaveWithLibreOffice(rich.file) : rich.file;
    const results = checkGrid(rich.grid, preset('gwy-2020')!)!;
    const dir = tempDir();
    const copies = [false, true].map((formulas) => ({ formulas, out: join(dir, `${resave ? 'lo' : 'ej'}-${formulas ? 'f' : 'v'}.xlsx`) }));
    for (const c of copies) {
      const { report } = await kaoheJson('grade', input, '--out', c.out, ...(c.formulas ? ['--formulas'] : []));
      expect(report.output.notKept).toEqual([]);
      const [before, after] = [storedEntries(readFileSync(input)), storedEntries(readFileSync(c.out))];
      for (const [name, bytes] of before) if (!concerned(name)) expect([name, after.get(name)]).toEqual([name, bytes]);
      expect(
        [...after.keys()]
          .filter((n) => !before.has(n))
          .filter((n) => !/^xl\/(?:worksheets\/sheet\d+\.xml|comments\d*\.xml|drawings\/vmlDrawing\d*\.vml)$/.test(n)),
      ).toEqual([]);
      // exceljs reads it too.
      await new ExcelJS.Workbook().xlsx.load(readFileSync(c.out) as unknown as ExcelJS.Buffer);
    }
    const graded = recalculate(
      copies.map((c) => c.out),
      { number: 2, name: '第一季度' },
    );
    const stats = recalculate(
      copies.map((c) => c.out),
      { number: 3, name: '统计' },
    );
    for (const c of copies) {
      const plan = buildPlan(results, rich.grid, { formulas: c.formulas });
      const rows = graded.get(c.out)!;
      for (const w of plan.writes) {
        const text = rows[w.row - 1]?.[w.col - 1] ?? '';
        const v = w.after.value;
        expect([w.cell, typeof v === 'number' ? Number(text) : text]).toEqual([w.cell, v]);
      }
      // The formula sheet counts the grades written, not the stale cached 0.
      const good =
        plan.writes.filter((w) => w.kind === 'grade' && w.after.value === '好').length +
        rich.grid.values.flat().filter((v) => v === '好').length;
      expect([c.formulas, Number(stats.get(c.out)![0]![1])]).toEqual([c.formulas, good]);
    }
  });
});
