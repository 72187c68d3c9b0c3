import { compact, displayWidth, headerKey, headerMax, isNilText, numberFromText, remembered } from '../../src/engine/text';

describe('header texts', () => {
  it.each([
    ['德（20分）', '德', 20],
    ['德(20分)', '德', 20],
    ['思想政治素质\n（6分）', '思想政治素质', 6],
    ['加分（≤5分）', '加分', 5],
    ['加分(最高5分)', '加分', 5],
    ['减分（5分以内）', '减分', 5],
    ['工作成效 50分', '工作成效', 50],
    ['【满分10分】廉', '廉', 10],
    ['姓 名', '姓名', null],
    ['备注：', '备注', null],
    ['业务工作（70%）', '业务工作', null],
  ])('%s → key %s, maximum %s', (text, key, max) => {
    expect(headerKey(text)).toBe(key);
    expect(headerMax(text)).toBe(max);
  });

  it('turns full-width text half-width and drops every kind of space', () => {
    expect(compact('　张　三 ')).toBe('张三');
    expect(compact('（６分）')).toBe('(6分)');
  });
});

describe('numbers typed as text', () => {
  it.each([
    ['90', 90],
    ['９０', 90],
    ['90分', 90],
    [' 89.5 ', 89.5],
    ["'90", 90],
    ['－3', -3],
    ['+2', 2],
    ['.5', 0.5],
  ])('%s → %s', (t, n) => expect(numberFromText(t)).toBe(n));

  it.each(['优秀', '90分以上', '八十', '1,000', '', 'NaN', '1e3'])('%s is not a number', (t) => expect(numberFromText(t)).toBeNull());

  it('knows the marks that mean nothing in an optional column', () => {
    expect(['-', '—', '/', '无', '／'].every(isNilText)).toBe(true);
    expect(isNilText('0')).toBe(false);
  });
});

it('measures CJK text as two columns a character', () => {
  expect(displayWidth('张三ab')).toBe(6);
});

describe('remembered texts', () => {
  it('gives what the function gives, asking it once per text until it holds `size` texts, then starts again', () => {
    const asked: string[] = [];
    const key = remembered((s: string) => {
      asked.push(s);
      return headerKey(s);
    }, 2);
    expect(['德（20分）', '德（20分）', '廉(10分)', '德（20分）'].map(key)).toEqual(['德', '德', '廉', '德']);
    expect(asked).toEqual(['德（20分）', '廉(10分)']);
    // Full: the next new text forgets the others.
    expect(key('能 (20分)')).toBe('能');
    expect(key('德（20分）')).toBe('德');
    expect(asked).toEqual(['德（20分）', '廉(10分)', '能 (20分)', '德（20分）']);
  });

  it('remembers false and empty results too', () => {
    let calls = 0;
    const empty = remembered((s: string) => {
      calls++;
      return s.trim() === '' ? '' : s;
    });
    expect([empty(' '), empty(' ')]).toEqual(['', '']);
    expect(calls).toBe(1);
  });
});
