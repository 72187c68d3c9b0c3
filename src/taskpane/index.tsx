/**
 * The task pane's entry: the pane with the host it runs in — Excel (Office.js, once Office is ready) or WPS 表格
 * (window.Application, no office.js; its host is a chunk of its own) — in the host's language and theme.
 */
/* global Office, document, window, navigator */
import { FluentProvider } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { type Locale, localeFromTag } from '../engine';
import { ExcelHost } from '../hosts/excel/excel-host';
import type { Host } from '../hosts/host';
import { inWps } from '../hosts/wps/et';
import { Pane } from './Pane';
import { PaneErrorBoundary } from './PaneErrorBoundary';
import { themeFor } from './theme';

/** Excel on the web runs the pane in a browser, which saves a download; desktop Office's webviews do not. */
function downloadsWork(): boolean {
  try {
    return Office.context.platform === Office.PlatformType.OfficeOnline;
  } catch {
    return false;
  }
}

/** `downloads`: whether a file download reaches the user here (else 导出方案 offers 复制方案 and the 方案说明表). */
async function show(host: () => Host, locale: Locale, background: string | undefined, downloads: boolean): Promise<void> {
  // A webview too old for the pane: the boot script (src/boot/boot.js) shows why instead.
  if ((window as { kaoheUnsupported?: boolean }).kaoheUnsupported) return;
  // English is a chunk of its own: loaded before anything shows, so the pane never speaks two languages.
  if (locale === 'en') (await import(/* webpackChunkName: "english" */ './english')).registerPaneEnglish();
  document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={themeFor(background)}>
      <PaneErrorBoundary locale={locale}>
        <Pane host={host()} locale={locale} downloads={downloads} />
      </PaneErrorBoundary>
    </FluentProvider>,
  );
}

if (inWps(window as unknown as Record<string, unknown>)) {
  void import(/* webpackChunkName: "wps" */ '../hosts/wps/wps-host').then(({ WpsHost }) =>
    // WPS's webview is not known to save a download: the scheme leaves by copy or by its sheet.
    show(() => new WpsHost(), localeFromTag(navigator.language), undefined, false),
  );
} else {
  void Office.onReady(async () => {
    let background: string | undefined;
    try {
      background = Office.context.officeTheme?.bodyBackgroundColor;
    } catch {
      background = undefined; // hosts without theme colours: the light theme
    }
    await show(() => new ExcelHost(), localeFromTag(Office.context.displayLanguage), background, downloadsWork());
  });
}
