/**
 * The graded copy written into the input .xlsx's own package: the graded sheet's XML patched
 * (./sheet-patch), styles derived from each cell's own (./styles-patch), notes added next to the
 * sheet's own (./notes-patch), the summary forms as new sheets (./form-sheet), a recalculation
 * on open requested (./workbook-patch). Every other part is copied as it is stored (./zip).
 */
import type { Form, Plan, Severity } from '../../../engine';
import { parseA1, parseArea } from '../../../engine';
import { MARK_FILL } from '../write';
import { PieceDeflater } from './deflate';
import { PackageEdit } from './edit';
import { addFormSheet } from './form-sheet';
import { addNotes } from './notes-patch';
import { addRelationship, REL, relationships, relsPathOf, resolveTarget, withOverride } from './relations';
import type { SheetPositions } from '../sheet-positions';
import { type CellEdit, patchSheetParts } from './sheet-patch';
import { StylesPatch } from './styles-patch';
import { dropCalcChain, requestFullCalc, sheetParts, WORKBOOK, workbookXml } from './workbook-patch';

import { CopyError } from './xml';

export { CopyError, type CopyProblem } from './xml';

export interface CopyRequest {
  /** The sheet graded: its plan written, its cells marked (A1 → the worst severity and the note's text). None for `annual`. */
  graded?: { sheet: string; plan: Plan; marks: Map<string, { severity: Severity; note: string }> };
  /** Summary forms added as new sheets. */
  forms: Form[];
  /**
   * Called between the steps of the graded sheet's copy (its XML read and edits made; patched;
   * deflated): the command line collects garbage there for a large sheet, each step's leftovers
   * gone before the next makes its own.
   */
  betweenSteps?: () => void;
  /** The input's XML parts as its read inflated them (by their exact names): used, not inflated again. */
  texts?: ReadonlyMap<string, string> | null;
  /** Where the read found each sheet's rows and cells in those texts (../sheet-positions). */
  positions?: ReadonlyMap<string, SheetPositions> | null;
}

export interface PackageCopy {
  bytes: Buffer;
  formSheets: string[];
  /** Marked cells that hold a threaded comment: filled, but given no note. */
  unnoted: string[];
  /** The parts of the package the copy changes, adds or leaves out. */
  changedParts: string[];
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The workbook's style part and its text (a minimal one made, and wired, when the package has none). */
function stylesOf(edit: PackageEdit): { part: string; styles: StylesPatch } {
  const rel = relationships(edit.read(relsPathOf(WORKBOOK))).find((r) => r.type.endsWith('/styles'));
  if (rel)
    return {
      part: resolveTarget(WORKBOOK, rel.target),
      styles: new StylesPatch(edit.read(resolveTarget(WORKBOOK, rel.target)) ?? MINIMAL_STYLES),
    };
  return { part: '', styles: new StylesPatch(MINIMAL_STYLES) };
}

/**
 * The copy's bytes. Asynchronous: the graded sheet's batches are deflated on libuv's threads while
 * the patch goes on, and the last of them is awaited. A failure (a CopyError, zlib's) rejects it.
 */
export async function copyInPackage(data: Buffer, req: CopyRequest): Promise<PackageCopy> {
  const edit = new PackageEdit(data, req.texts);
  workbookXml(edit); // refuses what this writer does not handle (Strict OOXML)
  const styles = stylesOf(edit);
  const unnoted = req.graded ? writeGraded(edit, styles.styles, req.graded, req) : [];
  const formSheets = req.forms.map((f) => addFormSheet(edit, styles.styles, f));
  if (styles.styles.changed) {
    if (styles.part) edit.write(styles.part, styles.styles.xml());
    else {
      // A package without a style part: one added, with its relationship and content type.
      const relsPath = relsPathOf(WORKBOOK);
      const added = addRelationship(edit.read(relsPath), `${REL}/styles`, 'styles.xml');
      edit.write(relsPath, added.xml);
      edit.write('xl/styles.xml', styles.styles.xml());
      edit.write(
        '[Content_Types].xml',
        withOverride(
          edit.read('[Content_Types].xml')!,
          'xl/styles.xml',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
        ),
      );
    }
  }
  return { bytes: await edit.bytes(), formSheets, unnoted, changedParts: edit.changed() };
}

/**
 * A new column inside a table's range would be a cell the table has no column for (Excel repairs
 * the file): refused, naming the cell, until tables are extended.
 */
function refuseNewColumnsInTables(edit: PackageEdit, part: string, plan: Plan): void {
  const added = new Set(plan.newColumns.map((c) => c.col));
  if (added.size === 0) return;
  for (const rel of relationships(edit.read(relsPathOf(part)))) {
    if (rel.external || !rel.type.endsWith('/table')) continue;
    const ref = /<(?:\w+:)?table\b[^>]*?\sref="([^"]+)"/.exec(edit.read(resolveTarget(part, rel.target)) ?? '')?.[1];
    const area = ref ? parseArea(ref) : null;
    const inside = area
      ? plan.writes.find((w) => added.has(w.col) && w.row >= area.top && w.row <= area.bottom && w.col >= area.left && w.col <= area.right)
      : undefined;
    if (inside) throw new CopyError('table', inside.cell);
  }
}

/**
 * Each cell's edit: content from the plan, a style derived from its own for a number format or a
 * mark's fill. A plan writes each cell once, in row and column order: without marks, its edits are
 * made straight from its writes (a map of 20,000 cells at 10,000 rows cost about 10 ms more).
 */
function cellEdits(graded: NonNullable<CopyRequest['graded']>, styles: StylesPatch): CellEdit[] {
  const writes = graded.plan.writes;
  const restyled = (numFmtId: number | undefined, fillId: number | undefined): CellEdit['restyle'] => {
    if (numFmtId === undefined && fillId === undefined) return undefined;
    const change = { numFmtId, fillId };
    return (s) => styles.derive(s, change);
  };
  const numFmtOf = (w: (typeof writes)[number]) => (w.after.numFmt !== w.before.numFmt ? styles.numFmtId(w.after.numFmt) : undefined);
  const inCellOrder = () =>
    writes.every((w, i) => i === 0 || w.row > writes[i - 1]!.row || (w.row === writes[i - 1]!.row && w.col > writes[i - 1]!.col));
  if (graded.marks.size === 0 && inCellOrder())
    return writes.map((w) => ({ row: w.row, col: w.col, content: w.after, restyle: restyled(numFmtOf(w), undefined) }));
  // By row × 16384 + column: a write's own row and column, a mark's read from its A1 reference.
  const edits = new Map<number, CellEdit & { numFmtId?: number; fillId?: number }>();
  const editAt = (row: number, col: number) => {
    let e = edits.get(row * 16384 + col);
    if (!e) edits.set(row * 16384 + col, (e = { row, col }));
    return e;
  };
  for (const w of writes) {
    const e = editAt(w.row, w.col);
    e.content = w.after;
    e.numFmtId = numFmtOf(w) ?? e.numFmtId;
  }
  for (const [cell, m] of graded.marks) {
    const at = parseA1(cell)!;
    editAt(at.row, at.col).fillId = styles.solidFill(MARK_FILL[m.severity]);
  }
  return [...edits.values()].map((e) => ({ row: e.row, col: e.col, content: e.content, restyle: restyled(e.numFmtId, e.fillId) }));
}

/** The plan and the marks written into the graded sheet; returns the marked cells left without a note (threaded comments). */
function writeGraded(
  edit: PackageEdit,
  styles: StylesPatch,
  graded: NonNullable<CopyRequest['graded']>,
  { betweenSteps, texts, positions }: CopyRequest,
): string[] {
  const part = sheetParts(edit).get(graded.sheet);
  if (!part) throw new Error(`no worksheet part for ${graded.sheet}`);
  const sheetXml = edit.read(part);
  if (sheetXml === null) throw new Error(`${part} is missing from the package`);
  refuseNewColumnsInTables(edit, part, graded.plan);
  const edits = cellEdits(graded, styles);
  betweenSteps?.();
  // Without marks the patched sheet is stored as the patch makes it: its bytes deflated, batch by batch, as it goes.
  const deflater = graded.marks.size === 0 ? new PieceDeflater() : undefined;
  const patched = patchSheetParts(
    sheetXml,
    edits,
    graded.plan.newColumns.map((c) => c.col),
    deflater && ((piece) => deflater.push(piece)),
    // The positions the read found hold only for the very text it kept.
    texts?.get(part) === sheetXml ? positions?.get(part) : undefined,
  );
  // Its last batches deflated while the notes, the forms and the styles are made.
  deflater?.close();
  betweenSteps?.();
  let threaded: string[] = [];
  if (graded.marks.size === 0) edit.writeParts(part, patched.parts, deflater);
  else {
    const noted = addNotes(edit, part, patched.parts.join(''), new Map([...graded.marks].map(([cell, m]) => [cell, m.note])));
    edit.write(part, noted.sheetXml);
    threaded = noted.threaded;
  }
  // Cells written change what other formulas compute: their cached results are stale until recalculated.
  if (graded.plan.writes.length > 0) requestFullCalc(edit);
  if (patched.formulaReplaced) dropCalcChain(edit);
  return threaded;
}
