/**
 * Excel mocks for the adapter's tests: one on office-addin-mock (a worksheet whose used range
 * holds a grid, settings, events, and every range written recorded; context.sync counted), and
 * an Excel whose every request fails.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { a1, type Area, areaA1, type Grid, isCellError, parseArea } from '../../src/engine';

export interface ExcelMock {
  excel: any;
  syncs: () => number;
  writes: { row: number; col: number; rows: number; cols: number; range: any }[];
  /** A change to a sheet (by someone, or as Excel marks this add-in's own: 'ThisLocalAddin'). */
  fire: (worksheetId: string, triggerSource?: string) => Promise<void>;
  /** Another sheet activated. */
  activate: (worksheetId: string) => Promise<void>;
  /** The settings as saved, by key. */
  settings: Map<string, unknown>;
  /** The events the host registered for, in order: worksheets.onChanged, worksheet.onChanged, worksheets.onActivated. */
  registered: string[];
  setProtectedWrites: (on: boolean) => void;
  /** `Office` as office.js gives it at this mock's API version (requirements.isSetSupported), for `capabilities()`. */
  office: any;
  /** Resolves once every change event Excel owes for the writes so far has been delivered and handled. */
  delivered: () => Promise<void>;
  /** Someone types into cells: their content changes, and the change event follows (asynchronously). */
  type: (address: string, formulas: unknown[][]) => void;
  /** The next request fails at its sync with this error (a transient failure: the one after works). */
  failNextSync: (error: Error) => void;
}

/** Whether ExcelApi `v` is at most `max` ('1.9' < '1.13'). */
export function apiAtMost(v: string, max: string): boolean {
  const [a, b] = v.split('.').map(Number) as [number, number];
  const [c, d] = max.split('.').map(Number) as [number, number];
  return a < c || (a === c && b <= d);
}

/** The error Excel's request fails with at sync where a member's API set is newer than the host. */
function apiNotFound(what: string, version: string, api: string): Error & { code: string } {
  const e = new Error(`${what} needs ExcelApi ${version}; this Excel has ${api}.`) as Error & { code: string };
  e.code = 'ApiNotFound';
  return e;
}

/** Every mock's deliveries still owed: a test that leaves events in flight would have them land in the next test's Excel. */
const owed = new Set<() => Promise<void>>();

/** Waits for the change events every mock still owes (for afterEach). */
export async function eventsDelivered(): Promise<void> {
  for (const d of [...owed]) await d();
  owed.clear();
}

export function excelMock(
  grid: Grid,
  options: { protected?: boolean; mergedAddress?: string | null; setting?: unknown; api?: string; tables?: string[] } = {},
): ExcelMock {
  let syncs = 0;
  // The API level this Excel runs at: members above it fail the request at sync (ApiNotFound), as Excel does;
  // change events come after the request that made them, asynchronously, with a triggerSource only from 1.14.
  const api = options.api ?? '1.20';
  const refused: Error[] = [];
  const requires = (version: string, what: string) => {
    if (!apiAtMost(version, api)) refused.push(apiNotFound(what, version, api));
  };
  const deliveries: Promise<void>[] = [];
  let failNext: Error | null = null;
  /** How many handlers were registered when the last request succeeded. */
  let mark = { registered: 0, handlers: 0, activated: 0 };
  /** Cells as written since (row,col 1-based), over the grid's own content. */
  const cellsNow = new Map<string, unknown>();
  let failWrites = false;
  const writes: ExcelMock['writes'] = [];
  const handlers: ((ev: unknown) => Promise<void>)[] = [];
  const activated: ((ev: unknown) => Promise<void>)[] = [];
  const registered: string[] = [];
  const settings = new Map<string, unknown>();
  if (options.setting !== undefined) settings.set('kaohe', JSON.stringify(options.setting));
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const pad = <T>(rows: T[][], fill: T): T[][] => rows.map((r) => [...r, ...Array(width - r.length).fill(fill)]);
  const values = pad(
    grid.values.map((r) => r.map((v) => (v === null ? '' : isCellError(v) ? v.error : v))),
    '' as unknown,
  );
  const valueTypes = pad(
    grid.values.map((r) =>
      r.map((v) =>
        v === null ? 'Empty' : isCellError(v) ? 'Error' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String',
      ),
    ),
    'Empty',
  );
  const formulas = values.map((r, i) => r.map((v, j) => grid.formulas?.[i]?.[j] ?? v));
  const numberFormat = pad(
    grid.values.map((r, i) => r.map((_v, j) => grid.numFmts?.[i]?.[j] ?? 'General')),
    'General',
  );

  const data = {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: grid.sheet,
            id: 'sheet-1',
            protection: { protected: options.protected ?? false },
            used: {
              address: `${grid.sheet}!${a1(grid.top, grid.left)}`,
              rowIndex: grid.top - 1,
              columnIndex: grid.left - 1,
              rowCount: values.length,
              values,
              formulas,
              numberFormat,
              valueTypes,
              merged: { address: options.mergedAddress ?? '' },
              getMergedAreasOrNullObject() {
                requires('1.13', 'range.getMergedAreasOrNullObject');
                return this.merged;
              },
              // Every row visible: the first column's visible view holds each of them (ExcelApi 1.3).
              visible: { cellAddresses: values.map((_r, i) => [a1(grid.top + i, grid.left)]) },
              getColumn() {
                const visible = this.visible;
                return {
                  getVisibleView() {
                    requires('1.3', 'range.getVisibleView');
                    return visible;
                  },
                };
              },
            },
            getUsedRange() {
              return this.used;
            },
            // One sheet's changes (ExcelApi 1.7), where Excel has no workbook-wide event.
            onChanged: {
              add(handler: (ev: unknown) => Promise<void>) {
                requires('1.7', 'worksheet.onChanged');
                registered.push('worksheet.onChanged');
                handlers.push(handler);
              },
            },
            // A range by address, read back as it is now (the host compares a change with what it wrote).
            getRange(address: string) {
              const area = parseArea(address.replace(/\$/g, ''))!;
              return {
                load() {
                  return this;
                },
                get formulas() {
                  return Array.from({ length: area.bottom - area.top + 1 }, (_r, i) =>
                    Array.from({ length: area.right - area.left + 1 }, (_c, j) => cellAt(area.top + i, area.left + j)),
                  );
                },
              };
            },
            getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
              requires('1.7', 'worksheet.getRangeByIndexes');
              const range = new OfficeMockObject({ formulas: [[]], numberFormat: [[]] });
              writes.push({ row: row + 1, col: col + 1, rows, cols, range });
              return range;
            },
          },
          getActiveWorksheet() {
            return this.sheet;
          },
          getItem() {
            return this.sheet;
          },
          onChanged: {
            add(handler: (ev: unknown) => Promise<void>) {
              requires('1.9', 'worksheets.onChanged');
              registered.push('worksheets.onChanged');
              handlers.push(handler);
            },
          },
          onActivated: {
            add(handler: (ev: unknown) => Promise<void>) {
              requires('1.7', 'worksheets.onActivated');
              registered.push('worksheets.onActivated');
              activated.push(handler);
            },
          },
        },
        settings: {
          // A plain object, loaded at once: the settings change as the host writes them.
          getItemOrNullObject(key: string) {
            return {
              value: settings.get(key),
              isNullObject: !settings.has(key),
              load() {
                return this;
              },
            };
          },
          add(key: string, value: unknown) {
            settings.set(key, value);
          },
        },
      },
      application: {
        suspendApiCalculationUntilNextSync() {
          requires('1.6', 'application.suspendApiCalculationUntilNextSync');
        },
        suspendScreenUpdatingUntilNextSync() {
          requires('1.9', 'application.suspendScreenUpdatingUntilNextSync');
        },
        calculate() {},
      },
    },
    CalculationType: { recalculate: 'Recalculate' },
    FillPattern: { none: 'None' },
    run: async function (this: any, a: unknown, b?: unknown) {
      if (typeof a === 'object' && a !== null && 'mergeUndoGroup' in a) requires('1.20', 'Excel.run({ mergeUndoGroup })');
      const batch = (typeof a === 'function' ? a : b) as (ctx: unknown) => Promise<unknown>;
      return batch(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as any;
  const delivered = async () => {
    while (deliveries.length > 0) await Promise.all(deliveries.splice(0));
  };
  owed.add(delivered);
  // In Office.js isNullObject is known after a sync without being loaded; the mock would want it loaded.
  const plain = (obj: any, value: boolean) => Object.defineProperty(obj, 'isNullObject', { value, configurable: true });
  plain(excel.context.workbook.worksheets.sheet.used.merged, options.mergedAddress === undefined || options.mergedAddress === null);
  // The sheet's tables (ListObjects), by address: a plain collection, loaded at once, each table's range as it is now;
  // resized (ExcelApi 1.13) at the sync, after the request's writes, as queued.
  const tables = (options.tables ?? []).map((address) => parseArea(address)!);
  const items = tables.map((t, i) => ({
    name: `表${i + 1}`,
    id: `{table-${i + 1}}`,
    getRange: () => ({
      get address() {
        return `${grid.sheet}!${areaA1(t)}`;
      },
      load() {
        return this;
      },
    }),
    resize(address: string) {
      requires('1.13', 'table.resize');
      resizes.push({ t, to: parseArea(address)! });
    },
  }));
  const resizes: { t: Area; to: Area }[] = [];
  excel.context.workbook.worksheets.sheet.tables = {
    items,
    load() {
      return this;
    },
    getItem: (key: string) => items.find((t) => t.name === key || t.id === key)!,
    getItemOrNullObject(key: string) {
      requires('1.4', 'TableCollection.getItemOrNullObject');
      const found = items.find((t) => t.name === key || t.id === key);
      return found ? { ...found, isNullObject: false } : { isNullObject: true };
    },
  };
  const sync = excel.context.sync.bind(excel.context);
  let synced = 0;
  excel.context.sync = async () => {
    syncs++;
    // A protected sheet: reading works, a batch that writes fails (as Excel does, at sync).
    const batch = writes.slice(synced);
    synced = writes.length;
    // A member newer than this Excel: the whole request fails, nothing in it done.
    if (refused.length > 0 || failNext) {
      const e = failNext ?? refused[0]!;
      refused.length = 0;
      failNext = null;
      writes.splice(writes.length - batch.length);
      synced = writes.length;
      resizes.length = 0;
      // Handlers added in the failed request were never registered.
      registered.splice(mark.registered);
      handlers.splice(mark.handlers);
      activated.splice(mark.activated);
      throw e;
    }
    mark = { registered: registered.length, handlers: handlers.length, activated: activated.length };
    const wrote = (f: unknown) => Array.isArray(f) && f.length > 0 && Array.isArray(f[0]) && f[0].length > 0;
    if (failWrites && batch.some((w) => wrote(w.range.formulas))) {
      writes.splice(writes.length - batch.length);
      synced = writes.length;
      resizes.length = 0;
      const e = new Error('The cell or chart you are trying to change is protected.') as Error & { code: string };
      e.code = 'AccessDenied';
      throw e;
    }
    const result = await sync();
    // The cells written, and Excel's change events for them, after this request has returned (never during it).
    for (const w of batch.filter((x) => wrote(x.range.formulas))) {
      (w.range.formulas as unknown[][]).forEach((row, i) => row.forEach((v, j) => cellsNow.set(`${w.row + i},${w.col + j}`, v)));
      const area = { top: w.row, left: w.col, bottom: w.row + w.rows - 1, right: w.col + w.cols - 1 };
      for (const t of tables) intoTable(t, area);
      later(areaA1(area), 'ThisLocalAddin');
    }
    for (const { t, to } of resizes.splice(0)) Object.assign(t, to);
    return result;
  };
  /**
   * What Excel does with a write beside or into a table (one column written, as the host writes): content just right
   * of it, beside its rows, is taken in (AutoExpand); a formula into a column of it whose other cells are empty fills
   * them all (a calculated column).
   */
  function intoTable(t: Area, w: Area): void {
    const filled = (r: number, c: number) => cellAt(r, c) !== '';
    // A header cell emptied inside a table is named again, as Excel names it (列1, the first name free).
    if (w.top <= t.top && w.bottom >= t.top)
      for (let c = Math.max(w.left, t.left); c <= Math.min(w.right, t.right); c++) {
        if (filled(t.top, c)) continue;
        let n = 1;
        while ([...Array(t.right - t.left + 1).keys()].some((j) => cellAt(t.top, t.left + j) === `列${n}`)) n++;
        cellsNow.set(`${t.top},${c}`, `列${n}`);
      }
    let beside = false;
    for (let r = Math.max(w.top, t.top); r <= Math.min(w.bottom, t.bottom); r++) beside ||= w.left === t.right + 1 && filled(r, w.left);
    if (beside) t.right = w.left;
    if (w.left < t.left || w.left > t.right) return;
    const top = Math.max(w.top, t.top + 1);
    const source = String(cellAt(top, w.left));
    if (top > Math.min(w.bottom, t.bottom) || !source.startsWith('=')) return;
    const others: number[] = [];
    for (let r = t.top + 1; r <= t.bottom; r++) if (r < w.top || r > w.bottom) others.push(r);
    if (others.some((r) => filled(r, w.left))) return;
    for (const r of others)
      cellsNow.set(
        `${r},${w.left}`,
        source.replace(/([A-Z]{1,3})(\d+)(?![\d(])/g, (_m, col: string, row: string) => `${col}${Number(row) + r - top}`),
      );
  }
  /** A cell as `formulas` gives it now. */
  function cellAt(row: number, col: number): unknown {
    const k = `${row},${col}`;
    if (cellsNow.has(k)) return cellsNow.get(k);
    return formulas[row - grid.top]?.[col - grid.left] ?? '';
  }
  /** A change event delivered on a later task; `source` only where Excel has triggerSource (ExcelApi 1.14). */
  function later(address: string, source: string): void {
    const ev = { worksheetId: 'sheet-1', address, changeType: 'RangeEdited', source: 'Local' } as Record<string, unknown>;
    if (apiAtMost('1.14', api)) ev['triggerSource'] = source;
    deliveries.push(
      new Promise<void>((r) => setTimeout(r, 0)).then(async () => {
        for (const h of handlers) await h(ev);
      }),
    );
  }
  return {
    excel,
    syncs: () => syncs,
    writes,
    fire: async (worksheetId, triggerSource) => {
      for (const h of handlers) await h({ worksheetId, changeType: 'RangeEdited', source: 'Local', triggerSource });
    },
    activate: async (worksheetId) => {
      for (const h of activated) await h({ worksheetId, type: 'WorksheetActivated' });
    },
    settings,
    registered,
    setProtectedWrites: (on) => {
      failWrites = on;
    },
    office: {
      context: { requirements: { isSetSupported: (name: string, v = '1.1') => name === 'ExcelApi' && apiAtMost(v, api) } },
    },
    delivered,
    failNextSync: (error) => {
      failNext = error;
    },
    type: (address, typed) => {
      const area = parseArea(address)!;
      typed.forEach((row, i) => row.forEach((v, j) => cellsNow.set(`${area.top + i},${area.left + j}`, v)));
      later(address, 'Unknown');
    },
  };
}

/**
 * An Excel whose every request fails at its sync with `error`, as Office.js fails a batch: any
 * call on the object model is taken and queued, nothing comes back. `duringSync` runs at each
 * sync first (a change event arriving while the request is under way).
 */
export function failingExcel(error: unknown, duringSync?: () => Promise<void>): any {
  const anything: any = new Proxy(function () {}, {
    get(_target, key) {
      if (key === 'then') return undefined; // not a promise: awaiting it gives it back
      if (key === 'sync')
        return async () => {
          await duringSync?.();
          throw error;
        };
      if (key === 'run')
        return async (a: unknown, b?: unknown) => ((typeof a === 'function' ? a : b) as (ctx: unknown) => Promise<unknown>)(anything);
      return anything;
    },
    apply: () => anything,
    set: () => true,
  });
  return anything;
}
