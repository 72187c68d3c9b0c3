/**
 * The real layouts of issues #15 and #16 (test/helpers/real-sheets.ts: grades-only rosters, month
 * and quarter columns, a county compilation of several organisations, a system export, weighted
 * parts, vetoes …) through the pane's Excel adapter on the preview's Excel: the sheet as ExcelHost
 * reads it gives the use cases the same report — scheme and how it was chosen, people, periods,
 * issues, quotas — as the command line reads from the file. So the verdicts of
 * test/cli/real-sheets.test.ts hold in the pane too.
 */
import { activeSheet, analyseSheet } from '../../src/app';
import { toReport } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { kaohe } from '../cli/helpers';
import { REAL_SHEETS } from '../helpers/real-sheets';
import { writeXlsx } from '../helpers/xlsx';

describe('real sheets through the Excel adapter', () => {
  it.each(Object.keys(REAL_SHEETS))('%s: the pane’s report is the command line’s', async (name) => {
    const grid = REAL_SHEETS[name]!();
    installOffice(globalThis as unknown as Record<string, unknown>, {
      book: PreviewWorkbook.fromGrids([grid]),
      language: 'zh-CN',
      apiVersion: '1.20',
    });
    const outcome = analyseSheet(activeSheet(await new ExcelHost().readSheet()), { locale: 'zh' });
    const cli = await kaohe('check', await writeXlsx(grid), '--json');
    if (!outcome.ok) {
      // A sheet no scheme fits is refused alike: exit 2, nothing on stdout.
      expect([cli.code, cli.out]).toEqual([2, '']);
      return;
    }
    const a = outcome.analysis;
    const pane = JSON.parse(JSON.stringify(toReport(a.results, 'zh', { source: a.source, fit: a.fit })));
    expect(pane).toEqual(JSON.parse(cli.out));
  });
});
