/**
 * The task pane end to end, in Chromium, on the browser preview with the example workbook:
 * check, select a cell, mark, compute and write, the quota panel, undo, English, protection,
 * a sheet changed behind the pane's back; screenshots of each step; accessibility at 320 and 500 px.
 */
import type { Frame, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kaoheJson } from '../cli/helpers';
import { tempDir } from '../helpers/xlsx';
import { gridTexts, LEVEL, markedText, openTab, paneFrame, previewPages, seriousViolations, shot } from './browser';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx');
const { openPage } = previewPages();

async function open(width = 320, lang = 'zh-CN'): Promise<{ page: Page; pane: Frame }> {
  const { page, pane } = await openPage(`width=${width}&lang=${lang}`);
  await pane.getByText(lang === 'zh-CN' ? '16 人：定等次 12，不定等次 2，不参加 2' : '16 people: 12 graded').waitFor();
  return { page, pane };
}

const trips = async (page: Page) => Number(await page.textContent('#trips'));

/** The scripts the pane's frame has loaded so far, by file name. */
const scriptsOf = (pane: Frame): Promise<string[]> =>
  pane.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script')
      .map((e) => new URL(e.name).pathname.split('/').pop()!),
  );

describe('the task pane in the browser preview', () => {
  it('checks the example, selects an issue’s cell, writes what the CLI computes, shows the quota, and undoes', async () => {
    const { page, pane } = await open(500);
    await shot(page, '01-opened');
    expect(await trips(page)).toBe(1);

    // Pick gwy-2020 explicitly: it is tried on the sheet, and saved in the workbook for the next person once confirmed.
    await pane.getByLabel('考核方案').selectOption('gwy-2020');
    await pane.getByText('正在本表试用 公务员平时考核（全国模板：好/较好/一般/较差） · gwy-2020（尚未保存）').waitFor();
    await pane.getByRole('button', { name: '保存到工作簿' }).click();
    await pane.getByText('方案已保存到工作簿，下次打开时沿用').waitFor();

    // 检查: every issue, each with its cell.
    const cells = await pane
      .locator('button[data-cell]')
      .evaluateAll((bs) => bs.map((b) => `${b.getAttribute('data-cell')} ${b.getAttribute('data-rule')}`));
    expect(cells).toEqual([
      'Y8 quota-exceeded',
      'E10 out-of-range',
      'V14 out-of-range',
      'Y11 grade-mismatch',
      'X14 total-mismatch',
      'O20 not-a-number',
      'P12 number-as-text',
      'S20 number-as-text',
    ]);
    await pane.getByText('思想政治素质 6.5 超过满分 6').click();
    await page.locator('td[data-cell="E10"].selected').waitFor();
    await shot(page, '02-issue-selected');

    // 计算: preview, write, and compare with the command line on the same file.
    const before = await gridTexts(page);
    await openTab(pane, '计算');
    await pane.getByRole('button', { name: '预览写入内容' }).click();
    // Y11's 好 differs from the bands but a direct grade could give it: kept and reported, never overwritten.
    await pane.getByText('将写入 11 人：总分 9 人、等次 11 人').waitFor();
    await shot(page, '03-preview');
    const tripsBefore = await trips(page);
    await pane.getByRole('button', { name: '写入表格' }).click();
    await pane.getByText(/已写入 20 格/).waitFor();
    await pane.getByText('写入后：全单位“好”6 人，名额 4 人，仍超出 2 人').waitFor();
    // One round trip writes. Excel reports the write after it (asynchronously, as Excel does), and one more round trip
    // tells that report from someone's edit (the ribbon command's signal, and the cells against what kaohe wrote).
    await page.waitForFunction((n) => Number(document.querySelector('#trips')!.textContent) >= n, tripsBefore + 2);
    await page.waitForTimeout(200);
    expect(await trips(page)).toBe(tripsBefore + 2);
    await page.locator('td[data-cell="Y8"]').scrollIntoViewIfNeeded();
    await shot(page, '04-written');

    // What the command line writes into its copy of the same file, cell for cell.
    const { report } = await kaoheJson('grade', EXAMPLE, '--scheme', 'gwy-2020', '--out', join(tempDir(), 'copy.xlsx'));
    const kept = new Set(report.output.skipped.map((k: { cell?: string }) => k.cell));
    const after = await gridTexts(page);
    for (const p of report.people) {
      if (p.status === 'excluded') continue;
      if (p.total !== null) expect([p.name, after[`X${p.row}`]]).toEqual([p.name, String(p.total)]);
      if (kept.has(`Y${p.row}`)) expect([p.name, after[`Y${p.row}`]]).toEqual([p.name, before[`Y${p.row}`]]);
      else if (p.status === 'graded' && p.grade) expect([p.name, after[`Y${p.row}`]]).toEqual([p.name, p.grade]);
      if (p.status === 'ungraded') expect(after[`Y${p.row}`]).toMatch(/^不定等次（/);
    }
    expect(await page.locator('td.written').count()).toBe(report.output.cells);

    // 名额: the violation, the ranking and the cut line with its tie.
    await openTab(pane, '名额');
    const quota = pane.getByRole('region', { name: '好 全单位' });
    await quota.getByText('超出 2 人').waitFor();
    await quota.getByText('— 名额分界线 —').waitFor();
    expect(await quota.locator('li[data-tie="true"]').count()).toBe(2);
    await shot(page, '05-quota');

    // 撤销: every cell as it was.
    await openTab(pane, '计算');
    await pane.getByRole('button', { name: '撤销上次写入' }).click();
    await pane.getByText('已撤销，写入的单元格恢复原样').waitFor();
    expect(await gridTexts(page)).toEqual(before);
    await shot(page, '06-undone');
  });

  it('marks the issues in the sheet and clears the marks exactly', async () => {
    const { page, pane } = await open();
    const fills = () =>
      page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('td[data-cell]')].map((td) => [td.getAttribute('data-cell'), (td as HTMLElement).style.background]),
        ),
      );
    const before = await fills();
    await pane.getByRole('button', { name: '在表格中标记问题' }).click();
    await pane.getByText(markedText(8)).waitFor();
    // A note with the fill where Excel has notes (ExcelApi 1.18); below it, the fill alone.
    expect(await page.locator('td[data-cell="E10"].note').count()).toBe(LEVEL.notes ? 1 : 0);
    expect(await page.locator('td[data-cell="E10"]').evaluate((td) => (td as HTMLElement).style.background)).toBe('rgb(255, 199, 206)');
    await shot(page, '07-marked');
    await pane.getByRole('button', { name: '清除标记' }).click();
    await pane.getByText('标记已清除，单元格恢复原样').waitFor();
    expect(await fills()).toEqual(before);
    expect(await page.locator('td.note').count()).toBe(0);
  });

  it('refuses to write a protected sheet, and one changed since the check, with a clear message', async () => {
    const { page, pane } = await open();
    await page.check('#protect');
    await openTab(pane, '计算');
    await pane.getByRole('button', { name: '预览写入内容' }).click();
    await pane.getByRole('button', { name: '写入表格' }).click();
    await pane.getByText(/工作表受保护，无法写入/).waitFor();
    expect(await page.locator('td.written').count()).toBe(0);
    await shot(page, '08-protected');

    await page.uncheck('#protect');
    await page.evaluate(() =>
      (
        window as unknown as { kaohePreview: { book: { userEdit: (s: string, c: string, v: number) => Promise<void> } } }
      ).kaohePreview.book.userEdit('第一季度', 'E5', 5),
    );
    await pane.getByText('表格在检查之后有改动，请重新检查后再写入').waitFor();
    expect(await pane.getByRole('button', { name: '预览写入内容' }).isDisabled()).toBe(true);
    await shot(page, '09-changed');
  });

  it('speaks English when Office’s display language is English', async () => {
    const { page, pane } = await open(320);
    await page.selectOption('#language', 'en-US');
    const english = await paneFrame(page, pane);
    await english.getByText('16 people: 12 graded, 2 without a grade, 2 not appraised here').waitFor();
    await english.getByText('Political quality 6.5 is over the maximum of 6').waitFor();
    await openTab(english, 'Quotas');
    await english.getByText('Whole office: "好" 6, limit 4').waitFor();
    await shot(page, '10-english');
  });
});

describe('the other flows', () => {
  it('writes live formulas, which the sheet recalculates to what the CLI computes', async () => {
    const { page, pane } = await open(500);
    await openTab(pane, '计算');
    await pane.getByRole('radio', { name: '公式（改分后自动重算）' }).check();
    await pane.getByRole('button', { name: '预览写入内容' }).click();
    await pane.getByRole('button', { name: '写入表格' }).click();
    await pane.getByText(/已写入 \d+ 格/).waitFor();
    expect(await page.locator('td[data-cell="X8"]').getAttribute('title')).toMatch(/^=ROUND\(SUM\(E8:H8\)/);
    expect(await page.locator('td[data-cell="Y8"]').getAttribute('title')).toMatch(/^=IF\(X8>=90,"好"/);
    const { report } = await kaoheJson('grade', EXAMPLE, '--scheme', 'gwy-2020', '--formulas', '--out', join(tempDir(), 'copy.xlsx'));
    const kept = new Set(report.output.skipped.map((k: { cell?: string }) => k.cell));
    const grid = await gridTexts(page);
    for (const p of report.people.filter((x: { status: string; total: number | null }) => x.status === 'graded' && x.total !== null)) {
      // A grade kept (it differs from the bands but a direct grade could give it) is the sheet's own, not a formula.
      if (kept.has(`Y${p.row}`)) expect(await page.locator(`td[data-cell="Y${p.row}"]`).getAttribute('title')).toBeNull();
      else expect([p.name, grid[`X${p.row}`], grid[`Y${p.row}`]]).toEqual([p.name, String(p.total), p.grade]);
    }
    expect(kept.size).toBeGreaterThan(0);
    await page.locator('td[data-cell="Y8"]').scrollIntoViewIfNeeded();
    await shot(page, '11-formulas');
  });

  it('lets a column be corrected once, and keeps the correction in the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE);
    wb.worksheets[0]!.getCell('P4').value = '其他';
    const variant = join(tempDir(), '改了表头.xlsx');
    await wb.xlsx.writeFile(variant);
    const { page, pane: first } = await open(500);
    await page.setInputFiles('#file', variant);
    const pane = await paneFrame(page, first);
    await pane.getByText('16 人：定等次 12，不定等次 2，不参加 2').waitFor();
    expect(await pane.getByText('错误 6 个，警告 2 个').count()).toBe(0);
    await openTab(pane, '列对应');
    await pane.getByLabel('识别为 P 绩（35分） 其他').selectOption({ label: '工作负荷' });
    await pane.getByRole('button', { name: '保存列对应' }).click();
    await pane.getByText('列对应已保存到工作簿').waitFor();
    await shot(page, '12-columns');
    await openTab(pane, '检查');
    await pane.getByText('错误 6 个，警告 2 个').waitFor();
    // The correction is in the workbook: a pane opened again reads it.
    await page.evaluate(() => {
      const frame = document.getElementById('pane') as HTMLIFrameElement;
      frame.src = `preview-pane.html?reopened=${Date.now()}`;
    });
    const again = await paneFrame(page, pane);
    await again.getByText('错误 6 个，警告 2 个').waitFor();
  });

  it('imports a scheme file into the workbook and exports the scheme in use', async () => {
    const file = join(tempDir(), '本局方案.json');
    writeFileSync(file, JSON.stringify({ extends: 'gwy-2020', id: 'ju-bureau', name: '本局方案', quotas: [{ grades: ['好'], max: 0.5 }] }));
    const { page, pane } = await open(500);
    // The presets come validated: the scheme validator (zod, the model, the preset files) is loaded only for a file.
    expect(await scriptsOf(pane)).not.toContain('schemes.js');
    await pane.setInputFiles('input[type=file]', file);
    // Loaded and tried on the sheet; saved to the workbook only when confirmed.
    await pane.getByText('已载入方案 本局方案 · ju-bureau，正在本表试用').waitFor();
    await pane.getByRole('button', { name: '保存到工作簿' }).click();
    await pane.getByText('已导入方案 本局方案 · ju-bureau，并保存到工作簿').waitFor();
    await openTab(pane, '名额');
    await pane.getByText('全单位“好”6 人，名额 6 人').waitFor();
    await shot(page, '13-imported');
    const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: '导出方案' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect([download.suggestedFilename(), exported.id, exported.quotas[0].max]).toEqual(['ju-bureau.json', 'ju-bureau', 0.5]);
    // A pane opened again on the workbook validates the scheme stored in it, loading the validator first.
    await page.evaluate(() => {
      const frame = document.getElementById('pane') as HTMLIFrameElement;
      frame.src = `preview-pane.html?reopened=${Date.now()}`;
    });
    const again = await paneFrame(page, pane);
    await again.getByText('16 人：定等次 12，不定等次 2，不参加 2').waitFor();
    expect(await scriptsOf(again)).toContain('schemes.js');
    await openTab(again, '名额');
    await again.getByText('全单位“好”6 人，名额 6 人').waitFor();
  });

  it('runs the ribbon’s 一键计算等次 and shows what it did', async () => {
    const { page } = await open(320);
    await page.getByRole('button', { name: '一键计算等次（功能区按钮）' }).click();
    const dialog = page.getByRole('dialog', { name: '考核助手 · 一键计算等次' });
    await dialog.getByText('已写入合计 9 格、等次 11 格。').waitFor();
    await dialog.getByText('全单位“好”等次超出名额 2 人。').waitFor();
    expect(await page.locator('td.written').count()).toBe(20);
    await shot(page, '14-one-click');
  });
});

describe('年度汇总 on the year workbook', () => {
  it('rolls the four quarters up, adds the summary forms with a native chart, and deletes them again', async () => {
    const { page, pane } = await openPage('width=500&book=examples/gwy-2020-year.xlsx');
    await openTab(pane, '年度汇总');
    const tabs = () => page.locator('#tabs button').allTextContents();
    const before = await tabs();
    expect(before).toEqual(['第一季度', '第二季度', '第三季度', '第四季度', '年度考核']);

    const trips0 = await trips(page);
    await pane.getByRole('button', { name: '汇总全年' }).click();
    await pane.getByText('12 人；错误 2 个，警告 3 个').waitFor();
    expect(await trips(page)).toBe(trips0 + 2);
    const best = await pane
      .locator('tr[data-person]')
      .evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-person')} ${tr.querySelector('[data-best]')!.textContent}`));
    // What the CLI says for the same file.
    const { report } = await kaoheJson('annual', join(__dirname, '..', '..', 'examples', 'gwy-2020-year.xlsx'));
    expect(best).toEqual(
      report.people.map(
        (p: { name: string; decided: string | null; maxGrade: string | null }) => `${p.name} ${p.decided ?? p.maxGrade ?? '另行确定'}`,
      ),
    );
    await shot(page, '20-year-rolled-up');

    await pane.getByRole('button', { name: '预览汇总表' }).click();
    await pane.getByRole('button', { name: '生成汇总表' }).click();
    await pane.getByText(/已新增工作表：平时考核结果汇总表、年度考核登记汇总表/).waitFor();
    expect(await tabs()).toEqual([...before, '平时考核结果汇总表', '年度考核登记汇总表']);
    // The first form is shown, with its chart beside the distribution table.
    await page.locator('td[data-cell="A1"]', { hasText: '公务员平时考核结果汇总表' }).waitFor();
    expect(await page.locator('#charts p[data-chart="ColumnClustered"]').textContent()).toMatch(
      /^图表“各季度等次分布”：ColumnClustered，数据 A\d+:E\d+/,
    );
    await shot(page, '21-year-forms-added');

    await pane.getByRole('button', { name: '删除生成的汇总表' }).click();
    await pane.getByText('已删除生成的 2 个汇总表，工作簿恢复原样').waitFor();
    expect(await tabs()).toEqual(before);
  });
});

describe('organisations on the month workbook (qu-zuzhi-2014)', () => {
  it('ranks the units within 街道 and 区直单位, writes the places, and rolls the months up into the alerts', async () => {
    const { page, pane } = await openPage('width=320&book=examples/qu-zuzhi-2014-months.xlsx');
    await pane.getByText('按表头识别：区组织工作考核（街道党工委、区直机关党组织） · qu-zuzhi-2014').waitFor();
    await openTab(pane, '排名');
    const streets = pane.getByRole('region', { name: '街道' });
    await streets.getByText('街道（5 个单位）').waitFor();
    // 1月: 东城 90, 西城 85, 中山 82, 南湖 80, 北山 75.
    expect(await streets.locator('li').evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-place')} ${li.textContent}`))).toEqual(
      ['1 东城街道 90', '2 西城街道 85', '3 中山街道 82', '4 南湖街道 80', '5 北山街道 75'],
    );
    expect(await seriousViolations(pane)).toEqual([]);
    expect(await pane.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await streets.getByRole('button', { name: '北山街道' }).click();
    await page.locator('td[data-cell="B6"].selected').waitFor();
    await shot(page, '30-units-ranked');

    await openTab(pane, '计算');
    await pane.getByRole('button', { name: '预览写入内容' }).click();
    await pane.getByText('将写入 8 个单位：总分 8 个、排名 8 个').waitFor();
    await pane.getByRole('button', { name: '写入表格' }).click();
    await page.locator('td[data-cell="G6"]', { hasText: '5' }).waitFor(); // 北山街道, last of 5 in 1月
    await shot(page, '31-places-written');

    await openTab(pane, '年度汇总');
    await pane.getByRole('button', { name: '汇总全年' }).click();
    await pane.getByText(/已汇总：1月、2月、3月、4月$/).waitFor();
    const { report } = await kaoheJson('annual', join(__dirname, '..', '..', 'examples', 'qu-zuzhi-2014-months.xlsx'));
    // A card a unit at 320 px (a table row at 500).
    const shown = await pane.locator('[data-layout] [data-person]').evaluateAll((els) => els.map((el) => el.textContent ?? ''));
    report.people.forEach((p: { name: string; flags: string[] }, i: number) => {
      for (const f of p.flags) expect(shown[i]).toContain(f);
    });
    expect(await seriousViolations(pane)).toEqual([]);
    await shot(page, '32-months-rolled-up');
  });
});

describe('people first (issue 17)', () => {
  for (const width of [320, 500]) {
    it(`lists everyone in 人员, filters by status and name, and selects a person’s row, at ${width} px`, async () => {
      const { page, pane } = await open(width);
      // Issues name the person first, the cell second.
      expect(await pane.locator('button[data-cell="E10"]').getAttribute('data-person')).toBe('杨帆');
      await openTab(pane, '人员');
      await pane.getByText('共 16 人').waitFor();
      expect(await pane.locator('button[data-status]').count()).toBe(16);
      await pane.getByText('不定等次（试用期）').waitFor();
      await shot(page, `40-people-${width}`);
      await pane.getByLabel('状态').selectOption('ungraded');
      await pane.getByText('显示 2 人，共 16 人').waitFor();
      expect(await pane.locator('button[data-status]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-person')))).toEqual([
        '徐涛',
        '孙晓',
      ]);
      expect(await seriousViolations(pane)).toEqual([]);
      await shot(page, `41-people-ungraded-${width}`);
      await pane.getByLabel('状态').selectOption('all');
      await pane.getByRole('searchbox', { name: '按姓名查找' }).fill('杨');
      await pane.getByText('显示 1 人，共 16 人').waitFor();
      await pane.getByRole('button', { name: /^杨帆/ }).click();
      await page.locator('td[data-cell="B10"].selected').waitFor();
      expect(await pane.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await shot(page, `42-people-selected-${width}`);
    });

    it(`shows issues without a cell as readable rows, not disabled buttons, and axe checks them, at ${width} px`, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(EXAMPLE);
      wb.worksheets[0]!.getCell('P4').value = '其他'; // 工作负荷 can no longer be found: an issue without a cell
      const variant = join(tempDir(), '缺列.xlsx');
      await wb.xlsx.writeFile(variant);
      const { page, pane: first } = await open(width);
      await page.setInputFiles('#file', variant);
      const pane = await paneFrame(page, first);
      const row = pane.locator('[data-nocell][data-rule="missing-column"]');
      await row.getByText('表中找不到“工作负荷”列', { exact: false }).waitFor();
      expect(await row.evaluate((el) => [el.tagName, el.closest('button') === null, getComputedStyle(el).color])).toEqual([
        'DIV',
        true,
        'rgb(36, 36, 36)',
      ]);
      expect(await pane.locator('button[data-rule]:disabled').count()).toBe(0);
      await row.scrollIntoViewIfNeeded();
      expect(await seriousViolations(pane)).toEqual([]);
      await shot(page, `43-issue-without-cell-${width}`);
    });
  }
});

describe('layout and accessibility', () => {
  for (const width of [320, 500]) {
    it(`has no serious accessibility problem and no sideways scrolling at ${width} px, on every view`, async () => {
      const { page, pane } = await open(width);
      const views: [string, () => Promise<void>][] = [
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
            await pane.getByRole('button', { name: '预览写入内容' }).click();
            await pane.getByText('将写入 11 人：总分 9 人、等次 11 人').waitFor();
          },
        ],
        ['quota', async () => openTab(pane, '名额')],
        ['columns', async () => openTab(pane, '列对应')],
        [
          'annual',
          async () => {
            await openTab(pane, '年度汇总');
            await pane.getByRole('button', { name: '汇总全年' }).click();
            await pane.getByRole('button', { name: '预览汇总表' }).click();
            await pane.getByText('平时考核结果汇总表：', { exact: false }).waitFor();
          },
        ],
      ];
      for (const [name, show] of views) {
        await show();
        expect([name, await seriousViolations(pane)]).toEqual([name, []]);
        const overflow = await pane.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect([name, overflow]).toEqual([name, 0]);
        await shot(page, `a11y-${width}-${name}`);
      }
    });
  }

  it('measures contrast only after a button has finished fading back from disabled', async () => {
    // The cause of a test that failed now and then on a loaded machine: a button enabled again is measured while
    // it still fades from disabled grey to its own colours. Fluent's 100 ms fade is stretched to 2 s here, so the
    // half-way colour is there to be measured every time.
    const { pane } = await open(320);
    await pane.addStyleTag({ content: '.fui-Button { transition-duration: 2s !important; }' });
    await openTab(pane, '计算');
    const previewButton = pane.getByRole('button', { name: '预览写入内容' });
    await pane.evaluate(() =>
      (
        window.parent as unknown as { kaohePreview: { book: { userEdit: (s: string, c: string, v: number) => Promise<void> } } }
      ).kaohePreview.book.userEdit('第一季度', 'E5', 5),
    );
    await pane.getByText('表格在检查之后有改动，请重新检查后再写入').waitFor();
    expect(await previewButton.isDisabled()).toBe(true);
    await pane.waitForTimeout(2500); // the fade to disabled grey has ended
    await pane.getByRole('button', { name: '重新检查' }).last().click();
    await pane.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === '预览写入内容' && !b.disabled));
    const midway = await seriousViolations(pane, { settle: false });
    expect(midway.map((v) => v.id)).toContain('color-contrast');
    expect(await seriousViolations(pane)).toEqual([]);
  });

  it('is usable by keyboard alone: tab to an issue and open it with Enter', async () => {
    const { page, pane } = await open(320);
    const issue = pane.locator('button[data-cell="E10"]');
    for (let i = 0; i < 30 && !(await issue.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await issue.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('td[data-cell="E10"].selected').waitFor();
  });
});
