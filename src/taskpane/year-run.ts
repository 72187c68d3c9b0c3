/** 年度汇总 in the pane: the year's use case and the forms' layout, in the chunk loaded on the first roll-up (session.runYear). */
import { prepareYear, type YearRun } from '../app';
import { formLayout, type FormLayout, type Locale, type Scheme } from '../engine';
import type { SheetRead, WorkbookSheets } from '../hosts/host';

/** The year rolled up in the pane, with its forms laid out for the sheet, or why it could not be. */
export type PaneYear =
  | Exclude<YearRun, { kind: 'ok' } | { kind: 'unknown-sheet' }>
  | (Omit<Extract<YearRun, { kind: 'ok' }>, 'forms'> & { forms: FormLayout[] });

export function yearIn(book: WorkbookSheets, read: SheetRead, scheme: Scheme | undefined, locale: Locale): PaneYear {
  const run = prepareYear(
    {
      sheets: book.names.filter((n) => book.grids.has(n)).map((name) => ({ name, visible: true, grid: () => book.grids.get(name)! })),
      settings: read.settings,
      settingsBroken: read.settingsBroken,
    },
    { scheme, locale },
  );
  // The pane never names the sheets: every period sheet it asks for is in the book.
  if (run.kind === 'unknown-sheet') return { kind: 'no-periods' };
  return run.kind === 'ok' ? { ...run, forms: run.forms.map(formLayout) } : run;
}
