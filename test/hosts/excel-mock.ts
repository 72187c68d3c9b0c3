/**
 * Excel mocks for the adapter's tests: one on office-addin-mock (a worksheet whose used range
 * holds a grid, settings, events, and every range written recorded; context.sync counted), and
 * an Excel whose every request fails.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { a1, type Grid, isCellError } from '../../src/engine';

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
}

export function excelMock(grid: Grid, options: { protected?: boolean; mergedAddress?: string | null; setting?: unknown } = {}): ExcelMock {
  let syncs = 0;
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
              values,
              formulas,
              numberFormat,
              valueTypes,
              merged: { address: options.mergedAddress ?? '' },
              getMergedAreasOrNullObject() {
                return this.merged;
              },
            },
            getUsedRange() {
              return this.used;
            },
            // One sheet's changes (ExcelApi 1.7), where Excel has no workbook-wide event.
            onChanged: {
              add(handler: (ev: unknown) => Promise<void>) {
                registered.push('worksheet.onChanged');
                handlers.push(handler);
              },
            },
            getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
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
              registered.push('worksheets.onChanged');
              handlers.push(handler);
            },
          },
          onActivated: {
            add(handler: (ev: unknown) => Promise<void>) {
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
        suspendApiCalculationUntilNextSync() {},
        suspendScreenUpdatingUntilNextSync() {},
        calculate() {},
      },
    },
    CalculationType: { recalculate: 'Recalculate' },
    FillPattern: { none: 'None' },
    run: async function (this: any, a: unknown, b?: unknown) {
      const batch = (typeof a === 'function' ? a : b) as (ctx: unknown) => Promise<unknown>;
      return batch(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as any;
  // In Office.js isNullObject is known after a sync without being loaded; the mock would want it loaded.
  const plain = (obj: any, value: boolean) => Object.defineProperty(obj, 'isNullObject', { value, configurable: true });
  plain(excel.context.workbook.worksheets.sheet.used.merged, options.mergedAddress === undefined || options.mergedAddress === null);
  // No tables (ListObjects) on the mock's sheet: a plain collection, loaded at once.
  excel.context.workbook.worksheets.sheet.tables = {
    items: [],
    load() {
      return this;
    },
  };
  const sync = excel.context.sync.bind(excel.context);
  let synced = 0;
  excel.context.sync = async () => {
    syncs++;
    // A protected sheet: reading works, a batch that writes fails (as Excel does, at sync).
    const batch = writes.slice(synced);
    synced = writes.length;
    const wrote = (f: unknown) => Array.isArray(f) && f.length > 0 && Array.isArray(f[0]) && f[0].length > 0;
    if (failWrites && batch.some((w) => wrote(w.range.formulas))) {
      writes.splice(writes.length - batch.length);
      synced = writes.length;
      const e = new Error('The cell or chart you are trying to change is protected.') as Error & { code: string };
      e.code = 'AccessDenied';
      throw e;
    }
    return sync();
  };
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
