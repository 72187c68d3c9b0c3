/**
 * What the use cases read, whatever the host: a workbook's sheets (cells read when asked for) and
 * kaohe's settings stored in it. The file host gives every sheet; the task pane and the ribbon
 * command give the active sheet (one round trip), or all sheets for the year.
 */
import type { Grid, WorkbookSettings } from '../engine';
import type { SheetRead } from '../hosts/host';

export interface SheetSource {
  name: string;
  visible: boolean;
  grid: () => Grid;
}

export interface WorkbookSource {
  sheets: SheetSource[];
  /** kaohe's settings stored in the workbook; null when there are none (or they cannot be read). */
  settings: WorkbookSettings | null;
  /** A settings record is there but kaohe cannot read it. */
  settingsBroken: boolean;
  /** Only the active sheet was read (the pane, the ribbon command): a form's workbook, whose roster is all its forms, is not there. */
  partial?: boolean;
}

/** The active sheet the pane or the ribbon command read, as a workbook of one sheet. */
export function activeSheet(read: SheetRead): WorkbookSource {
  return {
    sheets: [{ name: read.sheet, visible: true, grid: () => read.grid }],
    settings: read.settings,
    settingsBroken: read.settingsBroken,
    partial: true,
  };
}
