/**
 * The scheme expression language: a small, Excel-like formula syntax for computed fields
 * (totals, weighted parts). Parsed here into a tree that the engine evaluates and that the
 * formula writer turns into Excel formulas — never run through eval.
 *
 *   expr     := compare
 *   compare  := sum (('=' | '<>' | '<' | '<=' | '>' | '>=') sum)?
 *   sum      := product (('+' | '-') product)*
 *   product  := unary (('*' | '/') unary)*
 *   unary    := ('-' | '+') unary | primary
 *   primary  := number ['%'] | "text" | name | NAME '(' [expr (',' expr)*] ')' | '(' expr ')'
 *
 * Names are field ids (letters of any script, digits, _). Functions: see FUNCTIONS.
 */
import { exprErrorText } from '../report/messages';

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; id: string }
  | { k: 'neg'; e: Expr }
  | { k: 'bin'; op: BinOp; a: Expr; b: Expr }
  | { k: 'call'; fn: FunctionName; args: Expr[] };

export type BinOp = '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=';

/** Functions and their argument counts [min, max]; each has the same name and meaning in Excel. */
export const FUNCTIONS = {
  SUM: [1, 255],
  MIN: [1, 255],
  MAX: [1, 255],
  ROUND: [2, 2],
  ABS: [1, 1],
  IF: [3, 3],
  AND: [1, 255],
  OR: [1, 255],
  NOT: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;

export type FunctionName = keyof typeof FUNCTIONS;

/** What is wrong with an expression, as a code and its data; the words are in ../report/words. */
export type ExprProblem =
  | { code: 'bad-number' }
  | { code: 'unterminated-text' }
  | { code: 'unexpected-character'; char: string }
  | { code: 'too-long'; max: number }
  | { code: 'too-deep'; max: number }
  | { code: 'expected'; token: string }
  | { code: 'unknown-function'; name: string }
  | { code: 'argument-count'; fn: string; min: number; max: number }
  | { code: 'unexpected-end' }
  | { code: 'unexpected-token' }
  | { code: 'trailing-text' };

/** An expression that does not parse: the problem and where (0-based) in the source. The message is in English, for developers. */
export class ExprError extends Error {
  constructor(
    readonly problem: ExprProblem,
    readonly source: string,
    readonly at: number,
  ) {
    super(exprErrorText(problem, source, at, 'en'));
    this.name = 'ExprError';
  }
}

type Token =
  | { t: 'num'; v: number; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'name'; v: string; at: number }
  | { t: 'op'; v: string; at: number }
  | { t: 'end'; at: number };

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;

/**
 * The text literal that starts at src[i] (a '"'), as Excel reads it: "" inside stands for one
 * quote. Its text and the index just after it; null when it does not end.
 */
export function readTextLiteral(src: string, i: number): { text: string; end: number } | null {
  let text = '';
  let from = i + 1;
  for (;;) {
    const q = src.indexOf('"', from);
    if (q < 0) return null;
    text += src.slice(from, q);
    if (src[q + 1] !== '"') return { text, end: q + 1 };
    text += '"';
    from = q + 2;
  }
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9.]/.test(ch)) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new ExprError({ code: 'bad-number' }, src, i);
      let v = Number(m[0]);
      const at = i;
      i += m[0].length;
      if (src[i] === '%') {
        v = v / 100;
        i++;
      }
      out.push({ t: 'num', v, at });
    } else if (ch === '"') {
      const lit = readTextLiteral(src, i);
      if (!lit) throw new ExprError({ code: 'unterminated-text' }, src, i);
      out.push({ t: 'str', v: lit.text, at: i });
      i = lit.end;
    } else if (NAME_START.test(ch)) {
      const at = i;
      while (i < src.length && NAME_PART.test(src[i]!)) i++;
      out.push({ t: 'name', v: src.slice(at, i), at });
    } else {
      const two = src.slice(i, i + 2);
      if (two === '<=' || two === '>=' || two === '<>') {
        out.push({ t: 'op', v: two, at: i });
        i += 2;
      } else if ('+-*/(),=<>'.includes(ch)) {
        out.push({ t: 'op', v: ch, at: i });
        i++;
      } else {
        throw new ExprError({ code: 'unexpected-character', char: ch }, src, i);
      }
    }
  }
  out.push({ t: 'end', at: src.length });
  return out;
}

/** Limits that keep a hostile scheme file from exhausting the stack; real totals are a line long. */
export const MAX_EXPR_LENGTH = 2000;
const MAX_DEPTH = 64;

/** Parses an expression; throws ExprError with the position of the first problem. */
export function parseExpr(src: string): Expr {
  if (src.length > MAX_EXPR_LENGTH) throw new ExprError({ code: 'too-long', max: MAX_EXPR_LENGTH }, src, MAX_EXPR_LENGTH);
  const toks = tokenize(src);
  let p = 0;
  let depth = 0;
  /** Brackets, function calls and signs nest; each level is one more recursion. */
  const deeper = (at: number): void => {
    if (++depth > MAX_DEPTH) throw new ExprError({ code: 'too-deep', max: MAX_DEPTH }, src, at);
  };
  const peek = (): Token => toks[p]!;
  const isOp = (v: string): boolean => {
    const t = peek();
    return t.t === 'op' && t.v === v;
  };
  const expectOp = (v: string): void => {
    if (!isOp(v)) throw new ExprError({ code: 'expected', token: v }, src, peek().at);
    p++;
  };

  const compare = (): Expr => {
    const a = sum();
    const t = peek();
    if (t.t === 'op' && ['=', '<>', '<', '<=', '>', '>='].includes(t.v)) {
      p++;
      return { k: 'bin', op: t.v as BinOp, a, b: sum() };
    }
    return a;
  };
  const sum = (): Expr => {
    let a = product();
    for (;;) {
      const t = peek();
      if (t.t === 'op' && (t.v === '+' || t.v === '-')) {
        p++;
        a = { k: 'bin', op: t.v, a, b: product() };
      } else return a;
    }
  };
  const product = (): Expr => {
    let a = unary();
    for (;;) {
      const t = peek();
      if (t.t === 'op' && (t.v === '*' || t.v === '/')) {
        p++;
        a = { k: 'bin', op: t.v, a, b: unary() };
      } else return a;
    }
  };
  const unary = (): Expr => {
    if (isOp('-') || isOp('+')) {
      const sign = toks[p++]!;
      deeper(sign.at);
      const e = unary();
      depth--;
      return sign.t === 'op' && sign.v === '-' ? { k: 'neg', e } : e;
    }
    return primary();
  };
  const primary = (): Expr => {
    const t = peek();
    if (t.t === 'num') {
      p++;
      return { k: 'num', v: t.v };
    }
    if (t.t === 'str') {
      p++;
      return { k: 'str', v: t.v };
    }
    if (t.t === 'name') {
      p++;
      if (isOp('(')) {
        const fn = t.v.toUpperCase();
        if (!(fn in FUNCTIONS)) throw new ExprError({ code: 'unknown-function', name: t.v }, src, t.at);
        p++;
        deeper(t.at);
        const args: Expr[] = [];
        if (!isOp(')')) {
          args.push(compare());
          while (isOp(',')) {
            p++;
            args.push(compare());
          }
        }
        expectOp(')');
        depth--;
        const [min, max] = FUNCTIONS[fn as FunctionName];
        if (args.length < min || args.length > max) {
          throw new ExprError({ code: 'argument-count', fn, min, max }, src, t.at);
        }
        return { k: 'call', fn: fn as FunctionName, args };
      }
      return { k: 'ref', id: t.v };
    }
    if (isOp('(')) {
      deeper(t.at);
      p++;
      const e = compare();
      expectOp(')');
      depth--;
      return e;
    }
    throw new ExprError({ code: t.t === 'end' ? 'unexpected-end' : 'unexpected-token' }, src, t.at);
  };

  const e = compare();
  if (peek().t !== 'end') throw new ExprError({ code: 'trailing-text' }, src, peek().at);
  return e;
}

/** Every field id an expression reads. */
export function exprRefs(e: Expr, into: Set<string> = new Set()): Set<string> {
  switch (e.k) {
    case 'ref':
      into.add(e.id);
      break;
    case 'neg':
      exprRefs(e.e, into);
      break;
    case 'bin':
      exprRefs(e.a, into);
      exprRefs(e.b, into);
      break;
    case 'call':
      for (const a of e.args) exprRefs(a, into);
      break;
    default:
      break;
  }
  return into;
}

/**
 * Replaces ids with constants where `constant` knows them and folds what becomes constant:
 * MIN(0, 5) → 0, x + 0 → x. Used so a formula does not carry columns the sheet does not have.
 */
export function fold(e: Expr, constant: (id: string) => number | undefined): Expr {
  switch (e.k) {
    case 'ref': {
      const v = constant(e.id);
      return v === undefined ? e : { k: 'num', v };
    }
    case 'neg': {
      const x = fold(e.e, constant);
      return x.k === 'num' ? { k: 'num', v: 0 - x.v } : { k: 'neg', e: x };
    }
    case 'bin': {
      const a = fold(e.a, constant);
      const b = fold(e.b, constant);
      if (a.k === 'num' && b.k === 'num' && ['+', '-', '*'].includes(e.op)) {
        return { k: 'num', v: e.op === '+' ? a.v + b.v : e.op === '-' ? a.v - b.v : a.v * b.v };
      }
      if ((e.op === '+' || e.op === '-') && b.k === 'num' && b.v === 0) return a;
      if (e.op === '+' && a.k === 'num' && a.v === 0) return b;
      return { k: 'bin', op: e.op, a, b };
    }
    case 'call': {
      const args = e.args.map((x) => fold(x, constant));
      if ((e.fn === 'MIN' || e.fn === 'MAX' || e.fn === 'SUM') && args.every((x) => x.k === 'num')) {
        const vs = args.map((x) => (x as { v: number }).v);
        return { k: 'num', v: e.fn === 'MIN' ? Math.min(...vs) : e.fn === 'MAX' ? Math.max(...vs) : vs.reduce((s, x) => s + x, 0) };
      }
      return { k: 'call', fn: e.fn, args };
    }
    default:
      return e;
  }
}
