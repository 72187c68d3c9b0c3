/**
 * Screens (后备干部: 不超过45周岁、大专以上学历; 破格: 30岁以下、研究生): a note per person from
 * the 年龄 and 学历 columns saying whether the conditions the sheet can show are met. A note,
 * never a decision: cadre status and recommendation votes are for a person to check. "以下" and
 * "不超过" include the number itself, as Chinese rules read them.
 */
import type { Note } from '../results';
import type { Scheme } from '../scheme/model';
import { compact } from '../text';

type Screen = Scheme['screens'][number];

/** The education level a cell's text names: the highest level whose label or synonym it contains; -1 if none. */
export function educationLevel(sc: Screen, text: string): number {
  const t = compact(text);
  let level = -1;
  sc.educationOrder.forEach((e, i) => {
    if ([e.label, ...e.synonyms].some((w) => t.includes(compact(w)))) level = i;
  });
  return level;
}

/** The screen's note for one person; null when the sheet says nothing about age or education. */
export function screenNote(sc: Screen, age: number | null, education: string): Note | null {
  if (age === null && education.trim() === '') return null;
  const level = educationLevel(sc, education);
  const screen = sc.label;
  const remind = sc.remind ?? null;
  if (age === null || level < 0) return { code: 'screen-unknown', screen, missing: age === null ? 'age' : 'education', remind };
  const rank = (label: string | undefined): number => (label === undefined ? -1 : sc.educationOrder.findIndex((e) => e.label === label));
  const tooOld = sc.maxAge !== undefined && age > sc.maxAge;
  const tooLow = level < rank(sc.minEducation);
  const ex = sc.exception;
  const exception = ex !== undefined && age <= ex.maxAge && level >= rank(ex.minEducation);
  const exceptionText = ex?.text ?? null;
  if (!tooOld && !tooLow) return { code: 'screen-met', screen, exception, exceptionText, remind };
  if (exception) return { code: 'screen-exception', screen, exceptionText, remind };
  return {
    code: 'screen-not-met',
    screen,
    over: tooOld ? { age, max: sc.maxAge! } : null,
    below: tooLow ? (sc.minEducation ?? null) : null,
  };
}
