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

/** Points a case as typed: one number (1), or the range the appraiser chooses within (1-3, 1～3). */
export function pointsOf(text: string): unknown {
  const range = /^\s*(\d+(?:\.\d+)?)\s*[-–~～至到]\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  return range ? { min: Number(range[1]), max: Number(range[2]) } : numberOf(text);
}

/** A case's points as its field shows them: 2, or 1-3. */
export const pointsText = (p: unknown): string =>
  p !== null && typeof p === 'object' ? `${(p as { min: unknown }).min}-${(p as { max: unknown }).max}` : p === undefined ? '' : String(p);
