import type { Expr } from './parse';

/** A closed range of numbers; ±Infinity for unbounded. */
export interface Range {
  lo: number;
  hi: number;
}

const ALL: Range = { lo: -Infinity, hi: Infinity };

function mul(a: Range, b: Range): Range {
  const ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((x) => (Number.isNaN(x) ? 0 : x));
  return { lo: Math.min(...ps), hi: Math.max(...ps) };
}

/**
 * The range an expression can take when each field lies in its range (interval arithmetic).
 * Used to find the lowest and highest possible total, so the scheme check knows which scores
 * the grade bands must cover. Comparisons and logic give [0, 1]; division is left unbounded
 * unless the divisor is a positive constant.
 */
export function exprRange(e: Expr, rangeOf: (id: string) => Range): Range {
  switch (e.k) {
    case 'num':
      return { lo: e.v, hi: e.v };
    case 'str':
      return ALL;
    case 'ref':
      return rangeOf(e.id);
    case 'neg': {
      const r = exprRange(e.e, rangeOf);
      return { lo: 0 - r.hi, hi: 0 - r.lo };
    }
    case 'bin': {
      const a = exprRange(e.a, rangeOf);
      const b = exprRange(e.b, rangeOf);
      switch (e.op) {
        case '+':
          return { lo: a.lo + b.lo, hi: a.hi + b.hi };
        case '-':
          return { lo: a.lo - b.hi, hi: a.hi - b.lo };
        case '*':
          return mul(a, b);
        case '/':
          return b.lo === b.hi && b.lo > 0 ? { lo: a.lo / b.lo, hi: a.hi / b.lo } : ALL;
        default:
          return { lo: 0, hi: 1 };
      }
    }
    case 'call': {
      const rs = e.args.map((x) => exprRange(x, rangeOf));
      switch (e.fn) {
        case 'SUM':
          return rs.reduce((s, r) => ({ lo: s.lo + r.lo, hi: s.hi + r.hi }), { lo: 0, hi: 0 });
        case 'MIN':
          return { lo: Math.min(...rs.map((r) => r.lo)), hi: Math.min(...rs.map((r) => r.hi)) };
        case 'MAX':
          return { lo: Math.max(...rs.map((r) => r.lo)), hi: Math.max(...rs.map((r) => r.hi)) };
        case 'ABS': {
          const r = rs[0]!;
          if (r.lo >= 0) return r;
          if (r.hi <= 0) return { lo: -r.hi, hi: -r.lo };
          return { lo: 0, hi: Math.max(-r.lo, r.hi) };
        }
        case 'ROUND':
          return rs[0]!;
        case 'IF':
          return { lo: Math.min(rs[1]!.lo, rs[2]!.lo), hi: Math.max(rs[1]!.hi, rs[2]!.hi) };
        default:
          return { lo: 0, hi: 1 };
      }
    }
  }
}
