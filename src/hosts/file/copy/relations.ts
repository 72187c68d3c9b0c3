/**
 * A package's wiring: relationship parts (_rels/*.rels) and [Content_Types].xml, with a part
 * added or taken out. Only the entries concerned are touched; the rest of the text is kept.
 */
import { attrOf, escapeXml } from './xml';

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute (leading /). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(xml: string | null): Relationship[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => ({
    id: attrOf(m[1]!, 'Id') ?? '',
    type: attrOf(m[1]!, 'Type') ?? '',
    target: (attrOf(m[1]!, 'Target') ?? '').replace(/&amp;/g, '&'),
    external: attrOf(m[1]!, 'TargetMode') === 'External',
  }));
}

/** The relationships part with one more relationship (the part made when there is none); its new id. */
export function addRelationship(xml: string | null, type: string, target: string): { xml: string; id: string } {
  const ids = new Set(relationships(xml).map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (!xml)
    return {
      xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${element}</Relationships>`,
      id,
    };
  const self = /<((?:\w+:)?Relationships)\b([^>]*?)\/>/.exec(xml);
  if (self)
    return { xml: `${xml.slice(0, self.index)}<${self[1]}${self[2]}>${element}</${self[1]}>${xml.slice(self.index + self[0].length)}`, id };
  const end = xml.lastIndexOf('</');
  return { xml: xml.slice(0, end) + element + xml.slice(end), id };
}

/** The relationships part without the relationships whose target is `part` (from `source`). */
export function removeRelationshipsTo(xml: string, source: string, part: string): string {
  return xml.replace(/<(?:\w+:)?Relationship\b([^>]*?)\/>/g, (m, attrs: string) =>
    resolveTarget(source, (attrOf(attrs, 'Target') ?? '').replace(/&amp;/g, '&')) === part && attrOf(attrs, 'TargetMode') !== 'External'
      ? ''
      : m,
  );
}

/** [Content_Types].xml with a default for an extension, when it has none. */
export function withDefault(xml: string, extension: string, contentType: string): string {
  if (new RegExp(`<(?:\\w+:)?Default\\b[^>]*\\bExtension="${extension}"`, 'i').test(xml)) return xml;
  const end = xml.lastIndexOf('</');
  return `${xml.slice(0, end)}<Default Extension="${extension}" ContentType="${contentType}"/>${xml.slice(end)}`;
}

/** [Content_Types].xml with an override for a part. */
export function withOverride(xml: string, part: string, contentType: string): string {
  const end = xml.lastIndexOf('</');
  return `${xml.slice(0, end)}<Override PartName="/${part}" ContentType="${contentType}"/>${xml.slice(end)}`;
}

/** [Content_Types].xml without the override for a part. */
export function withoutOverride(xml: string, part: string): string {
  return xml.replace(/<(?:\w+:)?Override\b([^>]*?)\/>/g, (m, attrs: string) => (attrOf(attrs, 'PartName') === `/${part}` ? '' : m));
}
