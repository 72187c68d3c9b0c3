/**
 * Text as offices type it: full-width digits and brackets, stray spaces and line breaks,
 * "分" after numbers. Everything that compares header labels or reads numbers from text
 * goes through here, so the rules are in one place.
 */

/**
 * A pure function of a text, remembered for the texts it was last given: reading a sheet asks
 * for the same header, name and remark texts again and again (fitting 11 presets to a sheet reads
 * its headers 11 times). Bounded: past `size` texts, all are forgotten and it starts again.
 */
export function remembered<T>(fn: (s: string) => T, size = 4096): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    const v = fn(s);
    if (seen.size >= size) seen.clear();
    seen.set(s, v);
    return v;
  };
}

/**
 * Text compact leaves as it is: printable ASCII and CJK unified ideographs only (no white space, nothing NFKC
 * changes), as most names are; the roster's names are each compacted once (10,000 at 10,000 rows).
 */
const PLAIN = /^[\x21-\x7e\u4e00-\u9fff]*$/;

const compactOther = remembered((s: string): string => s.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]+/g, ''));

/**
 * NFKC (full-width → half-width), no whitespace of any kind, no zero-width characters. Plain text
 * is tested before it is remembered: 10,000 different names made the memory lookup, and the
 * forgetting every 4,096, cost more than the test (3-7 ms of a 10,000-row grade in profiles).
 */
export const compact = (s: string): string => (PLAIN.test(s) ? s : compactOther(s));

const MAX_IN_BRACKETS = /[([【]\s*(?:满分|最高|最多|上限|共|计|≤|<=|不超过)?\s*(\d+(?:\.\d+)?)\s*分?\s*(?:以内|以下|为限)?\s*[)\]】]/;
const MAX_TRAILING = /(\d+(?:\.\d+)?)分$/;

/** The maximum a header states, e.g. 德（20分） → 20, 加分(最高5分) → 5; null if none. */
export function headerMax(header: string): number | null {
  const s = compact(header);
  const m = MAX_IN_BRACKETS.exec(s) ?? MAX_TRAILING.exec(s);
  return m ? Number(m[1]) : null;
}

/**
 * The comparable key of a header label: compacted, without the stated maximum and without
 * trailing punctuation. 德（20分） → 德; 思想政治素质 (6分) → 思想政治素质.
 */
export const headerKey = remembered((header: string): string => {
  let s = compact(header);
  s = s.replace(/[([【][^)\]】]*\d[^)\]】]*[)\]】]/g, '');
  s = s.replace(/\d+(?:\.\d+)?分$/, '');
  s = s.replace(/[:：,，.。、;；*※]+$/g, '');
  return s;
});

export interface ParsedNumber {
  value: number;
  /** True when the number came from text ('90, ９０, 90分): worth a warning, not an error. */
  fromText: boolean;
}

const NUMBER_TEXT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:分)?$/;

/** Reads a number typed as text: "90", "９０", " 90分 ", "－3". Null when the text is not a number. */
export function numberFromText(text: string): number | null {
  let s = compact(text).replace(/^'/, '');
  s = s.replace(/[−－–—]/g, '-');
  const m = NUMBER_TEXT.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : null;
}

/** Texts that mean "nothing here" in an optional column: a dash, a slash, 无. */
export function isNilText(text: string): boolean {
  return /^(?:[-—–－/／\\、·]+|无|空|\/)$/.test(compact(text));
}

/**
 * Display width in a terminal: CJK and full-width characters take two columns.
 * Used by the CLI's tables; kept here so the engine's reports can align too.
 */
export function displayWidth(s: string): number {
  // By code unit, not with a string iterator (a form of 10,000 rows measures every cell): a surrogate pair is one character.
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    w += cp >= 0x1100 && isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
