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

/**
 * What a character becomes in XML text: & < > " their entities, characters XML 1.0 cannot hold at
 * all (controls but tab, line feed and carriage return; U+FFFE, U+FFFF) left out; undefined when it
 * stays as it is.
 */
function xmlFor(c: number): string | undefined {
  if (c > 62) return c === 0xfffe || c === 0xffff ? '' : undefined;
  if (c === 38) return '&amp;';
  if (c === 60) return '&lt;';
  if (c === 62) return '&gt;';
  if (c === 34) return '&quot;';
  return c < 32 && c !== 9 && c !== 10 && c !== 13 ? '' : undefined;
}

/**
 * Text as XML character data or an attribute value: & < > " escaped, characters XML cannot hold
 * left out. One pass by character code, the text itself when nothing changes: the copy escapes
 * every formula it writes (20,000 at 10,000 rows), where two regular expressions and a callback
 * per character cost 40 ms.
 */
export function escapeXml(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const x = xmlFor(s.charCodeAt(i));
    if (x === undefined) continue;
    out += s.slice(from, i) + x;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
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
