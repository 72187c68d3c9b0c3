/**
 * The preview's formula evaluator: enough Excel to recalculate what kaohe writes (ROUND, SUM
 * over ranges, MIN, MAX, ABS, N, IF, AND, OR, NOT, comparisons) and a sheet's own SUM and
 * AVERAGE rows. Anything else keeps the value the file had cached. Used only by the preview.
 */
import { type CellValue, isCellError, parseA1, readTextLiteral } from '../engine';

type V = number | string | boolean | null | { error: string } | V[];
export type Lookup = (row: number, col: number) => CellValue;

const FUNCS = new Set(['SUM', 'MIN', 'MAX', 'ROUND', 'ABS', 'N', 'IF', 'AND', 'OR', 'NOT', 'AVERAGE']);

export class Unsupported extends Error {}

const err = (e: string): { error: string } => ({ error: e });

/** Evaluates a formula (with its leading '=') on a sheet; throws Unsupported for what it does not know. */
export function evaluateFormula(formula: string, lookup: Lookup): CellValue {
  const src = formula.replace(/^=/, '');
  let i = 0;
  const ws = () => {
    while (src[i] === ' ') i++;
  };
  const peek = () => {
    ws();
    return src[i] ?? '';
  };

  const primary = (): V => {
    ws();
    const rest = src.slice(i);
    let m = /^(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(rest);
    if (m) {
      i += m[1]!.length;
      return Number(m[1]);
    }
    if (rest[0] === '"') {
      const lit = readTextLiteral(src, i);
      if (!lit) throw new Unsupported(src);
      i = lit.end;
      return lit.text;
    }
    if (rest[0] === '(') {
      i++;
      const v = compare();
      ws();
      i++; // ')'
      return v;
    }
    m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/.exec(rest);
    const f = /^([A-Z]+)\(/.exec(rest);
    if (f && FUNCS.has(f[1]!)) {
      i += f[0].length;
      const args: V[] = [];
      if (peek() !== ')') {
        args.push(compare());
        while (peek() === ',') {
          i++;
          args.push(compare());
        }
      }
      ws();
      i++; // ')'
      return call(f[1]!, args);
    }
    if (m) {
      i += m[0].length;
      const a = parseA1(`${m[1]}${m[2]}`)!;
      if (!m[3]) return lookup(a.row, a.col) as V;
      const b = parseA1(`${m[3]}${m[4]}`)!;
      const out: V[] = [];
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
        for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push(lookup(r, c) as V);
      }
      return out;
    }
    if (/^(TRUE|FALSE)\b/.test(rest)) {
      i += rest.startsWith('TRUE') ? 4 : 5;
      return rest.startsWith('TRUE');
    }
    throw new Unsupported(rest);
  };
  const unary = (): V => {
    if (peek() === '-') {
      i++;
      return arith('-', 0, unary());
    }
    if (peek() === '+') {
      i++;
      return unary();
    }
    return primary();
  };
  const product = (): V => {
    let a = unary();
    while (peek() === '*' || peek() === '/') {
      const op = src[i++]!;
      a = arith(op, a, unary());
    }
    return a;
  };
  const sum = (): V => {
    let a = product();
    while (peek() === '+' || peek() === '-') {
      const op = src[i++]!;
      a = arith(op, a, product());
    }
    return a;
  };
  const compare = (): V => {
    const a = sum();
    const m = /^(<=|>=|<>|=|<|>)/.exec((ws(), src.slice(i)));
    if (!m) return a;
    i += m[1]!.length;
    const b = sum();
    const x = scalar(a);
    const y = scalar(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    const nx = x ?? 0;
    const ny = y ?? 0;
    switch (m[1]) {
      case '=':
        return nx === ny;
      case '<>':
        return nx !== ny;
      case '<':
        return nx < ny;
      case '<=':
        return nx <= ny;
      case '>':
        return nx > ny;
      default:
        return nx >= ny;
    }
  };
  const v = compare();
  if (peek() !== '') throw new Unsupported(src.slice(i));
  const out = scalar(v);
  return typeof out === 'number' && !Number.isFinite(out) ? err('#NUM!') : (out as CellValue);
}

function isErr(v: unknown): v is { error: string } {
  return isCellError(v);
}

type Scalar = number | string | boolean | null | { error: string };

function scalar(v: V): Scalar {
  while (Array.isArray(v)) v = v[0] ?? null;
  return v;
}

/** A cell as a number in arithmetic: empty is 0, text that is a number counts, other text is #VALUE!. */
function toNumber(v: V): number | { error: string } {
  const s = scalar(v);
  if (isErr(s)) return s;
  if (s === null || s === '') return 0;
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  const n = Number(s);
  return Number.isFinite(n) && s.trim() !== '' ? n : err('#VALUE!');
}

function arith(op: string, a: V, b: V): V {
  const x = toNumber(a);
  const y = toNumber(b);
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  return y === 0 ? err('#DIV/0!') : x / y;
}

/** Numbers among the arguments, as SUM/MIN/MAX/AVERAGE see them: referenced text and empties skipped. */
function numbers(args: V[]): number[] | { error: string } {
  const out: number[] = [];
  const walk = (v: V): { error: string } | null => {
    if (Array.isArray(v)) {
      for (const x of v) {
        const e = walk(x);
        if (e) return e;
      }
      return null;
    }
    if (isErr(v)) return v;
    if (typeof v === 'number') out.push(v);
    return null;
  };
  for (const a of args) {
    const e = walk(a);
    if (e) return e;
  }
  return out;
}

function round(x: number, d: number): number {
  const s = Math.abs(x).toPrecision(15);
  const r = Number(`${Math.round(Number(`${s}e${d}`))}e${-d}`);
  return x < 0 ? -r : r;
}

function call(fn: string, args: V[]): V {
  switch (fn) {
    case 'SUM':
    case 'MIN':
    case 'MAX':
    case 'AVERAGE': {
      const ns = numbers(args);
      if (isErr(ns)) return ns;
      if (fn === 'SUM') return ns.reduce((s, x) => s + x, 0);
      if (fn === 'AVERAGE') return ns.length ? ns.reduce((s, x) => s + x, 0) / ns.length : err('#DIV/0!');
      if (ns.length === 0) return 0;
      return fn === 'MIN' ? Math.min(...ns) : Math.max(...ns);
    }
    case 'N': {
      const s = scalar(args[0] ?? null);
      return typeof s === 'number' ? s : typeof s === 'boolean' ? Number(s) : isErr(s) ? s : 0;
    }
    case 'ABS': {
      const x = toNumber(args[0] ?? null);
      return isErr(x) ? x : Math.abs(x);
    }
    case 'ROUND': {
      const x = toNumber(args[0] ?? null);
      const d = toNumber(args[1] ?? null);
      if (isErr(x)) return x;
      if (isErr(d)) return d;
      return round(x, d);
    }
    case 'IF': {
      const c = scalar(args[0] ?? null);
      if (isErr(c)) return c;
      return c ? (args[1] ?? 0) : (args[2] ?? false);
    }
    case 'AND':
    case 'OR': {
      const bs = args.map(scalar);
      const e = bs.find(isErr);
      if (e) return e;
      return fn === 'AND' ? bs.every(Boolean) : bs.some(Boolean);
    }
    default: {
      const c = scalar(args[0] ?? null);
      return isErr(c) ? c : !c;
    }
  }
}
