/**
 * A scheme in words, as a 考核办法 reads: its items by dimension with maxima, how the total is
 * made, the grade bands with their exact bounds, direct grades and vetoes, who gets no grade or
 * does not take part, the quotas and the annual rules. Each line has a key that stays the same
 * when its value changes, so two schemes can be compared line by line (schemeChanges) — what an
 * office changed in its copy of a preset, said in the same words.
 */
import { fmt, pct } from '../../report/format';
import type { Locale } from '../../report/locale';
import type { Scheme, SchemeAnnualRule, SchemeBand, SchemeCondition, SchemeQuota, SchemeRated } from '../model';
import { LADDERS } from '../model';
import { describeWords, type DescribeWords, SECTIONS, type SectionKey } from './words';

export interface SchemeLine {
  /** Stable across edits of the line's values: band:好, quota:好:all:error, item:sixiang. */
  key: string;
  text: string;
}

export interface SchemeSection {
  key: SectionKey;
  title: string;
  lines: SchemeLine[];
}

/** The scheme in words, section by section; sections with nothing to say are left out. */
export function describeScheme(s: Scheme, locale: Locale): SchemeSection[] {
  const w = describeWords(locale);
  const label = (x: { label: string; en?: string | undefined }): string => (locale === 'en' ? (x.en ?? x.label) : x.label);
  const lines: Record<SectionKey, SchemeLine[]> = Object.fromEntries(SECTIONS.map((k) => [k, []])) as unknown as Record<
    SectionKey,
    SchemeLine[]
  >;
  const seen = new Map<string, number>();
  const add = (section: SectionKey, key: string, text: string): void => {
    // Two lines of one kind for the same thing (two bands of one grade) keep apart by their order.
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    lines[section].push({ key: n === 1 ? key : `${key}#${n}`, text });
  };

  add('scheme', 'name', w.name(locale === 'en' ? (s.nameEn ?? s.name) : s.name));
  if (s.basedOn !== undefined) add('scheme', 'based-on', w.basedOn(s.basedOn));
  if (s.source !== undefined) add('scheme', 'source', w.source(s.source));
  add('scheme', 'period', w.period[s.period.unit]);
  // The days matter only to leave rules (超过考核期一半): said where the scheme has one.
  if (s.period.days !== undefined && s.conditions.some((c) => c.match.leave !== undefined)) {
    add('scheme', 'period-days', w.periodDays(fmt(s.period.days)));
  }
  if (s.scale) add('scheme', 'scale', w.scale(fmt(s.scale.max)));

  for (const g of s.groups) {
    const members = s.items.filter((it) => it.group === g.id);
    const text =
      g.combine === 'weighted'
        ? w.weightedGroup(
            label(g),
            fmt(g.max),
            members.map((it) => w.weightedItem(label(it), pct(it.weight ?? 0))),
          )
        : w.group(
            label(g),
            fmt(g.max),
            members.map((it) => w.item(label(it), fmt(it.max))),
          );
    add('items', `group:${g.id}`, text);
  }
  for (const it of s.items) {
    if (it.group === undefined) add('items', `item:${it.id}`, w.item(label(it), fmt(it.max)));
    if (it.min !== 0) add('items', `min:${it.id}`, w.itemMin(label(it), it.min === null ? null : fmt(it.min)));
  }
  for (const r of s.rated) add('items', `rated:${r.id}`, w.rated(label(r), ratedWords(r, w)));
  for (const a of s.adjustments) add('items', `adjustment:${a.id}`, w.adjustment(label(a), a.kind, fmt(a.cap)));
  for (const d of s.deductions) {
    const points = typeof d.points === 'number' ? fmt(d.points) : `${fmt(d.points.min)}–${fmt(d.points.max)}`;
    const item = d.item === undefined ? null : (s.items.find((it) => it.id === d.item) ?? null);
    add(
      'items',
      `deduction:${d.id}`,
      w.deduction(label(d), points, d.direction, d.cap === undefined ? null : fmt(d.cap), item ? label(item) : null),
    );
  }

  add('total', 'total', s.total.expr === undefined ? w.totalSum : w.totalExpr(s.total.expr));
  for (const c of s.computed) add('total', `computed:${c.id}`, w.computed(label(c), c.expr));
  add('total', 'decimals', w.decimals(s.total.decimals));

  const labels = s.grading.labels.map((l) => l.label);
  if (s.grading.mode === 'bands') {
    for (const b of s.grading.bands) add('grades', `band:${b.grade}`, bandText(b, s.total.decimals, w));
  } else if (s.grading.mode === 'entered') {
    add('grades', 'entered', w.entered(labels));
  } else {
    add('grades', 'none', w.noGrades);
  }

  for (const c of s.conditions) {
    const section: SectionKey = c.effect === 'direct-grade' || c.effect === 'max-grade' ? 'direct' : 'status';
    add(section, `condition:${c.id}`, conditionText(c, locale, w));
  }

  s.quotas.forEach((q) => add('quotas', quotaKey(q), quotaText(q, w)));

  if (s.annual) {
    add(
      'annual',
      'annual',
      w.annualPeriods(
        s.annual.periods,
        s.annual.grades.map((g) => g.label),
      ),
    );
    const ps = s.annual.periodScore;
    if (ps) add('annual', 'annual-score', w.annualScore(ps.from, pct(ps.weight)));
    for (const p of s.annual.annualParts ?? []) {
      const bounds = [...(p.min !== undefined ? [w.atLeast(fmt(p.min))] : []), ...(p.max !== undefined ? [w.atMost(fmt(p.max))] : [])];
      add('annual', `annual-part:${p.id}`, w.annualPart(p.label, p.weight === 1 ? null : pct(p.weight), bounds));
    }
    for (const r of s.annual.rules) add('annual', `annual:${r.id}`, annualRuleText(r, locale, w));
    s.annual.quotas.forEach((q) => add('annual', `annual-${quotaKey(q)}`, quotaText(q, w)));
  }

  return SECTIONS.filter((k) => lines[k].length > 0).map((k) => ({ key: k, title: w.sections[k], lines: lines[k] }));
}

/** One line of the description that differs between two schemes: changed, added (before null) or removed (after null). */
export interface SchemeChange {
  section: SectionKey;
  key: string;
  before: string | null;
  after: string | null;
}

/** What `edited` says differently from `base`, line by line, in the order of the edited scheme's description (removed lines last). */
export function schemeChanges(base: Scheme, edited: Scheme, locale: Locale): SchemeChange[] {
  // The name and where a copy comes from are what a copy is; they are not changes to its rules.
  const ignored = new Set(['name', 'based-on', 'source']);
  const index = (sections: SchemeSection[]): Map<string, { section: SectionKey; text: string }> =>
    new Map(
      sections.flatMap((sec) => sec.lines.filter((l) => !ignored.has(l.key)).map((l) => [l.key, { section: sec.key, text: l.text }])),
    );
  const before = index(describeScheme(base, locale));
  const after = index(describeScheme(edited, locale));
  const out: SchemeChange[] = [];
  for (const [key, a] of after) {
    const b = before.get(key);
    if (b?.text !== a.text) out.push({ section: a.section, key, before: b?.text ?? null, after: a.text });
  }
  for (const [key, b] of before) if (!after.has(key)) out.push({ section: b.section, key, before: b.text, after: null });
  return out;
}

function ratedWords(r: SchemeRated, w: DescribeWords): string[] {
  const words = r.words ?? LADDERS[r.ladder] ?? [];
  return words.map((x) => w.ratedWord(x.word, x.effect, r.veto));
}

/** The bounds in words, and the half point under an open upper bound where totals keep decimals (89.5 为较好). */
function bandText(b: SchemeBand, decimals: number, w: DescribeWords): string {
  const bounds: string[] = [];
  if (b.min !== undefined) bounds.push(b.minInclusive ? w.atLeast(fmt(b.min)) : w.above(fmt(b.min)));
  if (b.max !== undefined) bounds.push(b.maxInclusive ? w.atMost(fmt(b.max)) : w.below(fmt(b.max)));
  const half = b.max !== undefined && !b.maxInclusive && decimals > 0 ? b.max - 0.5 : null;
  const example =
    half !== null && (b.min === undefined || half > b.min || (half === b.min && b.minInclusive)) ? w.example(fmt(half), b.grade) : null;
  return w.band(b.grade, bounds, example);
}

function conditionText(c: SchemeCondition, locale: Locale, w: DescribeWords): string {
  const reason = locale === 'en' ? (c.reasonEn ?? c.reason) : c.reason;
  const what =
    c.effect === 'direct-grade' || c.effect === 'max-grade' ? w.condition[c.effect](c.grade ?? '', reason) : w.condition[c.effect](reason);
  const keywords = c.match.keywords.length > 0 ? w.keywords(c.match.keywords) : '';
  const leave = c.match.leave ? w.leave(c.match.leave.kinds, c.match.leave.over === 'half-period' ? null : fmt(c.match.leave.over)) : '';
  return `${what}${keywords}${leave}`;
}

/**
 * An annual rule: its words as the rules write them, and what kaohe applies, said from its fields —
 * so that a rule whose grade or count was changed never reads as its old words alone.
 */
function annualRuleText(r: SchemeAnnualRule, locale: Locale, w: DescribeWords): string {
  const tests: string[] = [];
  const when = r.when;
  if (when?.consecutive !== undefined) tests.push(w.annualRun(w.together(when.grades), when.consecutive));
  else if (when) {
    const grades = w.together(when.grades);
    // No comparison written: any such period at all (as the roll-up reads it).
    tests.push(when.op === undefined || when.value === undefined ? w.annualAny(grades) : w.annualCount(grades, when.op, when.value));
  }
  if (r.scoreBelow !== undefined) tests.push(w.annualScoreBelow(fmt(r.scoreBelow)));
  const text = locale === 'en' ? (r.textEn ?? r.text) : r.text;
  return w.annualRule(text, tests, w.annualEffect[r.effect](r.grade ?? ''));
}

/** A quota's key: the grades it counts, where and how hard — what stays when its numbers are edited. */
function quotaKey(q: SchemeQuota): string {
  const kind = q.max !== undefined || q.maxPlaces !== undefined ? 'max' : 'min';
  return `quota:${q.grades.join('+')}:${kind}:${q.scope}:${q.severity}`;
}

function quotaText(q: SchemeQuota, w: DescribeWords): string {
  const bounds: string[] = [];
  if (q.max !== undefined) bounds.push(w.maxShare(pct(q.max)));
  if (q.maxPlaces !== undefined) bounds.push(w.maxPlaces(q.maxPlaces));
  if (q.min !== undefined) bounds.push(w.minShare(pct(q.min)));
  if (q.minPlaces !== undefined) bounds.push(w.minPlaces(q.minPlaces));
  const shared = q.max !== undefined || q.min !== undefined;
  const rounding = shared ? w.rounding[q.rounding ?? (q.max !== undefined ? 'floor' : 'ceil')] : null;
  return w.quota(
    w.together(q.grades),
    `${w.list(bounds)}${q.atLeastOne ? w.atLeastOne : ''}`,
    w.scope[q.scope],
    q.severity === 'warning',
    rounding,
  );
}
