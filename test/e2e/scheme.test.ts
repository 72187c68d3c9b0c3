/**
 * The 方案 view (issue #18), end to end in Chromium on the browser preview with the bundled examples: the
 * scheme in words, 好 ≤ 30% and a band bound tried on the example sheet and saved, a gap between bands refused
 * beside the field, and a scheme copied from one workbook and pasted into another. Screenshots at 320 and 500 px.
 */
import type { Frame } from 'playwright-core';
import { previewPages, seriousViolations, shot } from './browser';

const { openPage } = previewPages();

const READY = '16 人：定等次 12，不定等次 2，不参加 2';
const open = async (pane: Frame) => {
  await pane.getByText(READY).waitFor();
  await pane.getByRole('button', { name: '方案内容与修改' }).click();
  await pane.getByRole('heading', { name: '方案内容' }).waitFor();
};
const field = (pane: Frame, section: string, label: string, n = 0) =>
  pane.getByRole('region', { name: section }).getByRole('textbox', { name: label }).nth(n);

describe('the 方案 view', () => {
  for (const width of [320, 500]) {
    it(`says the scheme in words at ${width} px, with nothing wider than the pane`, async () => {
      const { page, pane } = await openPage(`width=${width}`);
      await open(pane);
      await pane.getByText('较好：75 分及以上、低于 90 分（89.5 分为较好）').waitFor();
      expect(await pane.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      expect(await seriousViolations(pane)).toEqual([]);
      await shot(page, `50-scheme-words-${width}`);
      await pane.getByRole('button', { name: '修改方案' }).click();
      await pane.getByRole('heading', { name: '修改方案' }).waitFor();
      expect(await pane.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      expect(await seriousViolations(pane)).toEqual([]);
      await shot(page, `51-scheme-edit-${width}`);
    });
  }

  it('tries 好 ≤ 30% and a band on the example, refuses a gap beside the bands, saves, and checks with the copy', async () => {
    const { page, pane } = await openPage('width=320');
    await open(pane);
    await pane.getByRole('button', { name: '修改方案' }).click();
    await field(pane, '等次名额', '比例上限（%）').fill('30');
    const tried = pane.getByRole('region', { name: '本表试用结果' });
    await tried.getByText('好：6 人，上限 4 人（40%） → 3 人（30%）').waitFor();

    await field(pane, '等次分数段', '下限（含）', 0).fill('91');
    await pane.getByText('总分不低于 90 分且低于 91 分时没有对应的等次').waitFor();
    expect(await pane.getByRole('button', { name: '保存到工作簿' }).isDisabled()).toBe(true);
    await shot(page, '52-scheme-gap-refused-320');
    await field(pane, '等次分数段', '上限（不含）', 1).fill('91');
    await tried.getByText(/^陈静（.+）：等次 好 → 较好$/).waitFor();
    expect(await pane.getByText('总分不低于 90 分且低于 91 分时没有对应的等次').count()).toBe(0);
    await shot(page, '53-scheme-tried-320');

    await pane.getByRole('textbox', { name: '保存为（方案名称）' }).fill('本局平时考核方案');
    await pane.getByRole('button', { name: '保存到工作簿' }).click();
    const saved = pane.getByText('方案“本局平时考核方案”已保存到工作簿，本工作簿今后按它检查');
    await saved.waitFor();
    // The message is where the eye is: inside the pane's viewport after the click.
    expect(
      await saved.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight && el.getBoundingClientRect().top >= 0),
    ).toBe(true);
    await pane.getByRole('button', { name: '重新检查' }).click();
    await pane
      .getByText(
        '按工作簿中保存的方案：本局平时考核方案 · gwy-2020-custom（基于 公务员平时考核（全国模板：好/较好/一般/较差） 修改）；17 个分项全部对上',
      )
      .waitFor();
    await pane.getByRole('tab', { name: '名额' }).click();
    await pane
      .getByText(/“好”5 人，名额 3 人/)
      .first()
      .waitFor();
    await shot(page, '54-scheme-saved-quota-320');
  });

  it('copies a scheme from one workbook and pastes it into another, where it is tried before it is saved', async () => {
    const one = await openPage('width=500');
    await one.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(one.pane);
    await one.pane.getByRole('button', { name: '修改方案' }).click();
    await field(one.pane, '等次名额', '比例上限（%）').fill('30');
    await one.pane.getByRole('textbox', { name: '保存为（方案名称）' }).fill('本局平时考核方案');
    await one.pane.getByRole('button', { name: '保存到工作簿' }).click();
    await one.pane.getByText('方案“本局平时考核方案”已保存到工作簿，本工作簿今后按它检查').waitFor();
    await one.pane.getByRole('button', { name: '复制方案' }).click();
    // The clipboard where the browser lets the pane write it, else the text shown to copy by hand.
    const manual = one.pane.getByRole('textbox', { name: '复制方案' });
    await Promise.race([one.pane.getByText('方案已复制').waitFor(), manual.waitFor()]);
    const text = (await manual.count()) > 0 ? await manual.inputValue() : await one.pane.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(text).quotas[0].max).toBe(0.3);

    const two = await openPage('width=500&book=examples/gwy-2020-year.xlsx');
    await two.pane.getByText('11 人：定等次 9，不定等次 1，不参加 1').waitFor();
    await two.pane.getByRole('button', { name: '方案内容与修改' }).click();
    await two.pane.getByRole('button', { name: '粘贴方案' }).click();
    await two.pane.getByRole('textbox', { name: '把复制的方案粘贴在这里' }).fill(text);
    await two.pane.getByRole('button', { name: '在本表试用' }).click();
    await two.pane.getByText(/^正在本表试用 本局平时考核方案 · gwy-2020-custom（尚未保存）/).waitFor();
    await two.pane.getByRole('button', { name: '保存到工作簿' }).click();
    await two.pane.getByText(/已导入方案 本局平时考核方案/).waitFor();
    await shot(two.page, '55-scheme-pasted-500');
  });
});

describe('the 方案说明表', () => {
  it('is added to the workbook as a printable sheet and the scheme is read back from it', async () => {
    const { page, pane } = await openPage('width=320');
    await open(pane);
    await pane.getByRole('button', { name: '生成方案说明表' }).click();
    const added = pane.getByText('已新增工作表“方案说明表”：逐项写明本方案，供考核小组审阅签字；可打印。');
    await added.waitFor();
    expect(await added.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
    await page.locator('#tabs button', { hasText: '方案说明表' }).click();
    await page.locator('td', { hasText: '好不超过 40%，按全单位计算，人数向下取整' }).first().waitFor();
    await shot(page, '56-scheme-sheet-320');
    // Back on the roster, the pane follows it and stays on 方案.
    await page.locator('#tabs button', { hasText: '第一季度' }).click();
    await pane.getByText('工作表：第一季度', { exact: true }).waitFor();
    await pane.getByRole('button', { name: '从方案说明表读取' }).click();
    await pane.getByText(/^已从“方案说明表”读取方案 公务员平时考核/).waitFor();
    expect(await seriousViolations(pane)).toEqual([]);
  });
});
