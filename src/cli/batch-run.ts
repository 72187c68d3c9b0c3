/**
 * The folder check as a command: the workbooks found, checked over the cores (./pool) with a
 * progress line on a terminal, Ctrl-C ending it with what was done, then the report (./batch).
 */
import { displayWidth, type Locale, type Scheme } from '../engine';
import { withBarChart } from '../hosts/file/chart';
import { checkOutput, writeOutput } from '../hosts/file/output';
import { summaryBook } from '../hosts/file/summary-book';
import { BatchRefused, batchExitCode, batchJson, type FileCheck, renderBatch, shownName, workbooksToRead } from './batch';
import { batchWords } from './batch-words';
import { checkFiles, defaultJobs } from './pool';
import { terminalSafe } from './terminal';

export interface BatchRequest {
  paths: string[];
  scheme: Scheme | undefined;
  json: boolean;
  jobs: string | undefined;
  locale: Locale;
  /** The summary workbook to write (checked by the caller: .xlsx, its folder there), and whether it may replace a file. */
  out: string | undefined;
  force: boolean;
}

/** The summary workbook's bytes: 汇总 and 问题清单 by exceljs, the chart written into the package after. */
export async function summaryBytes(files: FileCheck[], locale: Locale): Promise<Buffer> {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}`;
  const { wb, chart } = summaryBook(files, batchWords(locale).book, when);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return chart ? withBarChart(bytes, chart) : bytes;
}

/**
 * One line on stderr, rewritten in place, only when stderr is a terminal (or KAOHE_PROGRESS=1, for
 * a script that shows it itself, and the test that stops a run half-way).
 */
function progressLine(total: number, locale: Locale): ((done: number, file: string) => void) | undefined {
  const tty = process.stderr.isTTY || process.env.KAOHE_PROGRESS === '1';
  if (!tty) return undefined;
  const w = batchWords(locale);
  const started = Date.now();
  return (done, file) => {
    const per = (Date.now() - started) / done;
    const left = done < total ? w.seconds(Math.max(1, Math.round((per * (total - done)) / 1000))) : null;
    const text = terminalSafe(w.progress(done, total, file, left), true);
    const width = process.stderr.columns ?? 80;
    // The line is cut to the terminal's width (CJK counts twice), so that \r rewrites one line.
    let cut = '';
    let used = 0;
    for (const ch of text) {
      used += displayWidth(ch);
      if (used >= width) break;
      cut += ch;
    }
    process.stderr.write(`\r\x1b[K${cut}${done === total ? '\r\x1b[K' : ''}`);
  };
}

export async function runBatch(req: BatchRequest, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const w = batchWords(req.locale);
  let jobs: number | undefined;
  if (req.jobs !== undefined) {
    jobs = Number(req.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new BatchRefused(w.badJobs(req.jobs));
  }
  const files = workbooksToRead(req.paths, w);
  // The summary never replaces one of the workbooks it reads.
  if (req.out !== undefined) checkOutput(req.out, files, req.force);
  const stop: { requested: boolean; onStop?: () => void } = { requested: false };
  const onSignal = () => {
    stop.requested = true;
    stop.onStop?.();
  };
  process.once('SIGINT', onSignal);
  let run;
  try {
    run = await checkFiles(
      files,
      { scheme: req.scheme, locale: req.locale, jobs: jobs ?? defaultJobs(files.length), onDone: progressLine(files.length, req.locale) },
      stop,
    );
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
  // Not stopped but not done: every worker died; each file left says so rather than vanishing.
  const gone = (file: string): FileCheck => ({ file, error: w.workerGone, sheets: [], unchecked: [], summaries: [] });
  const done = run.stopped ? run.results.filter((r): r is FileCheck => r !== null) : run.results.map((r, i) => r ?? gone(files[i]!));
  if (run.stopped && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const base = req.paths.length === 1 && files[0] !== req.paths[0] ? req.paths[0] : undefined;
  const written = req.out !== undefined && !run.stopped && done.length > 0;
  const shown = base === undefined ? done : done.map((f) => ({ ...f, file: shownName(f.file, base) }));
  if (written) await writeOutput(req.out!, () => summaryBytes(shown, req.locale), req.force);
  io.out(
    req.json
      ? JSON.stringify({ ...batchJson(done), ...(written && { output: { file: req.out } }) }, null, 2)
      : `${renderBatch(done, req.locale, base)}${written ? `\n\n${w.wroteBook(req.out!)}` : ''}`,
  );
  if (run.stopped) {
    io.err(w.interrupted(done.length, files.length));
    return 2;
  }
  return done.length === 0 ? 2 : batchExitCode(done);
}
