/**
 * Small text helpers for patching package parts in place: attributes read and set on one tag,
 * text escaped, an element inserted where the schema's order wants it, and the refusal a patch
 * ends in when the workbook holds something it cannot write around.
 */

/** Why the copy cannot be written into the input's package; the command line words it (one line, exit 2). */
export type CopyProblem = 'strict' | 'shared-formula' | 'array-formula' | 'cell-metadata' | 'table';

export class CopyError extends Error {
  constructor(
    readonly problem: CopyProblem,
    /** The cell concerned (A1), or '' for the whole workbook. */
    readonly cell: string = '',
  ) {
    super(`${problem}${cell ? `: ${cell}` : ''}`);
    this.name = 'CopyError';
  }
}

const ATTRS = new Map<string, RegExp>();

/** An attribute's raw (escaped) value in a tag's attribute text; a prefixed name (r:id) matches as written. */
export function attrOf(attrs: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The attribute text with `name` set to `value` (replaced where it is, else added at the end). */
export function withAttr(attrs: string, name: string, value: string): string {
  const re = new RegExp(`(\\s)${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (re.test(attrs)) return attrs.replace(re, `$1${name}="${value}"`);
  const slash = /\s*\/$/.exec(attrs);
  return slash ? `${attrs.slice(0, slash.index)} ${name}="${value}"${slash[0]}` : `${attrs} ${name}="${value}"`;
}

/** The attribute text without `name`. */
export function withoutAttr(attrs: string, name: string): string {
  return attrs.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

// Characters XML 1.0 cannot hold at all: left out of what is written.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

const SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as XML character data or an attribute value: & < > " escaped, characters XML cannot hold left out (one pass each, only when needed). */
export function escapeXml(s: string): string {
  NOT_XML.lastIndex = 0;
  const text = NOT_XML.test(s) ? s.replace(NOT_XML, '') : s;
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ENTITY[c]!) : text;
}

/**
 * `xml` with `element` inserted before the first child of the root named in `before` (local names
 * of the elements the schema puts after it), else before the root's end tag. Children are looked
 * for from `from` on, which must be at the root's top level (after the root's start tag, or
 * after a child, such as a sheet's </sheetData>); nested elements of the same name are passed over.
 */
export function insertBefore(
  xml: string,
  element: string,
  before: string[],
  root: string,
  from = xml.indexOf('>', xml.search(new RegExp(`<(?:\\w+:)?${root}[\\s>]`))) + 1,
): string {
  const TAG = /<(\/?)(?:[\w.-]+:)?([\w.-]+)[^>]*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;
  TAG.lastIndex = from;
  let depth = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if (m[2] === undefined) continue;
    if (m[1]) {
      if (depth === 0) return xml.slice(0, m.index) + element + xml.slice(m.index); // the root's end tag
      depth--;
    } else {
      if (depth === 0 && before.includes(m[2])) return xml.slice(0, m.index) + element + xml.slice(m.index);
      if (!m[3]) depth++;
    }
  }
  return fail(root);
}

function fail(root: string): never {
  throw new Error(`no </${root}> in the part`);
}

/** The namespace prefix (with its colon, or '') the part's root element is written with. */
export function prefixOf(xml: string, root: string): string {
  return new RegExp(`<(\\w+:)?${root}[\\s>]`).exec(xml)?.[1] ?? '';
}
