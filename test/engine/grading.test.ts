import { checkGrid } from '../../src/engine';
import { fieldValue } from '../../src/engine/results';
import { preset } from '../../src/schemes';
import { schemeSheet, type SchemePerson } from '../helpers/sheets';
import { noteText, words } from '../../src/engine/report/messages';

function run(id: string, people: SchemePerson[]) {
  const s = preset(id)!;
  const sheet = schemeSheet(s, people);
  return { ...checkGrid(sheet.grid, s)!, sheet };
}

/** Totals and the grade each must get, at and around every band edge. */
const EDGES: Record<string, [number, string][]> = {
  'gwy-2020': [
    [100, '好'],
    [90, '好'],
    [89.99, '较好'],
    [89.5, '较好'],
    [75, '较好'],
    [74.5, '一般'],
    [60, '一般'],
    [59.5, '较差'],
    [0, '较差'],
  ],
  'five-dims': [
    [90, '好'],
    [89.5, '较好'],
    [75, '较好'],
    [74.99, '一般'],
    [60, '一般'],
    [59.5, '较差'],
  ],
  'xiang-2015': [
    [90, '优秀'],
    [89.5, '称职'],
    [70, '称职'],
    [69.5, '基本称职'],
    [60, '基本称职'],
    [59.5, '不称职'],
  ],
  'xicheng-sifa': [
    [100, '优秀'],
    [91, '优秀'],
    [90.5, '称职'],
    [90, '称职'],
    [71, '称职'],
    [70.5, '基本称职'],
    [70, '基本称职'],
    [60, '基本称职'],
    [59.5, '不称职'],
    [59, '不称职'],
  ],
  'ju-5items': [
    [90, '优秀'],
    [89.5, '称职'],
    [75, '称职'],
    [74.5, '基本称职'],
    [60, '基本称职'],
    [59.5, '不称职'],
  ],
};

describe('grades at the band edges', () => {
  for (const [id, edges] of Object.entries(EDGES)) {
    it.each(edges)(`${id}: a total of %s gives %s`, (total, grade) => {
      // One person per sheet, so the quota (floor of 40% of 1 = 0) is not what this tests.
      const r = run(id, [{ name: '张三', total }]);
      expect(r.people[0]!.total).toBe(total);
      expect(r.people[0]!.grade).toBe(grade);
      expect(r.issues.filter((i) => i.rule !== 'quota-exceeded')).toEqual([]);
    });
  }
});

describe('totals', () => {
  it('xiang-2015 weighs 绩 70/30 inside and the democratic appraisal 30% overall', () => {
    const r = run('xiang-2015', [{ name: '张三', values: { de: 18, neng: 17, qin: 13, yewu: 30, zhongxin: 20, lian: 9, minzhu: 92 } }]);
    const p = r.people[0]!;
    expect(fieldValue(r, p, 'ji')).toBeCloseTo(27);
    expect(fieldValue(r, p, 'lingdao')).toBeCloseTo(84);
    expect(p.total).toBe(86.4); // 0.7 × 84 + 0.3 × 92
    expect(p.grade).toBe('称职');
  });

  it('rounds the total to 2 decimals before grading (89.995 is 好)', () => {
    const r = run('xiang-2015', [{ name: '张三', values: { de: 20, neng: 20, qin: 15, yewu: 35, zhongxin: 35, lian: 10, minzhu: 66.65 } }]);
    expect(r.people[0]!.total).toBe(90); // 70 + 19.995 → 90.00
    expect(r.people[0]!.grade).toBe('优秀');
  });

  it('caps bonus and penalty at 5 and reports what is over the cap', () => {
    const r = run('gwy-2020', [
      { name: '甲', total: 80, bonus: 7 },
      { name: '乙', total: 80, penalty: 8 },
      { name: '丙', total: 80, bonus: 5, penalty: 2 },
      { name: '丁', total: 80, penalty: -3 },
    ]);
    expect(r.people.map((p) => p.total)).toEqual([85, 75, 83, 77]);
    expect(r.issues.map((i) => [i.rule, i.cell, i.data.rule === 'out-of-range' && i.data.cap])).toEqual([
      ['out-of-range', `${String.fromCharCode(64 + r.sheet.col('bonus'))}2`, true],
      ['out-of-range', `${String.fromCharCode(64 + r.sheet.col('penalty'))}3`, true],
    ]);
  });

  it('lets a score of 0 count and reports an empty one', () => {
    const r = run('xicheng-sifa', [
      { name: '甲', values: { score: 0 } },
      { name: '乙', values: { score: null } },
    ]);
    expect(r.people.map((p) => [p.total, p.grade])).toEqual([
      [0, '不称职'],
      [null, null],
    ]);
    expect(r.issues.map((i) => [i.rule, i.cell])).toEqual([['missing-value', 'E3']]);
  });

  it('notes the allowance consequences of xicheng-sifa scores', () => {
    const r = run('xicheng-sifa', [
      { name: '甲', total: 65 },
      { name: '乙', total: 59 },
      { name: '丙', total: 80 },
    ]);
    expect(r.people.map((p) => p.flags.length)).toEqual([1, 2, 0]);
    expect(noteText(r.people[0]!.flags[0]!, 'zh')).toContain('区县津补贴按一半计发');
  });
});

describe('per-item levels (ju-5items)', () => {
  it.each([
    [27, '优秀'],
    [26.5, '称职'],
    [23, '称职'],
    [22.5, '基本称职'],
    [18, '基本称职'],
    [17.5, '不称职'],
  ])('目标任务完成情况 %s is %s', (v, level) => {
    const r = run('ju-5items', [{ name: '甲', values: { mubiao: v } }]);
    expect(r.people[0]!.levels['mubiao']).toBe(level);
  });

  it.each([
    [20, '自觉遵守'],
    [12, '基本能够遵守'],
    [11.5, '违反受告诫'],
    [0.5, '违反受告诫'],
    [0, '受处分'],
  ])('遵守廉洁自律情况 %s is %s', (v, level) => {
    const r = run('ju-5items', [{ name: '甲', values: { lianjie: v } }]);
    expect(r.people[0]!.levels['lianjie']).toBe(level);
  });
});

describe('direct grades and caps', () => {
  it('gives 好 for 急难险重 whatever the total, and 较差 for refusing arrangements', () => {
    const r = run('gwy-2020', [
      { name: '甲', total: 72, remark: '承担防汛急难险重任务表现突出' },
      { name: '乙', total: 95, remark: '关键时刻不服从组织安排' },
      { name: '丙', total: 70, remark: '工伤病假60天' },
    ]);
    expect(r.people.map((p) => [p.grade, p.gradeFrom])).toEqual([
      ['好', 'direct'],
      ['较差', 'direct'],
      ['较好', 'direct'],
    ]);
    expect(noteText(r.people[0]!.reason!, 'zh')).toContain('急难险重');
  });

  it('five-dims: a commendation gives 好, a demerit gives 较差 (not "no grade")', () => {
    const r = run('five-dims', [
      { name: '甲', total: 80, remark: '获嘉奖一次' },
      { name: '乙', total: 92, remark: '受行政记过处分' },
    ]);
    expect(r.people.map((p) => [p.status, p.grade])).toEqual([
      ['graded', '好'],
      ['graded', '较差'],
    ]);
  });

  it('reports a sheet grade that contradicts a direct grade, with the reason', () => {
    const r = run('gwy-2020', [{ name: '甲', total: 95, grade: '好', remark: '推诿扯皮造成不良后果' }]);
    expect(r.issues.map((i) => i.rule)).toEqual(['grade-mismatch']);
    expect(r.issues[0]!.data).toEqual(
      expect.objectContaining({
        sheet: '好',
        computed: '较差',
        why: expect.objectContaining({ text: expect.stringContaining('不服从组织安排') }),
      }),
    );
    expect(words(r.issues[0]!, 'zh').message).toContain('：重大关头、关键时刻不服从组织安排');
  });
});

describe('entered grades (hebei-abcd)', () => {
  it('reads A/B/C/D as written, with 档 and lower case', () => {
    const r = run('hebei-abcd', [
      { name: '甲', grade: 'A' },
      { name: '乙', grade: 'B档' },
      { name: '丙', grade: 'c' },
      { name: '丁', grade: 'D档次' },
      { name: '戊', grade: 'B' },
    ]);
    expect(r.people.map((p) => p.grade)).toEqual(['A', 'B', 'C', 'D', 'B']);
    expect(r.scoring).toBe('entered');
    expect(r.issues).toEqual([]);
  });

  it('caps A at B under a warning sanction, and makes a refusal D', () => {
    const r = run('hebei-abcd', [
      { name: '甲', grade: 'A', remark: '受警告处分，处分期内' },
      { name: '乙', grade: 'C', remark: '经批评教育后仍拒不参加平时考核' },
      { name: '丙', grade: 'A', remark: '受记过处分' },
      { name: '丁', grade: 'B' },
      { name: '戊', grade: 'A' },
    ]);
    expect(r.people.map((p) => [p.status, p.grade])).toEqual([
      ['graded', 'B'],
      ['graded', 'D'],
      ['ungraded', null],
      ['graded', 'B'],
      ['graded', 'A'],
    ]);
    expect(r.issues.map((i) => [i.rule, i.cell])).toEqual([
      ['grade-mismatch', 'F2'],
      ['grade-mismatch', 'F3'],
      ['grade-mismatch', 'F4'],
    ]);
  });

  it('reports a grade the scheme does not know and an empty one', () => {
    const r = run('hebei-abcd', [{ name: '甲', grade: '优秀' }, { name: '乙' }, { name: '丙', grade: 'B' }]);
    expect(r.issues.map((i) => [i.rule, i.cell, i.severity])).toEqual([
      ['quota-below-minimum', null, 'warning'],
      ['unknown-grade', 'F2', 'error'],
      ['missing-value', 'F3', 'error'],
    ]);
  });
});
