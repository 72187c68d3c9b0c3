/**
 * The file host: workbooks on disk → exceljs → the engine's Grid. Used by the command line
 * and by tests; never by the task pane.
 */
import { readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readLegacy } from './legacy';

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

export interface OpenedWorkbook {
  wb: ExcelJS.Workbook;
  format: WorkbookFormat;
  /** The file's bytes, as read once (settings and parts are looked up in them). */
  data: Buffer;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Opens a workbook: .xlsx with exceljs; .xls (and HTML or XML "xls") with SheetJS. Throws
 * WorkbookError with a plain reason when it cannot.
 */
export async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  let data: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new WorkbookError('is-directory', path);
    data = readFileSync(path);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookError('not-found', path);
    if (code === 'EACCES' || code === 'EPERM') throw new WorkbookError('no-access', path);
    throw new WorkbookError('unreadable', path, e instanceof Error ? e.message : String(e));
  }
  const head = data.subarray(0, 4);
  try {
    if (head.equals(ZIP)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
      return { wb, format: 'xlsx', data };
    }
    if (data.length === 0) throw new Error('empty file');
    if (!head.equals(OLE) && !/^\s*</.test(data.subarray(0, 64).toString('utf8'))) throw new Error('unknown format');
    return { wb: readLegacy(data), format: 'legacy', data };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw new WorkbookError('encrypted', path);
    throw new WorkbookError('unreadable', path, msg);
  }
}

/** Visible worksheets in workbook order. */
export function visibleSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
}
