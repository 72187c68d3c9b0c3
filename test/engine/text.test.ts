import fc from 'fast-check';
import { keyOf } from '../../src/engine/table/columns';
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

it('compacts any text as NFKC without white space does (names of plain characters passed through as they are)', () => {
  const chars = fc.oneof(
    fc.constantFrom(
      ' ',
      '\u3000',
      '\t',
      '\u200b',
      '\ufeff',
      'Ａ',
      '９',
      '（',
      '⼈',
      '㈱',
      'ﬁ',
      'é',
      'e\u0301',
      '张',
      '龥',
      '\u4e00',
      '\u9fff',
      'a',
      '~',
      '!',
    ),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  );
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 12 }), (a) => {
      const s = a.join('');
      expect(compact(s)).toBe(s.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]+/g, ''));
    }),
    { numRuns: 3000 },
  );
  expect(compact('张 三')).toBe('张三');
  expect(compact('Ａ９')).toBe('A9');
});

it('leaves text of CJK ideographs, digits and small letters not ending in 分 alone as a header key (the column words look such text up without the memory)', () => {
  // src/engine/table/columns.ts keyOf: such a name (张三, 人员12) is its own key, as headerKey lower-cased makes it.
  const own = fc.array(
    fc.oneof(
      fc.integer({ min: 0x4e00, max: 0x9fff }),
      fc.integer({ min: 0x30, max: 0x39 }),
      fc.integer({ min: 0x61, max: 0x7a }),
      fc.constantFrom(0x4e00, 0x9fff, 0x5206 /* 分 */, 0x5408 /* 合 */, 0x30, 0x39),
    ),
    { minLength: 1, maxLength: 10 },
  );
  fc.assert(
    fc.property(own, (codes) => {
      const s = String.fromCharCode(...codes);
      fc.pre(!s.endsWith('分'));
      expect(headerKey(s).toLowerCase()).toBe(s);
    }),
    { numRuns: 3000 },
  );
  // Ending in 分 after digits it is not: 德20分 is 德.
  expect(headerKey('德20分')).toBe('德');
  // And the column words' key is headerKey lower-cased on any text, whichever way it is found.
  const chars = fc.oneof(
    fc.constantFrom('分', '张', '德', '1', '0', '.', 'a', 'Z', '（', '(', ')', '）', '：', ' ', '　', '※', 'Ａ', '\u200b'),
    fc.integer({ min: 0x20, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  );
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 8 }), (a) => {
      const s = a.join('');
      expect(keyOf(s)).toBe(headerKey(s).toLowerCase());
    }),
    { numRuns: 3000 },
  );
  // Not so once anything else is in it: a bracketed maximum, a trailing colon.
  expect(headerKey('德（20分）')).toBe('德');
  expect(headerKey('备注：')).toBe('备注');
});

it('measures CJK text as two columns a character', () => {
  expect(displayWidth('张三ab')).toBe(6);
  // A character beyond the BMP (a surrogate pair) is one character: 𠀀 (U+20000) wide, 😀 (U+1F600) narrow; a lone half counts one.
  expect(displayWidth('𠀀a😀')).toBe(4);
  expect(displayWidth('\ud840x\udc00')).toBe(3);
});

it('measures as counting the string by code point does, on any text', () => {
  const wide = (cp: number) =>
    [
      [0x1100, 0x115f],
      [0x2e80, 0x303e],
      [0x3041, 0x33ff],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xa000, 0xa4cf],
      [0xac00, 0xd7a3],
      [0xf900, 0xfaff],
      [0xfe30, 0xfe4f],
      [0xff00, 0xff60],
      [0xffe0, 0xffe6],
      [0x20000, 0x3fffd],
    ].some(([lo, hi]) => cp >= lo! && cp <= hi!);
  const byCodePoint = (s: string) => [...s].reduce((w, ch) => w + (wide(ch.codePointAt(0)!) ? 2 : 1), 0);
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
      expect(displayWidth(a)).toBe(byCodePoint(a));
      expect(displayWidth(b)).toBe(byCodePoint(b));
    }),
    { numRuns: 2000 },
  );
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
