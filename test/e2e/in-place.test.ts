/**
 * Answers where the eye is, and the pane at 320 px (issue #17, points 3 and 7), in Chromium on the preview:
 * a message appears beside the control that caused it and inside the viewport (保存列对应, 生成汇总表 and 删除
 * at 320 px, 预览/写入 and a refused write in 计算), the control clicked does not move, a tab's message ends
 * when another tab is opened, and one replaces the last; the tabs in one row (the rest in a 更多 menu), one primary button
 * in sight, no text under 14 px, a column's role moved from another column said under it; axe at 320 and 500 px.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { markedText, openTab, previewPages, seriousViolations, settled, shot, writtenText } from './browser';

const { openPage } = previewPages();
const YEAR = 'examples/gwy-2020-year.xlsx';

async function open(width: number, book?: string): Promise<{ page: Page; pane: Frame }> {
  const { page, pane } = await openPage(`width=${width}&lang=zh-CN${book ? `&book=${book}` : ''}`);
  if (!book) await pane.getByText('16 人：定等次 12，不定等次 2，不参加 2').waitFor();
  return { page, pane };
}

/** Where an element is in the pane's viewport: its top and bottom, and the viewport's height. */
async function place(el: Locator): Promise<{ top: number; bottom: number; height: number }> {
  return el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: window.innerHeight };
  });
}

/** The element is wholly inside the pane's viewport. */
async function expectInView(el: Locator, what: string): Promise<void> {
  const p = await place(el);
  expect([what, p.top >= 0 && p.bottom <= p.height, p]).toEqual([what, true, p]);
}

/** The pane's messages shown (in any place), as `place: text`. */
const messages = (pane: Frame) =>
  pane
    .locator('[data-message-at]')
    .evaluateAll((places) =>
      places.flatMap((p) =>
        [...p.querySelectorAll('.kaohe-Notice__body')].map((b) => `${p.getAttribute('data-message-at')}: ${b.textContent}`),
      ),
    );

/** The page scrolled to the bottom, as a secretary does to reach the buttons under a long list. */
const toBottom = (pane: Frame) => pane.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

describe('a message beside the control that caused it (issue #17)', () => {
  it('says 列对应已保存 under 保存列对应, in view, without moving the button; another tab ends it', async () => {
    const { page, pane } = await open(320);
    await openTab(pane, '列对应');
    const save = pane.getByRole('button', { name: '保存列对应' });
    // 工作负荷 moved from P to Q: P is set to 不使用, and said under Q's dropdown.
    await pane.getByLabel(/^识别为 Q /).selectOption({ label: '工作负荷' });
    const notice = pane.locator('li[data-col="Q"] [role="status"]');
    await notice.getByText('“工作负荷”只能对应一列：原来的 P 列改为不使用').waitFor();
    expect(await pane.getByLabel(/^识别为 P /).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent)).toBe('不使用');
    await expectInView(notice, 'the notice');
    expect(await seriousViolations(pane)).toEqual([]);
    await shot(page, 'in-place-320-column-moved');

    await save.scrollIntoViewIfNeeded();
    const before = await place(save);
    await save.click();
    const saved = pane.locator('[data-message-at="columns"] [role="status"]').getByText('列对应已保存到工作簿');
    await saved.waitFor();
    await expectInView(saved, '列对应已保存');
    expect((await place(save)).top).toBe(before.top);
    // One message: the notice under Q went when the confirmation came.
    expect(await messages(pane)).toEqual(['columns: 列对应已保存到工作簿']);
    expect(await seriousViolations(pane)).toEqual([]);
    await shot(page, 'in-place-320-columns-saved');

    // The message belongs to 列对应: gone in 检查, and not back when 列对应 is opened again.
    await openTab(pane, '检查');
    await pane.getByText(/^错误 \d+ 个，警告 \d+ 个$/).waitFor();
    expect(await messages(pane)).toEqual([]);
    await openTab(pane, '列对应');
    await save.waitFor();
    expect(await messages(pane)).toEqual([]);
  });

  it('answers 预览 and 写入 in 计算 in view at 320 px, and a refused write beside 写入表格 as an alert', async () => {
    const { page, pane } = await open(320);
    await openTab(pane, '计算');
    await pane.getByRole('button', { name: '预览写入内容' }).click();
    await expectInView(pane.getByText('将写入 11 人：总分 9 人、等次 11 人'), 'the preview');
    const write = pane.getByRole('button', { name: '写入表格' });

    // Protected: the preview stays, the reason comes under 写入表格, which stays where it was clicked.
    await page.check('#protect');
    await toBottom(pane);
    const at = await place(write);
    await write.click();
    const refused = pane.locator('[data-message-at="compute-apply"] [role="alert"]');
    await refused.getByText(/工作表受保护，无法写入/).waitFor();
    await expectInView(refused, 'the refusal');
    expect((await place(write)).top).toBe(at.top);
    expect(await seriousViolations(pane)).toEqual([]);
    await shot(page, 'in-place-320-write-refused');

    // Written: the preview goes, the answer stands under 预览 and 撤销, scrolled into view; the refusal is gone.
    await page.uncheck('#protect');
    await write.click();
    const written = pane.locator('[data-message-at="compute"] [role="status"]');
    await written.getByText(writtenText(20)).waitFor();
    await expectInView(written, 'the write');
    expect(await messages(pane)).toEqual([`compute: ${writtenText(20)}`]);
    await shot(page, 'in-place-320-written');

    // 名额 does not show 计算's message; back in 计算 the view itself says what holds (撤销, the quotas after writing).
    await openTab(pane, '名额');
    await pane.getByText('— 名额分界线 —').waitFor();
    expect(await messages(pane)).toEqual([]);
    await openTab(pane, '计算');
    await pane.getByText('写入后：全单位“好”6 人，名额 4 人，仍超出 2 人').waitFor();
    expect(await messages(pane)).toEqual([]);
    await pane.getByRole('button', { name: '撤销上次写入' }).click();
    await pane.locator('[data-message-at="compute"]').getByText('已撤销，写入的单元格恢复原样').waitFor();
    expect(await seriousViolations(pane)).toEqual([]);
  });

  it('says what 标记 did under its button in 检查, which stays put', async () => {
    const { page, pane } = await open(320);
    const mark = pane.getByRole('button', { name: '在表格中标记问题' });
    // Where the button is on the page (not in the window: the pane may scroll to bring the answer into view).
    const onPage = (el: Locator) => el.evaluate((e) => Math.round(e.getBoundingClientRect().top + window.scrollY));
    const before = await onPage(mark);
    await mark.click();
    const said = pane.locator('[data-message-at="check"]').getByText(markedText(8));
    await said.waitFor();
    await expectInView(said, 'the marks');
    expect(await onPage(pane.getByRole('button', { name: '清除标记' }))).toBe(before);
    await shot(page, 'in-place-320-marked');
  });

  for (const width of [320, 500]) {
    it(`answers 生成汇总表 and 删除 in 年度汇总 in view at ${width} px, beside 删除生成的汇总表`, async () => {
      const { page, pane } = await open(width, YEAR);
      await openTab(pane, '年度汇总');
      await pane.getByRole('button', { name: '汇总全年' }).click();
      await pane.getByText('12 人；错误 2 个，警告 3 个').waitFor();
      await pane.getByRole('button', { name: '预览汇总表' }).click();
      const add = pane.getByRole('button', { name: '生成汇总表' });
      await add.scrollIntoViewIfNeeded();
      // Far down the pane at 320 px (10,000 px before the year became cards, 3,600 after); before issue #17 the answer came at its top.
      if (width === 320) expect(await pane.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
      await add.click();
      const added = pane.locator('[data-message-at="year-forms"] [role="status"]');
      await added.getByText('已新增工作表：平时考核结果汇总表、年度考核登记汇总表。可点“删除生成的汇总表”撤销。').waitFor();
      await expectInView(added, 'forms added');
      const remove = pane.getByRole('button', { name: '删除生成的汇总表' });
      await expectInView(remove, '删除生成的汇总表');
      expect(await seriousViolations(pane)).toEqual([]);
      await shot(page, `in-place-${width}-forms-added`);

      await remove.click();
      const removed = pane.locator('[data-message-at="year-forms"] [role="status"]').getByText('已删除生成的 2 个汇总表，工作簿恢复原样');
      await removed.waitFor();
      await expectInView(removed, 'forms removed');
      expect(await messages(pane)).toEqual(['year-forms: 已删除生成的 2 个汇总表，工作簿恢复原样']);
      await shot(page, `in-place-${width}-forms-removed`);
    });
  }
});

/** Every view of the example at this width, each shown in turn by `show`. */
function views(pane: Frame): [string, () => Promise<void>][] {
  return [
    ['check', async () => undefined],
    [
      'people',
      async () => {
        await openTab(pane, '人员');
        await pane.getByText('共 16 人').waitFor();
      },
    ],
    [
      'compute',
      async () => {
        await openTab(pane, '计算');
        await pane.getByRole('button', { name: '预览写入内容' }).waitFor();
      },
    ],
    [
      'compute-preview',
      async () => {
        await pane.getByRole('button', { name: '预览写入内容' }).click();
        await pane.getByText('将写入 11 人：总分 9 人、等次 11 人').waitFor();
      },
    ],
    [
      'quota',
      async () => {
        await openTab(pane, '名额');
        await pane.getByText('— 名额分界线 —').waitFor();
      },
    ],
    [
      'columns',
      async () => {
        await openTab(pane, '列对应');
        await pane.getByRole('button', { name: '保存列对应' }).waitFor();
      },
    ],
    [
      'annual',
      async () => {
        await openTab(pane, '年度汇总');
        await pane.getByRole('button', { name: '汇总全年' }).waitFor();
      },
    ],
    [
      'annual-rolled-up',
      async () => {
        await pane.getByRole('button', { name: '汇总全年' }).click();
        await pane.getByRole('button', { name: '预览汇总表' }).waitFor();
      },
    ],
    [
      'annual-forms',
      async () => {
        await pane.getByRole('button', { name: '预览汇总表' }).click();
        await pane.getByText('平时考核结果汇总表：', { exact: false }).waitFor();
      },
    ],
  ];
}

describe('the pane at 320 px (issue #17)', () => {
  // Chinese and English, at 320 and 500 px: the tabs that fit in one row, the rest in the 更多 (More) menu at its end.
  const names = {
    'zh-CN': {
      first: '16 人：定等次 12，不定等次 2，不参加 2',
      tabs: ['检查', '人员', '计算', '名额', '列对应', '年度汇总'],
      more: '更多',
    },
    'en-US': { first: '16 people: 12 graded', tabs: ['Check', 'People', 'Compute', 'Quotas', 'Columns', 'Year'], more: 'More' },
  } as const;
  for (const lang of ['zh-CN', 'en-US'] as const) {
    for (const width of [320, 500]) {
      it(`keeps the tabs in one row at ${width} px in ${lang}, every one reachable (in the row or its menu), axe clean`, async () => {
        const { page, pane } = await openPage(`width=${width}&lang=${lang}`);
        const words = names[lang];
        await pane.getByText(words.first).waitFor();
        const row = pane.getByRole('tablist').locator('..');
        const inRow = await pane.getByRole('tab').allTextContents();
        const more = pane.getByRole('button', { name: new RegExp(`^${words.more}`) });
        const hasMenu = (await more.count()) > 0;
        let inMenu: string[] = [];
        if (hasMenu) {
          await more.click();
          inMenu = await pane.getByRole('menuitem').allTextContents();
          // Open, the menu is still within the pane, and axe finds nothing in it.
          expect(await pane.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
          expect(await seriousViolations(pane)).toEqual([]);
          await shot(page, `tabs-${width}-${lang}-menu`);
          await page.keyboard.press('Escape');
          expect(await more.evaluate((b) => b === document.activeElement)).toBe(true);
        }
        // Every tab once, in order: the row then the menu.
        expect([...inRow, ...inMenu]).toEqual([...words.tabs]);
        // One line high: the row is as high as a tab, every tab and the menu button on the same line.
        const boxes = await row.evaluate((r) =>
          [r, ...r.querySelectorAll('[role="tab"], [aria-haspopup="menu"]')].map((e) => {
            const b = e.getBoundingClientRect();
            return { top: Math.round(b.top), height: Math.round(b.height), right: Math.round(b.right) };
          }),
        );
        const [rowBox, ...tabBoxes] = boxes;
        expect(new Set(tabBoxes.map((b) => `${b.top}/${b.height}`)).size).toBe(1);
        expect(rowBox!.height).toBe(tabBoxes[0]!.height);
        expect(Math.max(...tabBoxes.map((b) => b.right))).toBeLessThanOrEqual(rowBox!.right);
        expect(await pane.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
        expect(await seriousViolations(pane)).toEqual([]);
        await shot(page, `tabs-${width}-${lang}`);
        // 500 px holds the six; 320 px does not, in either language.
        expect([width, lang, inRow.length, hasMenu]).toEqual([width, lang, width === 500 ? 6 : inRow.length, width !== 500]);
        if (width === 320) {
          // The last tab chosen from the menu by keyboard (↑ opens it on its last item): its name on the menu's button
          // (where the user is), the focus back on that button, and its view shown.
          const last = words.tabs[5];
          await more.focus();
          await page.keyboard.press('ArrowUp');
          expect(await pane.evaluate(() => [document.activeElement?.getAttribute('role'), document.activeElement?.textContent])).toEqual([
            'menuitem',
            last,
          ]);
          await page.keyboard.press('Enter');
          const named = pane.getByRole('button', { name: `${words.more}：${last}` });
          await named.waitFor();
          expect(await named.textContent()).toBe(last);
          expect(await named.evaluate((b) => b === document.activeElement)).toBe(true);
          expect(await pane.getByRole('tabpanel', { name: last }).count()).toBe(1);
          expect(await row.evaluate((r) => r.getBoundingClientRect().height)).toBe(rowBox!.height);
          expect(await seriousViolations(pane)).toEqual([]);
          await shot(page, `tabs-${width}-${lang}-last-chosen`);
        }
      });
    }
  }

  for (const width of [320, 500]) {
    it(`has at most one primary button, no text under 14 px, no sideways scrolling and no axe violation on every view at ${width} px`, async () => {
      const { page, pane } = await open(width);
      for (const [name, show] of views(pane)) {
        await show();
        await settled(pane); // a button turning from primary to secondary fades for 100 ms
        // A primary button: Fluent's brand background (an enabled one; a disabled one is grey as any other).
        const primary = await pane
          .locator('button')
          .evaluateAll((bs) =>
            bs
              .filter((b) => getComputedStyle(b).backgroundColor === 'rgb(15, 108, 189)' && b.getClientRects().length > 0)
              .map((b) => b.textContent),
          );
        expect([name, primary.length <= 1, primary]).toEqual([name, true, primary]);
        // Every piece of text shown, with its size: none under 14 px.
        const small = await pane.evaluate(() => {
          const out: string[] = [];
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const el = n.parentElement;
            if (!el || !n.textContent?.trim() || el.getClientRects().length === 0) continue;
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (size < 14) out.push(`${size}px ${n.textContent.trim().slice(0, 20)}`);
          }
          return out;
        });
        expect([name, small]).toEqual([name, []]);
        const overflow = await pane.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect([name, overflow]).toEqual([name, 0]);
        expect([name, await seriousViolations(pane)]).toEqual([name, []]);
        await shot(page, `views-${width}-${name}`);
      }
    });
  }

  it('keeps a header’s bracket whole and shows each 列对应 choice in full at 320 px', async () => {
    const { page, pane } = await open(320);
    await openTab(pane, '列对应');
    await pane.getByRole('button', { name: '保存列对应' }).waitFor();
    // A bracketed part of a header is on one line: its box is one line high.
    const brackets = await pane
      .locator('li[data-col] span[class] > span')
      .evaluateAll((spans) => spans.map((s) => ({ text: s.textContent, lines: s.getClientRects().length })));
    expect(brackets.length).toBeGreaterThan(0);
    expect(brackets.filter((b) => b.lines !== 1)).toEqual([]);
    // Each dropdown is wide enough for its longest choice.
    const cut = await pane.locator('li[data-col] select').evaluateAll((selects) =>
      selects.flatMap((s) => {
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(s).font;
        probe.style.whiteSpace = 'nowrap';
        document.body.append(probe);
        const widest = Math.max(
          ...[...(s as HTMLSelectElement).options].map((o) => {
            probe.textContent = o.textContent;
            return probe.getBoundingClientRect().width;
          }),
        );
        probe.remove();
        // The text's room: the dropdown less its padding and chevron.
        return widest > s.clientWidth - 40 ? [`${s.getAttribute('aria-label')}: ${Math.round(widest)} > ${s.clientWidth - 40}`] : [];
      }),
    );
    expect(cut).toEqual([]);
    await shot(page, 'in-place-320-columns');
  });
});
