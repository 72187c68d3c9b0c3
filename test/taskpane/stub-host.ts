/** A Host over an in-memory grid, for the pane's tests: it records what the pane asks for. */
import type { Grid } from '../../src/engine/grid';
import type { Issue } from '../../src/engine/report/issue';
import { applyToGrid, type Plan } from '../../src/engine/plan/plan';
import type { MarkRecord, WorkbookSettings } from '../../src/engine/settings';
import { HostError, type ApplyResult, type Host, type SheetRead } from '../../src/taskpane/host';

export class StubHost implements Host {
  grid: Grid;
  settings: WorkbookSettings | null = null;
  selected: string[] = [];
  applied: Plan[] = [];
  marked: Issue[][] = [];
  cleared = 0;
  reads = 0;
  failNext: HostError | null = null;
  private stale = false;
  private listeners = new Set<() => void>();

  constructor(
    grid: Grid,
    readonly protectedSheet = false,
  ) {
    this.grid = grid;
  }

  async readSheet(): Promise<SheetRead> {
    this.reads++;
    this.stale = false;
    return { grid: this.grid, sheet: this.grid.sheet, protected: this.protectedSheet, settings: this.settings, settingsBroken: false };
  }

  async apply(plan: Plan): Promise<ApplyResult> {
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      throw e;
    }
    if (this.stale) throw new HostError('stale');
    this.grid = applyToGrid(this.grid, plan);
    this.applied.push(plan);
    return { undoGroup: false };
  }

  async select(_sheet: string, cell: string): Promise<void> {
    this.selected.push(cell);
  }

  async mark(sheet: string, issues: Issue[]): Promise<MarkRecord> {
    this.marked.push(issues);
    return {
      sheet,
      cells: [...new Set(issues.filter((i) => i.cell).map((i) => i.cell!))].map((cell) => ({ cell, fill: null, note: true })),
    };
  }

  async clearMarks(): Promise<void> {
    this.cleared++;
  }

  async saveSettings(s: WorkbookSettings): Promise<void> {
    this.settings = s;
  }

  onExternalChange(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Someone edits the sheet. */
  change(): void {
    this.stale = true;
    for (const l of this.listeners) l();
  }
}
