/**
 * Expression → Excel formula text (without the leading '='). Uses only functions every Excel
 * since 2010, WPS and LibreOffice know (SUM MIN MAX ROUND ABS IF AND OR NOT). Parentheses go
 * where precedence needs them (a lower-precedence operand, or the right side of - and /), so
 * the formula computes what the expression does and stays readable.
 */
import type { Expr } from './parse';

/** A number as Excel reads it: no exponent for ordinary values, no binary noise (0.1+0.2). */
export function excelNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const s = String(Number(v.toPrecision(15)));
  return s.includes('e') ? v.toFixed(15).replace(/0+$/, '') : s;
}

export function excelText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

const PREC: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '<=': 1, '>': 1, '>=': 1, '+': 2, '-': 2, '*': 3, '/': 3 };

function prec(e: Expr): number {
  if (e.k === 'bin') return PREC[e.op]!;
  if (e.k === 'neg') return 4;
  return 5;
}

/**
 * `ref` gives the formula text of a field id on the row being written (a cell, or an inlined
 * sub-formula, which must come back parenthesised if it is an operation).
 */
export function toExcel(e: Expr, ref: (id: string) => string): string {
  switch (e.k) {
    case 'num':
      return excelNumber(e.v);
    case 'str':
      return excelText(e.v);
    case 'ref':
      return ref(e.id);
    case 'neg': {
      const inner = toExcel(e.e, ref);
      return prec(e.e) < 4 ? `-(${inner})` : `-${inner}`;
    }
    case 'bin': {
      const p = PREC[e.op]!;
      const a = toExcel(e.a, ref);
      const b = toExcel(e.b, ref);
      // Left-associative: the right side needs brackets at equal precedence unless the operation is + or *.
      const left = prec(e.a) < p ? `(${a})` : a;
      const right = prec(e.b) < p || (prec(e.b) === p && e.op !== '+' && e.op !== '*') ? `(${b})` : b;
      return `${left}${e.op}${right}`;
    }
    case 'call':
      return `${e.fn}(${e.args.map((a) => toExcel(a, ref)).join(',')})`;
  }
}
