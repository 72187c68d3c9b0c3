/**
 * The file host: workbooks on disk → the engine's Grid, through exceljs (or SheetJS, for .xls
 * and for a large .xlsx that is only read). Used by the command line and by tests; never by the
 * task pane.
 */
import { readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readLegacy } from './legacy';
import { LimitError, READ_LIMITS } from './limits';
import { preparePackage } from './package';
import { worksheetToGrid, type SheetSource } from './sheet';
import type { SheetPositions } from './sheet-positions';
import { readBook, sheetSources } from './sheetjs';
import { readDirect } from './xlsx-direct';

export type { SheetSource } from './sheet';

export type WorkbookProblem = 'not-found' | 'no-access' | 'is-directory' | 'unreadable' | 'encrypted' | 'empty';

/** A workbook that could not be opened; the command line words it for the user. */
export class WorkbookError extends Error {
  constructor(
    readonly problem: WorkbookProblem,
    readonly path: string,
    readonly detail: string = '',
  ) {
    super(`${problem}: ${path}${detail ? ` (${detail})` : ''}`);
    this.name = 'WorkbookError';
  }
}

export type WorkbookFormat = 'xlsx' | 'legacy';

/** A workbook opened to be read. */
export interface ReadWorkbook {
  format: WorkbookFormat;
  /** The file's bytes, as read once (settings and parts are looked up in them). */
  data: Buffer;
  /** Empty rows or merges far beyond a sheet's data were left out of what was read (./package): a copy lacks them. */
  trimmed: boolean;
  sheets: SheetSource[];
  /** The package's XML parts as the read inflated them (readWorkbook's keepTexts), for a copy of the package to use. */
  texts?: ReadonlyMap<string, string> | null;
  /** With `texts`: where the fast reader found each sheet's rows and cells in its text. */
  positions?: ReadonlyMap<string, SheetPositions> | null;
}

/** A workbook opened to be read and written (a copy saved). */
export interface OpenedWorkbook extends ReadWorkbook {
  wb: ExcelJS.Workbook;
}

/**
 * From this size on, an .xlsx that is only read goes through SheetJS rather than exceljs:
 * exceljs's model of 100,000 rows × 30 columns (a 10 MB file) takes 1.2 GB.
 */
export const LARGE_XLSX_BYTES = 4 * 1024 * 1024;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** A workbook file's bytes, refused (WorkbookError, LimitError) as every reader here refuses it. */
export function readBytes(path: string): Buffer {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new WorkbookError('is-directory', path);
    // A pipe or a device named .xlsx would block the read for ever.
    if (!stat.isFile()) throw new WorkbookError('unreadable', path, '不是普通文件，是管道或设备 (not a regular file)');
    if (stat.size > READ_LIMITS.packageBytes) throw new LimitError('packageBytes', stat.size);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof WorkbookError || e instanceof LimitError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookError('not-found', path);
    if (code === 'EACCES' || code === 'EPERM') throw new WorkbookError('no-access', path);
    throw new WorkbookError('unreadable', path, e instanceof Error ? e.message : String(e));
  }
}

/** Runs a reader on a file's bytes; what it throws becomes a WorkbookError with a plain reason. */
async function parse<T>(path: string, data: Buffer, read: (format: WorkbookFormat) => Promise<T> | T): Promise<T> {
  const head = data.subarray(0, 4);
  try {
    if (head.equals(ZIP)) return await read('xlsx');
    if (data.length === 0) throw new Error('文件是空的 (empty file)');
    if (!head.equals(OLE) && !/^\s*</.test(data.subarray(0, 64).toString('utf8')))
      throw new Error('既不是 .xlsx 也不是 .xls (unknown format)');
    return await read('legacy');
  } catch (e) {
    if (e instanceof LimitError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw new WorkbookError('encrypted', path);
    throw new WorkbookError('unreadable', path, msg);
  }
}

function exceljsSheets(wb: ExcelJS.Workbook): SheetSource[] {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    visible: ws.state !== 'hidden' && ws.state !== 'veryHidden',
    grid: () => worksheetToGrid(ws),
  }));
}

/**
 * Opens a workbook to read and write: .xlsx with exceljs; .xls (and HTML or XML "xls") with
 * SheetJS. Throws WorkbookError with a plain reason when it cannot.
 */
export async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  return withExcelJs(path, readBytes(path));
}

function withExcelJs(path: string, data: Buffer): Promise<OpenedWorkbook> {
  return parse(path, data, async (format) => {
    let wb: ExcelJS.Workbook;
    let trimmed = false;
    if (format === 'xlsx') {
      const prepared = await preparePackage(data);
      trimmed = prepared.trimmed;
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load(prepared.readable as unknown as ExcelJS.Buffer);
    } else wb = readLegacy(data);
    return { wb, format, data, trimmed, sheets: exceljsSheets(wb) };
  });
}

/**
 * Opens a workbook only to read it: an .xlsx by the fast reader (./xlsx-direct) when it reads
 * everything the package holds; else as openWorkbook, but a large .xlsx through SheetJS (LARGE_XLSX_BYTES).
 * `keepTexts`: the fast reader keeps the XML it inflated (up to its KEPT_TEXT_CHARS), for a copy to use.
 */
export async function readWorkbook(path: string, options: { keepTexts?: boolean } = {}): Promise<ReadWorkbook> {
  const data = readBytes(path);
  if (data.subarray(0, 4).equals(ZIP)) {
    const direct = await parse(path, data, () => readDirect(data, options.keepTexts));
    if (direct)
      return { format: 'xlsx', data, trimmed: direct.trimmed, sheets: direct.sheets, texts: direct.texts, positions: direct.positions };
  }
  if (data.length < LARGE_XLSX_BYTES) return withExcelJs(path, data);
  return parse(path, data, async (format) => {
    const prepared = format === 'xlsx' ? await preparePackage(data) : { readable: data, trimmed: false };
    return { format, data, trimmed: prepared.trimmed, sheets: sheetSources(readBook(prepared.readable, true)) };
  });
}
