/** A Host over in-memory grids, for the pane's tests: it records what the pane asks for. */
import { applyToGrid, type FormLayout, type Grid, type Issue, type MarkRecord, type Plan, type WorkbookSettings } from '../../src/engine';
import {
  HostError,
  type AddedSheets,
  type ApplyOptions,
  type ApplyResult,
  type Host,
  type SheetRead,
  type WorkbookEvent,
  type WorkbookSheets,
} from '../../src/hosts/host';

export class StubHost implements Host {
  /** The active sheet. */
  grid: Grid;
  settings: WorkbookSettings | null = null;
  selected: string[] = [];
  applied: Plan[] = [];
  /** Whether each plan applied was announced (the ribbon command's). */
  announced: boolean[] = [];
  marked: Issue[][] = [];
  /** Whether marking adds notes (Excel from ExcelApi 1.18); an older Excel paints the fill only. */
  notes = true;
  cleared = 0;
  reads = 0;
  failNext: HostError | null = null;
  /** Sheets changed by someone else since they were last read, by name. */
  private unread = new Set<string>();
  private listeners = new Set<(e: WorkbookEvent) => void>();

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

  /** A sheet by name. */
  sheet(name: string): Grid | undefined {
    return this.book().find((g) => g.sheet === name);
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
    this.unread.delete(this.grid.sheet);
    return { grid: this.grid, sheet: this.grid.sheet, protected: this.protectedSheet, settings: this.settings, settingsBroken: false };
  }

  /** Into the plan's own sheet, active or not, as Excel's host does. */
  async apply(plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      throw e;
    }
    if (this.unread.has(plan.sheet)) throw new HostError('stale');
    this.write(plan);
    this.applied.push(plan);
    this.announced.push(options.announce === true);
    // The ribbon command's write, announced: the pane hears of it as Excel's host tells it (a change it did not make).
    if (options.announce) {
      this.unread.add(plan.sheet);
      this.tell({ kind: 'computed', sheet: plan.sheet });
    }
    return { undoGroup: false };
  }

  private write(plan: Plan): void {
    if (plan.sheet === this.grid.sheet) this.grid = applyToGrid(this.grid, plan);
    else this.others = this.others.map((g) => (g.sheet === plan.sheet ? applyToGrid(g, plan) : g));
  }

  async select(_sheet: string, cell: string): Promise<void> {
    this.selected.push(cell);
  }

  async mark(sheet: string, issues: Issue[]): Promise<MarkRecord> {
    this.marked.push(issues);
    return {
      sheet,
      cells: [...new Set(issues.filter((i) => i.cell).map((i) => i.cell!))].map((cell) => ({ cell, fill: null, note: this.notes })),
    };
  }

  async clearMarks(): Promise<void> {
    this.cleared++;
  }

  async saveSettings(s: WorkbookSettings): Promise<void> {
    this.settings = s;
  }

  onWorkbookEvent(l: (e: WorkbookEvent) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private tell(e: WorkbookEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** Someone edits a sheet (the active one unless named). */
  change(sheet = this.grid.sheet): void {
    this.unread.add(sheet);
    this.tell({ kind: 'edited', sheet });
  }

  /** The user clicks another sheet's tab. */
  activate(name: string): void {
    const next = this.others.find((g) => g.sheet === name);
    if (!next) throw new Error(`no sheet ${name}`);
    this.others = [this.grid, ...this.others.filter((g) => g !== next)];
    this.grid = next;
    this.tell({ kind: 'activated', sheet: name });
  }
}
