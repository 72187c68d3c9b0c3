/**
 * A scheme compiled for scoring: every field with its bounds, the expressions of the
 * dimensions and computed fields, and the expression of the total. Built once per scheme;
 * the evaluator, the range check and the formula writer all read the same expressions.
 */
import { compileExpr, type Compiled } from '../expr/evaluate';
import { exprRefs, parseExpr, type Expr } from '../expr/parse';
import type { FieldRef } from '../report/issue';
import { countId, voteId, VOTERS_ID, type Scheme } from './model';

export type FieldKind = 'item' | 'group' | 'adjustment' | 'input' | 'computed';

export interface Field {
  id: string;
  kind: FieldKind;
  label: string;
  en?: string;
  synonyms: string[];
  /** Bounds for out-of-range; null = unbounded. Adjustments have min 0 and max = cap. */
  min: number | null;
  max: number | null;
  required: boolean;
  /** Items and dimensions: the dimension they belong to. */
  group?: string;
  /** Dimensions: more than max is reported and counts as max (业绩加分 ≤ 50). */
  capped?: boolean;
  /** Groups and computed fields: how they are computed from other fields. */
  expr?: Expr;
  /** The same, compiled for the loop over rows. */
  run?: Compiled;
  /** Capped dimensions: the sum before the cap, to report what the cap cut off. */
  uncapped?: Compiled;
  /** Computed fields: decimals to round to. */
  decimals?: number;
  /** Adjustments: bonus or penalty. */
  adjustment?: 'bonus' | 'penalty';
  /**
   * Deductions whose points per case are a range (工作日志 1–3 points each): the points taken,
   * read from the sheet, must lie within count × range. `count` is the id of the count field.
   */
  perCase?: { count: string; min: number; max: number };
}

/** Role-specific rules (科级干部 / 站所负责人): the computed fields and the total they replace for the rows they match. */
export interface CompiledVariant {
  variant: Scheme['variants'][number];
  computed: Map<string, { expr: Expr; run: Compiled }>;
  total: { expr: Expr; run: Compiled } | null;
}

export interface CompiledScheme {
  scheme: Scheme;
  fields: Map<string, Field>;
  /** Groups and computed fields in an order where each comes after what it reads. */
  derivedOrder: string[];
  /** The total, over field ids; adjustments enter capped. */
  total: Expr;
  runTotal: Compiled;
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
}): Pick<Field, 'id' | 'label' | 'en' | 'synonyms'> {
  return x.en === undefined
    ? { id: x.id, label: x.label, synonyms: x.synonyms }
    : { id: x.id, label: x.label, en: x.en, synonyms: x.synonyms };
}

export function compileScheme(s: Scheme): CompiledScheme {
  const fields = new Map<string, Field>();
  for (const g of s.groups) {
    const expr = groupExpr(s, g.id);
    fields.set(g.id, {
      ...named(g),
      kind: 'group',
      min: 0,
      max: g.max,
      required: g.required,
      ...(expr && { expr }),
      ...(g.group !== undefined && { group: g.group }),
      ...(g.capped && { capped: true }),
    });
  }
  for (const it of s.items) {
    const expr = deductedItem(it, s.deductions);
    fields.set(it.id, {
      ...named(it),
      kind: 'item',
      min: it.min,
      max: it.max,
      required: it.required,
      ...(it.group !== undefined && { group: it.group }),
      ...(expr && { expr }),
    });
  }
  for (const a of s.adjustments) {
    fields.set(a.id, { ...named(a), kind: 'adjustment', min: 0, max: a.cap, required: false, adjustment: a.kind });
  }
  for (const x of s.inputs) fields.set(x.id, { ...named(x), kind: 'input', min: x.min, max: x.max ?? null, required: x.required });
  // A deduction is two fields: the count of cases (迟到早退次数), and the points it costs — count ×
  // fixed points, computed (and checked against a points column if the sheet has one), or, where
  // the points per case are a range, read from the points column and checked against count × range.
  for (const d of s.deductions) {
    const count = countId(d.id);
    fields.set(count, { ...named(d), id: count, kind: 'input', min: 0, max: null, required: false });
    const points = d.pointsColumn ?? { label: `${d.label}扣分`, synonyms: [] };
    const base = { id: d.id, label: points.label, synonyms: points.synonyms, min: 0, max: d.cap ?? null, required: false };
    if (typeof d.points === 'number') {
      const each: Expr = { k: 'bin', op: '*', a: ref(count), b: num(d.points) };
      fields.set(d.id, {
        ...base,
        kind: 'computed',
        expr: d.cap === undefined ? each : { k: 'call', fn: 'MIN', args: [each, num(d.cap)] },
      });
    } else fields.set(d.id, { ...base, kind: 'input', perCase: { count, min: d.points.min, max: d.points.max } });
  }
  // A ballot: the number of voters, and per subject (总体评价, 思想政治建设 …) one vote column per
  // option (优秀/良好/一般/较差) — a group of items, so a two-row header finds them under their
  // subject; the shares (优秀率, 好评率) are computed over the first subject, the overall one.
  if (s.ballot) {
    const b = s.ballot;
    fields.set(VOTERS_ID, {
      id: VOTERS_ID,
      label: b.voters.label,
      synonyms: b.voters.synonyms,
      kind: 'input',
      min: 0,
      max: null,
      required: true,
    });
    for (const sub of b.subjects) {
      const members = b.options.map((_o, k) => voteId(sub.id, k));
      fields.set(sub.id, { ...named(sub), kind: 'group', min: 0, max: null, required: false, expr: sumOf(members.map(ref)) });
      b.options.forEach((o, k) => {
        fields.set(members[k]!, {
          id: members[k]!,
          label: o.label,
          synonyms: o.synonyms,
          kind: 'item',
          group: sub.id,
          min: 0,
          max: null,
          required: false,
        });
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
      fields.set(r.id, {
        id: r.id,
        label: r.label,
        synonyms: [],
        kind: 'computed',
        min: null,
        max: null,
        required: false,
        expr: { k: 'bin', op: '/', a: sumOf(picked.map(ref)), b: ref(VOTERS_ID) },
        decimals: 4,
      });
    }
  }
  for (const c of s.computed) {
    const decimals = c.decimals === undefined ? {} : { decimals: c.decimals };
    fields.set(c.id, { ...named(c), kind: 'computed', min: null, max: null, required: false, expr: parseExpr(c.expr), ...decimals });
  }

  const total = s.total.expr !== undefined ? parseExpr(s.total.expr) : defaultTotal(s);
  const single = total.k === 'ref' ? fields.get(total.id) : undefined;
  const totalIsInput = single && (single.kind === 'item' || single.kind === 'input') ? single.id : null;

  const index = new Map([...fields.keys()].map((id, i) => [id, i]));
  const indexOf = (id: string): number => index.get(id) ?? -1;
  for (const f of fields.values()) {
    if (!f.expr) continue;
    if (f.capped && f.max !== null) {
      f.uncapped = compileExpr(f.expr, indexOf);
      f.expr = { k: 'call', fn: 'MIN', args: [f.expr, num(f.max)] };
    }
    f.run = compileExpr(f.expr, indexOf);
  }
  const compile = (src: string) => {
    const expr = parseExpr(src);
    return { expr, run: compileExpr(expr, indexOf) };
  };
  const variants = s.variants.map((variant) => ({
    variant,
    computed: new Map(Object.entries(variant.computed).map(([id, src]) => [id, compile(src)])),
    total: variant.total === undefined ? null : compile(variant.total),
  }));
  return {
    scheme: s,
    fields,
    derivedOrder: derivedOrder(fields),
    total,
    runTotal: compileExpr(total, indexOf),
    index,
    totalIsInput,
    variants,
  };
}

/** Topological order of the fields that have expressions (the schema check rules out unknown ids). */
function derivedOrder(fields: Map<string, Field>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    const f = fields.get(id);
    if (!f?.expr || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new Error(`computed fields refer to each other in a loop: ${[...path, id].join(' → ')}`);
    state.set(id, 'visiting');
    for (const r of exprRefs(f.expr)) visit(r, [...path, id]);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of fields.keys()) visit(id, []);
  return order;
}
