/**
 * The Excel host: the task pane's verbs over Office.js, one Excel.run each. A read is one
 * round trip (used range with values, formulas, formats and value types, merged areas,
 * protection, kaohe's settings, and the change watch); a write is one more (one range write
 * per contiguous block, with calculation and screen updating suspended). Newer API sets are
 * used where Excel has them and done without where it does not.
 */
/* global Excel, Office */
import type { Issue } from '../../engine/report/issue';
import type { Locale } from '../../engine/report/locale';
import { words } from '../../engine/report/messages';
import type { Plan } from '../../engine/plan/plan';
import { parseSettings, SETTINGS_KEY, type MarkRecord, type WorkbookSettings } from '../../engine/settings';
import { freeSheetName, type FormLayout } from '../../engine/annual/layout';
import type { Grid } from '../../engine/grid';
import { HostError, type AddedSheets, type ApplyResult, type Host, type SheetRead, type WorkbookSheets } from '../host';
import { inBatches, rangeToGrid, toBlocks, type Block } from './convert';
import { paintForm } from './forms';

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
  };
}

export const MARK_COLOURS: Record<Issue['severity'], string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** An Office error that means the sheet is protected. */
function isProtectionError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code === 'AccessDenied' || code === 'InvalidOperation' || /protect/i.test(String((e as Error).message ?? ''));
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return /PayloadSizeLimitExceeded/.test(code);
}

const CELL_PROPERTIES = ['values', 'formulas', 'numberFormat', 'valueTypes'] as const;

type Cells = Pick<Excel.Range, (typeof CELL_PROPERTIES)[number]>;

/** Bytes per write batch when one request is too large: well under Excel on the web's 5 MB. */
const WRITE_BATCH_BYTES = 1_000_000;
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

export class ExcelHost implements Host {
  private readonly caps: Capabilities;
  private watching = false;
  private sheetId: string | null = null;
  private stale = false;
  /** While kaohe itself writes, change events are its own. */
  private ownWrites = 0;
  private readonly listeners = new Set<() => void>();

  constructor(caps?: Capabilities) {
    this.caps = caps ?? capabilities();
  }

  onExternalChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(ev: Excel.WorksheetChangedEventArgs): Promise<void> {
    const ours = this.ownWrites > 0 || (ev as { triggerSource?: string }).triggerSource === 'ThisLocalAddin';
    if (!ours && ev.worksheetId === this.sheetId) {
      this.stale = true;
      for (const l of this.listeners) l();
    }
    return Promise.resolve();
  }

  /**
   * The active sheet in one round trip. When Excel refuses that as too large (Excel on the web
   * limits a response to 5 MB), the cells are read again in row chunks, one round trip each;
   * only a single row too large for a response gives up, with a clear message.
   */
  async readSheet(): Promise<SheetRead> {
    try {
      return await this.read(true);
    } catch (e) {
      if (!isPayloadError(e)) throw e;
    }
    try {
      return await this.read(false);
    } catch (e) {
      if (isPayloadError(e)) throw new HostError('payload-too-large');
      throw e;
    }
  }

  /** `whole`: the used range's cells in the same round trip; else in chunks after it. */
  private read(whole: boolean): Promise<SheetRead> {
    return Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load(['name', 'id']);
      ws.protection.load('protected');
      const cells = this.queueCells(ctx, ws, whole);
      const setting = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      setting.load('value');
      // The change watch is registered in the same round trip, once for the whole workbook.
      if (!this.watching) {
        ctx.workbook.worksheets.onChanged.add((ev) => this.changed(ev));
        this.watching = true;
      }
      await ctx.sync();

      const grid = await cells(ws.name);
      this.sheetId = ws.id;
      this.stale = false;
      const raw = setting.isNullObject ? undefined : setting.value;
      const settings = raw === undefined ? null : parseSettings(typeof raw === 'string' ? safeJson(raw) : raw);
      return {
        grid,
        sheet: ws.name,
        protected: ws.protection.protected,
        settings,
        settingsBroken: raw !== undefined && settings === null,
      };
    });
  }

  /**
   * Queues the loads of a sheet's used range: its cells too when `whole`, else only its extent.
   * After the sync, the returned function gives the sheet's grid (reading the cells in chunks
   * first when not `whole`).
   */
  private queueCells(ctx: Excel.RequestContext, ws: Excel.Worksheet, whole: boolean): (name: string) => Promise<Grid> {
    const used = ws.getUsedRange();
    used.load(whole ? ['rowIndex', 'columnIndex', ...CELL_PROPERTIES] : ['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    const merged = this.caps.merges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    return async (name) => {
      const cells = whole ? used : await readInChunks(ctx, ws, used);
      return rangeToGrid({
        sheet: name,
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        values: cells.values,
        formulas: cells.formulas,
        numberFormat: cells.numberFormat,
        valueTypes: cells.valueTypes,
        mergedAddress: merged && !merged.isNullObject ? merged.address : null,
      });
    };
  }

  async readSheets(pick: (names: string[]) => string[]): Promise<WorkbookSheets> {
    try {
      return await this.readMany(pick, true);
    } catch (e) {
      if (!isPayloadError(e)) throw e;
    }
    try {
      return await this.readMany(pick, false);
    } catch (e) {
      if (isPayloadError(e)) throw new HostError('payload-too-large');
      throw e;
    }
  }

  private readMany(pick: (names: string[]) => string[], whole: boolean): Promise<WorkbookSheets> {
    return Excel.run(async (ctx) => {
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
    });
  }

  async addForms(forms: FormLayout[]): Promise<AddedSheets> {
    this.ownWrites++;
    try {
      return await Excel.run(async (ctx) => {
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
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError('failed', e instanceof Error ? e.message : String(e));
    } finally {
      this.ownWrites--;
    }
  }

  async removeSheets(added: AddedSheets): Promise<number> {
    return this.removeByName(added.ids);
  }

  /** Deletes the sheets named (or with these ids) that are still there. */
  private removeByName(keys: string[]): Promise<number> {
    return Excel.run(async (ctx) => {
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
  async apply(plan: Plan): Promise<ApplyResult> {
    if (this.stale) throw new HostError('stale');
    const undoGroup = this.caps.undoGroup;
    const blocks = toBlocks(plan.writes);
    this.ownWrites++;
    try {
      try {
        await this.write(plan.sheet, blocks, null);
        return { undoGroup };
      } catch (e) {
        if (!isPayloadError(e)) throw await this.failed(plan, e);
      }
      try {
        await this.write(plan.sheet, blocks, WRITE_BATCH_BYTES);
      } catch (e) {
        throw await this.failed(plan, e);
      }
      return { undoGroup };
    } finally {
      this.ownWrites--;
    }
  }

  /**
   * Writes blocks: all in one round trip (`maxBytes` null), or in batches of about `maxBytes`,
   * one round trip each; a batch Excel still refuses as too large is cut in half and sent again.
   * All in one Excel.run, so one undo group where Excel has them.
   */
  private async write(sheet: string, blocks: Block[], maxBytes: number | null): Promise<void> {
    const run = async (ctx: Excel.RequestContext): Promise<void> => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      let limit = maxBytes;
      let batches = limit === null ? [blocks] : inBatches(blocks, limit);
      while (batches.length > 0) {
        if (this.caps.suspendCalc) ctx.application.suspendApiCalculationUntilNextSync();
        if (this.caps.suspendScreen) ctx.application.suspendScreenUpdatingUntilNextSync();
        for (const b of batches[0]!) {
          const range = ws.getRangeByIndexes(b.row - 1, b.col - 1, b.rows, b.cols);
          if (b.numFmts) range.numberFormat = b.numFmts;
          range.formulas = b.inputs;
        }
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
        batches.shift();
      }
    };
    if (this.caps.undoGroup) await Excel.run({ mergeUndoGroup: true }, run);
    else await Excel.run(run);
  }

  /** After a failed write: puts back what was written, and says why in the pane's terms. */
  private async failed(plan: Plan, e: unknown): Promise<HostError> {
    await this.recoverPartialWrite(plan);
    if (isProtectionError(e)) return new HostError('protected');
    if (isPayloadError(e)) return new HostError('payload-too-large');
    return new HostError('failed', e instanceof Error ? e.message : String(e));
  }

  /**
   * A write can fail half-way (a sheet protected after the preview, with some cells unlocked):
   * put back every cell the failed write changed. Only this error path takes extra round trips.
   */
  private async recoverPartialWrite(plan: Plan): Promise<void> {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(plan.sheet);
      const cells = plan.writes.map((w) => {
        const r = ws.getRangeByIndexes(w.row - 1, w.col - 1, 1, 1);
        r.load('formulas');
        return { w, r };
      });
      await ctx.sync();
      const written = cells.filter(({ w, r }) => {
        const now = r.formulas[0]?.[0];
        const before = w.before.formula ?? w.before.value ?? '';
        return now !== before && now === (w.after.formula ?? w.after.value);
      });
      if (written.length === 0) return;
      for (const { w, r } of written) r.formulas = [[w.before.formula ?? (w.before.value as string | number | boolean | null) ?? '']];
      await ctx.sync();
    }).catch(() => {
      throw new HostError('partial-write');
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  async mark(sheet: string, issues: Issue[], locale: Locale): Promise<MarkRecord> {
    const byCell = new Map<string, Issue[]>();
    for (const i of issues) if (i.cell) byCell.set(i.cell, [...(byCell.get(i.cell) ?? []), i]);
    const record: MarkRecord = { sheet, cells: [] };
    if (byCell.size === 0) return record;
    this.ownWrites++;
    try {
      await Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        // First round trip: what each cell has now, to put it back exactly later.
        const cells = [...byCell].map(([cell, list]) => {
          const range = ws.getRange(cell);
          range.format.fill.load(this.caps.suspendScreen ? ['color', 'pattern'] : ['color']);
          const note = this.caps.notes ? ws.notes.getItemOrNullObject(cell) : null;
          note?.load('content');
          return { cell, list, range, note };
        });
        await ctx.sync();
        for (const c of cells) {
          const fill = c.range.format.fill;
          const none = this.caps.suspendScreen
            ? fill.pattern === Excel.FillPattern.none
            : !fill.color || fill.color.toUpperCase() === '#FFFFFF';
          const addNote = !!c.note && c.note.isNullObject;
          record.cells.push({ cell: c.cell, fill: none ? null : fill.color, note: addNote });
          const worst = c.list.some((i) => i.severity === 'error')
            ? 'error'
            : c.list.some((i) => i.severity === 'warning')
              ? 'warning'
              : 'info';
          fill.color = MARK_COLOURS[worst];
          if (addNote) {
            const text = c.list.map((i) => `考核助手 · ${i.rule}\n${words(i, locale).message}。${words(i, locale).fix}`).join('\n\n');
            ws.notes.add(c.cell, text);
          }
        }
        await ctx.sync();
      });
    } finally {
      this.ownWrites--;
    }
    return record;
  }

  async clearMarks(record: MarkRecord): Promise<void> {
    if (record.cells.length === 0) return;
    this.ownWrites++;
    try {
      await Excel.run(async (ctx) => {
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
    } finally {
      this.ownWrites--;
    }
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    await Excel.run(async (ctx) => {
      ctx.workbook.settings.add(SETTINGS_KEY, settings);
      await ctx.sync();
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
