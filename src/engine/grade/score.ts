/**
 * Table → people: reads each row's scores, reports every bad cell, computes dimensions,
 * computed fields and the total, then decides status and grade in the fixed precedence
 * (exclusions, no-grade, direct grades, bands, caps). Quotas are counted elsewhere.
 */
import { excelRound } from '../expr/evaluate';
import { exprRefs } from '../expr/parse';
import { a1, type GridView } from '../grid';
import { issue, type FieldRef, type Issue } from '../report/issue';
import type { FieldSource as Source, Person, Results, GradeSource, Note } from '../results';
import { inBand, totalRange } from '../scheme/check';
import { fieldRef, type CompiledScheme, type Field } from '../scheme/fields';
import type { SchemeCondition } from '../scheme/model';
import { compact } from '../text';
import { cellText, isDateFormat, parseScore, type ParsedScore } from '../table/cells';
import type { Column, IdentityRole } from '../table/columns';
import { headerCell, type Table } from '../table/read';
import { matchedConditions } from './conditions';

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

function setUp(table: Table, c: CompiledScheme): Setup {
  const col = new Map<string, Column>();
  const identity: Setup['identity'] = {};
  for (const column of table.columns) {
    if (column.role.kind === 'field') col.set(column.role.id, column);
    else if (column.role.kind !== 'ignored') identity[column.role.kind] = column;
  }

  const source = new Map<string, Source>();
  const fields = [...c.fields.values()];
  for (const f of fields) {
    let s: Source;
    if (f.kind === 'computed') s = 'derived';
    else if (f.kind === 'group') {
      const members = fields.filter((m) => m.group === f.id);
      if (members.length > 0 && members.every((m) => col.has(m.id))) s = 'derived';
      else if (col.has(f.id)) s = 'column';
      else s = members.some((m) => col.has(m.id)) ? 'derived' : 'missing';
    } else if (col.has(f.id)) s = 'column';
    else s = f.kind === 'adjustment' || !f.required ? 'zero' : 'missing';
    source.set(f.id, s);
  }

  // The fields the total reads, through dimensions and computed fields that are computed here.
  const needed = new Set<string>();
  const visit = (id: string): void => {
    if (needed.has(id)) return;
    needed.add(id);
    const f = c.fields.get(id);
    if (f?.expr && source.get(id) === 'derived') for (const r of exprRefs(f.expr)) visit(r);
  };
  for (const r of exprRefs(c.total)) visit(r);

  let scoring: Results['scoring'];
  if (c.scheme.grading.mode === 'entered') scoring = 'entered';
  else if (identity.total && (col.size === 0 || (c.totalIsInput !== null && !col.has(c.totalIsInput)))) scoring = 'total-column';
  else scoring = 'computed';
  return { col, identity, source, needed, scoring };
}

function better(labels: { label: string }[], a: string, b: string): boolean {
  return labels.findIndex((l) => l.label === a) < labels.findIndex((l) => l.label === b);
}

export function scoreTable(
  view: GridView,
  table: Table,
  c: CompiledScheme,
): Pick<Results, 'people' | 'issues' | 'scoring' | 'sources' | 'fieldColumns'> {
  const s = c.scheme;
  const issues: Issue[] = [];
  const setup = setUp(table, c);
  const { col, identity, source, needed, scoring } = setup;
  const labels = s.grading.labels;

  if (scoring === 'computed') {
    for (const id of needed) {
      const f = c.fields.get(id);
      if (f && source.get(id) === 'missing') issues.push(issue({ rule: 'missing-column', field: fieldRef(f) }));
    }
  }
  if (s.grading.mode === 'entered' && !identity.grade) issues.push(issue({ rule: 'missing-column', field: GRADE_FIELD }));
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

  // Through merges: offices merge 科室 down over the people of one unit.
  const text = (role: IdentityRole, row: number): string => {
    const column = identity[role];
    return column ? cellText(view.shown(row, column.col)) : '';
  };
  const parseAt = (row: number, column: Column): ParsedScore =>
    parseScore(view.value(row, column.col), view.numFmt(row, column.col), view.formula(row, column.col));

  // Per field, once: the column to read, or the value it has when the sheet has no column for it.
  const readers = [...c.fields.values()]
    .filter((f) => source.get(f.id) !== 'derived')
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
  const derived = c.derivedOrder
    .filter((id) => source.get(id) === 'derived')
    .map((id) => ({ f: c.fields.get(id)!, at: c.index.get(id)!, sheetCol: col.get(id) }));
  const leveled = s.items.filter((it) => it.levels);
  const people: Person[] = [];
  const nameCol = identity.name?.col ?? table.columns[0]?.col ?? 1;
  for (const r of table.rows) {
    if (!r.name) {
      issues.push(issue({ rule: 'missing-value', field: NAME_FIELD }, a1(r.row, nameCol), r.row));
      continue;
    }
    const remark = text('remark', r.row);
    const texts = { remark, status: text('status', r.row), name: r.nameNote ?? '', post: text('post', r.row) };
    const hits = matchedConditions(s, texts);
    const matched = hits.length === 0 ? NONE : hits.map((h) => h.condition);
    const noGradeHit = hits.length === 0 ? undefined : hits.find((h) => NO_GRADE_EFFECTS.has(h.condition.effect));
    const noGrade = noGradeHit?.condition;
    const status: Person['status'] = !noGrade ? 'graded' : noGrade.effect === 'no-grade' ? 'ungraded' : 'excluded';
    const elsewhere = noGrade?.effect === 'elsewhere';
    const checked = status !== 'excluded';
    const rowIssues: Issue[] = [];
    // Addresses are made only for cells that have something to say.
    const at = (column: Column): string => a1(r.row, column.col);

    // Values read from the sheet, by field position (c.index).
    const vals: (number | null)[] = new Array(c.index.size).fill(null);
    for (const rd of readers) {
      if (!rd.column) {
        vals[rd.at] = rd.constant;
        continue;
      }
      // Most cells hold a plain number: take it without building a parse result.
      const raw = view.value(r.row, rd.column.col);
      vals[rd.at] =
        typeof raw === 'number' && Number.isFinite(raw) && !isDateFormat(view.numFmt(r.row, rd.column.col)) && rd.f.adjustment !== 'penalty'
          ? inRange(rd.f, raw, rd.column.col)
          : readValue(rd.f, parseAt(r.row, rd.column), rd.column.col, rd.wanted);
    }
    /** A number within the field's bounds, or an out-of-range issue. */
    function inRange(f: Field, v: number, column: number): number {
      const tooLow = f.min !== null && v < f.min - 1e-9;
      const tooHigh = f.max !== null && v > f.max + 1e-9;
      if ((tooLow || tooHigh) && checked) {
        rowIssues.push(
          issue(
            { rule: 'out-of-range', field: fieldRef(f), value: v, min: f.min, max: f.max, cap: f.kind === 'adjustment' && tooHigh },
            a1(r.row, column),
            r.row,
          ),
        );
      }
      return v;
    }
    /** A score cell's value; `wanted`: the total needs it, so an empty cell is reported. */
    function readValue(f: Field, p: ParsedScore, column: number, wanted: boolean): number | null {
      const cell = (): string => a1(r.row, column);
      if (p.kind === 'empty') {
        if (f.kind === 'adjustment' || !f.required) return 0;
        if (wanted && status === 'graded') rowIssues.push(issue({ rule: 'missing-value', field: fieldRef(f) }, cell(), r.row));
        return null;
      }
      if (p.kind === 'bad') {
        if (checked) rowIssues.push(issue({ rule: 'not-a-number', field: fieldRef(f), text: p.text, kind: p.why }, cell(), r.row));
        return null;
      }
      if (p.fromText && checked)
        rowIssues.push(issue({ rule: 'number-as-text', field: fieldRef(f), text: p.text, value: p.value }, cell(), r.row));
      // A penalty written as -3 means 3 points off, as when written 3.
      return inRange(f, f.adjustment === 'penalty' ? Math.abs(p.value) : p.value, column);
    }

    // Dimensions and computed fields, compared with the sheet's own subtotals.
    for (const { f, at: i, sheetCol } of derived) {
      const v = f.run!(vals);
      const computed = typeof v === 'number' ? (f.decimals !== undefined ? excelRound(v, f.decimals) : v) : null;
      vals[i] = computed;
      if (sheetCol && computed !== null && computed !== undefined && checked) {
        const p = parseAt(r.row, sheetCol);
        if (p.kind === 'number' && Math.abs(p.value - computed) > SAME) {
          rowIssues.push(
            issue(
              { rule: 'subtotal-mismatch', field: fieldRef(f), sheet: p.value, computed: excelRound(computed, 2) },
              at(sheetCol),
              r.row,
            ),
          );
        }
      }
    }

    // The total.
    const totalCol = identity.total;
    const sheetTotalRaw = totalCol ? view.value(r.row, totalCol.col) : null;
    const sheetTotal = typeof sheetTotalRaw === 'number' ? sheetTotalRaw : totalCol ? cellText(sheetTotalRaw) || null : null;
    let total: number | null = null;
    if (scoring === 'computed') {
      const v = c.totalIsInput !== null ? vals[c.index.get(c.totalIsInput)!] : c.runTotal(vals);
      total = typeof v === 'number' ? excelRound(v, s.total.decimals) : null;
      if (totalCol && total !== null && checked) {
        const p = parseAt(r.row, totalCol);
        // A formula saved without its result (files written by scripts) cannot be compared.
        const differs =
          p.kind === 'number'
            ? Math.abs(p.value - total) > SAME
              ? p.value
              : null
            : p.kind === 'bad' && p.why !== 'formula'
              ? p.text
              : null;
        if (differs !== null) rowIssues.push(issue({ rule: 'total-mismatch', sheet: differs, computed: total }, at(totalCol), r.row));
      }
    } else if (scoring === 'total-column' && totalCol) {
      const p = parseAt(r.row, totalCol);
      total = readValue(totalField(c), p, totalCol.col, true);
      if (total !== null) total = excelRound(total, s.total.decimals);
    }

    // Status and grade.
    const gradeCol = identity.grade;
    const gradeText = gradeCol ? cellText(view.value(r.row, gradeCol.col)) : '';
    const sheetGrade = gradeText ? gradeLabel(labels, gradeText) : null;
    if (gradeText && sheetGrade === null && !elsewhere && status !== 'excluded') {
      rowIssues.push(issue({ rule: 'unknown-grade', text: gradeText, known: labels.map((l) => l.label) }, at(gradeCol!), r.row));
    }
    let grade: string | null = null;
    let gradeFrom: GradeSource | null = null;
    let why: SchemeCondition | undefined;
    if (status === 'graded') {
      const directs = matched.filter((m) => m.effect === 'direct-grade');
      const direct = directs[0];
      const conflict = directs.find((d) => d.grade !== direct?.grade);
      if (direct && conflict)
        rowIssues.push(issue({ rule: 'condition-conflict', chosen: direct.reason, ignored: conflict.reason }, a1(r.row, nameCol), r.row));
      if (direct) {
        grade = direct.grade!;
        gradeFrom = 'direct';
        why = direct;
      } else if (s.grading.mode === 'entered') {
        grade = sheetGrade;
        gradeFrom = sheetGrade ? 'entered' : null;
        if (!gradeText && gradeCol) rowIssues.push(issue({ rule: 'missing-value', field: GRADE_FIELD }, at(gradeCol), r.row));
      } else if (total !== null) {
        const band = s.grading.bands.find((b) => inBand(b, total!));
        if (band) {
          grade = band.grade;
          gradeFrom = 'band';
        } else {
          rowIssues.push(
            issue({ rule: 'scheme-gap', kind: 'total-in-gap', value: total }, totalCol ? at(totalCol) : a1(r.row, nameCol), r.row, 'error'),
          );
        }
      }
      const cap = matched.find((m) => m.effect === 'max-grade');
      if (cap && grade !== null && better(labels, grade, cap.grade!)) {
        grade = cap.grade!;
        gradeFrom = 'cap';
        why = cap;
      }
      const compare = s.grading.mode === 'bands' || gradeFrom !== 'entered';
      if (compare && sheetGrade !== null && grade !== null && sheetGrade !== grade) {
        rowIssues.push(
          issue(
            { rule: 'grade-mismatch', sheet: gradeText, computed: grade, why: why?.reason ?? null, whyEn: why?.reasonEn ?? null },
            at(gradeCol!),
            r.row,
          ),
        );
      }
    } else if (gradeText && !elsewhere) {
      rowIssues.push(
        issue(
          { rule: 'grade-mismatch', sheet: gradeText, computed: null, why: noGrade!.reason, whyEn: noGrade!.reasonEn ?? null },
          at(gradeCol!),
          r.row,
        ),
      );
    }

    const flags: Note[] = matched.length === 0 ? [] : matched.filter((m) => m.effect === 'flag').map((m) => note(m.reason, m.reasonEn));
    if (status === 'graded' && total !== null) {
      for (const n of s.scoreNotes) if (inBand(n, total)) flags.push(note(n.text, n.textEn));
    }
    const levels: Record<string, string | null> = {};
    for (const it of leveled) {
      const v = vals[c.index.get(it.id)!];
      levels[it.id] = typeof v === 'number' ? (it.levels!.find((l) => inBand(l, v))?.level ?? null) : null;
    }

    for (const i of rowIssues) issues.push(i);
    people.push({
      row: r.row,
      name: r.name,
      unit: text('unit', r.row) || r.section || null,
      post: texts.post || null,
      remark: remark && r.nameNote ? `${remark}；${r.nameNote}` : remark || r.nameNote || null,
      status,
      reasonLabel: noGradeHit?.label ?? null,
      reason: noGrade?.reason ?? (gradeFrom === 'direct' || gradeFrom === 'cap' ? why!.reason : null),
      reasonEn: noGrade?.reasonEn ?? (gradeFrom === 'direct' || gradeFrom === 'cap' ? (why!.reasonEn ?? null) : null),
      elsewhere,
      total,
      grade,
      gradeFrom,
      vals,
      levels,
      sheetTotal,
      sheetGrade: gradeText || null,
      elsewhereGrade: elsewhere ? (sheetGrade ?? (gradeText || null)) : null,
      flags,
      conditions: matched.length === 0 ? [] : matched.map((m) => m.id),
    });
  }

  issues.push(...duplicates(people, !!identity.unit, nameCol));
  return {
    people,
    issues,
    scoring,
    sources: Object.fromEntries(source),
    fieldColumns: Object.fromEntries([...col].map(([id, column]) => [id, column.col])),
  };
}

function note(text: string, textEn: string | undefined): Note {
  return textEn === undefined ? { text } : { text, textEn };
}

/** The total read from the sheet as an input: bounded by the lowest and highest totals the scheme allows. */
function totalField(c: CompiledScheme): Field {
  const r = totalRange(c);
  const bound = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return {
    id: 'total',
    kind: 'input',
    label: TOTAL_FIELD.label,
    en: TOTAL_FIELD.en!,
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
        issue({ rule: 'duplicate-person', name: p.name, unit: byUnit ? p.unit : null, firstRow: first.row }, a1(p.row, nameCol), p.row),
      );
    else seen.set(key, p);
  }
  return out;
}
