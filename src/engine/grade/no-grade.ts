/**
 * 'No grade' in a grade cell: the words are data (no-grade.json). A cell holding one of them,
 * alone or with its reason in brackets (不定等次（试用期）, 不参加(调出)), says the person has no
 * grade this period. The words of a statement (不确定等次, 不参加, 在外考核) are the sheet's own
 * decision, which the engine follows; a dash (—) states nothing, and is a grade-mismatch where the
 * engine derives a grade.
 */
import data from './no-grade.json';
import { compact } from '../text';

export type NoGradeKind = 'ungraded' | 'excluded' | 'elsewhere';

export const NO_GRADE_WRITTEN: Readonly<Record<NoGradeKind, string>> = data.written;

const KIND = new Map<string, NoGradeKind | 'unstated'>(
  (Object.entries(data.accepted) as [NoGradeKind | 'unstated', string[]][]).flatMap(([kind, words]) =>
    words.map((w) => [compact(w), kind] as const),
  ),
);

const BRACKETED = /^(.+?)[（(]([^（()）]*)[）)]$/u;

/** What a grade cell's 'no grade' words state, with the reason in brackets if any; null when the text is no such word. */
export function noGradeStatement(text: string): { kind: NoGradeKind | 'unstated'; reason: string | null } | null {
  const t = compact(text);
  if (!t) return null;
  const whole = KIND.get(t);
  if (whole) return { kind: whole, reason: null };
  const m = BRACKETED.exec(t);
  const kind = m ? KIND.get(m[1]!) : undefined;
  return kind ? { kind, reason: m![2]! || null } : null;
}

/** True when a grade cell's text records 'no grade': a word of the list, with or without a bracketed reason. */
export function isNoGradeText(text: string): boolean {
  return noGradeStatement(text) !== null;
}
