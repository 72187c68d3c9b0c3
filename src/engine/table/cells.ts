/**
 * Reading one cell: a score (number, number typed as text, or something that is not a
 * number) or a piece of text. The rules for "90分", "９０", "'90", #N/A, dates and
 * formulas without a saved result live here.
 */
import { isCellError, type CellValue } from '../grid';
import { isNilText, numberFromText } from '../text';

export type ParsedScore =
  | { kind: 'empty' }
  /** text: what was typed, for a number typed as text; empty for a real number. */
  | { kind: 'number'; value: number; fromText: boolean; text: string }
  | { kind: 'bad'; text: string; why: 'text' | 'error' | 'boolean' | 'date' | 'formula' };

/** True for a number format that shows dates or times (yyyy/m/d, m月d日, h:mm …). */
const dateFormats = new Map<string, boolean>();

export function isDateFormat(fmt: string | null): boolean {
  if (!fmt || fmt === 'General' || fmt === '@') return false;
  let known = dateFormats.get(fmt);
  if (known === undefined) {
    known = looksLikeDate(fmt);
    dateFormats.set(fmt, known);
  }
  return known;
}

function looksLikeDate(fmt: string): boolean {
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[yYdD]|[hH]+:|:[mM]|[mM]+[/月-]|[/-][mM]|年|月|日/.test(bare);
}

/** Excel serial → yyyy-mm-dd, to name a date in a message. */
export function serialToDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

export function parseScore(v: CellValue, numFmt: string | null, formula: string | null): ParsedScore {
  if (v === null || v === '') return formula ? { kind: 'bad', text: formula, why: 'formula' } : { kind: 'empty' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'bad', text: String(v), why: 'text' };
    if (isDateFormat(numFmt)) return { kind: 'bad', text: serialToDate(v), why: 'date' };
    return { kind: 'number', value: v, fromText: false, text: '' };
  }
  if (typeof v === 'boolean') return { kind: 'bad', text: v ? 'TRUE' : 'FALSE', why: 'boolean' };
  if (isCellError(v)) return { kind: 'bad', text: v.error, why: 'error' };
  const trimmed = v.trim();
  if (trimmed === '' || isNilText(trimmed)) return { kind: 'empty' };
  const n = numberFromText(trimmed);
  if (n !== null) return { kind: 'number', value: n, fromText: true, text: trimmed };
  return { kind: 'bad', text: trimmed, why: 'text' };
}

/** A cell as text for names, units, remarks and grades; errors and booleans read as empty. */
export function cellText(v: CellValue): string {
  if (v === null || typeof v === 'boolean' || isCellError(v)) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return v.trim();
}
