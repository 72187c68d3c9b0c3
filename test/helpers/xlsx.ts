/** Writes grids built in code to real .xlsx files (exceljs), for tests of the command line. */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Grid, isCellError } from '../../src/engine';
import { setFormulaCell } from '../../src/hosts/file/sheet';

export function tempDir(prefix = 'kaohe-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function addGridSheet(wb: ExcelJS.Workbook, grid: Grid): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(grid.sheet);
  grid.values.forEach((row, i) => {
    row.forEach((v, j) => {
      const f = grid.formulas?.[i]?.[j];
      const fmt = grid.numFmts?.[i]?.[j];
      if (v === null && !f && !fmt) return;
      const cell = ws.getCell(grid.top + i, grid.left + j);
      if (isCellError(v))
        cell.value = f
          ? { formula: f.slice(1), result: { error: v.error as ExcelJS.CellErrorValue['error'] } }
          : { error: v.error as ExcelJS.CellErrorValue['error'] };
      else if (f) setFormulaCell(cell, f.slice(1), (v ?? undefined) as number | string | boolean);
      else cell.value = v;
      if (fmt) cell.numFmt = fmt;
    });
  });
  for (const m of grid.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const r of grid.hiddenRows ?? []) ws.getRow(r).hidden = true;
  return ws;
}

/** Writes one or more grids as the sheets of a new workbook; returns its path. */
export async function writeXlsx(grids: Grid | Grid[], file = join(tempDir(), 'book.xlsx')): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const g of Array.isArray(grids) ? grids : [grids]) addGridSheet(wb, g);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Adds an add-in's settings to an .xlsx the way Office saves workbook.settings (xl/webextensions). */
export async function storeSettings(file: string, properties: Record<string, unknown>): Promise<void> {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(readFileSync(file));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const props = Object.entries(properties)
    .map(([k, v]) => `<we:property name="${esc(k)}" value="${esc(JSON.stringify(v))}"/>`)
    .join('');
  zip.file(
    'xl/webextensions/webextension1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{52811C31-4593-43B8-A697-EB873422D156}"><we:reference id="5d6f4f8e-2a1b-4c8e-9f3a-6b2d7e1c0a11" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
    ),
  );
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Writes grids as a legacy .xls (BIFF8) through SheetJS, the way old systems save them. */
export async function writeXls(grids: Grid | Grid[], file = join(tempDir(), 'book.xls')): Promise<string> {
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.utils.book_new();
  for (const g of Array.isArray(grids) ? grids : [grids]) {
    const rows = g.values.map((r) => r.map((v) => (isCellError(v) ? { t: 'e', v: 0x2a } : v)));
    const ws = XLSX.utils.aoa_to_sheet(rows as unknown[][]);
    ws['!merges'] = g.merges.map((m) => ({ s: { r: m.top - 1, c: m.left - 1 }, e: { r: m.bottom - 1, c: m.right - 1 } }));
    XLSX.utils.book_append_sheet(book, ws, g.sheet);
  }
  XLSX.writeFile(book, file, { bookType: 'biff8' });
  return file;
}
