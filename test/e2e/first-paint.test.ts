/**
 * The task pane's first paint (issue 17): the HTML alone shows the title, a spinner and one line before the
 * bundle has arrived — proved by holding back the request for taskpane.js — and React replaces it in place,
 * with the title where it was. Accessibility of the skeleton at 320 px.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { atLevel, seriousViolations, shot, start, type Session } from './browser';

let s: Session;
let context: BrowserContext | undefined;

beforeAll(async () => {
  s = await start();
}, 60000);
afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await s?.close();
});

/** The pane's frame as soon as it exists: its DOMContentLoaded waits for the deferred bundle, which is held back. */
async function paneFrameEarly(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((x) => x.url().includes('preview-pane.html'));
    if (f) return f;
    await page.waitForTimeout(100);
  }
  throw new Error('the task pane frame did not appear');
}

describe('the task pane before its JavaScript', () => {
  it('paints the skeleton while the bundle is held back, then the pane replaces it without moving the title', async () => {
    context = await s.browser.newContext({ viewport: { width: 1400, height: 900 } });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let bundleServed = false;
    await context.route('**/taskpane.js', async (route) => {
      await held;
      bundleServed = true;
      await route.continue();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${s.url}?${atLevel('width=320&lang=zh-CN')}`);
    const pane = await paneFrameEarly(page);

    // The bundle has not been served: all that shows is the page's own HTML and CSS.
    await pane.getByText('正在读取表格…').waitFor();
    expect(bundleServed).toBe(false);
    const title = pane.getByRole('heading', { level: 1, name: '考核助手' });
    expect(await title.isVisible()).toBe(true);
    const spinner = pane.locator('.kh-spin');
    expect(await spinner.evaluate((el) => getComputedStyle(el).animationName)).toBe('kh-spin');
    // The pane's whole width (the 320-px frame less its border), as the pane will be.
    const boot = (await pane.locator('#kh-boot').boundingBox())!;
    expect(boot.width).toBe(await pane.evaluate(() => document.documentElement.clientWidth));
    expect(boot.width).toBeGreaterThan(310);
    await shot(page, 'first-paint-320');
    expect(await seriousViolations(pane)).toEqual([]);
    const before = (await title.boundingBox())!;

    release();
    await pane.getByText('16 人：定等次 12，不定等次 2，不参加 2').waitFor();
    expect(bundleServed).toBe(true);
    expect(await pane.locator('#kh-boot').count()).toBe(0);
    const after = (await pane.getByRole('heading', { level: 1, name: '考核助手' }).boundingBox())!;
    expect((await pane.locator('main').boundingBox())!.width).toBe(boot.width);
    expect(Math.abs(after.x - before.x)).toBeLessThan(1);
    expect(Math.abs(after.y - before.y)).toBeLessThan(1);
    expect(Math.abs(after.height - before.height)).toBeLessThan(1);
    await shot(page, 'first-paint-320-mounted');
  });
});
