/**
 * Table → people: reads each row's scores, reports every bad cell, computes dimensions,
 * computed fields and the total, then decides status and grade in the fixed precedence
 * (exclusions, no-grade, direct grades, bands, caps). Quotas are counted elsewhere.
 */
import { excelRound } from '../expr/evaluate';
import { exprRefs } from '../expr/parse';
import { a1, type GridView } from '../grid';
import { issue, type FieldRef, type Issue, type IssueData, type Severity } from '../report/issue';
import { schemeNote, type FieldSource as Source, type Person, type Results, type GradeSource, type Note } from '../results';
import { inBand, totalRange } from '../scheme/check';
import {
  fieldRef,
  formulaOf,
  inGroup,
  isPenalty,
  type CompiledScheme,
  type CompiledVariant,
  type DerivedField,
  type Field,
  type InputField,
  type PerCase,
  type RatedField,
} from '../scheme/fields';
import { countId, LADDERS, voteId, VOTERS_ID } from '../scheme/ids';
import type { RatingEffect, Scheme, SchemeCondition, SchemeRatingWord } from '../scheme/model';
import { compact, numberFromText } from '../text';
import { cellText, isDateFormat, parseScore, type ParsedScore } from '../table/cells';
import type { Column, IdentityRole } from '../table/columns';
import { shiftView } from '../table/blocks';
import { headerCell, type RosterRow, type Table } from '../table/read';
import { matchedConditions, matchWord, periodDays, type Matched, type RowTexts } from './conditions';
import { noGradeStatement, type NoGradeKind } from './no-grade';
import { screenNote } from './screens';

export const TOTAL_FIELD: FieldRef = { id: 'total', label: '总分', en: 'Total' };
export const GRADE_FIELD: FieldRef = { id: 'grade', label: '等次', en: 'Grade' };
export const NAME_FIELD: FieldRef = { id: 'name', label: '姓名', en: 'Name' };

/** Sheet values within this of the computed one are the same (the sheet may show 2 decimals). */
const SAME = 0.005;

const NO_GRADE_EFFECTS = new Set<SchemeCondition['effect']>(['exclude', 'elsewhere', 'no-grade']);
const NONE: readonly SchemeCondition[] = [];

/** Maps a grade cell's text to a label of the scheme: exact, a synonym, or with 档/等次 around it. */
export function gradeLabel(labels: { label: string; synonyms: string[] }[], text: string): string | null {
  const key = (x: string): string => compact(x).toUpperCase();
  const t = key(text);
  if (!t) return null;
  const bare = t.replace(/等次|档次|等级|档|等$/g, '');
  for (const candidate of [t, bare]) {
    const hit = labels.find((l) => [l.label, ...l.synonyms].some((x) => key(x) === candidate));
    if (hit) return hit.label;
  }
  return null;
}

interface Setup {
  col: Map<string, Column>;
  identity: Partial<Record<IdentityRole, Column>>;
  source: Map<string, Source>;
  needed: Set<string>;
  scoring: Results['scoring'];
}

function setUp(view: GridView, table: Table, c: CompiledScheme): Setup {
  const col = new Map<string, Column>();
  const identity: Setup['identity'] = {};
  for (const column of table.columns) {
    if (column.role.kind === 'field') col.set(column.role.id, column);
    else if (column.role.kind !== 'ignored') identity[column.role.kind] = column;
  }

  const source = new Map<string, Source>();
  const fields = [...c.fields.values()];
  // Whether a field's value is on this sheet: in its column, or computed from what is.
  const present = (f: Field): boolean => col.has(f.id) || sourceOf(f) === 'derived';
  const sourceOf = (f: Field): Source => {
    const known = source.get(f.id);
    if (known) return known;
    let s: Source;
    if (f.kind === 'computed') s = 'derived';
    else if (f.kind === 'group') {
      const members = fields.filter((m) => inGroup(m, f.id));
      if (members.length > 0 && members.every(present)) s = 'derived';
      else if (col.has(f.id)) s = 'column';
      else s = members.some(present) ? 'derived' : f.required ? 'missing' : 'zero';
    } else if (f.kind === 'item' && f.formula && [...exprRefs(f.formula.expr)].some((id) => col.has(id) || col.has(countId(id)))) {
      // An item scored by its deductions: computed wherever the sheet counts any of its cases.
      s = 'derived';
    } else if (col.has(f.id)) s = 'column';
    else s = f.required ? 'missing' : 'zero';
    source.set(f.id, s);
    return s;
  };
  for (const f of fields) sourceOf(f);

  // The fields the total reads, through dimensions and computed fields that are computed here.
  const needed = new Set<string>();
  const visit = (id: string): void => {
    if (needed.has(id)) return;
    needed.add(id);
    const f = c.fields.get(id);
    const formula = f && formulaOf(f);
    if (formula && source.get(id) === 'derived') for (const r of exprRefs(formula.expr)) visit(r);
  };
  for (const r of exprRefs(c.total.expr)) visit(r);

  let scoring: Results['scoring'];
  // Grades as entered: no totals, unless the scheme states how its total is made (an inferred scheme whose sum the sheet confirms).
  if (c.scheme.grading.mode === 'entered' && c.scheme.total.expr === undefined) scoring = 'entered';
  // A roster of grades only (姓名, 等次 filled in), under a scored scheme: its grades are checked as written and
  // counted; no column of scores is missing, because the sheet keeps none.
  else if (gradesOnly(view, table, identity.grade, identity.total, [...col.values()], c)) scoring = 'grades-only';
  else if (identity.total && (col.size === 0 || (c.totalIsInput !== null && !col.has(c.totalIsInput)))) scoring = 'total-column';
  else scoring = 'computed';
  return { col, identity, source, needed, scoring };
}

/**
 * A grade column with the scheme's grade words on most rows, and no column of scores (rated words like 德（合格） aside). Most, not
 * any: a sheet with no score column of the scheme where kaohe wrote the one grade it could derive (a direct grade
 * for 急难险重) is still a scored sheet with its columns missing.
 */
function gradesOnly(
  view: GridView,
  table: Table,
  grade: Column | undefined,
  total: Column | undefined,
  fields: Column[],
  c: CompiledScheme,
): boolean {
  if (!grade || total) return false;
  const scored = fields.some((column) => column.role.kind === 'field' && c.fields.get(column.role.id)?.kind !== 'rated');
  const labels = c.scheme.grading.labels;
  const graded = table.rows.filter((r) => gradeLabel(labels, cellText(view.value(r.row, grade.col + r.shift))) !== null).length;
  return !scored && graded * 2 > table.rows.length;
}

/** Rows repeat the same texts: what they are matched by is worked out once per distinct key. */
const textsKey = (t: RowTexts): string => `${t.remark}\u0000${t.status}\u0000${t.name}\u0000${t.post}`;

function better(labels: { label: string }[], a: string, b: string): boolean {
  return labels.findIndex((l) => l.label === a) < labels.findIndex((l) => l.label === b);
}

export function scoreTable(
  view: GridView,
  table: Table,
  c: CompiledScheme,
): Pick<Results, 'people' | 'issues' | 'scoring' | 'sources' | 'fieldColumns' | 'absent'> {
  const setup = setUp(view, table, c);
  const issues = columnIssues(table, c, setup);
  const scorer = new RowScorer(view, table, c, setup);
  const people: Person[] = [];
  for (const r of table.rows) {
    const p = scorer.score(r, issues);
    if (p) people.push(p);
  }
  issues.push(...duplicates(people, !!setup.identity.unit, scorer.nameCol));
  return {
    people,
    issues,
    scoring: setup.scoring,
    sources: Object.fromEntries(setup.source),
    fieldColumns: Object.fromEntries([...setup.col].map(([id, column]) => [id, column.col])),
    absent: [...setup.needed].flatMap((id) => {
      const f = c.fields.get(id);
      return f && setup.source.get(id) === 'missing' ? [fieldRef(f)] : [];
    }),
  };
}

/** Sheet-wide issues: columns the total needs but the sheet lacks, header maxima that differ from the scheme's. */
function columnIssues(table: Table, c: CompiledScheme, { col, identity, source, needed, scoring }: Setup): Issue[] {
  const issues: Issue[] = [];
  if (scoring === 'computed') {
    for (const id of needed) {
      const f = c.fields.get(id);
      if (f && source.get(id) === 'missing') issues.push(issue({ rule: 'missing-column', field: fieldRef(f) }));
    }
  }
  if (c.scheme.grading.mode === 'entered' && !identity.grade) issues.push(issue({ rule: 'missing-column', field: GRADE_FIELD }));
  for (const f of c.fields.values()) {
    if (f.kind === 'rated' && f.required && !col.has(f.id)) issues.push(issue({ rule: 'missing-column', field: fieldRef(f) }));
  }
  for (const [id, column] of col) {
    const f = c.fields.get(id)!;
    if (column.headerMax !== null && f.max !== null && Math.abs(column.headerMax - f.max) > 1e-9) {
      issues.push(
        issue(
          { rule: 'header-max-mismatch', field: fieldRef(f), header: column.headerMax, scheme: f.max },
          headerCell(table, column.col),
          table.headerBottom,
        ),
      );
    }
  }
  return issues;
}

/** Per field not computed here: where its value comes from. */
interface Reader {
  f: Field;
  /** Position in compiled.index. */
  at: number;
  column: Column | null;
  /** The value when the sheet has no column for it. */
  constant: number | null;
  /** The total needs it, so an empty cell is reported. */
  wanted: boolean;
}

/**
 * Scores one roster row at a time. Everything that does not depend on the row is worked out
 * once in the constructor; the per-row state (row, checked, status, issues) lives on the
 * instance while a row is scored, so no closures are made per row.
 */
class RowScorer {
  readonly nameCol: number;
  private readonly s: CompiledScheme['scheme'];
  private readonly labels: CompiledScheme['scheme']['grading']['labels'];
  private readonly readers: Reader[];
  private readonly derived: { f: DerivedField; at: number; sheetCol: Column | undefined }[];
  private readonly leveled: { id: string; at: number; levels: NonNullable<CompiledScheme['scheme']['items'][number]['levels']> }[];
  private readonly totalAt: number | null;
  /** Deductions with a range of points per case, read from a column: checked against count × range. */
  private readonly perCase: { f: Field; each: PerCase; at: number; countAt: number; column: Column }[];
  /** Ballot subjects whose every option has a column: their votes must add up to the voters. */
  private readonly ballots: { subject: Field; votes: number[]; column: Column }[];
  private readonly votersAt: number | null;
  /** Rated items with a column: their words, as the header states them or as the scheme gives them. */
  private readonly rated: RatedColumn[];
  /** Grade columns of earlier stages (建议等次 beside 最终评定等次): compared with the grade. */
  private readonly earlier: Column[];
  private readonly conditionMemo = new Map<string, Matched[]>();
  /** The scheme's own reasons for each kind of no grade (试用期, 立案调查 …; 调出; 派驻), for a sheet that states one without a reason. */
  private readonly reasons: Record<NoGradeKind, string[]>;
  private readonly variantMemo = new Map<string, CompiledVariant | null>();
  private totalAsInput: InputField | undefined;
  // The row being scored.
  private row = 0;
  private checked = true;
  private status: Person['status'] = 'graded';
  private rowIssues: Issue[] = [];

  /** The sheet, and the view of the block the row being scored is in (blocks side by side). */
  private view: GridView;
  private shift = 0;

  constructor(
    private readonly sheet: GridView,
    table: Table,
    private readonly c: CompiledScheme,
    private readonly setup: Setup,
  ) {
    const { col, identity, source, needed, scoring } = setup;
    this.view = sheet;
    this.earlier = table.earlierGrades;
    this.s = c.scheme;
    this.labels = c.scheme.grading.labels;
    this.nameCol = identity.name?.col ?? table.columns[0]?.col ?? 1;
    this.reasons = {
      ungraded: reasonsOf(this.s, 'no-grade'),
      excluded: reasonsOf(this.s, 'exclude'),
      elsewhere: reasonsOf(this.s, 'elsewhere'),
    };
    this.rated = [...c.fields.values()].flatMap((f) => {
      const column = col.get(f.id);
      return f.kind === 'rated' && column ? [ratedColumn(f, column)] : [];
    });
    this.readers = [...c.fields.values()]
      .filter((f) => source.get(f.id) !== 'derived' && f.kind !== 'rated')
      .map((f) => {
        const src = source.get(f.id);
        return {
          f,
          at: c.index.get(f.id)!,
          column: src === 'column' ? col.get(f.id)! : null,
          constant: src === 'zero' ? 0 : null,
          wanted: scoring === 'computed' && needed.has(f.id),
        };
      });
    this.derived = c.derived
      .filter((f) => source.get(f.id) === 'derived')
      .map((f) => ({ f, at: c.index.get(f.id)!, sheetCol: col.get(f.id) }));
    this.leveled = c.scheme.items.flatMap((it) => (it.levels ? [{ id: it.id, at: c.index.get(it.id)!, levels: it.levels }] : []));
    this.totalAt = c.totalIsInput !== null ? c.index.get(c.totalIsInput)! : null;
    this.votersAt = c.scheme.ballot && col.has(VOTERS_ID) ? c.index.get(VOTERS_ID)! : null;
    this.ballots = (c.scheme.ballot?.subjects ?? []).flatMap((sub) => {
      const ids = c.scheme.ballot!.options.map((_o, k) => voteId(sub.id, k));
      if (!ids.every((id) => col.has(id))) return [];
      return [{ subject: c.fields.get(sub.id)!, votes: ids.map((id) => c.index.get(id)!), column: col.get(ids[0]!)! }];
    });
    this.perCase = [...c.fields.values()].flatMap((f) => {
      const column = col.get(f.id);
      if (f.kind !== 'input' || !f.perCase || !column) return [];
      return [{ f, each: f.perCase, at: c.index.get(f.id)!, countAt: c.index.get(f.perCase.count)!, column }];
    });
  }

  /** Scores a row; its issues go to `issues`. Null for a row without a name (reported). */
  score(r: RosterRow, issues: Issue[]): Person | null {
    if (r.shift !== this.shift) {
      this.shift = r.shift;
      this.view = shiftView(this.sheet, r.shift);
    }
    const { s, view, setup } = this;
    if (!r.name) {
      issues.push(issue({ rule: 'missing-value', field: NAME_FIELD }, a1(r.row, this.nameCol + r.shift), r.row));
      return null;
    }
    const remark = this.text('remark', r.row);
    const texts = { remark, status: this.text('status', r.row), name: r.nameNote ?? '', post: this.text('post', r.row) };
    // The grade cell first: 不确定等次（试用期）, 不参加 are the sheet's own statement, and a bracketed reason counts as 备注 does.
    const gradeCol = setup.identity.grade;
    const gradeText = gradeCol ? cellText(view.value(r.row, gradeCol.col)) : '';
    const sheetGrade = gradeText ? gradeLabel(this.labels, gradeText) : null;
    const statement = sheetGrade === null && gradeText ? noGradeStatement(gradeText) : null;
    const sheetNoGrade = statement !== null;
    const why0 = statement?.reason;
    const hits = this.conditions(why0 ? { ...texts, remark: texts.remark ? `${texts.remark}；${why0}` : why0 } : texts);
    const matched = hits.length === 0 ? NONE : hits.map((h) => h.condition);
    const noGradeHit = hits.length === 0 ? undefined : hits.find((h) => NO_GRADE_EFFECTS.has(h.condition.effect));
    const noGrade = noGradeHit?.condition;
    // Where the scheme's conditions find no reason, the sheet's statement of no grade is followed, not contradicted.
    const stated = !noGrade && statement && statement.kind !== 'unstated' && s.grading.mode !== 'none' ? statement.kind : null;
    const status: Person['status'] = stated
      ? stated === 'ungraded'
        ? 'ungraded'
        : 'excluded'
      : !noGrade
        ? 'graded'
        : noGrade.effect === 'no-grade'
          ? 'ungraded'
          : 'excluded';
    const elsewhere = stated ? stated === 'elsewhere' : noGrade?.effect === 'elsewhere';
    this.row = r.row;
    this.status = status;
    this.checked = status !== 'excluded';
    this.rowIssues = [];
    if (stated) {
      const reasons = this.reasons[stated];
      // A scheme that lists no reasons of its own (an inferred one) has nothing to miss.
      if (reasons.length > 0)
        this.add({ rule: 'no-grade-unexplained', sheet: gradeText, stated, reasons, given: why0 ?? null }, gradeCol!.col);
    }

    const vals = this.readFields();
    const variant = this.variantOf(texts);
    this.derive(vals, variant);
    this.checkPerCase(vals);
    this.checkBallots(vals);
    const total = this.total(vals, variant);
    const rated = this.readRatings(r.row);

    // Status and grade. 不定等次（试用期）, 不参加, —: the sheet records 'no grade', in words every scheme accepts.
    // A word that is no grade is unknown where a grade is due; for someone who gets none it is a grade-mismatch (below),
    // whose fix (clear it, give the reason) is the right one — not "choose one of the grades".
    if (gradeText && sheetGrade === null && !sheetNoGrade && status === 'graded' && s.grading.mode !== 'none') {
      this.add({ rule: 'unknown-grade', text: gradeText, known: this.labels.map((l) => l.label) }, gradeCol!.col);
    }
    // Earlier stages (建议等次, 党组会建议等次) that differ from the grade decided last: information.
    if (sheetGrade !== null) {
      for (const e of this.earlier) {
        const text = cellText(view.value(r.row, e.col));
        const said = text ? gradeLabel(this.labels, text) : null;
        if (said === null || said === sheetGrade) continue;
        const header = (c: Column): string => c.path[c.path.length - 1]!;
        this.add({ rule: 'grade-stage-differs', stage: header(e), text, grade: gradeText, decided: header(gradeCol!) }, e.col);
      }
    }
    let grade: string | null = null;
    let gradeFrom: GradeSource | null = null;
    let why: Note | undefined;
    if (status === 'graded') {
      const directs = matched.filter((m) => m.effect === 'direct-grade');
      const direct = directs[0];
      const conflict = directs.find((d) => d.grade !== direct?.grade);
      if (direct && conflict) this.add({ rule: 'condition-conflict', chosen: direct.reason, ignored: conflict.reason }, this.nameCol);
      if (direct) {
        grade = direct.grade!;
        gradeFrom = 'direct';
        why = conditionNote(direct);
      } else if (s.grading.mode === 'entered' || this.setup.scoring === 'grades-only') {
        grade = sheetGrade;
        gradeFrom = sheetGrade ? 'entered' : null;
        if (!gradeText && gradeCol) this.add({ rule: 'missing-value', field: GRADE_FIELD }, gradeCol.col);
      } else if (total !== null && s.grading.mode === 'bands') {
        const band = s.grading.bands.find((b) => inBand(b, total));
        if (band) {
          grade = band.grade;
          gradeFrom = 'band';
        } else {
          this.add({ rule: 'scheme-gap', kind: 'total-in-gap', value: total }, setup.identity.total?.col ?? this.nameCol, 'error');
        }
      }
      const cap = matched.find((m) => m.effect === 'max-grade');
      if (cap && grade !== null && better(this.labels, grade, cap.grade!)) {
        grade = cap.grade!;
        gradeFrom = 'cap';
        why = conditionNote(cap);
      }
      // Rated items (德（合格/不合格）, 廉（一票否决）): a word that sets the lowest grade decides it,
      // whatever the score; one that bars the top grade caps it; an unknown word leaves no grade.
      const lowest = this.labels[this.labels.length - 1]?.label;
      const second = this.labels[1]?.label;
      const sets = rated.hits.find((h) => h.effect === 'lowest');
      const bars = rated.hits.find((h) => h.effect === 'not-top');
      if (sets && lowest !== undefined && s.grading.mode !== 'none') {
        grade = lowest;
        gradeFrom = 'direct';
        why = { code: 'rating', ...sets.item, word: sets.word, effect: 'lowest', grade: lowest };
      } else if (rated.unknown) {
        grade = null;
        gradeFrom = null;
        why = undefined;
      } else if (bars && second !== undefined && grade === this.labels[0]!.label) {
        grade = second;
        gradeFrom = 'cap';
        why = { code: 'rating', ...bars.item, word: bars.word, effect: 'not-top', grade: second };
      }
      const compare = s.grading.mode === 'bands' || gradeFrom !== 'entered';
      // The sheet gives a different grade, or says 不定等次 where the scheme derives one.
      if (compare && grade !== null && (sheetNoGrade || (sheetGrade !== null && sheetGrade !== grade))) {
        this.add({ rule: 'grade-mismatch', sheet: gradeText, computed: grade, why: why ?? null }, gradeCol!.col);
      }
    } else if (gradeText && !elsewhere && !sheetNoGrade) {
      this.add({ rule: 'grade-mismatch', sheet: gradeText, computed: null, why: conditionNote(noGrade!) }, gradeCol!.col);
    }

    const flags: Note[] = matched.length === 0 ? [] : matched.filter((m) => m.effect === 'flag').map(conditionNote);
    if (status === 'graded' && total !== null) {
      for (const n of s.scoreNotes) if (inBand(n, total)) flags.push(schemeNote(n.text, n.textEn));
    }
    if (variant) flags.push({ code: 'variant', label: variant.variant.label });
    if (s.screens.length > 0 && status !== 'excluded') {
      const ageCell = setup.identity.age ? view.value(r.row, setup.identity.age.col) : null;
      const age = typeof ageCell === 'number' ? ageCell : ageCell === null ? null : numberFromText(cellText(ageCell));
      for (const sc of s.screens) {
        const n = screenNote(sc, age, this.text('education', r.row));
        if (n) flags.push(n);
      }
    }
    const levels: Record<string, string | null> = {};
    for (const it of this.leveled) {
      const v = vals[it.at];
      levels[it.id] = typeof v === 'number' ? (it.levels.find((l) => inBand(l, v))?.level ?? null) : null;
    }

    for (const i of this.rowIssues) issues.push(i);
    const totalCol = setup.identity.total;
    const sheetTotalRaw = totalCol ? view.value(r.row, totalCol.col) : null;
    return {
      row: r.row,
      shift: r.shift,
      name: r.name,
      unit: this.text('unit', r.row) || r.section || null,
      post: texts.post || null,
      remark: remark && r.nameNote ? `${remark}；${r.nameNote}` : remark || r.nameNote || null,
      status,
      reasonLabel: noGradeHit?.label ?? (stated ? (statement?.reason ?? null) : null),
      reason: noGrade
        ? conditionNote(noGrade)
        : stated
          ? { code: 'sheet-no-grade', sheet: gradeText }
          : gradeFrom === 'direct' || gradeFrom === 'cap'
            ? why!
            : null,
      elsewhere,
      total,
      grade,
      gradeFrom,
      vals,
      levels,
      ratings: rated.words,
      sheetTotal: typeof sheetTotalRaw === 'number' ? sheetTotalRaw : totalCol ? cellText(sheetTotalRaw) || null : null,
      sheetGrade: gradeText || null,
      // The receiving unit's grade, when the cell holds one rather than the words 在外考核.
      elsewhereGrade: elsewhere ? (sheetGrade ?? (gradeText && !sheetNoGrade ? gradeText : null)) : null,
      flags,
      conditions: matched.length === 0 ? [] : matched.map((m) => m.id),
      variant: variant?.variant.id ?? null,
      category: this.text('category', r.row) || null,
      rank: null,
    };
  }

  /**
   * The words of the rated items on this row: each cell read as a word of its ladder, never as a
   * number. An empty cell counts nothing (missing-value where the item is required); a word not in
   * the ladder is unknown-rating, and the grade cannot be derived.
   */
  private readRatings(row: number): { words: Record<string, string | null>; hits: RatingHit[]; unknown: boolean } {
    const words: Record<string, string | null> = {};
    const hits: RatingHit[] = [];
    let unknown = false;
    for (const rc of this.rated) {
      const text = cellText(this.view.shown(row, rc.column.col));
      words[rc.f.id] = null;
      if (!text) {
        if (rc.f.required && this.status === 'graded') this.add({ rule: 'missing-value', field: fieldRef(rc.f) }, rc.column.col);
        continue;
      }
      const w = ratingWord(rc, text);
      if (!w) {
        if (this.checked) this.add({ rule: 'unknown-rating', field: fieldRef(rc.f), text, known: rc.known }, rc.column.col);
        unknown = true;
        continue;
      }
      words[rc.f.id] = w.word;
      const effect: RatingEffect = w.effect === 'veto' ? (rc.column.rating?.veto ?? rc.f.veto) : w.effect;
      if (effect === 'lowest' || effect === 'not-top') {
        const item = rc.f.en === undefined ? { item: rc.f.label } : { item: rc.f.label, itemEn: rc.f.en };
        hits.push({ item, word: w.word, effect });
      }
    }
    return { words, hits, unknown };
  }

  /** An identity cell's text, through merges: offices merge 科室 down over the people of one unit. */
  private text(role: IdentityRole, row: number): string {
    const column = this.setup.identity[role];
    return column ? cellText(this.view.shown(row, column.col)) : '';
  }

  /** Rows repeat the same texts (科员, no remark): each distinct combination is matched once. */
  private conditions(texts: RowTexts): Matched[] {
    const key = textsKey(texts);
    let hits = this.conditionMemo.get(key);
    if (!hits) this.conditionMemo.set(key, (hits = matchedConditions(this.s, texts)));
    return hits;
  }

  private add(data: IssueData, column: number, severity?: Severity): void {
    this.rowIssues.push(issue(data, a1(this.row, column + this.shift), this.row, severity));
  }

  private parseAt(column: Column): ParsedScore {
    const { view, row } = this;
    return parseScore(view.value(row, column.col), view.numFmt(row, column.col), view.formula(row, column.col));
  }

  /** Values read from the sheet, by field position (compiled.index). */
  private readFields(): (number | null)[] {
    const { view, row } = this;
    const vals: (number | null)[] = new Array(this.c.index.size).fill(null);
    for (const rd of this.readers) {
      if (!rd.column) {
        vals[rd.at] = rd.constant;
        continue;
      }
      // Most cells hold a plain number: take it without building a parse result.
      const raw = view.value(row, rd.column.col);
      vals[rd.at] =
        typeof raw === 'number' && Number.isFinite(raw) && !isDateFormat(view.numFmt(row, rd.column.col)) && !isPenalty(rd.f)
          ? this.inRange(rd.f, raw, rd.column.col)
          : this.readValue(rd.f, this.parseAt(rd.column), rd.column.col, rd.wanted);
    }
    return vals;
  }

  /** A number within the field's bounds, or an out-of-range issue. */
  private inRange(f: Field, v: number, column: number): number {
    const { min, max } = f;
    const tooLow = min !== null && v < min - 1e-9;
    const tooHigh = max !== null && v > max + 1e-9;
    const capped = f.kind === 'group' && f.capped;
    if ((tooLow || tooHigh) && this.checked) {
      const out = { rule: 'out-of-range', field: fieldRef(f), value: v, min } as const;
      // Over the cap of a capped dimension or an adjustment: counts as the cap.
      this.add(tooHigh && (capped || f.kind === 'adjustment') ? { ...out, max, cap: true } : { ...out, max, cap: false }, column);
    }
    return capped && tooHigh ? max : v;
  }

  /** A score cell's value; `wanted`: the total needs it, so an empty cell is reported. */
  private readValue(f: Field, p: ParsedScore, column: number, wanted: boolean): number | null {
    if (p.kind === 'empty') {
      if (!f.required) return 0;
      if (wanted && this.status === 'graded') this.add({ rule: 'missing-value', field: fieldRef(f) }, column);
      return null;
    }
    if (p.kind === 'bad') {
      if (this.checked) this.add({ rule: 'not-a-number', field: fieldRef(f), text: p.text, kind: p.why }, column);
      return null;
    }
    if (p.fromText && this.checked) this.add({ rule: 'number-as-text', field: fieldRef(f), text: p.text, value: p.value }, column);
    return this.inRange(f, isPenalty(f) ? Math.abs(p.value) : p.value, column);
  }

  /** Points taken for cases whose cost is a range (1–3 each): within count × range, or an issue on the points cell. */
  private checkPerCase(vals: (number | null)[]): void {
    if (!this.checked) return;
    for (const { f, each, at, countAt, column } of this.perCase) {
      const count = vals[countAt] ?? null;
      const points = vals[at] ?? null;
      if (count === null || points === null) continue;
      const lo = count * each.min;
      const hi = count * each.max;
      if (points < lo - 1e-9 || points > hi + 1e-9) {
        this.add(
          { rule: 'deduction-out-of-range', field: fieldRef(f), count, points, min: lo, max: hi, each: [each.min, each.max] },
          column.col,
        );
      }
    }
  }

  /** Each subject's votes (优秀 + 良好 + 一般 + 较差) add up to the number of voters, or an issue on its first vote cell. */
  private checkBallots(vals: (number | null)[]): void {
    const voters = this.votersAt === null ? null : (vals[this.votersAt] ?? null);
    if (!this.checked || voters === null) return;
    for (const b of this.ballots) {
      const votes = b.votes.map((at) => vals[at] ?? null);
      if (votes.some((v) => v === null)) continue;
      const sum = (votes as number[]).reduce((a, v) => a + v, 0);
      if (Math.abs(sum - voters) > 1e-9)
        this.add({ rule: 'ballot-mismatch', subject: fieldRef(b.subject), votes: sum, voters }, b.column.col);
    }
  }

  /** The first variant whose rule matches the row (by 职务, usually); null for the scheme's own rules. */
  private variantOf(texts: RowTexts): CompiledVariant | null {
    if (this.c.variants.length === 0) return null;
    const key = textsKey(texts);
    let v = this.variantMemo.get(key);
    if (v === undefined) {
      v = this.c.variants.find((x) => matchWord(x.variant.when, texts, periodDays(this.s), this.s.period.unit) !== null) ?? null;
      this.variantMemo.set(key, v);
    }
    return v;
  }

  /** Dimensions and computed fields (a variant's where it has its own), compared with the sheet's own subtotals. */
  private derive(vals: (number | null)[], variant: CompiledVariant | null): void {
    for (const { f, at, sheetCol } of this.derived) {
      const v = (variant?.computed.get(f.id) ?? f.formula).run(vals);
      const decimals = f.kind === 'computed' ? f.decimals : undefined;
      const computed = typeof v === 'number' && Number.isFinite(v) ? (decimals !== undefined ? excelRound(v, decimals) : v) : null;
      vals[at] = computed;
      const uncapped = f.kind === 'group' ? f.formula.uncapped : undefined;
      if (uncapped && f.max !== null && this.checked) {
        // The rules cap it (业绩加分 ≤ 50): what is over is cut off, and said so.
        const sum = uncapped(vals);
        if (typeof sum === 'number' && sum > f.max + 1e-9)
          this.add(
            { rule: 'out-of-range', field: fieldRef(f), value: sum, min: f.min, max: f.max, cap: true, summed: true },
            sheetCol?.col ?? this.nameCol,
            'warning',
          );
      }
      if (sheetCol && computed !== null && this.checked) {
        const p = this.parseAt(sheetCol);
        if (p.kind === 'number' && Math.abs(p.value - computed) > SAME) {
          this.add({ rule: 'subtotal-mismatch', field: fieldRef(f), sheet: p.value, computed: excelRound(computed, 2) }, sheetCol.col);
        }
      }
    }
  }

  /** The total: computed and compared with the sheet's, or read from the sheet's total column. */
  private total(vals: (number | null)[], variant: CompiledVariant | null): number | null {
    const { c, setup } = this;
    const totalCol = setup.identity.total;
    if (setup.scoring === 'computed') {
      const v = this.totalAt !== null ? vals[this.totalAt] : (variant?.total ?? c.total).run(vals);
      // Numbers too large for a double (1e308 typed in a cell) add up to Infinity: no total.
      const total = typeof v === 'number' && Number.isFinite(v) ? excelRound(v, c.scheme.total.decimals) : null;
      if (total === null && this.checked && this.readers.every((rd) => !rd.wanted || vals[rd.at] !== null)) {
        this.add({ rule: 'scheme-gap', kind: 'total-not-a-number' }, totalCol?.col ?? this.nameCol, 'error');
      }
      if (totalCol && total !== null && this.checked) {
        const p = this.parseAt(totalCol);
        // A formula saved without its result (files written by scripts) cannot be compared.
        const differs =
          p.kind === 'number'
            ? Math.abs(p.value - total) > SAME
              ? p.value
              : null
            : p.kind === 'bad' && p.why !== 'formula'
              ? p.text
              : null;
        if (differs !== null) this.add({ rule: 'total-mismatch', sheet: differs, computed: total }, totalCol.col);
      }
      return total;
    }
    if (setup.scoring === 'total-column' && totalCol) {
      this.totalAsInput ??= totalField(c);
      const t = this.readValue(this.totalAsInput, this.parseAt(totalCol), totalCol.col, true);
      return t === null ? null : excelRound(t, c.scheme.total.decimals);
    }
    return null;
  }
}

/** A rated item's column with the words it accepts, by comparable key. */
interface RatedColumn {
  f: RatedField;
  column: Column;
  byKey: Map<string, SchemeRatingWord>;
  /** The words as the report lists them. */
  known: string[];
}

interface RatingHit {
  item: { item: string; itemEn?: string };
  word: string;
  effect: 'lowest' | 'not-top';
}

const ratingKey = (t: string): string => compact(t).toUpperCase();

/**
 * The words a rated column accepts: those its header lists (德（合格/不合格）), each with the
 * meaning the item's ladder (else a built-in one) gives it; without a list, the item's ladder.
 */
function ratedColumn(f: RatedField, column: Column): RatedColumn {
  const stated = column.rating?.words ?? [];
  const all = [...f.words, ...Object.values(LADDERS).flat()];
  const find = (t: string): SchemeRatingWord | undefined =>
    all.find((w) => [w.word, ...w.synonyms].some((x) => ratingKey(x) === ratingKey(t)));
  const words = stated.length > 0 ? [...new Set(stated.map(find).filter((w) => w !== undefined))] : f.words;
  const byKey = new Map<string, SchemeRatingWord>();
  for (const w of words) for (const t of [w.word, ...w.synonyms]) if (!byKey.has(ratingKey(t))) byKey.set(ratingKey(t), w);
  return { f, column, byKey, known: words.map((w) => w.word) };
}

/** A cell's word: the whole text, or the text before a bracket (不合格（受处分）). */
function ratingWord(rc: RatedColumn, text: string): SchemeRatingWord | undefined {
  const key = ratingKey(text);
  return rc.byKey.get(key) ?? rc.byKey.get(key.replace(/[([【].*$/, ''));
}

/** Why a condition applies, in the scheme's words. */
/** The short names of the scheme's conditions of an effect: their labels, else their first word (调出, 派驻). */
function reasonsOf(s: Scheme, effect: SchemeCondition['effect']): string[] {
  const names = s.conditions.filter((c) => c.effect === effect).map((c) => c.label ?? c.match.keywords[0] ?? '');
  return [...new Set(names.filter(Boolean))];
}

function conditionNote(c: SchemeCondition): Note {
  return schemeNote(c.reason, c.reasonEn);
}

/** The total read from the sheet as an input: bounded by the lowest and highest totals the scheme allows. */
function totalField(c: CompiledScheme): InputField {
  const r = totalRange(c);
  const bound = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return {
    ...TOTAL_FIELD,
    kind: 'input',
    synonyms: [],
    min: bound(r.lo),
    max: bound(r.hi),
    required: true,
  };
}

function duplicates(people: Person[], byUnit: boolean, nameCol: number): Issue[] {
  const seen = new Map<string, Person>();
  const unitKeys = new Map<string, string>();
  const out: Issue[] = [];
  for (const p of people) {
    let key = p.name;
    if (byUnit) {
      const unit = p.unit ?? '';
      let u = unitKeys.get(unit);
      if (u === undefined) {
        u = compact(unit);
        unitKeys.set(unit, u);
      }
      key = `${p.name}\u0000${u}`;
    }
    const first = seen.get(key);
    if (first)
      out.push(
        issue(
          { rule: 'duplicate-person', name: p.name, unit: byUnit ? p.unit : null, firstRow: first.row },
          a1(p.row, nameCol + p.shift),
          p.row,
        ),
      );
    else seen.set(key, p);
  }
  return out;
}
