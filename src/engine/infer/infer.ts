/**
 * The sheet's own scheme, inferred from what the sheet states (items and maxima in its headers,
 * its total and grade columns, the ladder of its grade words, bands and quotas in its notes), for
 * a sheet no preset fits. Null when the sheet states too little to check anything.
 *
 * Nothing is invented: a total rule is kept only where the sheet's own totals confirm it on its
 * rows (else the total is read, not recomputed); bands and quotas only where a note states them;
 * grades without stated bands are taken as written (grading mode "entered"). What to look for is
 * data (./patterns.json).
 */
import P from './patterns.json';
import { GridView, type Grid } from '../grid';
import { gradeLabel } from '../grade/score';
import { compileScheme } from '../scheme/fields';
import { SchemeError, validateScheme } from '../scheme/error';
import { ID_PATTERN } from '../scheme/ids';
import type { Scheme, SchemeInput } from '../scheme/model';
import { cellText } from '../table/cells';
import { decidedGrade, isLadderWord, isNoteText, isSummaryText, statedRating, Vocabulary, type IdentityRole } from '../table/columns';
import { unfoldBlocks } from '../table/blocks';
import { isSectionLine, readTable } from '../table/read';
import COLUMN_TEXTS from '../table/columns.json';
import { compact, headerKey, headerMax, numberFromText } from '../text';

type Ladder = (typeof P.ladders)[number];
type Band = { grade: string; min?: number; minInclusive: boolean; max?: number; maxInclusive: boolean };
type Quota = NonNullable<SchemeInput['quotas']>[number];

const re = (s: string, flags = ''): RegExp => new RegExp(s, flags);
const HEADER_MAX = P.headerMax.map((s) => re(s));
const HEADER_WEIGHT = P.headerWeight.map((s) => re(s));
const STRIP = P.strip.map((s) => re(s, 'g'));
const BAND_RES = P.notes.bands.map((b) => ({ ...b, re: re(b.re) }));
const QUOTA_RES = P.notes.quotas.map((q) => ({ ...q, re: re(q.re) }));
const PERIODS = P.periods.map((p) => ({ re: re(p.pattern), unit: p.unit as 'month' | 'quarter' | 'half-year' | 'year' }));
const keyOf = (s: string): string => headerKey(s).toLowerCase();
const SUBTOTAL_KEYS = new Set(COLUMN_TEXTS.subtotals.map(keyOf));
const TOTAL_WORDS = new Set(P.totalWords.map(keyOf));
const has = (words: string[], s: string): boolean => words.some((w) => s.includes(w));
const NOTE_LEAD = re(P.notes.lead);
const CLAUSE_LEAD = re(P.notes.clauseLead);
const cut = (s: string): string => s.slice(0, P.limits.maxLineLength);

/** The vocabulary of identity columns only (姓名, 等次, 合计 …): a scheme without fields. */
let bootstrap: Vocabulary | undefined;
function identityVocabulary(): Vocabulary {
  bootstrap ??= new Vocabulary(
    compileScheme(validateScheme({ id: 'inferred', name: '-', period: { unit: 'quarter' }, grading: { mode: 'none' } })),
  );
  return bootstrap;
}

/** The number in a cell, typed or as text; null for anything else. */
function numberIn(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return numberFromText(v);
  return null;
}

function decimalsOf(x: number): number {
  const s = String(x);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d + 1e-9) / 10 ** d;

/** A header's stated maximum: （6分）, (10分), 满分10, 10分. */
function maxOf(text: string): number | null {
  const own = headerMax(text);
  if (own !== null) return own;
  const s = compact(text);
  for (const r of HEADER_MAX) {
    const m = r.exec(s);
    if (m) return Number(m[1]);
  }
  return null;
}

/** A header's stated weight in percent: (30%), ×70%. */
function weightOf(text: string): number | null {
  const s = compact(text);
  for (const r of HEADER_WEIGHT) {
    const m = r.exec(s);
    if (m) return Number(m[1]);
  }
  return null;
}

/** The label without maxima and weights: 实绩（70%） → 实绩. */
function cleanLabel(text: string): string {
  let s = compact(text);
  for (const r of STRIP) s = s.replace(r, '');
  return s;
}

interface HeaderColumn {
  col: number;
  leaf: string;
  parent: string | null;
  parentMax: number | null;
  max: number | null;
  weight: number | null;
  role: IdentityRole | 'part' | 'subtotal' | 'converted' | 'rated' | null;
}

interface Part extends HeaderColumn {
  id: string;
  label: string;
  sign: 1 | -1;
  values: (number | null)[];
}

/** What was inferred from where, said in the scheme's note. */
class Said {
  readonly lines: string[] = [];
  add(s: string): void {
    this.lines.push(s);
  }
}

export function inferScheme(sheet: Grid): Scheme | null {
  const v = identityVocabulary();
  const grid = oneBlock(sheet, v);
  const view = new GridView(grid);
  const said = new Said();

  // The header: the first row with a 姓名 cell; up to two rows below it without numbers or names.
  let head: number | null = null;
  let nameCol = 0;
  for (let r = view.top; r <= Math.min(view.bottom, view.top + P.limits.headerSearchRows) && head === null; r++) {
    for (let c = view.left; c <= view.right; c++) {
      if (v.isName(cellText(view.value(r, c)))) {
        head = r;
        nameCol = c;
        break;
      }
    }
  }
  if (head === null) return null;
  let bottom = head;
  while (bottom - head + 1 < P.limits.maxHeaderRows && bottom + 1 <= view.bottom) {
    const r = bottom + 1;
    if (cellText(view.value(r, nameCol)) && !view.isMergeTail(r, nameCol)) break;
    // 办公室 merged across the row over its people: a section, as the reader sees it.
    if (isSectionLine(view, r, nameCol)) break;
    let texts = 0;
    let numbers = 0;
    for (let c = view.left; c <= view.right; c++) {
      if (view.isMergeTail(r, c)) continue;
      const val = view.value(r, c);
      if (typeof val === 'number') numbers++;
      else if (cellText(val)) texts++;
    }
    if (numbers > 0 || texts === 0) break;
    bottom = r;
  }

  // Columns: identity, score parts, subtotals under a dimension, converted (折合) columns.
  const columns: HeaderColumn[] = [];
  for (let c = view.left; c <= view.right; c++) {
    const path: string[] = [];
    let alone: number | null = null;
    for (let r = head; r <= bottom; r++) {
      const t = cellText(view.shown(r, c));
      if (!t) continue;
      if (headerKey(t) === '') {
        alone = maxOf(t) ?? alone;
        continue;
      }
      if (path[path.length - 1] !== t) path.push(t);
    }
    if (path.length === 0) continue;
    let leaf = path[path.length - 1]!;
    let parent = path.length > 1 ? path[path.length - 2]! : null;
    const key = keyOf(leaf);
    // 实绩考核（70%） over 得分 and 折合分: the 得分 column is the weighted part, named by the header above it.
    const weighted = parent !== null && SUBTOTAL_KEYS.has(key) && weightOf(parent) !== null;
    if (weighted) {
      leaf = parent!;
      parent = path.length > 2 ? path[path.length - 3]! : null;
    }
    let role: HeaderColumn['role'] = weighted ? 'part' : (v.identityExact(key) ?? null);
    if (role === null && TOTAL_WORDS.has(keyOf(cleanLabel(leaf)))) role = 'total';
    if (role === null && parent !== null && (SUBTOTAL_KEYS.has(key) || key === keyOf(parent))) role = 'subtotal';
    if (role === null && has(P.convertedWords, leaf)) role = 'converted';
    // 德（合格/不合格）, 廉（一票否决）: written in words, a rated item.
    if (role === null && statedRating(leaf)) role = 'rated';
    if (role === null) role = v.identityContained(key) ?? null;
    // 第一季度 under 平时考核等次（季度）: a period's grade column, named by the header above it.
    if (role === null && parent !== null && v.identityContained(keyOf(parent)) === 'grade') role = 'grade';
    if (role === null) role = 'part';
    columns.push({
      col: c,
      leaf,
      parent,
      parentMax: parent ? maxOf(parent) : null,
      max: maxOf(leaf) ?? alone,
      weight: weightOf(leaf),
      role,
    });
  }

  // People: rows below the header with a name that is not a 合计 row or a note; the rest are note lines.
  const people: number[] = [];
  const notes: { row: number; text: string }[] = [];
  for (let r = view.top; r < head; r++) notes.push({ row: r, text: rowText(view, r) });
  for (let r = bottom + 1; r <= Math.min(view.bottom, bottom + P.limits.maxRows); r++) {
    const name = cellText(view.value(r, nameCol));
    // Not a 合计 row, a note, a number, nor the header again after a page break (姓名): as the reader sees them.
    if (name && !isSummaryText(name) && !isNoteText(name) && numberIn(name) === null && !v.isName(name)) people.push(r);
    else {
      const text = rowText(view, r);
      if (text) notes.push({ row: r, text });
    }
  }
  if (people.length === 0) return null;
  const noteLines = notes.filter((n) => n.text).slice(0, P.limits.maxNoteLines);

  // Score parts: columns whose cells are numbers on most rows that fill them.
  const numeric = (col: number): (number | null)[] => people.map((r) => numberIn(view.value(r, col)));
  const filled = (col: number): number => people.filter((r) => cellText(view.value(r, col)) !== '').length;
  const ids = new Set<string>();
  const idFor = (label: string): string => {
    let base = label.replace(/[^\p{L}\p{N}_]/gu, '_') || 'x';
    if (!ID_PATTERN.test(base)) base = `f_${base}`;
    let id = base;
    for (let i = 2; ids.has(id); i++) id = `${base}_${i}`;
    ids.add(id);
    return id;
  };
  // A column whose every filled cell is a ladder word (合格, 不合格, 否决) is rated, whatever its header says.
  for (const h of columns) {
    const texts = people.map((r) => cellText(view.value(r, h.col))).filter((t) => t !== '');
    if (h.role === 'part' && texts.length > 0 && texts.every(isLadderWord)) h.role = 'rated';
  }
  const rated = columns.filter((h) => h.role === 'rated');
  const parts: Part[] = [];
  for (const h of columns) {
    if (h.role !== 'part') continue;
    const values = numeric(h.col);
    const n = values.filter((x) => x !== null).length;
    if (n === 0 || n * 2 < filled(h.col)) continue;
    const label = cleanLabel(h.leaf) || h.leaf;
    const sign = has(P.penaltyWords, label) ? -1 : 1;
    parts.push({ ...h, id: idFor(label), label, sign, values });
  }
  // The total: a column of its own (综合得分), not a score under a heading; the last such when several.
  const totalHeader =
    columns.filter((h) => h.role === 'total' && h.parent === null).pop() ?? columns.find((h) => h.role === 'total') ?? null;
  const gradeHeaders = columns.filter((h) => h.role === 'grade');
  // Several grade columns naming their stages (建议等次 … 最终评定等次): the grade is the one decided last, as the reader takes it.
  const decided = gradeHeaders[decidedGrade(gradeHeaders.map((h) => [h.leaf])) ?? 0];
  if (parts.length > 0 || totalHeader || gradeHeaders.length > 0) said.add(`表头在第 ${head === bottom ? head : `${head}–${bottom}`} 行`);

  // The ladder: the one that holds most of the words written in the grade column(s).
  const words = new Map<string, number>();
  const noGrade = new Set<string>();
  for (const h of gradeHeaders)
    for (const r of people) {
      const t = compact(cellText(view.value(r, h.col)));
      if (!t) continue;
      if (has(P.noGradeWords, t)) noGrade.add(t);
      else words.set(t, (words.get(t) ?? 0) + 1);
    }
  const labelsOf = (l: Ladder): { label: string; synonyms: string[] }[] => l.labels.map((label) => ({ label, synonyms: [] }));
  let ladder: Ladder | null = null;
  let best = 0;
  for (const l of P.ladders) {
    const known = [...words.keys()].filter((w) => gradeLabel(labelsOf(l), w) !== null).length;
    if (known > best) {
      best = known;
      ladder = l;
    }
  }

  // Bands and quotas stated in the note lines.
  const clauses = noteLines.flatMap((n) =>
    cut(compact(n.text))
      .replace(NOTE_LEAD, '')
      // 为“好”: the grade in quotes reads as the grade.
      .replace(/[“”"‘’'「」『』]/g, '')
      .replace(/(\d)分?(\((?:不)?含\))?(?:至|到|～|~|—|－|–)(?=\d)/g, '$1$2-')
      .split(/[，,；;。\n]/)
      .filter(Boolean)
      .map((text) => ({ row: n.row, text })),
  );
  const bandHits: { row: number; band: Band; word: string }[] = [];
  for (const cl of clauses) {
    for (const b of BAND_RES) {
      const m = b.re.exec(cl.text.replace(CLAUSE_LEAD, ''));
      if (!m?.groups) continue;
      const g = m.groups;
      const mark = (x: string | undefined, dflt: boolean): boolean => (x ? !x.includes('不含') : dflt);
      const band: Band = { grade: g.grade!, minInclusive: true, maxInclusive: false };
      if (g.lo !== undefined) {
        band.min = Number(g.lo);
        band.minInclusive = mark(g.loMark ?? g.loMark2, b.loIn ?? true);
      }
      if (g.hi !== undefined) {
        band.max = Number(g.hi);
        band.maxInclusive = mark(g.hiMark, b.hiIn ?? false);
      }
      bandHits.push({ row: cl.row, band, word: g.grade! });
      break;
    }
  }
  // A ladder from the bands' words when the sheet has no grade words of its own.
  if (!ladder && bandHits.length >= 2) {
    ladder = P.ladders.find((l) => bandHits.every((h) => gradeLabel(labelsOf(l), h.word) !== null)) ?? null;
  }
  const bands: Band[] = [];
  if (ladder) {
    for (const h of bandHits) {
      const grade = gradeLabel(labelsOf(ladder), h.word);
      if (grade && !bands.some((b) => b.grade === grade)) bands.push({ ...h.band, grade });
    }
  }
  if (bands.length < 2) bands.length = 0;
  joinBands(bands);

  // The total and how it is made, where the sheet's totals confirm it.
  const totals = totalHeader ? numeric(totalHeader.col) : [];
  const decimals = Math.min(2, Math.max(0, ...totals.map((t) => (t === null ? 0 : decimalsOf(t)))));
  const confirm = (f: (row: number) => number | null): { ok: boolean; rows: number; off: number[] } => {
    let rows = 0;
    const off: number[] = [];
    people.forEach((r, i) => {
      const t = totals[i];
      const x = f(i);
      if (t === null || t === undefined || x === null) return;
      rows++;
      if (Math.abs(round(x, decimals) - t) > 0.005) off.push(r);
    });
    const ok =
      rows >= P.confirm.minRows && off.length <= Math.floor(rows * P.confirm.mistypedShare) && rows - off.length >= P.confirm.minRows;
    return { ok, rows, off };
  };
  const all = (i: number, f: (p: Part, x: number) => number, base = 0): number | null => {
    let s = base;
    for (const p of parts) {
      const x = p.values[i];
      if (x === null || x === undefined) return null;
      s += f(p, x);
    }
    return s;
  };
  type Rule = { kind: 'sum' | 'weighted' | 'base'; base: number };
  let rule: Rule | null = null;
  let proof: { rows: number; off: number[] } | null = null;
  if (totalHeader && parts.length > 0) {
    const weights = parts.map((p) => p.weight);
    const candidates: [Rule, (i: number) => number | null][] = [[{ kind: 'sum', base: 0 }, (i) => all(i, (p, x) => p.sign * x)]];
    if (weights.every((w) => w !== null) && Math.abs(weights.reduce((s: number, w) => s + w!, 0) - 100) < 1e-9)
      candidates.push([{ kind: 'weighted', base: 0 }, (i) => all(i, (p, x) => (x * p.weight!) / 100)]);
    if (parts.every((p) => p.sign === -1)) candidates.push([{ kind: 'base', base: 100 }, (i) => all(i, (_p, x) => -x, 100)]);
    for (const [r, f] of candidates) {
      const c = confirm(f);
      if (c.ok) {
        rule = r;
        proof = c;
        break;
      }
    }
  }

  const period = periodOf(
    grid.sheet,
    notes.filter((n) => n.row < head!).map((n) => n.text),
  );
  // Items and their dimensions.
  const scheme: SchemeInput & { items: NonNullable<SchemeInput['items']> } = {
    id: 'inferred',
    name: '本表推断的方案',
    nameEn: 'Scheme inferred from this sheet',
    period: { unit: period.unit },
    groups: [],
    items: [],
    inputs: [],
    grading: { mode: 'none' },
    quotas: [],
  };
  const columnsWords: { total?: string[]; grade?: string[] } = {};
  const pct = (p: Part): boolean => p.weight !== null && p.values.every((x) => x === null || x <= p.weight!);
  const pointsByWeight = parts.every((p) => p.weight !== null) && Math.abs(parts.reduce((s, p) => s + (p.weight ?? 0), 0) - 100) < 1e-9;
  const maxOfPart = (p: Part): number | null => p.max ?? (rule?.kind !== 'weighted' && pointsByWeight && pct(p) ? p.weight : null);
  const synonyms = (p: Part): string[] => (keyOf(p.leaf) !== keyOf(p.label) ? [headerKey(p.leaf)] : []);
  const item = (p: Part, group?: string): void => {
    scheme.items.push({ id: p.id, label: p.label, max: maxOfPart(p)!, synonyms: synonyms(p), ...(group && { group }) });
  };
  const top: string[] = [];
  if (rule?.kind === 'sum') {
    // Dimensions: a parent header over parts, its maximum stated or its items' maxima all stated.
    const byParent = new Map<string, Part[]>();
    for (const p of parts)
      if (p.parent !== null && p.sign === 1 && maxOfPart(p) !== null) byParent.set(p.parent, [...(byParent.get(p.parent) ?? []), p]);
    const grouped = new Set<Part>();
    if (byParent.size > 1)
      for (const [parent, members] of byParent) {
        const max = maxOf(parent) ?? members.reduce((s, p) => s + maxOfPart(p)!, 0);
        const gid = idFor(cleanLabel(parent) || parent);
        // A dimension's own subtotal column is checked only where the sheet's subtotals confirm the sum.
        const sub = columns.find((h) => h.role === 'subtotal' && h.parent === parent);
        if (sub) {
          const subs = numeric(sub.col);
          const ok = confirmAgainst(people, subs, (i) =>
            members.reduce<number | null>((s, p) => (s === null || p.values[i] === null ? null : s + p.values[i]!), 0),
          );
          if (!ok) {
            ids.delete(gid);
            continue;
          }
        }
        scheme.groups!.push({
          id: gid,
          label: cleanLabel(parent) || parent,
          max,
          synonyms: keyOf(parent) !== keyOf(cleanLabel(parent)) ? [headerKey(parent)] : [],
        });
        members.forEach((p) => {
          item(p, gid);
          grouped.add(p);
        });
        top.push(gid);
      }
    for (const p of parts) {
      if (grouped.has(p)) continue;
      if (p.sign === 1 && maxOfPart(p) !== null) item(p);
      else scheme.inputs!.push({ id: p.id, label: p.label, synonyms: synonyms(p), ...(p.max !== null && { max: p.max }) });
      top.push(p.sign === 1 ? p.id : `- ${p.id}`);
    }
    scheme.total = { expr: top.join(' + ').replace(/\+ -/g, '-'), decimals };
  } else if (rule) {
    for (const p of parts) scheme.inputs!.push({ id: p.id, label: p.label, synonyms: synonyms(p), ...(p.max !== null && { max: p.max }) });
    scheme.total = {
      expr:
        rule.kind === 'weighted'
          ? parts.map((p) => `${p.weight! / 100} * ${p.id}`).join(' + ')
          : `${rule.base} - ${parts.map((p) => p.id).join(' - ')}`,
      decimals,
    };
  } else {
    // No confirmed rule: the items are checked against their stated maxima; the total, if any, is read.
    for (const p of parts) if (p.sign === 1 && p.max !== null) item(p);
    if (totalHeader) {
      // A total that is an input named so that no column of the sheet matches it: the engine then reads the sheet's
      // total column as it is (its 'total-column' scoring). Named after the header, it could match another column
      // (综合得分 cleaned to 得分 matched 实绩考核/得分) and the total would be taken from the wrong one.
      const id = idFor('total_as_written');
      scheme.inputs!.push({ id, label: P.readTotal.label, en: P.readTotal.en, synonyms: [], required: false });
      scheme.total = { expr: id, decimals };
    }
  }
  if (rule && totalHeader && v.identityExact(keyOf(totalHeader.leaf)) === undefined) columnsWords.total = [headerKey(totalHeader.leaf)];
  for (const g of gradeHeaders) if (v.identityExact(keyOf(g.leaf)) === undefined) (columnsWords.grade ??= []).push(headerKey(g.leaf));
  scheme.columns = columnsWords;

  const stated = scheme.items.filter((i) => i.max !== undefined);
  if (stated.length > 0) said.add(`分项 ${stated.map((i) => `${i.label}（${i.max}分）`).join('、')} 取自表头`);
  if (scheme.groups!.length > 0) said.add(`维度 ${scheme.groups!.map((g) => g.label).join('、')} 取自合并的上层表头`);
  if (totalHeader) {
    const where = `“${totalHeader.leaf}”列`;
    if (rule && proof) {
      const how = rule.kind === 'sum' ? '各项之和' : rule.kind === 'weighted' ? '按表头百分比加权' : `${rule.base} 减各项扣分`;
      const off = proof.off.length > 0 ? `（第 ${proof.off.join('、')} 行不符）` : '';
      said.add(`总分${where} = ${how}：本表 ${proof.rows} 行中 ${proof.rows - proof.off.length} 行相符${off}`);
    } else said.add(`总分${where}的算法未被本表各行证实：只读取，不重算`);
  }

  // Grades: bands where a note states them, else the grades as written.
  if (ladder) {
    const labels = ladder.labels.map((label, i) => ({ label, en: ladder!.en[i] }));
    const canBand = bands.length > 0 && scheme.total?.expr !== undefined;
    scheme.grading = canBand
      ? { mode: 'bands', labels, bands: bands.map((b) => ({ ...b })) }
      : gradeHeaders.length > 0
        ? { mode: 'entered', labels }
        : { mode: 'none' };
    if (gradeHeaders.length > 0)
      said.add(`等次 ${ladder.labels.join('/')} 取自“${decided!.leaf}”列的用词（${[...words.keys()].slice(0, 8).join('、')}）`);
    if (noGrade.size > 0) said.add(`“${[...noGrade].join('”“')}”表示不定等次`);
    if (canBand) said.add(`分数段取自第 ${[...new Set(bandHits.map((h) => h.row))].join('、')} 行的说明`);
    else said.add('表中未写分数段：等次按表中填写读取、计数，不重新计算');

    // Quotas stated in the notes, then the national rule for 好/较好/一般/较差.
    for (const cl of clauses) {
      for (const q of QUOTA_RES) {
        const m = q.re.exec(cl.text.replace(CLAUSE_LEAD, ''));
        if (!m?.groups) continue;
        const grades = gradesIn(m.groups.subject!, ladder.labels);
        if (grades.length === 0) continue;
        const n = Number(m.groups.n);
        // 不超过40% is a share of those graded; 优秀名额3名 a number of places, whatever the base.
        const share = m.groups.unit === '%';
        if (share ? !(n >= 0 && n <= 100) : !Number.isInteger(n)) continue;
        const bound = share
          ? q.bound === 'min'
            ? { min: n / 100 }
            : { max: n / 100 }
          : q.bound === 'min'
            ? { minPlaces: n }
            : { maxPlaces: n };
        const quota: Quota = {
          id: `stated-${(scheme.quotas ?? []).length + 1}`,
          grades,
          ...bound,
          severity: m.groups.soft ? 'warning' : 'error',
          scope: P.notes.eachUnit.some((w) => cl.text.includes(w)) ? 'unit' : 'all',
          note: `本表第 ${cl.row} 行：“${cl.text}”`,
        };
        scheme.quotas!.push(quota);
        said.add(`比例“${cl.text}”取自第 ${cl.row} 行`);
        break;
      }
    }
    const nat = P.nationalQuota;
    if (ladder.id === nat.ladder) {
      // A note stating the national share itself ("原则上不超过40%") is the national rule, checked as gwy-2020 checks it:
      // one quota, not a soft and a hard one over the same people.
      const same = scheme.quotas!.filter((q) => q.grades.join() === nat.grades.join() && q.max !== undefined && q.max <= nat.max);
      for (const q of same)
        if (q.max === nat.max && q.severity === 'warning') {
          q.severity = nat.severity as 'error';
          q.note = `${q.note}；${P.nationalQuota.same}`;
        }
      if (!same.some((q) => (q.severity ?? 'error') === 'error')) {
        scheme.quotas!.push({
          id: 'national-hao-40',
          grades: nat.grades,
          max: nat.max,
          severity: nat.severity as 'error',
          scope: 'all',
          note: nat.note,
        });
        said.add('好等次不超过 40% 按全国平时考核规则（同 gwy-2020）');
      }
    }
  }

  // Rated items decide or bar a grade: only where the sheet gives grades. Their words and veto are read from the header.
  if (rated.length > 0 && scheme.grading?.mode !== 'none') {
    scheme.rated = rated.map((h) => {
      const label = statedRating(h.leaf)?.label ?? (cleanLabel(h.leaf) || h.leaf);
      return { id: idFor(label), label, synonyms: [headerKey(h.leaf)] };
    });
    said.add(`“${rated.map((h) => h.leaf).join('”“')}”按评价词读取（合格、不合格、否决等）`);
  }

  if (!period.stated) said.add('标题和表名未写考核周期：按季度');
  if (scheme.items.length === 0 && scheme.inputs!.length === 0 && scheme.grading?.mode !== 'entered' && scheme.grading?.mode !== 'bands')
    return null;
  scheme.source = `本表“${grid.sheet}”：${said.lines[0] ?? ''}`;
  scheme.note = `${said.lines.slice(1).join('；')}。`;
  try {
    return validateScheme(scheme);
  } catch (e) {
    if (e instanceof SchemeError) return null;
    throw e;
  }
}

/**
 * A roster printed as blocks side by side, read as the reader reads it (the same header, the same
 * blocks, the same people), with the later blocks' people moved under the first block's: one
 * header and every person, for the inference. Any other sheet as it is.
 */
function oneBlock(grid: Grid, v: Vocabulary): Grid {
  const view = new GridView(grid);
  // Cheap first: a header row naming 姓名 twice.
  let twice = false;
  for (let r = view.top; r <= Math.min(view.bottom, view.top + P.limits.headerSearchRows) && !twice; r++) {
    let names = 0;
    for (let c = view.left; c <= view.right; c++) if (v.isName(cellText(view.value(r, c)))) names++;
    twice = names > 1;
  }
  if (!twice) return grid;
  const t = readTable(view, v);
  if (!t || t.blocks.length < 2) return grid;
  const rows = t.blocks.slice(1).map((s) => t.rows.filter((r) => r.shift === s).map((r) => r.row));
  const first = Math.min(...t.columns.map((c) => c.col));
  return unfoldBlocks(grid, { top: t.headerTop, bottom: t.headerBottom, first }, t.blocks, rows);
}

/** The texts of a row, joined. */
function rowText(view: GridView, r: number): string {
  const texts: string[] = [];
  for (let c = view.left; c <= view.right; c++) {
    if (view.isMergeTail(r, c)) continue;
    const t = cellText(view.value(r, c));
    if (t) texts.push(t);
  }
  return cut(texts.join(' '));
}

/** Whether a column's values are f on the rows that hold both (as a total is confirmed). */
function confirmAgainst(people: number[], sheet: (number | null)[], f: (i: number) => number | null): boolean {
  let rows = 0;
  let off = 0;
  people.forEach((_r, i) => {
    const t = sheet[i];
    const x = f(i);
    if (t === null || t === undefined || x === null) return;
    rows++;
    if (Math.abs(x - t) > 0.005) off++;
  });
  return rows >= P.confirm.minRows && off <= Math.floor(rows * P.confirm.mistypedShare);
}

/** The ladder's grades named in a text, longer labels first (较好 is not 好). */
function gradesIn(subject: string, labels: string[]): string[] {
  let s = subject;
  for (const w of P.noGradeWords) s = s.split(w).join('');
  const found: string[] = [];
  for (const l of [...labels].sort((a, b) => b.length - a.length)) {
    if (s.includes(l)) {
      found.push(l);
      s = s.split(l).join('\u0000');
    }
  }
  return labels.filter((l) => found.includes(l));
}

/** Bands in order, each ending where the next begins: "80-89分" before "90分以上" is [80, 90). */
function joinBands(bands: Band[]): void {
  bands.sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity));
  for (let i = 0; i + 1 < bands.length; i++) {
    const lo = bands[i]!;
    const hi = bands[i + 1]!;
    if (lo.max === undefined || hi.min === undefined) continue;
    if (lo.max === hi.min) lo.maxInclusive = !hi.minInclusive;
    else if (lo.max < hi.min && hi.min - lo.max <= 1) {
      lo.max = hi.min;
      lo.maxInclusive = !hi.minInclusive;
    }
  }
}

/** The period the title names, else the sheet's name; a quarter (平时考核's usual period) when neither does. */
function periodOf(sheet: string, title: string[]): { unit: 'month' | 'quarter' | 'half-year' | 'year'; stated: boolean } {
  for (const t of [...title, sheet]) {
    const text = compact(t);
    const hit = PERIODS.find((p) => p.re.test(text));
    if (hit) return { unit: hit.unit, stated: true };
  }
  return { unit: 'quarter', stated: false };
}
