/** The task pane's entry: once Office is ready, the pane with the Excel host, in Office's language and theme. */
/* global Office, document */
import { FluentProvider } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { localeFromTag } from '../engine';
import { ExcelHost } from '../hosts/excel/excel-host';
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

void Office.onReady(async () => {
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
        <Pane host={new ExcelHost()} locale={locale} downloads={downloadsWork()} />
      </PaneErrorBoundary>
    </FluentProvider>,
  );
});
