import { PRESET_IDS, preset, rawPreset } from '../../src/schemes';
import { loadScheme } from '../../src/engine/scheme/load';
import { compileScheme } from '../../src/engine/scheme/fields';
import { checkScheme, totalRange } from '../../src/engine/scheme/check';
import { words } from '../../src/engine/report/messages';
import type { SchemeInput } from '../../src/engine/scheme/model';

const base: SchemeInput = {
  id: 'test',
  name: '测试方案',
  period: { unit: 'quarter' },
  scale: { max: 100 },
  items: [
    { id: 'a', label: '甲', max: 60 },
    { id: 'b', label: '乙', max: 40 },
  ],
  grading: {
    labels: [{ label: '优秀' }, { label: '称职' }, { label: '基本称职' }, { label: '不称职' }],
    bands: [
      { grade: '优秀', min: 90 },
      { grade: '称职', min: 70, max: 90 },
      { grade: '基本称职', min: 60, max: 70 },
      { grade: '不称职', max: 60 },
    ],
  },
};

const check = (patch: Partial<SchemeInput>) => checkScheme(compileScheme(loadScheme({ ...base, ...patch }, rawPreset)));

describe('scheme check', () => {
  // xiang-jixiao's source contradicts itself, and the check must say so: test/engine/variants.test.ts.
  const consistent = PRESET_IDS.filter((id) => id !== 'xiang-jixiao');
  it.each(consistent)('preset %s has no gaps, overlaps or maxima that do not add up', (id) => {
    expect(checkScheme(compileScheme(preset(id)!))).toEqual([]);
  });

  it('finds the three gaps of the literal 91–100 / 71–90 / 60–70 / ≤59 bands', () => {
    const issues = check({
      grading: {
        labels: base.grading.labels,
        bands: [
          { grade: '优秀', min: 91, max: 100, maxInclusive: true },
          { grade: '称职', min: 71, max: 90, maxInclusive: true },
          { grade: '基本称职', min: 60, max: 70, maxInclusive: true },
          { grade: '不称职', max: 59, maxInclusive: true },
        ],
      },
    });
    expect(issues.map((i) => i.rule)).toEqual(['scheme-gap', 'scheme-gap', 'scheme-gap']);
    expect(issues.map((i) => i.data)).toEqual([
      expect.objectContaining({ kind: 'gap', from: 59, fromInclusive: false, to: 60, toInclusive: false }),
      expect.objectContaining({ kind: 'gap', from: 70, fromInclusive: false, to: 71, toInclusive: false }),
      expect.objectContaining({ kind: 'gap', from: 90, fromInclusive: false, to: 91, toInclusive: false }),
    ]);
    expect(words(issues[2]!, 'zh').message).toBe('总分高于 90 分且低于 91 分时没有对应的等次');
    expect(words(issues[2]!, 'en').message).toBe('A total above 90 below 91 gets no grade');
  });

  it('finds an overlap at a shared inclusive boundary', () => {
    const issues = check({
      grading: {
        labels: base.grading.labels,
        bands: [
          { grade: '优秀', min: 90 },
          { grade: '称职', min: 70, max: 90, maxInclusive: true },
          { grade: '基本称职', min: 60, max: 70 },
          { grade: '不称职', max: 60 },
        ],
      },
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.data).toEqual(
      expect.objectContaining({ kind: 'overlap', from: 90, to: 90, fromInclusive: true, toInclusive: true, grades: ['优秀', '称职'] }),
    );
    expect(words(issues[0]!, 'zh').message).toBe('总分恰为 90 分时同时属于优秀、称职');
  });

  it('finds a top band that stops short of the highest possible total', () => {
    const issues = check({
      adjustments: [{ id: 'plus', label: '加分', kind: 'bonus', cap: 5 }],
      grading: {
        labels: base.grading.labels,
        bands: [
          { grade: '优秀', min: 90, max: 100, maxInclusive: true },
          { grade: '称职', min: 70, max: 90 },
          { grade: '基本称职', min: 60, max: 70 },
          { grade: '不称职', max: 60 },
        ],
      },
    });
    expect(issues.map((i) => i.data)).toEqual([
      expect.objectContaining({ kind: 'gap', from: 100, fromInclusive: false, to: 105, toInclusive: true }),
    ]);
  });

  it('finds item maxima that do not add up to the stated total, and a dimension that does not add up', () => {
    const issues = check({
      groups: [{ id: 'g', label: '德', max: 20 }],
      items: [
        { id: 'a', label: '甲', max: 6, group: 'g' },
        { id: 'b', label: '乙', max: 12, group: 'g' },
        { id: 'c', label: '丙', max: 75 },
      ],
    });
    expect(issues.map((i) => i.data)).toEqual([
      expect.objectContaining({ kind: 'max-sum', subject: expect.objectContaining({ label: '德' }), expected: 20, actual: 18 }),
      expect.objectContaining({ kind: 'max-sum', subject: null, expected: 100, actual: 95 }),
    ]);
  });

  it('finds a gap in per-item levels written as whole numbers (26–23 / 30–27)', () => {
    const issues = check({
      items: [
        {
          id: 'a',
          label: '目标任务',
          max: 30,
          levels: [
            { level: '优秀', min: 27, max: 30, maxInclusive: true },
            { level: '称职', min: 23, max: 26, maxInclusive: true },
            { level: '不称职', max: 23 },
          ],
        },
        { id: 'b', label: '乙', max: 70 },
      ],
    });
    expect(issues).toHaveLength(1);
    expect(words(issues[0]!, 'zh').message).toBe('“目标任务”得分高于 26 分且低于 27 分时没有对应的档次');
  });

  it('knows the range of every preset total: bonus and penalty widen it', () => {
    expect(totalRange(compileScheme(preset('gwy-2020')!))).toEqual({ lo: -5, hi: 105 });
    expect(totalRange(compileScheme(preset('five-dims')!))).toEqual({ lo: -10, hi: 110 });
    const x = totalRange(compileScheme(preset('xiang-2015')!));
    expect(x.lo).toBeCloseTo(0);
    expect(x.hi).toBeCloseTo(100);
  });
});
