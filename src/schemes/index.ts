/**
 * The presets, as the engine uses them: validated at build time (`npm run presets` writes
 * ./validated.json from the files in ./presets through the scheme model; test/schemes/prevalidated.test.ts
 * checks that it is up to date), so that using them needs neither the schema library nor the raw
 * files — the task pane's first load carries neither (docs/performance.md). The raw files, `extends`
 * and scheme files are in ./raw.
 */
import VALIDATED from './validated.json';
import { type Locale, type Scheme, validateScheme } from '../engine';

export { rawPreset, registerSchemeValidator, schemeFromText } from './raw';

const PRESETS = VALIDATED as unknown as Record<string, Scheme>;

/** The presets' ids in the order `kaohe presets` lists them. */
export const PRESET_IDS: readonly string[] = Object.keys(PRESETS);

/** A preset by id, validated; undefined for an unknown id. */
export function preset(id: string): Scheme | undefined {
  return Object.prototype.hasOwnProperty.call(PRESETS, id) ? PRESETS[id] : undefined;
}

export function allPresets(): Scheme[] {
  return PRESET_IDS.map((id) => PRESETS[id]!);
}

/** A preset id that is not one of the presets. */
export class UnknownPreset extends Error {
  constructor(readonly id: string) {
    super(`unknown preset ${id}`);
    this.name = 'UnknownPreset';
  }
}

/**
 * The scheme a workbook's settings name: a preset id, or a whole scheme, validated (it may extend a
 * preset). Throws UnknownPreset or SchemeError — or SchemeValidatorMissing for a whole scheme before
 * the validator is registered (./raw's registerSchemeValidator).
 */
export function storedScheme(raw: string | Record<string, unknown>, locale: Locale): Scheme {
  if (typeof raw === 'string') {
    const p = preset(raw);
    if (!p) throw new UnknownPreset(raw);
    return p;
  }
  return validateScheme(raw, locale);
}
