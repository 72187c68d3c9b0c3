import { checkGrid } from '../../src/engine';
import { quotaLimit } from '../../src/engine/quota/quota';
import { loadScheme } from '../../src/engine/scheme/load';
import { preset, rawPreset } from '../../src/schemes';
import { schemeSheet, type SchemePerson } from '../helpers/sheets';

const people = (totals: number[], extra: Partial<SchemePerson> = {}): SchemePerson[] =>
  totals.map((t, i) => ({ name: `人员${i + 1}`, total: t, ...extra }));

function run(id: string, ps: SchemePerson[]) {
  const s = preset(id)!;
  return checkGrid(schemeSheet(s, ps).grid, s)!;
}

describe('quota arithmetic', () => {
  it.each([
    [7, 0.4, 'floor', 2],
    [10, 0.4, 'floor', 4],
    [3, 0.4, 'floor', 1],
    [7, 0.4, 'ceil', 3],
    [7, 0.4, 'round', 3],
    [5, 0.3, 'round', 2],
    [4, 0.3, 'round', 1],
    [7, 0.2, 'ceil', 2],
    [2, 0.4, 'floor', 0],
  ] as const)('%i people × %s rounded %s → %i', (base, share, rounding, limit) => {
    expect(quotaLimit(base, share, rounding, false)).toBe(limit);
  });

  it('never rounds 40% of 10 below 4 through binary noise, and "at least 1" lifts a zero', () => {
    expect(quotaLimit(10, 0.4, 'floor', false)).toBe(4);
    expect(quotaLimit(2, 0.4, 'floor', true)).toBe(1);
    expect(quotaLimit(0, 0.4, 'floor', true)).toBe(0);
  });
});

describe('quotas on a sheet', () => {
  it('7 graded people × 40% allows 2 好: a third is over, ranked with the cut line', () => {
    const r = run('gwy-2020', people([95, 92, 90, 85, 80, 70, 60]));
    const q = r.quotas[0]!;
    expect([q.count, q.base, q.limit, q.ratio, q.severity]).toEqual([3, 7, 2, 0.429, 'error']);
    expect(q.ranking.map((p) => [p.name, p.total, p.within, p.tie])).toEqual([
      ['人员1', 95, true, false],
      ['人员2', 92, true, false],
      ['人员3', 90, false, false],
    ]);
    const i = r.issues.find((x) => x.rule === 'quota-exceeded')!;
    expect([i.cell, i.row, i.severity]).toEqual(['Y4', 4, 'error']); // 等次 of the first person over the limit
  });

  it('marks a tie at the cut line and leaves the choice to people', () => {
    const r = run('gwy-2020', people([95, 91, 91, 80, 70, 60, 60]));
    expect(r.quotas[0]!.ranking.map((p) => [p.total, p.within, p.tie])).toEqual([
      [95, true, false],
      [91, true, true],
      [91, false, true],
    ]);
  });

  it('counts only graded people in the base; direct grades count and rank first', () => {
    const r = run('gwy-2020', [
      ...people([95, 92, 85, 80, 70]),
      { name: '试用', total: 99, remark: '试用期' },
      { name: '调出', total: 99, remark: '已调出' },
      { name: '派驻', total: 99, remark: '派驻乡镇', grade: '好' },
      { name: '急难', total: 75, remark: '急难险重任务表现突出' },
    ]);
    const q = r.quotas[0]!;
    expect([q.count, q.base, q.limit]).toEqual([3, 6, 2]);
    expect(q.ranking.map((p) => [p.name, p.within, p.direct])).toEqual([
      ['急难', true, true],
      ['人员1', true, false],
      ['人员2', false, false],
    ]);
  });

  it('xiang-2015: over 40% is a warning, over 50% an error', () => {
    const r1 = run('xiang-2015', people([95, 95, 95, 80, 80, 80, 80, 70, 70, 70]).slice(0, 7));
    expect(r1.quotas.map((q) => [q.limit, q.severity])).toEqual([
      [2, 'warning'],
      [3, 'ok'],
    ]);
    const r2 = run('xiang-2015', people([95, 95, 95, 95, 80, 80, 70]));
    expect(r2.quotas.map((q) => [q.limit, q.severity])).toEqual([
      [2, 'warning'],
      [3, 'error'],
    ]);
  });

  it('hebei-abcd: A between 20% and 30%, both ends checked', () => {
    const grades = (as: number, n: number) => Array.from({ length: n }, (_, i) => ({ name: `人员${i + 1}`, grade: i < as ? 'A' : 'B' }));
    expect(run('hebei-abcd', grades(3, 10)).quotas.map((q) => [q.kind, q.limit, q.severity])).toEqual([
      ['max', 3, 'ok'],
      ['min', 2, 'ok'],
    ]);
    expect(run('hebei-abcd', grades(4, 10)).quotas.map((q) => q.severity)).toEqual(['error', 'ok']);
    const low = run('hebei-abcd', grades(1, 10));
    expect(low.quotas.map((q) => q.severity)).toEqual(['ok', 'warning']);
    expect(low.issues.map((i) => [i.rule, i.severity])).toEqual([['quota-below-minimum', 'warning']]);
  });

  it('five-dims: 40% in each unit and in the whole office, checked together', () => {
    const ps: SchemePerson[] = [
      ...people([95, 92, 80], { unit: '综合科' }).map((p, i) => ({ ...p, name: `综合${i}` })),
      ...people([95, 80, 80, 80, 80], { unit: '业务一科' }).map((p, i) => ({ ...p, name: `业务${i}` })),
    ];
    const r = run('five-dims', ps);
    expect(r.quotas.map((q) => [q.scope, q.count, q.base, q.limit, q.severity])).toEqual([
      [{ kind: 'unit', unit: '综合科' }, 2, 3, 1, 'error'],
      [{ kind: 'unit', unit: '业务一科' }, 1, 5, 2, 'ok'],
      [{ kind: 'all' }, 3, 8, 3, 'ok'],
    ]);
    expect(r.issues.filter((i) => i.rule === 'quota-exceeded').map((i) => i.data)).toEqual([
      expect.objectContaining({ scope: { kind: 'unit', unit: '综合科' } }),
    ]);
  });

  it('xinjiang-2015: at least one person below 优秀', () => {
    const all = run('xinjiang-2015', [
      { name: '甲', grade: '优秀' },
      { name: '乙', grade: '优秀' },
    ]);
    expect(all.quotas.map((q) => [q.limit, q.count, q.severity])).toEqual([[1, 0, 'warning']]);
    const some = run('xinjiang-2015', [
      { name: '甲', grade: '优秀' },
      { name: '乙', grade: '称职' },
    ]);
    expect(some.quotas[0]!.severity).toBe('ok');
  });

  it('honours a scheme’s own rounding and "at least one"', () => {
    const s = loadScheme(
      { extends: 'gwy-2020', id: 'round-up', name: '向上取整', quotas: [{ grades: ['好'], max: 0.4, rounding: 'ceil', atLeastOne: true }] },
      rawPreset,
    );
    const r = checkGrid(schemeSheet(s, people([95, 92, 90, 70, 70, 70, 70])).grid, s)!;
    expect([r.quotas[0]!.limit, r.quotas[0]!.severity]).toEqual([3, 'ok']);
    const two = checkGrid(schemeSheet(s, people([95, 70])).grid, s)!;
    expect([two.quotas[0]!.limit, two.quotas[0]!.severity]).toEqual([1, 'ok']);
  });
});
