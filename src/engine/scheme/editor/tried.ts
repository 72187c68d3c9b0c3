/**
 * What a changed scheme changes on a sheet: the sheet checked with the scheme in use and with the
 * changed one, compared — the people whose total, grade or status changes, and the quota lines
 * whose limit, count or outcome changes — so that the user sees the consequence before keeping it.
 */
import type { Person, QuotaResult, Results, Status } from '../../results';

export interface Outcome {
  total: number | null;
  grade: string | null;
  status: Status;
}

export interface PersonChange {
  row: number;
  shift: number;
  name: string;
  unit: string | null;
  before: Outcome | null;
  after: Outcome | null;
}

export interface QuotaChange {
  before: QuotaResult | null;
  after: QuotaResult | null;
}

export interface ResultChanges {
  people: PersonChange[];
  quotas: QuotaChange[];
  errors: { before: number; after: number };
  warnings: { before: number; after: number };
}

const outcome = (p: Person): Outcome => ({ total: p.total, grade: p.grade, status: p.status });
const same = (a: Outcome | null, b: Outcome | null): boolean =>
  a !== null && b !== null && a.total === b.total && a.grade === b.grade && a.status === b.status;

/** A quota line's identity across two schemes: what it counts, where, in which period — not its bound. */
function quotaKey(q: QuotaResult): string {
  return [q.grades.join('+'), q.kind, q.scope.kind === 'unit' ? `unit:${q.scope.unit}` : 'all', q.period ?? ''].join('|');
}

const quotaSame = (a: QuotaResult, b: QuotaResult): boolean =>
  a.share === b.share && a.limit === b.limit && a.count === b.count && a.base === b.base && a.severity === b.severity;

/** The changes from `before` to `after` (the same sheet checked with two schemes), in the sheet's order. */
export function resultChanges(before: Results, after: Results): ResultChanges {
  const key = (p: Person): string => `${p.row}:${p.shift}`;
  const old = new Map(before.people.map((p) => [key(p), p]));
  const people: PersonChange[] = [];
  for (const p of after.people) {
    const b = old.get(key(p));
    old.delete(key(p));
    if (b && same(outcome(b), outcome(p))) continue;
    people.push({ row: p.row, shift: p.shift, name: p.name, unit: p.unit, before: b ? outcome(b) : null, after: outcome(p) });
  }
  // Rows the changed scheme no longer reads as people.
  for (const b of old.values()) people.push({ row: b.row, shift: b.shift, name: b.name, unit: b.unit, before: outcome(b), after: null });
  people.sort((x, y) => x.row - y.row || x.shift - y.shift);

  const oldQuotas = new Map(before.quotas.map((q) => [quotaKey(q), q]));
  const quotas: QuotaChange[] = [];
  for (const q of after.quotas) {
    const b = oldQuotas.get(quotaKey(q)) ?? null;
    oldQuotas.delete(quotaKey(q));
    if (!b || !quotaSame(b, q)) quotas.push({ before: b, after: q });
  }
  for (const b of oldQuotas.values()) quotas.push({ before: b, after: null });

  const count = (r: Results, s: 'error' | 'warning'): number => r.issues.filter((i) => i.severity === s).length;
  return {
    people,
    quotas,
    errors: { before: count(before, 'error'), after: count(after, 'error') },
    warnings: { before: count(before, 'warning'), after: count(after, 'warning') },
  };
}
