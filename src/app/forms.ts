/**
 * A workbook of per-person forms (登记表): when most of its visible sheets are forms, their persons
 * are one roster (the engine's formsRoster), checked like any other with quotas over the persons
 * of the workbook. A form that cannot be read stops it: a roster without that person would count
 * its quotas over the wrong base, so the user is told which sheet, and which sheets hold people.
 */
import { type FormPerson, type FormProblem, type FormsRoster, formsRoster, type Grid, readForm } from '../engine';
import type { WorkbookSource } from './workbook';

export type FormsBook =
  /** Not a workbook of forms: rosters are looked for as usual. */
  | { kind: 'none' }
  | { kind: 'forms'; roster: FormsRoster }
  /** Forms, some of which hold no person kaohe can read (or, read from one sheet only, a form whose workbook was not read). */
  | { kind: 'unreadable'; unread: { sheet: string; problem: FormProblem }[]; people: string[] };

/**
 * The forms of a workbook, when most of its visible sheets are forms (all of them for a workbook
 * of one sheet); `grids` keeps the sheets' cells read, for the roster search that may follow.
 */
export function formsOf(book: WorkbookSource, grids: Map<string, Grid>): FormsBook {
  const visible = book.sheets.filter((ws) => ws.visible);
  const people: FormPerson[] = [];
  const unread: { sheet: string; problem: FormProblem }[] = [];
  let others = 0;
  for (const ws of visible) {
    // Half the sheets or more are not forms: not a workbook of forms, and the rest need not be read.
    if (others * 2 >= visible.length) return { kind: 'none' };
    let grid = grids.get(ws.name);
    if (!grid) {
      grid = ws.grid();
      grids.set(ws.name, grid);
    }
    const read = readForm(grid);
    if (read.kind === 'person') people.push(read.person);
    else if (read.kind === 'unreadable') unread.push({ sheet: read.sheet, problem: read.problem });
    else others++;
  }
  if (others * 2 >= visible.length || people.length + unread.length === 0) return { kind: 'none' };
  if (unread.length > 0) return { kind: 'unreadable', unread, people: people.map((p) => p.sheet) };
  return { kind: 'forms', roster: formsRoster(people) };
}
