/**
 * The Excel host: the task pane's verbs over Office.js. Every call into Excel goes through one
 * wrapper (`run`), which tells kaohe's own writes from outside changes and turns whatever Excel
 * throws into a HostError. A read is one round trip (used range with values, formulas, formats
 * and value types, merged areas, protection, kaohe's settings, and the watch on the workbook); a write is
 * one more (one range write per contiguous block, with calculation and screen updating
 * suspended); only a sheet too large for one request of Excel on the web takes more. Newer API
 * sets are used where Excel has them and done without where it does not.
 *
 * The watch (set up with the first read once someone listens): the sheet activated (ExcelApi 1.7), and changes
 * to any sheet (ExcelApi 1.9; before it, each sheet is watched from its first read or activation, 1.7). A change
 * that is not kaohe's own is either someone's edit or the ribbon command's write, which runs apart from the pane
 * and leaves a signal in the workbook's settings with its write (`announce`): one look at the signal tells them apart.
 */
/* global Excel, Office */
import {
  areaA1,
  type FormLayout,
  freeSheetName,
  type Grid,
  parseArea,
  type Issue,
  type Locale,
  type MarkRecord,
  parseSettings,
  type Plan,
  SETTINGS_KEY,
  words,
  type WorkbookSettings,
} from '../../engine';
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
import { inBatches, rangeToGrid, toBlocks, type Block } from './convert';
import { hostError, isPayloadError, onceMoreAfterCellEdit } from './errors';
import { writtenNow } from './recovery';
import { besideTables, hiddenWritten, queueShape, type SheetShape, type SheetTable, tablesGrown } from './sheet-shape';

export interface Capabilities {
  /** ExcelApi 1.13: merged areas of a range. */
  merges: boolean;
  /** ExcelApi 1.6: suspend calculation while writing. */
  suspendCalc: boolean;
  /** ExcelApi 1.9: suspend screen updating; fill patterns. */
  suspendScreen: boolean;
  /** ExcelApi 1.18: cell notes. */
  notes: boolean;
  /** ExcelApi 1.20: one undo group per Excel.run. */
  undoGroup: boolean;
  /** ExcelApi 1.9: page layout (paper, orientation, fit to page, print area). */
  pageLayout: boolean;
  /** ExcelApi 1.7: worksheets.onActivated, and worksheet.onChanged one sheet at a time. */
  activation: boolean;
  /** ExcelApi 1.9: worksheets.onChanged, for the whole workbook at once. */
  workbookChanges: boolean;
  /** ExcelApi 1.6: a range's conditional formats (whether one shows over a mark's fill). */
  conditionalFormats?: boolean;
  /** ExcelApi 1.3: a range's visible view (which rows are hidden or filtered out). */
  visibleView?: boolean;
  /** ExcelApi 1.13: table.resize (a table Excel widened over kaohe's new columns is put back as it was). */
  tableResize?: boolean;
}

export function capabilities(): Capabilities {
  const has = (v: string): boolean => Office.context.requirements.isSetSupported('ExcelApi', v);
  return {
    merges: has('1.13'),
    suspendCalc: has('1.6'),
    suspendScreen: has('1.9'),
    notes: has('1.18'),
    undoGroup: has('1.20'),
    pageLayout: has('1.9'),
    activation: has('1.7'),
    workbookChanges: has('1.9'),
    conditionalFormats: has('1.6'),
    visibleView: has('1.3'),
    tableResize: has('1.13'),
  };
}

/** The setting the ribbon command leaves with its write (`announce`): which sheet, and a mark of its own. */
export const WRITE_SIGNAL_KEY = 'kaohe.written';

/** Change events that come this close together are one change (Excel reports a write range by range). */
const SETTLE_MS = 50;

export const MARK_COLOURS: Record<Issue['severity'], string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/**
 * `first`, or `second` when Excel refused `first` as too large: a refused request read or wrote
 * nothing (Excel on the web limits a request and a response to 5 MB).
 */
async function unlessTooLarge<T>(first: () => Promise<T>, second: () => Promise<T>): Promise<T> {
  try {
    return await first();
  } catch (e) {
    if (!(e instanceof HostError && e.problem === 'payload-too-large')) throw e;
  }
  return second();
}

const CELL_PROPERTIES = ['values', 'formulas', 'numberFormat', 'valueTypes'] as const;

type Cells = Pick<Excel.Range, (typeof CELL_PROPERTIES)[number]>;

/** Bytes per write batch when one request is too large: well under Excel on the web's 5 MB. */
const WRITE_BATCH_BYTES = 1_000_000;
/** Bytes of cells read back per round trip after a failed write: well under Excel on the web's 5 MB response. */
const READ_BACK_BYTES = 1_000_000;
/** Below this a refused batch is not cut again: a single row that large cannot be written. */
const MIN_BATCH_BYTES = 1_000;

/** Cells per chunk to start with: about 1 MB of values, formulas and formats in a response. */
const CHUNK_CELLS = 20000;

/**
 * A used range's cells, a band of rows per round trip; a band Excel still refuses is halved
 * and tried again. The rows come back in order, as one range would have given them.
 */
async function readInChunks(ctx: Excel.RequestContext, ws: Excel.Worksheet, used: Excel.Range): Promise<Cells> {
  const out: { [K in keyof Cells]: Cells[K][number][] } = { values: [], formulas: [], numberFormat: [], valueTypes: [] };
  let rows = Math.max(1, Math.floor(CHUNK_CELLS / used.columnCount));
  for (let done = 0; done < used.rowCount;) {
    const n = Math.min(rows, used.rowCount - done);
    const band = ws.getRangeByIndexes(used.rowIndex + done, used.columnIndex, n, used.columnCount);
    // eslint-disable-next-line office-addins/no-empty-load -- the properties are named, through a constant or a condition the rule cannot read
    band.load([...CELL_PROPERTIES]);
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e) || n === 1) throw e;
      rows = Math.ceil(n / 2);
      continue;
    }
    for (const p of CELL_PROPERTIES) (out[p] as unknown[]).push(...band[p]);
    done += n;
  }
  return out;
}

/**
 * A change event as the host keeps it until the burst it belongs to has settled. `address` (ExcelApi 1.7): the range
 * changed; `triggerSource` only from ExcelApi 1.14.
 */
type Change = { worksheetId: string; triggerSource?: string; address?: string };

/** Cells larger than this in one change event are not compared with kaohe's writes: taken as someone's edit. */
const OWN_CHECK_CELLS = 200_000;

/**
 * What kaohe last wrote into each cell of a sheet (by worksheet id, then `row,col`), as `formulas` reads it back.
 * Excel reports a write after it is done, in no promised order, and before ExcelApi 1.14 without saying who wrote:
 * a change is kaohe's own when the cells it names hold exactly what kaohe wrote there (ownership by content, not by
 * timing). Someone who types over a cell kaohe wrote leaves something else there, and that is an edit.
 */
class OwnWrites {
  private readonly bySheet = new Map<string, Map<string, string>>();

  /** Text of a cell's content as `formulas` gives it back: a number as its digits, text without Excel's ' prefix. */
  static text(v: unknown): string {
    const t = v === null || v === undefined ? '' : String(v);
    return t.startsWith("'") ? t.slice(1) : t;
  }

  record(sheetId: string, plan: Plan): void {
    const cells = this.bySheet.get(sheetId) ?? new Map<string, string>();
    for (const w of plan.writes) cells.set(`${w.row},${w.col}`, OwnWrites.text(w.after.formula ?? w.after.value));
    this.bySheet.set(sheetId, cells);
  }

  /** A write that failed: its cells are no longer known to hold kaohe's values (a change there is an edit). */
  forget(sheetId: string, plan: Plan): void {
    const cells = this.bySheet.get(sheetId);
    for (const w of plan.writes) cells?.delete(`${w.row},${w.col}`);
  }

  /** The cells a change names, where kaohe wrote every one of them (else null: someone's edit, nothing to compare). */
  covered(c: Change): { area: NonNullable<ReturnType<typeof parseArea>>; cells: Map<string, string> } | null {
    const cells = this.bySheet.get(c.worksheetId);
    const area = c.address ? parseArea(c.address.slice(c.address.lastIndexOf('!') + 1).replace(/\$/g, '')) : null;
    if (!cells || !area) return null;
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > OWN_CHECK_CELLS) return null;
    for (let r = area.top; r <= area.bottom; r++)
      for (let col = area.left; col <= area.right; col++) if (!cells.has(`${r},${col}`)) return null;
    return { area, cells };
  }

  /** Whether `formulas`, read from the change's area, is what kaohe wrote there. */
  static same(area: { top: number; left: number }, cells: Map<string, string>, formulas: unknown[][]): boolean {
    return formulas.every((row, i) => row.every((v, j) => cells.get(`${area.top + i},${area.left + j}`) === OwnWrites.text(v)));
  }
}

export class ExcelHost implements Host {
  private readonly caps: Capabilities;
  private watching = false;
  /** A read that registers the watch is under way (two reads at once register it once). */
  private watchQueued = false;
  /** Sheets kaohe has read, by id, with their names as last read. */
  private readonly known = new Map<string, string>();
  /** Sheets changed by someone else since kaohe last read them: not written until read again. */
  private readonly unread = new Set<string>();
  /** Sheets watched one by one (Excel before ExcelApi 1.9 has no workbook-wide change event). */
  private readonly watched = new Set<string>();
  /** The ribbon command's write signal as last seen: a different one means it has written since. */
  private signal: string | null = null;
  /** Change events of a burst, and the promise of its settling. */
  private burst: { changes: Change[]; settled: Promise<void> } | null = null;
  /** Runs under way that write: change events meanwhile are kaohe's own. */
  private ownWrites = 0;
  /** What kaohe wrote, to know its own changes when Excel reports them late and without a source. */
  private readonly wrote = new OwnWrites();
  private readonly listeners = new Set<(event: WorkbookEvent) => void>();
  /** Hidden rows and tables of the sheets as last read, by name: how a plan may be written into them (./sheet-shape). */
  private readonly shapes = new Map<string, SheetShape>();

  constructor(caps?: Capabilities) {
    this.caps = caps ?? capabilities();
  }

  onWorkbookEvent(listener: (event: WorkbookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tell(event: WorkbookEvent): void {
    for (const l of this.listeners) l(event);
  }

  /**
   * A change: kaohe's own while one of its writes is under way; else gathered with the others of its burst, which
   * are then told apart with one look at the ribbon command's signal. The promise settles when they have been told.
   */
  private changed(ev: Change): Promise<void> {
    if (this.ownWrites > 0 || !this.known.has(ev.worksheetId)) return Promise.resolve();
    if (!this.burst) {
      const burst = { changes: [] as Change[], settled: Promise.resolve() };
      burst.settled = new Promise<void>((r) => setTimeout(r, SETTLE_MS)).then(() => this.settle(burst.changes));
      this.burst = burst;
    }
    this.burst.changes.push({ worksheetId: ev.worksheetId, triggerSource: ev.triggerSource, address: ev.address });
    return this.burst.settled;
  }

  /**
   * A burst of changes: a new signal means the ribbon command wrote its sheet (its changes are the command's);
   * the rest are someone's edits, but for those Excel marks as this add-in's (the pane's own, reported late).
   */
  private async settle(changes: Change[]): Promise<void> {
    this.burst = null;
    // In the same round trip: the signal, and the cells of each change that names only cells kaohe wrote.
    const { signal, own } = await this.run('read', async (ctx) => {
      const item = ctx.workbook.settings.getItemOrNullObject(WRITE_SIGNAL_KEY);
      item.load('value');
      const checks = changes.map((c) => {
        const covered = c.triggerSource === 'ThisLocalAddin' ? null : this.wrote.covered(c);
        if (!covered) return null;
        const range = ctx.workbook.worksheets.getItem(c.worksheetId).getRange(c.address!);
        range.load('formulas');
        return { ...covered, range };
      });
      await ctx.sync();
      const own = checks.map((k) => k !== null && OwnWrites.same(k.area, k.cells, k.range.formulas));
      return { signal: item.isNullObject ? null : signalText(item.value), own };
    }).catch(() => ({ signal: this.signal, own: changes.map(() => false) }));
    const ribbon = signal !== this.signal ? signalSheet(signal) : null;
    this.signal = signal;
    const byName = (name: string) => [...this.known].find(([, n]) => n === name)?.[0];
    const ribbonId = ribbon === null ? undefined : byName(ribbon);
    if (ribbon !== null) {
      if (ribbonId !== undefined) this.unread.add(ribbonId);
      this.tell({ kind: 'computed', sheet: ribbon });
    }
    const edited = new Set(
      changes.filter((c, i) => c.worksheetId !== ribbonId && c.triggerSource !== 'ThisLocalAddin' && !own[i]).map((c) => c.worksheetId),
    );
    for (const id of edited) {
      this.unread.add(id);
      this.tell({ kind: 'edited', sheet: this.known.get(id)! });
    }
  }

  /** Another sheet activated: its name, and the watch on its changes where sheets are watched one by one. */
  private activated(ev: { worksheetId: string }): Promise<void> {
    return this.run('read', async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(ev.worksheetId);
      ws.load('name');
      const watching = this.watchSheet(ws, ev.worksheetId);
      await ctx.sync();
      // Watched once Excel has taken the handler: a failed request registered nothing, the next activation tries again.
      if (watching) this.watched.add(ev.worksheetId);
      this.tell({ kind: 'activated', sheet: ws.name });
    }).catch(() => undefined); // a sheet deleted meanwhile: the next activation says where Excel is
  }

  /**
   * Queues the watch on a sheet's changes, where Excel has no workbook-wide change event and this one is not watched
   * yet; true when queued (the caller marks it watched once the request has run).
   */
  private watchSheet(ws: Excel.Worksheet, id: string | null): boolean {
    if (!this.caps.activation || this.caps.workbookChanges || (id !== null && this.watched.has(id))) return false;
    ws.onChanged.add((e) => this.changed(e as Change));
    return true;
  }

  /**
   * The watch on the workbook, queued with the first read after someone listens; `watching` is set by the caller once
   * that read's sync has succeeded, so a failed first read queues it again with the next.
   */
  private watch(ctx: Excel.RequestContext, active: Excel.Worksheet): void {
    if (this.watching || this.listeners.size === 0) return;
    if (this.caps.workbookChanges) ctx.workbook.worksheets.onChanged.add((e) => this.changed(e as Change));
    else this.watchSheet(active, null);
    if (this.caps.activation) ctx.workbook.worksheets.onActivated.add((e) => this.activated(e));
  }

  /**
   * Every call into Excel: one Excel.run (merged into one undo group when `undoGroup`). While a
   * run that writes is under way its change events are kaohe's own, and whatever it throws
   * leaves as a HostError: no Office error gets past the adapter.
   */
  private async run<T>(access: 'read' | 'write', batch: (ctx: Excel.RequestContext) => Promise<T>, undoGroup = false): Promise<T> {
    if (access === 'write') this.ownWrites++;
    try {
      return await onceMoreAfterCellEdit(access === 'read', () =>
        undoGroup ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch),
      );
    } catch (e) {
      throw hostError(e);
    } finally {
      if (access === 'write') this.ownWrites--;
    }
  }

  /**
   * The active sheet in one round trip. When Excel refuses that as too large (Excel on the web
   * limits a response to 5 MB), the cells are read again in row chunks, one round trip each;
   * only a single row too large for a response gives up, with a clear message.
   */
  readSheet(): Promise<SheetRead> {
    return unlessTooLarge(
      () => this.run('read', (ctx) => this.read(ctx, true)),
      () => this.run('read', (ctx) => this.read(ctx, false)),
    );
  }

  /** `whole`: the used range's cells in the same round trip; else in chunks after it. */
  private async read(ctx: Excel.RequestContext, whole: boolean): Promise<SheetRead> {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    ws.load(['name', 'id']);
    ws.protection.load('protected');
    const cells = this.queueCells(ctx, ws, whole);
    const setting = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    setting.load('value');
    const signal = ctx.workbook.settings.getItemOrNullObject(WRITE_SIGNAL_KEY);
    signal.load('value');
    // The watch is registered in the same round trip, once: kept only if that round trip succeeds.
    const first = !this.watching && !this.watchQueued && this.listeners.size > 0;
    if (first) {
      this.watchQueued = true;
      this.watch(ctx, ws);
    }
    try {
      await ctx.sync();
    } finally {
      if (first) this.watchQueued = false;
    }
    if (first) this.watching = true;
    const grid = await cells(ws.name);
    if (first && !this.caps.workbookChanges) this.watched.add(ws.id);
    // Whatever the ribbon command wrote before this read is in it.
    this.signal = signal.isNullObject ? null : signalText(signal.value);
    this.known.set(ws.id, ws.name);
    this.unread.delete(ws.id);
    const raw = setting.isNullObject ? undefined : setting.value;
    const settings = raw === undefined ? null : parseSettings(typeof raw === 'string' ? safeJson(raw) : raw);
    return {
      grid,
      sheet: ws.name,
      protected: ws.protection.protected,
      settings,
      settingsBroken: raw !== undefined && settings === null,
    };
  }

  /**
   * Queues the loads of a sheet's used range: its cells too when `whole`, else only its extent.
   * After the sync, the returned function gives the sheet's grid (reading the cells in chunks
   * first when not `whole`).
   */
  private queueCells(ctx: Excel.RequestContext, ws: Excel.Worksheet, whole: boolean): (name: string) => Promise<Grid> {
    // Values only (#20 defect 11): cells with only a format (a fill or a border to row 1000) are not read.
    const used = ws.getUsedRange(true);
    const rowCount = this.caps.visibleView ? ['rowCount'] : []; // for the hidden rows
    // eslint-disable-next-line office-addins/no-empty-load -- the properties are named, through a constant or a condition the rule cannot read
    used.load(
      whole ? ['rowIndex', 'columnIndex', ...rowCount, ...CELL_PROPERTIES] : ['rowIndex', 'columnIndex', 'rowCount', 'columnCount'],
    );
    const merged = this.caps.merges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    const shape = queueShape(ctx, ws, used, this.caps.visibleView ?? false);
    return async (name) => {
      const shaped = await shape();
      this.shapes.set(name, shaped);
      const cells = whole ? used : await readInChunks(ctx, ws, used);
      const grid = rangeToGrid({
        sheet: name,
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        values: cells.values,
        formulas: cells.formulas,
        numberFormat: cells.numberFormat,
        valueTypes: cells.valueTypes,
        mergedAddress: merged && !merged.isNullObject ? merged.address : null,
      });
      // The engine reports the people on hidden and filtered-out rows and plans no write into them.
      if (shaped.hiddenRows.length > 0) grid.hiddenRows = shaped.hiddenRows;
      return grid;
    };
  }

  /** As readSheet, for the sheets `pick` chooses: in chunks when Excel refuses them in one response. */
  readSheets(pick: (names: string[]) => string[]): Promise<WorkbookSheets> {
    return unlessTooLarge(
      () => this.run('read', (ctx) => this.readMany(ctx, pick, true)),
      () => this.run('read', (ctx) => this.readMany(ctx, pick, false)),
    );
  }

  private async readMany(ctx: Excel.RequestContext, pick: (names: string[]) => string[], whole: boolean): Promise<WorkbookSheets> {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    await ctx.sync();
    const names = sheets.items.filter((w) => w.visibility === 'Visible').map((w) => w.name);
    const wanted = pick(names).filter((n) => names.includes(n));
    const queued = wanted.map((name) => ({ name, cells: this.queueCells(ctx, sheets.getItem(name), whole) }));
    await ctx.sync();
    const grids = new Map<string, Grid>();
    for (const q of queued) grids.set(q.name, await q.cells(q.name));
    return { names, grids };
  }

  addForms(forms: FormLayout[]): Promise<AddedSheets> {
    return this.run('write', async (ctx) => {
      // Painting a form is needed only here, after 年度汇总: a chunk of its own (docs/performance.md).
      const { paintForm } = await import(/* webpackChunkName: "forms" */ './forms');
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      const taken = sheets.items.map((w) => w.name);
      const added = forms.map((form) => {
        const name = freeSheetName(taken, form.sheet);
        taken.push(name);
        const ws = sheets.add(name);
        ws.load('id');
        paintForm(ws, form, this.caps.pageLayout);
        return { name, ws };
      });
      // The first form is shown, in the same round trip.
      added[0]?.ws.activate();
      try {
        await ctx.sync();
      } catch (e) {
        // Half-added forms are no use to anyone: take back whatever sheet was made.
        await this.removeByName(added.map((a) => a.name)).catch(() => undefined);
        throw e;
      }
      return { names: added.map((a) => a.name), ids: added.map((a) => a.ws.id) };
    });
  }

  removeSheets(added: AddedSheets): Promise<number> {
    return this.removeByName(added.ids);
  }

  /** Deletes the sheets named (or with these ids) that are still there. */
  private removeByName(keys: string[]): Promise<number> {
    return this.run('write', async (ctx) => {
      const found = keys.map((k) => ctx.workbook.worksheets.getItemOrNullObject(k));
      await ctx.sync();
      const there = found.filter((w) => !w.isNullObject);
      for (const w of there) w.delete();
      await ctx.sync();
      return there.length;
    });
  }

  /**
   * Writes a plan in one round trip. When Excel refuses the request as too large (Excel on the
   * web), nothing was written: it is sent again in batches of about 1 MB, one round trip each,
   * still one undo group where Excel has them. A write that fails part-way is put back.
   */
  async apply(plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
    // The plan's own sheet, by the id it had when kaohe read it (found again if renamed since), whichever is active.
    const id = [...this.known].find(([, name]) => name === plan.sheet)?.[0];
    if (id !== undefined && this.unread.has(id)) throw new HostError('stale');
    const sheet = id ?? plan.sheet;
    // Hidden and filtered rows are never written silently; formulas go into tables as values (./sheet-shape).
    const shape = this.shapes.get(plan.sheet);
    const hidden = hiddenWritten(plan.writes, shape);
    if (hidden.length > 0) throw new HostError('hidden-rows', hidden.join('、'));
    // A table Excel would widen over the new columns (AutoExpand) is resized back in the same request; an Excel without
    // table.resize (below ExcelApi 1.13) would leave it wider, and kaohe's undo not exact: nothing is written.
    const grown = tablesGrown(plan.writes, shape);
    if (grown.length > 0 && !this.caps.tableResize) throw new HostError('table-grows', grown.map((t) => t.name).join('、'));
    // An undo puts back the user's own formulas as they were: they are not kaohe's to turn into values.
    const { writes, asValues } = plan.undo ? { writes: plan.writes, asValues: null } : besideTables(plan.writes, shape);
    const blocks = toBlocks(writes);
    const written = { ...plan, writes };
    // Before the write: Excel may report it before this run returns, or after.
    if (id !== undefined) this.wrote.record(id, written);
    const signal = options.announce
      ? { sheet: plan.sheet, at: `${new Date().toISOString()} ${Math.random().toString(36).slice(2)}` }
      : null;
    try {
      await unlessTooLarge(
        () => this.write(sheet, blocks, null, signal, grown),
        () => this.write(sheet, blocks, WRITE_BATCH_BYTES, signal, grown),
      );
    } catch (e) {
      if (id !== undefined) this.wrote.forget(id, written);
      await this.recoverPartialWrite(written, sheet, grown);
      throw e;
    }
    return { undoGroup: this.caps.undoGroup, ...(asValues && { asValues }) };
  }

  /**
   * Writes blocks: all in one round trip (`maxBytes` null), or in batches of about `maxBytes`,
   * one round trip each; a batch Excel still refuses as too large is cut in half and sent again.
   * The tables in `resize` are put back to their area with the last batch, after its cells.
   * All in one Excel.run, so one undo group where Excel has them.
   */
  private write(
    sheet: string,
    blocks: Block[],
    maxBytes: number | null,
    signal: { sheet: string; at: string } | null,
    resize: SheetTable[] = [],
  ): Promise<void> {
    const batch = async (ctx: Excel.RequestContext): Promise<void> => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      let limit = maxBytes;
      let batches = limit === null ? [blocks] : inBatches(blocks, limit);
      let announced = signal === null;
      while (batches.length > 0) {
        if (this.caps.suspendCalc) ctx.application.suspendApiCalculationUntilNextSync();
        if (this.caps.suspendScreen) ctx.application.suspendScreenUpdatingUntilNextSync();
        for (const b of batches[0]!) {
          const range = ws.getRangeByIndexes(b.row - 1, b.col - 1, b.rows, b.cols);
          if (b.numFmts) range.numberFormat = b.numFmts;
          range.formulas = b.inputs;
        }
        // Excel widened these tables over the cells just written (AutoExpand): back to the area the user gave them.
        if (batches.length === 1) for (const t of resize) ws.tables.getItem(t.id).resize(areaA1(t.area));
        // After the cells, in the same request: a write Excel refuses leaves no signal, and the pane hears of the
        // change only once the signal is there to tell it apart from someone's edit.
        if (!announced) ctx.workbook.settings.add(WRITE_SIGNAL_KEY, signal);
        // Calculation was suspended for the writes: bring the written formulas and their dependants up to date.
        if (this.caps.suspendCalc) ctx.application.calculate(Excel.CalculationType.recalculate);
        try {
          await ctx.sync();
        } catch (e) {
          // A refused request wrote nothing: send the rest in smaller batches.
          if (!isPayloadError(e) || limit === null || limit < MIN_BATCH_BYTES) throw e;
          limit = Math.floor(limit / 2);
          batches = inBatches(batches.flat(), limit);
          continue;
        }
        announced = true;
        batches.shift();
      }
    };
    return this.run('write', batch, this.caps.undoGroup);
  }

  /**
   * A write can fail half-way (a sheet protected after the preview, with some cells unlocked): put back every cell
   * the failed write changed, written by the same rules as any write (text stays text). The cells are read back in
   * batches within the response limit (./recovery), then the old contents written in batches within the request
   * limit. Only this error path takes extra round trips.
   */
  private async recoverPartialWrite(plan: Plan, sheet: string, grown: SheetTable[]): Promise<void> {
    try {
      // A table Excel widened before the failure is put back first: an emptied header cell inside it would be renamed.
      if (grown.length > 0) await this.run('write', (ctx) => resizeBack(ctx, ctx.workbook.worksheets.getItem(sheet), grown));
      const written = await this.run('read', (ctx) =>
        writtenNow(ctx, ctx.workbook.worksheets.getItem(sheet), plan.writes, READ_BACK_BYTES),
      );
      if (written.length === 0) return;
      const back = written.map((w) => ({ ...w, before: w.after, after: w.before }));
      await this.write(sheet, toBlocks(back), WRITE_BATCH_BYTES, null);
    } catch {
      throw new HostError('partial-write');
    }
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.run('read', async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      const range = ws.getRange(cell);
      range.select();
      range.load('rowHidden');
      await ctx.sync();
      // Selected, but not to be seen: say so rather than show nothing.
      if (range.rowHidden === true) throw new HostError('hidden-cell', cell.replace(/^[A-Z]+/, ''));
    });
  }

  /**
   * Marks problem cells, atomically with the record 清除标记 restores from (#20 defect 6). First round trip: what each
   * cell has now (fill, note, whether a conditional format shows over its fill). Then the fills, in one round trip:
   * refused, they are put back and nothing is marked. Then the notes: one refused (a threaded comment on the cell)
   * stops the notes after it, so the record is made from the notes Excel then has, and the fills stay recorded.
   * A cell under a conditional format gets the note only, where Excel has notes: its fill would not be seen.
   */
  async mark(sheet: string, issues: Issue[], locale: Locale): Promise<MarkRecord> {
    const byCell = new Map<string, Issue[]>();
    for (const i of issues) if (i.cell) byCell.set(i.cell, [...(byCell.get(i.cell) ?? []), i]);
    const record: MarkRecord = { sheet, cells: [] };
    if (byCell.size === 0) return record;
    await this.run('write', async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const cells = [...byCell].map(([cell, list]) => {
        const range = ws.getRange(cell);
        // eslint-disable-next-line office-addins/no-empty-load -- the properties are named, through a constant or a condition the rule cannot read
        range.format.fill.load(this.caps.suspendScreen ? ['color', 'pattern'] : ['color']);
        const note = this.caps.notes ? ws.notes.getItemOrNullObject(cell) : null;
        note?.load('content');
        const rules = this.caps.conditionalFormats ? range.conditionalFormats.getCount() : null;
        return { cell, list, range, note, rules };
      });
      await ctx.sync();
      const marks = cells.map((c) => {
        const fill = c.range.format.fill;
        const none = this.caps.suspendScreen
          ? fill.pattern === Excel.FillPattern.none
          : !fill.color || fill.color.toUpperCase() === '#FFFFFF';
        const addNote = !!c.note && c.note.isNullObject;
        const paint = !(addNote && (c.rules?.value ?? 0) > 0);
        return { ...c, fill, before: none ? null : fill.color, addNote, paint };
      });
      for (const m of marks) if (m.paint) m.fill.color = MARK_COLOURS[worstOf(m.list)];
      try {
        await ctx.sync();
      } catch (e) {
        // Some fills may be on before Excel refused one: take them back; nothing is marked.
        for (const m of marks) if (m.paint) this.putFillBack(m.fill, m.before);
        await ctx.sync().catch(() => undefined);
        throw e;
      }
      const noted = marks.filter((m) => m.addNote);
      for (const m of noted) {
        const text = m.list.map((i) => `考核助手 · ${i.rule}\n${words(i, locale).message}。${words(i, locale).fix}`).join('\n\n');
        ws.notes.add(m.cell, text);
      }
      let added = new Set(noted.map((m) => m.cell));
      if (noted.length > 0) {
        try {
          await ctx.sync();
        } catch {
          // A note refused (a threaded comment there): the notes before it were added. Record those Excel has.
          const now = noted.map((m) => ({ cell: m.cell, note: ws.notes.getItemOrNullObject(m.cell) }));
          await ctx.sync();
          added = new Set(now.filter((n) => !n.note.isNullObject).map((n) => n.cell));
        }
      }
      for (const m of marks) {
        if (!m.paint && !added.has(m.cell)) continue; // neither painted nor noted: nothing to record
        // A cell left unpainted records its own fill: putting it back sets what is already there.
        record.cells.push({ cell: m.cell, fill: m.before, note: added.has(m.cell) });
      }
    });
    return record;
  }

  /** A fill as it was before kaohe painted it. */
  private putFillBack(fill: Excel.RangeFill, before: string | null): void {
    if (before === null) fill.clear();
    else fill.color = before;
  }

  async clearMarks(record: MarkRecord): Promise<void> {
    if (record.cells.length === 0) return;
    await this.run('write', async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(record.sheet);
      // Notes kaohe added may have been deleted by hand since: look first, so a missing one stops nothing.
      const notes = this.caps.notes ? record.cells.filter((m) => m.note).map((m) => ws.notes.getItemOrNullObject(m.cell)) : [];
      if (notes.length > 0) {
        for (const n of notes) n.load('content');
        await ctx.sync();
      }
      for (const m of record.cells) {
        const fill = ws.getRange(m.cell).format.fill;
        if (m.fill === null) fill.clear();
        else fill.color = m.fill;
      }
      for (const n of notes) if (!n.isNullObject) n.delete();
      await ctx.sync();
    });
  }

  saveSettings(settings: WorkbookSettings): Promise<void> {
    return this.run('write', async (ctx) => {
      ctx.workbook.settings.add(SETTINGS_KEY, settings);
      await ctx.sync();
    });
  }
}

/** Tables put back to their areas, those still there (one deleted since is left alone). */
async function resizeBack(ctx: Excel.RequestContext, ws: Excel.Worksheet, tables: SheetTable[]): Promise<void> {
  const found = tables.map((t) => ({ t, table: ws.tables.getItemOrNullObject(t.id) }));
  await ctx.sync();
  for (const f of found) if (!f.table.isNullObject) f.table.resize(areaA1(f.t.area));
  await ctx.sync();
}

/** The worst severity among a cell's issues: its mark's colour. */
function worstOf(list: Issue[]): Issue['severity'] {
  return list.some((i) => i.severity === 'error') ? 'error' : list.some((i) => i.severity === 'warning') ? 'warning' : 'info';
}

/** The signal as kept, to compare with the last one seen. */
function signalText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The sheet a signal names; null for none, or one kaohe cannot read. */
function signalSheet(text: string | null): string | null {
  const value = text === null ? null : safeJson(text);
  const sheet = typeof value === 'object' && value !== null ? (value as { sheet?: unknown }).sheet : undefined;
  return typeof sheet === 'string' ? sheet : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
