/**
 * LibreOffice headless as a second spreadsheet engine: opens .xlsx files, recalculates every
 * formula (a private profile sets "always recalculate on load"; otherwise the cached results
 * would be exported) and exports each file's first sheet as UTF-8 CSV of raw values.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tempDir } from './xlsx';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function soffice(): string {
  return process.env['SOFFICE'] ?? 'soffice';
}

/** Minimal CSV parser for LibreOffice's export (quoted fields, doubled quotes, newlines in quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Recalculates the files in one LibreOffice run; returns each file's first sheet (or the sheet
 * given by its number and name) as rows of cell texts.
 */
export function recalculate(files: string[], sheet?: { number: number; name: string }): Map<string, string[][]> {
  const dir = tempDir('kaohe-lo-');
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const out = join(dir, 'out');
  mkdirSync(out);
  // Tokens: comma, double quote, UTF-8, from line 1, …, 9th = false: raw values, not as shown.
  execFileSync(
    soffice(),
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false${sheet ? `,false,${sheet.number}` : ''}`,
      '--outdir',
      out,
      ...files,
    ],
    { stdio: 'pipe', timeout: 300000 },
  );
  const result = new Map<string, string[][]>();
  const csv = (f: string) => basename(f).replace(/\.xlsx$/i, sheet ? `-${sheet.name}.csv` : '.csv');
  for (const f of files) result.set(f, parseCsv(readFileSync(join(out, csv(f)), 'utf8')));
  return result;
}

/** The workbook opened and saved again as .xlsx by LibreOffice (its own writer: other part names, shared strings, its styles). */
export function resaveWithLibreOffice(file: string): string {
  const dir = tempDir('kaohe-lo-');
  mkdirSync(join(dir, 'profile', 'user'), { recursive: true });
  const out = join(dir, 'out');
  execFileSync(
    soffice(),
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      file,
    ],
    { stdio: 'pipe', timeout: 300000 },
  );
  return join(out, basename(file));
}

/** Whether LibreOffice can be run here (CI installs it; a machine without it skips the tests that need it, and says so). */
export function hasLibreOffice(): boolean {
  try {
    execFileSync(soffice(), ['--version'], { stdio: 'pipe', timeout: 60000 });
    return true;
  } catch {
    return false;
  }
}

/** Pages of a PDF and their sizes in points, read from the page dictionaries LibreOffice writes uncompressed. */
export function pdfPages(file: string): { width: number; height: number }[] {
  const text = readFileSync(file).toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-z])[^]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g) ?? [];
  return pages.map((p) => {
    const m = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(p)!;
    return { width: Math.round(Number(m[3]) - Number(m[1])), height: Math.round(Number(m[4]) - Number(m[2])) };
  });
}
