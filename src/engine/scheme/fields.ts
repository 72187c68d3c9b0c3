/**
 * A scheme compiled for scoring: every field with its bounds, the expressions of the
 * dimensions and computed fields, and the expression of the total. Built once per scheme;
 * the evaluator, the range check and the formula writer all read the same expressions.
 */
import { compileExpr, type Compiled } from '../expr/evaluate';
import { exprRefs, parseExpr, type Expr } from '../expr/parse';
import type { FieldRef } from '../report/issue';
import { countId, LADDERS, voteId, VOTERS_ID } from './ids';
import type { Scheme, SchemeRated, SchemeRatingWord } from './model';

/** What every field has: its names, its bounds for out-of-range (null = unbounded), whether a score must be there. */
interface FieldBase {
  id: string;
  label: string;
  en?: string;
  synonyms: string[];
  min: number | null;
  max: number | null;
  required: boolean;
}

/** How a field is computed from others: the expression, and the same compiled for the loop over rows. */
export interface Formula {
  expr: Expr;
  run: Compiled;
}

/** A scored item, or one option's vote count on a ballot. */
export interface ItemField extends FieldBase {
  kind: 'item';
  /** The dimension it belongs to. */
  group?: string;
  /** An item scored by its deductions (基层组织建设): its max less what is taken. */
  formula?: Formula;
}

/** A dimension (德 20), or a ballot subject: the sum of its members, or its own column when it has none. */
export interface GroupField extends FieldBase {
  kind: 'group';
  /** The dimension it lies within. */
  group?: string;
  /** More than max is reported and counts as max (业绩加分 ≤ 50). */
  capped: boolean;
  /** Capped: the sum with the cap, and `uncapped` the sum before it, to report what the cap cut off. */
  formula?: Formula & { uncapped?: Compiled };
}

/** 加分 / 减分: from 0 to its cap, never required. */
export interface AdjustmentField extends FieldBase {
  kind: 'adjustment';
  adjustment: 'bonus' | 'penalty';
  required: false;
}

/**
 * Deductions whose points per case are a range (工作日志 1–3 points each): the points taken,
 * read from the sheet, must lie within count × range. `count` is the id of the count field.
 */
export interface PerCase {
  count: string;
  min: number;
  max: number;
}

/** Any other number read from the sheet: a rater's score, a vote count, a deduction's count of cases or points taken. */
export interface InputField extends FieldBase {
  kind: 'input';
  perCase?: PerCase;
}

/** A scheme's computed field, a deduction's points (count × points), a ballot's share (优秀率). */
export interface ComputedField extends FieldBase {
  kind: 'computed';
  formula: Formula;
  /** Decimals to round to. */
  decimals?: number;
}

/**
 * A rated item (德（合格/不合格）, 廉（一票否决）): its cells are words of `words`, which count
 * nothing towards the total (its value is always null) and may set or bar a grade.
 */
export interface RatedField extends FieldBase {
  kind: 'rated';
  min: null;
  max: null;
  words: SchemeRatingWord[];
  /** What 否决 means for this item. */
  veto: SchemeRated['veto'];
}

export type Field = ItemField | GroupField | AdjustmentField | InputField | ComputedField | RatedField;

/** A field with a formula: computed on the rows where what it reads is there. */
export type DerivedField = (ItemField | GroupField | ComputedField) & { formula: Formula };

export function formulaOf(f: Field): Formula | undefined {
  return f.kind === 'adjustment' || f.kind === 'input' || f.kind === 'rated' ? undefined : f.formula;
}

function isDerived(f: Field): f is DerivedField {
  return formulaOf(f) !== undefined;
}

/** Whether a field is an item of the dimension, or a dimension within it. */
export function inGroup(f: Field, group: string): boolean {
  return (f.kind === 'item' || f.kind === 'group') && f.group === group;
}

/** A penalty written as -3 means 3 points off, as when written 3. */
export function isPenalty(f: Field): boolean {
  return f.kind === 'adjustment' && f.adjustment === 'penalty';
}

/** Role-specific rules (科级干部 / 站所负责人): the computed fields and the total they replace for the rows they match. */
export interface CompiledVariant {
  variant: Scheme['variants'][number];
  computed: Map<string, Formula>;
  total: Formula | null;
}

export interface CompiledScheme {
  scheme: Scheme;
  fields: Map<string, Field>;
  /** The fields with a formula, each after what it reads. */
  derived: DerivedField[];
  /** The total, over field ids; adjustments enter capped. */
  total: Formula;
  /** Every field's position in the arrays that compiled expressions read. */
  index: Map<string, number>;
  /** When the total is a single input (a leader's score), its id: the total is read, not computed. */
  totalIsInput: string | null;
  variants: CompiledVariant[];
}

export function fieldRef(f: Field): FieldRef {
  return f.en === undefined ? { id: f.id, label: f.label } : { id: f.id, label: f.label, en: f.en };
}

const ref = (id: string): Expr => ({ k: 'ref', id });
const num = (v: number): Expr => ({ k: 'num', v });

function sumOf(terms: Expr[]): Expr {
  if (terms.length === 0) return num(0);
  return terms.reduce((a, b) => ({ k: 'bin', op: '+', a, b }));
}

/**
 * The default total: the outermost dimensions and ungrouped items, plus capped bonus, minus capped penalty;
 * deductions are taken from the items, or from the scale (100) when the rules have no items.
 */
function defaultTotal(s: Scheme): Expr {
  const parts = [
    ...s.groups.filter((g) => g.group === undefined).map((g) => ref(g.id)),
    ...s.items.filter((i) => i.group === undefined).map((i) => ref(i.id)),
  ];
  let e = parts.length === 0 && s.deductions.length > 0 ? num(s.scale?.max ?? 100) : sumOf(parts);
  // A deduction taken from an item is in that item's score already.
  for (const d of s.deductions) if (d.item === undefined) e = { k: 'bin', op: d.direction === 'deduct' ? '-' : '+', a: e, b: ref(d.id) };
  for (const a of s.adjustments) {
    const capped: Expr = { k: 'call', fn: 'MIN', args: [ref(a.id), num(a.cap)] };
    e = { k: 'bin', op: a.kind === 'bonus' ? '+' : '-', a: e, b: capped };
  }
  return e;
}

/**
 * A dimension from its members: weighted, or the sum of its items and of the dimensions inside
 * it, where items of the same content count once, the highest (MAX).
 */
function groupExpr(s: Scheme, groupId: string): Expr | undefined {
  const g = s.groups.find((x) => x.id === groupId)!;
  const members = s.items.filter((i) => i.group === groupId);
  const inner = s.groups.filter((x) => x.group === groupId);
  if (members.length === 0 && inner.length === 0) return undefined;
  if (g.combine === 'weighted') {
    return sumOf(members.map((m) => ({ k: 'bin', op: '*', a: num(m.weight ?? 1), b: ref(m.id) }) as Expr));
  }
  const terms: Expr[] = [];
  const contents = new Map<string, Expr[]>();
  for (const m of members) {
    if (m.content === undefined) terms.push(ref(m.id));
    else {
      let alike = contents.get(m.content);
      if (!alike) {
        contents.set(m.content, (alike = []));
        terms.push({ k: 'call', fn: 'MAX', args: alike });
      }
      alike.push(ref(m.id));
    }
  }
  // A content with one item needs no MAX.
  const plain = terms.map((t) => (t.k === 'call' && t.args.length === 1 ? t.args[0]! : t));
  return sumOf([...plain, ...inner.map((x) => ref(x.id))]);
}

/** An item scored by its deductions (基层组织建设 items): max less what is taken, never below min. */
function deductedItem(it: Scheme['items'][number], deductions: Scheme['deductions']): Expr | undefined {
  const own = deductions.filter((d) => d.item === it.id);
  if (own.length === 0) return undefined;
  let e: Expr = num(it.max);
  for (const d of own) e = { k: 'bin', op: d.direction === 'deduct' ? '-' : '+', a: e, b: ref(d.id) };
  return it.min === null ? e : { k: 'call', fn: 'MAX', args: [num(it.min), e] };
}

/** The naming part every field shares. */
function named(x: {
  id: string;
  label: string;
  en?: string | undefined;
  synonyms: string[];
}): Pick<FieldBase, 'id' | 'label' | 'en' | 'synonyms'> {
  return x.en === undefined
    ? { id: x.id, label: x.label, synonyms: x.synonyms }
    : { id: x.id, label: x.label, en: x.en, synonyms: x.synonyms };
}

export function compileScheme(s: Scheme): CompiledScheme {
  // Compiled expressions read fields by position, known once every field is named: a field is
  // defined here, and made when its formula can be compiled.
  const defs = new Map<string, (compile: (expr: Expr) => Formula) => Field>();
  for (const g of s.groups) {
    const sum = groupExpr(s, g.id);
    const capped: Expr | undefined = sum && g.capped ? { k: 'call', fn: 'MIN', args: [sum, num(g.max)] } : undefined;
    defs.set(g.id, (compile) => ({
      ...named(g),
      kind: 'group',
      min: 0,
      max: g.max,
      required: g.required,
      capped: g.capped,
      ...(g.group !== undefined && { group: g.group }),
      ...(sum && { formula: capped ? { ...compile(capped), uncapped: compile(sum).run } : compile(sum) }),
    }));
  }
  for (const it of s.items) {
    const expr = deductedItem(it, s.deductions);
    defs.set(it.id, (compile) => ({
      ...named(it),
      kind: 'item',
      min: it.min,
      max: it.max,
      required: it.required,
      ...(it.group !== undefined && { group: it.group }),
      ...(expr && { formula: compile(expr) }),
    }));
  }
  for (const a of s.adjustments) {
    defs.set(a.id, () => ({ ...named(a), kind: 'adjustment', min: 0, max: a.cap, required: false, adjustment: a.kind }));
  }
  for (const r of s.rated) {
    defs.set(r.id, () => ({
      ...named(r),
      kind: 'rated',
      min: null,
      max: null,
      required: r.required,
      words: r.words ?? LADDERS[r.ladder]!,
      veto: r.veto,
    }));
  }
  for (const x of s.inputs) defs.set(x.id, () => ({ ...named(x), kind: 'input', min: x.min, max: x.max ?? null, required: x.required }));
  // A deduction is two fields: the count of cases (迟到早退次数), and the points it costs — count ×
  // fixed points, computed (and checked against a points column if the sheet has one), or, where
  // the points per case are a range, read from the points column and checked against count × range.
  for (const d of s.deductions) {
    const count = countId(d.id);
    defs.set(count, () => ({ ...named(d), id: count, kind: 'input', min: 0, max: null, required: false }));
    const points = d.pointsColumn ?? { label: `${d.label}扣分`, synonyms: [] };
    const base = { id: d.id, label: points.label, synonyms: points.synonyms, min: 0, max: d.cap ?? null, required: false };
    if (typeof d.points === 'number') {
      const each: Expr = { k: 'bin', op: '*', a: ref(count), b: num(d.points) };
      const expr: Expr = d.cap === undefined ? each : { k: 'call', fn: 'MIN', args: [each, num(d.cap)] };
      defs.set(d.id, (compile) => ({ ...base, kind: 'computed', formula: compile(expr) }));
    } else {
      const perCase = { count, min: d.points.min, max: d.points.max };
      defs.set(d.id, () => ({ ...base, kind: 'input', perCase }));
    }
  }
  // A ballot: the number of voters, and per subject (总体评价, 思想政治建设 …) one vote column per
  // option (优秀/良好/一般/较差) — a group of items, so a two-row header finds them under their
  // subject; the shares (优秀率, 好评率) are computed over the first subject, the overall one.
  if (s.ballot) {
    const b = s.ballot;
    defs.set(VOTERS_ID, () => ({
      id: VOTERS_ID,
      label: b.voters.label,
      synonyms: b.voters.synonyms,
      kind: 'input',
      min: 0,
      max: null,
      required: true,
    }));
    for (const sub of b.subjects) {
      const members = b.options.map((_o, k) => voteId(sub.id, k));
      defs.set(sub.id, (compile) => ({
        ...named(sub),
        kind: 'group',
        min: 0,
        max: null,
        required: false,
        capped: false,
        formula: compile(sumOf(members.map(ref))),
      }));
      b.options.forEach((o, k) => {
        const id = voteId(sub.id, k);
        defs.set(id, () => ({ id, label: o.label, synonyms: o.synonyms, kind: 'item', group: sub.id, min: 0, max: null, required: false }));
      });
    }
    const overall = b.subjects[0]!;
    for (const r of b.rates) {
      const picked = r.options.map((label) =>
        voteId(
          overall.id,
          b.options.findIndex((o) => o.label === label),
        ),
      );
      const share: Expr = { k: 'bin', op: '/', a: sumOf(picked.map(ref)), b: ref(VOTERS_ID) };
      defs.set(r.id, (compile) => ({
        id: r.id,
        label: r.label,
        synonyms: [],
        kind: 'computed',
        min: null,
        max: null,
        required: false,
        formula: compile(share),
        decimals: 4,
      }));
    }
  }
  for (const c of s.computed) {
    const expr = parseExpr(c.expr);
    const decimals = c.decimals === undefined ? {} : { decimals: c.decimals };
    defs.set(c.id, (compile) => ({
      ...named(c),
      kind: 'computed',
      min: null,
      max: null,
      required: false,
      formula: compile(expr),
      ...decimals,
    }));
  }

  const total = s.total.expr !== undefined ? parseExpr(s.total.expr) : defaultTotal(s);
  const index = new Map([...defs.keys()].map((id, i) => [id, i]));
  const indexOf = (id: string): number => index.get(id) ?? -1;
  const compile = (expr: Expr): Formula => ({ expr, run: compileExpr(expr, indexOf) });
  const fields = new Map([...defs].map(([id, def]) => [id, def(compile)]));
  const single = total.k === 'ref' ? fields.get(total.id) : undefined;
  const totalIsInput = single && (single.kind === 'item' || single.kind === 'input') ? single.id : null;
  const variants = s.variants.map((variant) => ({
    variant,
    computed: new Map(Object.entries(variant.computed).map(([id, src]) => [id, compile(parseExpr(src))])),
    total: variant.total === undefined ? null : compile(parseExpr(variant.total)),
  }));
  return { scheme: s, fields, derived: derivedOrder(fields), total: compile(total), index, totalIsInput, variants };
}

/** Topological order of the fields that have formulas (the schema check rules out unknown ids). */
function derivedOrder(fields: Map<string, Field>): DerivedField[] {
  const order: DerivedField[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    const f = fields.get(id);
    if (!f || !isDerived(f) || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new Error(`computed fields refer to each other in a loop: ${[...path, id].join(' → ')}`);
    state.set(id, 'visiting');
    for (const r of exprRefs(f.formula.expr)) visit(r, [...path, id]);
    state.set(id, 'done');
    order.push(f);
  };
  for (const id of fields.keys()) visit(id, []);
  return order;
}
