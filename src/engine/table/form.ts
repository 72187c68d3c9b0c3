/**
 * Per-person forms (登记表): a sheet that holds one person, label beside value — 姓名 | 张三 |
 * 性别 | 男, 科室, 单位及职务（职级）, the period in the title, 个人小结 (long text), the grade
 * written or ticked (☑好 □较好 □一般 □较差, 好√), 备注 and 情况说明, and where the form has
 * them the scores of its items (公务员平时考核量化指标: 考核要素 | 得分) and their 合计得分.
 *
 * The labels are data (./form.json). Only the top-left window of a sheet is read (MAX_ROWS ×
 * MAX_COLS), long texts are never compared with labels, and merges are looked up only inside
 * that window: a form with a 10,000-character summary and a thousand merges reads in bounded
 * time and memory. A name is read only from the value beside a 姓名 label, never from a label,
 * a template's placeholder or a sheet's name: a form without one is reported unreadable.
 */
import { type Area, type CellValue, type Grid, isCellError } from '../grid';
import { compact } from '../text';
import FORM_TEXTS from './form.json';

/** How far into a sheet a form is looked for: forms are a page or two. */
export const FORM_WINDOW = { rows: 150, cols: 40 } as const;
/** Cells longer than this are text (a summary), never a label. */
const LABEL_MAX = 40;
/** How many cells right of a label its value may be (merged label cells are skipped first). */
const VALUE_REACH = 12;

export type FormFieldId = keyof typeof FORM_TEXTS.fields;

/** A value read from the form and the cell it is in (1-based). */
export interface FormCell {
  value: CellValue;
  row: number;
  col: number;
}

export interface FormItem {
  /** The item's label as the form writes it (思想政治素质（6分）). */
  label: string;
  score: FormCell;
}

/** How the grade was read: the word written, the box ticked, a choice list left unticked, or several ticked. */
export type FormGradeHow = 'written' | 'ticked' | 'unticked' | 'several';

export interface FormGrade {
  /** The grade word; for several ticked, the words joined (好、较好); null when nothing is chosen. */
  text: string | null;
  how: FormGradeHow;
  row: number;
  col: number;
}

export interface FormPerson {
  sheet: string;
  name: FormCell & { value: string };
  unit: FormCell | null;
  post: FormCell | null;
  /** The period as the form writes it (2024年第一季度), from its title or its 考核时间. */
  period: string | null;
  grade: FormGrade | null;
  total: FormCell | null;
  /** 备注 and 情况说明 together; the cell of the first. */
  remark: FormCell | null;
  items: FormItem[];
}

/** Why a form holds no person kaohe can read. */
export type FormProblem = 'no-name' | 'several-names';

export type FormRead =
  { kind: 'person'; person: FormPerson } | { kind: 'unreadable'; sheet: string; problem: FormProblem } | { kind: 'not-a-form' };

const key = (s: string): string =>
  compact(s)
    .replace(/[:：]+$/, '')
    .replace(/[（【[]/g, '(')
    .replace(/[）】\]]/g, ')');

const FIELD_OF = new Map<string, FormFieldId>();
for (const [id, labels] of Object.entries(FORM_TEXTS.fields) as [FormFieldId, string[]][])
  for (const l of labels) if (!FIELD_OF.has(key(l))) FIELD_OF.set(key(l), id);
const OTHER = new Set(FORM_TEXTS.others.map(key));
const ITEM_COL = new Set(FORM_TEXTS.itemHeader.item.map(key));
const SCORE_COL = new Set(FORM_TEXTS.itemHeader.score.map(key));
const TICKED = new Set(FORM_TEXTS.ticked);
const EMPTY = new Set(FORM_TEXTS.empty);
const GRADE_WORDS = [...FORM_TEXTS.gradeWords].sort((a, b) => b.length - a.length);
const PLACEHOLDERS = new Set(FORM_TEXTS.placeholders.map(key));

/** What a short cell is as a label: a field's label, another label of the form, or none. */
function labelOf(v: CellValue): { field: FormFieldId | null } | null {
  if (typeof v !== 'string' || v.length > LABEL_MAX) return null;
  const k = key(v);
  if (k === '') return null;
  const f = FIELD_OF.get(k);
  if (f) return { field: f };
  return OTHER.has(k) ? { field: null } : null;
}

/** "姓名：张三" in one cell: the field and the value after the colon. */
function inlineLabel(v: CellValue): { field: FormFieldId; value: string } | null {
  if (typeof v !== 'string' || v.length > LABEL_MAX) return null;
  const m = /^([^:：]{1,16})[:：]\s*(\S.*)$/s.exec(v.trim());
  if (!m) return null;
  const f = FIELD_OF.get(key(m[1]!));
  return f ? { field: f, value: m[2]!.trim() } : null;
}

const text = (v: CellValue): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

/** The window of a sheet a form is read from, merges resolved inside it only. */
class Window {
  readonly bottom: number;
  readonly right: number;
  private readonly origin = new Map<number, Area>();
  constructor(readonly grid: Grid) {
    let width = 0;
    const rows = Math.min(grid.values.length, FORM_WINDOW.rows);
    for (let r = 0; r < rows; r++) width = Math.max(width, grid.values[r]!.length);
    this.bottom = grid.top + rows - 1;
    this.right = grid.left + Math.min(width, FORM_WINDOW.cols) - 1;
    for (const m of grid.merges) {
      if (m.top > this.bottom || m.left > this.right) continue;
      const b = Math.min(m.bottom, this.bottom);
      const rr = Math.min(m.right, this.right);
      for (let r = Math.max(m.top, grid.top); r <= b; r++)
        for (let c = Math.max(m.left, grid.left); c <= rr; c++) if (!this.origin.has(r * 16384 + c)) this.origin.set(r * 16384 + c, m);
    }
  }
  value(row: number, col: number): CellValue {
    const v = this.grid.values[row - this.grid.top]?.[col - this.grid.left];
    return v === undefined || isCellError(v) ? null : v;
  }
  merge(row: number, col: number): Area | null {
    return this.origin.get(row * 16384 + col) ?? null;
  }
  /** Covered by a merge but not its top-left cell. */
  isTail(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }
}

interface Label {
  row: number;
  col: number;
  field: FormFieldId | null;
  /** The last column the label's cell covers. */
  right: number;
  /** A value written in the label's own cell (姓名：张三). */
  inline?: string;
}

function labelsOf(w: Window): Label[] {
  const out: Label[] = [];
  for (let r = w.grid.top; r <= w.bottom; r++)
    for (let c = w.grid.left; c <= w.right; c++) {
      if (w.isTail(r, c)) continue;
      const v = w.value(r, c);
      const right = w.merge(r, c)?.right ?? c;
      const l = labelOf(v);
      if (l) {
        out.push({ row: r, col: c, field: l.field, right });
        continue;
      }
      const inline = inlineLabel(v);
      if (inline) out.push({ row: r, col: c, field: inline.field, right, inline: inline.value });
    }
  return out;
}

/** The cells right of a label, up to the next label: where its value (or its boxes) are. */
function cellsRightOf(w: Window, l: Label, isLabel: (r: number, c: number) => boolean): FormCell[] {
  const out: FormCell[] = [];
  for (let c = l.right + 1; c <= Math.min(w.right, l.right + VALUE_REACH); c++) {
    if (w.isTail(l.row, c)) continue;
    if (isLabel(l.row, c)) break;
    const v = w.value(l.row, c);
    if (text(v) !== '') out.push({ value: v, row: l.row, col: c });
  }
  return out;
}

/** The period a text states: 2024年度第一季度 → 2024年第一季度; 第三季度; 2024年7月. */
export function periodIn(s: string): string | null {
  const t = compact(s);
  const q = /(?:(\d{4})年度?)?第?([一二三四1-4])季度?/.exec(t);
  if (q) return `${q[1] ? `${q[1]}年` : ''}第${q[2]}季度`;
  const m = /(?:(\d{4})年)?(\d{1,2})月/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1] ? `${m[1]}年` : ''}${Number(m[2])}月`;
  return null;
}

type Token = { kind: 'word'; word: string; cell: number; at: number; end: number } | { kind: 'tick' | 'box'; cell: number; at: number };

function tokens(cells: FormCell[]): Token[] {
  const out: Token[] = [];
  cells.forEach((cell, ci) => {
    const s = text(cell.value).slice(0, 200);
    let i = 0;
    while (i < s.length) {
      const ch = s[i]!;
      if (TICKED.has(ch)) {
        out.push({ kind: 'tick', cell: ci, at: i });
        i++;
        continue;
      }
      if (EMPTY.has(ch)) {
        out.push({ kind: 'box', cell: ci, at: i });
        i++;
        continue;
      }
      const w = GRADE_WORDS.find((g) => s.startsWith(g, i));
      if (w) {
        out.push({ kind: 'word', word: w, cell: ci, at: i, end: i + w.length });
        i += w.length;
      } else i++;
    }
  });
  return out;
}

/** Only spaces and brackets between two positions of one cell's text. */
function touching(s: string, from: number, to: number): boolean {
  return /^[\s()（）[\]【】]*$/.test(s.slice(from, to));
}

/** The grade the cells right of a grade label hold: a box ticked, a word beside a √, or the word written. */
export function readGrade(cells: FormCell[]): FormGrade | null {
  if (cells.length === 0) return null;
  const toks = tokens(cells);
  const texts = cells.map((c) => text(c.value).slice(0, 200));
  const words = toks.filter((t): t is Extract<Token, { kind: 'word' }> => t.kind === 'word');
  const boxes = toks.some((t) => t.kind === 'box');
  const chosen: Extract<Token, { kind: 'word' }>[] = [];
  toks.forEach((t, i) => {
    if (t.kind !== 'tick') return;
    const next = toks[i + 1];
    const prev = toks[i - 1];
    const s = texts[t.cell]!;
    const nextTouches = next?.kind === 'word' && next.cell === t.cell && touching(s, t.at + 1, next.at);
    const prevTouches = prev?.kind === 'word' && prev.cell === t.cell && touching(s, prev.end, t.at);
    // A box comes before its word (☑好); a bare √ follows it (好√) unless only the next word touches it.
    const pick = boxes ? (nextTouches ? next : prevTouches ? prev : null) : prevTouches ? prev : nextTouches ? next : null;
    if (pick && pick.kind === 'word') chosen.push(pick);
    // A mark alone in its cell: the word in the cell before it, else the one after.
    else if (s.replace(/[\s()（）]/g, '').length === 1) {
      const before = words.filter((w) => w.cell === t.cell - 1).pop();
      const after = words.find((w) => w.cell === t.cell + 1);
      const w = before ?? after;
      if (w) chosen.push(w);
    }
  });
  const distinct = [...new Set(chosen.map((w) => w.word))];
  const cellOfWord = (w: { cell: number }) => cells[w.cell]!;
  if (distinct.length === 1) return { text: distinct[0]!, how: 'ticked', row: cellOfWord(chosen[0]!).row, col: cellOfWord(chosen[0]!).col };
  if (distinct.length > 1) return { text: distinct.join('、'), how: 'several', row: cells[0]!.row, col: cells[0]!.col };
  // No mark: a list of the ladder's words (or empty boxes) is the template's choice list, not a grade.
  if (boxes || new Set(words.map((w) => w.word)).size > 1) return { text: null, how: 'unticked', row: cells[0]!.row, col: cells[0]!.col };
  const first = cells[0]!;
  const written = texts[0]!;
  // 好, 好等次, 定为较好: the one word; anything else is given as written, for the check to judge.
  const only = words.find((w) => w.cell === 0);
  const rest = only ? compact(written.slice(0, only.at) + written.slice(only.end)).replace(/^(拟定为|拟定|定为|建议|评为|为)/, '') : '';
  const word = only && /^(等次|等|档次)?$/.test(rest) ? only.word : written;
  return { text: word, how: 'written', row: first.row, col: first.col };
}

/** A value that is a person's name: not a label, not a template's placeholder, not a sentence. */
function isName(s: string): boolean {
  const k = key(s);
  if (k === '' || k.length > 20 || PLACEHOLDERS.has(k) || /^[xX×＊*]+$/.test(k)) return false;
  if (FIELD_OF.has(k) || OTHER.has(k)) return false;
  return !/[:：;；。,，!?]/.test(k) && !/^\d+(\.\d+)?$/.test(k);
}

/** The items of a form's score table: the row with 考核要素 | … | 得分, the items under it, down to 合计得分. */
function itemsOf(w: Window, labels: Label[]): { items: FormItem[]; total: FormCell | null } {
  for (let r = w.grid.top; r <= w.bottom; r++) {
    let itemCol = 0;
    let scoreCol = 0;
    for (let c = w.grid.left; c <= w.right; c++) {
      const v = w.value(r, c);
      if (typeof v !== 'string' || v.length > LABEL_MAX) continue;
      if (!itemCol && ITEM_COL.has(key(v))) itemCol = c;
      else if (itemCol && !scoreCol && SCORE_COL.has(key(v))) scoreCol = c;
    }
    if (!itemCol || !scoreCol) continue;
    const items: FormItem[] = [];
    let total: FormCell | null = null;
    for (let rr = r + 1; rr <= w.bottom; rr++) {
      const totalLabel = labels.find((l) => l.row === rr && l.field === 'total' && l.col < scoreCol);
      if (totalLabel) {
        total = { value: w.value(rr, scoreCol), row: rr, col: scoreCol };
        break;
      }
      if (w.isTail(rr, itemCol)) continue;
      const label = text(w.value(rr, itemCol));
      if (label === '' || label.length > LABEL_MAX) {
        if (label === '' && items.length > 0 && labels.some((l) => l.row === rr && l.field !== null)) break;
        continue;
      }
      items.push({ label, score: { value: w.value(rr, scoreCol), row: rr, col: scoreCol } });
    }
    return { items, total };
  }
  return { items: [], total: null };
}

/** Reads one sheet as a per-person form: its person, why it cannot be read, or that it is not a form. */
export function readForm(grid: Grid): FormRead {
  const w = new Window(grid);
  const labels = labelsOf(w);
  const at = new Set(labels.map((l) => l.row * 16384 + l.col));
  const isLabel = (r: number, c: number) => at.has(r * 16384 + c);
  // A form's labels stand on several rows, and its title calls it a 登记表 or its 姓名 has its value beside it;
  // a roster's labels are its header, on one or two rows, with the names under 姓名.
  const labelRows = new Set(labels.map((l) => l.row)).size;
  let title: string | null = null;
  for (let r = grid.top; r <= Math.min(w.bottom, grid.top + 5) && !title; r++)
    for (let c = grid.left; c <= w.right; c++) {
      const v = w.value(r, c);
      if (typeof v !== 'string' || v.length > 80) continue;
      const t = compact(v);
      if (FORM_TEXTS.titles.some((x) => t.includes(x)) && FORM_TEXTS.titleMarks.some((x) => t.includes(x))) {
        title = t;
        break;
      }
    }
  const names = labels.filter((l) => l.field === 'name');
  const nameValues = names
    .map((l) => (l.inline !== undefined ? { value: l.inline, row: l.row, col: l.col } : cellsRightOf(w, l, isLabel)[0]))
    .filter((c): c is FormCell => !!c);
  const besides = nameValues.length > 0;
  const namesBelow = names.some(
    (l) => labelOf(w.value(l.row + 1, l.col)) === null && text(w.value(l.row + 1, l.col)) !== '' && text(w.value(l.row + 2, l.col)) !== '',
  );
  if (labelRows < 3 || (!title && (!besides || namesBelow))) return { kind: 'not-a-form' };

  const people = nameValues.filter((c) => isName(text(c.value)));
  if (people.length === 0) return { kind: 'unreadable', sheet: grid.sheet, problem: 'no-name' };
  if (new Set(people.map((c) => text(c.value))).size > 1) return { kind: 'unreadable', sheet: grid.sheet, problem: 'several-names' };

  const first = (field: FormFieldId): FormCell | null => {
    for (const l of labels.filter((x) => x.field === field)) {
      if (l.inline !== undefined) return { value: l.inline, row: l.row, col: l.col };
      const v = cellsRightOf(w, l, isLabel)[0];
      if (v) return v;
    }
    return null;
  };
  const gradeLabel = labels.filter((l) => l.field === 'grade');
  let grade: FormGrade | null = null;
  for (const l of gradeLabel) {
    const cells = l.inline !== undefined ? [{ value: l.inline, row: l.row, col: l.col }] : cellsRightOf(w, l, isLabel);
    const g = readGrade(cells);
    if (g && (g.text !== null || !grade)) grade = g;
    if (grade?.text) break;
  }
  const remarks = labels
    .filter((l) => l.field === 'remark')
    .map((l) => (l.inline !== undefined ? { value: l.inline, row: l.row, col: l.col } : cellsRightOf(w, l, isLabel)[0]))
    .filter((c): c is FormCell => !!c && text(c.value) !== '');
  const remark: FormCell | null =
    remarks.length === 0 ? null : { ...remarks[0]!, value: remarks.map((c) => text(c.value).slice(0, 500)).join('；') };
  const periodCell = first('period');
  const period = (title && periodIn(title)) ?? (periodCell ? periodIn(text(periodCell.value)) : null) ?? periodNearTitle(w);
  const { items, total: itemsTotal } = itemsOf(w, labels);
  const nameCell = people[0]!;
  return {
    kind: 'person',
    person: {
      sheet: grid.sheet,
      name: { ...nameCell, value: text(nameCell.value) },
      unit: first('unit'),
      post: first('post'),
      period,
      grade,
      total: itemsTotal ?? first('total'),
      remark,
      items,
    },
  };
}

/** A period written on its own line under the title: （2024年度第一季度）. */
function periodNearTitle(w: Window): string | null {
  for (let r = w.grid.top; r <= Math.min(w.bottom, w.grid.top + 5); r++)
    for (let c = w.grid.left; c <= w.right; c++) {
      const v = w.value(r, c);
      if (typeof v === 'string' && v.length <= 40) {
        const p = periodIn(v);
        if (p) return p;
      }
    }
  return null;
}
