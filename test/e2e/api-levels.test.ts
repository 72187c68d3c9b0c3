/**
 * The paths that differ with Excel's API level, in Chromium on the preview's Excel run as ExcelApi 1.7 (the manifest's
 * minimum: sheets watched one by one, no merged areas, no fill patterns, no notes, no undo group), 1.9 (workbook-wide
 * change events, no triggerSource) and 1.20: check, compute with preview, write, undo right after (Excel reports the
 * write late and, below 1.14, without saying whose), someone's edit refused, and the ribbon's one click heard by the
 * pane. And a webview without what the pane needs gets the boot script's message, not a blank pane.
 */
import type { Frame, Page } from 'playwright-core';
import { gridTexts, paneFrame, previewPages, shot, openTab } from './browser';

const { openPage } = previewPages();

async function open(api: string): Promise<{ page: Page; pane: Frame }> {
  const { page, pane } = await openPage(`width=500&api=${api}`);
  await pane.getByText('16 人：定等次 12，不定等次 2，不参加 2').waitFor();
  expect(await page.textContent('#api')).toBe(api);
  return { page, pane };
}

const userEdit = (page: Page, cell: string, value: number) =>
  page.evaluate(
    ([c, v]) =>
      (
        window as unknown as { kaohePreview: { book: { userEdit: (s: string, c: string, v: number) => Promise<void> } } }
      ).kaohePreview.book.userEdit('第一季度', c as string, v as number),
    [cell, value] as const,
  );

describe.each(['1.7', '1.9', '1.20'])('on Excel at ExcelApi %s', (api) => {
  it('checks, writes with a preview, undoes its own write at once, and refuses to write over someone’s edit', async () => {
    const { page, pane } = await open(api);
    const before = await gridTexts(page);
    await openTab(pane, '计算');
    await pane.getByRole('button', { name: '预览写入内容' }).click();
    await pane.getByText('将写入 11 人：总分 9 人、等次 11 人').waitFor();
    await pane.getByRole('button', { name: '写入表格' }).click();
    await pane.getByText(/已写入 20 格/).waitFor();
    expect(await page.locator('td.written').count()).toBe(20);
    // Excel's report of the write arrives after it: the undo is kaohe's to make, not refused as a change from outside.
    await page.waitForTimeout(300);
    await pane.getByRole('button', { name: '撤销上次写入' }).click();
    await pane.getByText('已撤销，写入的单元格恢复原样').waitFor();
    expect(await gridTexts(page)).toEqual(before);
    await page.waitForTimeout(300);
    expect(await pane.getByText('表格在检查之后有改动').count()).toBe(0);
    await shot(page, `api-${api}-undone`);

    // Someone's edit is still someone's edit.
    await userEdit(page, 'E5', 5);
    await pane.getByText('表格在检查之后有改动，请重新检查后再写入').waitFor();
    await shot(page, `api-${api}-edited`);
  });

  it('runs the ribbon’s 一键计算等次, and the pane beside it hears the write as the command’s', async () => {
    const { page, pane } = await open(api);
    await page.getByRole('button', { name: '一键计算等次（功能区按钮）' }).click();
    const dialog = page.getByRole('dialog', { name: '考核助手 · 一键计算等次' });
    await dialog.getByText('已写入合计 9 格、等次 11 格。').waitFor();
    expect(await page.locator('td.written').count()).toBe(20);
    // The pane hears the command's write (its signal), not someone's edit, and checks the sheet again.
    await pane.getByText('“一键计算等次”写入了本表，已重新检查').waitFor();
    expect(await pane.getByText('表格在检查之后有改动').count()).toBe(0);
    await shot(page, `api-${api}-one-click`);
  });
});

describe('a webview too old for the pane', () => {
  it('shows the boot script’s message in Chinese instead of a blank pane', async () => {
    const { page } = await openPage('width=320');
    // As in an engine without WeakRef (Fluent UI's focus management needs it): the pane's frame only.
    await page.context().addInitScript(() => {
      if (location.pathname.endsWith('preview-pane.html')) delete (window as { WeakRef?: unknown }).WeakRef;
    });
    await page.reload();
    const pane = await paneFrame(page);
    await pane
      .getByRole('alert')
      .getByText(/^此版本的 Office 不支持本加载项，请升级到 Microsoft 365 或 Office 2021 及以上版本/)
      .waitFor();
    expect(await pane.locator('#root').count()).toBe(0);
    await shot(page, 'boot-unsupported');
  });
});
