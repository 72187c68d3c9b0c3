/**
 * The host port: what the use cases, the pane and the ribbon command need from a spreadsheet, as
 * verbs. Nothing above it touches Office.js: each receives a Host (Excel through
 * src/hosts/excel, the preview's simulated Excel, or a stub in tests).
 */
import type { FormLayout, Grid, Issue, Locale, MarkRecord, Plan, WorkbookSettings } from '../engine';

export interface SheetRead {
  grid: Grid;
  sheet: string;
  protected: boolean;
  /** kaohe's settings saved in the workbook; null when there are none. */
  settings: WorkbookSettings | null;
  /** A settings record is there but kaohe cannot read it. */
  settingsBroken: boolean;
}

/** Why the host refused or failed, for a message the user understands. */
export type HostProblem =
  | 'protected'
  | 'stale'
  | 'changed-after-apply'
  | 'payload-too-large'
  | 'partial-write'
  /** Excel refused: the cells are part of a merged area, an array formula, a table, or a filtered range. */
  | 'merged'
  | 'array'
  | 'table'
  | 'filtered'
  /** Excel is editing a cell (the user typed into one and has not pressed Enter). */
  | 'cell-edit'
  /** Rows hidden or filtered out would be written, or a hidden cell was selected; `detail` names the rows. */
  | 'hidden-rows'
  /** The cell selected is in a hidden or filtered-out row; `detail` names the row. */
  | 'hidden-cell'
  /** Excel would widen a table over the cells written, and cannot put it back (below ExcelApi 1.13); `detail` names the tables. */
  | 'table-grows'
  | 'failed';

/** What a host's verbs reject with: the Excel host lets no Office error through. */
export class HostError extends Error {
  constructor(
    readonly problem: HostProblem,
    readonly detail = '',
  ) {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
    this.name = 'HostError';
  }
}

/** Sheets of the workbook, read for the year's roll-up. */
export interface WorkbookSheets {
  /** The visible sheets' names, in tab order. */
  names: string[];
  /** The cells of the sheets asked for, by name. */
  grids: Map<string, Grid>;
}

/** The sheets kaohe added (the summary forms): what its undo deletes. */
export interface AddedSheets {
  names: string[];
  /** Worksheet ids: the sheets are found again even when renamed. */
  ids: string[];
}

/**
 * What happens in the workbook that the pane did not do itself, for the pane to follow: another sheet
 * activated, a sheet kaohe read changed by someone else, or written by kaohe's ribbon command
 * (一键计算等次, which runs apart from the pane).
 */
export type WorkbookEvent = { kind: 'activated'; sheet: string } | { kind: 'edited'; sheet: string } | { kind: 'computed'; sheet: string };

export interface ApplyOptions {
  /** Leave a signal in the workbook with the write, so that an open pane hears that kaohe wrote the sheet (the ribbon command). */
  announce?: boolean;
}

export interface ApplyResult {
  /** Ctrl+Z undoes the whole apply (ExcelApi 1.20); otherwise the pane's own undo does. */
  undoGroup: boolean;
  /** Formulas written as their values in Excel tables (Excel host only): the user is told. */
  asValues?: ValuesInTables;
}

/**
 * Formulas of a plan written as their values because they fall in an Excel table's columns, where a formula
 * would become a calculated column over the people kaohe skipped.
 */
export interface ValuesInTables {
  cells: number;
  /** The tables' names, in the sheet's order. */
  tables: string[];
}

export interface Host {
  /** The active sheet, its protection and the workbook's kaohe settings, in one round trip. */
  readSheet(): Promise<SheetRead>;
  /**
   * Writes a plan in one round trip into the plan's own sheet, whichever sheet is active (an undo goes back to the
   * sheet it was written on); refuses a protected sheet or one changed by someone else since kaohe read it.
   */
  apply(plan: Plan, options?: ApplyOptions): Promise<ApplyResult>;
  /**
   * The visible sheets' names, and the cells of those `pick` chooses from them, in one request
   * after the names (read in chunks where Excel on the web refuses one that large).
   */
  readSheets(pick: (names: string[]) => string[]): Promise<WorkbookSheets>;
  /** Adds each form as a new sheet (a free name: 汇总表, 汇总表(2)…), in one round trip after the names; nothing else is written. */
  addForms(forms: FormLayout[]): Promise<AddedSheets>;
  /** Deletes the sheets kaohe added; those already deleted by hand are skipped. Returns how many were deleted. */
  removeSheets(added: AddedSheets): Promise<number>;
  /** Selects a cell so the user sees it. */
  select(sheet: string, cell: string): Promise<void>;
  /** Marks problem cells (fill colour, and a note where Excel supports notes); returns what it changed. */
  mark(sheet: string, issues: Issue[], locale: Locale): Promise<MarkRecord>;
  /** Takes marks back exactly. */
  clearMarks(record: MarkRecord): Promise<void>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /**
   * Tells of another sheet activated, of a sheet kaohe read changed by someone else, and of a sheet the ribbon command
   * wrote; returns the function that stops it. Subscribe before the first read: the watch is set up with it.
   */
  onWorkbookEvent(listener: (event: WorkbookEvent) => void): () => void;
}
