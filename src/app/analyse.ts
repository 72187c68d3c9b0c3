/**
 * 检查 and 计算 for one sheet, as every entry point does them: the scheme chosen (./choose), the
 * column corrections in force (this session's, else those saved for the sheet), the check, and
 * the plan of what to write.
 */
import {
  buildSheetPlan,
  checkForms,
  checkSheet,
  type ColumnOverrides,
  type Fit,
  type FormsResults,
  type Grid,
  type Locale,
  type Plan,
  type Results,
  type Scheme,
  schemeSentence,
  storedOverrides,
  TableReads,
} from '../engine';
import { preset } from '../schemes';
import { chooseSheetAndScheme, type Choice, type SchemeSource, type StoredProblem } from './choose';
import type { WorkbookSource } from './workbook';

export interface AnalyseRequest {
  /** The scheme the user gave; else the stored one, else the best fit. */
  scheme?: Scheme;
  /** The sheet the user named; else the first visible sheet with a roster. */
  sheet?: string;
  /** Column corrections not saved yet (the pane's 列对应); else those saved in the workbook for the sheet. */
  columns?: ColumnOverrides;
  locale: Locale;
}

export interface Analysis {
  sheet: string;
  grid: Grid;
  scheme: Scheme;
  /** How the scheme was chosen, and how well it fits the sheet. */
  source: SchemeSource;
  fit: Fit;
  storedProblem: StoredProblem | null;
  /** The column corrections the check used. */
  overrides: ColumnOverrides;
  results: Results;
  /** A workbook of per-person forms: the roster built from them, and each person's sheet. Nothing is written into forms. */
  forms: FormsResults | null;
}

export type AnalyseOutcome = { ok: true; analysis: Analysis } | Exclude<Choice, { ok: true }>;

export function analyseSheet(book: WorkbookSource, req: AnalyseRequest): AnalyseOutcome {
  const reads = new TableReads();
  const choice = chooseSheetAndScheme(book, { ...req, reads });
  if (!choice.ok) return choice;
  const { sheet, grid, scheme, source, fit, storedProblem } = choice;
  if (choice.forms) {
    const forms = checkForms(choice.forms, scheme);
    if (forms)
      return {
        ok: true,
        analysis: { sheet: sheet.name, grid, scheme, source, fit, storedProblem, overrides: {}, results: forms.results, forms },
      };
  }
  const overrides = req.columns ?? storedOverrides(book.settings, sheet.name, scheme);
  const results = checkSheet(grid, scheme, { overrides, reads });
  // A column corrected by hand can leave the scheme without a roster on this sheet.
  if (!results)
    return {
      ok: false,
      problem: 'no-roster',
      sheet: sheet.name,
      tried: source === 'argument' || source === 'workbook' ? { scheme, source } : null,
      storedProblem,
    };
  return { ok: true, analysis: { sheet: sheet.name, grid, scheme, source, fit, storedProblem, overrides, results, forms: null } };
}

/** How the scheme was chosen, in one sentence (按表头识别：gwy-2020，17 个分项全部对上): what the report, the pane and the ribbon command say. */
export function analysisSentence(a: Analysis, locale: Locale): string {
  return schemeSentence(a.source, a.scheme.id, a.fit, locale, basedOnName(a.scheme, locale));
}

/** The name of the preset a changed copy is based on, as the report says it ("基于 <name> 修改"); null for a scheme that is no copy. */
export function basedOnName(scheme: Scheme, locale: Locale): string | null {
  const base = scheme.basedOn !== undefined ? preset(scheme.basedOn) : undefined;
  if (!base) return scheme.basedOn ?? null;
  return locale === 'en' ? (base.nameEn ?? base.name) : base.name;
}

/** What 计算 writes: totals, grades and places, as values or live formulas. */
export function planFor(a: Analysis, options: { formulas: boolean }): Plan {
  // The roster of a forms workbook is built in memory: a plan for it would name cells no form has.
  if (a.forms) throw new Error('kaohe writes no grades into per-person forms (登记表)');
  return buildSheetPlan(a.results, a.grid, options);
}
