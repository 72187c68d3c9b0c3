/**
 * The one text-escaping rule for every write a spreadsheet host makes by "typing" into a cell (Office.js
 * range.formulas / range.values; a WPS host's Range.Formula/Value): text that Excel would turn into something
 * else when typed — a number ("001", "1E5", "(5)", "50%", "1 1/2", "１２"), a date or time ("2020-1", "1/2",
 * "12:30", "Jan-20", "2020年1月"), a boolean ("TRUE"), an error ("#N/A"), a formula (leading = + - @) — is
 * written with Excel's text prefix, a leading apostrophe.
 *
 * Why the apostrophe and not numberFormat '@': the apostrophe is part of what is typed, so the write stays one
 * property of one range, its undo is the same rule applied to the old text, and the cell reads back the same text
 * (Excel keeps the prefix out of values and formulas). '@' would change the cell's number format as well: a second
 * property to record and restore, and a later formula typed into that cell would stay text.
 *
 * The rule is deliberately wider than Excel's parser (no locale's date order or month names to get right): text
 * that would have stayed text anyway only gains an invisible prefix. Text that starts with none of these keeps its
 * exact input, so "优秀", "张三" and "基本称职" are written as they are.
 */

/** How typed text can start when Excel may read it as something other than text (after leading spaces). */
const MAY_BE_PARSED = new RegExp(
  [
    // digits (also full-width), a sign, a decimal point, a bracket (negative), a currency, an error, a formula, the prefix itself
    "^\\s*[0-9０-９+\\-=@.(（$¥￥€£#＋－＝'‘’]",
    // booleans
    '^\\s*(true|false)\\s*$',
    // month names (Jan-20, March 5)
    '^\\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)',
  ].join('|'),
  'i',
);

/** Whether Excel might turn this text into something else when it is typed into a General cell. */
export function mayBeRetyped(text: string): boolean {
  return MAY_BE_PARSED.test(text);
}

/**
 * What to type so a cell holds exactly `text` as text. `textCell`: the cell is formatted as text ('@'), where Excel
 * types nothing (the format is written before the value when it changes with it).
 */
export function textInput(text: string, textCell = false): string {
  return !textCell && mayBeRetyped(text) ? `'${text}` : text;
}
