/**
 * A filtered sheet in the browser preview at 320 px (issue #20, point 8): the example with two rows hidden, opened
 * as a file. The preview's grid leaves them out as Excel does; the pane warns of the two people, its write preview
 * says which rows it leaves, and 写入表格 writes the rows shown only.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { tempDir } from '../helpers/xlsx';
import { paneFrame, previewPages, seriousViolations, shot, openTab } from './browser';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx');
const { openPage } = previewPages();

it('warns of the people on hidden rows, previews the rows left, and writes the rows shown', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const ws = wb.worksheets[0]!;
  // Two people whose 合计 (X) and 等次 (Y) kaohe writes when every row is shown.
  const names = [7, 9].map((r) => String(ws.getCell(`B${r}`).value));
  for (const r of [7, 9]) ws.getRow(r).hidden = true;
  const file = join(tempDir(), '筛选后.xlsx');
  await wb.xlsx.writeFile(file);

  const { page, pane: first } = await openPage('width=320&lang=zh-CN');
  await first.getByText('16 人：定等次 12，不定等次 2，不参加 2').waitFor();
  await page.setInputFiles('#file', file);
  const pane = await paneFrame(page, first);
  await pane.getByText('16 人：定等次 12，不定等次 2，不参加 2').waitFor();
  // The grid as Excel draws it: rows 7 and 9 are not shown, and the note says so.
  expect(await page.locator('th.row', { hasText: /^7$/ }).count()).toBe(0);
  expect(await page.textContent('#rowsNote')).toBe('隐藏的行：7、9');

  for (const name of names) await pane.getByText(new RegExp(`^${name}（.*）所在的行被隐藏或被筛选掉`)).waitFor();
  expect(await pane.locator('button[data-rule="hidden-row"]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-cell')))).toEqual([
    'A7',
    'A9',
  ]);
  await shot(page, 'hidden-rows-320-check');

  await openTab(pane, '计算');
  await pane.getByRole('button', { name: '预览写入内容' }).click();
  const said = pane.getByTestId('preview-hidden');
  await said.waitFor();
  expect(await said.textContent()).toBe(`第 7、9 行（${names.join('、')}）被隐藏或筛选掉，不写入；取消筛选或取消隐藏后重新检查，才会写入`);
  await said.scrollIntoViewIfNeeded();
  await shot(page, 'hidden-rows-320-preview');
  expect(await seriousViolations(pane)).toEqual([]);

  await pane.getByRole('button', { name: '写入表格' }).click();
  // 20 cells with every row shown (Y7; X9 and Y9 among them): the 3 on the hidden rows are held back.
  await pane.getByText(/^已写入 17 格/).waitFor();
  expect(await page.textContent('td[data-cell="X8"]')).toBe('91');
  expect(await page.textContent('td[data-cell="Y8"]')).toBe('好');
  await shot(page, 'hidden-rows-320-written');
});
