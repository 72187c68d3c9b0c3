/**
 * The WPS host: the task pane's verbs over WPS 表格's object model (`window.Application`, et.ts), the same port
 * the Excel host implements. WPS's model is synchronous and every property access is a call into WPS, so cells
 * are read and written by whole ranges: a sheet's values and formulas are two 2-D arrays whatever its size;
 * number formats, merged cells and hidden rows, which WPS gives for a range only when all its cells agree, are
 * asked for by runs (runs.ts), so their cost follows the sheet's layout, not its rows. What is written goes
 * through the same rules as the Excel host's (convert.ts): one range write per run of cells, text that would
 * be read as something else written as text, and the grid made from what is read the same way.
 *
 * Settings (the scheme, column corrections) live in the workbook, in a very hidden sheet (SETTINGS_SHEET) under
 * the Excel host's keys; WPS's PluginStorage is not kept with the file. Changes are followed through
 * ApiEvent's SheetChange and SheetActivate; the ribbon command's write is told from someone's edit by the same
 * signal the Excel host uses (WRITE_SIGNAL_KEY), kept in the settings sheet.
 *
 * WPS has no undo group for an add-in's writes: the pane's own undo takes a write back (ApplyResult.undoGroup false).
 */
/* global globalThis */
import {
  type Area,
  a1,
  areaA1,
  type FormLayout,
  freeSheetName,
  type Grid,
  type Issue,
  type Locale,
  type MarkRecord,
  parseArea,
  parseSettings,
  type Plan,
  SETTINGS_KEY,
  words,
  type WorkbookSettings,
} from '../../engine';
import { rangeToGrid, toBlocks, type Block } from '../excel/convert';
import {
  HostError,
  type AddedSheets,
  type ApplyOptions,
  type ApplyResult,
  type Host,
  type SheetRead,
  type WorkbookEvent,
  type WorkbookSheets,
} from '../host';
import {
  bgr,
  ERROR_CODES,
  hexOf,
  type EtApplication,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
  XL_COLOR_INDEX_NONE,
  XL_SHEET_VERY_HIDDEN,
  XL_SHEET_VISIBLE,
} from './et';
import { uniformRuns } from './runs';

/** The very hidden sheet kaohe keeps its settings in: a key in column A, its value as text from column B on. */
export const SETTINGS_SHEET = 'kaohe_settings';
/** The same key as the Excel host's (excel-host.ts): the ribbon command's write signal. */
export const WRITE_SIGNAL_KEY = 'kaohe.written';
/** A cell holds at most 32,767 characters: a longer value goes on over the next cells of its row. */
const CELL_CHARS = 30000;
/** Change events this close together are one change. */
const SETTLE_MS = 50;

export const MARK_COLOURS: Record<Issue['severity'], string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** A 2-D array, also from a single cell's scalar. */
function table(v: unknown): unknown[][] {
  return Array.isArray(v) ? (v as unknown[][]) : [[v]];
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What WPS threw, in the pane's terms. */
function hostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  if (/protect|保护/i.test(messageOf(e))) return new HostError('protected');
  return new HostError('failed', messageOf(e));
}

/** "$A$1:$C$2" → the area. */
function areaOf(address: string): Area | null {
  return parseArea(address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, ''));
}

/** Excel's General in the forms WPS may give it (the Chinese edition's local name too). */
const GENERAL = new Set(['General', 'G/通用格式', '']);

/**
 * One sheet's used range as the engine's Grid: values and formulas as two 2-D arrays, the rest by runs.
 * The grid is made by the Excel host's own rule (rangeToGrid), so both hosts hand the engine the same grid.
 */
function readGrid(ws: EtWorksheet, name: string): Grid {
  const used = ws.UsedRange;
  const top = used.Row;
  const left = used.Column;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const raw = table(used.Value2);
  const formulas = table(used.Formula);
  const values = raw.map((row) => row.map((v) => (typeof v === 'number' && ERROR_CODES[v] !== undefined ? ERROR_CODES[v] : v)));
  const valueTypes = raw.map((row) =>
    row.map((v) =>
      v === null || v === undefined || v === ''
        ? 'Empty'
        : typeof v === 'number' && ERROR_CODES[v] !== undefined
          ? 'Error'
          : typeof v === 'number'
            ? 'Double'
            : typeof v === 'boolean'
              ? 'Boolean'
              : 'String',
    ),
  );
  const numberFormat = numberFormats(ws, used, top, left, rows, cols);
  const grid = rangeToGrid({
    sheet: name,
    rowIndex: top - 1,
    columnIndex: left - 1,
    values,
    formulas,
    numberFormat,
    valueTypes,
    mergedAddress: null,
  });
  grid.merges = mergedAreas(ws, top, left, rows, cols);
  const hidden = hiddenRows(ws, top, top + rows - 1);
  if (hidden.length > 0) grid.hiddenRows = hidden;
  return grid;
}

/** The number formats of a range: one question when they agree, then one per column, then runs down a column. */
function numberFormats(ws: EtWorksheet, used: EtRange, top: number, left: number, rows: number, cols: number): string[][] {
  const whole = used.NumberFormat;
  const out = Array.from({ length: rows }, () => Array<string>(cols).fill(typeof whole === 'string' ? whole : 'General'));
  if (typeof whole === 'string') return out;
  for (let j = 0; j < cols; j++) {
    const col = left + j;
    const runs = uniformRuns(top, top + rows - 1, (a, b) => ws.Range(`${a1(a, col)}:${a1(b, col)}`).NumberFormat);
    for (const r of runs)
      for (let row = r.from; row <= r.to; row++) out[row - top]![j] = r.value === null || GENERAL.has(r.value) ? 'General' : r.value;
  }
  return out;
}

/** Merged areas: rows with none are passed over by runs; in the others, each merged cell's MergeArea. */
function mergedAreas(ws: EtWorksheet, top: number, left: number, rows: number, cols: number): Area[] {
  const right = left + cols - 1;
  const found = new Map<string, Area>();
  const bands = uniformRuns(top, top + rows - 1, (a, b) => ws.Range(`${a1(a, left)}:${a1(b, right)}`).MergeCells);
  const covered = (row: number, col: number) =>
    [...found.values()].find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  for (let row = top; row < top + rows; row++) {
    if (bands.some((b) => b.value === false && row >= b.from && row <= b.to)) continue;
    const runs = uniformRuns(left, right, (a, b) => ws.Range(`${a1(row, a)}:${a1(row, b)}`).MergeCells);
    for (const run of runs) {
      if (run.value === false) continue;
      for (let col = run.from; col <= run.to; col++) {
        const known = covered(row, col);
        if (known) {
          col = known.right;
          continue;
        }
        const area = areaOf(ws.Range(a1(row, col)).MergeArea.Address());
        if (!area) continue;
        found.set(areaA1(area), area);
        col = area.right;
      }
    }
  }
  return [...found.values()].sort((x, y) => x.top - y.top || x.left - y.left);
}

/** Hidden rows, by runs of whole rows. */
function hiddenRows(ws: EtWorksheet, top: number, bottom: number): number[] {
  const out: number[] = [];
  for (const r of uniformRuns(top, bottom, (a, b) => ws.Range(`${a}:${b}`).Hidden)) {
    if (r.value) for (let row = r.from; row <= r.to; row++) out.push(row);
  }
  return out;
}

/** The rows among a plan's writes hidden in the sheet now, ascending. */
function hiddenWritten(ws: EtWorksheet, plan: Plan): number[] {
  if (plan.writes.length === 0) return [];
  const rows = new Set(plan.writes.map((w) => w.row));
  let top = Infinity;
  let bottom = -Infinity;
  for (const r of rows) {
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
  }
  return hiddenRows(ws, top, bottom).filter((r) => rows.has(r));
}

/** The settings sheet's records, by key; empty when there is no such sheet. */
function readRecords(wb: EtWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  let ws: EtWorksheet;
  try {
    ws = wb.Worksheets.Item(SETTINGS_SHEET);
  } catch {
    return out; // no settings saved in this workbook
  }
  for (const row of table(ws.UsedRange.Value2)) {
    const [key, ...parts] = row;
    if (typeof key === 'string' && key !== '') out.set(key, parts.map((p) => (p === null || p === undefined ? '' : String(p))).join(''));
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The sheet a signal names; null for none, or one kaohe cannot read. */
function signalSheet(text: string | null): string | null {
  const value = text === null ? null : safeJson(text);
  const sheet = typeof value === 'object' && value !== null ? (value as { sheet?: unknown }).sheet : undefined;
  return typeof sheet === 'string' ? sheet : null;
}

/** The note kaohe leaves on a marked cell (the same words as the Excel host's). */
function noteText(list: Issue[], locale: Locale): string {
  return list.map((i) => `考核助手 · ${i.rule}\n${words(i, locale).message}。${words(i, locale).fix}`).join('\n\n');
}

export class WpsHost implements Host {
  private watching = false;
  /** Sheets kaohe has read, by name (WPS gives sheets no lasting id). */
  private readonly known = new Set<string>();
  /** Sheets changed by someone else since kaohe last read them: not written until read again. */
  private readonly unread = new Set<string>();
  private signal: string | null = null;
  private burst: { sheets: Set<string>; settled: Promise<void> } | null = null;
  /** Writes under way: change events meanwhile are kaohe's own. */
  private ownWrites = 0;
  /**
   * What kaohe last wrote, by sheet and cell, as WPS shows it in Formula: a change event whose cells hold exactly
   * that is the echo of kaohe's own write (WPS may tell it after the write has returned), not someone's edit.
   */
  private readonly written = new Map<string, Map<string, string>>();
  /** The sheet last known active, and the settling of an activation. */
  private active: string | null = null;
  private activating: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(event: WorkbookEvent) => void>();

  /** `app`: WPS's Application (the page's `window.Application` when not given). */
  constructor(private readonly given?: EtApplication) {}

  private get app(): EtApplication {
    return this.given ?? (globalThis as unknown as { Application: EtApplication }).Application;
  }

  onWorkbookEvent(listener: (event: WorkbookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tell(event: WorkbookEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** Every call into WPS: what it throws leaves as a HostError; while one that writes runs, changes are kaohe's own. */
  private run<T>(access: 'read' | 'write', body: (app: EtApplication) => T): T {
    if (access === 'write') this.ownWrites++;
    try {
      return body(this.app);
    } catch (e) {
      throw hostError(e);
    } finally {
      if (access === 'write') this.ownWrites--;
    }
  }

  private watch(app: EtApplication): void {
    if (this.watching || this.listeners.size === 0) return;
    this.watching = true;
    app.ApiEvent.AddApiEventListener('SheetChange', (sheet, target) => {
      if (this.ownWrites > 0) return;
      const name = sheet.Name;
      if (this.known.has(name) && !this.echo(name, target)) void this.changed(name);
    });
    // Activations settle first: adding a sheet (kaohe's settings sheet, by this page or the ribbon's) activates it
    // for a moment before the sheet that was active is activated again; only where WPS ends up is told.
    app.ApiEvent.AddApiEventListener('SheetActivate', () => {
      if (this.activating) return;
      this.activating = setTimeout(() => {
        this.activating = null;
        try {
          const name = this.app.ActiveSheet.Name;
          if (name === this.active || name === SETTINGS_SHEET) return;
          this.active = name;
          this.tell({ kind: 'activated', sheet: name });
        } catch {
          // WPS busy or the workbook closed: the next activation says where it is
        }
      }, SETTLE_MS);
    });
  }

  /** A change of a sheet kaohe read, not its own: gathered with its burst, then told apart by the signal. */
  /** Whether a change's cells all hold what kaohe wrote into them last (then it is kaohe's own write, told late). */
  private echo(sheet: string, target: EtRange): boolean {
    const mine = this.written.get(sheet);
    if (!mine) return false;
    try {
      const area = areaOf(target.Address());
      if (!area || (area.bottom - area.top + 1) * (area.right - area.left + 1) > mine.size) return false;
      for (let row = area.top; row <= area.bottom; row++)
        for (let col = area.left; col <= area.right; col++) if (!mine.has(a1(row, col))) return false;
      const now = table(target.Formula);
      for (let row = area.top; row <= area.bottom; row++)
        for (let col = area.left; col <= area.right; col++)
          if (String(now[row - area.top]?.[col - area.left] ?? '') !== mine.get(a1(row, col))) return false;
      return true;
    } catch {
      return false; // cannot tell: an edit, read again to be safe
    }
  }

  private changed(name: string): Promise<void> {
    if (!this.burst) {
      const burst = { sheets: new Set<string>(), settled: Promise.resolve() };
      burst.settled = new Promise<void>((r) => setTimeout(r, SETTLE_MS)).then(() => this.settle(burst.sheets));
      this.burst = burst;
    }
    this.burst.sheets.add(name);
    return this.burst.settled;
  }

  private settle(sheets: Set<string>): void {
    this.burst = null;
    let signal = this.signal;
    try {
      signal = readRecords(this.app.ActiveWorkbook).get(WRITE_SIGNAL_KEY) ?? null;
    } catch {
      // unreadable now: the edits are told as edits
    }
    const ribbon = signal !== this.signal ? signalSheet(signal) : null;
    this.signal = signal;
    if (ribbon !== null) {
      this.unread.add(ribbon);
      this.tell({ kind: 'computed', sheet: ribbon });
    }
    for (const name of sheets) {
      if (name === ribbon) continue;
      this.unread.add(name);
      this.tell({ kind: 'edited', sheet: name });
    }
  }

  async readSheet(): Promise<SheetRead> {
    return this.run('read', (app) => {
      const ws = app.ActiveSheet;
      const name = ws.Name;
      const isProtected = ws.ProtectContents;
      const grid = readGrid(ws, name);
      const records = readRecords(app.ActiveWorkbook);
      this.watch(app);
      this.signal = records.get(WRITE_SIGNAL_KEY) ?? null;
      this.known.add(name);
      this.unread.delete(name);
      this.active = name;
      const raw = records.get(SETTINGS_KEY);
      const settings = raw === undefined ? null : parseSettings(safeJson(raw));
      return { grid, sheet: name, protected: isProtected, settings, settingsBroken: raw !== undefined && settings === null };
    });
  }

  async readSheets(pick: (names: string[]) => string[]): Promise<WorkbookSheets> {
    return this.run('read', (app) => {
      const sheets = app.ActiveWorkbook.Worksheets;
      const all: EtWorksheet[] = [];
      for (let i = 1, n = sheets.Count; i <= n; i++) all.push(sheets.Item(i));
      const visible = all.map((ws) => ({ ws, name: ws.Name, visible: ws.Visible === XL_SHEET_VISIBLE })).filter((s) => s.visible);
      const names = visible.map((s) => s.name);
      const wanted = pick(names).filter((n) => names.includes(n));
      const grids = new Map<string, Grid>();
      for (const name of wanted) grids.set(name, readGrid(visible.find((s) => s.name === name)!.ws, name));
      return { names, grids };
    });
  }

  async addForms(forms: FormLayout[]): Promise<AddedSheets> {
    // Painting a form is needed only after 年度汇总: a chunk of its own, as in the Excel host.
    const { paintForm } = await import(/* webpackChunkName: "wps-forms" */ './forms');
    return this.run('write', (app) => {
      const sheets = app.ActiveWorkbook.Worksheets;
      const taken: string[] = [];
      for (let i = 1, n = sheets.Count; i <= n; i++) taken.push(sheets.Item(i).Name);
      const added: { name: string; ws: EtWorksheet }[] = [];
      try {
        for (const form of forms) {
          const name = freeSheetName(taken, form.sheet);
          taken.push(name);
          const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
          ws.Name = name;
          added.push({ name, ws });
          paintForm(ws, form);
        }
      } catch (e) {
        // Half-added forms are no use to anyone: take back whatever sheet was made.
        this.deleteSheets(
          app,
          added.map((a) => a.name),
        );
        throw e;
      }
      added[0]?.ws.Activate();
      const names = added.map((a) => a.name);
      return { names, ids: names };
    });
  }

  async removeSheets(added: AddedSheets): Promise<number> {
    return this.run('write', (app) => this.deleteSheets(app, added.names));
  }

  /** Deletes the sheets named that are still there, without WPS's question. */
  private deleteSheets(app: EtApplication, names: string[]): number {
    const sheets = app.ActiveWorkbook.Worksheets;
    app.DisplayAlerts = false;
    let deleted = 0;
    try {
      for (const name of names) {
        let ws: EtWorksheet;
        try {
          ws = sheets.Item(name);
        } catch {
          continue; // deleted by hand already
        }
        ws.Delete();
        deleted++;
      }
    } finally {
      app.DisplayAlerts = true;
    }
    return deleted;
  }

  /**
   * Writes a plan: per block, its number formats (one string per run of equal formats) and its inputs (one 2-D
   * array), with screen updating off. A write that fails part-way puts back the blocks it had written.
   */
  async apply(plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
    if (this.unread.has(plan.sheet)) throw new HostError('stale');
    const blocks = toBlocks(plan.writes);
    const undo = toBlocks(plan.writes.map((w) => ({ ...w, after: w.before, before: w.after })));
    // As WPS will show each cell in Formula: a formula, or the constant as text.
    const shown = (c: (typeof plan.writes)[number]['after']): string =>
      c.formula ??
      (c.value === null
        ? ''
        : typeof c.value === 'object'
          ? c.value.error
          : typeof c.value === 'boolean'
            ? c.value
              ? 'TRUE'
              : 'FALSE'
            : String(c.value));
    this.written.set(plan.sheet, new Map(plan.writes.map((w) => [w.cell, shown(w.after)])));
    this.run('write', (app) => {
      const ws = app.ActiveWorkbook.Worksheets.Item(plan.sheet);
      if (ws.ProtectContents) throw new HostError('protected');
      // The last defence: the plan leaves hidden and filtered-out rows alone (engine/plan); one that does not, or a
      // row hidden since the read, is refused whole, naming the rows, before anything is written.
      const hidden = hiddenWritten(ws, plan);
      if (hidden.length > 0) throw new HostError('hidden-rows', hidden.join('、'));
      app.ScreenUpdating = false;
      let done = 0;
      try {
        for (const b of blocks) {
          writeBlock(ws, b);
          done++;
        }
        if (options.announce)
          this.writeRecord(
            app,
            WRITE_SIGNAL_KEY,
            JSON.stringify({ sheet: plan.sheet, at: `${new Date().toISOString()} ${Math.random()}` }),
          );
      } catch (e) {
        try {
          for (const b of undo.filter((u) => blocks.slice(0, done + 1).some((w) => w.row === u.row && w.col === u.col))) writeBlock(ws, b);
        } catch {
          throw new HostError('partial-write');
        }
        throw e;
      } finally {
        app.ScreenUpdating = true;
      }
    });
    return { undoGroup: false };
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.run('read', (app) => {
      const ws = app.ActiveWorkbook.Worksheets.Item(sheet);
      ws.Activate();
      ws.Range(cell).Select();
    });
  }

  async mark(sheet: string, issues: Issue[], locale: Locale): Promise<MarkRecord> {
    const byCell = new Map<string, Issue[]>();
    for (const i of issues) if (i.cell) byCell.set(i.cell, [...(byCell.get(i.cell) ?? []), i]);
    const record: MarkRecord = { sheet, cells: [] };
    if (byCell.size === 0) return record;
    this.run('write', (app) => {
      const ws = app.ActiveWorkbook.Worksheets.Item(sheet);
      for (const [cell, list] of byCell) {
        const range = ws.Range(cell);
        const interior = range.Interior;
        const none = interior.ColorIndex === XL_COLOR_INDEX_NONE;
        const addNote = range.Comment === null;
        record.cells.push({ cell, fill: none ? null : hexOf(interior.Color), note: addNote });
        const worst = list.some((i) => i.severity === 'error') ? 'error' : list.some((i) => i.severity === 'warning') ? 'warning' : 'info';
        interior.Color = bgr(MARK_COLOURS[worst]);
        if (addNote) range.AddComment(noteText(list, locale));
      }
    });
    return record;
  }

  async clearMarks(record: MarkRecord): Promise<void> {
    if (record.cells.length === 0) return;
    this.run('write', (app) => {
      const ws = app.ActiveWorkbook.Worksheets.Item(record.sheet);
      for (const m of record.cells) {
        const range = ws.Range(m.cell);
        if (m.fill === null) range.Interior.ColorIndex = XL_COLOR_INDEX_NONE;
        else range.Interior.Color = bgr(m.fill);
        // A note deleted by hand since: nothing to take back.
        const note = m.note ? range.Comment : null;
        note?.Delete();
      }
    });
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.run('write', (app) => this.writeRecord(app, SETTINGS_KEY, JSON.stringify(settings)));
  }

  /** Writes one record of the settings sheet (made, very hidden, on first use), as text. */
  private writeRecord(app: EtApplication, key: string, value: string): void {
    const sheets = app.ActiveWorkbook.Worksheets;
    let ws: EtWorksheet;
    try {
      ws = sheets.Item(SETTINGS_SHEET);
    } catch {
      const active = app.ActiveSheet;
      ws = sheets.Add(undefined, sheets.Item(sheets.Count));
      ws.Name = SETTINGS_SHEET;
      ws.Visible = XL_SHEET_VERY_HIDDEN;
      active.Activate();
    }
    const rows = table(ws.UsedRange.Value2);
    const keys = rows.map((r) => r[0]);
    const at = keys.indexOf(key);
    const row = at >= 0 ? at + 1 : keys[0] === null || keys[0] === undefined || keys[0] === '' ? 1 : keys.length + 1;
    const parts: string[] = [];
    for (let i = 0; i < value.length || i === 0; i += CELL_CHARS) parts.push(value.slice(i, i + CELL_CHARS));
    const old = at >= 0 ? rows[at]!.length - 1 : 0;
    const width = Math.max(parts.length, old);
    const cells = ws.Range(`${a1(row, 1)}:${a1(row, width + 1)}`);
    cells.NumberFormat = '@';
    // Text as text: an apostrophe first, whatever the value starts with; nothing here becomes a formula.
    cells.Formula = [[`'${key}`, ...Array.from({ length: width }, (_, i) => (parts[i] === undefined ? '' : `'${parts[i]}`))]];
  }
}

/** One block: its formats by runs of equal ones (WPS takes one string per range), then its inputs in one array. */
function writeBlock(ws: EtWorksheet, b: Block): void {
  const range = (from: number, to: number) => ws.Range(`${a1(b.row + from, b.col)}:${a1(b.row + to, b.col + b.cols - 1)}`);
  if (b.numFmts) {
    let start = 0;
    for (let i = 1; i <= b.rows; i++) {
      if (i < b.rows && b.numFmts[i]![0] === b.numFmts[start]![0]) continue;
      range(start, i - 1).NumberFormat = b.numFmts[start]![0]!;
      start = i;
    }
  }
  range(0, b.rows - 1).Formula = b.inputs;
}
