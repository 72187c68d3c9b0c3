import type { Expr } from './parse';

/** A value during evaluation. null means "not known" (a missing input) and propagates. */
export type Value = number | string | boolean | null;

/**
 * Evaluates an expression. `lookup` gives a field's value; missing inputs are null and make
 * the result null, so a total is never computed from a partial row. Arithmetic follows Excel
 * (TRUE = 1); division by zero gives null, as #DIV/0! would leave the cell without a number.
 */
export function evaluate(e: Expr, lookup: (id: string) => Value): Value {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'str':
      return e.v;
    case 'ref':
      return lookup(e.id);
    case 'neg': {
      const v = num(evaluate(e.e, lookup));
      return v === null ? null : -v;
    }
    case 'bin': {
      const a = evaluate(e.a, lookup);
      const b = evaluate(e.b, lookup);
      if (a === null || b === null) return null;
      switch (e.op) {
        case '+':
        case '-':
        case '*':
        case '/': {
          const x = num(a);
          const y = num(b);
          if (x === null || y === null) return null;
          if (e.op === '+') return x + y;
          if (e.op === '-') return x - y;
          if (e.op === '*') return x * y;
          return y === 0 ? null : x / y;
        }
        default:
          return compare(e.op, a, b);
      }
    }
    case 'call': {
      const args = e.args.map((x) => evaluate(x, lookup));
      switch (e.fn) {
        case 'SUM':
        case 'MIN':
        case 'MAX': {
          const ns = args.map(num);
          if (ns.some((n) => n === null)) return null;
          const xs = ns as number[];
          if (e.fn === 'SUM') return xs.reduce((s, x) => s + x, 0);
          return e.fn === 'MIN' ? Math.min(...xs) : Math.max(...xs);
        }
        case 'ABS': {
          const x = num(args[0]!);
          return x === null ? null : Math.abs(x);
        }
        case 'ROUND': {
          const x = num(args[0]!);
          const d = num(args[1]!);
          if (x === null || d === null) return null;
          return excelRound(x, Math.trunc(d));
        }
        case 'IF': {
          const c = args[0]!;
          if (c === null) return null;
          return truthy(c) ? evaluate(e.args[1]!, lookup) : evaluate(e.args[2]!, lookup);
        }
        case 'AND':
          return args.some((a) => a === null) ? null : args.every(truthy);
        case 'OR':
          return args.some((a) => a === null) ? null : args.some(truthy);
        case 'NOT':
          return args[0] === null ? null : !truthy(args[0]!);
      }
    }
  }
  return null;
}

function num(v: Value): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

function truthy(v: Value): boolean {
  if (typeof v === 'string') return v.length > 0;
  return Boolean(v);
}

function compare(op: string, a: Value, b: Value): boolean {
  const x = typeof a === 'boolean' ? Number(a) : a;
  const y = typeof b === 'boolean' ? Number(b) : b;
  switch (op) {
    case '=':
      return x === y;
    case '<>':
      return x !== y;
    case '<':
      return x! < y!;
    case '<=':
      return x! <= y!;
    case '>':
      return x! > y!;
    default:
      return x! >= y!;
  }
}

/** Excel's ROUND: half away from zero, on the value's 15-digit decimal form. */
export function excelRound(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  // Fast path: far from a half, plain rounding gives the same; near one, round the decimal form.
  const f = 10 ** decimals;
  const scaled = Math.abs(x) * f;
  const frac = scaled - Math.floor(scaled);
  if (Math.abs(frac - 0.5) > 1e-6 && scaled < 1e15) {
    const r = Math.round(scaled) / f;
    return x < 0 ? -r : r;
  }
  // Beyond 15 digits there is no decimal left to round (and "1e+307e2" is not a number).
  if (scaled >= 1e15) return x;
  const s = Math.abs(x).toPrecision(15);
  const r = Number(`${Math.round(Number(`${s}e${decimals}`))}e${-decimals}`);
  return x < 0 ? -r : r;
}

/**
 * An expression turned into a function once (a tree of closures, no eval), for the hot loop
 * over rows: field ids are resolved to positions in an array of values at compile time.
 */
export type Compiled = (vals: readonly Value[]) => Value;

export function compileExpr(e: Expr, indexOf: (id: string) => number): Compiled {
  switch (e.k) {
    case 'num':
    case 'str': {
      const v = e.v;
      return () => v;
    }
    case 'ref': {
      const i = indexOf(e.id);
      return (vals) => vals[i] ?? null;
    }
    case 'bin': {
      const a = compileExpr(e.a, indexOf);
      const b = compileExpr(e.b, indexOf);
      const op = e.op;
      if (op === '+' || op === '-' || op === '*') {
        return (vals) => {
          const x = a(vals);
          const y = b(vals);
          if (typeof x === 'number' && typeof y === 'number') return op === '+' ? x + y : op === '-' ? x - y : x * y;
          return arith(op, x, y);
        };
      }
      return (vals) => binary(op, a(vals), b(vals));
    }
    case 'call': {
      const args = e.args.map((x) => compileExpr(x, indexOf));
      if (e.fn === 'MIN' || e.fn === 'MAX' || e.fn === 'SUM') {
        const fn = e.fn;
        return (vals) => {
          let acc = fn === 'SUM' ? 0 : fn === 'MIN' ? Infinity : -Infinity;
          for (const a of args) {
            const v = num(a(vals));
            if (v === null) return null;
            acc = fn === 'SUM' ? acc + v : fn === 'MIN' ? Math.min(acc, v) : Math.max(acc, v);
          }
          return acc;
        };
      }
      // Other calls are rare in totals: the plain evaluator, reading the same array.
      return (vals) => evaluate(e, (id) => vals[indexOf(id)] ?? null);
    }
    default:
      return (vals) => evaluate(e, (id) => vals[indexOf(id)] ?? null);
  }
}

function arith(op: '+' | '-' | '*', x: Value, y: Value): Value {
  const a = num(x);
  const b = num(y);
  if (a === null || b === null) return null;
  return op === '+' ? a + b : op === '-' ? a - b : a * b;
}

function binary(op: string, x: Value, y: Value): Value {
  if (x === null || y === null) return null;
  if (op === '/') {
    const a = num(x);
    const b = num(y);
    return a === null || b === null || b === 0 ? null : a / b;
  }
  return compare(op, x, y);
}
