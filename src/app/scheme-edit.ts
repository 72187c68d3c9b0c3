/**
 * An office's own copy of a scheme: the settings applied to the scheme it starts from (a preset,
 * the sheet's inferred scheme, or the one stored in the workbook), loaded and checked like any
 * scheme file, under an id and name of its own and marked with the preset it is based on — never
 * under the preset's own id, so a changed copy is never taken for the preset.
 */
import { applySettings, loadScheme, type Locale, type Scheme, type SchemeSetting } from '../engine';
import { PRESET_IDS, rawPreset } from '../schemes';
import { COPY_ID, COPY_NAME } from './preset-copy';

export interface EditRequest {
  settings: SchemeSetting[];
  /** The copy's id; default: the base's id, or `<preset>-custom` when the base is a preset. */
  id?: string | undefined;
  /** The copy's name; default: the base's name, marked as changed when the base is a preset. */
  name?: string | undefined;
  locale: Locale;
}

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
