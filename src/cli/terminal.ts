/**
 * Text from a workbook or a file name shown on a terminal: a cell could otherwise clear the
 * screen, set the window title or write the clipboard (OSC 52) of whoever runs kaohe on it, or
 * reverse the text around it. Control characters (C0 but the line break, DEL, C1) and the
 * bidirectional overrides are shown as escapes (\x1b, \u202e); the JSON report keeps the same
 * characters as JSON escapes, so it parses to the same text.
 */
// Control characters are what these match: that is their job.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escape = (c: string): string => {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
};

/**
 * `text` safe for a terminal. `oneLine`: line breaks escaped too (a value inside a report line,
 * a one-line refusal), else kept (a whole report, whose lines are kaohe's own).
 */
export function terminalSafe(text: string, oneLine = false): string {
  return text.replace(oneLine ? CONTROLS_AND_BREAKS : CONTROLS, escape);
}

/** CONTROLS found, not replaced (no global flag, no lastIndex). */
const ANY_CONTROL = new RegExp(CONTROLS.source);

// V8 runs a regular expression's first search in its interpreter and compiles it for the next. Each is run once
// on nothing here, so the one search over a whole report (3 MB of JSON at 10,000 rows) runs compiled: 7 -> 3 ms.
for (const re of [CONTROLS, CONTROLS_AND_BREAKS, ANY_CONTROL]) ''.replace(re, '');

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1, bidirectional overrides) as \u escapes: the same value.
 * The text itself when it holds none, as a report almost always does (the replace made a copy of a 3 MB report anyway).
 */
export function jsonSafe(json: string): string {
  if (!ANY_CONTROL.test(json)) return json;
  return json.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
