/**
 * A scheme stored in a workbook under a preset's id: the preset itself when its rules are the
 * preset's, else an office's modified copy of it, named as one. Kept apart from ./scheme-edit
 * (which loads and validates schemes, with the schema library): choosing the scheme for a sheet
 * runs on the pane's first load, and the stored scheme here is already validated.
 */
import type { Locale, Scheme } from '../engine';
import { preset } from '../schemes';

/** Suffixes of a changed copy's default id and name. */
export const COPY_ID = '-custom';
export const COPY_NAME: Record<Locale, string> = { zh: '（本单位修改）', en: ' (changed by the office)' };

/** What is not a scheme's rules: words about it, where it comes from, and empty lists a loader may or may not fill in. */
const NOT_RULES = new Set(['note', '$schema', 'name', 'nameEn', 'source', 'basedOn']);

/** A scheme's rules, with keys in one order: two schemes with the same rules give the same text, however they were written. */
function rulesText(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (!x || typeof x !== 'object') return x;
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k, y]) => !NOT_RULES.has(k) && y !== undefined && !(Array.isArray(y) && y.length === 0))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, y]) => [k, norm(y)]),
    );
  };
  return JSON.stringify(norm(v));
}

/**
 * A whole scheme (stored in a workbook) under a preset's id: the preset's own rules are the preset;
 * other rules are an office's modified copy of it, and shown as one (`<preset>-custom`, its name
 * marked, based on the preset) — a report or pane naming the preset would claim rules it does not use.
 * Throws SchemeError as schemeCopy does (the scheme was already validated, so it does not).
 */
export function presetOrCopy(scheme: Scheme, raw: Record<string, unknown>): Scheme {
  const base = preset(scheme.id);
  if (!base || rulesText(base) === rulesText(scheme)) return scheme;
  // Its own name, or the preset's marked as changed (a scheme that extends the preset may take its name from it).
  const name = typeof raw.name === 'string' && raw.name !== base.name ? raw.name : `${base.name}${COPY_NAME.zh}`;
  const nameEn =
    typeof raw.nameEn === 'string' && raw.nameEn !== base.nameEn
      ? raw.nameEn
      : base.nameEn !== undefined
        ? `${base.nameEn}${COPY_NAME.en}`
        : undefined;
  return { ...scheme, id: `${base.id}${COPY_ID}`, name, ...(nameEn !== undefined && { nameEn }), basedOn: base.id };
}
