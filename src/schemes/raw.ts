/**
 * The presets as written: one JSON file per scheme found in the seed documents (ids are part of the
 * command-line contract — keep them stable), with the scheme validator (zod and the whole model).
 * What a scheme the presets did not ship needs — `extends`, a scheme file imported or stored in the
 * workbook, a scheme inferred from a sheet (the inference is here too) — and what `npm run presets` validates into
 * ./validated.json. The task pane loads this module on demand (docs/performance.md).
 */
import gwy2020 from './presets/gwy-2020.json';
import xiang2015 from './presets/xiang-2015.json';
import xichengSifa from './presets/xicheng-sifa.json';
import hebeiAbcd from './presets/hebei-abcd.json';
import ju5items from './presets/ju-5items.json';
import fiveDims from './presets/five-dims.json';
import xinjiang2015 from './presets/xinjiang-2015.json';
import yiningZhucun from './presets/yining-zhucun.json';
import kejiBanzi from './presets/keji-banzi.json';
import xiangJixiao from './presets/xiang-jixiao.json';
import quZuzhi2014 from './presets/qu-zuzhi-2014.json';
import { inferScheme, loadScheme, type Locale, parseScheme, provideSchemeValidator, type Scheme } from '../engine';

/** Raw preset files in the order `kaohe presets` lists them. */
const RAW: Record<string, unknown> = {
  'gwy-2020': gwy2020,
  'xiang-2015': xiang2015,
  'xicheng-sifa': xichengSifa,
  'hebei-abcd': hebeiAbcd,
  'ju-5items': ju5items,
  'five-dims': fiveDims,
  'xinjiang-2015': xinjiang2015,
  'yining-zhucun': yiningZhucun,
  'keji-banzi': kejiBanzi,
  'xiang-jixiao': xiangJixiao,
  'qu-zuzhi-2014': quZuzhi2014,
};

export const RAW_PRESET_IDS: readonly string[] = Object.keys(RAW);

/** The raw JSON of a preset, for `extends`. */
export function rawPreset(id: string): unknown {
  return RAW[id];
}

/** A preset validated from its file: what ./validated.json holds for it. */
export function validatePreset(id: string): Scheme {
  return loadScheme(RAW[id], rawPreset, 'en');
}

/**
 * A validated scheme without its `note` fields (why the scheme says this, for the reader of its file):
 * what ./validated.json holds. Nothing in kaohe reads a note; the preset files keep them.
 */
export function withoutNotes(scheme: Scheme): Scheme {
  return JSON.parse(JSON.stringify(scheme, (key, value: unknown) => (key === 'note' ? undefined : value))) as Scheme;
}

/** A user's scheme file (JSON text), which may extend a preset. */
export function schemeFromText(text: string, locale: Locale): Scheme {
  return parseScheme(text, rawPreset, locale);
}

/**
 * Makes the engine able to validate any scheme (a stored one, extending a preset) and to infer a
 * sheet's own scheme: every entry point calls this before checking a sheet — the command line and the
 * ribbon command at once, the task pane once it has loaded this module.
 */
export function registerSchemeValidator(): void {
  provideSchemeValidator((raw, locale) => loadScheme(raw, rawPreset, locale), inferScheme);
}
