/**
 * A small in-browser Excel for the preview: the globals `Office` and `Excel`, implementing
 * exactly the part of Office.js the Excel host adapter uses, on the preview's workbook. It keeps
 * Office.js's rules — operations run at context.sync(), in order; reading a property that was
 * not loaded and synced throws PropertyNotLoaded; writing a protected sheet fails with
 * AccessDenied; a member of an API set newer than its version (events, merged areas, notes, page
 * layout, fill patterns, screen updating, range by indexes, an Excel.run merged into one undo group, a table's resize)
 * fails the request with ApiNotFound; change events are delivered after the request that made them has returned, on a later task,
 * with a triggerSource only from ExcelApi 1.14; activation events whenever another sheet becomes
 * active; a table takes in what is written just right of it or below it, names a header cell emptied in it 列1, and a
 * formula written into an empty column of it fills the column — and it counts round trips. Loaded in the pane's frame
 * before the pane's bundle.
 */
import { type Area, areaA1, isCellError, parseArea } from '../engine';
import { typeAsExcel } from './excel-typing';
import type { ChangeEvent, PreviewChart, PreviewSheet, PreviewWorkbook } from './model';

export interface PreviewConfig {
  book: PreviewWorkbook;
  /** Office's display language: zh-CN or en-US. */
  language: string;
  /** The highest ExcelApi version this "Excel" supports. */
  apiVersion: string;
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const notLoaded = (name: string): OfficeError =>
  new OfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

const payloadError = (): OfficeError =>
  new OfficeError(
    'PayloadSizeLimitExceeded',
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  );

/** What a value sends or returns, in UTF-8 bytes of its JSON (as the limit counts it; Chinese text is 3 bytes a character). */
export function utf8Bytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

/** What one queued operation costs in a request besides its data (its action and object path, as Office.js sends them). */
const OPERATION_BYTES = 64;

/** Protection on every write: a protected sheet refuses a change to any locked cell of `area` (all cells, when `area` is null). */
function refuseProtected(s: PreviewSheet, area: Area | null): void {
  if (!s.protected) return;
  const unlocked = s.unlocked;
  if (area !== null && unlocked && unlocked.size > 0) {
    let locked = false;
    for (let r = area.top; r <= area.bottom && !locked; r++)
      for (let c = area.left; c <= area.right && !locked; c++) locked = !unlocked.has(`${r},${c}`);
    if (!locked) return;
  }
  throw new OfficeError('AccessDenied', 'The cell or chart that you are trying to change is protected and therefore read-only.');
}

function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function versionAtMost(v: string, max: string): boolean {
  const [a, b] = v.split('.').map(Number) as [number, number];
  const [c, d] = max.split('.').map(Number) as [number, number];
  return a < c || (a === c && (b ?? 0) <= (d ?? 0));
}

/** A request context: operations queue up and run, in order, at sync. */
export class RequestContext {
  private ops: (() => void)[] = [];
  /** JSON size of what the queued operations send, and of what the running sync returns. */
  private requestBytes = 0;
  private responseBytes = 0;
  syncs = 0;
  /** Sheets written since their formulas were last recalculated: done once per sync, or before a read. */
  private readonly dirty = new Set<PreviewSheet>();
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;

  /** Change events of the operations run, raised once they have all run. */
  private readonly changes: ChangeEvent[] = [];

  /** `api`: the highest ExcelApi version this Excel supports. */
  constructor(
    readonly book: PreviewWorkbook,
    readonly api = '1.20',
  ) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  /** Fails at sync, as Office.js does, where the API set is newer than this Excel. */
  requires(version: string, what: string): void {
    if (!versionAtMost(version, this.api))
      throw new OfficeError('ApiNotFound', `${what} is not available: it needs ExcelApi ${version}, this Excel has ${this.api}.`);
  }

  /** A change made by an operation, raised after the request's operations have run. */
  changed(e: ChangeEvent): void {
    this.changes.push(e);
  }

  /** `sends`: the data the operation sends (a range's new values, a note's text), counted for the payload limit. */
  queue(op: () => void, sends?: unknown): void {
    this.ops.push(op);
    if (this.book.payloadLimit !== null) this.requestBytes += OPERATION_BYTES + (sends === undefined ? 0 : utf8Bytes(sends));
  }

  /** Counts what a load returns, for the payload limit. */
  returned(value: unknown): void {
    if (this.book.payloadLimit !== null) this.responseBytes += utf8Bytes(value);
  }

  /** A write leaves the sheet to recalculate; many writes in one sync recalculate it once. */
  written(s: PreviewSheet): void {
    this.dirty.add(s);
  }

  /** Brings written sheets' formulas up to date (before a read, and at the end of a sync). */
  recalc(): void {
    for (const s of this.dirty) this.book.recalc(s);
    this.dirty.clear();
  }

  get pending(): boolean {
    return this.ops.length > 0;
  }

  async sync(): Promise<void> {
    this.book.roundTrips++;
    this.syncs++;
    await new Promise((r) => setTimeout(r, 0));
    const ops = this.ops;
    const sent = this.requestBytes;
    this.ops = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    const limit = this.book.payloadLimit;
    if (limit !== null && sent > limit) throw payloadError();
    try {
      for (const op of ops) op();
      this.recalc();
      if (limit !== null && this.responseBytes > limit) throw payloadError();
    } finally {
      this.book.render();
      // The changes made, heard after the request that made them has returned (Excel's events are asynchronous).
      const changes = this.changes.splice(0);
      if (changes.length > 0) setTimeout(() => changes.forEach((e) => void this.book.raiseChanged(e)), 0);
    }
  }
}

/** A proxy: load() asks for properties, sync() fills them; reading one not filled throws. */
abstract class ClientObject {
  private readonly synced = new Map<string, unknown>();
  private resolvedNull: boolean | undefined;

  constructor(protected readonly ctx: RequestContext) {}

  protected abstract readonly loadable: readonly string[];
  protected abstract fetch(name: string): unknown;
  /** Whether the object exists; only *OrNullObject proxies can answer false. */
  protected exists(): boolean {
    return true;
  }

  load(arg?: string | string[] | { select?: string }): this {
    const names =
      arg === undefined
        ? [...this.loadable]
        : (Array.isArray(arg) ? arg : typeof arg === 'string' ? arg.split(',') : (arg.select ?? '').split(','))
            .map((n) => n.trim())
            .filter(Boolean);
    for (const n of names) {
      if (!this.loadable.includes(n)) throw new OfficeError('InvalidArgument', `The property '${n}' cannot be loaded.`);
    }
    this.ctx.queue(() => {
      this.ctx.recalc();
      if (!this.exists()) return;
      for (const n of names) {
        const value = this.fetch(n);
        this.ctx.returned(value);
        this.synced.set(n, value);
      }
    }, names);
    return this;
  }

  /** Fills properties while a sync runs (a collection's items loaded with it). */
  fillNow(names: readonly string[]): void {
    for (const n of names) this.synced.set(n, this.fetch(n));
  }

  protected get<T>(name: string): T {
    if (!this.synced.has(name)) throw notLoaded(name);
    return this.synced.get(name) as T;
  }

  /** Known after the first sync following the object's creation, as in Office.js. */
  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw notLoaded('isNullObject');
    return this.resolvedNull;
  }

  protected watchNull(): void {
    this.ctx.queue(() => {
      this.resolvedNull = !this.exists();
    });
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;

  constructor(ctx: RequestContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
  }
}

class ApplicationProxy {
  suspendedCalc = false;

  constructor(private readonly ctx: RequestContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.queue(() => {
      this.ctx.requires('1.6', 'application.suspendApiCalculationUntilNextSync');
      this.suspendedCalc = true;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.queue(() => this.ctx.requires('1.9', 'application.suspendScreenUpdatingUntilNextSync'));
  }

  calculate(_type: string): void {
    this.ctx.queue(() => {
      for (const s of this.ctx.book.sheets) this.ctx.book.recalc(s);
    });
  }
}

type Handlers = { add: (h: (e: unknown) => Promise<void>) => { remove: () => void } };

/** worksheets.onChanged (ExcelApi 1.9) or worksheet.onChanged (1.7, `sheet` its sheet): registered at sync. */
function changeHandlers(ctx: RequestContext, sheet: (() => PreviewSheet) | null): Handlers {
  return {
    add: (handler) => {
      // Excel says who made a change (triggerSource) only from ExcelApi 1.14.
      const source = versionAtMost('1.14', ctx.api);
      const entry = {
        sheet: null as string | null,
        handler: ((e: ChangeEvent) => handler(source ? e : withoutSource(e))) as never,
      };
      ctx.queue(() => {
        ctx.requires(sheet ? '1.7' : '1.9', sheet ? 'worksheet.onChanged' : 'worksheets.onChanged');
        entry.sheet = sheet ? sheet().id : null;
        ctx.book.changeHandlers.push(entry);
      });
      return { remove: () => ctx.queue(() => ctx.book.changeHandlers.splice(ctx.book.changeHandlers.indexOf(entry) >>> 0, 1)) };
    },
  };
}

function withoutSource(e: ChangeEvent): Omit<ChangeEvent, 'triggerSource'> {
  const { triggerSource: _source, ...rest } = e;
  return rest;
}

class WorksheetCollectionProxy {
  readonly onChanged: Handlers;
  readonly onActivated: Handlers;
  private loaded: WorksheetProxy[] | null = null;

  constructor(private readonly ctx: RequestContext) {
    this.onChanged = changeHandlers(ctx, null);
    this.onActivated = {
      add: (handler) => {
        ctx.queue(() => {
          ctx.requires('1.7', 'worksheets.onActivated');
          ctx.book.activationHandlers.push(handler as never);
        });
        return {
          remove: () => ctx.queue(() => ctx.book.activationHandlers.splice(ctx.book.activationHandlers.indexOf(handler as never) >>> 0, 1)),
        };
      },
    };
  }

  /** `items/name,items/visibility`: the sheets, with those properties. */
  load(arg: string): this {
    const names = arg.split(',').map((n) => n.trim().replace(/^items\//, ''));
    this.ctx.queue(() => {
      this.ctx.recalc();
      this.loaded = this.ctx.book.sheets.map((sh) => {
        const p = new WorksheetProxy(this.ctx, () => sh);
        p.fillNow(names);
        return p;
      });
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    if (!this.loaded) throw notLoaded('items');
    return this.loaded;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.activeSheet());
  }

  /** By name or id, as Office.js. */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.book.sheet(key);
      if (!s) throw new OfficeError('ItemNotFound', `The requested resource doesn't exist: ${key}`);
      return s;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const p = this.getItem(key);
    p.nullable();
    return p;
  }

  add(name: string): WorksheetProxy {
    let made: PreviewSheet | null = null;
    this.ctx.queue(() => {
      if (this.ctx.book.sheet(name)) throw new OfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      made = this.ctx.book.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => {
      if (!made) throw new OfficeError('ItemNotFound', `The sheet ${name} was not added.`);
      return made;
    });
  }
}

class WorksheetProxy extends ClientObject {
  protected readonly loadable = ['name', 'id', 'position', 'visibility'] as const;
  readonly protection: ProtectionProxy;
  readonly notes: NoteCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly pageLayout: Record<string, unknown>;
  readonly onChanged: Handlers;
  /** worksheet.tables: their names and ranges, as far as kaohe asks. */
  readonly tables: TableCollectionProxy;
  private mayBeNull = false;

  constructor(
    ctx: RequestContext,
    readonly target: () => PreviewSheet,
  ) {
    super(ctx);
    this.protection = new ProtectionProxy(ctx, target);
    this.notes = new NoteCollectionProxy(ctx, target);
    this.charts = new ChartCollectionProxy(ctx, target);
    this.pageLayout = pageLayoutProxy(ctx, target);
    this.onChanged = changeHandlers(ctx, target);
    this.tables = new TableCollectionProxy(ctx, target);
  }

  /** For getItemOrNullObject: a missing sheet is a null object, not an error. */
  nullable(): void {
    this.mayBeNull = true;
    this.watchNull();
  }

  protected override exists(): boolean {
    if (!this.mayBeNull) return true;
    try {
      this.target();
      return true;
    } catch {
      return false;
    }
  }

  delete(): void {
    this.ctx.queue(() => this.ctx.book.deleteSheet(this.target()));
  }

  protected fetch(name: string): unknown {
    const s = this.target();
    if (name === 'name') return s.name;
    if (name === 'id') return s.id;
    if (name === 'position') return this.ctx.book.sheets.indexOf(s);
    return s.hidden ? 'Hidden' : 'Visible';
  }

  get name(): string {
    return this.get('name');
  }

  get id(): string {
    return this.get('id');
  }

  get visibility(): string {
    return this.get('visibility');
  }

  activate(): void {
    this.ctx.queue(() => void this.ctx.book.activate(this.ctx.book.sheets.indexOf(this.target())));
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, this.target, () => this.ctx.book.usedArea(this.target(), valuesOnly));
  }

  getRange(address: string): RangeProxy {
    const area = parseArea(address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, ''));
    if (!area) throw new OfficeError('InvalidArgument', `Invalid address: ${address}`);
    return new RangeProxy(this.ctx, this.target, () => area);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    this.ctx.queue(() => this.ctx.requires('1.7', 'worksheet.getRangeByIndexes'));
    if (row < 0 || col < 0 || rows < 1 || cols < 1) throw new OfficeError('InvalidArgument', 'Invalid range indexes');
    return new RangeProxy(this.ctx, this.target, () => ({ top: row + 1, left: col + 1, bottom: row + rows, right: col + cols }));
  }
}

/** A table's id: its own, or its place among the sheet's tables (kept when it is renamed, as Excel's id is). */
function tableId(t: { id?: string }, i: number): string {
  return t.id ?? String(i + 1);
}

class TableCollectionProxy {
  private loaded: { name: string; id: string; getRange: () => RangeProxy }[] | null = null;

  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => PreviewSheet,
  ) {}

  load(_what?: unknown): this {
    this.ctx.queue(() => {
      this.loaded = (this.sheet().tables ?? []).map((t, i) => ({
        name: t.name,
        id: tableId(t, i),
        getRange: () => new RangeProxy(this.ctx, this.sheet, () => t.area),
      }));
    }, _what);
    return this;
  }

  get items(): { name: string; id: string; getRange: () => RangeProxy }[] {
    if (this.loaded === null) throw notLoaded('items');
    return this.loaded;
  }

  /** A table by name or id (ExcelApi 1.1): a missing one fails the request with ItemNotFound, where it is used. */
  getItem(key: string): TableProxy {
    return new TableProxy(this.ctx, this.sheet, key);
  }

  /** A table by name or id, or a null object (ExcelApi 1.4). */
  getItemOrNullObject(key: string): TableProxy {
    this.ctx.queue(() => this.ctx.requires('1.4', 'TableCollection.getItemOrNullObject'));
    const p = new TableProxy(this.ctx, this.sheet, key);
    p.watch();
    return p;
  }
}

/** A table (ListObject), as far as kaohe uses one: resized back after Excel widened it (ExcelApi 1.13). */
class TableProxy extends ClientObject {
  protected readonly loadable = ['name'] as const;

  constructor(
    ctx: RequestContext,
    private readonly sheet: () => PreviewSheet,
    private readonly key: string,
  ) {
    super(ctx);
  }

  watch(): void {
    this.watchNull();
  }

  private table(): { name: string; area: Area } | undefined {
    return (this.sheet().tables ?? []).find((t, i) => t.name === this.key || tableId(t, i) === this.key);
  }

  protected override exists(): boolean {
    return this.table() !== undefined;
  }

  protected fetch(): unknown {
    return this.table()?.name;
  }

  /**
   * The table over another range (ExcelApi 1.13), as Excel allows it: overlapping the old one, its header on the same
   * row. A column taken in with an empty header is named (列1…).
   */
  resize(address: string): void {
    this.ctx.queue(() => {
      this.ctx.requires('1.13', 'table.resize');
      const t = this.table();
      if (!t) throw new OfficeError('ItemNotFound', `The table ${this.key} does not exist.`);
      const s = this.sheet();
      refuseProtected(s, null);
      const a = parseArea(address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, ''));
      const overlaps = a !== null && a.left <= t.area.right && a.right >= t.area.left && a.top <= t.area.bottom && a.bottom >= t.area.top;
      if (a === null || !overlaps || a.top !== t.area.top)
        throw new OfficeError('InvalidArgument', 'The new range must overlap the table, its header on the same row.');
      t.area = a;
      nameEmptyHeaders(this.ctx, s, t.area, a.left, a.right);
      this.ctx.written(s);
    }, address);
  }
}

class ProtectionProxy extends ClientObject {
  protected readonly loadable = ['protected'] as const;

  constructor(
    ctx: RequestContext,
    private readonly target: () => PreviewSheet,
  ) {
    super(ctx);
  }

  protected fetch(): unknown {
    return this.target().protected;
  }

  get protected(): boolean {
    return this.get('protected');
  }
}

class RangeProxy extends ClientObject {
  protected readonly loadable = [
    'address',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'values',
    'formulas',
    'numberFormat',
    'valueTypes',
    'rowHidden',
    'cellAddresses',
  ] as const;
  readonly format: FormatProxy;
  /** range.conditionalFormats (ExcelApi 1.6): only its count, as far as kaohe asks. */
  readonly conditionalFormats: { getCount: () => { value: number } };

  constructor(
    ctx: RequestContext,
    readonly sheet: () => PreviewSheet,
    readonly area: () => Area,
  ) {
    super(ctx);
    this.format = new FormatProxy(ctx, sheet, area);
    this.conditionalFormats = {
      getCount: () => {
        ctx.requires('1.6', 'ConditionalFormatCollection.getCount');
        let count: number | undefined;
        ctx.queue(() => {
          const a = area();
          count = (sheet().conditionalFormats ?? []).filter(
            (m) => m.top <= a.bottom && m.bottom >= a.top && m.left <= a.right && m.right >= a.left,
          ).length;
        });
        return {
          get value(): number {
            if (count === undefined) throw notLoaded('value');
            return count;
          },
        };
      },
    };
  }

  merge(across = false): void {
    this.ctx.queue(() => {
      const a = this.area();
      refuseProtected(this.sheet(), a);
      const parts = across ? Array.from({ length: a.bottom - a.top + 1 }, (_x, i) => ({ ...a, top: a.top + i, bottom: a.top + i })) : [a];
      this.sheet().merges.push(...parts);
    });
  }

  private grid<T>(fn: (row: number, col: number) => T): T[][] {
    const a = this.area();
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(fn(r, c));
      out.push(row);
    }
    return out;
  }

  protected fetch(name: string): unknown {
    const s = this.sheet();
    const a = this.area();
    const cell = (r: number, c: number) => this.ctx.book.cell(s, r, c);
    switch (name) {
      case 'address':
        return `${quoteSheet(s.name)}!${areaA1(a)}`;
      case 'rowIndex':
        return a.top - 1;
      case 'columnIndex':
        return a.left - 1;
      case 'rowCount':
        return a.bottom - a.top + 1;
      case 'columnCount':
        return a.right - a.left + 1;
      case 'values':
        return this.grid((r, c) => {
          const v = cell(r, c)?.value ?? null;
          return v === null ? '' : isCellError(v) ? v.error : v;
        });
      case 'formulas':
        return this.grid((r, c) => {
          const x = cell(r, c);
          if (x?.formula) return x.formula;
          const v = x?.value ?? null;
          return v === null ? '' : isCellError(v) ? v.error : v;
        });
      case 'numberFormat':
        return this.grid((r, c) => cell(r, c)?.numFmt ?? 'General');
      case 'rowHidden': {
        // true when every row is hidden, false when none is, null when some are (as Office.js gives it)
        const hidden = s.hiddenRows ?? new Set<number>();
        let n = 0;
        for (let r = a.top; r <= a.bottom; r++) if (hidden.has(r)) n++;
        return n === 0 ? false : n === a.bottom - a.top + 1 ? true : null;
      }
      case 'cellAddresses':
        return this.grid((r, c) => `${quoteSheet(s.name)}!${areaA1({ top: r, left: c, bottom: r, right: c })}`).filter(
          (_row, i) => !this.visibleOnly || !s.hiddenRows?.has(a.top + i),
        );
      default:
        return this.grid((r, c) => {
          const v = cell(r, c)?.value ?? null;
          return v === null
            ? 'Empty'
            : isCellError(v)
              ? 'Error'
              : typeof v === 'number'
                ? 'Double'
                : typeof v === 'boolean'
                  ? 'Boolean'
                  : 'String';
        });
    }
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  set values(v: unknown[][]) {
    this.write(v, 'formulas');
  }
  set formulas(v: unknown[][]) {
    this.write(v, 'formulas');
  }
  set numberFormat(v: unknown[][]) {
    this.write(v, 'numberFormat');
  }

  private write(input: unknown[][], what: 'formulas' | 'numberFormat'): void {
    this.ctx.queue(() => {
      const s = this.sheet();
      const a = this.area();
      refuseProtected(s, a);
      if (input.length !== a.bottom - a.top + 1 || input.some((r) => r.length !== a.right - a.left + 1)) {
        throw new OfficeError(
          'InvalidArgument',
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
      input.forEach((row, i) =>
        row.forEach((v, j) => {
          const c = this.ctx.book.touch(s, a.top + i, a.left + j);
          if (what === 'numberFormat') c.numFmt = v === 'General' || v === null ? null : String(v);
          else {
            // Typed as Excel types it: into a text cell as text; a number format where typing gives one to a General cell.
            const t = typeAsExcel(v, c.numFmt);
            c.value = t.value;
            c.formula = t.formula;
            if (t.numFmt !== undefined && c.numFmt === null) c.numFmt = t.numFmt;
          }
          c.written = true;
        }),
      );
      if (what === 'formulas') {
        headersEmptied(this.ctx, s, a);
        autoExpand(this.ctx, s, a);
        calculatedColumns(this.ctx, s, a);
      }
      this.ctx.written(s);
      this.ctx.changed({
        worksheetId: s.id,
        address: areaA1(a),
        changeType: 'RangeEdited',
        source: 'Local',
        triggerSource: 'ThisLocalAddin',
      });
    }, input);
  }

  /** Set on a range view (getVisibleView, ExcelApi 1.3): its cell addresses are those of the visible rows. */
  visibleOnly = false;

  getVisibleView(): RangeProxy {
    this.ctx.requires('1.3', 'Range.getVisibleView');
    const view = new RangeProxy(this.ctx, this.sheet, this.area);
    view.visibleOnly = true;
    return view;
  }

  getColumn(i: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => {
      const a = this.area();
      return { ...a, left: a.left + i, right: a.left + i };
    });
  }

  get rowHidden(): boolean | null {
    return this.get('rowHidden');
  }

  get cellAddresses(): string[][] {
    return this.get('cellAddresses');
  }

  select(): void {
    this.ctx.queue(() => {
      this.ctx.book.selection = { sheet: this.sheet().name, cell: areaA1(this.area()) };
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.ctx.queue(() => this.ctx.requires('1.13', 'range.getMergedAreasOrNullObject'));
    return new RangeAreasProxy(this.ctx, this.sheet, this.area);
  }
}

/** A formula's A1 references moved down `rows` rows (those without a $ on the row). */
function shiftRows(formula: string, rows: number): string {
  return formula.replace(/(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (m, col: string, abs: string, row: string) =>
    abs ? m : `${col}${Number(row) + rows}`,
  );
}

/**
 * Excel's AutoExpand ("include new rows and columns in the table", on by default, applied to an add-in's writes too):
 * content written into the column just right of a table, beside its rows, makes the table take in the written columns
 * from there; content written into the row just below it, under its columns, the written rows. A column taken in
 * whose header cell is empty gets a name (列1, 列2…), as Excel names it.
 */
function autoExpand(ctx: RequestContext, s: PreviewSheet, written: Area): void {
  const filled = (top: number, left: number, bottom: number, right: number): boolean => {
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const x = ctx.book.cell(s, r, c);
        if (x && ((x.value !== null && x.value !== '') || x.formula !== null)) return true;
      }
    return false;
  };
  for (const t of s.tables ?? []) {
    const a = t.area;
    const top = Math.max(written.top, a.top);
    const bottom = Math.min(written.bottom, a.bottom);
    if (top <= bottom && written.left <= a.right + 1 && written.right > a.right && filled(top, a.right + 1, bottom, a.right + 1)) {
      t.area = { ...a, right: written.right };
      nameEmptyHeaders(ctx, s, t.area, a.right + 1, written.right);
    }
    const b = t.area;
    const left = Math.max(written.left, b.left);
    const right = Math.min(written.right, b.right);
    if (left <= right && written.top <= b.bottom + 1 && written.bottom > b.bottom && filled(b.bottom + 1, left, b.bottom + 1, right))
      t.area = { ...b, bottom: written.bottom };
  }
}

/**
 * A table's header cells from column `left` to `right` that are empty get names, 列1, 列2… (the first free), as Excel
 * names them: a table has no column without a header.
 */
function nameEmptyHeaders(ctx: RequestContext, s: PreviewSheet, table: Area, left: number, right: number): void {
  const names = new Set<unknown>();
  for (let c = table.left; c <= table.right; c++) names.add(ctx.book.cell(s, table.top, c)?.value ?? null);
  let n = 1;
  for (let c = left; c <= right; c++) {
    const header = ctx.book.touch(s, table.top, c);
    if (header.formula !== null || (header.value !== null && header.value !== '')) continue;
    while (names.has(`列${n}`)) n++;
    header.value = `列${n++}`;
    header.written = true;
  }
}

/** A table's header cells emptied by a write are named again (Excel clears a header cell to 列1, not to nothing). */
function headersEmptied(ctx: RequestContext, s: PreviewSheet, written: Area): void {
  for (const t of s.tables ?? []) {
    if (written.top > t.area.top || written.bottom < t.area.top) continue;
    const left = Math.max(written.left, t.area.left);
    const right = Math.min(written.right, t.area.right);
    for (let c = left; c <= right; c++) {
      const header = ctx.book.cell(s, t.area.top, c);
      if (!header || (header.formula === null && (header.value === null || header.value === ''))) nameEmptyHeaders(ctx, s, t.area, c, c);
    }
  }
}

/**
 * A table's calculated column: a formula written into a column of a table whose other data cells are empty fills
 * them all, each with its row's formula (Excel's "fill formulas in tables").
 */
function calculatedColumns(ctx: RequestContext, s: PreviewSheet, written: Area): void {
  for (const t of s.tables ?? []) {
    for (let col = Math.max(written.left, t.area.left); col <= Math.min(written.right, t.area.right); col++) {
      const top = Math.max(written.top, t.area.top + 1);
      const bottom = Math.min(written.bottom, t.area.bottom);
      if (top > bottom) continue;
      const source = ctx.book.cell(s, top, col);
      if (!source?.formula) continue;
      let empty = true;
      for (let r = t.area.top + 1; r <= t.area.bottom && empty; r++) {
        if (r >= written.top && r <= written.bottom) continue;
        const c = ctx.book.cell(s, r, col);
        empty = !c || (c.value === null && c.formula === null);
      }
      if (!empty) continue;
      for (let r = t.area.top + 1; r <= t.area.bottom; r++) {
        if (r >= written.top && r <= written.bottom) continue;
        const c = ctx.book.touch(s, r, col);
        c.formula = shiftRows(source.formula, r - top);
        c.written = true;
      }
    }
  }
}

class RangeAreasProxy extends ClientObject {
  protected readonly loadable = ['address'] as const;

  constructor(
    ctx: RequestContext,
    private readonly sheet: () => PreviewSheet,
    private readonly area: () => Area,
  ) {
    super(ctx);
    this.watchNull();
  }

  private merges(): Area[] {
    const a = this.area();
    return this.sheet().merges.filter((m) => m.top <= a.bottom && m.bottom >= a.top && m.left <= a.right && m.right >= a.left);
  }

  protected override exists(): boolean {
    return this.merges().length > 0;
  }

  protected fetch(): unknown {
    const name = quoteSheet(this.sheet().name);
    return this.merges()
      .map((m) => `${name}!${areaA1(m)}`)
      .join(', ');
  }

  get address(): string {
    return this.get('address');
  }
}

class FillProxy extends ClientObject {
  protected readonly loadable = ['color', 'pattern'] as const;

  constructor(
    ctx: RequestContext,
    private readonly sheet: () => PreviewSheet,
    private readonly area: () => Area,
  ) {
    super(ctx);
  }

  private first(): string | null {
    const a = this.area();
    return this.ctx.book.cell(this.sheet(), a.top, a.left)?.fill ?? null;
  }

  protected fetch(name: string): unknown {
    if (name === 'pattern') this.ctx.requires('1.9', 'RangeFill.pattern');
    const f = this.first();
    return name === 'pattern' ? (f ? 'Solid' : 'None') : (f ?? '#FFFFFF');
  }

  get color(): string {
    return this.get('color');
  }

  get pattern(): string {
    return this.get('pattern');
  }

  set color(v: string) {
    this.paint(v);
  }

  clear(): void {
    this.paint(null);
  }

  private paint(color: string | null): void {
    this.ctx.queue(() => {
      const s = this.sheet();
      const a = this.area();
      refuseProtected(s, a);
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) this.ctx.book.touch(s, r, c).fill = color;
    }, color);
  }
}

/** Sets a formatting property on every cell of an area, at sync (recorded by its Office.js path). */
function formatSetter(ctx: RequestContext, sheet: () => PreviewSheet, area: () => Area, path: string): (v: unknown) => void {
  return (v) =>
    ctx.queue(() => {
      const s = sheet();
      const a = area();
      refuseProtected(s, a);
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) {
          const cell = ctx.book.touch(s, r, c);
          cell.format = { ...cell.format, [path]: v };
        }
    }, v);
}

/** An object whose listed properties, when set, call `set` with their name (Office.js's write-only use of them here). */
function setters(names: readonly string[], set: (name: string, v: unknown) => void): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const n of names) Object.defineProperty(o, n, { set: (v: unknown) => set(n, v), enumerable: true });
  return o;
}

class FormatProxy {
  readonly fill: FillProxy;
  readonly font: Record<string, unknown>;
  readonly borders: { getItem: (edge: string) => Record<string, unknown> };

  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => PreviewSheet,
    private readonly area: () => Area,
  ) {
    this.fill = new FillProxy(ctx, sheet, area);
    this.font = setters(['name', 'size', 'bold', 'color'], (n, v) => formatSetter(ctx, sheet, area, `font.${n}`)(v));
    this.borders = {
      getItem: (edge) => setters(['style', 'weight', 'color'], (n, v) => formatSetter(ctx, sheet, area, `border.${edge}.${n}`)(v)),
    };
  }

  set horizontalAlignment(v: string) {
    formatSetter(this.ctx, this.sheet, this.area, 'horizontalAlignment')(v);
  }
  set verticalAlignment(v: string) {
    formatSetter(this.ctx, this.sheet, this.area, 'verticalAlignment')(v);
  }
  set wrapText(v: boolean) {
    formatSetter(this.ctx, this.sheet, this.area, 'wrapText')(v);
  }
  set columnWidth(v: number) {
    this.ctx.queue(() => {
      refuseProtected(this.sheet(), null);
      const a = this.area();
      for (let c = a.left; c <= a.right; c++) this.sheet().columnWidths.set(c, v);
    }, v);
  }
  set rowHeight(v: number) {
    this.ctx.queue(() => {
      refuseProtected(this.sheet(), null);
      const a = this.area();
      for (let r = a.top; r <= a.bottom; r++) this.sheet().rowHeights.set(r, v);
    }, v);
  }
}

const PAGE_PROPERTIES = [
  'orientation',
  'paperSize',
  'zoom',
  'centerHorizontally',
  'leftMargin',
  'rightMargin',
  'topMargin',
  'bottomMargin',
] as const;

/** worksheet.pageLayout (ExcelApi 1.9): what is set is kept in the sheet's `page`. */
function pageLayoutProxy(ctx: RequestContext, sheet: () => PreviewSheet): Record<string, unknown> {
  const set = (n: string, v: unknown) =>
    ctx.queue(() => {
      ctx.requires('1.9', 'worksheet.pageLayout');
      refuseProtected(sheet(), null);
      sheet().page[n] = v;
    }, v);
  const p = setters(PAGE_PROPERTIES, set);
  p['setPrintArea'] = (a: string) => set('printArea', a);
  p['setPrintTitleRows'] = (a: string) => set('printTitleRows', a);
  return p;
}

class ChartCollectionProxy {
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => PreviewSheet,
  ) {}

  add(type: string, source: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    const chart: PreviewChart = { type, source: '', seriesBy, title: '', legend: null, from: null, to: null };
    this.ctx.queue(() => {
      refuseProtected(this.sheet(), null);
      chart.source = areaA1(source.area());
      this.sheet().charts.push(chart);
    });
    return new ChartProxy(this.ctx, chart);
  }
}

class ChartProxy {
  readonly title: Record<string, unknown>;
  readonly legend: Record<string, unknown>;

  constructor(
    private readonly ctx: RequestContext,
    private readonly chart: PreviewChart,
  ) {
    this.title = setters(['text'], (_n, v) => ctx.queue(() => (chart.title = String(v))));
    this.legend = setters(['position'], (_n, v) => ctx.queue(() => (chart.legend = String(v))));
  }

  setPosition(start: RangeProxy | string, end?: RangeProxy | string): void {
    const at = (r: RangeProxy | string) => (typeof r === 'string' ? r : areaA1(r.area()));
    this.ctx.queue(() => {
      this.chart.from = at(start);
      this.chart.to = end === undefined ? null : at(end);
    });
  }
}

class NoteCollectionProxy {
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => PreviewSheet,
  ) {}

  add(cellAddress: string, content: string): NoteProxy {
    const at = parseArea(cellAddress)!;
    this.ctx.queue(() => {
      this.ctx.requires('1.18', 'worksheet.notes');
      const s = this.sheet();
      refuseProtected(s, null);
      const c = this.ctx.book.touch(s, at.top, at.left);
      if (c.note) throw new OfficeError('InvalidArgument', 'The cell already has a note.');
      if (s.comments?.has(`${at.top},${at.left}`))
        throw new OfficeError('InvalidOperation', 'A note cannot be added to a cell that has a threaded comment.');
      c.note = content;
    }, [cellAddress, content]);
    return new NoteProxy(this.ctx, this.sheet, at);
  }

  getItemOrNullObject(cellAddress: string): NoteProxy {
    this.ctx.queue(() => this.ctx.requires('1.18', 'worksheet.notes'));
    const p = new NoteProxy(this.ctx, this.sheet, parseArea(cellAddress)!);
    p.watch();
    return p;
  }
}

class NoteProxy extends ClientObject {
  protected readonly loadable = ['content'] as const;

  constructor(
    ctx: RequestContext,
    private readonly sheet: () => PreviewSheet,
    private readonly at: Area,
  ) {
    super(ctx);
  }

  watch(): void {
    this.watchNull();
  }

  protected override exists(): boolean {
    return !!this.ctx.book.cell(this.sheet(), this.at.top, this.at.left)?.note;
  }

  protected fetch(): unknown {
    return this.ctx.book.cell(this.sheet(), this.at.top, this.at.left)?.note ?? '';
  }

  get content(): string {
    return this.get('content');
  }

  delete(): void {
    this.ctx.queue(() => {
      refuseProtected(this.sheet(), null);
      const c = this.ctx.book.cell(this.sheet(), this.at.top, this.at.left);
      if (!c?.note) throw new OfficeError('ItemNotFound', 'The note does not exist.');
      c.note = null;
    });
  }
}

class SettingCollectionProxy {
  constructor(private readonly ctx: RequestContext) {}

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key);
  }

  add(key: string, value: unknown): void {
    this.ctx.queue(() => this.ctx.book.settings.set(key, JSON.stringify(value)), [key, value]);
  }
}

class SettingProxy extends ClientObject {
  protected readonly loadable = ['value', 'key'] as const;

  constructor(
    ctx: RequestContext,
    private readonly key: string,
  ) {
    super(ctx);
    this.watchNull();
  }

  protected override exists(): boolean {
    return this.ctx.book.settings.has(this.key);
  }

  protected fetch(name: string): unknown {
    return name === 'key' ? this.key : JSON.parse(this.ctx.book.settings.get(this.key)!);
  }

  get value(): unknown {
    return this.get('value');
  }
}

/** The globals the task pane's bundle expects from office.js, on the preview's workbook. */
export function installOffice(target: Record<string, unknown>, config: PreviewConfig): void {
  const runs: { mergeUndoGroup: boolean }[] = [];
  const Excel = {
    CalculationType: { recalculate: 'Recalculate', full: 'Full' },
    FillPattern: { none: 'None', solid: 'Solid' },
    async run<T>(a: unknown, b?: unknown): Promise<T> {
      const batch = (typeof a === 'function' ? a : b) as (ctx: RequestContext) => Promise<T>;
      const options = typeof a === 'object' && a !== null ? (a as { mergeUndoGroup?: unknown }) : {};
      runs.push({ mergeUndoGroup: options.mergeUndoGroup === true });
      const ctx = new RequestContext(config.book, config.apiVersion);
      // RunOptions.mergeUndoGroup is ExcelApi 1.20: an older Excel fails the run's first request, nothing in it done.
      if ('mergeUndoGroup' in options) ctx.queue(() => ctx.requires('1.20', 'Excel.run({ mergeUndoGroup })'));
      const result = await batch(ctx);
      if (ctx.pending) await ctx.sync();
      return result;
    },
    runs,
  };
  const Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      return new Promise((resolve) => {
        const done = () => {
          cb?.(info);
          resolve(info);
        };
        if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', done);
        else done();
      });
    },
    context: {
      displayLanguage: config.language,
      // The preview runs in a browser, as Excel on the web does: a download is saved.
      platform: 'OfficeOnline',
      officeTheme: {
        bodyBackgroundColor: '#FFFFFF',
        bodyForegroundColor: '#000000',
        controlBackgroundColor: '#FFFFFF',
        controlForegroundColor: '#000000',
      },
      requirements: {
        isSetSupported: (name: string, version = '1.1') => name === 'ExcelApi' && versionAtMost(version, config.apiVersion),
      },
    },
  };
  target['Excel'] = Excel;
  target['Office'] = Office;
}
