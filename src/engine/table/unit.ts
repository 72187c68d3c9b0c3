/**
 * The organisation a sheet is for, as its lines above the header name it: what a county's summary
 * of many units' sheets shows in its 单位 column. Null when the sheet does not say (the host then
 * names the file).
 */
import words from './unit.json';

const YEAR = /(?:19|20)\d\d\s*年/;

/** The value after a label (填报单位：…) up to the next blank, without its stamp mark; null when no label is there. */
function labelled(stamped: string): string | null {
  let line = stamped;
  // 填报单位（盖章）：… as well as 填报单位：…（盖章）.
  for (const s of words.stamps) line = line.split(s).join('');
  for (const label of words.labels)
    for (const sep of words.separators) {
      const at = line.indexOf(label + sep);
      // 单位 inside 填报单位 is found as 填报单位 first (the longer labels come first).
      if (at < 0) continue;
      let value =
        line
          .slice(at + label.length + sep.length)
          .trim()
          .split(/\s+/)[0] ?? '';
      for (const s of words.stamps) value = value.split(s).join('');
      value = value.trim();
      if (value.length >= 2 && !YEAR.test(value.slice(0, 6))) return value;
    }
  return null;
}

/** The title's words before its year or its first form word (丰源县市场监督管理局2025年… → 丰源县市场监督管理局). */
function titled(line: string): string | null {
  if (words.notAUnit.some((x) => line.startsWith(x))) return null;
  const year = line.search(YEAR);
  let end = year >= 0 ? year : line.length;
  if (year < 0)
    for (const e of words.titleEnds) {
      const at = line.indexOf(e);
      if (at >= 0 && at < end) end = at;
    }
  const unit = line.slice(0, end).trim();
  return unit.length >= 2 && end < line.length ? unit : null;
}

/** The unit named above the header (`title`: its lines, top first): a labelled line wins over the title. */
export function unitOfTitle(title: readonly string[]): string | null {
  for (const line of title) {
    const u = labelled(line);
    if (u) return u;
  }
  for (const line of title) {
    const u = titled(line);
    if (u) return u;
  }
  return null;
}
