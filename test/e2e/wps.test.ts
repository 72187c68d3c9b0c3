/**
 * Issue #22 end to end, in Chromium: the real task pane on the preview's simulated WPS 表格 (?host=wps): the pane
 * starts with the WPS host (no Office on the page), checks the example, previews and writes what the CLI computes,
 * shows the quota, undoes to every cell as it was, marks and clears, keeps the scheme in a very hidden sheet, and
 * adds and removes the year's forms — the same words as in Excel, except that WPS has no Ctrl+Z for an add-in.
 */
import type { Frame, Page } from 'playwright-core';
import { join } from 'node:path';
import { kaoheJson } from '../cli/helpers';
import { tempDir } from '../helpers/xlsx';
import { gridTexts, openTab, previewPages, seriousViolations, shot } from './browser';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx');
const { openPage } = previewPages();

async function open(query = ''): Promise<{ page: Page; pane: Frame }> {
  const { page, pane } = await openPage(`host=wps&width=500${query}`);
  return { page, pane };
}

const calls = async (page: Page) => Number(await page.textContent('#trips'));

describe('the task pane on the simulated WPS 表格', () => {
  it('checks, previews and writes what the CLI computes, shows the quota, undoes, marks and clears', async () => {
    const { page, pane } = await open();
    await pane.getByText('16 人：定等次 12，不定等次 2，不参加 2').waitFor();
    // The pane runs on WPS: no Office.js in its frame, WPS's Application instead.
    expect(await pane.evaluate(() => [typeof (window as any).Office, typeof (window as any).Application])).toEqual(['undefined', 'object']);
    expect(await page.textContent('.banner')).toMatch(/^浏览器预览，不是 WPS。右侧是真实的考核助手任务窗格，在页面内的模拟 WPS 表格上运行/);
    await shot(page, 'wps-01-checked');
    expect(await seriousViolations(pane)).toEqual([]);

    // The scheme saved in the workbook: in a very hidden sheet, with no tab.
    await pane.getByLabel('考核方案').selectOption('gwy-2020');
    await pane.getByRole('button', { name: '保存到工作簿' }).click();
    await pane.getByText('方案已保存到工作簿，下次打开时沿用').waitFor();
    expect(await page.locator('#tabs button').allTextContents()).toEqual(['第一季度']);

    const before = await gridTexts(page);
    await openTab(pane, '计算');
    await pane.getByRole('button', { name: '预览写入内容' }).click();
    await pane.getByText('将写入 11 人：总分 9 人、等次 11 人').waitFor();
    await shot(page, 'wps-02-preview');
    const calls0 = await calls(page);
    await pane.getByRole('button', { name: '写入表格' }).click();
    // No undo group in WPS: the pane's own 撤销 is offered, not Ctrl+Z.
    await pane.getByText('已写入 20 格。可点“撤销”恢复原样。').waitFor();
    await pane.getByText('写入后：全单位“好”6 人，名额 4 人，仍超出 2 人').waitFor();
    expect(await calls(page)).toBeGreaterThan(calls0);
    await shot(page, 'wps-03-written');

    const { report } = await kaoheJson('grade', EXAMPLE, '--scheme', 'gwy-2020', '--out', join(tempDir(), 'copy.xlsx'));
    const kept = new Set(report.output.skipped.map((k: { cell?: string }) => k.cell));
    const after = await gridTexts(page);
    for (const p of report.people) {
      if (p.status === 'excluded') continue;
      if (p.total !== null) expect([p.name, after[`X${p.row}`]]).toEqual([p.name, String(p.total)]);
      if (kept.has(`Y${p.row}`)) expect([p.name, after[`Y${p.row}`]]).toEqual([p.name, before[`Y${p.row}`]]);
      else if (p.status === 'graded' && p.grade) expect([p.name, after[`Y${p.row}`]]).toEqual([p.name, p.grade]);
    }
    expect(await page.locator('td.written').count()).toBe(report.output.cells);

    await openTab(pane, '名额');
    const quota = pane.getByRole('region', { name: '好 全单位' });
    await quota.getByText('超出 2 人').waitFor();
    await shot(page, 'wps-04-quota');

    await openTab(pane, '计算');
    await pane.getByRole('button', { name: '撤销上次写入' }).click();
    await pane.getByText('已撤销，写入的单元格恢复原样').waitFor();
    expect(await gridTexts(page)).toEqual(before);

    await openTab(pane, '检查');
    await pane.getByRole('button', { name: '在表格中标记问题' }).click();
    await pane.getByText('已标记 8 个单元格（底色和批注），可随时清除').waitFor();
    expect(await page.locator('td[data-cell="E10"]').evaluate((td) => (td as HTMLElement).style.background)).toBe('rgb(255, 199, 206)');
    await shot(page, 'wps-05-marked');
    await pane.getByRole('button', { name: '清除标记' }).click();
    await pane.getByText('标记已清除，单元格恢复原样').waitFor();
    expect(await page.locator('td.note').count()).toBe(0);
  });

  it('rolls the year up and adds and removes the summary forms', async () => {
    const { page, pane } = await open('&book=examples/gwy-2020-year.xlsx');
    await pane.getByRole('button', { name: '重新检查' }).waitFor();
    await pane.getByRole('button', { name: '知道了' }).click();
    const tabs = () => page.locator('#tabs button').allTextContents();
    const before = await tabs();
    await openTab(pane, '年度汇总');
    await pane.getByRole('button', { name: '汇总全年' }).click();
    await pane.getByText('12 人；错误 2 个，警告 3 个').waitFor();
    await pane.getByRole('button', { name: '预览汇总表' }).click();
    await pane.getByRole('button', { name: '生成汇总表' }).click();
    await pane.getByText(/已新增工作表：平时考核结果汇总表、年度考核登记汇总表/).waitFor();
    expect(await tabs()).toEqual([...before, '平时考核结果汇总表', '年度考核登记汇总表']);
    await page.locator('td[data-cell="A1"]', { hasText: '公务员平时考核结果汇总表' }).waitFor();
    await shot(page, 'wps-06-year-forms');
    await pane.getByRole('button', { name: '删除生成的汇总表' }).click();
    await pane.getByText('已删除生成的 2 个汇总表，工作簿恢复原样').waitFor();
    expect(await tabs()).toEqual(before);
  });

  it('runs the ribbon’s 一键计算 on WPS beside the open pane, which hears it and checks again', async () => {
    const { page, pane } = await open();
    await pane.getByText('16 人：定等次 12，不定等次 2，不参加 2').waitFor();
    await page.getByRole('button', { name: '一键计算等次（功能区按钮）' }).click();
    await page.getByRole('dialog', { name: '考核助手 · 一键计算等次' }).getByText('已写入合计 9 格、等次 11 格。').waitFor();
    // WPS has no undo group for an add-in: the result does not promise Ctrl+Z.
    expect(await page.textContent('#oneClickLines')).not.toMatch(/Ctrl\+Z/);
    await pane.getByText('“一键计算等次”写入了本表，已重新检查').waitFor();
    await shot(page, 'wps-07-one-click');
    await page.getByRole('button', { name: '确定' }).click();
  });
});
