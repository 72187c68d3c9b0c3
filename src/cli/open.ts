/** What every command that reads a workbook shares: the workbook as the use cases read it, why its stored scheme cannot be used, its report. */
import type { Analysis, StoredProblem, WorkbookSource } from '../app';
import { type Locale, schemeErrorText, toFormsReport, toReport } from '../engine';
import { readStoredSettings } from '../hosts/file/settings';
import type { ReadWorkbook } from '../hosts/file/xlsx';
import type { CliWords } from './words';

/** The workbook as the use cases read it: its sheets, and the settings the task pane stored in an .xlsx. */
export async function workbookSource(opened: ReadWorkbook): Promise<WorkbookSource> {
  const stored = opened.format === 'xlsx' ? await readStoredSettings(opened.data) : ({ found: false } as const);
  return { sheets: opened.sheets, settings: stored.found ? stored.settings : null, settingsBroken: stored.found && !stored.settings };
}

/** Why a stored scheme that is to be used cannot be (a silent substitute could be the wrong scheme); null when there is no such problem. */
export function storedProblemText(problem: StoredProblem | null | undefined, w: CliWords, locale: Locale): string | null {
  if (!problem) return null;
  if (problem.kind === 'unreadable') return w.storedUnreadable;
  if (problem.kind === 'unknown-preset') return w.storedUnknownPreset(problem.id);
  return w.storedInvalid(schemeErrorText(problem.error, locale));
}

/** The report of a check, with how its scheme was chosen and how well it fits. */
export const reportOf = (a: Analysis, locale: Locale) =>
  a.forms
    ? toFormsReport(a.forms, locale, { source: a.source, fit: a.fit })
    : toReport(a.results, locale, { source: a.source, fit: a.fit });
