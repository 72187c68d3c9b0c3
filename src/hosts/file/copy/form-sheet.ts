/**
 * A summary form as a new worksheet part written from its layout (../../../engine/annual/layout),
 * as ../forms.ts paints it with exceljs: title, bordered cells that wrap, widths and heights, A4
 * landscape fitted to one page, the print area and the rows repeated on each page. Its fonts,
 * borders and fills are appended to the workbook's own style table (./styles-patch).
 */
import { a1, type Form, FORM_FONT, FORM_STYLES, formLayout, freeSheetName } from '../../../engine';
import type { PackageEdit } from './edit';
import type { StylesPatch } from './styles-patch';
import { addWorksheet, sheetParts } from './workbook-patch';
import { cellXml } from './sheet-patch';

type FormStyle = keyof typeof FORM_STYLES;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function styleIndex(styles: StylesPatch, style: FormStyle | null, percent: boolean): number {
  if (style === null && !percent) return 0;
  const spec = style ? FORM_STYLES[style] : null;
  return styles.xf({
    numFmtId: percent ? styles.numFmtId('0.0%') : 0,
    fontId: styles.font({ name: FORM_FONT, size: spec?.size ?? 10, bold: spec?.bold ?? false }),
    fillId: spec?.fill ? styles.solidFill(`FF${spec.fill.slice(1).toUpperCase()}`) : 0,
    borderId: spec?.border ? styles.thinBorder() : 0,
    alignment: spec ? { horizontal: spec.horizontal, vertical: spec.vertical, wrap: spec.wrap } : undefined,
  });
}

/** Adds the form as a new sheet after the others; returns its name. */
export function addFormSheet(edit: PackageEdit, styles: StylesPatch, form: Form): string {
  const layout = formLayout(form);
  const name = freeSheetName([...sheetParts(edit).keys()], layout.sheet);
  const height = layout.values.length;
  const width = layout.width;
  const styleOf: (FormStyle | null)[][] = layout.values.map((row) => row.map(() => null));
  for (const { area, style } of layout.styles)
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) if (styleOf[r - 1]) styleOf[r - 1]![c - 1] = style;
  const percent = new Set<string>();
  for (const area of layout.percent)
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) percent.add(a1(r, c));

  const rows: string[] = [];
  for (let r = 1; r <= height; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const v = layout.values[r - 1]![c - 1] ?? null;
      const s = styleIndex(styles, styleOf[r - 1]![c - 1] ?? null, percent.has(a1(r, c)));
      if (v === null && s === 0) continue;
      cells.push(cellXml('', a1(r, c), s, v === null ? null : { value: v, formula: null, numFmt: null }));
    }
    rows.push(`<row r="${r}" ht="${layout.rowHeights[r - 1]}" customHeight="1">${cells.join('')}</row>`);
  }
  const cols = layout.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const merges = layout.merges.map((m) => `<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`).join('');
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${a1(Math.max(1, height), Math.max(1, width))}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    (merges ? `<mergeCells count="${layout.merges.length}">${merges}</mergeCells>` : '') +
    `<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="1"/></worksheet>`;
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const area = layout.printArea;
  addWorksheet(edit, name, xml, [
    {
      name: '_xlnm.Print_Area',
      value: `${quoted}!$${a1(area.top, area.left).replace(/(\d+)$/, '$$$1')}:$${a1(area.bottom, area.right).replace(/(\d+)$/, '$$$1')}`,
    },
    { name: '_xlnm.Print_Titles', value: `${quoted}!$${layout.printTitleRows.top}:$${layout.printTitleRows.bottom}` },
  ]);
  return name;
}
