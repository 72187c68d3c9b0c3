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
  const remind = sc.remind ? `；${sc.remind}` : '';
  if (age === null || level < 0) {
    const what = age === null ? ['年龄', 'age'] : ['学历', 'education'];
    return {
      text: `${sc.label}：缺少${what[0]}，无法判断${remind}`,
      textEn: `${sc.label}: the ${what[1]} is missing, so it cannot be told`,
    };
  }
  const rank = (label: string | undefined): number => (label === undefined ? -1 : sc.educationOrder.findIndex((e) => e.label === label));
  const tooOld = sc.maxAge !== undefined && age > sc.maxAge;
  const tooLow = level < rank(sc.minEducation);
  const ex = sc.exception;
  const exception = ex !== undefined && age <= ex.maxAge && level >= rank(ex.minEducation);
  const exText = ex?.text ? `，${ex.text}` : '';
  if (!tooOld && !tooLow) {
    return {
      text: `${sc.label}：年龄、学历符合条件${exception ? `（亦符合破格条件${exText}）` : ''}${remind}`,
      textEn: `${sc.label}: age and education meet the conditions${exception ? ' (and those for an exception)' : ''}`,
    };
  }
  if (exception) {
    return {
      text: `${sc.label}：不符合一般条件，符合破格条件${exText}${remind}`,
      textEn: `${sc.label}: only the conditions for an exception are met`,
    };
  }
  const why = [tooOld ? `${age} 岁，超过 ${sc.maxAge} 岁` : null, tooLow ? `学历低于${sc.minEducation}` : null].filter(Boolean).join('、');
  const whyEn = [tooOld ? `aged ${age}, over ${sc.maxAge}` : null, tooLow ? `education below ${sc.minEducation}` : null]
    .filter(Boolean)
    .join(', ');
  return { text: `${sc.label}：不符合条件（${why}）`, textEn: `${sc.label}: conditions not met (${whyEn})` };
}
