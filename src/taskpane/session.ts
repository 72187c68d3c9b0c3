/**
 * The task pane's logic without React: which scheme applies, checking a sheet, the roles a
 * column can take. Components call these and show the result.
 */
import { checkGrid, detectScheme } from '../engine';
import type { Locale } from '../engine/report/locale';
import type { Results } from '../engine/results';
import { compiled } from '../engine';
import { SchemeError } from '../engine/scheme/load';
import type { Scheme } from '../engine/scheme/model';
import { storedOverrides } from '../engine/settings';
import { IDENTITY_ROLES, type ColumnRole, type IdentityRole } from '../engine/table/columns';
import type { ColumnOverrides } from '../engine/table/read';
import { allPresets, preset, storedScheme, UnknownPreset } from '../schemes';
import { formLayout, type FormLayout } from '../engine/annual/layout';
import { findPeriodSheets, guessPeriodSheets, periodUnit } from '../engine/annual/periods';
import type { AnnualResults } from '../engine/annual/rollup';
import { rollUpYear, yearForms } from '../engine/annual/year';
import type { SheetRead, WorkbookSheets } from '../hosts/host';

/** Where the scheme in use comes from. */
export type SchemeChoice = { kind: 'auto' } | { kind: 'preset'; id: string } | { kind: 'file'; scheme: Scheme; file: string };

export interface Resolved {
  scheme: Scheme;
  from: 'detected' | 'workbook' | 'preset' | 'file';
  /** Why a stored scheme could not be used (it was replaced by detection). */
  storedProblem: string | null;
}

/** The scheme for a sheet: the user's choice, else the one saved in the workbook, else the best-fitting preset. */
export function resolveScheme(read: SheetRead, choice: SchemeChoice, locale: Locale): Resolved {
  if (choice.kind === 'preset') return { scheme: preset(choice.id)!, from: 'preset', storedProblem: null };
  if (choice.kind === 'file') return { scheme: choice.scheme, from: 'file', storedProblem: null };
  let storedProblem: string | null = null;
  const raw = read.settings?.scheme;
  if (raw !== undefined) {
    try {
      return { scheme: storedScheme(raw, locale), from: 'workbook', storedProblem: null };
    } catch (e) {
      if (e instanceof UnknownPreset) storedProblem = e.id;
      else if (e instanceof SchemeError) storedProblem = e.problems[0] ?? e.message;
      else throw e;
    }
  }
  const detected = detectScheme(read.grid, allPresets()) ?? preset('gwy-2020')!;
  return { scheme: detected, from: 'detected', storedProblem };
}

/** The column corrections in force: unsaved ones from this session, else those saved for the sheet. */
export function overridesFor(read: SheetRead, scheme: Scheme, session: ColumnOverrides | null): ColumnOverrides {
  return session ?? storedOverrides(read.settings, read.sheet, scheme);
}

export function runCheck(read: SheetRead, scheme: Scheme, overrides: ColumnOverrides): Results | null {
  return checkGrid(read.grid, scheme, { overrides });
}

export interface RoleOption {
  key: string;
  role: ColumnRole;
  label: string;
}

/** What a column can hold under a scheme: the identity roles, then each field of the scheme. */
export function roleOptions(scheme: Scheme, names: Record<'ignored' | IdentityRole, string>, locale: Locale): RoleOption[] {
  const identity = (['ignored', ...IDENTITY_ROLES] as const).map((k) => ({
    key: k,
    role: { kind: k } as ColumnRole,
    label: names[k],
  }));
  const fields = [...compiled(scheme).fields.values()].map((f) => ({
    key: `field:${f.id}`,
    role: { kind: 'field', id: f.id } as ColumnRole,
    label: locale === 'en' && f.en ? f.en : f.label,
  }));
  return [...identity, ...fields];
}

export function roleKey(role: ColumnRole): string {
  return role.kind === 'field' ? `field:${role.id}` : role.kind;
}

/** The year rolled up in the pane, or why it could not be. */
export type YearRun =
  | { kind: 'no-periods' }
  | { kind: 'no-annual-rules'; scheme: string }
  | { kind: 'no-roster'; sheet: string }
  | { kind: 'ok'; year: AnnualResults; forms: FormLayout[] };

/**
 * The workbook's year: its period sheets found by name, the scheme (the one in use, or, when it
 * was only guessed from the active sheet, the one the first period sheet fits), the roll-up
 * and the summary forms laid out — as `kaohe annual` does.
 */
export function runYear(book: WorkbookSheets, read: SheetRead, resolved: Resolved): YearRun {
  // A scheme chosen says whether the year is in quarters or months; a guessed one does not.
  const periods =
    resolved.from === 'detected' ? guessPeriodSheets(book.names).periods : findPeriodSheets(book.names, periodUnit(resolved.scheme));
  if (periods.length === 0) return { kind: 'no-periods' };
  const grids = periods.map((p) => ({ ...p, grid: book.grids.get(p.sheet)! }));
  const scheme = resolved.from === 'detected' ? (detectScheme(grids[0]!.grid, allPresets()) ?? resolved.scheme) : resolved.scheme;
  if (!scheme.annual) return { kind: 'no-annual-rules', scheme: scheme.id };
  const inPeriods = new Set(periods.map((p) => p.sheet));
  const out = rollUpYear({
    scheme,
    periods: grids,
    others: book.names.filter((n) => !inPeriods.has(n) && book.grids.has(n)).map((n) => book.grids.get(n)!),
    overrides: (sheet) => storedOverrides(read.settings, sheet, scheme),
  });
  if (!out.ok) return { kind: 'no-roster', sheet: out.sheet };
  return { kind: 'ok', year: out.year, forms: yearForms(out.year, out.checked).map(formLayout) };
}
