/**
 * The annual roll-up: each person's period grades side by side, the scheme's annual rules
 * applied (the best annual grade they still allow, flags such as 诫勉), the period score
 * (mean of grade values or totals) and its weighted part of the annual total, xinjiang's
 * 优秀率, xicheng's rater-weighted 年度量化评价. People are matched across the period sheets
 * by name, and by name and unit where a name repeats; a person missing from a period, or
 * with no grade in one, is reported, never guessed.
 *
 * Inputs an annual sheet may hold (votes, voters, rater scores, the annual grades proposed)
 * are read with the ordinary sheet reader, through a scheme made from the annual rules
 * (`annualSheetScheme`): one reader for every sheet.
 */
import { checkGrid } from '../check';
import { matchWord } from '../grade/conditions';
import { quotaLimit } from '../quota/quota';
import { issue, type Issue } from '../report/issue';
import { fieldValue, schemeNote, type Note, type Person, type QuotaResult, type Results } from '../results';
import type { Scheme } from '../scheme/model';
import { schemeModel } from '../scheme/model';
import { compact } from '../text';
import { a1, type Grid } from '../grid';
import { periodLabel, periodUnit, type PeriodUnit } from './periods';

/** What a person's line holds for one period. */
export type PeriodState = 'graded' | 'ungraded' | 'excluded' | 'elsewhere' | 'absent';

export interface PeriodResults {
  sheet: string;
  /** The quarter, 1–4. */
  index: number;
  results: Results;
}

export interface AnnualPerson {
  name: string;
  unit: string | null;
  post: string | null;
  /** The grade of each period, in order; null where there is none. */
  periods: (string | null)[];
  /** The total of each period, in order; null where there is none. */
  totals: (number | null)[];
  /** Organisations: the place in each period within the category, and how many were ranked (null where not ranked). */
  places: ({ place: number; of: number } | null)[];
  states: PeriodState[];
  /** Why there is no grade in a period: the grade cell's short word (试用期, 调出), per period. */
  reasons: (string | null)[];
  /** Row of the person in each period sheet (null where absent). */
  rows: (number | null)[];
  /** The scheme's period score (mean of grade values or of totals), 2 decimals. */
  score: number | null;
  /** score × its weight in the annual total. */
  scorePart: number | null;
  /** Annual parts read from the annual sheet (年度量化评价得分), by id. */
  parts: Record<string, number | null>;
  /** The annual total where the scheme gives every part of it (xicheng-sifa: 50% + 50%). */
  annualTotal: number | null;
  /** xinjiang-2015: 平时考核优秀率, 年终考核测评优秀率, 年度考核优秀率 (0–1). */
  rates: { period: number; vote: number | null; annual: number | null } | null;
  /** The best annual grade the rules still allow; null when the person has no period grade to go by. */
  maxGrade: string | null;
  /** Set when a rule decides the annual grade outright (all 较差 → 不称职). */
  decided: string | null;
  /** The annual grade the annual sheet proposes, if it has a grade column. */
  proposed: string | null;
  /** First in line for the top grade (全年均为好). */
  priority: boolean;
  flags: Note[];
  /** Ids of the annual rules that applied. */
  rules: string[];
  /** Row in the annual sheet, when the person is on it. */
  annualRow: number | null;
}

export interface AnnualResults {
  scheme: Scheme;
  periods: { sheet: string; index: number; label: string }[];
  annualSheet: string | null;
  people: AnnualPerson[];
  issues: Issue[];
  /** Quotas on the annual grades: over the grades proposed in the annual sheet, or over those who may get them. */
  quotas: QuotaResult[];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The scheme an annual sheet is read with: its inputs are the columns the annual rules name
 * (votes, voters, annual parts, rater scores), its grades the annual grades (entered), its
 * quotas the annual quotas, its conditions the period scheme's (someone who left is not appraised).
 */
export function annualSheetScheme(s: Scheme): Scheme | null {
  const a = s.annual;
  if (!a) return null;
  const inputs: Record<string, unknown>[] = [];
  if (a.excellentRate) {
    inputs.push({ id: 'votes', label: a.excellentRate.votes.label, synonyms: a.excellentRate.votes.synonyms, required: false });
    inputs.push({ id: 'voters', label: a.excellentRate.voters.label, synonyms: a.excellentRate.voters.synonyms, required: false });
  }
  for (const p of a.annualParts ?? [])
    // A required part's empty cell reads as unknown (no annual total), an optional one's as 0.
    inputs.push({
      id: p.id,
      label: p.label,
      synonyms: p.synonyms,
      required: p.required,
      min: p.min ?? 0,
      ...(p.max !== undefined && { max: p.max }),
    });
  const raterLabels = new Map<string, string[]>();
  for (const r of a.raters ?? []) for (const w of r.weights) raterLabels.set(w.label, [...(raterLabels.get(w.label) ?? []), ...w.synonyms]);
  [...raterLabels].forEach(([label, synonyms], i) =>
    inputs.push({ id: `rater${i + 1}`, label, synonyms: [...new Set(synonyms)], required: false }),
  );
  const parsed = schemeModel().SchemeSchema.safeParse({
    id: `${s.id}-annual`,
    name: `${s.name}（年度）`,
    period: { unit: 'year' },
    inputs,
    grading: a.grades.length > 0 ? { mode: 'entered', labels: a.grades } : { mode: 'none' },
    conditions: s.conditions.filter((c) => c.effect === 'exclude' || c.effect === 'elsewhere'),
    quotas: a.quotas,
    columns: { ...s.columns, grade: [...(s.columns.grade ?? []), '年度考核等次', '年度等次', '建议等次', '拟定等次'] },
  });
  return parsed.success ? parsed.data : null;
}

/**
 * An annual sheet read with `annualSheetScheme`: null unless it lists people and has at least one
 * column the annual rules read (votes, parts, rater scores) or an annual grade column.
 */
export function readAnnualSheet(grid: Grid, s: Scheme): Results | null {
  const scheme = annualSheetScheme(s);
  const r = scheme ? checkGrid(grid, scheme) : null;
  if (!r || r.people.length === 0) return null;
  return Object.keys(r.fieldColumns).length > 0 || r.table.columns.some((c) => c.role.kind === 'grade') ? r : null;
}

/** A value the annual sheet holds in a column of its own; null when the sheet has no such column (not the 0 an absent optional input reads as). */
function columnValue(r: Results, p: Person, id: string): number | null {
  return r.fieldColumns[id] === undefined ? null : fieldValue(r, p, id);
}

/** People who share a name within one period are told apart by unit everywhere. */
function keyer(periods: PeriodResults[]): (p: Pick<Person, 'name' | 'unit'>) => string {
  const repeated = new Set<string>();
  for (const pr of periods) {
    const seen = new Set<string>();
    for (const p of pr.results.people) {
      const n = compact(p.name);
      if (seen.has(n)) repeated.add(n);
      seen.add(n);
    }
  }
  return (p) => {
    const n = compact(p.name);
    return repeated.has(n) ? `${n}\u0000${compact(p.unit ?? '')}` : n;
  };
}

function stateOf(p: Person): PeriodState {
  if (p.elsewhere) return 'elsewhere';
  return p.status;
}

function compare(count: number, op: '>' | '>=' | '<' | '<=' | '=', value: number): boolean {
  switch (op) {
    case '>':
      return count > value;
    case '>=':
      return count >= value;
    case '<':
      return count < value;
    case '<=':
      return count <= value;
    case '=':
      return count === value;
  }
}

/** The longest run of consecutive periods whose grade is one of `grades`. */
function longestRun(periods: (string | null)[], grades: string[]): number {
  let best = 0;
  let run = 0;
  for (const g of periods) {
    run = g !== null && grades.includes(g) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

type Annual = NonNullable<Scheme['annual']>;
type Rule = Annual['rules'][number];

/** Whether an annual rule applies to a person: surely, perhaps (it turns on periods the workbook does not hold), or not. */
export type Applies = 'yes' | 'maybe' | 'no';

const LEAST: Record<Applies, number> = { no: 0, maybe: 1, yes: 2 };
const least = (a: Applies, b: Applies): Applies => (LEAST[a] <= LEAST[b] ? a : b);

/**
 * Whether an annual rule applies. As the rules are written, counts are over the year's periods:
 * "half" is half of them, "all" every one of them graded so; a period without a grade (试用期, not
 * yet on the roll) counts for no grade — and is reported. `slots` holds the whole year: a period
 * whose sheet the workbook does not hold is `undefined`, unknown — a rule that turns on it is only
 * 'maybe' (全年均为好 is not known from one quarter of 好), and only a 'yes' is acted on.
 */
function applies(r: Rule, slots: (string | null | undefined)[], score: number | null): Applies {
  const unknown = slots.filter((g) => g === undefined).length;
  let byScore: Applies = 'yes';
  if (r.scoreBelow !== undefined) {
    if (score === null) return 'no';
    // The mean of the periods held may still move either way with the periods missing.
    byScore = unknown > 0 ? 'maybe' : score < r.scoreBelow ? 'yes' : 'no';
  }
  const w = r.when;
  if (!w) return r.scoreBelow !== undefined ? byScore : 'no';
  const known = slots.map((g) => (g === undefined ? null : g));
  if (w.consecutive !== undefined) {
    if (longestRun(known, w.grades) >= w.consecutive) return byScore;
    const hoped = slots.map((g) => (g === undefined ? w.grades[0]! : g));
    return longestRun(hoped, w.grades) >= w.consecutive ? least(byScore, 'maybe') : 'no';
  }
  const count = known.filter((g) => g !== null && w.grades.includes(g)).length;
  // No comparison written: any such period at all.
  const [op, value] = w.op === undefined || w.value === undefined ? (['>', 0] as const) : [w.op, w.value];
  const target = value === 'all' ? slots.length : value === 'half' ? slots.length / 2 : value;
  // Each count the missing periods could make: the rule applies to all of them, some, or none.
  let holds = 0;
  for (let c = count; c <= count + unknown; c++) if (compare(c, op, target)) holds++;
  const byCount: Applies = holds === unknown + 1 ? 'yes' : holds > 0 ? 'maybe' : 'no';
  return least(byScore, byCount);
}

function mean(xs: number[]): number | null {
  return xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length);
}

export function rollUp(s: Scheme, periods: PeriodResults[], annual: Results | null): AnnualResults {
  const a = s.annual!;
  const order = a.grades.map((g) => g.label);
  const key = keyer(periods);
  const issues: Issue[] = [];
  const byKey = new Map<string, AnnualPerson>();
  // Where each person's name is in each period: their row, in their own block's name column (blocks side by side share rows).
  const nameCells = new Map<AnnualPerson, (string | null)[]>();
  const n = periods.length;
  const unit = periodUnit(s);
  const indices = periods.map((p) => p.index);
  const alerts = s.organisation?.alerts;
  // The whole year for the annual rules: each period the workbook holds in its place, the periods it has no sheet for unknown.
  const placed = indices.every((x, i) => Number.isInteger(x) && x >= 1 && x <= a.periods && indices.indexOf(x) === i);
  const slots = (grades: (string | null)[]): (string | null | undefined)[] => {
    if (n >= a.periods) return grades;
    if (!placed) return [...grades, ...Array<undefined>(a.periods - n).fill(undefined)];
    const out = Array<string | null | undefined>(a.periods).fill(undefined);
    indices.forEach((x, i) => (out[x - 1] = grades[i]));
    return out;
  };

  periods.forEach((pr, i) => {
    for (const p of pr.results.people) {
      const k = key(p);
      let ap = byKey.get(k);
      if (!ap) {
        ap = {
          name: p.name,
          unit: p.unit,
          post: p.post,
          periods: Array(n).fill(null),
          totals: Array(n).fill(null),
          places: Array(n).fill(null),
          states: Array(n).fill('absent'),
          reasons: Array(n).fill(null),
          rows: Array(n).fill(null),
          score: null,
          scorePart: null,
          parts: {},
          annualTotal: null,
          rates: null,
          maxGrade: order[0] ?? null,
          decided: null,
          proposed: null,
          priority: false,
          flags: [],
          rules: [],
          annualRow: null,
        };
        byKey.set(k, ap);
      }
      if (ap.rows[i] !== null) continue; // a duplicate in one sheet is that sheet's duplicate-person issue
      ap.rows[i] = p.row;
      const cells = nameCells.get(ap) ?? Array<string | null>(n).fill(null);
      cells[i] = a1(p.row, nameColumn(pr.results) + p.shift);
      nameCells.set(ap, cells);
      ap.states[i] = stateOf(p);
      ap.unit ??= p.unit;
      ap.post ??= p.post;
      if (p.status === 'graded') {
        ap.periods[i] = p.grade;
        ap.totals[i] = p.total;
        ap.places[i] = p.rank ? { place: p.rank.place, of: p.rank.of } : null;
      } else ap.reasons[i] = p.reasonLabel;
    }
  });

  // The annual sheet (readAnnualSheet): votes, voters, parts, rater scores, proposed grades.
  const annualPeople = new Map<string, { p: Person; r: Results }>();
  if (annual) for (const p of annual.people) annualPeople.set(key(p), { p, r: annual });
  const gradeValue = new Map(s.grading.labels.map((l) => [l.label, l.value]));

  for (const [k, ap] of byKey) {
    const graded = ap.periods.filter((g): g is string => g !== null);
    // The period score.
    if (a.periodScore) {
      const xs =
        a.periodScore.from === 'grade-values'
          ? graded.map((g) => gradeValue.get(g)).filter((v): v is number => v !== undefined)
          : periods.flatMap((_pr, i) => {
              if (ap.states[i] !== 'graded') return [];
              const t = ap.totals[i];
              return t === null || t === undefined ? [] : [t];
            });
      ap.score = mean(xs);
      ap.scorePart = ap.score === null ? null : round2(ap.score * a.periodScore.weight);
    }
    // What the annual sheet says about this person.
    const onSheet = annualPeople.get(k);
    if (onSheet) {
      const { p, r } = onSheet;
      ap.annualRow = p.row;
      ap.post ??= p.post;
      ap.proposed = p.status === 'graded' ? p.grade : null;
      for (const part of a.annualParts ?? []) ap.parts[part.id] = columnValue(r, p, part.id);
      // Rater-weighted 年度量化评价 (xicheng-sifa) when the sheet has rater columns and no ready score.
      if (a.raters && a.annualParts?.[0] && ap.parts[a.annualParts[0].id] === null) {
        ap.parts[a.annualParts[0].id] = raterScore(a, r, p);
      }
    }
    if (a.annualParts && a.annualParts.length > 0 && ap.scorePart !== null) {
      // A part outside its bounds (奖惩分 over 20) was reported on the annual sheet, and counts at the bound.
      const parts = a.annualParts.map((part) => {
        const v = ap.parts[part.id] ?? (part.required ? null : 0);
        return v === null ? null : Math.min(Math.max(v, part.min ?? -Infinity), part.max ?? Infinity);
      });
      if (parts.every((x) => x !== null)) {
        ap.annualTotal = round2(ap.scorePart + a.annualParts.reduce((sum, part, i) => sum + parts[i]! * part.weight, 0));
      }
    }
    if (a.excellentRate) {
      const top = s.grading.labels[0]!.label;
      const period = graded.filter((g) => g === top).length / a.periods;
      const votes = onSheet ? columnValue(onSheet.r, onSheet.p, 'votes') : null;
      const voters = onSheet ? columnValue(onSheet.r, onSheet.p, 'voters') : null;
      const vote = votes !== null && voters !== null && voters > 0 ? votes / voters : null;
      ap.rates = {
        period: round4(period),
        vote: vote === null ? null : round4(vote),
        annual: vote === null ? null : round4(period * a.excellentRate.periodWeight + vote * a.excellentRate.voteWeight),
      };
    }
    if (alerts) ap.flags.push(...placeAlerts(alerts, ap.places, indices, unit));
    // The annual rules; they say nothing about someone with no grade here all year (a scheme that gives scores only has none).
    if (graded.length === 0) {
      ap.maxGrade = null;
      // Appraised elsewhere, or never graded: the annual grade does not follow from this unit's periods.
      if (order.length > 0 && s.grading.mode !== 'none') ap.flags.push({ code: 'no-grade-all-year' });
      continue;
    }
    for (const r of a.rules) {
      if (applies(r, slots(ap.periods), ap.score) !== 'yes') continue;
      ap.rules.push(r.id);
      const note = schemeNote(r.text, r.textEn);
      if (r.effect === 'flag') ap.flags.push(note);
      else if (r.effect === 'priority') {
        ap.priority = true;
        ap.flags.push(note);
      } else if (r.grade !== undefined) {
        if (r.effect === 'grade') ap.decided = r.grade;
        if (order.indexOf(r.grade) > order.indexOf(ap.maxGrade!)) ap.maxGrade = r.grade;
        ap.flags.push(note);
      }
    }
    if (ap.decided !== null) ap.maxGrade = ap.decided;
  }

  const people = [...byKey.values()];

  // Reported, not guessed: a person missing from some periods, or without a grade in one.
  for (const ap of people) {
    const first = ap.rows.findIndex((r) => r !== null);
    const at = { sheet: periods[first]!.sheet, cell: nameCells.get(ap)![first]!, row: ap.rows[first]! };
    const on = (i: Issue): Issue => ({ ...i, sheet: at.sheet });
    const missing = ap.states.flatMap((st, i) => (st === 'absent' ? [indices[i]!] : []));
    if (missing.length > 0)
      issues.push(on(issue({ rule: 'annual-missing-period', name: ap.name, periods: missing, unit }, at.cell, at.row)));
    const ungraded = ap.states.flatMap((st, i) => (st === 'ungraded' ? [{ index: indices[i]!, reason: ap.reasons[i] ?? null }] : []));
    if (ungraded.length > 0 && missing.length === 0) {
      issues.push(on(issue({ rule: 'annual-ungraded-period', name: ap.name, periods: ungraded, unit }, at.cell, at.row)));
    }
    if (ap.proposed !== null && ap.maxGrade !== null && order.indexOf(ap.proposed) < order.indexOf(ap.maxGrade) && annual) {
      const gradeCol = annual.table.columns.find((c) => c.role.kind === 'grade')!.col;
      // The rules that bar the proposed grade.
      const proposed = ap.proposed;
      const why = a.rules
        .filter(
          (r) =>
            ap.rules.includes(r.id) &&
            r.grade !== undefined &&
            r.effect !== 'priority' &&
            order.indexOf(r.grade) > order.indexOf(proposed!),
        )
        .map((r) => schemeNote(r.text, r.textEn));
      issues.push({
        ...issue(
          { rule: 'annual-grade-not-allowed', name: ap.name, grade: ap.proposed, maxGrade: ap.maxGrade, why },
          a1(ap.annualRow!, gradeCol),
          ap.annualRow,
        ),
        sheet: annual.table.sheet,
      });
    }
  }
  if (n < a.periods) {
    const have = new Set(periods.map((p) => p.index));
    const absent = Array.from({ length: a.periods }, (_, i) => i + 1).filter((i) => !have.has(i));
    issues.push(issue({ rule: 'annual-missing-period', name: null, periods: absent, unit, held: indices }, null, null));
  }

  return {
    scheme: s,
    periods: periods.map((p) => ({ sheet: p.sheet, index: p.index, label: periodLabel(p.index, 'zh', unit) })),
    annualSheet: annual ? annual.table.sheet : null,
    people,
    issues: [...issues, ...(annual ? annual.issues.map((i) => ({ ...i, sheet: annual.table.sheet })) : [])],
    quotas: annual ? annual.quotas : eligibleQuotas(a, people),
  };
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

type Alerts = NonNullable<NonNullable<Scheme['organisation']>['alerts']>;

/**
 * Monthly alerts for a unit (区组织工作考核): among the last places of its category in a run of
 * consecutive periods (约谈), or that many times in all (书面报告). Periods not given break a run.
 */
function placeAlerts(al: Alerts, places: AnnualPerson['places'], indices: number[], unit: PeriodUnit): Note[] {
  const last = places.map((x) => x !== null && x.place > x.of - al.lastPlaces);
  const when = indices.filter((_p, i) => last[i]);
  // The first run long enough: the months the interview is about.
  let start = 0;
  let run: number[] | null = null;
  for (let i = 0; i < last.length && !run; i++) {
    const follows = i > 0 && last[i - 1] && indices[i] === indices[i - 1]! + 1;
    if (!follows) start = i;
    if (last[i] && i - start + 1 >= al.consecutive) run = indices.slice(start, i + 1);
  }
  const alert = (text: string, en: string | undefined, periods: number[]): Note =>
    en ? { code: 'place-alert', text, en, periods, unit } : { code: 'place-alert', text, periods, unit };
  const out: Note[] = [];
  if (run) out.push(alert(al.consecutiveText, al.consecutiveTextEn, run));
  if (when.length >= al.total) out.push(alert(al.totalText, al.totalTextEn, when));
  return out;
}

function nameColumn(r: Results): number {
  return r.table.columns.find((c) => c.role.kind === 'name')?.col ?? 1;
}

/** 年度量化评价得分 from rater columns, with the weighting the person's 职务 selects. */
function raterScore(a: Annual, r: Results, p: Person): number | null {
  const raters = a.raters ?? [];
  const texts = { remark: '', status: '', name: '', post: compact(p.post ?? '') };
  const chosen = raters.find((x) => x.when && matchWord(x.when, texts, 0) !== null) ?? raters.find((x) => !x.when);
  if (!chosen) return null;
  const labels = [...new Set(raters.flatMap((x) => x.weights.map((w) => w.label)))];
  let sum = 0;
  for (const w of chosen.weights) {
    const v = columnValue(r, p, `rater${labels.indexOf(w.label) + 1}`);
    if (v === null) return null;
    sum += v * w.weight;
  }
  return round2(sum);
}

/**
 * Without an annual sheet of proposed grades, an annual quota is shown against the people the
 * rules still allow the grade: how many may get it, and how many the quota lets in.
 */
function eligibleQuotas(a: Annual, people: AnnualPerson[]): QuotaResult[] {
  const order = a.grades.map((g) => g.label);
  const base = people.filter((p) => p.states.some((st) => st === 'graded' || st === 'ungraded')).length;
  return a.quotas.flatMap((q) => {
    const eligible = people.filter((p) => p.maxGrade !== null && q.grades.some((g) => order.indexOf(p.maxGrade!) <= order.indexOf(g)));
    const out: QuotaResult[] = [];
    // A share of the year's base, or a stated number of places.
    const bounds: [number | null, number | null][] = [];
    if (q.max !== undefined) bounds.push([q.max, null]);
    if (q.maxPlaces !== undefined) bounds.push([null, q.maxPlaces]);
    for (const [share, places] of bounds) {
      const rounding = q.rounding ?? 'floor';
      const limit = share === null ? places! : quotaLimit(base, share, rounding, q.atLeastOne);
      out.push({
        id: q.id ?? null,
        grades: q.grades,
        scope: { kind: 'all' },
        kind: 'max',
        share,
        rounding,
        count: eligible.length,
        base,
        limit,
        ratio: base > 0 ? Math.round((eligible.length / base) * 1000) / 1000 : 0,
        severity: 'ok',
        ranking: [],
      });
    }
    return out;
  });
}
