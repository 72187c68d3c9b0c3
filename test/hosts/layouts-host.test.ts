/**
 * Issue #16's reader layouts through the pane's Excel adapter, on the preview's simulated Excel:
 * the sheet read in one round trip, checked, the plan written and read back. A tally in two
 * blocks side by side is one roster, its right-hand block's cells named and written as they are.
 */
import { buildPlan, checkGrid, type Grid, inferScheme } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { pagedRoster, scoredBlocks, stagedExport, twoBlocks } from '../helpers/layout-sheets';

async function hostOn(grid: Grid): Promise<{ host: ExcelHost; read: Grid }> {
  const book = PreviewWorkbook.fromGrids([grid]);
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
  const host = new ExcelHost();
  return { host, read: (await host.readSheet()).grid };
}

const errorsOf = (r: NonNullable<ReturnType<typeof checkGrid>>) =>
  r.issues.filter((i) => i.severity === 'error').map((i) => [i.rule, i.cell]);

describe('reader layouts through the Excel adapter', () => {
  it('two blocks side by side: 19 people, 杨光’s grade at L5; written and read back clean', async () => {
    const { host, read } = await hostOn(twoBlocks());
    const s = inferScheme(read)!;
    const before = checkGrid(read, s)!;
    expect(before.people).toHaveLength(19);
    expect(before.people.filter((p) => p.shift === 7).map((p) => p.name)).toEqual([
      '韩雪',
      '杨光',
      '朱琳',
      '秦峰',
      '尤佳佳',
      '许晴',
      '何平',
      '吕方',
      '施雨',
    ]);
    expect(errorsOf(before)).toEqual([['grade-mismatch', 'L5']]);
    const plan = buildPlan(before, read, { formulas: false });
    expect(plan.newColumns).toEqual([]);
    expect(plan.writes.map((w) => [w.cell, w.after.value])).toEqual([
      ['L5', '较好'],
      ['L9', '较好'],
    ]);
    await host.apply(plan);
    const after = (await host.readSheet()).grid;
    expect(errorsOf(checkGrid(after, inferScheme(after)!)!)).toEqual([]);
  });

  it('a scored sheet in two blocks, with formulas: the right block sums its own cells', async () => {
    const { host, read } = await hostOn(scoredBlocks());
    const before = checkGrid(read, inferScheme(read)!)!;
    expect(errorsOf(before)).toEqual([
      ['total-mismatch', 'R6'],
      ['grade-mismatch', 'S6'],
    ]);
    const plan = buildPlan(before, read, { formulas: true });
    const r8 = plan.writes.find((w) => w.cell === 'R8')!;
    expect(r8.after.formula).toMatch(/M8.*Q8/);
    await host.apply(plan);
    const after = (await host.readSheet()).grid;
    const again = checkGrid(after, inferScheme(after)!)!;
    expect(errorsOf(again)).toEqual([]);
    expect(again.people.find((p) => p.name === '陈建华')).toEqual(expect.objectContaining({ total: 89, grade: '较好' }));
  });

  it('rows that are not people and decision stages read as the command line reads them', async () => {
    const paged = (await hostOn(pagedRoster())).read;
    expect(checkGrid(paged, inferScheme(paged)!)!.people).toHaveLength(16);
    const staged = (await hostOn(stagedExport())).read;
    const r = checkGrid(staged, inferScheme(staged)!)!;
    expect(r.issues.filter((i) => i.rule === 'grade-stage-differs').map((i) => [i.cell, i.severity])).toEqual([
      ['H3', 'info'],
      ['H4', 'info'],
      ['H6', 'info'],
    ]);
  });
});
