/**
 * The scheme check (rule `scheme-gap`): grade bands and item levels that leave scores
 * without a grade or give two, and maxima that do not add up to the stated total.
 * Runs on every scheme before a sheet is scored, presets included.
 */
import { exprRange, type Range } from '../expr/range';
import { issue, type Issue, type Span } from '../report/issue';
import { fieldRef, formulaOf, type CompiledScheme } from './fields';

/** A range with explicit bounds: a grade band, an item level, a score note. */
export interface Bounds {
  min?: number | undefined;
  minInclusive: boolean;
  max?: number | undefined;
  maxInclusive: boolean;
}

/** A range that names something: a grade band or an item level. */
export interface Banded extends Bounds {
  name: string;
}

export function inBand(b: Bounds, x: number): boolean {
  if (b.min !== undefined && (b.minInclusive ? x < b.min : x <= b.min)) return false;
  if (b.max !== undefined && (b.maxInclusive ? x > b.max : x >= b.max)) return false;
  return true;
}

/** A stretch of the number line: a single point, or the open interval between two points. */
type Piece = { point: number } | { open: [number, number] };

function covers(b: Banded, p: Piece): boolean {
  if ('point' in p) return inBand(b, p.point);
  const [a, z] = p.open;
  return (b.min === undefined || b.min <= a) && (b.max === undefined || b.max >= z);
}

export interface Coverage {
  gaps: Span[];
  overlaps: (Span & { names: string[] })[];
}

/** Where in `domain` no band applies, and where two or more do. */
export function coverage(bands: Banded[], domain: Range): Coverage {
  const inDomain = (x: number): boolean => x >= domain.lo && x <= domain.hi;
  const pts = new Set<number>();
  for (const b of bands) {
    if (b.min !== undefined && inDomain(b.min)) pts.add(b.min);
    if (b.max !== undefined && inDomain(b.max)) pts.add(b.max);
  }
  if (Number.isFinite(domain.lo)) pts.add(domain.lo);
  if (Number.isFinite(domain.hi)) pts.add(domain.hi);
  const sorted = [...pts].sort((x, y) => x - y);

  const pieces: Piece[] = [];
  if (!Number.isFinite(domain.lo)) pieces.push({ open: [-Infinity, sorted[0] ?? Infinity] });
  sorted.forEach((p, i) => {
    pieces.push({ point: p });
    const next = sorted[i + 1];
    if (next !== undefined) pieces.push({ open: [p, next] });
  });
  if (!Number.isFinite(domain.hi) && sorted.length > 0) pieces.push({ open: [sorted[sorted.length - 1]!, Infinity] });

  const gaps: Span[] = [];
  const overlaps: (Span & { names: string[] })[] = [];
  let gap: Span | null = null;
  let over: (Span & { names: string[] }) | null = null;
  const extend = (s: Span, p: Piece): void => {
    if ('point' in p) {
      s.to = p.point;
      s.toInclusive = true;
    } else {
      s.to = Number.isFinite(p.open[1]) ? p.open[1] : null;
      s.toInclusive = false;
    }
  };
  const start = (p: Piece): Span =>
    'point' in p
      ? { from: p.point, fromInclusive: true, to: p.point, toInclusive: true }
      : {
          from: Number.isFinite(p.open[0]) ? p.open[0] : null,
          fromInclusive: false,
          to: Number.isFinite(p.open[1]) ? p.open[1] : null,
          toInclusive: false,
        };

  for (const p of pieces) {
    const names = bands.filter((b) => covers(b, p)).map((b) => b.name);
    if (names.length === 0) {
      if (gap) extend(gap, p);
      else gaps.push((gap = start(p)));
    } else gap = null;
    if (names.length > 1) {
      if (over && over.names.join() === names.join()) extend(over, p);
      else overlaps.push((over = { ...start(p), names }));
    } else over = null;
  }
  return { gaps, overlaps };
}

/** Each field's possible range; adjustments count as 0 when `withAdjustments` is false. */
function rangeFinder(c: CompiledScheme, withAdjustments: boolean): (id: string) => Range {
  const memo = new Map<string, Range>();
  const rangeOf = (id: string): Range => {
    const hit = memo.get(id);
    if (hit) return hit;
    const f = c.fields.get(id);
    const formula = f && formulaOf(f);
    let r: Range;
    if (!f) r = { lo: -Infinity, hi: Infinity };
    else if (f.kind === 'adjustment') r = withAdjustments ? { lo: 0, hi: Infinity } : { lo: 0, hi: 0 };
    // A dimension counts with its stated maximum, so items that do not add up are reported once, at the dimension.
    else if (f.kind === 'group') r = { lo: formula ? exprRange(formula.expr, rangeOf).lo : (f.min ?? 0), hi: f.max ?? Infinity };
    else if (formula) r = exprRange(formula.expr, rangeOf);
    else r = { lo: f.min ?? -Infinity, hi: f.max ?? Infinity };
    memo.set(id, r);
    return r;
  };
  return rangeOf;
}

/** The lowest and highest total the scheme allows, bonus and penalty included. */
export function totalRange(c: CompiledScheme): Range {
  return exprRange(c.total.expr, rangeFinder(c, true));
}

const EPS = 1e-9;

export function checkScheme(c: CompiledScheme): Issue[] {
  const s = c.scheme;
  const out: Issue[] = [];
  const noAdj = rangeFinder(c, false);

  for (const g of s.groups) {
    const f = c.fields.get(g.id)!;
    const formula = formulaOf(f);
    if (!formula) continue;
    const hi = exprRange(formula.expr, noAdj).hi;
    if (Math.abs(hi - g.max) > EPS) {
      out.push(issue({ rule: 'scheme-gap', kind: 'max-sum', subject: fieldRef(f), expected: g.max, actual: hi }));
    }
  }
  if (s.scale && c.totalIsInput === null) {
    const hi = exprRange(c.total.expr, noAdj).hi;
    if (Math.abs(hi - s.scale.max) > EPS) {
      out.push(issue({ rule: 'scheme-gap', kind: 'max-sum', subject: null, expected: s.scale.max, actual: hi }));
    }
  }

  if (s.grading.mode === 'bands') {
    const bands: Banded[] = s.grading.bands.map((b) => ({ ...b, name: b.grade }));
    const cov = coverage(bands, totalRange(c));
    for (const g of cov.gaps) out.push(issue({ rule: 'scheme-gap', kind: 'gap', subject: null, grades: [], ...g }));
    for (const o of cov.overlaps) {
      const { names, ...span } = o;
      out.push(issue({ rule: 'scheme-gap', kind: 'overlap', subject: null, grades: names, ...span }));
    }
  }

  for (const it of s.items) {
    if (!it.levels) continue;
    const bands: Banded[] = it.levels.map((l) => ({ ...l, name: l.level }));
    const cov = coverage(bands, { lo: it.min ?? -Infinity, hi: it.max });
    const subject = fieldRef(c.fields.get(it.id)!);
    for (const g of cov.gaps) out.push(issue({ rule: 'scheme-gap', kind: 'gap', subject, grades: [], ...g }));
    for (const o of cov.overlaps) {
      const { names, ...span } = o;
      out.push(issue({ rule: 'scheme-gap', kind: 'overlap', subject, grades: names, ...span }));
    }
  }
  return out;
}
