import { evaluate, excelRound } from '../../src/engine/expr/evaluate';
import { exprRefs, fold, parseExpr, ExprError } from '../../src/engine/expr/parse';
import { toExcel } from '../../src/engine/expr/excel';
import { exprRange } from '../../src/engine/expr/range';

const env = (vals: Record<string, number | null>) => (id: string) => (id in vals ? vals[id]! : null);

describe('expressions', () => {
  it('follows arithmetic precedence, percent and unary minus', () => {
    expect(evaluate(parseExpr('0.7 * a + 30% * b - -2'), env({ a: 80, b: 90 }))).toBeCloseTo(0.7 * 80 + 0.3 * 90 + 2);
    expect(evaluate(parseExpr('(a + b) / 2'), env({ a: 3, b: 4 }))).toBe(3.5);
  });

  it('reads ids in any script', () => {
    const e = parseExpr('德 + 能 + MIN(加分, 5)');
    expect([...exprRefs(e)]).toEqual(['德', '能', '加分']);
    expect(evaluate(e, env({ 德: 18, 能: 17, 加分: 7 }))).toBe(40);
  });

  it('gives null when an input is missing, and for division by zero', () => {
    expect(evaluate(parseExpr('a + b'), env({ a: 1 }))).toBeNull();
    expect(evaluate(parseExpr('SUM(a, b)'), env({ a: 1, b: null }))).toBeNull();
    expect(evaluate(parseExpr('a / b'), env({ a: 1, b: 0 }))).toBeNull();
  });

  it('reads text with "" for a quote, as Excel writes it, and prints it back the same', () => {
    const e = parseExpr('IF(a >= 90, "说""好""", "=1+1")');
    expect(evaluate(e, env({ a: 95 }))).toBe('说"好"');
    expect(evaluate(e, env({ a: 50 }))).toBe('=1+1');
    expect(toExcel(e, (id) => id.toUpperCase() + '5')).toBe('IF(A5>=90,"说""好""","=1+1")');
    expect(() => parseExpr('IF(a > 1, "open')).toThrow(/unterminated text/);
  });

  it('has the Excel functions the schemes use', () => {
    const v = env({ a: 96.5, b: 4 });
    expect(evaluate(parseExpr('IF(a >= 90, 1, 0)'), v)).toBe(1);
    expect(evaluate(parseExpr('MAX(a, 100)'), v)).toBe(100);
    expect(evaluate(parseExpr('ABS(-b)'), v)).toBe(4);
    expect(evaluate(parseExpr('ROUND(a / 3, 2)'), v)).toBe(32.17);
    expect(evaluate(parseExpr('AND(a > 90, b < 5, NOT(b = 3))'), v)).toBe(true);
    expect(evaluate(parseExpr('OR(a < 0, b <> 4)'), v)).toBe(false);
  });

  it('rounds half away from zero on the decimal value, like Excel', () => {
    expect(excelRound(1.005, 2)).toBe(1.01);
    expect(excelRound(89.995, 2)).toBe(90);
    expect(excelRound(2.675, 2)).toBe(2.68);
    expect(excelRound(-2.5, 0)).toBe(-3);
    expect(excelRound(0.7 * 85.5 + 0.3 * 92, 2)).toBe(87.45);
    // Numbers past 15 digits have no decimals left to round: they come back as they are.
    expect([excelRound(1e307, 2), excelRound(-1e20, 2), excelRound(123456789012345.6, 0)]).toEqual([1e307, -1e20, 123456789012346]);
  });

  it.each([
    ['a +', 'unexpected end'],
    ['a b', 'unexpected text after the expression'],
    ['FOO(a)', 'unknown function FOO'],
    ['ROUND(a)', 'ROUND takes 2 arguments'],
    ['a $ b', 'unexpected "$"'],
    ['(a + b', 'expected ")"'],
  ])('rejects %s with a position', (src, msg) => {
    expect(() => parseExpr(src)).toThrow(ExprError);
    expect(() => parseExpr(src)).toThrow(msg);
  });

  it('computes the range of an expression from its inputs', () => {
    const r = (src: string) => exprRange(parseExpr(src), (id) => ({ a: { lo: 0, hi: 100 }, b: { lo: 0, hi: Infinity } })[id]!);
    expect(r('0.7 * a + 0.3 * a')).toEqual({ lo: 0, hi: 100 });
    expect(r('a + MIN(b, 5) - MIN(b, 5)')).toEqual({ lo: -5, hi: 105 });
    expect(r('-a')).toEqual({ lo: -100, hi: 0 });
  });
});

describe('folding constants', () => {
  it('drops columns that count 0 and folds what becomes constant', () => {
    const zero = (id: string) => (id === 'bonus' || id === 'penalty' ? 0 : undefined);
    const folded = fold(parseExpr('a + b + MIN(bonus, 5) - MIN(penalty, 5)'), zero);
    expect(toExcel(folded, (id) => id.toUpperCase())).toBe('A+B');
    expect(
      toExcel(
        fold(parseExpr('0 + a * 2 - -3'), () => undefined),
        (id) => id,
      ),
    ).toBe('a*2--3');
  });

  it('prints with brackets only where precedence needs them', () => {
    const t = (src: string) => toExcel(parseExpr(src), (id) => id);
    expect(t('(a + b) * c - (d - e)')).toBe('(a+b)*c-(d-e)');
    expect(t('a - (b + c)')).toBe('a-(b+c)');
    expect(t('a / (b * c)')).toBe('a/(b*c)');
    expect(t('-(a + b)')).toBe('-(a+b)');
    expect(t('IF(a >= 90, "好", "较好")')).toBe('IF(a>=90,"好","较好")');
    expect(t('0.1 + 0.2')).toBe('0.1+0.2');
  });
});
