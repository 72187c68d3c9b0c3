import { PRESET_IDS, preset } from '../../src/schemes';

describe('presets', () => {
  it.each(PRESET_IDS)('%s loads and validates', (id) => {
    const s = preset(id)!;
    expect(s.id).toBe(id);
    if (s.grading.mode === 'none') expect(s.grading.labels).toEqual([]);
    else expect(s.grading.labels.length).toBeGreaterThan(1);
  });
});
