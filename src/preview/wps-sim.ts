/**
 * A small WPS 表格 for tests and the browser preview: the `Application` a WPS add-in's page finds, on the
 * preview's workbook (model.ts), offering exactly the members of src/hosts/wps/et.ts and nothing more — reading
 * or writing any other member throws, as a misspelt member must fail here rather than do nothing in WPS. It keeps
 * the COM model's rules the host depends on: synchronous calls; Value2 and Formula as 2-D arrays (a scalar for
 * one cell); NumberFormat, MergeCells and Hidden null when the cells differ; error values as COM error codes;
 * text typed into a cell read as WPS reads it (a leading apostrophe keeps text; a formula, a number, a date, a
 * percentage, TRUE/FALSE otherwise); a protected sheet refuses writes; deleting a sheet with DisplayAlerts on
 * would ask the user, so it throws. Change events (SheetChange) come after the write, as another task; sheet
 * activations (SheetActivate) when another sheet becomes active. Every property read or write and every method
 * called is counted (`calls`), so tests can hold the host to bulk reads.
 */
import { a1, type Area, areaA1, columnLetters, isCellError, parseArea } from '../engine';
import { ERROR_CODES, bgr, hexOf, type WpsAddinApplication } from '../hosts/wps/et';
import type { PreviewCell, PreviewSheet, PreviewWorkbook } from './model';
import { typeAsExcel } from './excel-typing';

export interface WpsSimulation {
  Application: WpsAddinApplication;
  /** Calls into WPS so far: property reads and writes and method calls. */
  calls: () => number;
  /** Task panes the add-in created: their page and whether shown. */
  panes: { url: string; visible: boolean }[];
}

const CODES: Record<string, number> = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, text]) => [text, Number(code)]));
const MAX_COLUMN = 16384;

/** A COM-style object: only the members listed, each access counted; anything else throws. */
type Member = { get?: () => unknown; set?: (v: unknown) => void } | ((...args: unknown[]) => unknown);

function comObject(kind: string, members: Record<string, Member>, count: () => void): unknown {
  return new Proxy(
    {},
    {
      get(_t, key) {
        // Not members: what JavaScript itself asks of any object (awaiting it, printing it).
        if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined;
        const m = members[key];
        if (m === undefined) throw new Error(`WPS 模拟：${kind} 没有成员 ${key}（WPS simulation: ${kind} has no member ${key}）`);
        count();
        if (typeof m === 'function') return m;
        if (!m.get) throw new Error(`WPS 模拟：${kind}.${key} 只能写入（write-only）`);
        return m.get();
      },
      set(_t, key, value) {
        const m = typeof key === 'string' ? members[key] : undefined;
        if (m === undefined || typeof m === 'function' || !m.set)
          throw new Error(`WPS 模拟：${kind} 的 ${String(key)} 不能写入（WPS simulation: ${kind}.${String(key)} cannot be set）`);
        count();
        m.set(value);
        return true;
      },
    },
  );
}

function wpsValue(c: PreviewCell | undefined): unknown {
  const v = c?.value ?? null;
  if (v === null) return undefined;
  if (isCellError(v)) return CODES[v.error] ?? CODES['#VALUE!'];
  return v;
}

function wpsFormula(c: PreviewCell | undefined): string {
  if (c?.formula) return c.formula;
  const v = c?.value ?? null;
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** $A$1. */
const absolute = (row: number, col: number): string => `$${columnLetters(col)}$${row}`;

/** "A1", "A1:C3", "$A$1:$C$3", "5:9" (whole rows) → the area. */
function areaOfAddress(address: string): Area {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: MAX_COLUMN };
  const a = parseArea(address.replace(/\$/g, ''));
  if (!a) throw new Error(`WPS 模拟：无效的区域 ${address}（invalid range）`);
  return a;
}

/** `eventDelay`: milliseconds after a write before its SheetChange is told (WPS busy: the host must not count on it being soon). */
export function simulateWps(book: PreviewWorkbook, { eventDelay = 0 } = {}): WpsSimulation {
  let calls = 0;
  const count = () => void calls++;
  let screenUpdating = true;
  let displayAlerts = true;
  const panes: WpsSimulation['panes'] = [];
  const storage = new Map<string, string>();
  const pane = (id: number): unknown =>
    comObject(
      'TaskPane',
      { ID: { get: () => id }, Visible: { get: () => panes[id - 1]!.visible, set: (v) => void (panes[id - 1]!.visible = v === true) } },
      count,
    );

  const refuseProtected = (s: PreviewSheet): void => {
    if (s.protected)
      throw new Error('您试图更改的单元格或图表受保护，因而是只读的。（The cell you are trying to change is on a protected sheet.）');
  };
  const changed = (s: PreviewSheet, area: Area): void => {
    book.recalc(s);
    if (screenUpdating) book.render();
    // After the write, as another task: what WPS tells listeners comes once the call has returned.
    setTimeout(
      () =>
        void book.raiseChanged({
          worksheetId: s.id,
          address: areaA1(area),
          changeType: 'RangeEdited',
          source: 'Local',
          triggerSource: 'Unknown',
        }),
      eventDelay,
    );
  };
  const cellsOf = (area: Area): { row: number; col: number }[] => {
    const out: { row: number; col: number }[] = [];
    for (let row = area.top; row <= area.bottom; row++) for (let col = area.left; col <= area.right; col++) out.push({ row, col });
    return out;
  };
  const mergeAt = (s: PreviewSheet, row: number, col: number) =>
    s.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  /** One value when every cell gives the same, else null. */
  const common = <T>(values: T[]): T | null => (values.every((v) => v === values[0]) ? values[0]! : null);
  const setFormat = (s: PreviewSheet, area: Area, path: string, v: unknown): void => {
    refuseProtected(s);
    for (const { row, col } of cellsOf(area)) {
      const c = book.touch(s, row, col);
      c.format = { ...c.format, [path]: v };
    }
  };

  const range = (s: PreviewSheet, area: Area): unknown => {
    const one = area.top === area.bottom && area.left === area.right;
    const grid = <T>(f: (c: PreviewCell | undefined) => T): T[][] | T => {
      const rows: T[][] = [];
      for (let row = area.top; row <= area.bottom; row++) {
        const r: T[] = [];
        for (let col = area.left; col <= area.right; col++) r.push(f(book.cell(s, row, col)));
        rows.push(r);
      }
      return one ? rows[0]![0]! : rows;
    };
    const fill = (c: PreviewCell | undefined) => c?.fill ?? null;
    return comObject(
      'Range',
      {
        Row: { get: () => area.top },
        Column: { get: () => area.left },
        Rows: { get: () => comObject('Range.Rows', { Count: { get: () => area.bottom - area.top + 1 } }, count) },
        Columns: { get: () => comObject('Range.Columns', { Count: { get: () => area.right - area.left + 1 } }, count) },
        Value2: { get: () => grid(wpsValue) },
        Formula: {
          get: () => grid(wpsFormula),
          set: (v) => {
            refuseProtected(s);
            const inputs = Array.isArray(v) ? (v as unknown[][]) : null;
            for (const { row, col } of cellsOf(area)) {
              const input = inputs ? inputs[row - area.top]?.[col - area.left] : v;
              const c = book.touch(s, row, col);
              // WPS types what is written as Excel does (text kept as text after ', or in a cell formatted @).
              const t = typeAsExcel(input, c.numFmt);
              c.value = t.value;
              c.formula = t.formula;
              c.written = true;
            }
            changed(s, area);
          },
        },
        NumberFormat: {
          get: () => common(cellsOf(area).map(({ row, col }) => book.cell(s, row, col)?.numFmt ?? 'General')),
          set: (v) => {
            refuseProtected(s);
            if (typeof v !== 'string') throw new Error('WPS 模拟：NumberFormat 只接受一个格式（one format string for the range）');
            for (const { row, col } of cellsOf(area)) book.touch(s, row, col).numFmt = v === 'General' ? null : v;
          },
        },
        MergeCells: { get: () => common(cellsOf(area).map(({ row, col }) => mergeAt(s, row, col) !== undefined)) },
        MergeArea: { get: () => range(s, mergeAt(s, area.top, area.left) ?? { ...area, bottom: area.top, right: area.left }) },
        Hidden: {
          get: () => {
            if (area.left !== 1 || area.right !== MAX_COLUMN) throw new Error('WPS 模拟：Hidden 只用于整行（whole rows only）');
            const hidden = new Set(s.hiddenRows ?? []);
            const rows: boolean[] = [];
            for (let row = area.top; row <= area.bottom; row++) rows.push(hidden.has(row));
            return common(rows);
          },
        },
        Address: () => (one ? absolute(area.top, area.left) : `${absolute(area.top, area.left)}:${absolute(area.bottom, area.right)}`),
        Interior: {
          get: () =>
            comObject(
              'Interior',
              {
                Color: {
                  get: () => bgr(book.cell(s, area.top, area.left)?.fill ?? '#FFFFFF'),
                  set: (v) => {
                    refuseProtected(s);
                    for (const { row, col } of cellsOf(area)) book.touch(s, row, col).fill = hexOf(Number(v));
                    if (screenUpdating) book.render();
                  },
                },
                ColorIndex: {
                  get: () => (fill(book.cell(s, area.top, area.left)) === null ? -4142 : 0),
                  set: (v) => {
                    if (v !== -4142) throw new Error('WPS 模拟：ColorIndex 只支持 xlColorIndexNone');
                    refuseProtected(s);
                    for (const { row, col } of cellsOf(area)) book.touch(s, row, col).fill = null;
                    if (screenUpdating) book.render();
                  },
                },
              },
              count,
            ),
        },
        Comment: {
          get: () => {
            const c = book.cell(s, area.top, area.left);
            if (!c?.note) return null;
            return comObject(
              'Comment',
              {
                Delete: () => {
                  refuseProtected(s);
                  c.note = null;
                  if (screenUpdating) book.render();
                },
              },
              count,
            );
          },
        },
        AddComment: (text: unknown) => {
          refuseProtected(s);
          const c = book.touch(s, area.top, area.left);
          if (c.note) throw new Error('WPS 模拟：单元格已有批注（the cell has a comment already）');
          c.note = String(text);
          if (screenUpdating) book.render();
          return comObject('Comment', { Delete: () => (c.note = null) }, count);
        },
        Select: () => {
          book.selection = { sheet: s.name, cell: a1(area.top, area.left) };
          book.render();
        },
        Merge: () => {
          refuseProtected(s);
          s.merges.push({ ...area });
        },
        Font: {
          get: () =>
            comObject(
              'Font',
              {
                Name: { set: (v) => setFormat(s, area, 'font.name', v) },
                Size: { set: (v) => setFormat(s, area, 'font.size', v) },
                Bold: { set: (v) => setFormat(s, area, 'font.bold', v) },
              },
              count,
            ),
        },
        HorizontalAlignment: { set: (v) => setFormat(s, area, 'horizontalAlignment', v) },
        VerticalAlignment: { set: (v) => setFormat(s, area, 'verticalAlignment', v) },
        WrapText: { set: (v) => setFormat(s, area, 'wrapText', v) },
        Borders: {
          get: () =>
            comObject(
              'Borders',
              {
                // The preview draws a bordered cell by the Office.js path it knows.
                LineStyle: { set: (v) => setFormat(s, area, 'border.EdgeTop.style', v === 1 ? 'Continuous' : v) },
                Weight: { set: (v) => setFormat(s, area, 'border.EdgeTop.weight', v === 2 ? 'Thin' : v) },
              },
              count,
            ),
        },
        ColumnWidth: { set: (v) => cellsOf({ ...area, bottom: area.top }).forEach(({ col }) => s.columnWidths.set(col, Number(v))) },
        RowHeight: { set: (v) => cellsOf({ ...area, right: area.left }).forEach(({ row }) => s.rowHeights.set(row, Number(v))) },
      },
      count,
    );
  };

  const sheetIndex = (s: PreviewSheet) => book.sheets.indexOf(s);
  const worksheet = (s: PreviewSheet): unknown =>
    comObject(
      'Worksheet',
      {
        Name: {
          get: () => s.name,
          set: (v) => {
            const name = String(v);
            if (book.sheets.some((o) => o !== s && o.name.toLowerCase() === name.toLowerCase()))
              throw new Error(`WPS 模拟：已有名为 ${name} 的工作表（a sheet of that name exists）`);
            s.name = name;
            book.render();
          },
        },
        Visible: {
          get: () => (s.veryHidden ? 2 : s.hidden ? 0 : -1),
          set: (v) => {
            s.hidden = v !== -1 && v !== true;
            s.veryHidden = v === 2;
            book.render();
          },
        },
        ProtectContents: { get: () => s.protected },
        UsedRange: { get: () => range(s, book.usedArea(s)) },
        Range: (address: unknown) => range(s, areaOfAddress(String(address))),
        Activate: () => void book.activate(sheetIndex(s)),
        Delete: () => {
          if (displayAlerts) throw new Error('WPS 模拟：删除工作表会弹出确认框（DisplayAlerts is on: WPS would ask the user）');
          book.deleteSheet(s);
          book.render();
        },
        PageSetup: {
          get: () =>
            comObject(
              'PageSetup',
              Object.fromEntries(
                [
                  'Orientation',
                  'PaperSize',
                  'Zoom',
                  'FitToPagesWide',
                  'FitToPagesTall',
                  'CenterHorizontally',
                  'PrintArea',
                  'PrintTitleRows',
                ].map((k) => [k, { set: (v: unknown) => void (s.page[k] = v) }]),
              ),
              count,
            ),
        },
      },
      count,
    );

  const find = (key: unknown): PreviewSheet => {
    const s = typeof key === 'number' ? book.sheets[key - 1] : book.sheets.find((o) => o.name.toLowerCase() === String(key).toLowerCase());
    if (!s) throw new Error(`WPS 模拟：下标越界（subscript out of range: ${String(key)}）`);
    return s;
  };
  const sheets = (): unknown =>
    comObject(
      'Sheets',
      {
        Count: { get: () => book.sheets.length },
        Item: (key: unknown) => worksheet(find(key)),
        Add: (before: unknown, after: unknown) => {
          if (before !== undefined || after === undefined)
            throw new Error('WPS 模拟：只支持 Add(undefined, 最后一个工作表)（only after the last sheet）');
          let n = book.sheets.length + 1;
          while (book.sheets.some((o) => o.name.toLowerCase() === `sheet${n}`)) n++;
          const s = book.addSheet(`Sheet${n}`);
          void book.activate(sheetIndex(s));
          return worksheet(s);
        },
      },
      count,
    );

  const Application = comObject(
    'Application',
    {
      ActiveWorkbook: { get: () => comObject('Workbook', { Worksheets: { get: sheets } }, count) },
      ActiveSheet: { get: () => worksheet(book.activeSheet()) },
      ApiEvent: {
        get: () =>
          comObject(
            'ApiEvent',
            {
              AddApiEventListener: (name: unknown, listener: unknown) => {
                const fn = listener as (...args: unknown[]) => void;
                const byId = (id: string) => book.sheets.find((o) => o.id === id);
                if (name === 'SheetChange')
                  book.changeHandlers.push({
                    sheet: null,
                    handler: async (e) => {
                      const s = byId(e.worksheetId);
                      if (s) fn(worksheet(s), range(s, areaOfAddress(e.address)));
                    },
                  });
                else if (name === 'SheetActivate')
                  book.activationHandlers.push(async (e) => {
                    const s = byId(e.worksheetId);
                    if (s) fn(worksheet(s));
                  });
                else throw new Error(`WPS 模拟：不模拟事件 ${String(name)}（event not simulated）`);
              },
            },
            count,
          ),
      },
      ScreenUpdating: {
        get: () => screenUpdating,
        set: (v) => {
          screenUpdating = v === true;
          if (screenUpdating) book.render();
        },
      },
      DisplayAlerts: { get: () => displayAlerts, set: (v) => void (displayAlerts = v === true) },
      CreateTaskPane: (url: unknown) => {
        panes.push({ url: String(url), visible: false });
        return pane(panes.length);
      },
      GetTaskPane: (id: unknown) => (typeof id === 'number' && panes[id - 1] ? pane(id) : null),
      PluginStorage: {
        get: () =>
          comObject(
            'PluginStorage',
            {
              getItem: (key: unknown) => storage.get(String(key)) ?? null,
              setItem: (key: unknown, value: unknown) => void storage.set(String(key), String(value)),
            },
            count,
          ),
      },
    },
    count,
  ) as WpsAddinApplication;

  return { Application, calls: () => calls, panes };
}
