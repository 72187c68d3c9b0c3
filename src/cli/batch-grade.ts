/**
 * `kaohe grade <folder|workbook>… --out-dir <folder>`: each workbook graded as `kaohe grade FILE --out
 * COPY` grades it, the copy under the output folder at the same place as the input under its folder
 * (always .xlsx), never replacing a file unless --force; the inputs are never written. Then the
 * summary workbook of the folder check beside the copies (汇总.xlsx). One file after another: the
 * writing of each copy is the command's own (its safe output, its limits).
 */
import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { CheckReport, Locale, Scheme } from '../engine';
import { checkOutput, writeOutput } from '../hosts/file/output';
import { BatchRefused, checkFile, type FileCheck, isUnder, shownName, workbooksToRead } from './batch';
import { batchWords } from './batch-words';
import { summaryBytes } from './batch-run';
import { table } from './text';

/** What grading one file gave: its report (with `output`), or why it could not be graded. */
export interface GradedFile {
  file: string;
  out: string;
  error: string | null;
  report: (CheckReport & { output?: { file: string; writes?: unknown[]; hiddenRows?: number[] } }) | null;
  code: number;
}

export interface GradeFolderRequest {
  paths: string[];
  outDir: string;
  scheme: Scheme | undefined;
  json: boolean;
  force: boolean;
  locale: Locale;
  /** `kaohe grade FILE --out OUT --json` in this process: its exit code and what it printed. */
  gradeOne: (file: string, out: string) => Promise<{ code: number; out: string; err: string }>;
}

const SUMMARY = '汇总.xlsx';

/** Where a file's copy goes: its path under the folder it was found in, else its name, as .xlsx. */
function copyPath(file: string, dirs: string[], outDir: string): string {
  const found = dirs.find((d) => isUnder(d, file));
  const rel = found ? relative(found, file) : basename(file);
  return join(outDir, rel.replace(/\.(xlsx|xlsm|xls)$/i, '') + '.xlsx');
}

export async function gradeFolder(req: GradeFolderRequest, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const w = batchWords(req.locale);
  const outDir = resolve(req.outDir);
  const dirs = req.paths.filter((p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false; // not there: the file's own line says so
    }
  });
  // The copies never land among the inputs: a second run would read them as units of their own.
  const inside = dirs.find((p) => isUnder(resolve(p), outDir) || resolve(p) === outDir);
  if (inside !== undefined) throw new BatchRefused(w.outDirInside(req.outDir, inside));
  const files = workbooksToRead(req.paths, w);
  const outs = files.map((f) => copyPath(f, dirs, outDir));
  if (new Set(outs).size < outs.length) throw new BatchRefused(w.sameCopy);
  // Every copy and the summary are checked before anything is written: a name taken stops the run, not half of it.
  mkdirSync(outDir, { recursive: true });
  for (const out of [...outs, join(outDir, SUMMARY)]) {
    mkdirSync(dirname(out), { recursive: true });
    checkOutput(out, files, req.force);
  }

  const graded: GradedFile[] = [];
  const checked: FileCheck[] = [];
  for (const [i, file] of files.entries()) {
    const run = await req.gradeOne(file, outs[i]!);
    const report = run.out.trim() ? (JSON.parse(run.out) as GradedFile['report']) : null;
    graded.push({ file, out: outs[i]!, error: report ? null : run.err.trim(), report, code: run.code });
    // The summary's lines, from the same check of the input the copy was graded by.
    checked.push(
      report ? await checkFile(file, req.scheme, req.locale) : { file, error: run.err.trim(), sheets: [], unchecked: [], summaries: [] },
    );
  }
  const base = dirs.length === 1 ? dirs[0] : undefined;
  const shown = base === undefined ? checked : checked.map((f) => ({ ...f, file: shownName(f.file, base) }));
  const summary = join(outDir, SUMMARY);
  await writeOutput(summary, () => summaryBytes(shown, req.locale), req.force);

  if (req.json)
    io.out(
      JSON.stringify(
        { files: graded.map(({ file, out, error, report }) => ({ file, out: report ? out : null, error, report })), summary },
        null,
        2,
      ),
    );
  else {
    const rows = graded.map((g) => [
      base ? shownName(g.file, base) : g.file,
      g.report ? relative(outDir, g.out) : '—',
      g.report
        ? w.gradedLine(g.report.sheet, g.report.summary.people, g.report.summary.errors, g.report.output?.hiddenRows)
        : (g.error ?? ''),
    ]);
    io.out(
      [
        w.gradedHeading(graded.filter((g) => g.report).length, files.length, req.outDir),
        '',
        ...table([w.gradeCols, ...rows]),
        '',
        w.wroteBook(summary),
      ].join('\n'),
    );
  }
  if (graded.every((g) => !g.report)) return 2;
  return graded.some((g) => g.code !== 0) ? 1 : 0;
}
