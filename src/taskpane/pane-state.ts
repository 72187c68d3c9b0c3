/**
 * The task pane's session state and its transitions: one pure reducer, driven by usePane. What the
 * check makes of the sheet is not kept here: usePane derives it from the sheet read and the choices.
 */
import { applyToGrid, type ColumnOverrides, type MarkRecord, type Plan, type WorkbookSettings } from '../engine';
import type { AddedSheets, SheetRead, WorkbookEvent } from '../hosts/host';
import type { PaneYear, SchemeChoice } from './session';

export type TabKey = 'check' | 'people' | 'compute' | 'quota' | 'rank' | 'columns' | 'annual' | 'scheme';
/**
 * Where a message is shown: beside the control that caused it, in that control's tab (issue #17). 'pane': about
 * the whole pane (reading the sheet, following the workbook), under 重新检查; 'scheme': the scheme bar; the others
 * in their view — 'compute-apply' beside 写入表格 (the preview stays when a write fails), 'year-add' beside
 * 生成汇总表 likewise, 'year-forms' beside 删除生成的汇总表, 'column-N' under column N's role in 列对应, 'check-all'
 * beside 检查全部工作表 in 检查.
 */
export type MessageAt =
  | 'pane'
  | 'scheme'
  | 'check'
  | 'check-all'
  | 'compute'
  | 'compute-apply'
  | 'columns'
  | 'year'
  | 'year-add'
  | 'year-forms'
  | `column-${number}`;
export type Message = { intent: 'success' | 'warning' | 'error' | 'info'; text: string; at: MessageAt };

/** The tab a message belongs to; null for the pane's own (shown whichever tab is open). */
export function tabOf(at: MessageAt): TabKey | null {
  if (at === 'pane' || at === 'scheme') return null;
  if (at === 'check' || at === 'check-all') return 'check';
  if (at === 'compute' || at === 'compute-apply') return 'compute';
  if (at === 'columns' || at.startsWith('column-')) return 'columns';
  return 'annual';
}

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
  /** The last plan written, to undo it (a check in between keeps it, another sheet checked too: it names its sheet). */
  applied: Plan | null;
  /** The sheet of the last write changed after it (someone's edit, the ribbon command): undoing would overwrite that. */
  undoStale: boolean;
  /**
   * What the pane is to follow: another sheet activated, or the sheet read written by the ribbon command. It checks
   * that sheet (usePane) unless column corrections not saved yet would be lost; null once a check starts.
   */
  follow: { sheet: string; why: 'activated' | 'computed' } | null;
  /** 年度汇总: the roll-up, whether its forms are previewed, and the forms added as sheets (to delete them again). */
  year: PaneYear | null;
  formsPreview: boolean;
  addedForms: AddedSheets | null;
  /**
   * Sheets kaohe added (the year's forms, the 方案说明表), by name: Excel shows a form it adds, and the pane does not
   * follow there — the view that added it (its message, its 删除 button) stays; the sheet caption says which sheet it is for.
   */
  ownSheets: string[];
  tab: TabKey;
  /** The sheet changed after it was read: nothing is written until it is checked again. */
  stale: boolean;
  busy: boolean;
  /** The one message shown: a new one replaces it, and leaving its tab ends it. */
  message: Message | null;
}

export const initialPane: PaneState = {
  sheet: null,
  choice: { kind: 'auto' },
  columns: null,
  applied: null,
  undoStale: false,
  follow: null,
  year: null,
  formsPreview: false,
  addedForms: null,
  ownSheets: [],
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
  // Something happened in the workbook that the pane did not do: another sheet activated, a sheet edited, the ribbon's write.
  | { type: 'workbook'; event: WorkbookEvent }
  // A check starts: the preview goes, and the message unless the pane follows the workbook (`quiet`).
  | { type: 'checking'; quiet?: boolean }
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
  // Sheets kaohe added besides the year's forms (the 方案说明表).
  | { type: 'own-sheets'; names: string[] }
  | { type: 'forms-removed' }
  // The scheme in use changed: the roll-up and its forms' preview go, the forms added stay undoable.
  | { type: 'scheme-changed' };

/** Sheets kaohe added, kept as its own; Excel's activation of one, heard before the add returned, is not followed. */
function owning(state: PaneState, names: string[]): PaneState {
  const follow = state.follow && names.includes(state.follow.sheet) ? null : state.follow;
  return { ...state, follow, ownSheets: [...state.ownSheets, ...names] };
}

/** The sheet with some of what the pane keeps for it changed; still none before the first read. */
function sheetWith(state: PaneState, change: (sheet: SheetState) => Partial<SheetState>): SheetState | null {
  return state.sheet && { ...state.sheet, ...change(state.sheet) };
}

/** The sheet read with a plan's writes in its grid, where they went there: it is checked again without another round trip. */
function withWrites(read: SheetRead, plan: Plan): SheetRead {
  return plan.sheet === read.sheet ? { ...read, grid: applyToGrid(read.grid, plan) } : read;
}

/**
 * The workbook moved without the pane: another sheet activated is to be followed; the sheet read, edited by
 * someone, is stale; written by the ribbon command, stale and to be checked again; and the last write's sheet,
 * changed by either, can no longer be undone without overwriting that.
 */
function onWorkbook(state: PaneState, event: WorkbookEvent): PaneState {
  const shown = state.sheet?.read.sheet ?? null;
  const undoStale = state.undoStale || (event.kind !== 'activated' && state.applied?.sheet === event.sheet);
  switch (event.kind) {
    case 'activated':
      // A sheet kaohe added holds no roster: the pane stays with the view that added it.
      if (state.ownSheets.includes(event.sheet)) return state;
      return { ...state, follow: { sheet: event.sheet, why: 'activated' } };
    case 'edited':
      return { ...state, undoStale, stale: state.stale || event.sheet === shown };
    case 'computed': {
      if (event.sheet !== shown) return { ...state, undoStale };
      // Another sheet activated meanwhile is where the pane goes next: that check answers both.
      const away = state.follow?.why === 'activated' && state.follow.sheet !== shown;
      return { ...state, undoStale, stale: true, follow: away ? state.follow : { sheet: event.sheet, why: 'computed' } };
    }
  }
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'busy':
      return { ...state, busy: action.busy };
    case 'message':
      return { ...state, message: action.message };
    case 'tab': {
      // A message answers the click just made in its tab: once the user has gone to another tab it is history, and
      // coming back the view itself shows what holds (the undo button, the quotas after writing, the forms to delete).
      const at = state.message && tabOf(state.message.at);
      return { ...state, tab: action.tab, message: at && at !== action.tab ? null : state.message };
    }
    case 'stale':
      return { ...state, stale: true };
    case 'workbook':
      return onWorkbook(state, action.event);
    case 'checking':
      return { ...state, message: action.quiet ? state.message : null, follow: null, sheet: sheetWith(state, () => ({ preview: null })) };
    case 'read': {
      const { read } = action;
      const marks = read.settings?.marks;
      const sheet = {
        read,
        formulas: read.settings?.formulas ?? false,
        marks: marks && marks.sheet === read.sheet ? marks : null,
        preview: null,
      };
      // Column corrections not saved were made for the sheet read before: they are no answer for another one.
      const other = state.sheet !== null && state.sheet.read.sheet !== read.sheet;
      return { ...state, sheet, stale: false, columns: other ? null : state.columns };
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
        undoStale: false,
        sheet: sheetWith(state, ({ read }) => ({ read: withWrites(read, action.plan), preview: null })),
      };
    case 'undone':
      // The undo went to the sheet it was written on: the sheet read holds it only if it is that sheet.
      return {
        ...state,
        applied: null,
        undoStale: false,
        sheet: sheetWith(state, ({ read }) => ({ read: withWrites(read, action.back) })),
      };
    case 'marks':
      return { ...state, sheet: sheetWith(state, () => ({ marks: action.marks })) };
    case 'rolling-up':
      return { ...state, message: null, formsPreview: false };
    case 'year':
      return { ...state, year: action.year };
    case 'forms-preview':
      return { ...state, formsPreview: true };
    case 'forms-added':
      return { ...owning(state, action.added.names), addedForms: action.added, formsPreview: false };
    case 'own-sheets':
      return owning(state, action.names);
    case 'forms-removed':
      return { ...state, addedForms: null };
    case 'scheme-changed':
      // Nothing to drop: the same state, so React need not draw the pane again.
      return state.year === null && !state.formsPreview ? state : { ...state, year: null, formsPreview: false };
  }
}
