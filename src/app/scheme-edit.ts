/**
 * An office's own copy of a scheme: the settings applied to the scheme it starts from (a preset,
 * the sheet's inferred scheme, or the one stored in the workbook), loaded and checked like any
 * scheme file, under an id and name of its own and marked with the preset it is based on — never
 * under the preset's own id, so a changed copy is never taken for the preset.
 */
import { applySettings, loadScheme, type Locale, type Scheme, type SchemeSetting } from '../engine';
import { preset, PRESET_IDS, rawPreset } from '../schemes';

export interface EditRequest {
  settings: SchemeSetting[];
  /** The copy's id; default: the base's id, or `<preset>-custom` when the base is a preset. */
  id?: string | undefined;
  /** The copy's name; default: the base's name, marked as changed when the base is a preset. */
  name?: string | undefined;
  locale: Locale;
}

/** Suffixes of a changed copy's default id and name. */
const COPY_ID = '-custom';
const COPY_NAME: Record<Locale, string> = { zh: '（本单位修改）', en: ' (changed by the office)' };

/** The edited scheme, validated. Throws SettingError for a setting that names nothing, SchemeError for a scheme the engine would refuse. */
export function editScheme(base: Scheme, req: EditRequest): Scheme {
  return schemeCopy(base, applySettings(base, req.settings), req);
}

/**
 * `raw` (the base changed, by settings or in the pane's 方案 view) as the office's own copy of
 * `base`: its own id and name, based on the preset, loaded and checked as any scheme file. Throws
 * SchemeError for a scheme the engine would refuse.
 */
export function schemeCopy(base: Scheme, raw: Record<string, unknown>, req: Omit<EditRequest, 'settings'>): Scheme {
  raw = { ...raw };
  // A preset's $schema is a path beside the presets; a copy saved anywhere else would point nowhere.
  delete raw.$schema;
  const isPreset = (id: unknown): boolean => typeof id === 'string' && PRESET_IDS.includes(id);
  const basedOn = base.basedOn ?? (isPreset(base.id) ? base.id : undefined);
  let id = req.id ?? (typeof raw.id === 'string' ? raw.id : base.id);
  if (isPreset(id)) id = `${id}${COPY_ID}`;
  raw.id = id;
  if (req.name !== undefined) raw.name = req.name;
  else if (isPreset(base.id) && raw.name === base.name) raw.name = `${base.name}${COPY_NAME.zh}`;
  if (raw.nameEn !== undefined && isPreset(base.id) && raw.nameEn === base.nameEn) raw.nameEn = `${String(base.nameEn)}${COPY_NAME.en}`;
  if (basedOn !== undefined) raw.basedOn = basedOn;
  return loadScheme(raw, rawPreset, req.locale);
}

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
export function presetOrCopy(scheme: Scheme, raw: Record<string, unknown>, locale: Locale): Scheme {
  const base = preset(scheme.id);
  if (!base || rulesText(base) === rulesText(scheme)) return scheme;
  // A scheme that extends the preset may take its name from it: the copy's name is then marked too.
  const named = { ...raw, name: raw.name ?? scheme.name, ...(scheme.nameEn !== undefined && { nameEn: raw.nameEn ?? scheme.nameEn }) };
  return schemeCopy(base, named, { locale });
}
