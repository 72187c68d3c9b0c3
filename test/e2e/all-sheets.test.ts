/**
 * 检查全部工作表 (issue #21) in Chromium on the browser preview: every quarter of the year's example workbook
 * checked from the 检查 tab, one card a sheet with its top grade against its limit; a card's name takes the
 * pane to that sheet; the summary sheet added and deleted again; axe clean at 320 and 500 px.
 */
import { previewPages, seriousViolations, shot } from './browser';

const { openPage } = previewPages();

describe('检查全部工作表', () => {
  it('checks every sheet of the workbook, one card a sheet, and goes to the sheet clicked', async () => {
    const { page, pane } = await openPage('width=320&book=examples/gwy-2020-year.xlsx');
    await pane.getByText('11 人：定等次 9，不定等次 1，不参加 1').waitFor();
    await pane.getByRole('button', { name: '检查全部工作表' }).click();
    await pane.getByText('共 5 张考核表：检查了 5 张；最高等次超出名额的 0 张').waitFor();
    const cards = pane.getByRole('region', { name: '检查全部工作表' }).getByRole('listitem');
    expect(await cards.count()).toBe(5);
    const q3 = cards.filter({ hasText: '第三季度' });
    expect(await q3.innerText()).toContain('好 4 人，上限 4 人');
    expect(await q3.innerText()).toContain('人数 12，定等次 10');
    expect(await q3.innerText()).toContain('方案：公务员平时考核（全国模板：好/较好/一般/较差）（按表头识别）');
    // The annual sheet is read with the scheme its headers fit, as the command line's folder check does.
    expect(await cards.filter({ hasText: '年度考核' }).innerText()).toMatch(/优秀 3 人/);
    expect(await seriousViolations(pane)).toEqual([]);
    // No sideways scrolling at 320 px.
    expect(await pane.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await q3.scrollIntoViewIfNeeded();
    await shot(page, '60-all-sheets-320');

    await cards.filter({ hasText: '第二季度' }).getByRole('button', { name: '第二季度' }).click();
    await pane.getByText('工作表：第二季度', { exact: true }).waitFor();
    await pane.getByText('11 人：定等次 10，不定等次 0，不参加 1').waitFor();
  });

  it('adds the summary sheet beside the workbook’s own and deletes it again', async () => {
    const { page, pane } = await openPage('width=500&book=examples/gwy-2020-year.xlsx');
    await pane.getByText('11 人：定等次 9，不定等次 1，不参加 1').waitFor();
    await pane.getByRole('button', { name: '检查全部工作表' }).click();
    await pane.getByText('共 5 张考核表：检查了 5 张；最高等次超出名额的 0 张').waitFor();
    await pane.getByRole('button', { name: '生成汇总表' }).click();
    await pane.getByText('已新增工作表“各工作表检查汇总”（各表一行，附占比与上限的图表）。可点“删除生成的汇总表”撤销。').waitFor();
    await page.locator('#tabs button', { hasText: '各工作表检查汇总' }).waitFor();
    // The pane stays on the sheet it checked: the sheet it added is its own.
    await pane.getByText('工作表：第一季度', { exact: true }).waitFor();
    expect(await seriousViolations(pane)).toEqual([]);
    await shot(page, '61-all-sheets-summary-500');
    await pane.getByRole('button', { name: '删除生成的汇总表' }).click();
    await pane.getByText('已删除生成的汇总表，工作簿恢复原样').waitFor();
    expect(await page.locator('#tabs button', { hasText: '各工作表检查汇总' }).count()).toBe(0);
  });
});
