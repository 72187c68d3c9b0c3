/**
 * `kaohe check <folder|workbook>…`: every workbook under the folders, every sheet in it that holds
 * a roster, each checked as `kaohe check FILE --sheet SHEET` checks it alone (src/app's
 * analyseAllSheets). One line per sheet, the totals, and what to fix first; a file that cannot be
 * read is one line with its reason and the others go on.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { analyseAllSheets, type SheetSummary, sheetSummary, storedSchemeOf } from '../app';
import { appWords } from '../app/words';
import { type CheckReport, type Locale, noFitSentence, type Scheme } from '../engine';
import { LimitError } from '../hosts/file/limits';
import { readWorkbook, WorkbookError } from '../hosts/file/xlsx';
import { type BatchWords, batchWords, type Totals } from './batch-words';
import { reportOf, storedProblemText, workbookSource } from './open';
import { table } from './text';
import { cliWords } from './words';

/** Workbooks a folder check reads: Excel's own (.xlsx, .xlsm) and the old binary or HTML ".xls". */
const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;
/** More than this many workbooks in one run is a mistake (a whole disk), not a county. */
export const MAX_FILES = 5000;

/** One workbook checked: each sheet's report as `kaohe check --sheet` gives it, or why the file could not be read. */
export interface FileCheck {
  file: string;
  error: string | null;
  sheets: CheckReport[];
  /** Sheets that hold a roster but could not be checked (no scheme fits them), with the reason. */
  unchecked: { sheet: string; reason: string }[];
  /** One line per report in `sheets`, in the same order. */
  summaries: SheetSummary[];
}

class TooManyFiles extends Error {
  constructor(readonly found: number) {
    super('too many files');
  }
}

/** Why a run over several workbooks cannot start: one line, exit 2 (the caller's CannotRun). */
export class BatchRefused extends Error {}

/** The workbooks a run reads (collectWorkbooks), or the run refused: more than MAX_FILES, or none at all. */
export function workbooksToRead(paths: string[], w: BatchWords): string[] {
  let files: string[];
  try {
    files = collectWorkbooks(paths);
  } catch (e) {
    if (e instanceof TooManyFiles) throw new BatchRefused(w.tooManyFiles(e.found, MAX_FILES));
    throw e;
  }
  if (files.length === 0) throw new BatchRefused(w.noFiles(paths));
  return files;
}

/**
 * The workbooks under the paths given: folders walked in name order (links to folders not followed),
 * lock files (~$…) and hidden files skipped; a file named directly is kept whatever its name says.
 * Paths that do not exist are kept too, so that they become a line with their reason.
 */
export function collectWorkbooks(paths: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      found.push(dir);
      return;
    }
    for (const name of names) {
      if (name.startsWith('~$') || name.startsWith('.')) continue;
      const p = join(dir, name);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && WORKBOOK.test(name)) found.push(p);
      if (found.length > MAX_FILES) throw new TooManyFiles(found.length);
    }
  };
  for (const p of paths) {
    let dir = false;
    try {
      dir = lstatSync(p).isDirectory();
    } catch {
      // Named but not there: read as a file, it says so.
    }
    if (dir) walk(p);
    else found.push(p);
  }
  return found;
}

/** Checks one workbook, every sheet with a roster; never throws for what the file holds. */
export async function checkFile(file: string, scheme: Scheme | undefined, locale: Locale): Promise<FileCheck> {
  const w = cliWords(locale);
  const result: FileCheck = { file, error: null, sheets: [], unchecked: [], summaries: [] };
  try {
    const opened = await readWorkbook(file);
    if (!opened.sheets.some((x) => x.visible)) throw new WorkbookError('empty', file);
    const book = await workbookSource(opened);
    const stored = scheme ? null : storedProblemText(storedSchemeOf(book, locale).problem, w, locale);
    if (stored !== null) return { ...result, error: stored };
    const all = analyseAllSheets(book, { scheme, locale });
    if (!all.ok) {
      const o = all.outcome;
      const error =
        o.problem === 'no-fit'
          ? noFitSentence(o.closest, locale)
          : o.problem === 'forms'
            ? appWords(locale).forms(o.unread, o.people, o.partial)
            : o.problem === 'no-roster'
              ? w.noRosterAnywhere(basename(file))
              : w.unknownSheet(o.sheet, o.names);
      return { ...result, error };
    }
    for (const s of all.sheets) {
      if (!s.ok) result.unchecked.push({ sheet: s.sheet, reason: noFitSentence(s.closest, locale) });
      else if (s.analysis.results.people.length === 0)
        result.unchecked.push({ sheet: s.analysis.sheet, reason: w.noPeople(s.analysis.sheet, s.analysis.results.table.headerBottom) });
      else {
        result.sheets.push(reportOf(s.analysis, locale));
        result.summaries.push(sheetSummary(s.analysis, locale));
      }
    }
    return result;
  } catch (e) {
    if (e instanceof WorkbookError) return { ...result, error: w.workbook(e) };
    if (e instanceof LimitError) return { ...result, error: w.limit(e, basename(file)) };
    return { ...result, error: w.internal(e instanceof Error ? e.message : String(e)) };
  }
}

export function totalsOf(files: FileCheck[]): Totals {
  const sum = (f: (s: SheetSummary) => number) => files.reduce((n, x) => n + x.summaries.reduce((m, s) => m + f(s), 0), 0);
  return {
    files: files.length,
    unreadable: files.filter((f) => f.error !== null).length,
    sheets: files.reduce((n, f) => n + f.summaries.length + f.unchecked.length, 0),
    unchecked: files.reduce((n, f) => n + f.unchecked.length, 0),
    people: sum((s) => s.people),
    errors: sum((s) => s.errors),
    warnings: sum((s) => s.warnings),
    over: sum((s) => (s.top?.over ? 1 : 0)),
  };
}

/** 2 when nothing could be read, 1 when anything is wrong (an error, a file or sheet not checked), else 0. */
export function batchExitCode(files: FileCheck[]): number {
  if (files.every((f) => f.sheets.length === 0)) return 2;
  const wrong = files.some((f) => f.error !== null || f.unchecked.length > 0 || f.summaries.some((s) => s.errors > 0));
  return wrong ? 1 : 0;
}

/** A file's name under the folder given (sub/县财政局.xlsx); as found when it is not under it. */
export function shownName(file: string, base: string): string {
  return isUnder(base, file) ? relative(base, file) : file;
}

/** Whether `path` lies inside the folder `dir`. */
export function isUnder(dir: string, path: string): boolean {
  const r = relative(dir, path);
  return r !== '' && !r.startsWith('..') && !isAbsolute(r);
}

/** A sheet's place for the reader: 文件 · 工作表. */
const at = (file: string, sheet: string) => `${file} · ${sheet}`;

/** A file's reason, which names the file itself when it comes from reading it. */
const errorLine = (f: FileCheck, w: BatchWords): string => (f.error!.includes(f.file) ? f.error! : w.first.unreadable(f.file, f.error!));

/** What to fix first: unreadable files, sheets not checked, quotas broken (most over first), then the most errors. */
function firstThings(files: FileCheck[], w: BatchWords): string[] {
  const out: string[] = [];
  for (const f of files) if (f.error !== null) out.push(errorLine(f, w));
  for (const f of files) for (const u of f.unchecked) out.push(w.first.unchecked(at(f.file, u.sheet), u.reason));
  const sheets = files.flatMap((f) => f.summaries.map((s) => ({ file: f.file, s })));
  const over = sheets.filter(({ s }) => s.top?.over);
  over.sort((a, b) => b.s.top!.count - b.s.top!.limit! - (a.s.top!.count - a.s.top!.limit!));
  for (const { file, s } of over) out.push(w.first.over(at(file, s.sheet), s.top!.grade, s.top!.count, s.top!.limit!));
  const wrong = sheets.filter(({ s }) => s.errors > 0).sort((a, b) => b.s.errors - a.s.errors);
  for (const { file, s } of wrong) out.push(w.first.errors(at(file, s.sheet), s.errors));
  return out;
}

/** How many of the things to fix first are listed; the rest are in the table. */
const FIRST_SHOWN = 10;

/** `base`: the one folder given, whose path is left out of the file names shown. */
export function renderBatch(checked: FileCheck[], locale: Locale, base?: string): string {
  const w = batchWords(locale);
  const files = base === undefined ? checked : checked.map((f) => ({ ...f, file: shownName(f.file, base) }));
  const totals = totalsOf(files);
  const rows = files.flatMap((f) =>
    f.summaries.map((s) => [
      f.file,
      s.sheet,
      s.unit ?? '—',
      `${s.scheme}（${w.source[s.source]}）`,
      String(s.people),
      String(s.graded),
      s.top ? w.top(s.top.grade, s.top.count, s.top.limit, s.top.over) : '—',
      String(s.errors),
      String(s.warnings),
    ]),
  );
  const lines = [w.heading(totals.files, totals.sheets), ''];
  if (rows.length > 0) lines.push(...table([w.cols, ...rows], [4, 5, 7, 8]), '');
  const cannot = [
    ...files.filter((f) => f.error !== null).map((f) => `  ${errorLine(f, w)}`),
    ...files.flatMap((f) => f.unchecked.map((u) => w.uncheckedLine(f.file, u.sheet, u.reason))),
  ];
  if (cannot.length > 0) lines.push(w.unreadable, ...cannot, '');
  lines.push(w.totals(totals));
  const first = firstThings(files, w);
  if (first.length > 0) {
    lines.push('', w.firstHeading, ...first.slice(0, FIRST_SHOWN).map((t, i) => `  ${i + 1}. ${t}`));
    if (first.length > FIRST_SHOWN) lines.push(`  ${w.more(first.length - FIRST_SHOWN)}`);
  } else lines.push('', w.allFine(totals.sheets));
  return lines.join('\n');
}

/** The JSON of the contract: `{ files: [ { file, error, sheets: [report] } ] }`, with the sheets not checked and the totals beside. */
export function batchJson(files: FileCheck[]): object {
  return {
    files: files.map((f) => ({ file: f.file, error: f.error, sheets: f.sheets, unchecked: f.unchecked })),
    totals: totalsOf(files),
  };
}
