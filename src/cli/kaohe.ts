/**
 * The `kaohe` command (contract: ../shared/design/cli-contract.md). Thin: it opens files,
 * picks the sheet and the scheme, runs the engine and prints. Every failure to run becomes
 * one line on stderr and exit code 2; problems in the sheet are the report's business.
 */
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { checkGrid, detectScheme, findRoster } from '../engine';
import type { Grid } from '../engine/grid';
import { localeFromTag, type Locale } from '../engine/report/locale';
import { words } from '../engine/report/messages';
import { toReport } from '../engine/report/report';
import { checkScheme } from '../engine/scheme/check';
import { compileScheme } from '../engine/scheme/fields';
import { SchemeError } from '../engine/scheme/load';
import { storedOverrides, type WorkbookSettings } from '../engine/settings';
import { readStoredSettings } from '../hosts/file/settings';
import { schemeJsonSchema, type Scheme } from '../engine/scheme/model';
import { allPresets, PRESET_IDS, preset, schemeFromText, storedScheme, UnknownPreset } from '../schemes';
import { openWorkbook, readWorkbook, WorkbookError, type ReadWorkbook, type SheetSource } from '../hosts/file/xlsx';
import { applyPlan, markIssues, partsLostInCopy, saveCopy } from '../hosts/file/write';
import { buildPlan } from '../engine/plan/plan';
import type { Results } from '../engine/results';
import { quarterlyForm } from '../engine/annual/forms';
import {
  findPeriodSheets,
  guessPeriodSheets,
  monthOf,
  periodLabel,
  periodUnit,
  quarterOf,
  type PeriodSheet,
} from '../engine/annual/periods';
import { toAnnualReport } from '../engine/annual/report';
import { rollUpYear, yearForms } from '../engine/annual/year';
import { addFormSheet } from '../hosts/file/forms';
import { renderAnnual, renderReport, renderWritten, writtenSummary } from './text';
import { cliWords, type CliWords } from './words';

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
    if (e instanceof SchemeError) {
      const sep = locale === 'zh' ? '；' : '; ';
      const more = e.problems.length > 3 ? (locale === 'zh' ? `（共 ${e.problems.length} 处）` : ` (${e.problems.length} in all)`) : '';
      throw new CannotRun(w.schemeFile(arg, e.problems.length > 0 ? e.problems.slice(0, 3).join(sep) + more : e.message));
    }
    throw e;
  }
}

interface Chosen {
  grid: Grid;
  scheme: Scheme;
  from: 'option' | 'workbook' | 'detected';
}

/** The scheme saved in the workbook by the task pane, if any; a broken record stops the command. */
async function storedIn(data: Buffer, w: CliWords, locale: Locale): Promise<{ scheme?: Scheme; settings?: WorkbookSettings }> {
  const stored = await readStoredSettings(data);
  if (!stored.found) return {};
  if (!stored.settings) throw new CannotRun(w.storedUnreadable);
  const raw = stored.settings.scheme;
  if (raw === undefined) return { settings: stored.settings };
  try {
    return { scheme: storedScheme(raw, locale), settings: stored.settings };
  } catch (e) {
    if (e instanceof UnknownPreset) throw new CannotRun(w.storedUnknownPreset(e.id));
    if (e instanceof SchemeError)
      throw new CannotRun(w.storedInvalid(e.problems.slice(0, 3).join(locale === 'zh' ? '；' : '; ') || e.message));
    throw e;
  }
}

/** The sheet and scheme to check: as given, or the first sheet with a roster and the preset that fits it best. */
function choose(
  book: SheetSource[],
  file: string,
  sheetArg: string | undefined,
  given: { scheme: Scheme; from: 'option' | 'workbook' } | undefined,
  w: CliWords,
): Chosen {
  const sheets =
    sheetArg !== undefined
      ? [book.find((ws) => ws.name === sheetArg || ws.name.trim() === sheetArg.trim())]
      : book.filter((ws) => ws.visible);
  if (sheets[0] === undefined)
    throw new CannotRun(
      w.unknownSheet(
        sheetArg!,
        book.map((ws) => ws.name),
      ),
    );
  for (const ws of sheets as SheetSource[]) {
    const grid = ws.grid();
    if (given) {
      if (findRoster(grid, given.scheme)) return { grid, ...given };
    } else {
      const found = detectScheme(grid, allPresets());
      if (found) return { grid, scheme: found, from: 'detected' };
    }
  }
  throw new CannotRun(sheetArg !== undefined ? w.noRoster(sheetArg) : w.noRosterAnywhere(file));
}

interface Options {
  sheet?: string;
  sheets?: string;
  scheme?: string;
  json: boolean;
  out?: string;
  formulas: boolean;
  'no-marks': boolean;
}

interface Loaded<B extends ReadWorkbook> {
  opened: B;
  chosen: Chosen;
  results: Results;
}

/**
 * Opens the workbook (`open`: to read only, or to write a copy too), picks the sheet and the
 * scheme, and checks it: what check and grade share.
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
  const stored = opened.format === 'xlsx' ? await storedIn(opened.data, w, locale) : {};
  const given = option
    ? { scheme: option, from: 'option' as const }
    : stored.scheme
      ? { scheme: stored.scheme, from: 'workbook' as const }
      : undefined;
  const chosen = choose(opened.sheets, file, values.sheet, given, w);
  const overrides = storedOverrides(stored.settings, chosen.grid.sheet, chosen.scheme);
  const results = checkGrid(chosen.grid, chosen.scheme, { overrides });
  if (!results) throw new CannotRun(w.noRoster(chosen.grid.sheet));
  if (results.people.length === 0) throw new CannotRun(w.noPeople(chosen.grid.sheet, results.table.headerBottom));
  return { opened, chosen, results };
}

const exitCode = (r: Results): number => (r.issues.some((i) => i.severity === 'error') ? 1 : 0);

async function check(file: string | undefined, values: Options, locale: Locale, io: Io): Promise<number> {
  const { chosen, results } = await load(file, values, locale, readWorkbook);
  const report = toReport(results, locale);
  io.out(values.json ? JSON.stringify(report, null, 2) : renderReport(report, file!, chosen.from, locale));
  return exitCode(results);
}

async function grade(file: string | undefined, values: Options, locale: Locale, io: Io): Promise<number> {
  const w = cliWords(locale);
  const out = checkOut(file, values.out, w);
  const { opened, chosen, results } = await load(file, values, locale, openWorkbook);
  const plan = buildPlan(results, chosen.grid, { formulas: values.formulas });
  const ws = opened.wb.worksheets.find((x) => x.name === chosen.grid.sheet)!;
  applyPlan(ws, plan);
  const marked = values['no-marks'] ? 0 : markIssues(ws, results.issues, locale);
  const q = quarterOf(chosen.grid.sheet);
  const formSheets = [
    addFormSheet(opened.wb, quarterlyForm(chosen.scheme, [{ label: q ? periodLabel(q, 'zh') : chosen.grid.sheet, results }])),
  ];
  const lost = await partsLostInCopy(opened.data, opened.format);
  try {
    await saveCopy(opened.wb, out);
  } catch (e) {
    throw new CannotRun(w.cannotWrite(out, e instanceof Error ? e.message : String(e)));
  }
  const written = writtenSummary(plan, out, marked, lost, formSheets);
  const report = toReport(results, locale);
  io.out(
    values.json
      ? JSON.stringify({ ...report, output: written }, null, 2)
      : `${renderReport(report, file!, chosen.from, locale)}\n\n${renderWritten(written, locale)}`,
  );
  return exitCode(results);
}

/** Where the copy goes: an .xlsx that is not the input, in a folder that exists. */
function checkOut(file: string | undefined, out: string | undefined, w: CliWords): string {
  if (!out) throw new CannotRun(w.needOut);
  if (!/\.xlsx$/i.test(out)) throw new CannotRun(w.outNotXlsx(out));
  if (file && existsSync(file) && existsSync(out) && realpathSync(out) === realpathSync(file)) throw new CannotRun(w.outIsInput);
  if (!existsSync(dirname(resolvePath(out)))) throw new CannotRun(w.outDirMissing(out));
  return out;
}

/**
 * `kaohe annual`: the quarterly sheets (by name, or --sheets), each checked with the scheme, rolled
 * up by the scheme's annual rules; with --out, a copy with the two summary forms added.
 */
async function annual(file: string | undefined, values: Options, locale: Locale, io: Io): Promise<number> {
  const w = cliWords(locale);
  if (!file) throw new CannotRun(w.needFile);
  const out = values.out === undefined ? undefined : checkOut(file, values.out, w);
  const option = values.scheme !== undefined ? resolveScheme(values.scheme, w, locale) : undefined;
  // A copy to write needs exceljs's model of the workbook; a report alone does not.
  const writable = out ? await openWorkbook(file) : null;
  const opened = writable ?? (await readWorkbook(file));
  const visible = opened.sheets.filter((x) => x.visible);
  if (visible.length === 0) throw new WorkbookError('empty', file);
  const stored = opened.format === 'xlsx' ? await storedIn(opened.data, w, locale) : {};

  let periods: PeriodSheet[];
  if (values.sheets !== undefined) {
    const asked = values.sheets
      .split(/[,，]/)
      .map((x) => x.trim())
      .filter((x) => x !== '');
    periods = asked.map((name, i) => {
      const ws = opened.sheets.find((x) => x.name === name || x.name.trim() === name);
      if (!ws)
        throw new CannotRun(
          w.unknownSheet(
            name,
            opened.sheets.map((x) => x.name),
          ),
        );
      const monthly = (option ?? stored.scheme)?.period.unit === 'month';
      return { sheet: ws.name, index: (monthly ? monthOf(ws.name) : quarterOf(ws.name)) ?? i + 1 };
    });
  } else {
    // The scheme, when known, says whether the year is in quarters or months; else quarters, failing them months.
    const known = option ?? stored.scheme;
    const names = visible.map((x) => x.name);
    periods = known ? findPeriodSheets(names, periodUnit(known)) : guessPeriodSheets(names).periods;
  }
  if (periods.length === 0) throw new CannotRun(w.noPeriods(file));

  const grids = new Map(periods.map((p) => [p.sheet, opened.sheets.find((x) => x.name === p.sheet)!.grid()]));
  const scheme = option ?? stored.scheme ?? detectScheme(grids.get(periods[0]!.sheet)!, allPresets());
  if (!scheme) throw new CannotRun(w.noRoster(periods[0]!.sheet));
  if (!scheme.annual) throw new CannotRun(w.noAnnualRules(scheme.id));
  const rolled = rollUpYear({
    scheme,
    periods: periods.map((p) => ({ ...p, grid: grids.get(p.sheet)! })),
    // The annual sheet, if any: another sheet with the columns the annual rules read, or annual grades.
    others: (function* () {
      for (const ws of visible) if (!grids.has(ws.name)) yield ws.grid();
    })(),
    overrides: (sheet) => storedOverrides(stored.settings, sheet, scheme),
  });
  if (!rolled.ok) throw new CannotRun(w.noRoster(rolled.sheet));
  const a = rolled.year;
  const report = toAnnualReport(a, locale);
  let formSheets: string[] = [];
  if (out && writable) {
    const wb = writable.wb;
    formSheets = yearForms(a, rolled.checked).map((f) => addFormSheet(wb, f));
    try {
      await saveCopy(wb, out);
    } catch (e) {
      throw new CannotRun(w.cannotWrite(out, e instanceof Error ? e.message : String(e)));
    }
  }
  if (values.json) io.out(JSON.stringify(out ? { ...report, output: { file: out, sheets: formSheets } } : report, null, 2));
  else io.out(renderAnnual(report, locale) + (out ? `\n\n${w.wroteForms(out, formSheets)}` : ''));
  return report.issues.some((i) => i.severity === 'error') ? 1 : 0;
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

function schemeCommand(arg: string | undefined, json: boolean, locale: Locale, io: Io): number {
  const w = cliWords(locale);
  if (!arg) throw new CannotRun(w.needScheme);
  const s = resolveScheme(arg, w, locale);
  const issues = checkScheme(compileScheme(s));
  if (json) {
    io.out(
      JSON.stringify({ scheme: s.id, issues: issues.map((i) => ({ severity: i.severity, rule: i.rule, ...words(i, locale) })) }, null, 2),
    );
  } else if (issues.length === 0) {
    io.out(w.schemeOk(s.id));
  } else {
    io.out(
      [w.schemeProblems(s.id, issues.length), ...issues.map((i) => `  - ${words(i, locale).message}（${words(i, locale).fix}）`)].join(
        '\n',
      ),
    );
  }
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let locale: Locale = localeFromTag(argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined);
  let w = cliWords(locale);
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new CannotRun(w.badArgs(e instanceof Error ? e.message : String(e)));
    }
    const { values, positionals } = parsed;
    if (values.lang !== undefined && !['zh', 'en', 'zh-CN', 'en-US'].includes(values.lang))
      throw new CannotRun(w.badArgs(`--lang ${values.lang}`));
    locale = localeFromTag(values.lang);
    w = cliWords(locale);
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(w.usage);
      return command === undefined && !values.help ? 2 : 0;
    }
    switch (command) {
      case 'presets':
        return presets(values.json, locale, io);
      case 'check':
      case 'grade':
        if (rest.length > 1) throw new CannotRun(w.badArgs(rest.slice(1).join(' ')));
        return command === 'check' ? await check(rest[0], values, locale, io) : await grade(rest[0], values, locale, io);
      case 'annual':
        if (rest.length > 1) throw new CannotRun(w.badArgs(rest.slice(1).join(' ')));
        return await annual(rest[0], values, locale, io);
      case 'scheme':
        return schemeCommand(rest[0], values.json, locale, io);
      case 'json-schema': {
        const text = `${JSON.stringify(schemeJsonSchema(), null, 2)}\n`;
        if (values.out) writeFileSync(values.out, text);
        else io.out(text);
        return 0;
      }
      default:
        throw new CannotRun(w.unknownCommand(command));
    }
  } catch (e) {
    if (e instanceof CannotRun) io.err(e.message);
    else if (e instanceof WorkbookError) io.err(w.workbook(e));
    else io.err(w.internal(e instanceof Error ? e.message : String(e)));
    return 2;
  }
}
