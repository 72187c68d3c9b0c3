/**
 * A roster kept as an Excel table (ListObject) in the browser preview at 320 px (issue #20, point 8): kaohe adds 合计
 * and 等次 just right of the table, which Excel would take into it (AutoExpand). Where Excel can resize a table
 * (ExcelApi 1.13) the table stays as the user made it and 撤销 puts back every cell, header row included; below it
 * the pane refuses the write, says why in Chinese, and nothing changes.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { tempDir } from '../helpers/xlsx';
import { gridTexts, LEVEL, openTab, paneFrame, previewPages, shot } from './browser';

const trips = async (page: Page) => Number(await page.textContent('#trips'));

/** At least `n` round trips to Excel made, and the change reports they caused handled (the grid drawn again). */
async function settled(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k) => Number(document.querySelector('#trips')!.textContent) >= k, n);
  await page.waitForTimeout(300);
}

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx');
const { openPage } = previewPages();

/** The example's roster, its item columns (A:W, one header row) as a table 名单 at A2:W18, without 合计, 等次 or 备注. */
async function tableBook(): Promise<string> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(EXAMPLE);
  const s = src.worksheets[0]!;
  const columns = Array.from({ length: 23 }, (_x, i) => ({ name: String(s.getCell(4, i + 1).value) }));
  const rows: unknown[][] = [];
  for (let r = 5; r <= s.rowCount; r++) {
    const row = columns.map((_c, i) => {
      const v = s.getCell(r, i + 1).value;
      return v === null || typeof v === 'object' ? null : v;
    });
    if (typeof row[0] === 'number') rows.push(row); // the people, not the notes under them
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核');
  ws.getCell('A1').value = s.getCell('A1').value;
  ws.addTable({ name: '名单', ref: 'A2', headerRow: true, columns, rows });
  const file = join(tempDir(), '表格名单.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

const tableArea = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as { kaohePreview: { book: { activeSheet: () => { tables?: { name: string; area: unknown }[] } } } }
      ).kaohePreview.book.activeSheet().tables,
  );

it('writes beside a table without widening it and undoes exactly, or refuses where Excel cannot resize a table', async () => {
  const file = await tableBook();
  const { page, pane: first } = await openPage('width=320&lang=zh-CN');
  await page.setInputFiles('#file', file);
  const pane = await paneFrame(page, first);
  await pane.getByText(/^16 人：/).waitFor();
  const table = [{ name: '名单', area: { top: 2, left: 1, bottom: 18, right: 23 } }];
  expect(await tableArea(page)).toEqual(table);
  const before = await gridTexts(page);

  await openTab(pane, '计算');
  await pane.getByRole('button', { name: '预览写入内容' }).click();
  const tripsBefore = await trips(page);
  await pane.getByRole('button', { name: '写入表格' }).click();
  if (!LEVEL.tableResize) {
    await pane.getByText(/^Excel 会把紧挨着表格写入的单元格并入表格.*没有写入任何内容.*涉及的表格：名单$/).waitFor();
    await shot(page, 'tables-320-refused');
    expect([await tableArea(page), await gridTexts(page)]).toEqual([table, before]);
    return;
  }
  await pane.getByText(/^已写入 \d+ 格/).waitFor();
  // The new columns sit beside the table, outside it.
  expect([await page.textContent('td[data-cell="X2"]'), await page.textContent('td[data-cell="Y2"]'), await tableArea(page)]).toEqual([
    '合计',
    '等次',
    table,
  ]);
  // Excel's report of the write arrives after it (one more round trip tells it from someone's edit), and the grid is
  // drawn again then: wait for it before scrolling the grid, and so that the undo is kaohe's to make.
  await settled(page, tripsBefore + 2);
  await page.locator('td[data-cell="Y2"]').scrollIntoViewIfNeeded();
  await shot(page, 'tables-320-written');
  const tripsWritten = await trips(page);
  await pane.getByRole('button', { name: '撤销上次写入' }).click();
  await pane.getByText('已撤销，写入的单元格恢复原样').waitFor();
  expect([await tableArea(page), await gridTexts(page)]).toEqual([table, before]);
  await settled(page, tripsWritten + 1);
  // The grid ends with the table's last column again: nothing is left beside it.
  await page.locator('td[data-cell="W2"]').scrollIntoViewIfNeeded();
  await shot(page, 'tables-320-undone');
});
