import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemeJsonSchema } from '../../src/engine';
import { PRESET_IDS, rawPreset } from '../../src/schemes';

const file = join(__dirname, '..', '..', 'src', 'schemes', 'scheme.schema.json');

describe('the published JSON Schema of scheme files', () => {
  const published = JSON.parse(readFileSync(file, 'utf8'));

  it('is up to date with the model (regenerate with npm run schema)', () => {
    expect(published).toEqual(JSON.parse(JSON.stringify(schemeJsonSchema())));
  });

  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(published);

  it.each(PRESET_IDS)('accepts the preset file %s as editors see it', (id) => {
    const ok = validate(rawPreset(id));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('lets a scheme that extends a preset leave out period and grading, but not id and name', () => {
    expect(validate({ extends: 'gwy-2020', id: 'mine', name: '本局' })).toBe(true);
    expect(validate({ extends: 'gwy-2020', id: 'mine' })).toBe(false);
    expect(validate({ id: 'mine', name: '本局' })).toBe(false);
  });

  it('flags what an editor should flag', () => {
    expect(validate({ id: 'mine', name: '本局', period: { unit: 'week' }, grading: { labels: [{ label: '好' }] } })).toBe(false);
    expect(
      validate({
        id: 'mine',
        name: '本局',
        period: { unit: 'quarter' },
        grading: { labels: [{ label: '好' }] },
        items: [{ id: 'a', label: 'x' }],
      }),
    ).toBe(false);
  });
});
