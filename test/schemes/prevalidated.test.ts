/**
 * The presets the engine uses come validated at build time (src/schemes/validated.json, written by
 * `npm run presets`), so that the task pane needs no schema library for them: this checks that every
 * preset file still validates through the zod model into exactly what that file holds (without the
 * `note` fields, which nothing reads), in the same order.
 */
import { allPresets, PRESET_IDS, preset } from '../../src/schemes';
import { RAW_PRESET_IDS, rawPreset, validatePreset, withoutNotes } from '../../src/schemes/raw';
import { loadScheme } from '../../src/engine';

const OUT_OF_DATE = 'src/schemes/validated.json is out of date: run `npm run presets`';

describe('the presets validated at build time', () => {
  it('are the preset files, in the order kaohe lists them', () => {
    expect(RAW_PRESET_IDS.length).toBe(11);
    expect(PRESET_IDS).toEqual(RAW_PRESET_IDS);
  });

  it.each(RAW_PRESET_IDS.map((id) => [id]))('%s: its file validated through the zod model is what the engine uses', (id) => {
    const validated = loadScheme(rawPreset(id), rawPreset, 'en');
    // Plain JSON: nothing the model gives is lost by writing it to a file.
    expect(JSON.parse(JSON.stringify(validated))).toStrictEqual(stripUndefined(validated));
    if (JSON.stringify(preset(id)) !== JSON.stringify(withoutNotes(validated))) throw new Error(`${id}: ${OUT_OF_DATE}`);
    expect(preset(id)).toStrictEqual(withoutNotes(validatePreset(id)));
    expect(preset(id)!.id).toBe(id);
    // Only the notes are left out: the same scheme with its notes removed by hand.
    const { note: _top, ...rest } = stripUndefined(validated) as Record<string, unknown>;
    expect(JSON.stringify(preset(id))).not.toContain('"note"');
    expect(Object.keys(preset(id)!).sort()).toEqual(Object.keys(rest).sort());
  });

  it('is one object per preset, shared by every use', () => {
    expect(allPresets()[0]).toBe(preset('gwy-2020'));
    expect(preset('nope')).toBeUndefined();
    expect(preset('__proto__')).toBeUndefined();
  });
});

/** The value without its undefined properties (an optional field the model leaves out): as JSON holds it. */
function stripUndefined<T>(v: T): T {
  if (Array.isArray(v)) return v.map(stripUndefined) as T;
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (x === undefined ? [] : [[k, stripUndefined(x)]]))) as T;
  return v;
}
