/**
 * The boot script (src/boot/boot.js) in the webviews Office uses, each given as the globals it has: plain ES5 that
 * parses everywhere, a message in Chinese (English when Office is English) where the pane cannot run, and nothing
 * in the way where it can.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { JSDOM } from 'jsdom';

const { syntaxError } = require('../../src/boot/check-syntax.cjs') as { syntaxError: (s: string, v: number) => string | null };

const BOOT = readFileSync(join(__dirname, '../../src/boot/boot.js'), 'utf8');
const CHROMIUM =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';
const EDGEHTML =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045';
const TRIDENT = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko';

/** A page (task pane or dialog, or the ribbon's function file) with the boot script run in a window of these globals. */
async function boot(options: { ua?: string; language?: string; without?: string[]; page?: string } = {}) {
  const dom = new JSDOM(
    `<!doctype html><html lang="zh-CN"${options.page ? ` data-page="${options.page}"` : ''}><body><div id="root">正在读取表格…</div></body></html>`,
    { url: `https://kaohe.example.gov.cn/addin/${options.page ?? 'taskpane'}.html?_host_Info=Excel` },
  );
  const window = dom.window as unknown as Record<string, unknown>;
  // What a current Chromium has (jsdom lacks some of it), less what the webview named lacks.
  const has: Record<string, unknown> = {
    Promise,
    WeakRef,
    ResizeObserver: class {},
    queueMicrotask,
    Object,
    Array,
    RegExp,
  };
  for (const name of options.without ?? []) has[name] = undefined;
  Object.assign(window, has);
  Object.defineProperty(window, 'navigator', { value: { userAgent: options.ua ?? CHROMIUM, language: options.language ?? 'zh-CN' } });
  runInNewContext(BOOT, window);
  // The page as it stands once parsed (the message replaces the content at DOMContentLoaded).
  if (dom.window.document.readyState === 'loading') await new Promise((r) => dom.window.document.addEventListener('DOMContentLoaded', r));
  return { window, document: dom.window.document };
}

describe('the boot script', () => {
  it('is plain ES5, so that Internet Explorer’s webview runs it', () => {
    expect(syntaxError(BOOT, 5)).toBeNull();
    // The check can fail: an arrow function is not ES5.
    expect(syntaxError('var f = () => 1;', 5)).toMatch(/Unexpected token/);
  });

  it('lets a webview that has everything the pane needs run it, the page untouched', async () => {
    const { window, document } = await boot();
    expect(window['kaoheUnsupported']).toBe(false);
    expect(document.getElementById('root')!.textContent).toBe('正在读取表格…');
  });

  it.each([
    ['Trident (Office 2016 MSI, volume-licensed 2019)', { ua: TRIDENT }, 'trident'],
    ['EdgeHTML (Office 2016/2019 retail without WebView2)', { ua: EDGEHTML }, 'edgehtml'],
    ['an engine without WeakRef (Fluent UI’s focus management)', { without: ['WeakRef'] }, 'WeakRef'],
    ['an engine without ResizeObserver', { without: ['ResizeObserver'] }, 'ResizeObserver'],
  ])('shows the message in Chinese instead of a blank pane in %s', async (_name, options, why) => {
    const { window, document } = await boot(options);
    expect(window['kaoheUnsupported']).toBe(true);
    expect((window['kaoheBoot'] as { missing: string }).missing).toBe(why);
    expect(document.getElementById('root')).toBeNull();
    expect(document.querySelector('[role=alert]')!.textContent).toBe(
      '考核助手此版本的 Office 不支持本加载项，请升级到 Microsoft 365 或 Office 2021 及以上版本（Windows 上需安装 Microsoft Edge WebView2），或在浏览器中使用网页版 Excel，或使用命令行版（kaohe）。',
    );
  });

  it('says it in English when the webview is English', async () => {
    const { document } = await boot({ ua: TRIDENT, language: 'en-US' });
    expect(document.querySelector('[role=alert] p')!.textContent).toMatch(
      /^This version of Office cannot run this add-in\. Please upgrade/,
    );
    expect(document.documentElement.lang).toBe('en');
  });

  it('makes the ribbon command open the dialog (which says why) and complete, where the commands bundle cannot run', async () => {
    const { window } = await boot({ ua: EDGEHTML, page: 'commands' });
    const opened: string[] = [];
    window['Office'] = {
      context: {
        ui: {
          displayDialogAsync: (url: string, _o: unknown, cb: () => void) => {
            opened.push(url);
            cb();
          },
        },
      },
    };
    let completed = 0;
    (window['computeGrades'] as (e: unknown) => void)({ completed: () => completed++ });
    expect(opened).toEqual(['https://kaohe.example.gov.cn/addin/dialog.html']);
    expect(completed).toBe(1);
  });
});
