/**
 * The e2e tests' browser: Debian's Chromium driven by playwright-core (never a downloaded
 * browser), the built preview served on a free port of 127.0.0.1, screenshots saved under
 * test-artifacts/e2e (git-ignored), and axe-core for the accessibility checks.
 *
 * The preview's Excel runs at the ExcelApi level KAOHE_E2E_API names (1.7, 1.9 or 1.20, the default): every page
 * opened here gets it, unless its query names its own `api=`; screenshots below 1.20 go to a folder of their own.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';

/** The ExcelApi levels the preview's Excel can run as (src/preview/page.ts). */
const API_LEVELS = ['1.7', '1.9', '1.20'];

/** The ExcelApi level this run of the suite is at (KAOHE_E2E_API; 1.20 when unset). */
export const E2E_API: string = (() => {
  const asked = process.env['KAOHE_E2E_API'];
  if (asked === undefined || asked === '') return '1.20';
  if (!API_LEVELS.includes(asked)) throw new Error(`KAOHE_E2E_API=${asked}: expected one of ${API_LEVELS.join(', ')}`);
  return asked;
})();

/** Whether this run's level has ExcelApi `version` (1.9 < 1.18). */
function hasApi(version: string): boolean {
  const [a, b] = E2E_API.split('.').map(Number) as [number, number];
  const [c, d] = version.split('.').map(Number) as [number, number];
  return a > c || (a === c && b >= d);
}

/** What the pane's Excel does differently at this run's level, as the tests see it (the host's `capabilities`). */
export const LEVEL = {
  /** Marks add a note to each cell besides its fill: ExcelApi 1.18. */
  notes: hasApi('1.18'),
  /** A write is one undo step (Ctrl+Z undoes it at once): ExcelApi 1.20. */
  undoGroup: hasApi('1.20'),
  /** A table Excel widened over kaohe's new columns is resized back (table.resize): ExcelApi 1.13. */
  tableResize: hasApi('1.13'),
};

/** The pane's answer to 标记 at this level (notes only where Excel has them). */
export const markedText = (n: number): string => `已标记 ${n} 个单元格（${LEVEL.notes ? '底色和批注' : '底色'}），可随时清除`;

/** The pane's answer to 写入表格 at this level (one Ctrl+Z only where Excel groups the write). */
export const writtenText = (n: number): string =>
  `已写入 ${n} 格。${LEVEL.undoGroup ? '可按 Ctrl+Z 一次撤销，或点“撤销”。' : '可点“撤销”恢复原样。'}`;

/** Screenshots: test-artifacts/e2e at 1.20, test-artifacts/e2e/api-1.7 (…) below it, so no level overwrites another's. */
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'e2e', ...(E2E_API === '1.20' ? [] : [`api-${E2E_API}`]));

/** A preview query at this run's API level: `api=` added unless the query names its own. */
export function atLevel(query: string): string {
  if (new URLSearchParams(query).has('api')) return query;
  return query === '' ? `api=${E2E_API}` : `${query}&api=${E2E_API}`;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  browser: Browser;
  server: Server;
  url: string;
  close: () => Promise<void>;
}

export async function start(): Promise<Session> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const { startPreviewServer } = require('../../src/preview/serve.cjs') as { startPreviewServer: (port: number) => Promise<Server> };
  const server = await startPreviewServer(0);
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium', args: FLAGS });
  return {
    browser,
    server,
    url: `http://127.0.0.1:${port}/preview.html`,
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** The task pane's frame, once its page has loaded; `after`: a pane loaded after that one (the pane reloads). */
export async function paneFrame(page: Page, after?: Frame): Promise<Frame> {
  const old = after?.url();
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((x) => x.url().includes('preview-pane.html') && x.url() !== old);
    if (f) {
      await f.waitForLoadState('domcontentloaded');
      return f;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the task pane frame did not load');
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Opens a tab of the pane by its name: from the tab row, or from the 更多 (More) menu at its end when the tab does
 * not fit in the row (at 320 px).
 */
export async function openTab(pane: Frame, name: string): Promise<void> {
  await pane.getByRole('tablist').waitFor();
  const tab = pane.getByRole('tab', { name, exact: true });
  if ((await tab.count()) > 0) return tab.click();
  await pane.getByRole('button', { name: /^(更多|More)/ }).click();
  await pane.getByRole('menuitem', { name, exact: true }).click();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html?: string; failureSummary?: string }[];
}

/**
 * Waits until the frame's finite CSS transitions and animations have ended (a spinner's endless one is left
 * running), then for two frames to be painted. A Fluent button fades between its colours in 100 ms: one measured
 * just after it is enabled again (busy → idle) shows a colour half-way between disabled grey and its own, which no
 * one ever reads, and axe reports it as failing contrast — on a loaded machine, now and then.
 */
export async function settled(frame: Frame): Promise<void> {
  await frame.evaluate(async () => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
      if (running.length === 0 || Date.now() > deadline) break;
      await Promise.race([
        Promise.all(running.map((a) => a.finished.catch(() => undefined))),
        new Promise((r) => setTimeout(r, deadline - Date.now())),
      ]);
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/**
 * axe-core's serious and critical violations in a frame, measured once its transitions have ended
 * (`settle: false` measures at once: only to show what measuring mid-transition does).
 */
export async function seriousViolations(frame: Frame, { settle = true } = {}): Promise<AxeViolation[]> {
  if (settle) await settled(frame);
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE);
  const result = (await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    // Fluent UI's focus manager (Tabster) adds 1-px sentinels, aria-hidden yet focusable, that pass focus on at
    // once; axe reports them as aria-hidden-focus. They are left out, and only they.
    const context = { include: [document.documentElement], exclude: [['[data-tabster-dummy]']] };
    return axe.run(context as unknown as Document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
  })) as { violations: AxeViolation[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
}

/** Every cell's text in the grid view, by address. */
export async function gridTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('td[data-cell]')].map((td) => [td.getAttribute('data-cell')!, td.textContent ?? ''])),
  );
}

/**
 * The preview for one test file: the server and browser started once, and `openPage(query)` giving every test a
 * browser context of its own (fresh page, storage, focus and pointer at 0,0), closed after the test even when it
 * fails — what one test did can never change what the next one measures. Call at the top of a test file.
 */
export function previewPages(): { openPage: (query: string) => Promise<{ page: Page; pane: Frame }> } {
  let s: Session;
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    s = await start();
  }, 60000);
  afterAll(async () => {
    await s?.close();
  });
  afterEach(async () => {
    if ((globalThis as { kaoheTestFailed?: boolean }).kaoheTestFailed === true) {
      const pages = contexts.flatMap((c) => c.pages());
      const test = expect.getState().currentTestName ?? 'test';
      const file = test.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      for (const [i, page] of pages.entries()) console.log(await describePage(page, test, `failed-${file}-${i + 1}`));
    }
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });
  /** A new page on the preview with these query parameters (width, lang, book), and its pane. */
  const openPage = async (query: string): Promise<{ page: Page; pane: Frame }> => {
    const context = await s.browser.newContext({ viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${s.url}?${atLevel(query)}`);
    return { page, pane: await paneFrame(page) };
  };
  return { openPage };
}

/**
 * `work`'s result, or in words why there is none: it failed, or took longer than `ms` (a page whose renderer is
 * busy answers nothing).
 */
async function within<T>(ms: number, work: Promise<T>): Promise<T | string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((r) => (timer = setTimeout(() => r('no answer'), ms)));
  try {
    return await Promise.race([work.catch((e: unknown) => `failed: ${String(e)}`), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A page left open by the failed `test`, in words, and its screenshot (test-artifacts/e2e/`name`.png): for each frame,
 * whether it is visible and draws frames (a requestAnimationFrame answered), where it is scrolled, which controls
 * are moving (rectangles 300 ms apart), what is busy, and its text. Each question is bounded in time.
 */
async function describePage(page: Page, test: string, name: string): Promise<string> {
  const lines = [`e2e failure: ${test} — page ${name}: ${page.url()}`];
  const shotTaken = await within(
    5000,
    shot(page, name).then(() => `${name}.png`),
  );
  lines.push(`  screenshot: ${shotTaken}`);
  for (const frame of page.frames()) {
    const state = await within(
      5000,
      frame.evaluate(async () => {
        const raf = await Promise.race([
          new Promise<string>((r) => requestAnimationFrame(() => r('drawn'))),
          new Promise<string>((r) => setTimeout(() => r('no frame in 1 s'), 1000)),
        ]);
        const controls = () =>
          [...document.querySelectorAll('button, [role="tab"], input, textarea')].map((el) => {
            const r = el.getBoundingClientRect();
            return {
              text: (el.textContent || el.getAttribute('aria-label') || el.tagName).slice(0, 20),
              at: `${r.left},${r.top},${r.width}x${r.height}`,
            };
          });
        const before = controls();
        await new Promise((r) => setTimeout(r, 300));
        const moving = controls().flatMap((c, i) =>
          before[i] !== undefined && before[i].at !== c.at ? [`${c.text} ${before[i].at} -> ${c.at}`] : [],
        );
        const root = document.scrollingElement;
        return [
          `visibility ${document.visibilityState}, focus ${document.hasFocus()}, animation frame: ${raf}`,
          `scrolled ${root?.scrollTop ?? 0} of ${root?.scrollHeight ?? 0}, window ${innerWidth}x${innerHeight}`,
          `busy: ${[...document.querySelectorAll('[aria-busy="true"], [role="progressbar"]')].length}, running animations: ${document.getAnimations().length}`,
          `moving: ${moving.length === 0 ? 'nothing' : moving.slice(0, 8).join('; ')}`,
          `text: ${(document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 600)}`,
        ];
      }),
    );
    lines.push(`  frame ${frame.url().split('?')[0]}:`);
    for (const l of Array.isArray(state) ? state : [state]) lines.push(`    ${l}`);
  }
  return lines.join('\n');
}
