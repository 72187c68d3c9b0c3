/** The task pane's entry: once Office is ready, the pane with the Excel host, in Office's language and theme. */
/* global Office, document, window */
import { FluentProvider } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { localeFromTag } from '../engine';
import { ExcelHost } from '../hosts/excel/excel-host';
import { Pane } from './Pane';
import { PaneErrorBoundary } from './PaneErrorBoundary';
import { themeFor } from './theme';

void Office.onReady(async () => {
  // A webview too old for the pane: the boot script (src/boot/boot.js) shows why instead.
  if ((window as { kaoheUnsupported?: boolean }).kaoheUnsupported) return;
  const locale = localeFromTag(Office.context.displayLanguage);
  // English is a chunk of its own: loaded before anything shows, so the pane never speaks two languages.
  if (locale === 'en') (await import(/* webpackChunkName: "english" */ './english')).registerPaneEnglish();
  document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  let background: string | undefined;
  try {
    background = Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    background = undefined; // hosts without theme colours: the light theme
  }
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={themeFor(background)}>
      <PaneErrorBoundary locale={locale}>
        <Pane host={new ExcelHost()} locale={locale} />
      </PaneErrorBoundary>
    </FluentProvider>,
  );
});
