/**
 * Header texts → column roles: which column is 姓名, which is 思想政治素质, which is the
 * 德 subtotal. Matching is by comparable keys (no spaces, no brackets, no stated maxima), in
 * a fixed order of trust: the scheme's own labels (inside a dimension's context first), then
 * the built-in identity texts, then "the header contains the label".
 */
import COLUMN_TEXTS from './columns.json';
import { inGroup, type CompiledScheme, type Field, type GroupField } from '../scheme/fields';
import { LADDERS } from '../scheme/ids';
import { compact, headerKey, remembered } from '../text';

/** The columns every roster may have besides the scheme's fields, in the order the pane lists them. */
export const IDENTITY_ROLES = [
  'seq',
  'name',
  'unit',
  'post',
  'remark',
  'status',
  'total',
  'grade',
  'age',
  'education',
  'category',
  'rank',
] as const;

export type IdentityRole = (typeof IDENTITY_ROLES)[number];

export type ColumnRole = { kind: IdentityRole } | { kind: 'field'; id: string } | { kind: 'ignored' };

export type MatchHow = 'exact' | 'context' | 'contains' | 'user' | 'none';

export interface Column {
  /** 1-based sheet column. */
  col: number;
  /** Header texts from top to bottom, each once (merged cells repeat). */
  path: string[];
  /** The maximum the header states, e.g. 6 for 思想政治素质（6分）. */
  headerMax: number | null;
  role: ColumnRole;
  how: MatchHow;
  /** What the header states of a rated column: 德（合格/不合格）, 廉（一票否决）. */
  rating?: StatedRating;
}

/**
 * What a header says of a column written in words: the words it lists (德（合格/不合格） →
 * 合格, 不合格; none for 廉（一票否决）, which only says the item vetoes), and what a veto
 * does where it says so (不得评为优秀: no top grade; 定为较差: the lowest grade).
 */
export interface StatedRating {
  words: string[];
  veto: 'lowest' | 'not-top' | null;
}

/** Every word of the built-in ladders, and those that mean a veto (否决, 一票否决). */
const LADDER_WORDS = new Set(Object.values(LADDERS).flatMap((l) => l.flatMap((w) => [w.word, ...w.synonyms].map(compact))));
const VETO_WORDS = new Set(
  Object.values(LADDERS).flatMap((l) => l.filter((w) => w.effect === 'veto').flatMap((w) => [w.word, ...w.synonyms].map(compact))),
);
/** A word of a built-in ladder (合格, 不合格, 否决, 是, 否…), with or without a bracketed remark. */
export function isLadderWord(text: string): boolean {
  const t = compact(text).replace(/[（(].*$/, '');
  return LADDER_WORDS.has(t);
}

const BARS_TOP = new RegExp(COLUMN_TEXTS.ratingHeader.barsTop);
const SETS_LOWEST = new RegExp(COLUMN_TEXTS.ratingHeader.setsLowest);
const RATING_SEPARATORS = new RegExp(COLUMN_TEXTS.ratingHeader.separators);
const BRACKETS = /[([【]([^()[\]【】]+)[)\]】]/g;

/**
 * A header that states ladder words or a veto in brackets: the header without them (德, 廉政情况)
 * and what they state; null for any other header. 廉洁自律（一票否决，不得评为优秀） → 廉洁自律, veto bars the top grade.
 */
export function statedRating(header: string): { label: string; stated: StatedRating } | null {
  const s = compact(header);
  for (const m of s.matchAll(BRACKETS)) {
    const parts = m[1]!.split(RATING_SEPARATORS).filter(Boolean);
    const vetoes = parts.filter((p) => VETO_WORDS.has(p));
    const words = parts.filter((p) => LADDER_WORDS.has(p));
    const bars = parts.some((p) => BARS_TOP.test(p));
    const lowest = parts.some((p) => SETS_LOWEST.test(p));
    const known = parts.every((p) => LADDER_WORDS.has(p) || BARS_TOP.test(p) || SETS_LOWEST.test(p));
    // One word alone (备注（无）) states nothing; a veto word or two words and more do.
    if (!known || (vetoes.length === 0 && words.length < 2)) continue;
    const label = (s.slice(0, m.index) + s.slice(m.index + m[0].length)).trim();
    if (!label) return null;
    return {
      label,
      stated: { words: words.length >= 2 ? words : [], veto: bars ? 'not-top' : lowest ? 'lowest' : null },
    };
  }
  return null;
}

/** Words that, inside an identity header, name its role ("第一季度考核等次" is a grade column). */
const IDENTITY_CONTAINS: [RegExp, IdentityRole][] = [
  [/姓名/, 'name'],
  [/备注/, 'remark'],
  [/等次|档次/, 'grade'],
  [/合计|总分/, 'total'],
  [/科室|处室|股室|部门/, 'unit'],
  [/职务|职级/, 'post'],
  [/序号/, 'seq'],
  [/年龄|周岁/, 'age'],
  [/学历|文化程度/, 'education'],
  [/排名|名次|排序/, 'rank'],
];

const keyOfOther = remembered((s: string): string => headerKey(s).toLowerCase());

/**
 * Text headerKey and lower-casing leave as it is: CJK unified ideographs, digits and small letters
 * only (most names, 张三2 too, many header words), not ending in 分 (德20分 is 德).
 */
const OWN_KEY = /^[\u4e00-\u9fff0-9a-z]+$/;

/**
 * A header text's key: headerKey, lower-cased. Text that is its own key is tested for before the
 * memory: every roster row asks for its name's key (isSummaryText, isNoteWord), and 10,000
 * different names cost the memory more than the test.
 */
export const keyOf = (s: string): string => (OWN_KEY.test(s) && !s.endsWith('分') ? s : keyOfOther(s));

const SUMMARY_ROW_KEYS = new Set(COLUMN_TEXTS.summaryRows.map(keyOf));
const SUMMARY_ROW_ENDS = COLUMN_TEXTS.summaryRowEnds.map(keyOf);

const ORG = COLUMN_TEXTS.organisations;

/** A unit that is an organisation of its own (县财政局, 白马镇), not an office inside one (党政办, 政策法规科). */
export function isOrganisation(unit: string): boolean {
  const u = compact(unit);
  if (!ORG.ends.some((e) => u.length > e.length && u.endsWith(e))) return false;
  if (ORG.townships.some((t) => u.length > t.length && u.endsWith(t))) return true;
  return ORG.places.some((p) => {
    const at = u.indexOf(p);
    return at >= 0 && at < ORG.placeWithin && at + p.length < u.length - 1;
  });
}

/** A 合计/平均分 row's label, or a tally's (优秀人数合计, “好”等次人数): a row that is not a person. */
export function isSummaryText(t: string): boolean {
  if (t === '') return false;
  const key = keyOf(t);
  return SUMMARY_ROW_KEYS.has(key) || SUMMARY_ROW_ENDS.some((e) => key.length > e.length + 1 && key.endsWith(e));
}
const SUBTOTAL_KEYS = new Set(COLUMN_TEXTS.subtotals.map(keyOf));
const STAGES = COLUMN_TEXTS.gradeStages;
const OPINION = new RegExp(STAGES.opinion);

/** An opinion column (机关党委（人事处）审定意见): a grade column of its stage where its cells hold grades. */
export function isOpinionHeader(path: string[]): boolean {
  return path.length > 0 && OPINION.test(keyOf(path[path.length - 1]!));
}

/** How late a header places a grade in the process: 最终 > 审定 > … > a plain 等次 > 建议; null when it names no stage. */
function gradeStage(path: string[]): number | null {
  const k = path.map(keyOf).join('');
  const f = STAGES.final.findIndex((w) => k.includes(w));
  if (f >= 0) return 100 - f;
  return STAGES.earlier.some((w) => k.includes(w)) ? 0 : null;
}

/**
 * Among several grade columns (their header paths, left to right), the one decided last — the
 * grade; the others are earlier stages, compared with it. Null where no header names a stage:
 * then none is earlier than another (month columns, two copies of one header).
 */
export function decidedGrade(paths: string[][]): number | null {
  if (paths.length < 2) return null;
  const stages = paths.map(gradeStage);
  if (stages.every((x) => x === null)) return null;
  let best = 0;
  stages.forEach((x, i) => {
    if ((x ?? 50) >= (stages[best] ?? 50)) best = i;
  });
  return best;
}
export const NOTE_PREFIXES: readonly string[] = COLUMN_TEXTS.notePrefixes;
const NOTE_DATE = new RegExp(COLUMN_TEXTS.noteDate);
const NOTE_WORDS = new Set(COLUMN_TEXTS.noteWords.map(keyOf));

/** A footer's label alone (注, 填表人, 审核人): never a person, whatever stands beside it. */
export function isNoteWord(text: string): boolean {
  return text !== '' && NOTE_WORDS.has(keyOf(text));
}

/**
 * A line of notes, not a name or a unit: it has a colon, or starts 注/说明/填表… and runs on, or
 * holds 盖章/签字, or is only a date. The reader and the scheme inference both ask this.
 */
export function isNoteText(text: string): boolean {
  const t = compact(text);
  return (
    /[:：]/.test(t) ||
    isNoteWord(t) ||
    (t.length > 4 && NOTE_PREFIXES.some((p) => t.startsWith(p))) ||
    COLUMN_TEXTS.noteContains.some((w) => t.includes(w)) ||
    NOTE_DATE.test(t)
  );
}

/** The header vocabulary of one scheme: field labels and identity texts by key. */
const vocabularies = new WeakMap<CompiledScheme, Vocabulary>();

/** The Vocabulary of a compiled scheme, made once (it is not changed once made). */
export function vocabularyOf(c: CompiledScheme): Vocabulary {
  let v = vocabularies.get(c);
  if (!v) vocabularies.set(c, (v = new Vocabulary(c)));
  return v;
}

export class Vocabulary {
  private readonly identity = new Map<string, IdentityRole>();
  private readonly fieldKeys = new Map<string, Field[]>();

  constructor(readonly compiled: CompiledScheme) {
    const extra = compiled.scheme.columns;
    for (const role of IDENTITY_ROLES) {
      for (const t of [...(extra[role] ?? []), ...(COLUMN_TEXTS[role] as string[])]) {
        const k = keyOf(t);
        if (k && !this.identity.has(k)) this.identity.set(k, role);
      }
    }
    for (const f of compiled.fields.values()) {
      for (const t of [f.label, ...f.synonyms]) {
        const k = keyOf(t);
        if (!k) continue;
        const list = this.fieldKeys.get(k) ?? [];
        if (!list.includes(f)) list.push(f);
        this.fieldKeys.set(k, list);
      }
    }
  }

  identityExact(key: string): IdentityRole | undefined {
    return this.identity.get(key);
  }

  fieldsExact(key: string): Field[] {
    return this.fieldKeys.get(key) ?? [];
  }

  /**
   * The field whose label (two characters or more) the header contains, the longest label
   * winning; failing that, the one field whose label contains a header of four characters or
   * more (艰苦奋斗 for 艰苦奋斗勤俭节约情况).
   */
  fieldContained(key: string): Field | undefined {
    let best: { f: Field; len: number } | undefined;
    for (const [k, fs] of this.fieldKeys) {
      if (k.length < 2 || !key.includes(k)) continue;
      if (!best || k.length > best.len) best = { f: fs[0]!, len: k.length };
    }
    if (best || key.length < 4) return best?.f;
    const within = new Set<Field>();
    for (const [k, fs] of this.fieldKeys) if (k.includes(key)) fs.forEach((f) => within.add(f));
    return within.size === 1 ? [...within][0] : undefined;
  }

  identityContained(key: string): IdentityRole | undefined {
    return IDENTITY_CONTAINS.find(([re]) => re.test(key))?.[1];
  }

  /** Whether a header text means anything to this scheme (used to recognise header rows). */
  knows(text: string): boolean {
    const k = keyOf(text);
    if (!k) return false;
    return this.identity.has(k) || this.fieldKeys.has(k) || SUBTOTAL_KEYS.has(k) || this.fieldContained(k) !== undefined;
  }

  isName(text: string): boolean {
    return this.identity.get(keyOf(text)) === 'name';
  }

  /** Exact matches only: how strongly a header row speaks this scheme's language. */
  exactScore(text: string): number {
    const k = keyOf(text);
    return k && (this.identity.has(k) || this.fieldKeys.has(k)) ? 1 : 0;
  }
}

function pickField(cands: Field[], group: GroupField | undefined): Field | undefined {
  if (cands.length === 0) return undefined;
  return (group && cands.find((f) => inGroup(f, group.id))) ?? cands[0];
}

/**
 * The role of a column whose header states words (德（合格/不合格）): a rated item of the
 * scheme, or an identity column; never a scored field, whose cells would all be not-a-number.
 */
export function matchRatedColumn(path: string[], label: string, v: Vocabulary): { role: ColumnRole; how: MatchHow } {
  const m = matchColumn([...path.slice(0, -1), label], v);
  if (m.role.kind !== 'field') return m;
  return v.compiled.fields.get(m.role.id)?.kind === 'rated' ? m : { role: { kind: 'ignored' }, how: 'none' };
}

/** The role of one column from its header path. */
export function matchColumn(path: string[], v: Vocabulary): { role: ColumnRole; how: MatchHow } {
  if (path.length === 0) return { role: { kind: 'ignored' }, how: 'none' };
  const keys = path.map(keyOf);
  const leaf = keys[keys.length - 1]!;
  const parents = keys.slice(0, -1);
  const ctx = parents
    .map((p) => v.fieldsExact(p).find((f) => f.kind === 'group'))
    .filter((f) => f !== undefined)
    .pop();

  if (ctx) {
    const inside = v.fieldsExact(leaf).find((f) => inGroup(f, ctx.id));
    if (inside) return { role: { kind: 'field', id: inside.id }, how: 'context' };
    if (SUBTOTAL_KEYS.has(leaf) || leaf === keyOf(ctx.label)) return { role: { kind: 'field', id: ctx.id }, how: 'context' };
  } else if (SUBTOTAL_KEYS.has(leaf)) {
    // 实绩考核（70%） over 得分 and 折合分: the score of the input or item named above it.
    const owner = parents
      .map((p) => v.fieldsExact(p).find((f) => f.kind === 'input' || f.kind === 'item'))
      .filter((f) => f !== undefined)
      .pop();
    if (owner) return { role: { kind: 'field', id: owner.id }, how: 'context' };
  }
  const exact = pickField(v.fieldsExact(leaf), ctx);
  if (exact) return { role: { kind: 'field', id: exact.id }, how: 'exact' };
  const id = v.identityExact(leaf);
  if (id) return { role: { kind: id }, how: 'exact' };

  // 德小计, 德得分: a dimension named with a subtotal word after it.
  for (const sub of SUBTOTAL_KEYS) {
    if (leaf.length > sub.length && leaf.endsWith(sub)) {
      const g = v.fieldsExact(leaf.slice(0, -sub.length)).find((f) => f.kind === 'group' || f.kind === 'computed');
      if (g) return { role: { kind: 'field', id: g.id }, how: 'exact' };
    }
  }
  const contained = v.fieldContained(leaf);
  if (contained && (!ctx || inGroup(contained, ctx.id) || contained.kind !== 'item')) {
    return { role: { kind: 'field', id: contained.id }, how: 'contains' };
  }
  const idc = v.identityContained(leaf);
  if (idc) return { role: { kind: idc }, how: 'contains' };
  return { role: { kind: 'ignored' }, how: 'none' };
}

const HOW_RANK: Record<MatchHow, number> = { user: 0, context: 1, exact: 1, contains: 2, none: 3 };

/** One column per role: where two columns claim the same field or identity, the better match keeps it. */
export function resolveDuplicates(cols: Column[]): Column[] {
  const best = new Map<string, Column>();
  const roleKey = (r: ColumnRole): string | null => (r.kind === 'ignored' ? null : r.kind === 'field' ? `field:${r.id}` : r.kind);
  for (const c of cols) {
    const k = roleKey(c.role);
    if (!k) continue;
    const prev = best.get(k);
    if (!prev || HOW_RANK[c.how] < HOW_RANK[prev.how]) best.set(k, c);
  }
  return cols.map((c) => {
    const k = roleKey(c.role);
    return k && best.get(k) !== c ? { ...c, role: { kind: 'ignored' }, how: 'none' } : c;
  });
}
