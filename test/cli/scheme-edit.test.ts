/**
 * `kaohe scheme` in words and `kaohe scheme --set` (#18) on the bundled example (gwy-2020-q1.xlsx:
 * 6 of 12 graded people are 好): an office's copy with 好 ≤ 30% saved from stdout and given back
 * with --scheme changes the quota's limit from 4 to 3, and nothing else.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

const example = join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx');

describe('kaohe scheme', () => {
  it('says the scheme in words, section by section, then its own check', async () => {
    const r = await kaohe('scheme', 'gwy-2020');
    expect(r.code).toBe(0);
    const out = r.out.split('\n');
    expect(out).toContain('等次');
    expect(out).toContain('  较好：75 分及以上、低于 90 分（89.5 分为较好）');
    expect(out).toContain('  好不超过 40%，按全单位计算，人数向下取整');
    expect(r.out).toContain('方案 gwy-2020 检查通过');
  });

  it('--set writes a copy based on the preset that --scheme takes back: the 好 limit goes from 4 to 3', async () => {
    const r = await kaohe('scheme', 'gwy-2020', '--set', 'quota.好.max=30%', '--name', '本局平时考核方案');
    expect(r.code).toBe(0);
    const mine = JSON.parse(r.out);
    expect([mine.id, mine.name, mine.basedOn, mine.$schema]).toEqual(['gwy-2020-custom', '本局平时考核方案', 'gwy-2020', undefined]);
    expect(r.err).toContain('方案 gwy-2020-custom（基于 gwy-2020 修改），与 gwy-2020 相比有 1 处不同：');
    expect(r.err).toContain('好不超过 30%，按全单位计算，人数向下取整（原为：好不超过 40%，按全单位计算，人数向下取整）');

    const file = join(tempDir(), 'mine.json');
    writeFileSync(file, r.out);
    const before = (await kaoheJson('check', example)).report;
    const after = (await kaoheJson('check', example, '--scheme', file)).report;
    expect(before.quota.map((q: any) => [q.count, q.limit, q.share, q.id])).toEqual([[6, 4, 0.4, 'hao-max-40']]);
    expect(after.quota.map((q: any) => [q.count, q.limit, q.share, q.id])).toEqual([[6, 3, 0.3, null]]);
    expect(after.schemeSource).toBe('argument');
    // Only the quota changed: the same people, totals and grades.
    const people = (rep: any): unknown => rep.people.map((p: any) => [p.name, p.total, p.grade]);
    expect(people(after)).toEqual(people(before));
  });

  it('--set that leaves the bands overlapping gives the scheme, and says the overlap', async () => {
    const r = await kaohe('scheme', 'gwy-2020', '--set', 'band.好.min=85');
    expect(r.code).toBe(0);
    expect(r.err).toContain('总分不低于 85 分且低于 90 分时同时属于好、较好');
  });

  it('refuses a setting that names nothing or a value out of range, with exit 2 and words', async () => {
    const none = await kaohe('scheme', 'gwy-2020', '--set', 'item.不存在.max=1');
    expect([none.code, none.out]).toEqual([2, '']);
    expect(none.err).toContain('方案中没有“不存在”');
    const over = await kaohe('scheme', 'gwy-2020', '--set', 'quota.好.max=150%');
    expect(over.code).toBe(2);
    expect(over.err).toContain('第 1 个名额');
    const bare = await kaohe('scheme', 'gwy-2020', '--set', 'quota.好.max');
    expect(bare.err).toContain('缺少“=”');
  });
});
