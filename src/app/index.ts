/**
 * The use cases every entry point shares — the task pane, the ribbon's one-click command, the
 * command line and the preview: analyse a sheet (choose the scheme, apply the column corrections,
 * check, plan the writes) and prepare the year. Host-neutral: they read a WorkbookSource.
 */
export { activeSheet, type SheetSource, type WorkbookSource } from './workbook';
export { chooseSheetAndScheme, schemeForSheet, storedSchemeOf, type Choice, type SchemeSource, type StoredProblem } from './choose';
export { analyseSheet, analysisSentence, basedOnName, planFor, type AnalyseOutcome, type AnalyseRequest, type Analysis } from './analyse';
export { prepareYear, type YearRequest, type YearRun } from './year';
export { formsOf, type FormsBook } from './forms';
export { editScheme, type EditRequest, schemeCopy } from './scheme-edit';
export { presetOrCopy } from './preset-copy';
export {
  analyseAllSheets,
  type SheetCheck,
  type SheetLine,
  sheetsForm,
  sheetSummary,
  type SheetSummary,
  type TopGrade,
  type WorkbookCheck,
} from './all-sheets';
