/**
 * The task pane's session state and its transitions: one pure reducer, driven by usePane. What the
 * check makes of the sheet is not kept here: usePane derives it from the sheet read and the choices.
 */
import { applyToGrid, type ColumnOverrides, type MarkRecord, type Plan, type WorkbookSettings } from '../engine';
import type { AddedSheets, SheetRead } from '../hosts/host';
import type { PaneYear, SchemeChoice } from './session';

export type TabKey = 'check' | 'people' | 'compute' | 'quota' | 'rank' | 'columns' | 'annual';
export type Message = { intent: 'success' | 'warning' | 'error' | 'info'; text: string };

/** The active sheet as last read, and what the pane keeps for it until the next read. */
export interface SheetState {
  read: SheetRead;
  /** Write live formulas rather than values: the workbook's choice, then the user's. */
  formulas: boolean;
  /** The issues marked in this sheet, to clear them again. */
  marks: MarkRecord | null;
  /** The writes previewed and not applied yet. */
  preview: Plan | null;
}

export interface PaneState {
  /** Null until the first read. */
  sheet: SheetState | null;
  choice: SchemeChoice;
  /** Column corrections made in the pane and not saved: null to use the workbook's, {} once reset. */
  columns: ColumnOverrides | null;
  /** The last plan written, to undo it (a check in between keeps it). */
  applied: Plan | null;
  /** 年度汇总: the roll-up, whether its forms are previewed, and the forms added as sheets (to delete them again). */
  year: PaneYear | null;
  formsPreview: boolean;
  addedForms: AddedSheets | null;
  tab: TabKey;
  /** The sheet changed after it was read: nothing is written until it is checked again. */
  stale: boolean;
  busy: boolean;
  message: Message | null;
}

export const initialPane: PaneState = {
  sheet: null,
  choice: { kind: 'auto' },
  columns: null,
  applied: null,
  year: null,
  formsPreview: false,
  addedForms: null,
  tab: 'check',
  stale: false,
  busy: false,
  message: null,
};

export type PaneAction =
  | { type: 'busy'; busy: boolean }
  | { type: 'message'; message: Message | null }
  | { type: 'tab'; tab: TabKey }
  // The sheet changed outside the pane.
  | { type: 'stale' }
  // A check starts: the message and the preview go.
  | { type: 'checking' }
  // The sheet as read, with the write mode and the marks its workbook holds for it.
  | { type: 'read'; read: SheetRead }
  // kaohe's settings as now saved in the workbook.
  | { type: 'saved'; settings: WorkbookSettings }
  // A scheme picked or imported: the corrections made under the other one and the preview go.
  | { type: 'scheme'; choice: SchemeChoice }
  // Columns corrected, or all reset ({}): the preview goes.
  | { type: 'columns'; columns: ColumnOverrides }
  // The corrections saved: the workbook's are used from now on.
  | { type: 'columns-saved' }
  | { type: 'formulas'; formulas: boolean }
  | { type: 'preview'; plan: Plan }
  // A plan written, or the undo of the last one: the sheet read now holds what it wrote.
  | { type: 'applied'; plan: Plan }
  | { type: 'undone'; back: Plan }
  | { type: 'marks'; marks: MarkRecord | null }
  | { type: 'rolling-up' }
  | { type: 'year'; year: PaneYear }
  | { type: 'forms-preview' }
  | { type: 'forms-added'; added: AddedSheets }
  | { type: 'forms-removed' }
  // The scheme in use changed: the roll-up and its forms' preview go, the forms added stay undoable.
  | { type: 'scheme-changed' };

/** The sheet with some of what the pane keeps for it changed; still none before the first read. */
function sheetWith(state: PaneState, change: (sheet: SheetState) => Partial<SheetState>): SheetState | null {
  return state.sheet && { ...state.sheet, ...change(state.sheet) };
}

/** The sheet read with a plan's writes in its grid: it is checked again without another round trip. */
function withWrites(read: SheetRead, plan: Plan): SheetRead {
  return { ...read, grid: applyToGrid(read.grid, plan) };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'busy':
      return { ...state, busy: action.busy };
    case 'message':
      return { ...state, message: action.message };
    case 'tab':
      return { ...state, tab: action.tab };
    case 'stale':
      return { ...state, stale: true };
    case 'checking':
      return { ...state, message: null, sheet: sheetWith(state, () => ({ preview: null })) };
    case 'read': {
      const { read } = action;
      const marks = read.settings?.marks;
      const sheet = {
        read,
        formulas: read.settings?.formulas ?? false,
        marks: marks && marks.sheet === read.sheet ? marks : null,
        preview: null,
      };
      return { ...state, sheet, stale: false };
    }
    case 'saved':
      return { ...state, sheet: sheetWith(state, ({ read }) => ({ read: { ...read, settings: action.settings, settingsBroken: false } })) };
    case 'scheme':
      return { ...state, choice: action.choice, columns: null, sheet: sheetWith(state, () => ({ preview: null })) };
    case 'columns':
      return { ...state, columns: action.columns, sheet: sheetWith(state, () => ({ preview: null })) };
    case 'columns-saved':
      return { ...state, columns: null };
    case 'formulas':
      return { ...state, sheet: sheetWith(state, () => ({ formulas: action.formulas, preview: null })) };
    case 'preview':
      return { ...state, message: null, sheet: sheetWith(state, () => ({ preview: action.plan })) };
    case 'applied':
      return {
        ...state,
        applied: action.plan,
        sheet: sheetWith(state, ({ read }) => ({ read: withWrites(read, action.plan), preview: null })),
      };
    case 'undone':
      return { ...state, applied: null, sheet: sheetWith(state, ({ read }) => ({ read: withWrites(read, action.back) })) };
    case 'marks':
      return { ...state, sheet: sheetWith(state, () => ({ marks: action.marks })) };
    case 'rolling-up':
      return { ...state, message: null, formsPreview: false };
    case 'year':
      return { ...state, year: action.year };
    case 'forms-preview':
      return { ...state, formsPreview: true };
    case 'forms-added':
      return { ...state, addedForms: action.added, formsPreview: false };
    case 'forms-removed':
      return { ...state, addedForms: null };
    case 'scheme-changed':
      // Nothing to drop: the same state, so React need not draw the pane again.
      return state.year === null && !state.formsPreview ? state : { ...state, year: null, formsPreview: false };
  }
}
