/** Renders the task pane on a stub host, in Fluent's light theme, with a user to click it. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Grid } from '../../src/engine';
import { worksheetToGrid } from '../../src/hosts/file/sheet';
import { Pane } from '../../src/taskpane/Pane';
import { StubHost } from './stub-host';

// A whole pane rendered in jsdom, clicked through as a person would, takes seconds; on a machine busy with other
// suites (CI's two cores) the 30 s default is too tight for the longest and failed them for time alone.
jest.setTimeout(120_000);

/** The sheets of a bundled example workbook (examples/<file>). */
export async function exampleSheets(file: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(__dirname, '..', '..', 'examples', file));
  return wb.worksheets.map((ws) => worksheetToGrid(ws));
}

/** A stub host over a workbook's sheets with `active` as the active sheet. */
export function bookHost(sheets: Grid[], active: string): StubHost {
  const host = new StubHost(sheets.find((g) => g.sheet === active)!);
  host.others = sheets.filter((g) => g.sheet !== active);
  return host;
}

/** `downloads`: whether the pane runs where a download is saved (a browser), as the entry decides from Office's platform. */
export function openPane(host: StubHost, locale: 'zh' | 'en' = 'zh', downloads = true) {
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={host} locale={locale} downloads={downloads} />
    </FluentProvider>,
  );
  return user;
}
