/**
 * The pane follows the workbook (issue #17), end to end in Chromium on the browser preview: a click on another
 * sheet's tab, the ribbon's 一键计算等次 writing while the pane is open, and an undo after a switch restoring
 * exactly the sheet it was written on.
 */
import type { Frame, Page } from 'playwright-core';
import { gridTexts, previewPages, shot, openTab } from './browser';

const { openPage } = previewPages();

const trips = async (page: Page) => Number(await page.textContent('#trips'));
const tab = (page: Page, name: string) => page.locator('#tabs button', { hasText: name }).click();
const sheetLine = (pane: Frame, name: string) => pane.getByText(`工作表：${name}`, { exact: true }).waitFor();

const Q1 = '11 人：定等次 9，不定等次 1，不参加 1';
const Q2 = '11 人：定等次 10，不定等次 0，不参加 1';

describe('the pane follows the workbook', () => {
  it('checks the sheet clicked, and says which it is', async () => {
    const { page, pane } = await openPage('width=320&book=examples/gwy-2020-year.xlsx');
    await pane.getByText(Q1).waitFor();
    await sheetLine(pane, '第一季度');
    const before = await trips(page);
    await tab(page, '第二季度');
    await sheetLine(pane, '第二季度');
    await pane.getByText(Q2).waitFor();
    expect(await pane.getByText(Q1).count()).toBe(0);
    // The sheet's name, then the sheet itself.
    expect(await trips(page)).toBe(before + 2);
    await shot(page, '40-follows-sheet');
    await tab(page, '第三季度');
    await sheetLine(pane, '第三季度');
    await pane.getByText('12 人：定等次 10，不定等次 0，不参加 2').waitFor();
  });

  it('checks the sheet again when the ribbon’s 一键计算等次 writes it while the pane is open', async () => {
    const { page, pane } = await openPage('width=500');
    await pane.getByText('错误 6 个，警告 2 个').waitFor();
    expect(await pane.locator('button[data-cell="X14"][data-rule="total-mismatch"]').count()).toBe(1);
    await page.getByRole('button', { name: '一键计算等次（功能区按钮）' }).click();
    await page.getByRole('dialog', { name: '考核助手 · 一键计算等次' }).getByText('已写入合计 9 格、等次 11 格。').waitFor();
    await pane.getByText('“一键计算等次”写入了本表，已重新检查').waitFor();
    await pane.getByText('错误 5 个，警告 2 个').waitFor();
    // X14's total was put right by the command: the pane no longer lists it.
    expect(await pane.locator('button[data-cell="X14"]').count()).toBe(0);
    expect(await pane.getByText('表格在检查之后有改动，请重新检查后再写入').count()).toBe(0);
    await shot(page, '41-ribbon-write-rechecked');
  });

  it('undoes a write after a switch in exactly the sheet it was written on', async () => {
    const { page, pane } = await openPage('width=500&book=examples/gwy-2020-year.xlsx');
    await pane.getByText(Q1).waitFor();
    const q1 = await gridTexts(page);
    await openTab(pane, '计算');
    // Formulas: every total is written, where 第二季度 holds other totals.
    await pane.getByRole('radio', { name: '公式（改分后自动重算）' }).check();
    await pane.getByRole('button', { name: '预览写入内容' }).click();
    await pane.getByRole('button', { name: '写入表格' }).click();
    await pane.getByText(/^已写入 \d+ 格/).waitFor();
    expect(await page.locator('td[data-cell="K3"]').getAttribute('title')).toMatch(/^=ROUND\(/);

    await tab(page, '第二季度');
    await sheetLine(pane, '第二季度');
    const q2 = await gridTexts(page);
    await pane.getByText('撤销将恢复工作表“第一季度”中写入的单元格').waitFor();
    await pane.getByRole('button', { name: '撤销上次写入' }).click();
    await pane.getByText('已撤销工作表“第一季度”中的写入，单元格恢复原样').waitFor();
    expect(await gridTexts(page)).toEqual(q2);
    expect(await page.locator('td.written').count()).toBe(0);
    // The pane's 第二季度 is 第二季度 as it is: no phantom total or grade of 第一季度.
    await openTab(pane, '检查');
    await pane.getByText(Q2).waitFor();
    await pane.getByText('没有发现问题').waitFor();
    expect(await pane.locator('button[data-cell]').count()).toBe(0);
    await shot(page, '42-undone-after-switch');

    await tab(page, '第一季度');
    await sheetLine(pane, '第一季度');
    expect(await gridTexts(page)).toEqual(q1);
    expect(await page.locator('td[data-cell="K3"]').getAttribute('title')).toBeNull();
    await pane.getByText(Q1).waitFor();
  });
});
