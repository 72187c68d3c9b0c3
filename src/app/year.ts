/**
 * 年度汇总 as every entry point does it: the period sheets (named by the user, else found by name —
 * in quarters or months as the scheme says, or guessed when no scheme is known yet), the scheme
 * (given, stored, else the preset that fits the first period sheet best), each period checked with
 * the corrections saved for its sheet, the annual sheet found among the others, the roll-up, and
 * the summary forms.
 */
import {
  type AnnualResults,
  type Fit,
  findPeriodSheets,
  type Form,
  guessPeriodSheets,
  type Locale,
  monthOf,
  type PeriodResults,
  type PeriodSheet,
  periodUnit,
  quarterOf,
  checkSheet,
  rollUpSheetPeriods,
  rollUpYear,
  type Scheme,
  storedOverrides,
  yearForms,
} from '../engine';
import { schemeForSheet, storedSchemeOf, type SchemeSource } from './choose';
import type { WorkbookSource } from './workbook';

export interface YearRequest {
  /** The scheme the user gave; else the stored one, else the best fit on the first period sheet. */
  scheme?: Scheme;
  /** The period sheets the user named, in order; else found by name. */
  sheets?: string[];
  locale: Locale;
}

export type YearRun =
  | { kind: 'ok'; year: AnnualResults; checked: PeriodResults[]; forms: Form[]; source: SchemeSource }
  /** A sheet the user named is not in the workbook. */
  | { kind: 'unknown-sheet'; sheet: string; names: string[] }
  /** No sheet is named as a period (第一季度, Q1, 1月…). */
  | { kind: 'no-periods' }
  /** A period sheet holds no roster the scheme (or any preset) can read. */
  | { kind: 'no-roster'; sheet: string }
  /** Presets read the first period sheet, but none fits it clearly (and its own scheme cannot be inferred): the user is to choose. */
  | { kind: 'no-fit'; sheet: string; closest: Fit[] }
  | { kind: 'no-annual-rules'; scheme: string };

export function prepareYear(book: WorkbookSource, req: YearRequest): YearRun {
  const visible = book.sheets.filter((ws) => ws.visible);
  const stored = req.scheme ? undefined : storedSchemeOf(book, req.locale).scheme;
  const known = req.scheme ?? stored;
  let periods: PeriodSheet[];
  if (req.sheets !== undefined) {
    periods = [];
    for (const [i, name] of req.sheets.entries()) {
      const ws = book.sheets.find((x) => x.name === name || x.name.trim() === name);
      if (!ws) return { kind: 'unknown-sheet', sheet: name, names: book.sheets.map((x) => x.name) };
      const index = known?.period.unit === 'month' ? monthOf(ws.name) : quarterOf(ws.name);
      periods.push({ sheet: ws.name, index: index ?? i + 1 });
    }
  } else {
    // The scheme, when known, says whether the year is in quarters or months; else quarters, failing them months.
    const names = visible.map((x) => x.name);
    periods = known ? findPeriodSheets(names, periodUnit(known)) : guessPeriodSheets(names).periods;
  }
  if (periods.length === 0) return periodColumns(book, req, known, stored !== undefined);

  const grids = new Map(periods.map((p) => [p.sheet, book.sheets.find((x) => x.name === p.sheet)!.grid()]));
  const first = periods[0]!.sheet;
  const found = known ? null : schemeForSheet(grids.get(first)!);
  if (found && !found.scheme)
    return found.roster ? { kind: 'no-fit', sheet: first, closest: found.closest } : { kind: 'no-roster', sheet: first };
  const scheme = known ?? found!.scheme!;
  if (!scheme.annual) return { kind: 'no-annual-rules', scheme: scheme.id };
  const rolled = rollUpYear({
    scheme,
    periods: periods.map((p) => ({ ...p, grid: grids.get(p.sheet)! })),
    // The annual sheet, if any: another visible sheet with the columns the annual rules read, or annual grades.
    others: (function* () {
      for (const ws of visible) if (!grids.has(ws.name)) yield ws.grid();
    })(),
    overrides: (sheet) => storedOverrides(book.settings, sheet, scheme),
  });
  if (!rolled.ok) return { kind: 'no-roster', sheet: rolled.sheet };
  const source: SchemeSource = req.scheme ? 'argument' : stored ? 'workbook' : found!.scheme ? found!.source : 'preset';
  return { kind: 'ok', year: rolled.year, checked: rolled.checked, forms: yearForms(rolled.year, rolled.checked), source };
}

/** No sheet is named as a period: a sheet that keeps the periods side by side (第一季度 … 第四季度 columns) is the year. */
function periodColumns(book: WorkbookSource, req: YearRequest, known: Scheme | undefined, stored: boolean): YearRun {
  for (const ws of book.sheets.filter((x) => x.visible)) {
    const grid = ws.grid();
    const found = known ? null : schemeForSheet(grid);
    if (found && !found.scheme) continue;
    const scheme = known ?? found!.scheme!;
    const sheet = checkSheet(grid, scheme, { overrides: storedOverrides(book.settings, ws.name, scheme) });
    if (!sheet?.periods) continue;
    if (!scheme.annual) return { kind: 'no-annual-rules', scheme: scheme.id };
    const rolled = rollUpSheetPeriods(scheme, grid, sheet)!;
    const source: SchemeSource = req.scheme ? 'argument' : stored ? 'workbook' : found?.scheme ? found.source : 'preset';
    return { kind: 'ok', ...rolled, forms: yearForms(rolled.year, rolled.checked), source };
  }
  return { kind: 'no-periods' };
}
