/**
 * What kaohe keeps in a workbook so the next person gets the same result: the scheme (a
 * preset id or a whole scheme) and corrections to the column mapping, per sheet. The Excel
 * host stores it with workbook.settings under SETTINGS_KEY; the file host reads it back from
 * the .xlsx (xl/webextensions). Validated like any input: a broken record is reported, not used.
 *
 * Read by hand rather than with the scheme model's schema library: the task pane reads the settings
 * on every check, and this small record does not earn the library's weight on its first load
 * (docs/performance.md). test/engine/settings.test.ts holds the same record as a zod schema and checks
 * that both accept and return the same on generated values.
 */
import { compileScheme } from './scheme/fields';
import type { Scheme } from './scheme/model';
import type { ColumnOverrides } from './table/read';
import { IDENTITY_ROLES, type IdentityRole } from './table/columns';

export const SETTINGS_KEY = 'kaohe';

/** A column's role saved for a sheet: an identity role, not used, or a field of the scheme. */
export type StoredRole = { kind: IdentityRole | 'ignored' } | { kind: 'field'; id: string };

export interface WorkbookSettings {
  version: 1;
  /** A preset id, or a whole scheme (which may extend a preset). */
  scheme?: string | Record<string, unknown>;
  /** Sheet name → 1-based column number (as text, JSON keys) → role. */
  columns: Record<string, Record<string, StoredRole>>;
  /** Write live formulas rather than values (the task pane's choice, used by the ribbon button too). */
  formulas: boolean;
  /** The marks on a sheet, with what each cell had before, so 清除标记 restores it exactly. */
  marks?: { sheet: string; cells: { cell: string; fill: string | null; note: boolean }[] };
}

export type MarkRecord = NonNullable<WorkbookSettings['marks']>;

export function emptySettings(): WorkbookSettings {
  return { version: 1, columns: {}, formulas: false };
}

/** Not a settings record kaohe understands. */
class Broken extends Error {}

const fail = (): never => {
  throw new Broken();
};

/** A plain object (what JSON gives for {…}), not an array or a class instance. */
function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const ROLE_KINDS = new Set<string>([...IDENTITY_ROLES, 'ignored']);

function role(v: unknown): StoredRole {
  if (!isRecord(v)) return fail();
  if (v['kind'] === 'field') return typeof v['id'] === 'string' && v['id'].length > 0 ? { kind: 'field', id: v['id'] } : fail();
  return typeof v['kind'] === 'string' && ROLE_KINDS.has(v['kind']) ? { kind: v['kind'] as IdentityRole | 'ignored' } : fail();
}

/** Each value of a record read by `read`, into a new record (unknown keys are data here: sheet names, column numbers). */
function recordOf<T>(v: unknown, read: (x: unknown) => T, key: (k: string) => boolean = () => true): Record<string, T> {
  if (!isRecord(v)) return fail();
  const out: Record<string, T> = {};
  for (const k of Object.keys(v)) {
    if (!key(k)) fail();
    // defineProperty: a sheet named __proto__ is a key like any other.
    Object.defineProperty(out, k, { value: read(v[k]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function marks(v: unknown): MarkRecord {
  if (!isRecord(v) || typeof v['sheet'] !== 'string' || !Array.isArray(v['cells'])) return fail();
  const cells = v['cells'].map((c: unknown) => {
    if (!isRecord(c) || typeof c['cell'] !== 'string' || typeof c['note'] !== 'boolean') return fail();
    const fill = c['fill'];
    if (fill !== null && typeof fill !== 'string') return fail();
    return { cell: c['cell'], fill, note: c['note'] };
  });
  return { sheet: v['sheet'], cells };
}

/** Parses a stored settings value; null when it is not a settings record kaohe understands. Keys it does not know are left out. */
export function parseSettings(value: unknown): WorkbookSettings | null {
  try {
    if (!isRecord(value) || value['version'] !== 1) return null;
    const out: WorkbookSettings = { version: 1, columns: {}, formulas: false };
    const scheme = value['scheme'];
    if (typeof scheme === 'string' || isRecord(scheme)) {
      if (scheme === '') return null;
      // A copy of its own keys without "__proto__" (JSON.parse makes it an own key): never a prototype to reach.
      out.scheme = typeof scheme === 'string' ? scheme : Object.fromEntries(Object.entries(scheme).filter(([k]) => k !== '__proto__'));
    } else if (scheme !== undefined) return null;
    if (value['columns'] !== undefined) out.columns = recordOf(value['columns'], (sheet) => recordOf(sheet, role, (k) => /^\d+$/.test(k)));
    if (value['formulas'] !== undefined) out.formulas = typeof value['formulas'] === 'boolean' ? value['formulas'] : fail();
    if (value['marks'] !== undefined) out.marks = marks(value['marks']);
    return out;
  } catch (e) {
    if (e instanceof Broken) return null;
    throw e;
  }
}

/** Column corrections saved for a sheet, kept where they name a field the scheme has. */
export function storedOverrides(settings: WorkbookSettings | null | undefined, sheet: string, s: Scheme): ColumnOverrides {
  const out: ColumnOverrides = {};
  const ids = new Set(compileScheme(s).fields.keys());
  for (const [col, role] of Object.entries(settings?.columns[sheet] ?? {})) {
    if (role.kind !== 'field' || ids.has(role.id)) out[Number(col)] = role;
  }
  return out;
}
