/**
 * Sick and personal leave over half the period, in the phrasings offices write in 备注 (the words
 * are data: src/engine/grade/leave.json). Where the phrasings come from:
 * - seed 002 篇二 注意事项 7 (gwy-2020): "病、事假累计时间超过当期平时考核周期一半的……不确定等次";
 * - seed 002 篇三 六(一) (hebei-abcd): "在季度考核周期内因病、因事请假累计超过考核天数一半的，不进行考核";
 * - issue #16's rosters: "病事假累计超过本季度一半", "病假两个月" in a quarter, "事假累计超过半个季度",
 *   "病假累计达46天" (a quarter is 91 days in gwy-2020: half is 45.5).
 */
import { checkGrid } from '../../src/engine';
import { readLeave } from '../../src/engine/grade/leave';
import { preset } from '../../src/schemes';
import { gwySheet, schemeSheet } from '../helpers/sheets';

const gwy = preset('gwy-2020')!;

describe('leave as a remark states it', () => {
  it.each<[string, Record<string, number>, [string, string][]]>([
    ['病事假累计超过本季度一半', {}, [['病事假', 'quarter']]],
    ['事假累计超过半个季度', {}, [['事假', 'quarter']]],
    ['病、事假累计时间超过当期平时考核周期一半', {}, [['病事假', 'period']]],
    ['因病、因事请假累计超过考核天数一半', {}, [['病事假', 'period']]],
    ['病事假超过考核期一半', {}, [['病事假', 'period']]],
    ['病假超过一半', {}, [['病假', 'period']]],
    ['病事假过半', {}, [['病事假', 'period']]],
    ['病假累计超过本月一半', {}, [['病假', 'month']]],
    ['工伤病假超过本季度一半', {}, [['工伤病假', 'quarter']]],
    ['病假两个月', { 病假: 60 }, []],
    ['病假累计达46天', { 病假: 46 }, []],
    ['病假一个半月', { 病假: 45 }, []],
    ['请病假50余天', { 病假: 50 }, []],
    ['因病请假３０天，事假 ２０ 天', { 病假: 30, 事假: 20 }, []],
    ['病假和事假共计47天', { 病事假: 47 }, []],
    ['病假超过50天', { 病假: 50 }, []],
    ['病事假天数超过季度天数的一半', {}, [['病事假', 'quarter']]],
    ['病假5月3日至6月1日', {}, []],
    ['病事假累计未超过本季度一半', {}, []],
    ['病假不到两个月', {}, []],
  ])('「%s」', (text, days, overHalf) => {
    const leave = readLeave(text);
    expect(Object.fromEntries(leave.days)).toEqual(days);
    expect(leave.overHalf.map((o) => [o.kind, o.period])).toEqual(overHalf);
  });
});

describe('gwy-2020: leave over half the quarter takes part without a grade, outside the quota base', () => {
  // A gwy-2020 sheet (附件2's 17 items) with one person per phrasing, 80 points each (较好), and two at 95 (好).
  const over = [
    '病事假累计超过本季度一半',
    '病假两个月',
    '事假累计超过半个季度',
    '病假累计达46天',
    '病、事假累计时间超过当期平时考核周期一半',
    '病假30天，事假16天',
    '因病、因事请假累计超过考核天数一半',
    '病假超过50天',
  ];
  // "超过45天" says at least 45 days, not more than 45.5: it is not read as over half.
  const notOver = [
    '病假超过45天',
    '病假累计达45天',
    '病假一个半月',
    '病事假累计未超过本季度一半',
    '病假累计超过本月一半',
    '产假两个月',
    '年休假累计超过本季度一半',
  ];

  it('each phrasing over half is 病事假超半; those at or under half, or of leave that does not count, are graded', () => {
    const { grid, rows } = gwySheet([
      { name: '甲', base: 95 },
      { name: '乙', base: 95 },
      ...over.map((remark, i) => ({ name: `超${i + 1}`, base: 80, remark })),
      ...notOver.map((remark, i) => ({ name: `未${i + 1}`, base: 80, remark })),
    ]);
    const r = checkGrid(grid, gwy)!;
    const byName = new Map(r.people.map((p) => [p.name, p]));
    over.forEach((_, i) => {
      const p = byName.get(`超${i + 1}`)!;
      expect([p.status, p.grade, p.reasonLabel]).toEqual(['ungraded', null, '病事假超半']);
    });
    notOver.forEach((_, i) => {
      const p = byName.get(`未${i + 1}`)!;
      expect([p.status, p.grade]).toEqual(['graded', '较好']);
    });
    // The base is the graded: 2 at 好 and the 7 not over half; 40% of 9 is 3.6 → 3 places, 2 used.
    expect(r.quotas.map((q) => [q.count, q.base, q.limit])).toEqual([[2, 9, 3]]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(rows).toHaveLength(2 + over.length + notOver.length);
  });

  it('work-injury sick leave over half is 较好, not 病事假超半 (注意事项 8)', () => {
    const { grid } = gwySheet([{ name: '丙', base: 95, remark: '工伤病假超过本季度一半' }]);
    const p = checkGrid(grid, gwy)!.people[0]!;
    expect([p.status, p.grade, p.gradeFrom]).toEqual(['graded', '较好', 'direct']);
  });
});

describe('other presets with the same rule read the same phrasings', () => {
  it('hebei-abcd (篇三): 不进行考核 — not appraised at all', () => {
    const s = preset('hebei-abcd')!;
    const people = ['病事假累计超过本季度一半', '病假两个月', '因病、因事请假累计超过考核天数一半', '病假累计达45天'].map((remark, i) => ({
      name: `人${i + 1}`,
      remark,
      grade: 'B',
    }));
    const r = checkGrid(schemeSheet(s, people).grid, s)!;
    expect(r.people.map((p) => p.status)).toEqual(['excluded', 'excluded', 'excluded', 'graded']);
  });

  it.each(['xiang-2015', 'xicheng-sifa', 'ju-5items', 'five-dims', 'xinjiang-2015'])('%s: 事假累计超过半个季度 → no grade', (id) => {
    const s = preset(id)!;
    const grade = s.grading.mode === 'entered' ? s.grading.labels[1]!.label : null;
    const r = checkGrid(schemeSheet(s, [{ name: '张三', remark: '事假累计超过半个季度', grade }]).grid, s)!;
    expect([r.people[0]!.status, r.people[0]!.reasonLabel]).toEqual(['ungraded', '病事假超半']);
  });
});
