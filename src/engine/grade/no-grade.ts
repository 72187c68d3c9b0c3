/**
 * 'No grade' in a grade cell: the words are data (no-grade.json). A cell holding one of them,
 * alone or with its reason in brackets (不定等次（试用期）, 不参加(调出)), says the person has no
 * grade this period; it is valid wherever the engine decides no grade, and a grade-mismatch
 * where the engine derives one.
 */
import data from './no-grade.json';
import { compact } from '../text';

export const NO_GRADE_WRITTEN: Readonly<Record<'ungraded' | 'excluded' | 'elsewhere', string>> = data.written;

const ACCEPTED = new Set(data.accepted.map((w) => compact(w)));

/** True when a grade cell's text records 'no grade': a word of the list, with or without a bracketed reason. */
export function isNoGradeText(text: string): boolean {
  const t = compact(text);
  if (!t) return false;
  const bare = t.replace(/^(.+?)[（(][^（()）]*[）)]$/u, '$1');
  return ACCEPTED.has(t) || ACCEPTED.has(bare);
}
