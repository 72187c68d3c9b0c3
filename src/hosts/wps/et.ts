/**
 * The part of WPS 表格's object model (ET, under `window.Application` in a WPS add-in's pages) that the WPS host
 * uses, typed by hand: every member here is one the host calls, and the simulation (src/preview/wps-sim.ts)
 * offers exactly these and throws on any other. Checked against WPS's published add-in documentation
 * (docs/wps.md lists the sources): the model is Excel's VBA model called from JavaScript — collections through
 * `.Item(i)`, methods with parentheses, 2-D arrays through `Value2` — and each property read or write is one
 * synchronous call into WPS.
 *
 * What Excel's COM model does and this host relies on (and the simulation does the same): a multi-cell range's
 * `Value2` and `Formula` are 2-D arrays (a single cell's are a scalar); its `NumberFormat`, `MergeCells` and
 * `Hidden` are one value when every cell shares it and null when they differ; an error value reads as its COM
 * error code (a negative number, ERROR_CODES below).
 */

/** XlSheetVisibility. */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_VERY_HIDDEN = 2;
/** Constants.xlNone / xlColorIndexNone: a cell with no fill. */
export const XL_COLOR_INDEX_NONE = -4142;
/** XlHAlign / XlVAlign. */
export const XL_CENTER = -4108;
export const XL_LEFT = -4131;
export const XL_TOP = -4160;
/** XlLineStyle.xlContinuous, XlBorderWeight.xlThin. */
export const XL_CONTINUOUS = 1;
export const XL_THIN = 2;
/** XlPageOrientation.xlLandscape, XlPaperSize.xlPaperA4. */
export const XL_LANDSCAPE = 2;
export const XL_PAPER_A4 = 9;

/** Excel's error values as COM hands them over (CVErr: 0x800A0000 + xlErr…), read through Value2. */
export const ERROR_CODES: Record<number, string> = {
  [-2146826288]: '#NULL!',
  [-2146826281]: '#DIV/0!',
  [-2146826273]: '#VALUE!',
  [-2146826265]: '#REF!',
  [-2146826259]: '#NAME?',
  [-2146826252]: '#NUM!',
  [-2146826246]: '#N/A',
};

/** "#RRGGBB" → the BGR number WPS keeps a colour as (red + green·256 + blue·65536), and back. */
export function bgr(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}
export function hexOf(colour: number): string {
  const rgb = ((colour & 0xff) << 16) | (colour & 0xff00) | ((colour >> 16) & 0xff);
  return `#${rgb.toString(16).toUpperCase().padStart(6, '0')}`;
}

/** One 2-D array or, for a single cell, one value. */
export type Cells = unknown;

export interface EtFont {
  Name: string;
  Size: number;
  Bold: boolean;
}

export interface EtInterior {
  /** BGR: red + green·256 + blue·65536. */
  Color: number;
  ColorIndex: number;
}

export interface EtBorders {
  LineStyle: number;
  Weight: number;
}

export interface EtComment {
  Delete(): void;
}

export interface EtRange {
  Row: number;
  Column: number;
  Rows: { Count: number };
  Columns: { Count: number };
  Value2: Cells;
  Formula: Cells;
  /** One format for the range, or null when its cells differ; written as one string for all of them. */
  NumberFormat: string | null;
  /** True, false, or null when some cells are merged and some not. */
  MergeCells: boolean | null;
  MergeArea: EtRange;
  /** For whole rows: true, false, or null when some are hidden and some not. */
  Hidden: boolean | null;
  Address(): string;
  Interior: EtInterior;
  /** The cell's comment (批注), or null. */
  Comment: EtComment | null;
  AddComment(text: string): EtComment;
  Select(): void;
  Merge(): void;
  Font: EtFont;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  Borders: EtBorders;
  ColumnWidth: number;
  RowHeight: number;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  Zoom: number | false;
  FitToPagesWide: number;
  FitToPagesTall: number;
  CenterHorizontally: boolean;
  PrintArea: string;
  PrintTitleRows: string;
}

export interface EtWorksheet {
  Name: string;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  Visible: number;
  ProtectContents: boolean;
  UsedRange: EtRange;
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): void;
  PageSetup: EtPageSetup;
}

export interface EtSheets {
  Count: number;
  /** By 1-based position or by name; a name not there throws. */
  Item(index: number | string): EtWorksheet;
  /** A new sheet after `After` (and active, as in Excel). */
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  Worksheets: EtSheets;
}

/** Events of WPS 表格 the host listens to (ApiEvent.AddApiEventListener): a cell changed, a sheet activated. */
export interface EtEvents {
  SheetChange: (sheet: EtWorksheet, target: EtRange) => void;
  SheetActivate: (sheet: EtWorksheet) => void;
}

export interface EtApiEvent {
  AddApiEventListener<K extends keyof EtEvents>(name: K, listener: EtEvents[K]): void;
}

export interface EtApplication {
  ActiveWorkbook: EtWorkbook;
  ActiveSheet: EtWorksheet;
  ApiEvent: EtApiEvent;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
}

/** A task pane of the add-in (Application.CreateTaskPane). */
export interface WpsTaskPane {
  ID: number;
  Visible: boolean;
}

/**
 * What a WPS add-in's pages find beside the spreadsheet model on `window.Application`: task panes, and
 * PluginStorage (shared by the add-in's pages while WPS runs; not kept with the workbook).
 */
export interface WpsAddinApplication extends EtApplication {
  CreateTaskPane(url: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null;
  PluginStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/** In a WPS add-in's page (window.Application, no office.js) rather than in Office. */
export function inWps(global: Record<string, unknown>): boolean {
  return global['Office'] === undefined && typeof global['Application'] === 'object' && global['Application'] !== null;
}
