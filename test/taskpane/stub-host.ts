/** A Host over an in-memory grid, for the pane's tests: it records what the pane asks for. */
import { applyToGrid, type FormLayout, type Grid, type Issue, type MarkRecord, type Plan, type WorkbookSettings } from '../../src/engine';
import { HostError, type AddedSheets, type ApplyResult, type Host, type SheetRead, type WorkbookSheets } from '../../src/hosts/host';

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

  /** The workbook's other sheets (the active one is `grid`), for the year's roll-up. */
  others: Grid[] = [];
  /** Forms added as sheets, by name. */
  added = new Map<string, FormLayout>();

  constructor(
    grid: Grid,
    readonly protectedSheet = false,
  ) {
    this.grid = grid;
  }

  private book(): Grid[] {
    return [this.grid, ...this.others];
  }

  async readSheets(pick: (names: string[]) => string[]): Promise<WorkbookSheets> {
    const names = [...this.book().map((g) => g.sheet), ...this.added.keys()];
    const wanted = new Set(pick(names));
    return {
      names,
      grids: new Map(
        this.book()
          .filter((g) => wanted.has(g.sheet))
          .map((g) => [g.sheet, g]),
      ),
    };
  }

  async addForms(forms: FormLayout[]): Promise<AddedSheets> {
    const names = forms.map((f) => {
      let name = f.sheet;
      for (let i = 2; this.added.has(name); i++) name = `${f.sheet}(${i})`;
      this.added.set(name, f);
      return name;
    });
    return { names, ids: names };
  }

  async removeSheets(added: AddedSheets): Promise<number> {
    return added.ids.filter((id) => this.added.delete(id)).length;
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
