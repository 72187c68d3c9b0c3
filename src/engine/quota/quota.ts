/**
 * Quotas: the share of people in some grades, per scope (the whole office, or each unit).
 * base = graded people in the scope; share × base is rounded as the scheme says (default:
 * floor for a maximum, ceil for a minimum). Over a maximum, the people in the grade are
 * ranked and the cut line and its ties marked — the tool never picks who drops.
 */
import { issue, type Issue } from '../report/issue';
import type { CutLinePerson, Person, QuotaResult, QuotaScope } from '../results';
import type { Scheme, SchemeQuota } from '../scheme/model';
import { isOrganisation } from '../table/columns';
import { compact } from '../text';

export const NO_UNIT = '（未填单位）';

/** share × base as a whole number of people; the product is cleaned of binary noise first (0.4 × 10 = 4, not 4.000…1). */
export function quotaLimit(base: number, share: number, rounding: 'floor' | 'round' | 'ceil', atLeastOne: boolean): number {
  const raw = Math.round(base * share * 1e9) / 1e9;
  let n = rounding === 'floor' ? Math.floor(raw) : rounding === 'ceil' ? Math.ceil(raw) : Math.floor(raw + 0.5);
  if (atLeastOne && base > 0 && n < 1) n = 1;
  return n;
}

/**
 * The organisations a sheet compiles (县发展和改革局, 县财政局 …): two or more, and every unit one of them. Then a
 * quota for the whole office applies to each organisation, as each is an office of its own. Null otherwise.
 */
export function organisationsOf(people: Person[]): string[] | null {
  const units = [...new Set(people.map((p) => (p.unit ? compact(p.unit) : '')))];
  return units.length >= 2 && units.every((u) => u !== '' && isOrganisation(u)) ? units : null;
}

function scopes(q: SchemeQuota, graded: Person[], perOrganisation: boolean): { scope: QuotaScope; people: Person[] }[] {
  if (q.scope === 'all' && !perOrganisation) return [{ scope: { kind: 'all' }, people: graded }];
  const by = new Map<string, { scope: QuotaScope; people: Person[] }>();
  for (const p of graded) {
    const unit = p.unit ? compact(p.unit) : NO_UNIT;
    const entry = by.get(unit) ?? { scope: { kind: 'unit', unit }, people: [] };
    entry.people.push(p);
    by.set(unit, entry);
  }
  return [...by.values()];
}

/** People in the quota's grades, best first: direct grades (given by rule) first, then by total. */
function rank(inGrade: Person[], limit: number): CutLinePerson[] {
  const sorted = [...inGrade].sort((a, b) => {
    const da = a.gradeFrom === 'direct' ? 0 : 1;
    const db = b.gradeFrom === 'direct' ? 0 : 1;
    return da - db || (b.total ?? -Infinity) - (a.total ?? -Infinity) || a.row - b.row;
  });
  const lastIn = limit > 0 ? sorted[limit - 1] : undefined;
  const firstOut = sorted[limit];
  const tieTotal = lastIn && firstOut && lastIn.gradeFrom !== 'direct' && lastIn.total === firstOut.total ? lastIn.total : undefined;
  return sorted.map((p, i) => ({
    row: p.row,
    name: p.name,
    total: p.total,
    within: i < limit,
    tie: tieTotal !== undefined && p.gradeFrom !== 'direct' && p.total === tieTotal,
    direct: p.gradeFrom === 'direct',
  }));
}

export function checkQuotas(s: Scheme, people: Person[], cellOf: (p: Person) => string): { quotas: QuotaResult[]; issues: Issue[] } {
  const graded = people.filter((p) => p.status === 'graded');
  const organisations = s.quotas.some((q) => q.scope === 'all') ? organisationsOf(people) : null;
  const quotas: QuotaResult[] = [];
  const issues: Issue[] = [];
  for (const q of s.quotas) {
    for (const { scope, people: inScope } of scopes(q, graded, organisations !== null)) {
      const base = inScope.length;
      const inGrade = inScope.filter((p) => p.grade !== null && q.grades.includes(p.grade));
      const count = inGrade.length;
      // A share of the base (40%), or a stated number of places (名额3名): share null.
      const kinds: ['max' | 'min', number | null, number | null][] = [];
      if (q.max !== undefined) kinds.push(['max', q.max, null]);
      if (q.maxPlaces !== undefined) kinds.push(['max', null, q.maxPlaces]);
      if (q.min !== undefined) kinds.push(['min', q.min, null]);
      if (q.minPlaces !== undefined) kinds.push(['min', null, q.minPlaces]);
      for (const [kind, share, places] of kinds) {
        const rounding = q.rounding ?? (kind === 'max' ? 'floor' : 'ceil');
        const limit = share === null ? places! : quotaLimit(base, share, rounding, q.atLeastOne);
        const violated = base > 0 && (kind === 'max' ? count > limit : count < limit);
        // Ranked by total where there are totals; a roster of grades only has nothing to rank by.
        const ranking = violated && kind === 'max' && inGrade.some((p) => p.total !== null) ? rank(inGrade, limit) : [];
        quotas.push({
          id: q.id ?? null,
          grades: q.grades,
          scope,
          kind,
          share,
          rounding,
          count,
          base,
          limit,
          ratio: base > 0 ? Math.round((count / base) * 1000) / 1000 : 0,
          severity: violated ? q.severity : 'ok',
          ranking,
        });
        if (!violated) continue;
        const data = { grades: q.grades, scope, count, base, limit, share, hard: q.severity === 'error' };
        if (kind === 'max') {
          // The first person past the limit: by total where ranked (row and name: blocks side by side put two
          // people on one row), else in the sheet's order.
          const out = ranking[limit];
          const firstOut = inGrade.find((p) => p.row === out?.row && p.name === out.name) ?? inGrade[limit] ?? inGrade[0]!;
          issues.push(issue({ rule: 'quota-exceeded', ...data }, cellOf(firstOut), firstOut.row, q.severity));
        } else {
          issues.push(issue({ rule: 'quota-below-minimum', ...data }, null, null, q.severity));
        }
      }
    }
  }
  // Said once: the reading that made every whole-office quota one per organisation.
  if (organisations) issues.unshift(issue({ rule: 'quota-per-organisation', units: organisations }));
  return { quotas, issues };
}
