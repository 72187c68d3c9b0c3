/**
 * xl/workbook.xml and its wiring: a full recalculation requested on open (other sheets' formulas
 * read the cells written, and their cached results are stale), the calculation chain dropped
 * when a formula cell became something else (Excel rebuilds it, and asks to repair a stale one),
 * and a worksheet added (the summary form) with its relationship, content type and print names.
 */
import type { PackageEdit } from './edit';
import {
  addRelationship,
  REL,
  relationships,
  relsPathOf,
  removeRelationshipsTo,
  resolveTarget,
  withOverride,
  withoutOverride,
} from './relations';
import { attrOf, CopyError, escapeXml, insertBefore, prefixOf, withAttr } from './xml';

export const WORKBOOK = 'xl/workbook.xml';
const CONTENT_TYPES = '[Content_Types].xml';
const STRICT = /purl\.oclc\.org\/ooxml\/spreadsheetml\/main/;

/** The workbook's children that follow calcPr, and that follow definedNames, in the schema's order. */
const AFTER_CALC_PR = [
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];
const AFTER_DEFINED_NAMES = ['calcPr', ...AFTER_CALC_PR];

/** The workbook part's text; refuses Strict OOXML, which this writer has not been tested with. */
export function workbookXml(edit: PackageEdit): string {
  const xml = edit.read(WORKBOOK);
  if (xml === null) throw new Error(`no ${WORKBOOK} in the package`);
  if (STRICT.test(xml.slice(0, 2000))) throw new CopyError('strict');
  return xml;
}

/** The worksheet part of each sheet, by sheet name (from the workbook and its relationships). */
export function sheetParts(edit: PackageEdit): Map<string, string> {
  const xml = workbookXml(edit);
  const rels = relationships(edit.read(relsPathOf(WORKBOOK)));
  const parts = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = attrOf(m[1]!, 'name');
    const id = attrOf(m[1]!, '\\w+:id');
    const rel = rels.find((r) => r.id === id);
    if (name !== undefined && rel) parts.set(unescape(name), resolveTarget(WORKBOOK, rel.target));
  }
  return parts;
}

const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|quot|amp|lt|gt|apos);/g, (_m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[e]!,
  );

/** Asks Excel, WPS and LibreOffice to recalculate every formula when the copy is opened. */
export function requestFullCalc(edit: PackageEdit): void {
  const xml = workbookXml(edit);
  const m = /<((?:\w+:)?calcPr)\b([^>]*?)(\/?)>/.exec(xml);
  const next = m
    ? `${xml.slice(0, m.index)}<${m[1]}${withAttr(m[2]!.replace(/\s*$/, ''), 'fullCalcOnLoad', '1')}${m[3]}>${xml.slice(m.index + m[0].length)}`
    : insertBefore(xml, `<${prefixOf(xml, 'workbook')}calcPr fullCalcOnLoad="1"/>`, AFTER_CALC_PR, 'workbook');
  edit.write(WORKBOOK, next);
}

/** Leaves xl/calcChain.xml out of the copy, with its relationship and content type. */
export function dropCalcChain(edit: PackageEdit): void {
  const rels = relsPathOf(WORKBOOK);
  const chain = relationships(edit.read(rels)).find((r) => r.type.endsWith('/calcChain'));
  if (!chain) return;
  const part = resolveTarget(WORKBOOK, chain.target);
  edit.remove(part);
  edit.write(rels, removeRelationshipsTo(edit.read(rels)!, WORKBOOK, part));
  const types = edit.read(CONTENT_TYPES);
  if (types !== null) edit.write(CONTENT_TYPES, withoutOverride(types, part));
}

/** A new worksheet part after the others; `names` its print area and titles (defined names local to it). */
export function addWorksheet(edit: PackageEdit, name: string, sheetXml: string, names: { name: string; value: string }[]): void {
  let n = 1;
  while (edit.exists(`xl/worksheets/sheet${n}.xml`)) n++;
  const part = `xl/worksheets/sheet${n}.xml`;
  edit.write(part, sheetXml);
  const relsPath = relsPathOf(WORKBOOK);
  const added = addRelationship(edit.read(relsPath), `${REL}/worksheet`, `worksheets/sheet${n}.xml`);
  edit.write(relsPath, added.xml);
  edit.write(
    CONTENT_TYPES,
    withOverride(edit.read(CONTENT_TYPES)!, part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'),
  );

  let xml = workbookXml(edit);
  const p = prefixOf(xml, 'workbook');
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)];
  const sheetId = Math.max(0, ...sheets.map((m) => Number(attrOf(m[1]!, 'sheetId') ?? 0))) + 1;
  // The prefix the workbook gives the relationships namespace (r: as a rule).
  const r = new RegExp(`xmlns:(\\w+)="${REL.replace(/\./g, '\\.')}"`).exec(xml)?.[1];
  let rp = r;
  if (!rp) {
    rp = 'r';
    xml = xml.replace(/<((?:\w+:)?workbook)\b/, `<$1 xmlns:r="${REL}"`);
  }
  const end = xml.indexOf(`</${p}sheets>`);
  xml = `${xml.slice(0, end)}<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${rp}:id="${added.id}"/>${xml.slice(end)}`;
  if (names.length > 0) {
    const local = sheets.length;
    const elements = names
      .map((d) => `<${p}definedName name="${d.name}" localSheetId="${local}">${escapeXml(d.value)}</${p}definedName>`)
      .join('');
    const close = xml.indexOf(`</${p}definedNames>`);
    xml =
      close >= 0
        ? xml.slice(0, close) + elements + xml.slice(close)
        : insertBefore(xml, `<${p}definedNames>${elements}</${p}definedNames>`, AFTER_DEFINED_NAMES, 'workbook');
  }
  edit.write(WORKBOOK, xml);
}
