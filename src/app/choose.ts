/**
 * Which scheme, on which sheet: the one policy the pane, the ribbon command and the command line
 * share. A scheme given (the command line's --scheme, the pane's list or an imported file) comes
 * first, then the scheme stored in the workbook, then the preset that fits the sheet best; the
 * sheet is the one asked for, else the first visible sheet on which that scheme finds a roster.
 * Nothing is chosen for a sheet no scheme can read: no fallback to a preset that does not fit.
 */
import { detectScheme, findRoster, type Grid, type Locale, type Scheme, SchemeError } from '../engine';
import { allPresets, storedScheme, UnknownPreset } from '../schemes';
import type { SheetSource, WorkbookSource } from './workbook';

/** How the scheme in use was chosen. */
export type SchemeFrom = 'given' | 'workbook' | 'detected';

/** Why the scheme stored in the workbook was not used. */
export type StoredProblem = { kind: 'unreadable' } | { kind: 'unknown-preset'; id: string } | { kind: 'invalid'; error: SchemeError };

/** The scheme stored in the workbook's settings, or why it cannot be used; neither when none is stored. */
export function storedSchemeOf(book: WorkbookSource, locale: Locale): { scheme?: Scheme; problem?: StoredProblem } {
  if (book.settingsBroken) return { problem: { kind: 'unreadable' } };
  const raw = book.settings?.scheme;
  if (raw === undefined) return {};
  try {
    return { scheme: storedScheme(raw, locale) };
  } catch (e) {
    if (e instanceof UnknownPreset) return { problem: { kind: 'unknown-preset', id: e.id } };
    if (e instanceof SchemeError) return { problem: { kind: 'invalid', error: e } };
    throw e;
  }
}

export type Choice =
  | {
      ok: true;
      sheet: SheetSource;
      grid: Grid;
      scheme: Scheme;
      from: SchemeFrom;
      /** The stored scheme that could not be used (the one chosen replaces it). */
      storedProblem: StoredProblem | null;
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
      tried: { scheme: Scheme; from: Exclude<SchemeFrom, 'detected'> } | null;
      storedProblem: StoredProblem | null;
    };

export interface ChoiceRequest {
  /** The scheme the user gave. */
  scheme?: Scheme;
  /** The sheet the user named; else the visible sheets in tab order are scanned. */
  sheet?: string;
  locale: Locale;
}

export function chooseSheetAndScheme(book: WorkbookSource, req: ChoiceRequest): Choice {
  const stored = req.scheme ? {} : storedSchemeOf(book, req.locale);
  const storedProblem = stored.problem ?? null;
  const known = req.scheme
    ? { scheme: req.scheme, from: 'given' as const }
    : stored.scheme
      ? { scheme: stored.scheme, from: 'workbook' as const }
      : null;
  let sheets: SheetSource[];
  if (req.sheet !== undefined) {
    const asked = book.sheets.find((ws) => ws.name === req.sheet || ws.name.trim() === req.sheet!.trim());
    if (!asked) return { ok: false, problem: 'unknown-sheet', sheet: req.sheet, names: book.sheets.map((ws) => ws.name) };
    sheets = [asked];
  } else {
    sheets = book.sheets.filter((ws) => ws.visible);
  }
  for (const sheet of sheets) {
    const grid = sheet.grid();
    if (known) {
      if (findRoster(grid, known.scheme)) return { ok: true, sheet, grid, ...known, storedProblem };
    } else {
      const found = detectScheme(grid, allPresets());
      if (found) return { ok: true, sheet, grid, scheme: found, from: 'detected', storedProblem };
    }
  }
  return { ok: false, problem: 'no-roster', ...(req.sheet !== undefined ? { sheet: sheets[0]!.name } : {}), tried: known, storedProblem };
}
