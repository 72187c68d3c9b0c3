/**
 * Notes (legacy comments) added to a sheet in its own package: into its comments part and its
 * VML drawing when it has them, else into new ones with their relationships, content types and
 * the sheet's <legacyDrawing>. A cell that already has a note gets kaohe's text appended to it
 * (its runs and their formatting kept); a cell with a threaded comment gets no note (it is
 * returned, for the report to list).
 */
import { parseA1 } from '../../../engine';
import type { PackageEdit } from './edit';
import { addRelationship, REL, relationships, relsPathOf, resolveTarget, withDefault, withOverride } from './relations';
import { attrOf, escapeXml, insertBefore, prefixOf } from './xml';

const AUTHOR = '考核助手';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** The worksheet's children that follow legacyDrawing, in the schema's order. */
const AFTER_LEGACY_DRAWING = [
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

const run = (text: string) => `<r><t xml:space="preserve">${escapeXml(text)}</t></r>`;

function noteShape(id: number, row: number, col: number): string {
  const [r, c] = [row - 1, col - 1];
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${Math.max(0, r - 1)}, 10, ${c + 4}, 15, ${r + 5}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
  );
}

/** A free part name like xl/comments1.xml: the first number not taken. */
function freeName(edit: PackageEdit, make: (n: number) => string): string {
  let n = 1;
  while (edit.exists(make(n))) n++;
  return make(n);
}

/**
 * Adds `notes` (cell A1 → text) to the sheet in `sheetPart`, whose XML is `sheetXml` (already
 * patched, not yet written); returns the sheet XML (with a <legacyDrawing> when one was added)
 * and the cells left without a note because they hold a threaded comment.
 */
export function addNotes(
  edit: PackageEdit,
  sheetPart: string,
  sheetXml: string,
  notes: Map<string, string>,
): { sheetXml: string; threaded: string[] } {
  if (notes.size === 0) return { sheetXml, threaded: [] };
  const relsPath = relsPathOf(sheetPart);
  let relsXml = edit.read(relsPath);
  const rels = relationships(relsXml).filter((r) => !r.external);
  const target = (suffix: string) => {
    const r = rels.find((x) => x.type.endsWith(suffix));
    return r ? resolveTarget(sheetPart, r.target) : null;
  };
  const threadedPart = target('/threadedComment');
  const threadedXml = threadedPart ? edit.read(threadedPart) : null;
  const threadedCells = new Set(
    [...(threadedXml ?? '').matchAll(/<(?:\w+:)?threadedComment\b([^>]*?)>/g)].map((m) => (attrOf(m[1]!, 'ref') ?? '').toUpperCase()),
  );
  const threaded = [...notes.keys()].filter((c) => threadedCells.has(c));
  const todo = [...notes].filter(([c]) => !threadedCells.has(c));
  if (todo.length === 0) return { sheetXml, threaded };

  let types = edit.read('[Content_Types].xml')!;
  // The comments part: the sheet's own, or a new one.
  let commentsPart = target('/comments');
  let comments = commentsPart ? edit.read(commentsPart) : null;
  if (!commentsPart || comments === null) {
    commentsPart = freeName(edit, (n) => `xl/comments${n}.xml`);
    comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors/><commentList/></comments>`;
    const added = addRelationship(relsXml, `${REL}/comments`, relative(sheetPart, commentsPart));
    relsXml = added.xml;
    types = withOverride(types, commentsPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');
  }
  const p = prefixOf(comments, 'comments');
  const authors = [...comments.matchAll(/<(?:\w+:)?author>([\s\S]*?)<\/(?:\w+:)?author>/g)].map((m) => m[1]);
  let authorId = authors.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    comments = comments.replace(/<((?:\w+:)?authors)\s*\/>/, `<$1></$1>`);
    const end = comments.indexOf(`</${p}authors>`);
    comments = `${comments.slice(0, end)}<${p}author>${AUTHOR}</${p}author>${comments.slice(end)}`;
  }
  comments = comments.replace(/<((?:\w+:)?commentList)\s*\/>/, `<$1></$1>`);
  const newShapes: [number, number][] = [];
  for (const [cell, text] of todo) {
    const existing = new RegExp(`<(?:\\w+:)?comment\\b[^>]*\\bref="${cell}"[^>]*>([\\s\\S]*?)</(?:\\w+:)?comment>`).exec(comments);
    if (existing) {
      // Kaohe's text after the note's own, in runs of its own; a note of plain text becomes one run, unchanged.
      const body = existing[1]!;
      const textEnd = body.lastIndexOf(`</${p}text>`);
      const inner = body.slice(body.indexOf('>', body.indexOf(`<${p}text`)) + 1, textEnd);
      const runs = /<(?:\w+:)?r>/.test(inner)
        ? inner
        : inner.replace(/<((?:\w+:)?t)\b([^>]*)>([\s\S]*?)<\/\1>/, `<${p}r><$1$2>$3</$1></${p}r>`);
      const lastRun = runs.lastIndexOf(`</${p}r>`);
      const joined =
        lastRun >= 0
          ? `${runs.slice(0, lastRun + `</${p}r>`.length)}${run(`\n\n${text}`)}${runs.slice(lastRun + `</${p}r>`.length)}`
          : run(text) + runs;
      const start = existing.index + existing[0].indexOf(body);
      const textStart = start + body.indexOf('>', body.indexOf(`<${p}text`)) + 1;
      comments = comments.slice(0, textStart) + joined + comments.slice(start + textEnd);
    } else {
      const end = comments.indexOf(`</${p}commentList>`);
      comments = `${comments.slice(0, end)}<${p}comment ref="${cell}" authorId="${authorId}"><${p}text>${run(text)}</${p}text></${p}comment>${comments.slice(end)}`;
      const at = parseA1(cell)!;
      newShapes.push([at.row, at.col]);
    }
  }
  edit.write(commentsPart, comments);

  // The VML drawing that shows each note: the sheet's own, or a new one.
  if (newShapes.length > 0) {
    let vmlPart = target('/vmlDrawing');
    let vml = vmlPart ? edit.read(vmlPart) : null;
    if (!vmlPart || vml === null) {
      const taken = edit
        .names()
        .filter((n) => /\.vml$/i.test(n))
        .flatMap((n) => [...(edit.read(n) ?? '').matchAll(/\bdata="([\d,\s]*)"/g)].flatMap((m) => m[1]!.split(',').map(Number)));
      const block = Math.max(0, ...taken) + 1;
      vmlPart = freeName(edit, (n) => `xl/drawings/vmlDrawing${n}.vml`);
      vml =
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${NOTE_SHAPE_TYPE}</xml>`;
      const added = addRelationship(relsXml, `${REL}/vmlDrawing`, relative(sheetPart, vmlPart));
      relsXml = added.xml;
      types = withDefault(types, 'vml', 'application/vnd.openxmlformats-officedocument.vmlDrawing');
      sheetXml = withLegacyDrawing(sheetXml, added.id);
    }
    if (!/id="_x0000_t202"/.test(vml)) vml = vml.replace(/<\/xml>\s*$/, `${NOTE_SHAPE_TYPE}</xml>`);
    const block = Number(/\bdata="(\d+)/.exec(vml)?.[1] ?? 1);
    let id = Math.max(block * 1024, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])));
    const shapes = newShapes.map(([r, c]) => noteShape(++id, r, c)).join('');
    const end = vml.lastIndexOf('</xml>');
    edit.write(vmlPart, vml.slice(0, end) + shapes + vml.slice(end));
  }
  edit.write(relsPath, relsXml!);
  edit.write('[Content_Types].xml', types);
  return { sheetXml, threaded };
}

/** `part`'s path from the folder of `from` (both in the same package). */
function relative(from: string, part: string): string {
  const a = from.split('/').slice(0, -1);
  const b = part.split('/');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** The sheet with a <legacyDrawing r:id> where the schema puts it (after </sheetData>, before legacyDrawingHF, picture, …). */
function withLegacyDrawing(xml: string, id: string): string {
  let text = xml;
  let r = new RegExp(`xmlns:(\\w+)="${REL.replace(/\./g, '\\.')}"`).exec(text)?.[1];
  if (!r) {
    r = 'r';
    text = text.replace(/<((?:\w+:)?worksheet)\b/, `<$1 xmlns:r="${REL}"`);
  }
  const p = prefixOf(text, 'worksheet');
  const dataEnd = /<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*\/>/.exec(text)!;
  return insertBefore(text, `<${p}legacyDrawing ${r}:id="${id}"/>`, AFTER_LEGACY_DRAWING, 'worksheet', dataEnd.index + dataEnd[0].length);
}
