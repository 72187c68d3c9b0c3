/**
 * The `kaohe` command (contract: ../shared/design/cli-contract.md). Thin: it opens files, runs
 * the use cases (src/app: the same scheme choice, check and plan as the task pane) and prints. Every failure to run becomes
 * one line on stderr and exit code 2; problems in the sheet are the report's business.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyseSheet, analysisSentence, formsOf, planFor, prepareYear, storedSchemeOf, type Analysis, type StoredProblem } from '../app';
import { registerEnglish } from '../app/english';
import { editScheme } from '../app/scheme-edit';
import { appWords } from '../app/words';
import {
  checkScheme,
  compileScheme,
  describeScheme,
  describeWords,
  inferScheme,
  type Locale,
  localeFromTag,
  noFitSentence,
  parseSetting,
  periodLabel,
  quarterlyForm,
  quarterOf,
  type Results,
  type Scheme,
  SchemeError,
  schemeErrorText,
  schemeChanges,
  schemeJsonSchema,
  SettingError,
  toAnnualReport,
  words,
} from '../engine';
import { addFormSheet } from '../hosts/file/forms';
import { LimitError } from '../hosts/file/limits';
import { checkOutput, OutputError, writeOutput } from '../hosts/file/output';
import { copyInPackage, CopyError } from '../hosts/file/copy';
import { applyPlan, copyBytes, issueMarks, markIssues, partsLostInCopy } from '../hosts/file/write';
import { formulaCells } from '../hosts/file/legacy';
import { convertToXlsx, ConvertError, findSoffice } from '../hosts/file/libreoffice';
import { nameFormulas, type XlsHeld, xlsHeld } from '../hosts/file/xls-held';
import { xlsxHeld } from '../hosts/file/xlsx-held';
import { openWorkbook, type OpenedWorkbook, readBytes, readWorkbook, WorkbookError, type ReadWorkbook } from '../hosts/file/xlsx';
import { comparedWithCopy, type FromXls, fromXlsWords, renderFromXls } from './from-xls';
import { allPresets, PRESET_IDS, preset, registerSchemeValidator, schemeFromText } from '../schemes';
import { gradeFolder } from './batch-grade';
import { BatchRefused } from './batch';
import { runBatch } from './batch-run';
import { batchWords } from './batch-words';
import { changesFromPreset, reportOf, storedProblemText, workbookSource } from './open';
import { jsonSafe, terminalSafe } from './terminal';
import { renderAnnual, renderReport, renderWritten, writtenSummary } from './text';
import { cliWords, type CliWords } from './words';
import { collectBetweenSteps } from './memory';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
};

/** A reason the command cannot run: one line, exit code 2. */
class CannotRun extends Error {}

const OPTIONS = {
  sheet: { type: 'string' },
  scheme: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  out: { type: 'string' },
  formulas: { type: 'boolean', default: false },
  'no-marks': { type: 'boolean', default: false },
  sheets: { type: 'string' },
  infer: { type: 'boolean', default: false },
  set: { type: 'string', multiple: true },
  id: { type: 'string' },
  name: { type: 'string' },
  force: { type: 'boolean', default: false },
  jobs: { type: 'string' },
  'out-dir': { type: 'string' },
  'via-libreoffice': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function resolveScheme(arg: string, w: CliWords, locale: Locale): Scheme {
  const p = preset(arg);
  if (p) return p;
  if (!existsSync(arg) || !statSync(arg).isFile()) throw new CannotRun(w.unknownScheme(arg, [...PRESET_IDS]));
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch {
    throw new CannotRun(w.schemeUnreadable(arg));
  }
  try {
    return schemeFromText(text, locale);
  } catch (e) {
    if (e instanceof SchemeError) throw new CannotRun(w.schemeFile(arg, schemeErrorText(e, locale)));
    throw e;
  }
}

/** A stored scheme that is to be used but cannot be stops the command: a silent substitute could be the wrong scheme. */
function refuseBrokenStored(problem: StoredProblem | null | undefined, w: CliWords, locale: Locale): void {
  const why = storedProblemText(problem, w, locale);
  if (why !== null) throw new CannotRun(why);
}

/** What the scheme command reads of the options. */
interface Values {
  json: boolean;
  set?: string[] | undefined;
  id?: string | undefined;
  name?: string | undefined;
}

interface Options {
  sheet?: string;
  sheets?: string;
  scheme?: string;
  json: boolean;
  out?: string;
  formulas: boolean;
  'no-marks': boolean;
  force: boolean;
  'via-libreoffice': boolean;
}

interface Loaded<B extends ReadWorkbook> {
  opened: B;
  analysis: Analysis;
}

/**
 * Opens the workbook (`open`: to read only, or to write a copy too) and analyses it as every entry
 * point does (src/app): the sheet and the scheme chosen, then checked. What check and grade share.
 */
async function load<B extends ReadWorkbook>(
  file: string | undefined,
  values: Options,
  locale: Locale,
  open: (file: string) => Promise<B>,
): Promise<Loaded<B>> {
  const w = cliWords(locale);
  if (!file) throw new CannotRun(w.needFile);
  const option = values.scheme !== undefined ? resolveScheme(values.scheme, w, locale) : undefined;
  const opened = await open(file);
  if (!opened.sheets.some((x) => x.visible)) throw new WorkbookError('empty', file);
  const book = await workbookSource(opened);
  if (!option) refuseBrokenStored(storedSchemeOf(book, locale).problem, w, locale);
  const outcome = analyseSheet(book, { scheme: option, sheet: values.sheet, locale });
  if (!outcome.ok) {
    if (outcome.problem === 'unknown-sheet') throw new CannotRun(w.unknownSheet(outcome.sheet, outcome.names));
    if (outcome.problem === 'no-fit') throw new CannotRun(w.noFit(noFitSentence(outcome.closest, locale), file));
    if (outcome.problem === 'forms') throw new CannotRun(appWords(locale).forms(outcome.unread, outcome.people, outcome.partial));
    throw new CannotRun(outcome.sheet !== undefined ? w.noRoster(outcome.sheet) : w.noRosterAnywhere(file));
  }
  const { analysis } = outcome;
  if (analysis.results.people.length === 0) throw new CannotRun(w.noPeople(analysis.sheet, analysis.results.table.headerBottom));
  return { opened, analysis };
}

/** How the scheme was chosen, and under it what a changed copy of a preset changed. */
function schemeLines(a: Analysis, locale: Locale): string {
  const changes = changesFromPreset(a.scheme, locale);
  const sentence = analysisSentence(a, locale);
  if (!changes || changes.length === 0) return sentence;
  const w = cliWords(locale);
  if (changes.length === 1) return `${sentence}\n  ${w.comparedWith(a.scheme.basedOn!, 1)}${changes[0]}`;
  return [sentence, `  ${w.comparedWith(a.scheme.basedOn!, changes.length)}`, ...changes.map((c) => `    ${c}`)].join('\n');
}

const exitCode = (r: Results): number => (r.issues.some((i) => i.severity === 'error') ? 1 : 0);

async function check(file: string | undefined, values: Options, locale: Locale, io: Io): Promise<number> {
  const { analysis } = await load(file, values, locale, readWorkbook);
  const report = reportOf(analysis, locale);
  io.out(values.json ? JSON.stringify(report, null, 2) : renderReport(report, file!, schemeLines(analysis, locale), locale));
  return exitCode(analysis.results);
}

/** A workbook opened to be graded: an .xlsx as read (its copy is its own package), an .xls with exceljs's model of it too. */
type ToGrade = ReadWorkbook & Partial<Pick<OpenedWorkbook, 'wb'>>;

/**
 * Opens the workbook to grade: an .xlsx only to read (the copy is written into its own package,
 * ../hosts/file/copy), an .xls with exceljs's model too (the copy is a new .xlsx written from it).
 */
async function openToGrade(file: string): Promise<ToGrade> {
  // The XML the read inflates is kept for the copy (up to a size): the graded sheet's is not inflated twice.
  const read = await readWorkbook(file, { keepTexts: true });
  return read.format === 'xlsx' || 'wb' in read ? read : openWorkbook(file);
}

async function grade(file: string | undefined, values: Options, locale: Locale, io: Io): Promise<number> {
  if (!values['via-libreoffice']) return gradeOpened(file, values, locale, io, openToGrade, null);
  const w = cliWords(locale);
  const xw = fromXlsWords(locale);
  if (!file) throw new CannotRun(w.needFile);
  checkOut(file, values.out, values.force, w);
  const soffice = findSoffice();
  if (!soffice) throw new CannotRun(xw.noLibreOffice);
  // The file is read (and its size checked) before LibreOffice is given it; an .xlsx has nothing to convert.
  const original = readBytes(file);
  if (original.subarray(0, 4).equals(ZIP_MAGIC)) throw new CannotRun(xw.viaOnlyXls(file));
  let converted;
  try {
    converted = await convertToXlsx(soffice, file);
  } catch (e) {
    if (e instanceof ConvertError) throw new CannotRun(xw.convertFailed(file, e.problem, e.detail));
    throw e;
  }
  try {
    return await gradeOpened(file, values, locale, io, () => openWorkbook(converted.path), original);
  } finally {
    converted.cleanup();
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** What an .xls (`original`, or the input itself) held, the formulas using its names included; null for an .xlsx input. Read before anything is written. */
function heldByXls(opened: ToGrade, original: Buffer | null): XlsHeld | null {
  const xls = original ?? (opened.format === 'legacy' ? opened.data : null);
  if (!xls || !opened.wb) return null;
  const held = xlsHeld(xls);
  const formulas = nameFormulas(held.names, formulaCells(opened.wb));
  if (formulas) held.kinds.splice(held.kinds.findIndex((k) => k.kind === 'names') + 1, 0, formulas);
  return held;
}

/** What the .xls held against the copy written (its bytes); the copy is not read when the .xls held nothing to look for. */
async function againstCopy(held: XlsHeld, copy: Buffer, by: FromXls['convertedBy'], sheets: number, locale: Locale): Promise<FromXls> {
  const nothing = held.biff && held.kinds.length === 0;
  const found = nothing ? { counts: new Map(), sheets: new Map(), notes: new Set<string>(), names: [] } : await xlsxHeld(copy);
  return comparedWithCopy(held, found, by, sheets, locale);
}

/** `grade` on a workbook opened by `open`: the input's own, or LibreOffice's .xlsx of it (`original` then the .xls's bytes). */
async function gradeOpened(
  file: string | undefined,
  values: Options,
  locale: Locale,
  io: Io,
  open: (file: string) => Promise<ToGrade>,
  original: Buffer | null,
): Promise<number> {
  const w = cliWords(locale);
  const out = checkOut(file, values.out, values.force, w);
  const { opened, analysis } = await load(file, values, locale, open);
  // A form's grade is a box ticked or a word in a sentence on paper: kaohe checks forms, and writes into none.
  if (analysis.forms) throw new CannotRun(w.formsNoGrade(analysis.forms.sheets.length));
  const { results, scheme, sheet } = analysis;
  const rows = results.people.length;
  collectBetweenSteps(rows);
  const plan = planFor(analysis, { formulas: values.formulas });
  collectBetweenSteps(rows);
  const q = quarterOf(sheet);
  const form = quarterlyForm(scheme, [{ label: q ? periodLabel(q, 'zh') : sheet, results }]);
  // What an .xls held, read before anything is written, to be set against the copy as written.
  const held = heldByXls(opened, original);
  let written;
  let bytes: Buffer | null = null;
  if (opened.format === 'xlsx') {
    // The workbook's own package (or LibreOffice's .xlsx of an .xls), only the cells written changed.
    const marks = values['no-marks'] ? new Map() : issueMarks(results.issues, locale);
    const copy = await copyInPackage(opened.data, {
      graded: { sheet, plan, marks },
      forms: [form],
      betweenSteps: () => collectBetweenSteps(rows),
      texts: opened.texts,
      positions: opened.positions,
    });
    await writeOutput(out, async () => (bytes = copy.bytes), values.force);
    written = writtenSummary(plan, out, marks.size, [], copy.formSheets, copy.unnoted);
    collectBetweenSteps(rows);
  } else {
    const wb = opened.wb!;
    const ws = wb.worksheets.find((x) => x.name === sheet)!;
    applyPlan(ws, plan);
    const marked = values['no-marks'] ? 0 : markIssues(ws, results.issues, locale);
    const formSheets = [addFormSheet(wb, form)];
    const lost = await partsLostInCopy(opened.data, opened.format);
    await writeOutput(out, async () => (bytes = await copyBytes(wb)), values.force);
    written = writtenSummary(plan, out, marked, lost, formSheets);
  }
  const xls = held && bytes ? await againstCopy(held, bytes, original ? 'libreoffice' : 'kaohe', opened.sheets.length, locale) : null;
  const report = reportOf(analysis, locale);
  const xlsLines = xls ? renderFromXls(xls, locale, !original && findSoffice() !== null) : [];
  io.out(
    values.json
      ? JSON.stringify({ ...report, output: xls ? { ...written, fromXls: xls } : written }, null, 2)
      : `${renderReport(report, file!, schemeLines(analysis, locale), locale)}\n\n${renderWritten(written, locale, xlsLines)}`,
  );
  return exitCode(results);
}

/** Where the copy goes: an .xlsx that is not the input, in a folder that exists, not replacing a file unless --force (./output). */
function checkOut(file: string | undefined, out: string | undefined, force: boolean, w: CliWords): string {
  if (!out) throw new CannotRun(w.needOut);
  if (!/\.xlsx$/i.test(out)) throw new CannotRun(w.outNotXlsx(out));
  checkOutput(out, file ? [file] : [], force);
  return out;
}

/**
 * `kaohe annual`: the quarterly sheets (by name, or --sheets), each checked with the scheme, rolled
 * up by the scheme's annual rules; with --out, a copy with the two summary forms added.
 */
async function annual(file: string | undefined, values: Options, locale: Locale, io: Io): Promise<number> {
  const w = cliWords(locale);
  if (!file) throw new CannotRun(w.needFile);
  const out = values.out === undefined ? undefined : checkOut(file, values.out, values.force, w);
  const option = values.scheme !== undefined ? resolveScheme(values.scheme, w, locale) : undefined;
  // The copy of an .xlsx is written into its own package; that of an .xls needs exceljs's model of it.
  const opened = out ? await openToGrade(file) : await readWorkbook(file);
  if (!opened.sheets.some((x) => x.visible)) throw new WorkbookError('empty', file);
  const book = await workbookSource(opened);
  if (!option) refuseBrokenStored(storedSchemeOf(book, locale).problem, w, locale);
  const sheets = values.sheets
    ?.split(/[,，]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const rolled = prepareYear(book, { scheme: option, sheets, locale });
  if (rolled.kind === 'unknown-sheet') throw new CannotRun(w.unknownSheet(rolled.sheet, rolled.names));
  if (rolled.kind === 'no-periods') throw new CannotRun(w.noPeriods(file));
  if (rolled.kind === 'no-roster') throw new CannotRun(w.noRoster(rolled.sheet));
  if (rolled.kind === 'no-fit') throw new CannotRun(w.noFit(noFitSentence(rolled.closest, locale), file));
  if (rolled.kind === 'no-annual-rules') throw new CannotRun(w.noAnnualRules(rolled.scheme));
  const a = rolled.year;
  const year = toAnnualReport(a, locale);
  // The engine's words are the same for every host; the command line adds what its own flags can do.
  const report = {
    ...year,
    issues: year.issues.map((i) =>
      i.rule === 'annual-missing-period' && i.cell === null ? { ...i, fix: `${i.fix}${w.missingPeriodsHint}` } : i,
    ),
  };
  let formSheets: string[] = [];
  let xls: FromXls | null = null;
  if (out && opened.format === 'xlsx') {
    const copy = await copyInPackage(opened.data, { forms: rolled.forms });
    formSheets = copy.formSheets;
    await writeOutput(out, async () => copy.bytes, values.force);
  } else if (out) {
    const legacy = opened as OpenedWorkbook;
    const wb = legacy.wb;
    const held = heldByXls(legacy, null);
    formSheets = rolled.forms.map((f) => addFormSheet(wb, f));
    let bytes: Buffer | null = null;
    await writeOutput(out, async () => (bytes = await copyBytes(wb)), values.force);
    // An .xls's copy: what it held that the copy lacks, as grade says it.
    if (held && bytes) xls = await againstCopy(held, bytes, 'kaohe', legacy.sheets.length, locale);
  }
  const output = out ? { file: out, sheets: formSheets, ...(xls && { fromXls: xls }) } : null;
  if (values.json) io.out(JSON.stringify(output ? { ...report, output } : report, null, 2));
  else
    io.out(
      renderAnnual(report, locale) +
        (out ? `\n\n${w.wroteForms(out, formSheets)}` : '') +
        (xls
          ? renderFromXls(xls, locale, false)
              .map((l) => `\n  ${l}`)
              .join('')
          : ''),
    );
  return report.issues.some((i) => i.severity === 'error') ? 1 : 0;
}

/** Several workbooks, or a folder: the folder check (./batch-run). */
function isBatch(paths: string[]): boolean {
  if (paths.length > 1) return true;
  try {
    return paths.length === 1 && statSync(paths[0]!).isDirectory();
  } catch {
    return false;
  }
}

async function batch(
  command: string,
  paths: string[],
  values: Options & { jobs?: string; 'out-dir'?: string },
  locale: Locale,
  io: Io,
): Promise<number> {
  const w = cliWords(locale);
  const bw = batchWords(locale);
  if (command !== 'check' && command !== 'grade') throw new CannotRun(bw.onlyCheck);
  if (values.sheet !== undefined) throw new CannotRun(bw.noSheetInBatch);
  const scheme = values.scheme !== undefined ? resolveScheme(values.scheme, w, locale) : undefined;
  try {
    if (command === 'grade') {
      const outDir = values['out-dir'];
      if (outDir === undefined) throw new CannotRun(bw.needOutDir);
      // Each file exactly as `kaohe grade FILE --out COPY --json` grades it, its failure as its one line.
      const gradeOne = async (file: string, out: string) => {
        let text = '';
        let err = '';
        const quiet: Io = { out: (s) => (text += s), err: (s) => (err += s) };
        try {
          return { code: await grade(file, { ...values, out, json: true }, locale, quiet), out: text, err };
        } catch (e) {
          return { code: 2, out: '', err: failureText(e, w, file) };
        }
      };
      return await gradeFolder({ paths, outDir, scheme, json: values.json, force: values.force, locale, gradeOne }, io);
    }
    const out = values.out !== undefined ? checkOut(undefined, values.out, values.force, w) : undefined;
    return await runBatch({ paths, scheme, json: values.json, jobs: values.jobs, locale, out, force: values.force }, io);
  } catch (e) {
    if (e instanceof BatchRefused) throw new CannotRun(e.message);
    throw e;
  }
}

/** Why a command could not run, in one line. */
function failureText(e: unknown, w: CliWords, file: string): string {
  if (e instanceof CannotRun) return e.message;
  if (e instanceof WorkbookError) return w.workbook(e);
  if (e instanceof OutputError) return w.output(e);
  if (e instanceof LimitError) return w.limit(e, file);
  if (e instanceof CopyError) return w.copyRefused(e, file);
  return w.internal(e instanceof Error ? e.message : String(e));
}

function presets(json: boolean, locale: Locale, io: Io): number {
  const all = allPresets();
  if (json) {
    io.out(
      JSON.stringify(
        all.map((s) => ({ id: s.id, name: s.name, nameEn: s.nameEn ?? null, source: s.source ?? null })),
        null,
        2,
      ),
    );
    return 0;
  }
  const width = Math.max(...all.map((s) => s.id.length));
  io.out(all.map((s) => `${s.id.padEnd(width)}  ${locale === 'en' ? (s.nameEn ?? s.name) : s.name}`).join('\n'));
  return 0;
}

function schemeCommand(arg: string | undefined, values: Values, locale: Locale, io: Io): number {
  const w = cliWords(locale);
  if (!arg) throw new CannotRun(w.needScheme);
  const base = resolveScheme(arg, w, locale);
  if (values.set !== undefined) return editCommand(base, values, locale, io);
  const issues = checkScheme(compileScheme(base));
  if (values.json) {
    io.out(
      JSON.stringify(
        { scheme: base.id, issues: issues.map((i) => ({ severity: i.severity, rule: i.rule, ...words(i, locale) })) },
        null,
        2,
      ),
    );
    return 0;
  }
  const described = describeScheme(base, locale).flatMap((sec) => [`${sec.title}`, ...sec.lines.map((l) => `  ${l.text}`)]);
  const verdict =
    issues.length === 0
      ? [w.schemeOk(base.id)]
      : [w.schemeProblems(base.id, issues.length), ...issues.map((i) => `  - ${words(i, locale).message}（${words(i, locale).fix}）`)];
  io.out([...described, '', ...verdict].join('\n'));
  return 0;
}

/**
 * `kaohe scheme <id|file> --set …`: the changed scheme as JSON on stdout (to be saved and given
 * back with --scheme), what changed against the preset it is based on and the scheme's own check
 * on stderr, so that redirecting stdout gives a clean file.
 */
function editCommand(base: Scheme, values: Values, locale: Locale, io: Io): number {
  const w = cliWords(locale);
  const dw = describeWords(locale);
  let edited: Scheme;
  try {
    edited = editScheme(base, { settings: (values.set ?? []).map(parseSetting), id: values.id, name: values.name, locale });
  } catch (e) {
    if (e instanceof SettingError) throw new CannotRun(w.badSetting(settingText(e, locale)));
    if (e instanceof SchemeError) throw new CannotRun(w.badSetting(schemeErrorText(e, locale, Infinity)));
    throw e;
  }
  const against = (edited.basedOn !== undefined ? preset(edited.basedOn) : undefined) ?? base;
  const changes = schemeChanges(against, edited, locale);
  const said = changes.map((c) =>
    c.before === null ? dw.added(c.after!) : c.after === null ? dw.removed(c.before) : dw.changed(c.after, c.before),
  );
  const issues = checkScheme(compileScheme(edited));
  io.out(`${JSON.stringify(edited, null, 2)}\n`);
  io.err(
    [
      changes.length === 0 ? w.schemeUnchanged(edited.id) : w.schemeEdited(edited.id, edited.basedOn ?? null, changes.length),
      ...said.map((t) => `  ${t}`),
      issues.length === 0
        ? w.schemeOk(edited.id)
        : [
            w.schemeProblems(edited.id, issues.length),
            ...issues.map((i) => `  - ${words(i, locale).message}（${words(i, locale).fix}）`),
          ].join('\n'),
    ].join('\n'),
  );
  return 0;
}

function settingText(e: SettingError, locale: Locale): string {
  const said = describeWords(locale).setting as Record<string, (p: SettingError['problem']) => string>;
  return said[e.problem.code]!(e.problem);
}

/**
 * `kaohe scheme --infer`: the sheet's own scheme (the sheet asked for, else the first visible one
 * from which one can be inferred), printed as JSON to be saved, edited and given back with --scheme.
 */
async function inferCommand(file: string | undefined, sheet: string | undefined, locale: Locale, io: Io): Promise<number> {
  const w = cliWords(locale);
  if (!file) throw new CannotRun(w.needFileInfer);
  const opened = await readWorkbook(file);
  const visible = opened.sheets.filter((x) => x.visible);
  if (visible.length === 0) throw new WorkbookError('empty', file);
  let candidates = visible;
  if (sheet !== undefined) {
    const named = opened.sheets.find((x) => x.name === sheet);
    if (!named)
      throw new CannotRun(
        w.unknownSheet(
          sheet,
          opened.sheets.map((x) => x.name),
        ),
      );
    candidates = [named];
  }
  // A workbook of per-person forms: the scheme the roster of their persons states.
  if (sheet === undefined) {
    const forms = formsOf({ sheets: opened.sheets, settings: null, settingsBroken: false }, new Map());
    if (forms.kind === 'unreadable') throw new CannotRun(appWords(locale).forms(forms.unread, forms.people, false));
    const s = forms.kind === 'forms' ? inferScheme(forms.roster.grid) : null;
    if (s) {
      io.out(JSON.stringify(s, null, 2));
      return 0;
    }
  }
  for (const src of candidates) {
    const s = inferScheme(src.grid());
    if (s) {
      io.out(JSON.stringify(s, null, 2));
      return 0;
    }
  }
  throw new CannotRun(sheet !== undefined ? w.nothingToInfer(sheet) : w.nothingToInferAnywhere(file));
}

export async function main(argv: string[], rawIo: Io = defaultIo): Promise<number> {
  // Schemes from files, workbooks and inference are validated (the task pane loads this on demand; the command line at once).
  registerSchemeValidator();
  registerEnglish();
  // Every text kaohe prints passes here: what a workbook or a file name holds never reaches the terminal raw (./terminal).
  let json = false;
  const io: Io = {
    out: (s) => rawIo.out(json ? jsonSafe(s) : terminalSafe(s)),
    err: (s) => rawIo.err(terminalSafe(s, true)),
  };
  let locale: Locale = localeFromTag(argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined);
  let w = cliWords(locale);
  let file: string | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new CannotRun(w.badArgs(e instanceof Error ? e.message : String(e)));
    }
    const { values, positionals } = parsed;
    json = values.json;
    if (values.lang !== undefined && !['zh', 'en', 'zh-CN', 'en-US'].includes(values.lang))
      throw new CannotRun(w.badArgs(`--lang ${values.lang}`));
    locale = localeFromTag(values.lang);
    w = cliWords(locale);
    const [command, ...rest] = positionals;
    file = rest[0];
    if (values.help || command === undefined || command === 'help') {
      io.out(w.usage);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (values['via-libreoffice'] && command !== 'grade') throw new CannotRun(fromXlsWords(locale).viaOnlyGrade);
    switch (command) {
      case 'presets':
        return presets(values.json, locale, io);
      case 'check':
      case 'grade':
        if (isBatch(rest)) return await batch(command, rest, values, locale, io);
        if (rest.length > 1) throw new CannotRun(w.badArgs(rest.slice(1).join(' ')));
        return command === 'check' ? await check(rest[0], values, locale, io) : await grade(rest[0], values, locale, io);
      case 'annual':
        if (rest.length > 1) throw new CannotRun(batchWords(locale).onlyCheck);
        return await annual(rest[0], values, locale, io);
      case 'scheme':
        if (values.infer) return await inferCommand(rest[0], values.sheet, locale, io);
        return schemeCommand(rest[0], values, locale, io);
      case 'json-schema': {
        const text = `${JSON.stringify(schemeJsonSchema(), null, 2)}\n`;
        if (values.out) {
          checkOutput(values.out, [], values.force);
          await writeOutput(values.out, async () => Buffer.from(text, 'utf8'), values.force);
        } else io.out(text);
        return 0;
      }
      default:
        throw new CannotRun(w.unknownCommand(command));
    }
  } catch (e) {
    io.err(failureText(e, w, file ?? ''));
    return 2;
  }
}
