/** What every command that reads a workbook shares: the workbook as the use cases read it, why its stored scheme cannot be used, its report. */
import type { Analysis, StoredProblem, WorkbookSource } from '../app';
import { describeWords, type Locale, type Scheme, schemeChanges, schemeErrorText, toFormsReport, toReport } from '../engine';
import { preset } from '../schemes';
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

/** The report of a check, with how its scheme was chosen and how well it fits; for a changed copy of a preset, what differs. */
export const reportOf = (a: Analysis, locale: Locale) => {
  const report = a.forms
    ? toFormsReport(a.forms, locale, { source: a.source, fit: a.fit })
    : toReport(a.results, locale, { source: a.source, fit: a.fit });
  const changes = changesFromPreset(a.scheme, locale);
  return changes ? { ...report, schemeChanges: changes } : report;
};

/** What a changed copy of a preset says differently from it, line by line; null for a scheme that is no such copy. */
export function changesFromPreset(scheme: Scheme, locale: Locale): string[] | null {
  const base = scheme.basedOn !== undefined ? preset(scheme.basedOn) : undefined;
  if (!base) return null;
  const dw = describeWords(locale);
  return schemeChanges(base, scheme, locale).map((c) =>
    c.before === null ? dw.added(c.after!) : c.after === null ? dw.removed(c.before) : dw.changed(c.after, c.before),
  );
}
