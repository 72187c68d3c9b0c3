/**
 * The scheme in words and changed by settings (#18): gwy-2020's own rules (seed document 002,
 * 附件2) said back as a 考核办法 says them, and an office's changes — 好 ≤ 30%, a band moved, an
 * item's maximum — applied, checked and said as changes against the preset.
 */
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editScheme } from '../../src/app';
import {
  checkGrid,
  checkScheme,
  editedLines,
  formLayout,
  type Grid,
  SCHEME_DATA_LABEL,
  schemeForm,
  schemeOnSheet,
  compileScheme,
  describeScheme,
  parseSetting,
  resultChanges,
  type Scheme,
  SchemeError,
  schemeChanges,
  SettingError,
  type SchemeSetting,
} from '../../src/engine';
import { allPresets, preset } from '../../src/schemes';
import { gwySheet } from '../helpers/sheets';

const gwy = preset('gwy-2020')!;
const set = (...texts: string[]): SchemeSetting[] => texts.map(parseSetting);
const edit = (base: Scheme, ...texts: string[]): Scheme => editScheme(base, { settings: set(...texts), locale: 'zh' });
const lines = (s: Scheme, locale: 'zh' | 'en' = 'zh'): string[] => describeScheme(s, locale).flatMap((x) => x.lines.map((l) => l.text));
const problemsOf = (f: () => unknown): { code: string; path: (string | number)[] }[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof SchemeError) return e.problems.map((p) => ({ code: p.code, path: p.path }));
    throw e;
  }
  throw new Error('no SchemeError');
};

describe('a scheme in words', () => {
  it('says gwy-2020 as its rules do: dimensions with items, caps, bands with their exact bounds, the 40% quota', () => {
    const said = lines(gwy);
    expect(said).toContain('德 20 分：思想政治素质 6、职业道德 4、社会公德 6、家庭美德 4');
    expect(said).toContain('加分：最高加 5 分');
    expect(said).toContain('减分：最多减 5 分');
    expect(said).toContain('好：90 分及以上');
    expect(said).toContain('较好：75 分及以上、低于 90 分（89.5 分为较好）');
    expect(said).toContain('较差：低于 60 分（59.5 分为较差）');
    expect(said).toContain('好不超过 40%，按全单位计算，人数向下取整');
    expect(said.some((l) => l.startsWith('不定等次：') && l.includes('试用期'))).toBe(true);
    expect(said.some((l) => l.startsWith('不参加：') && l.includes('调出'))).toBe(true);
    expect(said).toContain('全年 4 个考核期；年度等次：优秀、称职、基本称职、不称职');
  });

  it('describes every preset in both languages, each line under a key of its own', () => {
    for (const s of allPresets()) {
      for (const locale of ['zh', 'en'] as const) {
        const sections = describeScheme(s, locale);
        const keys = sections.flatMap((x) => x.lines.map((l) => l.key));
        expect(new Set(keys).size).toBe(keys.length);
        expect(sections.find((x) => x.key === 'grades')?.lines.length).toBeGreaterThan(0);
      }
    }
    expect(lines(gwy, 'en')).toContain('好: 90 or more');
  });

  it('finds no change between a scheme and itself', () => {
    for (const s of allPresets()) expect(schemeChanges(s, s, 'zh')).toEqual([]);
  });
});

describe('changing a scheme by settings', () => {
  it('sets 好 to at most 30%: a copy under its own id, based on the preset, with the one change said', () => {
    const mine = edit(gwy, 'quota.好.max=30%');
    expect(mine.quotas[0]).toMatchObject({ grades: ['好'], max: 0.3, severity: 'error' });
    expect(mine.id).toBe('gwy-2020-custom');
    expect(mine.basedOn).toBe('gwy-2020');
    expect(mine.name).toBe(`${gwy.name}（本单位修改）`);
    expect(schemeChanges(gwy, mine, 'zh')).toEqual([
      {
        section: 'quotas',
        key: 'quota:好:max:all:error',
        before: '好不超过 40%，按全单位计算，人数向下取整',
        after: '好不超过 30%，按全单位计算，人数向下取整',
      },
    ]);
    // Changed again, it stays based on the preset and keeps its own id.
    const again = edit(mine, 'quota.好.scope=unit');
    expect([again.id, again.basedOn, again.quotas[0]!.scope]).toEqual(['gwy-2020-custom', 'gwy-2020', 'unit']);
  });

  it('adds a quota or a band named by its grade where there is none', () => {
    const mine = edit(gwy, 'quota.较差.min=0.05', 'quota.较差.severity=warning');
    expect(mine.quotas[1]).toMatchObject({ grades: ['较差'], min: 0.05, severity: 'warning' });
    expect(schemeChanges(gwy, mine, 'zh').map((c) => [c.before, c.after])).toEqual([
      [null, '较差不少于 5%，按全单位计算，人数向上取整（提醒，不作为错误）'],
    ]);
  });

  it('moves a band and the scheme check says the overlap it leaves', () => {
    const mine = edit(gwy, 'band.好.min=85');
    expect(mine.grading.bands[0]).toMatchObject({ grade: '好', min: 85 });
    const issues = checkScheme(compileScheme(mine));
    expect(issues.map((i) => i.rule)).toContain('scheme-gap');
    expect(checkScheme(compileScheme(edit(gwy, 'band.好.min=85', 'band.较好.max=85')))).toEqual([]);
  });

  it("changes an item by its label and the check says the dimension's maxima no longer add up", () => {
    const mine = edit(gwy, 'item.思想政治素质.max=8');
    expect(mine.items.find((i) => i.id === 'sixiang')?.max).toBe(8);
    expect(checkScheme(compileScheme(mine)).map((i) => i.rule)).toContain('scheme-gap');
    expect(schemeChanges(gwy, mine, 'zh')[0]?.after).toBe('德 20 分：思想政治素质 8、职业道德 4、社会公德 6、家庭美德 4');
  });

  it('takes a list of words as typed, and removes an entry with an empty value', () => {
    const mine = edit(gwy, 'condition.probation.match.keywords=试用期，见习期、新录用', 'condition.work-injury-leave=');
    expect(mine.conditions.find((c) => c.id === 'probation')?.match.keywords).toEqual(['试用期', '见习期', '新录用']);
    expect(mine.conditions.some((c) => c.id === 'work-injury-leave')).toBe(false);
    expect(mine.conditions).toHaveLength(gwy.conditions.length - 1);
  });

  it('reaches any field by its path, with positions counted from 0', () => {
    const mine = edit(gwy, 'grading.bands.1.min=80', 'total.decimals=1', 'name=本局平时考核方案');
    expect(mine.grading.bands[1]!.min).toBe(80);
    expect(mine.total.decimals).toBe(1);
    expect(mine.name).toBe('本局平时考核方案');
  });

  it('refuses values the engine would not take, naming the field: a share over 100%, 1e999, NaN, a word for a number', () => {
    expect(problemsOf(() => edit(gwy, 'quota.好.max=150%'))).toEqual([{ code: 'too-big', path: ['quotas', 0, 'max'] }]);
    expect(problemsOf(() => edit(gwy, 'item.sixiang.max=1e999'))[0]?.path).toEqual(['items', 0, 'max']);
    expect(problemsOf(() => edit(gwy, 'item.sixiang.max=NaN'))).toEqual([{ code: 'wrong-type', path: ['items', 0, 'max'] }]);
    expect(problemsOf(() => edit(gwy, 'quota.好.severity=hard'))).toEqual([{ code: 'not-one-of', path: ['quotas', 0, 'severity'] }]);
  });

  it('refuses settings that name nothing, in words, and never reaches a prototype', () => {
    const codeOf = (...texts: string[]): string => {
      try {
        edit(gwy, ...texts);
      } catch (e) {
        if (e instanceof SettingError) return e.problem.code;
        throw e;
      }
      return 'applied';
    };
    expect(codeOf('item.不存在.max=1')).toBe('no-such-entry');
    expect(codeOf('grading.bandz.0.min=1')).toBe('no-such-field');
    expect(codeOf('__proto__.polluted=1')).toBe('reserved-name');
    expect(codeOf('items.constructor.prototype.x=1')).toBe('reserved-name');
    expect(() => parseSetting('quota.好.max')).toThrow(SettingError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives schemes valid against the published scheme.schema.json, which read back to the same scheme', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'schemes', 'scheme.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const edits = [
      ['quota.好.max=30%'],
      ['band.好.min=85', 'band.较好.max=85'],
      ['quota.较差.min=5%'],
      ['item.思想政治素质.max=8', 'group.de.max=22', 'scale.max=102'],
      ['condition.probation.match.keywords=试用期,见习期'],
    ];
    for (const base of [gwy, preset('xiang-2015')!, preset('hebei-abcd')!]) {
      for (const e of edits.filter((x) => base.id === 'gwy-2020' || x[0]!.startsWith('quota'))) {
        const grade = base.grading.labels[0]!.label;
        const mine = edit(base, ...e.map((t) => t.replace('好', grade).replace('较差', base.grading.labels.at(-1)!.label)));
        const json = JSON.parse(JSON.stringify(mine));
        expect(validate(json) ? [] : validate.errors).toEqual([]);
        expect(editScheme(json, { settings: [], locale: 'zh' })).toEqual(mine);
      }
    }
  });
});

describe('what a changed scheme changes on a sheet', () => {
  // Ten people of a gwy-2020 sheet (the national template's 17 items), totals 96 down to 86.
  const { grid } = gwySheet(
    [96, 94, 92, 91, 90, 89, 88, 87, 86, 70].map((base, i) => ({ name: `人员${i + 1}`, base, remark: i === 9 ? '试用期' : undefined })),
  );
  const before = checkGrid(grid, gwy)!;

  it('lists the people whose grade changes and the quota line whose limit changes, and nothing else', () => {
    const after = checkGrid(grid, edit(gwy, 'band.好.min=91', 'band.较好.max=91', 'quota.好.max=30%'))!;
    const changes = resultChanges(before, after);
    expect(changes.people.map((p) => [p.name, p.before?.grade, p.after?.grade])).toEqual([['人员5', '好', '较好']]);
    expect(changes.quotas.map((q) => [q.before?.count, q.before?.limit, q.after?.count, q.after?.limit])).toEqual([[5, 3, 4, 2]]);
    expect(changes.errors.before).toBeGreaterThan(0);
  });

  it('finds no change when the scheme is the same', () => {
    const changes = resultChanges(before, checkGrid(grid, edit(gwy))!);
    expect([changes.people, changes.quotas]).toEqual([[], []]);
  });
});

describe('the 方案说明表', () => {
  const gridOf = (values: (string | number | null)[][]): Grid => ({ sheet: '方案说明表', top: 1, left: 1, values, merges: [] });

  it('says the scheme a line a row for the panel to sign, and carries it below the print area to be read back equal', () => {
    const mine = edit(gwy, 'quota.好.max=30%', 'name=本局平时考核方案');
    const layout = formLayout(schemeForm(mine, 'zh'));
    expect(layout.values[0]![0]).toBe('本局平时考核方案 说明');
    expect(layout.values.map((r) => r[1])).toContain('好不超过 30%，按全单位计算，人数向下取整');
    const dataRow = layout.values.findIndex((r) => r[0] === SCHEME_DATA_LABEL) + 1;
    expect(dataRow).toBeGreaterThan(layout.printArea.bottom);

    const onSheet = schemeOnSheet(gridOf(layout.values))!;
    const back = editScheme(JSON.parse(onSheet.text), { settings: [], locale: 'zh' });
    expect(back).toEqual(mine);
    expect(editedLines(onSheet, back, 'zh')).toEqual([]);
    expect(onSheet.lines).toEqual(describeScheme(mine, 'zh').flatMap((s) => s.lines.map((l) => l.text)));
  });

  it('says which words were changed by hand, and reads nothing from a sheet without the scheme', () => {
    const layout = formLayout(schemeForm(gwy, 'zh'));
    const values = layout.values.map((r) => r.map((v) => (v === '好不超过 40%，按全单位计算，人数向下取整' ? '好不超过 50%' : v)));
    const onSheet = schemeOnSheet(gridOf(values))!;
    expect(editedLines(onSheet, gwy, 'zh')).toEqual(['好不超过 50%']);
    expect(schemeOnSheet(gridOf([['姓名', '总分']]))).toBeNull();
  });

  it('cuts a long scheme into pieces a cell can hold', () => {
    const long = edit(
      gwy,
      `condition.probation.match.keywords=${Array.from({ length: 450 }, (_x, i) => `试用期情形${i}${'甲'.repeat(60)}`).join('、')}`,
    );
    const layout = formLayout(schemeForm(long, 'zh'));
    const pieces = layout.values.slice(layout.values.findIndex((r) => r[0] === SCHEME_DATA_LABEL) + 1).map((r) => String(r[0]));
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(32767);
    expect(JSON.parse(schemeOnSheet(gridOf(layout.values))!.text)).toEqual(JSON.parse(JSON.stringify(long)));
  });
});
