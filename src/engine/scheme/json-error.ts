/**
 * The line where JSON text first goes wrong, for a message a person can act on (第 3 行附近):
 * JSON.parse says where only in some messages, in words that change between engines. The scan
 * is iterative, so a hostile file nested 100,000 levels deep cannot exhaust the stack.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

/** 1-based line of the first fault; null when the text is valid JSON. */
export function jsonErrorLine(text: string): number | null {
  const at = faultAt(text);
  if (at === null) return null;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Offset of the first character that cannot be where it is (the text's length when it ends too soon); null when none. */
function faultAt(s: string): number | null {
  const open: ('{' | '[')[] = [];
  let i = 0;
  const space = (): void => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  /** A string starting at s[i]; false with i at the fault. */
  const string = (): boolean => {
    if (s[i] !== '"') return false;
    for (i++; i < s.length;) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c !== 92) i++;
      else if (s[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) i += 6;
      else if (s[i + 1] !== undefined && '"\\/bfnrt'.includes(s[i + 1]!)) i += 2;
      else return false;
    }
    return false;
  };
  /** An object key and its colon. */
  const key = (): boolean => {
    space();
    if (!string()) return false;
    space();
    if (s[i] !== ':') return false;
    i++;
    return true;
  };
  /** A string, number, true, false or null. */
  const scalar = (): boolean => {
    if (s[i] === '"') return string();
    const word = LITERALS.find((w) => s.startsWith(w, i));
    if (word) {
      i += word.length;
      return true;
    }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(s)) return false;
    i = NUMBER.lastIndex;
    return true;
  };
  const close = (c: '{' | '['): string => (c === '{' ? '}' : ']');

  // Either a value is due, or what follows one: a comma, the end of its object or array, or the end of the text.
  let valueDue = true;
  for (;;) {
    space();
    if (valueDue) {
      const c = s[i];
      if (c === '{' || c === '[') {
        i++;
        space();
        if (s[i] === close(c)) {
          i++;
          valueDue = false;
        } else {
          open.push(c);
          if (c === '{' && !key()) return i;
        }
      } else if (scalar()) valueDue = false;
      else return i;
      continue;
    }
    const top = open[open.length - 1];
    if (top === undefined) return i < s.length ? i : null;
    if (s[i] === close(top)) {
      open.pop();
      i++;
    } else if (s[i] === ',') {
      i++;
      if (top === '{' && !key()) return i;
      valueDue = true;
    } else return i;
  }
}
