/**
 * Which scheme, on which sheet: the one policy the pane, the ribbon command and the command line
 * share. A scheme given (the command line's --scheme, the pane's list or an imported file) comes
 * first, then the scheme stored in the workbook (its fit measured and reported), then the preset
 * that fits the sheet best, only when its fit is clear, then the sheet's own scheme inferred from
 * it; failing all, no scheme: the outcome says no preset fits and why, so that the user is asked.
 * The sheet is the one asked for, else the first visible sheet on which the scheme (or any preset)
 * finds a roster. Never a silent choice of a scheme that does not clearly fit.
 */
import {
  type Fit,
  findRoster,
  type FormProblem,
  type FormsRoster,
  type Grid,
  inferredScheme,
  type Locale,
  measureFit,
  rankFits,
  readForm,
  type Scheme,
  SchemeError,
  type SchemeSource,
  type TableReads,
} from '../engine';
import { allPresets, storedScheme, UnknownPreset } from '../schemes';
import { formsOf } from './forms';
import { presetOrCopy } from './preset-copy';
import type { SheetSource, WorkbookSource } from './workbook';

export type { SchemeSource };

/** How many of the closest presets a no-fit outcome holds. */
const CLOSEST = 3;

/** Why the scheme stored in the workbook was not used. */
export type StoredProblem = { kind: 'unreadable' } | { kind: 'unknown-preset'; id: string } | { kind: 'invalid'; error: SchemeError };

/** The scheme stored in the workbook's settings, or why it cannot be used; neither when none is stored. */
export function storedSchemeOf(book: WorkbookSource, locale: Locale): { scheme?: Scheme; problem?: StoredProblem } {
  if (book.settingsBroken) return { problem: { kind: 'unreadable' } };
  const raw = book.settings?.scheme;
  if (raw === undefined) return {};
  try {
    const scheme = storedScheme(raw, locale);
    return { scheme: typeof raw === 'string' ? scheme : presetOrCopy(scheme, raw) };
  } catch (e) {
    if (e instanceof UnknownPreset) return { problem: { kind: 'unknown-preset', id: e.id } };
    if (e instanceof SchemeError) return { problem: { kind: 'invalid', error: e } };
    throw e;
  }
}

/** The fit of a scheme the user gave or stored: measured, never a reason to refuse it. */
function fitOf(grid: Grid, scheme: Scheme, reads?: TableReads): Fit {
  return measureFit(grid, scheme, { reads }) ?? { scheme: scheme.id, score: 0, clear: false, reasons: [] };
}

/** The scheme for a sheet when none is given or stored: the best preset if its fit is clear, else the sheet's own; null when neither. */
export function schemeForSheet(
  grid: Grid,
  reads?: TableReads,
): { scheme: Scheme; source: 'preset' | 'inferred'; fit: Fit } | { scheme: null; closest: Fit[]; roster: boolean } {
  const ranked = rankFits(grid, allPresets(), { reads });
  const [best, next] = ranked;
  // A clear fit is chosen only when no other preset fits as well: between equals, the user chooses.
  const tie = !!next?.fit.clear && next.fit.score >= best!.fit.score - 1e-9;
  if (best?.fit.clear && !tie) return { scheme: best.scheme, source: 'preset', fit: best.fit };
  const inferred = inferredScheme(grid);
  if (inferred && findRoster(grid, inferred, { reads })) return { scheme: inferred, source: 'inferred', fit: fitOf(grid, inferred, reads) };
  return { scheme: null, closest: ranked.slice(0, CLOSEST).map((x) => x.fit), roster: ranked.length > 0 };
}

export type Choice =
  | {
      ok: true;
      sheet: SheetSource;
      grid: Grid;
      scheme: Scheme;
      source: SchemeSource;
      /** How well the scheme fits the sheet. */
      fit: Fit;
      /** The stored scheme that could not be used (the one chosen replaces it). */
      storedProblem: StoredProblem | null;
      /** A workbook of per-person forms: `grid` is the roster built from them, `sheet` the first form. */
      forms?: FormsRoster;
    }
  /** The sheet asked for is not in the workbook. */
  | { ok: false; problem: 'unknown-sheet'; sheet: string; names: string[] }
  /**
   * No sheet holds a roster the scheme (given, stored or any preset) can read; `sheet`: the one asked for;
   * `tried`: the scheme given or stored, which was looked for.
   */
  | {
      ok: false;
      problem: 'no-roster';
      sheet?: string;
      tried: { scheme: Scheme; source: 'argument' | 'workbook' } | null;
      storedProblem: StoredProblem | null;
    }
  /**
   * Presets find a roster on the sheet, but none fits it clearly and the sheet states too little to
   * infer its own scheme: the user is to choose. `closest`: the best fits, best first, with their reasons.
   */
  | { ok: false; problem: 'no-fit'; sheet: string; closest: Fit[]; storedProblem: StoredProblem | null }
  /**
   * A workbook of per-person forms (登记表) that cannot be checked as it was read: `unread`, the forms
   * that hold no person kaohe can read; `people`, the sheets that hold one; `partial`, only one form was
   * read (the pane's active sheet) and the roster is the whole workbook's.
   */
  | { ok: false; problem: 'forms'; unread: { sheet: string; problem: FormProblem }[]; people: string[]; partial: boolean };

export interface ChoiceRequest {
  /** The scheme the user gave. */
  scheme?: Scheme;
  /** The sheet the user named; else the visible sheets in tab order are scanned. */
  sheet?: string;
  locale: Locale;
  /** The rosters read so far in this analysis: the check that follows the choice reads the sheet's from here. */
  reads?: TableReads;
}

export function chooseSheetAndScheme(book: WorkbookSource, req: ChoiceRequest): Choice {
  const stored = req.scheme ? {} : storedSchemeOf(book, req.locale);
  const storedProblem = stored.problem ?? null;
  const known = req.scheme
    ? { scheme: req.scheme, source: 'argument' as const }
    : stored.scheme
      ? { scheme: stored.scheme, source: 'workbook' as const }
      : null;
  let sheets: SheetSource[];
  if (req.sheet !== undefined) {
    const asked = book.sheets.find((ws) => ws.name === req.sheet || ws.name.trim() === req.sheet!.trim());
    if (!asked) return { ok: false, problem: 'unknown-sheet', sheet: req.sheet, names: book.sheets.map((ws) => ws.name) };
    sheets = [asked];
  } else {
    sheets = book.sheets.filter((ws) => ws.visible);
  }
  // A workbook of forms (most of its sheets one person each) is one roster, unless a sheet that is not a form is asked for.
  const grids = new Map<string, Grid>();
  const asked = req.sheet !== undefined ? sheets[0]! : null;
  if (asked) grids.set(asked.name, asked.grid());
  if (!asked || readForm(grids.get(asked.name)!).kind !== 'not-a-form') {
    const forms = formsOf(book, grids);
    if (forms.kind === 'unreadable') return { ok: false, problem: 'forms', unread: forms.unread, people: forms.people, partial: false };
    if (forms.kind === 'forms') {
      if (book.partial) return { ok: false, problem: 'forms', unread: [], people: forms.roster.people.map((p) => p.sheet), partial: true };
      const grid = forms.roster.grid;
      const sheet: SheetSource = { name: grid.sheet, visible: true, grid: () => grid };
      const roster = forms.roster;
      if (known) {
        if (findRoster(grid, known.scheme))
          return { ok: true, sheet, grid, ...known, fit: fitOf(grid, known.scheme), storedProblem, forms: roster };
        return { ok: false, problem: 'no-roster', tried: known, storedProblem };
      }
      const found = schemeForSheet(grid);
      if (found.scheme)
        return { ok: true, sheet, grid, scheme: found.scheme, source: found.source, fit: found.fit, storedProblem, forms: roster };
      return { ok: false, problem: 'no-fit', sheet: grid.sheet, closest: found.closest, storedProblem };
    }
  }
  for (const sheet of sheets) {
    const grid = grids.get(sheet.name) ?? sheet.grid();
    if (known) {
      if (findRoster(grid, known.scheme, { reads: req.reads }))
        return { ok: true, sheet, grid, ...known, fit: fitOf(grid, known.scheme, req.reads), storedProblem };
      continue;
    }
    const found = schemeForSheet(grid, req.reads);
    if (found.scheme) return { ok: true, sheet, grid, scheme: found.scheme, source: found.source, fit: found.fit, storedProblem };
    // The first sheet with a roster is the sheet in question: no scheme fits it, so the user is asked.
    if (found.roster) return { ok: false, problem: 'no-fit', sheet: sheet.name, closest: found.closest, storedProblem };
  }
  return { ok: false, problem: 'no-roster', ...(req.sheet !== undefined ? { sheet: sheets[0]!.name } : {}), tried: known, storedProblem };
}
