/**
 * Scheme files a user may pick by mistake, or that someone wrote to break the tool: each is
 * refused with a message that says what is wrong, or accepted and then checks a sheet without
 * an exception. Never a stack overflow, never a silent wrong total.
 */
import { checkGrid, SchemeError, words } from '../../src/engine';
import { rawPreset, schemeFromText, storedScheme } from '../../src/schemes';
import { gwySheet } from '../helpers/sheets';

const gwy = rawPreset('gwy-2020') as Record<string, any>;
const variant = (patch: Record<string, unknown>): string => JSON.stringify({ ...gwy, ...patch });
const grid = gwySheet([
  { name: '张三', base: 80 },
  { name: '李四', base: 95 },
]).grid;

function refusal(text: string): string {
  try {
    schemeFromText(text, 'zh');
  } catch (e) {
    expect(e).toBeInstanceOf(SchemeError);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('scheme files that are not schemes are refused with a reason', () => {
  it.each([
    ['an empty file', '', /^方案文件不是有效的 JSON（第 1 行附近）$/],
    ['JSON that breaks on line 3', '{\n  "id": "x",\n  "name": tru\n}', /^方案文件不是有效的 JSON（第 3 行附近）$/],
    ['a text file', '考核方案：好 90 分以上', /不是有效的 JSON/],
    ['a workbook picked by mistake', 'PK\u0003\u0004\u0014\u0000\u0006\u0000', /不是有效的 JSON/],
    ['a JSON array', '[1, 2, 3]', /不是一个 JSON 对象/],
    ['JSON nested 100,000 levels', `${'['.repeat(100000)}${']'.repeat(100000)}`, /不是一个 JSON 对象/],
    ['an object nested 100 levels', `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`, /嵌套超过 16 层/],
    ['a 30 MB file', variant({ note: '注'.repeat(30_000_000) }), /方案文件太大（30\d{3} KB/],
    [
      '20,000 items',
      variant({ items: Array.from({ length: 20000 }, (_, i) => ({ id: `i${i}`, label: `${i}`, max: 1 })) }),
      /太大|最多 500 项/,
    ],
    [
      '600 items in a small file',
      variant({ items: Array.from({ length: 600 }, (_, i) => ({ id: `i${i}`, label: `${i}`, max: 1 })) }),
      /items 有 600 项，最多 500 项/,
    ],
    [
      'a total of 100,000 brackets',
      variant({ total: { expr: `${'('.repeat(50000)}de${')'.repeat(50000)}` } }),
      /total\.expr 有 100002 个字/,
    ],
    [
      'a total nested 100 levels',
      variant({ total: { expr: `${'('.repeat(100)}de${')'.repeat(100)}` } }),
      /^total\.expr：公式“\(+…”第 65 个字符处嵌套超过 64 层$/,
    ],
    [
      'a total of 2,500 characters',
      variant({ total: { expr: Array(1250).fill('de').join('+').slice(0, 2500) } }),
      /超出了 2000 个字的上限/,
    ],
    ['a sign repeated 1,000 times', variant({ total: { expr: `${'-'.repeat(1000)}de` } }), /嵌套超过 64 层/],
    [
      'negative maxima',
      variant({ items: gwy['items'].map((i: object) => ({ ...i, max: -5 })) }),
      /^第 1 个分项：最低分高于满分；第 2 个分项：/,
    ],
    ['a quota over 100 %', variant({ quotas: [{ grades: ['好'], max: 5 }] }), /^第 1 个名额：max 应不大于 1$/],
    ['a quota that is not a number', variant({ quotas: [{ grades: ['好'], max: '40%' }] }), /^第 1 个名额：max 应为数字$/],
    ['a period of 0 days', variant({ period: { unit: 'quarter', days: 0 } }), /^period\.days 应大于 0$/],
    [
      'computed fields in a loop',
      variant({
        computed: [
          { id: 'a', label: 'A', expr: 'b' },
          { id: 'b', label: 'B', expr: 'a' },
        ],
      }),
      /a → b → a/,
    ],
    ['an item without an id', variant({ items: [{ label: '德', max: 20 }, ...gwy['items'].slice(1)] }), /^第 1 个分项：缺少 id（必填）$/],
    ['an extends that names nothing', JSON.stringify({ extends: 'gwy-2099', id: 'x' }), /"gwy-2099" 不存在/],
  ])('%s', (_, text, why) => {
    expect(refusal(text)).toMatch(why);
  });

  it('stored in a workbook, too large a scheme is refused the same way', () => {
    expect(() =>
      storedScheme({ ...gwy, items: Array.from({ length: 501 }, (_, i) => ({ id: `i${i}`, label: `${i}`, max: 1 })) }, 'en'),
    ).toThrow(/items has 501 entries, at most 500/);
  });
});

describe('numbers that are not finite are refused, naming the field (issue 19)', () => {
  const withQuotaMax = (v: string) => `{ "id": "t", "name": "t", "extends": "gwy-2020",\n  "quota": [{ "grade": "好", "max": ${v} }] }`;
  it.each(['1e999', '-1e999', 'Infinity', '-Infinity', 'NaN'])('max: %s', (v) => {
    expect(refusal(withQuotaMax(v))).toBe(`quota 第 1 项：max 写的是 ${v}，不是一个有限的数：请写普通的数字`);
  });

  it('a number in a text, or a large finite one, is not touched', () => {
    const s = schemeFromText(
      `{ "id": "t", "name": "1e999 NaN", "extends": "gwy-2020", "note": "Infinity", "maxPlaces": 1e300 }`,
      'zh',
    ) as any;
    expect([s.name, s.note]).toEqual(['1e999 NaN', 'Infinity']);
  });

  it('every such number is named, in items too', () => {
    const items = gwy['items'].map((x: any, i: number) => (i === 2 || i === 4 ? { ...x, max: '@' } : x));
    const text = variant({ items }).replace('"max":"@"', '"max": 1E+400').replace('"max":"@"', '"max": NaN');
    expect(refusal(text)).toBe(
      '第 3 个分项：max 写的是 1E+400，不是一个有限的数：请写普通的数字；第 5 个分项：max 写的是 NaN，不是一个有限的数：请写普通的数字',
    );
  });

  it('stored in a workbook (already parsed), an infinite number is refused the same way', () => {
    expect(() => storedScheme({ ...gwy, quota: [{ grade: '好', max: Infinity }] }, 'en')).toThrow(
      /^quota entry 1: max is Infinity, not a finite number: write an ordinary number$/,
    );
  });
});

describe('odd but valid schemes check a sheet without an exception', () => {
  it('a total that divides by 0: no total, and each row says why', () => {
    const r = checkGrid(grid, schemeFromText(variant({ total: { expr: 'de / (lian - lian)' } }), 'zh'))!;
    expect(r.people.map((p) => [p.total, p.grade])).toEqual([
      [null, null],
      [null, null],
    ]);
    const rows = r.issues.filter((i) => i.data.rule === 'scheme-gap' && i.data.kind === 'total-not-a-number');
    expect(rows.map((i) => i.cell)).toEqual(['W5', 'W6']); // 合计 (column 23: 3 identity columns, 17 items, 加分, 减分) of each person
    expect(words(rows[0]!, 'zh').message).toBe('各项分数齐全，但按方案的总分公式算不出数（如除以 0）');
  });

  it('maxima of 1e308 and scores of 1e308 give no Infinity total', () => {
    const huge = variant({ items: gwy['items'].map((i: object) => ({ ...i, max: 1e308 })), scale: { max: 1e308 } });
    const g = gwySheet([{ name: '张三', items: Array(17).fill(1e308) }]).grid;
    const r = checkGrid(g, schemeFromText(huge, 'zh'))!;
    expect(r.people[0]!.total).toBeNull();
    expect(r.issues.some((i) => i.data.rule === 'scheme-gap' && i.data.kind === 'total-not-a-number')).toBe(true);
  });

  it('ids that are names of object properties (constructor, __proto__) are fields like any other', () => {
    const items = gwy['items'].map((i: { id: string }, n: number) =>
      n === 0 ? { ...i, id: 'constructor' } : n === 1 ? { ...i, id: 'toString' } : i,
    );
    const r = checkGrid(grid, schemeFromText(variant({ items }), 'zh'))!;
    expect(r.people.map((p) => p.total)).toEqual([80, 95]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    schemeFromText('{"__proto__": {"polluted": 1}, "extends": "gwy-2020", "id": "p"}', 'zh');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
