/**
 * xl/styles.xml with only what the copy needs appended: a number format, a mark's fill, the
 * summary form's fonts and borders, and cell formats (<xf>). A written or marked cell keeps its
 * own format: a new <xf> is cloned from it with only numFmtId or fillId changed, one per distinct
 * (original, change), so restoring the original style index (清除标记) gives back the user's
 * fill and font. Nothing already in the part is changed but the counts.
 */
import { attrOf, escapeXml, insertBefore, prefixOf, withAttr } from './xml';

/** Excel's built-in number formats that need no <numFmt>. */
const BUILT_IN: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/** The styleSheet's children, in the schema's order. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const CHILD: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' };

const unescape = (s: string) =>
  s.replace(/&(quot|amp|lt|gt|apos);/g, (_m, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" })[e]!);

export interface FontSpec {
  name: string;
  size: number;
  bold: boolean;
}

export interface XfSpec {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  alignment?: { horizontal: string; vertical: string; wrap: boolean };
}

export class StylesPatch {
  private text: string;
  private readonly pre: string;
  private readonly counts = new Map<string, number>();
  private readonly xfs: string[];
  private readonly derived = new Map<string, number>();
  private readonly numFmtIds = new Map<string, number>();
  private readonly made = new Map<string, number>();
  changed = false;

  constructor(xml: string) {
    this.text = xml;
    this.pre = prefixOf(xml, 'styleSheet');
    for (const section of Object.keys(CHILD)) {
      const body = this.section(section);
      this.counts.set(section, body === null ? 0 : [...body.matchAll(new RegExp(`<(?:\\w+:)?${CHILD[section]}[\\s>/]`, 'g'))].length);
    }
    this.xfs = [...(this.section('cellXfs') ?? '').matchAll(/<(?:\w+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?xf>)/g)].map((m) => m[0]);
    for (const m of (this.section('numFmts') ?? '').matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
      const [id, code] = [attrOf(m[1]!, 'numFmtId'), attrOf(m[1]!, 'formatCode')];
      if (id !== undefined && code !== undefined) this.numFmtIds.set(unescape(code), Number(id));
    }
  }

  /** What a section holds between its tags; '' when it is empty, null when the part has none. */
  private section(name: string): string | null {
    const m = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(/?)>`).exec(this.text);
    if (!m) return null;
    if (m[1]) return '';
    const end = this.text.indexOf(`</${this.pre}${name}>`, m.index);
    return this.text.slice(m.index + m[0].length, end);
  }

  /** Appends a child to a section (made if missing); its index. */
  private append(name: string, element: string): number {
    const index = this.counts.get(name)!;
    this.counts.set(name, index + 1);
    const open = new RegExp(`<(?:\\w+:)?${name}\\b([^>]*?)(/?)>`).exec(this.text);
    const p = this.pre;
    if (!open) {
      const later = ORDER.slice(ORDER.indexOf(name) + 1);
      this.text = insertBefore(this.text, `<${p}${name} count="1">${element}</${p}${name}>`, later, 'styleSheet');
    } else {
      const attrs = withAttr(open[1]!, 'count', String(index + 1));
      if (open[2]) {
        this.text = `${this.text.slice(0, open.index)}<${p}${name}${attrs}>${element}</${p}${name}>${this.text.slice(open.index + open[0].length)}`;
      } else {
        const end = this.text.indexOf(`</${p}${name}>`, open.index);
        this.text = `${this.text.slice(0, open.index)}<${p}${name}${attrs}>${this.text.slice(open.index + open[0].length, end)}${element}${this.text.slice(end)}`;
      }
    }
    this.changed = true;
    return index;
  }

  private once(key: string, make: () => number): number {
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const id = make();
    this.made.set(key, id);
    return id;
  }

  /** The id of a number format (null: General), appended when the part has no such format. */
  numFmtId(code: string | null): number {
    const c = code ?? 'General';
    const known = BUILT_IN[c] ?? this.numFmtIds.get(c);
    if (known !== undefined) return known;
    const id = Math.max(163, ...this.numFmtIds.values()) + 1;
    this.numFmtIds.set(c, id);
    this.append('numFmts', `<${this.pre}numFmt numFmtId="${id}" formatCode="${escapeXml(c)}"/>`);
    return id;
  }

  /** A solid fill of an ARGB colour (FFRRGGBB). */
  solidFill(argb: string): number {
    const p = this.pre;
    return this.once(`fill ${argb}`, () =>
      this.append(
        'fills',
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      ),
    );
  }

  font(f: FontSpec): number {
    const p = this.pre;
    return this.once(`font ${f.name} ${f.size} ${f.bold}`, () =>
      this.append(
        'fonts',
        `<${p}font>${f.bold ? `<${p}b/>` : ''}<${p}sz val="${f.size}"/><${p}name val="${escapeXml(f.name)}"/><${p}charset val="134"/></${p}font>`,
      ),
    );
  }

  thinBorder(): number {
    const p = this.pre;
    const side = (s: string) => `<${p}${s} style="thin"><${p}color indexed="64"/></${p}${s}>`;
    return this.once('border thin', () =>
      this.append('borders', `<${p}border>${['left', 'right', 'top', 'bottom'].map(side).join('')}<${p}diagonal/></${p}border>`),
    );
  }

  /** A new cell format; the same spec gives the same index. */
  xf(x: XfSpec): number {
    const p = this.pre;
    const a = x.alignment;
    return this.once(`xf ${JSON.stringify(x)}`, () =>
      this.addXf(
        `<${p}xf numFmtId="${x.numFmtId}" fontId="${x.fontId}" fillId="${x.fillId}" borderId="${x.borderId}" xfId="0"` +
          `${x.numFmtId ? ' applyNumberFormat="1"' : ''} applyFont="1"${x.fillId ? ' applyFill="1"' : ''}${x.borderId ? ' applyBorder="1"' : ''}` +
          (a
            ? ` applyAlignment="1"><${p}alignment horizontal="${a.horizontal}" vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"${a.wrap ? ' wrapText="1"' : ''}/></${p}xf>`
            : '/>'),
      ),
    );
  }

  private addXf(element: string): number {
    const i = this.append('cellXfs', element);
    this.xfs.push(element);
    return i;
  }

  /** Cell format `xf` with only its number format and/or fill changed: a clone appended, once per (xf, change). */
  derive(xf: number, change: { numFmtId?: number; fillId?: number }): number {
    const key = `${xf} ${change.numFmtId ?? ''} ${change.fillId ?? ''}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const original = this.xfs[xf] ?? this.xfs[0] ?? `<${this.pre}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<((?:\w+:)?xf)\b([^>]*?)(\/?)>/.exec(original)!;
    let attrs = open[2]!;
    if (change.numFmtId !== undefined && Number(attrOf(attrs, 'numFmtId') ?? 0) !== change.numFmtId)
      attrs = withAttr(withAttr(attrs, 'numFmtId', String(change.numFmtId)), 'applyNumberFormat', '1');
    if (change.fillId !== undefined && Number(attrOf(attrs, 'fillId') ?? 0) !== change.fillId)
      attrs = withAttr(withAttr(attrs, 'fillId', String(change.fillId)), 'applyFill', '1');
    const index =
      attrs === open[2] && this.xfs[xf] !== undefined ? xf : this.addXf(`<${open[1]}${attrs}${open[3]}>${original.slice(open[0].length)}`);
    this.derived.set(key, index);
    return index;
  }

  xml(): string {
    return this.text;
  }
}
