/**
 * What kaohe keeps in a workbook so the next person gets the same result: the scheme (a
 * preset id or a whole scheme) and corrections to the column mapping, per sheet. The Excel
 * host stores it with workbook.settings under SETTINGS_KEY; the file host reads it back from
 * the .xlsx (xl/webextensions). Validated like any input: a broken record is reported, not used.
 */
import { z } from 'zod';
import { compileScheme } from './scheme/fields';
import type { Scheme } from './scheme/model';
import type { ColumnOverrides } from './table/read';
import { IDENTITY_ROLES } from './table/columns';

export const SETTINGS_KEY = 'kaohe';

const Role = z.union([
  z.object({ kind: z.enum([...IDENTITY_ROLES, 'ignored']) }),
  z.object({ kind: z.literal('field'), id: z.string().min(1) }),
]);

export const WorkbookSettings = z.object({
  version: z.literal(1),
  /** A preset id, or a whole scheme (which may extend a preset). */
  scheme: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
  /** Sheet name → 1-based column number (as text, JSON keys) → role. */
  columns: z.record(z.string(), z.record(z.string().regex(/^\d+$/), Role)).default({}),
  /** Write live formulas rather than values (the task pane's choice, used by the ribbon button too). */
  formulas: z.boolean().default(false),
  /** The marks on a sheet, with what each cell had before, so 清除标记 restores it exactly. */
  marks: z
    .object({
      sheet: z.string(),
      cells: z.array(z.object({ cell: z.string(), fill: z.string().nullable(), note: z.boolean() })),
    })
    .optional(),
});

export type WorkbookSettings = z.output<typeof WorkbookSettings>;
export type MarkRecord = NonNullable<WorkbookSettings['marks']>;

export function emptySettings(): WorkbookSettings {
  return { version: 1, columns: {}, formulas: false };
}

/** Parses a stored settings value; null when it is not a settings record kaohe understands. */
export function parseSettings(value: unknown): WorkbookSettings | null {
  const r = WorkbookSettings.safeParse(value);
  return r.success ? r.data : null;
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
