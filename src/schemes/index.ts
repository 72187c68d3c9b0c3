/**
 * The presets: one JSON file per scheme found in the seed documents (ids are part of the
 * command-line contract — keep them stable). Loaded and validated once, on first use.
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
import { loadScheme, type Locale, parseScheme, type Scheme } from '../engine';

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

export const PRESET_IDS: readonly string[] = Object.keys(RAW);

/** The raw JSON of a preset, for `extends`. */
export function rawPreset(id: string): unknown {
  return RAW[id];
}

const cache = new Map<string, Scheme>();

/** A preset by id, validated; undefined for an unknown id. */
export function preset(id: string): Scheme | undefined {
  const raw = RAW[id];
  if (raw === undefined) return undefined;
  let s = cache.get(id);
  if (!s) {
    s = loadScheme(raw, rawPreset, 'en');
    cache.set(id, s);
  }
  return s;
}

export function allPresets(): Scheme[] {
  return PRESET_IDS.map((id) => preset(id)!);
}

/** A user's scheme file (JSON text), which may extend a preset. */
export function schemeFromText(text: string, locale: Locale): Scheme {
  return parseScheme(text, rawPreset, locale);
}

/** A preset id that is not one of the presets. */
export class UnknownPreset extends Error {
  constructor(readonly id: string) {
    super(`unknown preset ${id}`);
    this.name = 'UnknownPreset';
  }
}

/** The scheme a workbook's settings name: a preset id, or a whole scheme. Throws UnknownPreset or SchemeError. */
export function storedScheme(raw: string | Record<string, unknown>, locale: Locale): Scheme {
  if (typeof raw === 'string') {
    const p = preset(raw);
    if (!p) throw new UnknownPreset(raw);
    return p;
  }
  return loadScheme(raw, rawPreset, locale);
}
