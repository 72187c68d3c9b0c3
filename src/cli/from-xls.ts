/**
 * What `grade` says about an .xls input: each kind of thing the .xls held (../hosts/file/xls-held)
 * that the .xlsx copy does not carry, with its count and where, in words — never one sentence for
 * all. Read through SheetJS (the default) the copy carries values, formulas, number formats,
 * merges, column widths, row heights and hidden rows and sheets, so every kind listed is lost;
 * converted by LibreOffice first, each kind is compared with what its .xlsx holds (../hosts/file/xlsx-held).
 */
import type { Locale } from '../engine';
import { type HeldKind, MAX_PLACES, type Place, type PrintItem, type XlsHeld, type XlsKind } from '../hosts/file/xls-held';
import type { XlsxHeld } from '../hosts/file/xlsx-held';

/** One kind in the JSON report: `message` in the report's language. */
export interface KindJson {
  /** `unlisted`: a file whose contents could not be listed (FromXls.listed false). */
  kind: XlsKind | 'unlisted';
  /** How many the .xls held. */
  count: number;
  /** How many the copy has (LibreOffice's conversion: fewer than `count`; SheetJS: 0). */
  kept: number;
  /** Where (the first 20): Sheet!A1, a sheet, or a defined name. */
  places: string[];
  message: string;
}

/** `output.fromXls` of the JSON report. */
export interface FromXls {
  convertedBy: 'kaohe' | 'libreoffice';
  /** False when the file is no Excel 97–2003 workbook (older, or HTML/XML saved as .xls): nothing could be listed. */
  listed: boolean;
  notCarried: KindJson[];
  /** Kinds the copy carries (LibreOffice's conversion only). */
  carried: KindJson[];
}

const SHOWN = 5;

/** Kinds that belong to a sheet as a whole: kept where the converted sheet of that name has them. */
const SHEET_KINDS = new Set<XlsKind>(['frozen-panes', 'print-settings', 'sheet-protection', 'filters']);

interface Words {
  kind: Record<XlsKind, (n: number) => string>;
  lost: (what: string, where: string) => string;
  nameFormulas: (n: number, where: string) => string;
  partly: (what: string, kept: number, where: string) => string;
  unlisted: string;
  loUnlisted: string;
  note: string;
  list: string;
  more: string;
  sheetSep: string;
  colon: string;
  print: (p: PrintItem) => string;
  frozenAt: (ref: string) => string;
  localName: (sheet: string, name: string) => string;
  converted: string;
  carriedTitle: (kinds: string[]) => string;
  offerLibreOffice: string;
  noLibreOffice: string;
  viaOnlyGrade: string;
  viaOnlyXls: (file: string) => string;
  convertFailed: (file: string, why: 'timeout' | 'failed' | 'no-output', detail: string) => string;
}

const zh: Words = {
  kind: {
    names: (n) => `名称 ${n} 个`,
    'name-formulas': (n) => `用到这些名称的公式 ${n} 个`,
    notes: (n) => `批注 ${n} 条`,
    hyperlinks: (n) => `超链接 ${n} 个`,
    'conditional-formats': (n) => `条件格式 ${n} 条`,
    validations: (n) => `数据验证 ${n} 处`,
    pictures: (n) => `图片 ${n} 张`,
    charts: (n) => `图表 ${n} 个`,
    'text-boxes': (n) => `文本框 ${n} 个`,
    shapes: (n) => `图形或控件 ${n} 个`,
    'frozen-panes': (n) => `冻结窗格 ${n} 处`,
    'print-settings': (n) => `${n} 张工作表的打印设置`,
    'sheet-protection': (n) => `${n} 张工作表的保护`,
    'workbook-protection': () => '工作簿结构保护',
    filters: (n) => `筛选 ${n} 处`,
  },
  lost: (what, where) => `${what}${where ? `（${where}）` : ''}不会带到副本`,
  nameFormulas: (n, where) => `${n} 个公式用到这些名称（${where}），副本中没有这些名称，公式会显示 #NAME?`,
  partly: (what, kept, where) => `${what}${where ? `（${where}）` : ''}只有 ${kept} 带到了副本，其余不会带到副本`,
  unlisted:
    '这份文件不是 Excel 97–2003 格式的 .xls（是更早的格式，或网页、XML 另存的“xls”），未能逐项列出：其中的名称、批注、超链接、条件格式、数据验证、图片、冻结窗格、打印设置都不会带到副本',
  loUnlisted:
    '这份文件不是 Excel 97–2003 格式的 .xls（是更早的格式，或网页、XML 另存的“xls”），未能逐项核对 LibreOffice 转换后保留了哪些内容：请打开副本核对',
  note: '注意：',
  list: '、',
  more: ' 等',
  sheetSep: '；',
  colon: '：',
  print: (p) =>
    ({
      area: () => `打印区域 ${(p as { ref: string }).ref}`,
      titles: () => `打印标题 ${(p as { ref: string }).ref}`,
      landscape: () => '横向',
      scale: () => `缩放 ${(p as { percent: number }).percent}%`,
      fit: () => {
        const f = p as { wide: number; tall: number };
        return `缩放为 ${f.wide || '自动'} 页宽 × ${f.tall || '自动'} 页高`;
      },
      paper: () => `${(p as { paper: string }).paper} 纸`,
      header: () => '页眉',
      footer: () => '页脚',
      breaks: () => `分页符 ${(p as { count: number }).count} 个`,
      gridlines: () => '打印网格线',
      centred: () => '居中打印',
    })[p.item](),
  frozenAt: (ref) => `冻结至 ${ref}`,
  localName: (sheet, name) => `${name}（仅 ${sheet}）`,
  converted: '已先用 LibreOffice 把 .xls 转换为 .xlsx，再检查并写入副本（单元格格式随之保留）',
  carriedTitle: (kinds) => `副本保留了原 .xls 中的${kinds.join('、')}`,
  offerLibreOffice: '本机装有 LibreOffice：加 --via-libreoffice 可先用它把 .xls 转换为 .xlsx，保留其中大部分内容',
  noLibreOffice:
    '--via-libreoffice 需要 LibreOffice，但本机没有找到（PATH 中没有 soffice，默认安装位置也没有）：请安装 LibreOffice，或去掉 --via-libreoffice',
  viaOnlyGrade: '--via-libreoffice 只用于 grade（把 .xls 转换后写入副本）',
  viaOnlyXls: (file) => `--via-libreoffice 只用于 .xls 文件，${file} 已是 .xlsx：去掉 --via-libreoffice 即可`,
  convertFailed: (file, why, detail) =>
    ({
      timeout: `LibreOffice 转换 ${file} 超时（${detail}），已停止，未写入副本`,
      failed: `LibreOffice 未能转换 ${file}（${detail}），未写入副本`,
      'no-output': `LibreOffice 没有生成 ${file} 的 .xlsx，未写入副本`,
    })[why],
};

const en: Words = {
  kind: {
    names: (n) => `${n} defined name${n === 1 ? '' : 's'}`,
    'name-formulas': (n) => `${n} formula${n === 1 ? '' : 's'} using those names`,
    notes: (n) => `${n} note${n === 1 ? '' : 's'}`,
    hyperlinks: (n) => `${n} hyperlink${n === 1 ? '' : 's'}`,
    'conditional-formats': (n) => `${n} conditional format rule${n === 1 ? '' : 's'}`,
    validations: (n) => `${n} data validation${n === 1 ? '' : 's'}`,
    pictures: (n) => `${n} picture${n === 1 ? '' : 's'}`,
    charts: (n) => `${n} chart${n === 1 ? '' : 's'}`,
    'text-boxes': (n) => `${n} text box${n === 1 ? '' : 'es'}`,
    shapes: (n) => `${n} shape${n === 1 ? '' : 's'} or control${n === 1 ? '' : 's'}`,
    'frozen-panes': (n) => `${n} frozen pane${n === 1 ? '' : 's'}`,
    'print-settings': (n) => `the print settings of ${n} sheet${n === 1 ? '' : 's'}`,
    'sheet-protection': (n) => `the protection of ${n} sheet${n === 1 ? '' : 's'}`,
    'workbook-protection': () => "the workbook's structure protection",
    filters: (n) => `${n} filter${n === 1 ? '' : 's'}`,
  },
  lost: (what, where) => `${cap(what)}${where ? ` (${where})` : ''} will not be in the copy`,
  nameFormulas: (n, where) =>
    `${n} formula${n === 1 ? ' uses' : 's use'} those names (${where}): the copy has no such names, so they will show #NAME?`,
  partly: (what, kept, where) => `Of ${what}${where ? ` (${where})` : ''}, only ${kept} made it into the copy; the rest will not be in it`,
  unlisted:
    'This file is not an Excel 97–2003 .xls (it is an older format, or HTML or XML saved as "xls"), so its contents could not be listed one by one: any names, notes, hyperlinks, conditional formats, validations, pictures, frozen panes and print settings will not be in the copy',
  loUnlisted:
    'This file is not an Excel 97–2003 .xls (it is an older format, or HTML or XML saved as "xls"), so what LibreOffice\'s conversion kept could not be checked one by one: please check the copy',
  note: 'Note: ',
  list: ', ',
  more: ', …',
  sheetSep: '; ',
  colon: ': ',
  print: (p) =>
    ({
      area: () => `print area ${(p as { ref: string }).ref}`,
      titles: () => `print titles ${(p as { ref: string }).ref}`,
      landscape: () => 'landscape',
      scale: () => `scale ${(p as { percent: number }).percent}%`,
      fit: () => {
        const f = p as { wide: number; tall: number };
        return `fit to ${f.wide || 'auto'} page(s) wide × ${f.tall || 'auto'} tall`;
      },
      paper: () => `${(p as { paper: string }).paper} paper`,
      header: () => 'header',
      footer: () => 'footer',
      breaks: () => `${(p as { count: number }).count} page break(s)`,
      gridlines: () => 'gridlines printed',
      centred: () => 'centred on the page',
    })[p.item](),
  frozenAt: (ref) => `frozen at ${ref}`,
  localName: (sheet, name) => `${name} (${sheet} only)`,
  converted: 'The .xls was converted to .xlsx by LibreOffice first, then checked and written to the copy (cell formatting comes through)',
  carriedTitle: (kinds) => `The copy keeps the .xls's ${kinds.join(', ')}`,
  offerLibreOffice: 'LibreOffice is installed: add --via-libreoffice to convert the .xls to .xlsx with it first, which keeps most of this',
  noLibreOffice:
    '--via-libreoffice needs LibreOffice, which was not found (no soffice on the PATH or where it installs itself): install LibreOffice, or leave out --via-libreoffice',
  viaOnlyGrade: '--via-libreoffice is for grade only (it converts an .xls before the copy is written)',
  viaOnlyXls: (file) => `--via-libreoffice is for .xls files only, and ${file} is already .xlsx: leave it out`,
  convertFailed: (file, why, detail) =>
    ({
      timeout: `LibreOffice took too long converting ${file} (${detail}) and was stopped; no copy was written`,
      failed: `LibreOffice could not convert ${file} (${detail}); no copy was written`,
      'no-output': `LibreOffice wrote no .xlsx for ${file}; no copy was written`,
    })[why],
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const fromXlsWords = (locale: Locale): Words => (locale === 'en' ? en : zh);

/** A place as the JSON lists it: Sheet!A1, the sheet alone, or a name (Sheet!name for a sheet's own). */
function placeJson(p: Place): string {
  if (p.name !== undefined && p.ref === null) return p.sheet !== null ? `${p.sheet}!${p.name}` : p.name;
  if (p.sheet === null) return '';
  return p.ref !== null ? `${p.sheet}!${p.ref}` : p.sheet;
}

/** Where, in words: the places grouped by sheet (the sheet named unless the workbook has one sheet), the first few only. */
function whereText(k: HeldKind, w: Words, oneSheet: boolean): string {
  if (k.kind === 'workbook-protection') return '';
  const shown = k.places.slice(0, SHOWN);
  // More places than shown, or more than were kept (the reader keeps MAX_PLACES); a count of rules over one range is not more places.
  const more = k.places.length > shown.length || (k.places.length >= MAX_PLACES && k.count > k.places.length) ? w.more : '';
  if (k.kind === 'names') return shown.map((p) => (p.sheet !== null ? w.localName(p.sheet, p.name!) : p.name!)).join(w.list) + more;
  if (k.kind === 'print-settings')
    return shown.map((p) => `${oneSheet ? '' : `${p.sheet}${w.colon}`}${p.print!.map(w.print).join(w.list)}`).join(w.sheetSep) + more;
  const groups = new Map<string, string[]>();
  for (const p of shown) {
    const at = k.kind === 'frozen-panes' && p.ref ? w.frozenAt(p.ref) : k.kind === 'name-formulas' ? `${p.ref}→${p.name}` : p.ref;
    const list = groups.get(p.sheet ?? '') ?? [];
    if (at !== null) list.push(at);
    groups.set(p.sheet ?? '', list);
  }
  return (
    [...groups].map(([sheet, refs]) => [oneSheet ? '' : sheet, refs.join(w.list)].filter((x) => x !== '').join(' ')).join(w.sheetSep) + more
  );
}

function kindJson(k: HeldKind, kept: number, message: string): KindJson {
  return { kind: k.kind, count: k.count, kept, places: k.places.map(placeJson), message };
}

/**
 * What the copy written (`copy`, as ../hosts/file/xlsx-held counts it) carries of what the .xls
 * held and what it lacks, kind by kind: measured on the copy itself, not assumed, so the report
 * stays true whichever way the copy was made (SheetJS's reading, or LibreOffice's conversion).
 */
export function comparedWithCopy(
  held: XlsHeld,
  copy: XlsxHeld,
  convertedBy: FromXls['convertedBy'],
  sheets: number,
  locale: Locale,
): FromXls {
  const w = fromXlsWords(locale);
  const out: FromXls = { convertedBy, listed: held.biff, notCarried: [], carried: [] };
  if (!held.biff) {
    out.notCarried.push({ kind: 'unlisted', count: 0, kept: 0, places: [], message: convertedBy === 'kaohe' ? w.unlisted : w.loUnlisted });
    return out;
  }
  const names = new Set(copy.names.map((n) => n.toLowerCase()));
  for (const k of held.kinds) {
    const kept = keptOf(k, held, copy, names);
    const what = w.kind[k.kind](k.count);
    const where = whereText(k, w, sheets === 1);
    if (kept >= k.count) out.carried.push(kindJson(k, k.count, what));
    else if (k.kind === 'name-formulas') out.notCarried.push(kindJson(k, 0, w.nameFormulas(k.count, where)));
    else out.notCarried.push(kindJson(k, kept, kept === 0 ? w.lost(what, where) : w.partly(what, kept, where)));
  }
  return out;
}

/** How many of a kind the copy has: by name, by sheet or by cell where the kind has one, else by count. */
function keptOf(k: HeldKind, held: XlsHeld, copy: XlsxHeld, names: Set<string>): number {
  switch (k.kind) {
    case 'names':
      return held.names.filter((n) => names.has(n.toLowerCase())).length;
    // A formula keeps working when every name came through.
    case 'name-formulas':
      return held.names.every((n) => names.has(n.toLowerCase())) ? k.count : 0;
    case 'notes': {
      const found = k.places.filter((p) => copy.notes.has(`${p.sheet}!${p.ref}`)).length;
      return found === k.places.length ? Math.min(k.count, copy.notes.size) : found;
    }
    default:
      if (SHEET_KINDS.has(k.kind)) return k.places.filter((p) => p.sheet !== null && copy.sheets.get(k.kind)?.has(p.sheet)).length;
      return Math.min(k.count, copy.counts.get(k.kind) ?? 0);
  }
}

/** The lines `grade` prints under what it wrote. */
export function renderFromXls(f: FromXls, locale: Locale, offerLibreOffice: boolean): string[] {
  const w = fromXlsWords(locale);
  const lines = f.convertedBy === 'libreoffice' ? [w.converted] : [];
  if (f.carried.length > 0) lines.push(w.carriedTitle(f.carried.map((k) => k.message)));
  lines.push(...f.notCarried.map((k) => `${w.note}${k.message}`));
  if (offerLibreOffice && f.convertedBy === 'kaohe' && f.notCarried.length > 0) lines.push(w.offerLibreOffice);
  return lines;
}
