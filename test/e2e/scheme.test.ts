/**
 * The 方案 view (issue #18), end to end in Chromium on the browser preview with the bundled examples: the
 * scheme in words, 好 ≤ 30% and a band bound tried on the example sheet and saved, a gap between bands refused
 * beside the field, and a scheme copied from one workbook and pasted into another. Screenshots at 320 and 500 px.
 */
import type { Frame } from 'playwright-core';
import { villageCommittee } from '../helpers/real-sheets';
import { writeXlsx } from '../helpers/xlsx';
import { openTab, paneFrame, previewPages, seriousViolations, shot } from './browser';

const { openPage } = previewPages();

const READY = '16 人：定等次 12，不定等次 2，不参加 2';
const open = async (pane: Frame) => {
  await pane.getByText(READY).waitFor();
  await pane.getByRole('button', { name: '方案内容与修改' }).click();
  await pane.getByRole('heading', { name: '方案内容' }).waitFor();
};
const field = (pane: Frame, section: string, label: string, n = 0) =>
  pane.getByRole('region', { name: section }).getByRole('textbox', { name: label, exact: true }).nth(n);

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

    await field(pane, '等次分数段', '好的下限').fill('91');
    await pane.getByText('总分不低于 90 分且低于 91 分时没有对应的等次').waitFor();
    expect(await pane.getByRole('button', { name: '保存到工作簿' }).isDisabled()).toBe(true);
    await shot(page, '52-scheme-gap-refused-320');
    await field(pane, '等次分数段', '较好的上限').fill('91');
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
    // The workbook closed and opened again (the preview reopens it as it was left when the page is reloaded):
    // the pane starts with the saved copy, not the preset.
    await page.reload();
    const reopened = await paneFrame(page);
    await reopened
      .getByText(
        '按工作簿中保存的方案：本局平时考核方案 · gwy-2020-custom（基于 公务员平时考核（全国模板：好/较好/一般/较差） 修改）；17 个分项全部对上',
      )
      .waitFor();
    await openTab(reopened, '名额');
    await reopened
      .getByText(/“好”5 人，名额 3 人/)
      .first()
      .waitFor();
    await shot(page, '54-scheme-saved-quota-320');
    await reopened.getByRole('button', { name: '方案内容与修改' }).click();
    await reopened.getByText('基于 gwy-2020 修改').waitFor();
    expect(await reopened.getByText('好不超过 30%，按全单位计算，人数向下取整').textContent()).toContain('本单位修改');
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

describe('the 方案 view on a sheet no preset fits', () => {
  it('starts from the scheme inferred from a 村两委 sheet, adds its bands, tries and saves them', async () => {
    const { page, pane } = await openPage('width=320');
    await pane.getByText(READY).waitFor();
    // The township's own workbook, opened in the preview as a user picks a file.
    await page.setInputFiles('#file', await writeXlsx(villageCommittee()));
    const reloaded = await paneFrame(page, pane);
    await reloaded.getByText(/^15 人：/).waitFor();
    await reloaded.getByRole('button', { name: '方案内容与修改' }).click();
    await reloaded.getByText('等次由表中填写（优秀、称职、基本称职、不称职），不按分数划分').waitFor();
    await reloaded.getByRole('button', { name: '修改方案' }).click();
    const bands = reloaded.getByRole('region', { name: '等次分数段' });
    await bands.getByRole('button', { name: '改为按总分的分数段定等次' }).click();
    await bands.getByText(/同时属于优秀、称职、基本称职、不称职/).waitFor();
    expect(await reloaded.getByRole('button', { name: '保存到工作簿' }).isDisabled()).toBe(true);

    const bound = (label: string) => bands.getByRole('textbox', { name: label, exact: true });
    await bound('优秀的下限').fill('90');
    await bound('称职的下限').fill('75');
    await bound('称职的上限').fill('90');
    await bound('基本称职的下限').fill('60');
    await bound('基本称职的上限').fill('75');
    await bound('不称职的上限').fill('60');
    await bands.getByText('称职：75 分及以上、低于 90 分').waitFor();
    expect(await bands.getByRole('alert').count()).toBe(0);
    expect(await reloaded.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await seriousViolations(reloaded)).toEqual([]);
    await bands.scrollIntoViewIfNeeded();
    await shot(page, '57-scheme-inferred-bands-320');

    await reloaded.getByRole('button', { name: '保存到工作簿' }).click();
    await reloaded.getByText(/已保存到工作簿，本工作簿今后按它检查$/).waitFor();
    await reloaded.getByText('称职：75 分及以上、低于 90 分').waitFor();
    const stored = await page.evaluate(() => {
      const book = (window as unknown as { kaohePreview: { book: { settings: Map<string, string> } } }).kaohePreview.book;
      return [...book.settings.values()].map((v) => JSON.parse(v) as unknown);
    });
    expect(JSON.stringify(stored)).toContain('"mode":"bands"');
  });
});

describe('the rules in the 方案 view', () => {
  for (const width of [320, 500]) {
    it(`edits a band's bound, a direct grade and an annual rule at ${width} px, with nothing wider than the pane`, async () => {
      const { page, pane } = await openPage(`width=${width}`);
      await open(pane);
      await pane.getByRole('button', { name: '修改方案' }).click();
      const bands = pane.getByRole('region', { name: '等次分数段' });
      await bands.getByRole('combobox', { name: '好的下限是否包含本数', exact: true }).selectOption('高于');
      // By keyboard: from 较好's upper bound, Tab reaches whether it is included, and an arrow key changes it.
      await bands.getByRole('textbox', { name: '较好的上限', exact: true }).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await pane.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('较好的上限是否包含本数');
      await page.keyboard.press('ArrowDown');
      await bands.getByText('较好：75 分及以上、90 分及以下').waitFor();
      await pane
        .getByRole('region', { name: '本表试用结果' })
        .getByText(/^陈静（.+）：等次 好 → 较好$/)
        .waitFor();
      await bands.scrollIntoViewIfNeeded();
      await shot(page, `58-scheme-band-bounds-${width}`);

      const direct = pane.getByRole('region', { name: '直接定等次与否决' });
      await direct.getByRole('button', { name: '添加直接定等次的情形' }).click();
      const added = direct.getByRole('group', { name: '新情形' });
      await added.getByText('请写出至少一个关键词').waitFor();
      await added.getByRole('textbox', { name: '原因（报告中照此说明）' }).fill('被通报批评的，直接定为一般');
      const rule = direct.getByRole('group', { name: '被通报批评的，直接定为一般' });
      await rule.getByRole('combobox', { name: '等次', exact: true }).selectOption('一般');
      await rule.getByRole('textbox', { name: '备注中出现这些词时适用（用“、”分隔）' }).fill('通报批评');
      await pane.getByRole('region', { name: '本表试用结果' }).getByText('马超（办公室）：等次 较差 → 一般').waitFor();
      await rule.scrollIntoViewIfNeeded();
      await shot(page, `59-scheme-direct-grade-${width}`);

      // 廉 as a rated item: its words and what each means, 否决 barring the top grade only.
      await direct.getByRole('button', { name: '添加评价项（如“廉：一票否决”）' }).click();
      const rated = direct.getByRole('group', { name: '评价项1（评价项，不计分）' });
      await rated.getByRole('combobox', { name: '一票否决时' }).selectOption('不能评为最高等次');
      await rated.getByRole('textbox', { name: '名称' }).fill('廉洁自律');
      await direct
        .getByText(
          '按此执行：廉洁自律（不计分）：合格不影响等次；基本合格不能评为最高等次；不合格定为最低等次；否决一票否决，不能评为最高等次',
        )
        .waitFor();
      await direct.getByRole('group', { name: '廉洁自律（评价项，不计分）' }).scrollIntoViewIfNeeded();
      await shot(page, `59b-scheme-rated-${width}`);

      const year = pane.getByRole('region', { name: '年度考核' });
      const first = year.getByRole('group').first();
      await first.getByRole('combobox', { name: '依据' }).selectOption('平时得分');
      await first.getByRole('textbox', { name: '平时得分低于（分）' }).fill('85');
      await first.getByText(/（按规则：平时得分低于 85 分时，优先评为优秀）$/).waitFor();
      await first.scrollIntoViewIfNeeded();
      await shot(page, `60-scheme-annual-rule-${width}`);

      expect(await pane.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      expect(await seriousViolations(pane)).toEqual([]);
      expect(await pane.getByRole('button', { name: '保存到工作簿' }).isDisabled()).toBe(false);
    });
  }
});

describe('leave rules and the year in the 方案 view', () => {
  const LONG_LEAVE = '病、事假累计超过考核周期一半';
  for (const width of [320, 500]) {
    it(`shows a leave rule and the year's periods and quotas as fields at ${width} px, with nothing wider than the pane`, async () => {
      const { page, pane } = await openPage(`width=${width}`);
      await open(pane);
      await pane.getByRole('button', { name: '修改方案' }).click();
      // The stated total and the decimals the total keeps, under the items.
      const items = pane.getByRole('region', { name: '考核内容与分值' });
      const scale = items.getByRole('textbox', { name: '满分（各项满分之和，加减分另计）' });
      expect(await scale.inputValue()).toBe('100');
      expect(await items.getByRole('combobox', { name: '总分保留' }).inputValue()).toBe('2');
      await scale.scrollIntoViewIfNeeded();
      await shot(page, `62a-scheme-total-${width}`);
      const status = pane.getByRole('region', { name: '不定等次、不参加与在外考核' });
      const leave = status.getByRole('group', { name: LONG_LEAVE });
      expect(await leave.getByRole('checkbox', { name: '病假', exact: true }).isChecked()).toBe(true);
      expect(await leave.getByRole('checkbox', { name: '产假', exact: true }).isChecked()).toBe(false);
      expect(await leave.getByRole('combobox', { name: '累计超过' }).inputValue()).toBe('half-period');
      expect(await status.getByRole('textbox', { name: /^考核期天数/ }).inputValue()).toBe('91');
      await leave.scrollIntoViewIfNeeded();
      await shot(page, `62-scheme-leave-${width}`);
      const year = pane.getByRole('region', { name: '年度考核' });
      expect(await year.getByRole('textbox', { name: '全年考核期数' }).inputValue()).toBe('4');
      const quotas = pane.getByRole('region', { name: '年度名额' });
      expect(await quotas.getByRole('textbox', { name: '比例上限（%）' }).inputValue()).toBe('20');
      expect(await quotas.getByRole('combobox', { name: '超出时' }).inputValue()).toBe('warning');
      await quotas.scrollIntoViewIfNeeded();
      await shot(page, `63-scheme-annual-quota-${width}`);
      expect(await pane.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      expect(await seriousViolations(pane)).toEqual([]);
    });
  }

  it('counts sick leave only, over 40 days, and 优秀 at most 10% of the year: tried, saved, and used after reopening', async () => {
    const { page, pane } = await openPage('width=320');
    await open(pane);
    await pane.getByRole('button', { name: '修改方案' }).click();
    const leave = pane.getByRole('region', { name: '不定等次、不参加与在外考核' }).getByRole('group', { name: LONG_LEAVE });
    // 孙晓's 病假32天，事假18天: 50 days of sick and personal leave, over half of 91; 32 of sick leave alone are not over 40.
    await leave.getByRole('checkbox', { name: '事假', exact: true }).uncheck();
    await leave.getByRole('checkbox', { name: '病事假', exact: true }).uncheck();
    const tried = pane.getByRole('region', { name: '本表试用结果' });
    await tried.getByText(/^孙晓（综合股）：不定等次 → 定等次/).waitFor();
    await leave.getByRole('combobox', { name: '累计超过' }).selectOption({ label: '规定天数' });
    const days = leave.getByRole('textbox', { name: '天数' });
    expect(await days.inputValue()).toBe('45');
    await days.fill('0');
    await leave.getByText('请填写大于 0 的天数').waitFor();
    expect(await pane.getByRole('button', { name: '保存到工作簿' }).isDisabled()).toBe(true);
    await days.fill('40');
    await leave.getByText(/（病假累计超过 40 天）$/).waitFor();
    await tried.getByText(/^孙晓（综合股）：不定等次 → 定等次/).waitFor();
    await leave.scrollIntoViewIfNeeded();
    await shot(page, '64-scheme-leave-edited-320');

    const quotas = pane.getByRole('region', { name: '年度名额' });
    await quotas.getByRole('textbox', { name: '比例上限（%）' }).fill('10');
    await quotas.getByRole('combobox', { name: '超出时' }).selectOption({ label: '算作错误' });
    await quotas.scrollIntoViewIfNeeded();
    await shot(page, '65-scheme-annual-quota-edited-320');

    await pane.getByRole('textbox', { name: '保存为（方案名称）' }).fill('本局平时考核方案');
    await pane.getByRole('button', { name: '保存到工作簿' }).click();
    await pane.getByText('方案“本局平时考核方案”已保存到工作簿，本工作簿今后按它检查').waitFor();

    // Reopened: 孙晓 is graded with the saved leave rule, and the year's quota is the saved one.
    await page.reload();
    const again = await paneFrame(page);
    await again.getByText('16 人：定等次 13，不定等次 1，不参加 2').waitFor();
    await again.getByRole('button', { name: '方案内容与修改' }).click();
    const said = (text: string) => again.getByText(text, { exact: false }).first().textContent();
    expect(await said('（病假累计超过 40 天）')).toContain('本单位修改');
    expect(await said('优秀不超过 10%，按全单位计算，人数向下取整')).toContain('本单位修改');
    await openTab(again, '年度汇总');
    await again.getByRole('button', { name: '汇总全年' }).click();
    // 14 people took part in the year, 15 now 孙晓 is graded: 20% gave 2 places (kaohe annual says so of the
    // workbook as it was) and would give 3; 10% gives 1.
    const line = again.getByText(/“优秀”\d+ 人，名额 1 人/);
    await line.waitFor();
    await line.scrollIntoViewIfNeeded();
    await shot(page, '66-scheme-annual-quota-used-320');
    expect(await seriousViolations(again)).toEqual([]);
  });
});

describe('the 方案 view in English', () => {
  it('labels the rules in English at 320 px, with nothing wider than the pane', async () => {
    const { page, pane } = await openPage('width=320&lang=en-US');
    await pane.getByText('16 people: 12 graded, 2 without a grade, 2 not appraised here').waitFor();
    await pane.getByRole('button', { name: 'The scheme, and changing it' }).click();
    await pane.getByRole('button', { name: 'Change the scheme' }).click();
    const bands = pane.getByRole('region', { name: 'Grade bands' });
    await bands.getByRole('combobox', { name: "Whether 好's lower bound is included", exact: true }).selectOption('over');
    await bands.getByText('好: over 90').waitFor();
    const leave = pane.getByRole('region', { name: 'No grade, not taking part, appraised elsewhere' }).getByRole('group', {
      // A case is named by its reason as the scheme writes it (in Chinese).
      name: '病、事假累计超过考核周期一半',
    });
    await leave.getByRole('combobox', { name: 'In all, more than' }).selectOption({ label: 'a number of days' });
    await leave.getByRole('textbox', { name: 'Days', exact: true }).fill('40');
    await leave.getByText(/\(病假, 事假, 病事假 over 40 days\)$/).waitFor();
    const quotas = pane.getByRole('region', { name: 'Annual quotas' });
    expect(await quotas.getByRole('textbox', { name: 'At most (%)' }).inputValue()).toBe('20');
    expect(await pane.getByRole('region', { name: 'The year' }).getByRole('textbox', { name: 'Periods in a year' }).inputValue()).toBe('4');
    const year = pane.getByRole('region', { name: 'The year' });
    await year
      .getByText(/^Applied as: .*\(as applied: when the periods graded 好 are exactly all of them, first in line for 优秀\)$/)
      .waitFor();
    expect(await pane.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await seriousViolations(pane)).toEqual([]);
    await year.scrollIntoViewIfNeeded();
    await shot(page, '61-scheme-rules-en-320');
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
