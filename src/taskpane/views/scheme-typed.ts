/** What is typed into the 方案 view's fields, as the draft holds it: a list of words, a number. */

/** Words typed as a list: 试用期、见习 (or with , ， ; or spaces). */
export const wordsOf = (text: string): string[] =>
  text
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
/** Text typed into a number field: a number where it reads as one, removed when empty, else kept for the check to name. */
export function numberOf(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}
