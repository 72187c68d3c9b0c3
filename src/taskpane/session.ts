/**
 * The task pane's side of the use cases (src/app): what the user chose in the pane, turned into
 * the app's requests, and the roles a column can take. Components call these and show the result.
 */
import { activeSheet, analyseSheet, type AnalyseOutcome, basedOnName, type SchemeSource } from '../app';
import {
  type ColumnOverrides,
  type ColumnRole,
  compiled,
  type Fit,
  hasSchemeValidator,
  IDENTITY_ROLES,
  type IdentityRole,
  type Locale,
  noFitSentence,
  type Scheme,
  schemeSentence,
  SchemeValidatorMissing,
} from '../engine';
import type { SheetRead, WorkbookSheets } from '../hosts/host';
import type { PaneYear } from './year-run';
import { appWords } from '../app/words';
import { allPresets, preset } from '../schemes';
import { strings } from './strings';

/**
 * What the user chose in the pane: nothing yet (the app's choice: the stored scheme, else a clear
 * fit), or a preset from the list or a file imported, tried on the sheet and not saved until the
 * user confirms it (`raw`: the file's JSON, as it is saved); or a scheme pasted in the 方案 view, tried the same way.
 */
export type SchemeChoice =
  | { kind: 'auto' }
  | { kind: 'preset'; id: string }
  | { kind: 'file'; scheme: Scheme; file: string; raw: Record<string, unknown> }
  | { kind: 'edited'; scheme: Scheme; raw: Record<string, unknown> };

function given(choice: SchemeChoice): Scheme | undefined {
  return choice.kind === 'preset' ? preset(choice.id) : choice.kind === 'auto' ? undefined : choice.scheme;
}

/** The last check tried by readyToCheck, kept for the pane's own check of the same read. */
let tried: { read: SheetRead; locale: Locale; outcome: AnalyseOutcome } | null = null;

/** 检查 on the active sheet: the same scheme choice, corrections and check as the ribbon command and the command line. */
export function analyseActive(read: SheetRead, choice: SchemeChoice, columns: ColumnOverrides | null, locale: Locale): AnalyseOutcome {
  if (tried && tried.read === read && tried.locale === locale && choice.kind === 'auto' && columns === null) return tried.outcome;
  return analyseSheet(activeSheet(read), { scheme: given(choice), columns: columns ?? undefined, locale });
}

/**
 * The scheme validator (zod, the scheme model and the presets' files; src/schemes/raw.ts) as a chunk
 * loaded on demand: the presets come validated, so the pane needs it only for a scheme it did not
 * ship — stored in the workbook, imported, or inferred from a sheet no preset fits (docs/performance.md).
 */
export async function loadSchemeValidator(): Promise<typeof import('../schemes/raw')> {
  const loaded = await import(/* webpackChunkName: "schemes" */ '../schemes/raw');
  loaded.registerSchemeValidator();
  return loaded;
}

/**
 * The sheet read, once the pane can check it: its check is tried, and where it needs the scheme
 * validator (a whole scheme stored in the workbook, or a sheet no preset fits), the validator is
 * loaded first. The outcome of a check that did not need it is kept for the pane's own check.
 */
export async function readyToCheck(read: SheetRead, locale: Locale): Promise<SheetRead> {
  if (hasSchemeValidator()) return read;
  try {
    tried = { read, locale, outcome: analyseSheet(activeSheet(read), { locale }) };
  } catch (e) {
    // Any other failure is the pane's check's to show, as before.
    if (e instanceof SchemeValidatorMissing) await loadSchemeValidator();
  }
  return read;
}

/** What 导出方案 saves: a preset's file as written, else the scheme itself. */
export async function schemeFile(scheme: Scheme): Promise<unknown> {
  return (await loadSchemeValidator()).rawPreset(scheme.id) ?? scheme;
}

/** The scheme in use, how it was chosen and how well it fits, or the one looked for on a sheet without a roster; null when none fits. */
export function schemeInUse(outcome: AnalyseOutcome): { scheme: Scheme; source: SchemeSource; fit: Fit | null } | null {
  if (outcome.ok) return { scheme: outcome.analysis.scheme, source: outcome.analysis.source, fit: outcome.analysis.fit };
  return outcome.problem === 'no-roster' && outcome.tried ? { ...outcome.tried, fit: null } : null;
}

/** A scheme as the pane names it: its name first, its id after — 公务员平时考核（全国模板：…）（gwy-2020）. */
export function schemeTitle(x: Pick<Scheme, 'id' | 'name' | 'nameEn'>, locale: Locale): string {
  return strings(locale).schemeLabel(locale === 'en' ? (x.nameEn ?? x.name) : x.name, x.id);
}

/** A preset's title by its id; the id itself for a scheme that is no preset. */
export function titleOf(id: string, locale: Locale): string {
  const p = allPresets().find((x) => x.id === id);
  return p ? schemeTitle(p, locale) : id;
}

/** That no preset fits, naming the closest (or the tied) by name first. */
export function noFitNote(closest: readonly Fit[], locale: Locale): string {
  return noFitSentence(
    closest.map((f) => ({ ...f, scheme: titleOf(f.scheme, locale) })),
    locale,
  );
}

/**
 * The sentence at the top of the pane, the command line's with the scheme named first
 * ("按表头识别：公务员平时考核（…）（gwy-2020），17 个分项全部对上"), or that no preset fits and the
 * closest with what speaks against it. Null where the sheet holds no roster.
 */
export function schemeNote(outcome: AnalyseOutcome, locale: Locale): string | null {
  if (outcome.ok) {
    const a = outcome.analysis;
    return schemeSentence(a.source, schemeTitle(a.scheme, locale), a.fit, locale, basedOnName(a.scheme, locale));
  }
  if (outcome.problem === 'no-fit') return noFitNote(outcome.closest, locale);
  return null;
}

/** A workbook of per-person forms (登记表) that the active sheet alone cannot check: the one line that says so; null otherwise. */
export function formsNote(outcome: AnalyseOutcome, locale: Locale): string | null {
  return !outcome.ok && outcome.problem === 'forms' ? appWords(locale).forms(outcome.unread, outcome.people, outcome.partial) : null;
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

/** The year rolled up in the pane, with its forms laid out for the sheet, or why it could not be. */
export type { PaneYear } from './year-run';

/**
 * 年度汇总 on the workbook's visible sheets, as `kaohe annual` does it. The year's engine (roll-up,
 * forms, their layout) is a chunk of its own, loaded on the first roll-up (docs/performance.md).
 */
export async function runYear(book: WorkbookSheets, read: SheetRead, choice: SchemeChoice, locale: Locale): Promise<PaneYear> {
  // The year reads the stored scheme and may infer one for its sheets: the validator first.
  await loadSchemeValidator();
  const { yearIn } = await import(/* webpackChunkName: "year" */ './year-run');
  return yearIn(book, read, given(choice), locale);
}
