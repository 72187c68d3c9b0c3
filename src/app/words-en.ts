/** The Office entry points' words in English (see ./words.ts), a chunk of their own in the task pane. */
import type { FormProblem } from '../engine';
import { listed, type AppWords } from './words';

export const enAppWords: AppWords = {
  sheet: (s) => `Sheet: ${s}`,
  forms: (unread, people, partial) => {
    const held =
      people.length === 0
        ? 'none'
        : listed(
            people.map((p) => `"${p}"`),
            ', ',
            (n) => ` and others, ${n} in all`,
          );
    if (partial)
      return `This is a per-person appraisal form (登记表, one person a sheet; sheets holding people: ${held}): quotas count the persons of the whole workbook and only this sheet was read, so no one is checked here. The whole workbook can be checked with kaohe's command-line tool (ask your IT administrator).`;
    const why = { 'no-name': 'no name filled in', 'several-names': 'more than one name on the sheet' } satisfies Record<
      FormProblem,
      string
    >;
    const bad = listed(
      unread.map((u) => `"${u.sheet}" (${why[u.problem]})`),
      ', ',
      (n) => ` and others, ${n} in all`,
    );
    return `This workbook is per-person appraisal forms (登记表, one person a sheet), and ${unread.length} of them hold no person kaohe can read: ${bad}; sheets holding people: ${held}. Fill in 姓名 (one person a sheet) and check again: quotas count every form's person, and one missing makes them wrong.`;
  },
  noRoster: (sheet) =>
    `No roster on sheet "${sheet}": it needs a header row with 姓名 and the scheme's score or grade columns. Switch to the appraisal sheet, or choose another scheme.`,
  noPeople: 'Nobody under the header.',
  asValuesInTables: (v) =>
    `${v.cells} of them are in table ${v.tables.map((t) => `"${t}"`).join(', ')} and were written as values, not formulas: a formula in a table's column fills the whole column, people not written included. Compute again after changing a score.`,
  nothingToWrite: {
    'entered-grades': 'This scheme takes the grades written in the sheet: nothing to write',
    'grades-only': 'The sheet has grades but no scores: no totals or grades to write',
  },
  problems: {
    protected: 'The sheet is protected, so nothing was written: unprotect it (Review tab) and try again.',
    stale: 'The sheet changed after the check: check again before writing. Nothing was written.',
    'changed-after-apply': 'The sheet changed after the write, and undo would overwrite that: use Excel’s Undo (Ctrl+Z).',
    'payload-too-large': 'The sheet is too large to read at once (Excel on the web’s 5 MB limit): use desktop Excel, or split the sheet.',
    'partial-write': 'The write stopped part-way and some cells may be written: press Ctrl+Z, or check again.',
    merged: 'Excel refused the write: the cells are part of a merged area. Unmerge them, or write to another column, and try again.',
    array:
      'Excel refused the write: the cells are part of an array formula, which cannot be changed in part. Delete the array formula and try again.',
    table:
      'Excel refused the write: the cells are in a table (or PivotTable) that cannot be changed this way. Convert the table to a range and try again.',
    filtered: 'Excel refused the write: the sheet is filtered. Clear the filter (Data tab) so all rows show, and try again.',
    'cell-edit': 'Excel is editing a cell: press Enter or Esc to finish editing the cell, then click again.',
    'hidden-rows':
      'Some rows are hidden or filtered out, and kaohe does not write rows you cannot see: clear the filter, show all rows, check again and then write. Nothing was changed. Rows: ',
    'hidden-cell':
      'The cell is selected, but its row is hidden or filtered out, so it cannot be seen: clear the filter or unhide the row. Row: ',
    'table-grows':
      'Excel would take the cells written next to a table into the table, making it larger, and this version of Excel cannot put the table back, so undo could not restore it: nothing was written. Type the new column names (such as 合计 and 等次) into the header cells just right of the table, which takes those columns in, or convert the table to a range; then check again and write. Tables: ',
    failed: 'The operation did not complete: ',
  },
  unexpected: 'Something unexpected went wrong: ',
};
