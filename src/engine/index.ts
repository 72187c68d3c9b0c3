/**
 * The engine's front door: a Grid and a Scheme in, Results out. Host-free: nothing here or
 * below imports Office.js, React, the DOM or Node.
 */

// The public API: everything outside the engine imports from here, never from its modules (npm run lint checks).
// Cells and addresses.
export { a1, type Area, areaA1, type CellValue, columnLetters, type Grid, GridView, isCellError, parseA1, parseArea } from './grid';
// What kaohe keeps in a workbook.
export { emptySettings, type MarkRecord, parseSettings, SETTINGS_KEY, storedOverrides, type WorkbookSettings } from './settings';
// Text of cells.
export { displayWidth, numberFromText } from './text';
// Reading a sheet: columns and rows.
export { type Column, type ColumnRole, IDENTITY_ROLES, type IdentityRole } from './table/columns';
export { isDateFormat } from './table/cells';
export { columnOf, type ColumnOverrides } from './table/read';
export { unitOfTitle } from './table/unit';
// Schemes: the model, loading, checking.
export { type Scheme, schemeJsonSchema } from './scheme/model';
export { LADDERS, RATING_EFFECTS } from './scheme/ids';
export { loadScheme, parseScheme } from './scheme/load';
// The validator above is loaded on demand in the task pane: until then validateScheme throws SchemeValidatorMissing.
export {
  hasSchemeValidator,
  inferredScheme,
  provideSchemeValidator,
  SchemeError,
  schemeErrorText,
  type SchemeResolver,
  SchemeValidatorMissing,
  validateScheme,
} from './scheme/error';
export { compileScheme } from './scheme/fields';
export { checkScheme } from './scheme/check';
// A scheme in words, compared with another, and changed by settings (kaohe scheme --set, the 方案 view).
export { describeScheme, schemeChanges, type SchemeChange, type SchemeLine, type SchemeSection } from './scheme/editor/describe';
export { applySettings, parseSetting, SettingError, type SchemeSetting, type SettingProblem } from './scheme/editor/edit';
export {
  ANNUAL_EFFECTS,
  ANNUAL_OPS,
  type AnnualEffect,
  type AnnualOp,
  describeWords,
  type DescribeWords,
  type SectionKey,
} from './scheme/editor/words';
export { LEAVE_KINDS } from './grade/leave';
export { periodDays } from './grade/conditions';
export { type Outcome, type PersonChange, type QuotaChange, type ResultChanges, resultChanges } from './scheme/editor/tried';
export { editedLines, mayHoldScheme, SCHEME_DATA_LABEL, schemeForm, schemeOnSheet, type SchemeOnSheet } from './scheme/editor/sheet';
// Results and issues, and their words.
export { type Person, type QuotaResult, type QuotaScope, type Results } from './results';
export { type Issue, type Severity } from './report/issue';
export { type Locale, localeFromTag } from './report/locale';
export {
  fitReasonText,
  fmt,
  noFitSentence,
  noteText,
  pct,
  reportRuleName,
  ruleName,
  schemeSentence,
  scopeName,
  words,
} from './report/messages';
export { problemText as schemeProblemText } from './report/messages';
export { registerEngineEnglish } from './report/english';
// How well a scheme fits a sheet.
export { FIT_LIMITS, type Fit, type FitCode, type FitReason, type SchemeSource, weakestReason } from './fit/fit';
export { type CheckReport, type FitDetail, type IssueJson, type QuotaJson, scopeOfJson, toReport } from './report/report';
export { readTextLiteral } from './expr/parse';
// The write plan.
export { applyToGrid, buildPlan, buildSheetPlan, type CellContent, type CellWrite, contentAt, type Plan, undoPlan } from './plan/plan';
// The year: period sheets, roll-up, summary forms.
export { findPeriodSheets, guessPeriodSheets, monthOf, periodLabel, type PeriodSheet, periodUnit, quarterOf } from './annual/periods';
export { type AnnualResults, type PeriodResults } from './annual/rollup';
export { rollUpSheetPeriods, rollUpYear, yearForms } from './annual/year';
export { type AnnualReport, toAnnualReport } from './annual/report';
export { type Form, quarterlyForm } from './annual/forms';
export { FORM_FONT, FORM_STYLES, formLayout, type FormLayout, freeSheetName, looksLikeFormula } from './annual/layout';
// A sheet's own scheme, when no preset fits (the app asks for it through inferredScheme above: in the task pane it is loaded on demand).
export { inferScheme } from './infer/infer';

// Checking a sheet, and how well a scheme fits it.
export { checkGrid, checkSheet, type CheckOptions, compiled, findRoster, measureFit, rankFits } from './check';
export { TableReads } from './table/reads';

// Per-person forms (登记表): one person a sheet, read into one roster and checked like any other.
export { type FormPerson, type FormProblem, type FormRead, readForm } from './table/form';
export { checkForms, type FormsResults, type FormsRoster, formsRoster, toFormsReport } from './forms';
