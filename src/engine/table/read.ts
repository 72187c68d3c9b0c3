/**
 * Grid → Table: finds the header (title and 填报单位 rows above it, one to three header rows
 * with merged cells), maps every column, and sorts the rows below into people, blank rows,
 * 合计/平均 rows, notes and section labels. Reads only; judges nothing.
 */
import { GridView, a1 } from '../grid';
import { blockShifts, shiftView } from './blocks';
import { compact, headerKey, headerMax } from '../text';
import { cellText } from './cells';
import { namesPeriod } from './periods';
import {
  decidedGrade,
  isNoteText,
  isNoteWord,
  isOpinionHeader,
  isSummaryText,
  matchColumn,
  matchRatedColumn,
  resolveDuplicates,
  statedRating,
  Vocabulary,
  type Column,
  type ColumnRole,
  type IdentityRole,
} from './columns';

export interface RosterRow {
  /** 1-based sheet row. */
  row: number;
  /** Name without spaces; empty for a row that has scores but no name. */
  name: string;
  /** Text in brackets after the name, 张三（试用期） → 试用期: read like a remark. */
  nameNote: string | null;
  /** The section label above the row (a row holding only 办公室), when the sheet groups people that way. */
  section: string | null;
  /**
   * Columns from the table's columns to this row's cells: 0, or the shift of the block the row is
   * in where the roster is printed as blocks side by side (A–F and H–M: 7).
   */
  shift: number;
}

/** `header`: the header again further down (after a page break). */
export type SkipReason = 'blank' | 'summary' | 'note' | 'section' | 'header';

export interface Table {
  sheet: string;
  headerTop: number;
  headerBottom: number;
  /** The columns of the (first) block. */
  columns: Column[];
  /**
   * Grade columns of earlier stages beside the grade (建议等次, 党组会建议等次 beside 最终评定等次): compared
   * with it, never the grade.
   */
  earlierGrades: Column[];
  /** The column shifts of the blocks printed side by side under the same headers: [0] for one block. */
  blocks: number[];
  rows: RosterRow[];
  skipped: { row: number; why: SkipReason }[];
  /** Texts above the header: title, 填报单位. */
  title: string[];
}

/** The sheet column (1-based) that holds an identity role (姓名, 等次, 合计, 排名…), or null when the sheet has none. */
export function columnOf(table: Pick<Table, 'columns'>, role: IdentityRole): number | null {
  return table.columns.find((c) => c.role.kind === role)?.col ?? null;
}

/** A user's correction of the mapping: sheet column → role (from the task pane or a settings file). */
export type ColumnOverrides = Record<number, ColumnRole>;

const MAX_HEADER_SEARCH = 30;
const MAX_HEADER_ROWS = 3;

/** The first row that holds a 姓名 header and at least one more known header. */
function findHeaderRow(view: GridView, v: Vocabulary): { row: number; nameCol: number } | null {
  const last = Math.min(view.bottom, view.top + MAX_HEADER_SEARCH);
  for (let r = view.top; r <= last; r++) {
    let nameCol: number | null = null;
    let score = 0;
    for (let c = view.left; c <= view.right; c++) {
      const t = cellText(view.value(r, c));
      if (!t) continue;
      if (nameCol === null && v.isName(t)) nameCol = c;
      score += v.exactScore(t);
    }
    if (nameCol !== null && score >= 2) return { row: r, nameCol };
  }
  return null;
}

/** Whether the row under the header is more header: sub-labels or stated maxima, no numbers, no name. */
function isMoreHeader(view: GridView, r: number, nameCol: number, v: Vocabulary): boolean {
  if (r > view.bottom) return false;
  const nameCell = cellText(view.value(r, nameCol));
  if (nameCell && !view.isMergeTail(r, nameCol)) return false;
  if (isSectionLine(view, r, nameCol)) return false;
  let known = 0;
  // 第一季度 … 第四季度 under a merged 平时考核等次: periods named side by side (one alone is a data cell: 考核周期).
  let periods = 0;
  for (let c = view.left; c <= view.right; c++) {
    if (view.isMergeTail(r, c)) continue;
    const val = view.value(r, c);
    if (typeof val === 'number') return false;
    const t = cellText(val);
    if (!t) continue;
    if (headerKey(t) === '' && headerMax(t) !== null) known++;
    else if (v.knows(t)) known++;
    else if (namesPeriod(t)) periods++;
  }
  return known > 0 || periods >= 2;
}

function columnPath(view: GridView, top: number, bottom: number, c: number): { path: string[]; max: number | null } {
  const path: string[] = [];
  let alone: number | null = null;
  for (let r = top; r <= bottom; r++) {
    const t = cellText(view.shown(r, c));
    if (!t) continue;
    if (headerKey(t) === '') {
      // A cell holding only a maximum, such as （6分） under 思想政治素质, unless it spans several columns.
      const m = view.merge(r, c);
      if (!m || m.left === m.right) alone = headerMax(t) ?? alone;
      continue;
    }
    if (path[path.length - 1] !== t) path.push(t);
  }
  // The leaf's own maximum; a parent's (德（20分） over 思想政治素质) is not this column's.
  const leaf = path[path.length - 1];
  return { path, max: (leaf !== undefined ? headerMax(leaf) : null) ?? alone };
}

/**
 * A line merged across the name column from its own row (办公室 over its people): a section, never
 * more header, whatever it says. The scheme inference asks the same.
 */
export function isSectionLine(view: GridView, r: number, nameCol: number): boolean {
  const m = view.merge(r, nameCol);
  return m !== null && m.top === r && m.right > m.left;
}

const UNIT_ENDINGS = /(室|股|科|处|局|中心|站|所|队|部|办|组|委|院|庭|街道|乡|镇|单位|机关|支部|党委)$/;

/** A row naming a unit above its people: merged across the row, or a unit's name with no scores beside it. */
function isSectionLabel(view: GridView, r: number, c: number, text: string): boolean {
  const m = view.merge(r, c);
  if (m && m.right - m.left >= 2) return true;
  return UNIT_ENDINGS.test(compact(text));
}

/** A row of column numbers under the header (1 2 3 …), as official forms print them. */
function isColumnNumbering(view: GridView, r: number, right = view.right): boolean {
  let last = 0;
  let count = 0;
  let lastCol = view.left - 1;
  for (let c = view.left; c <= right; c++) {
    if (view.isMergeTail(r, c)) continue;
    const v = view.value(r, c);
    if (v === null || v === '') continue;
    const n = typeof v === 'number' ? v : Number(cellText(v).replace(/[()（）]/g, ''));
    if (!Number.isInteger(n) || n <= last) return false;
    last = n;
    count++;
    lastCol = c;
  }
  // A narrow sheet (姓名, 等次) numbers every column it had when it was printed: 1 2 3 from its
  // first column on, nothing after — a column added since (kaohe's 等次) is left unnumbered.
  return count >= 4 || (count >= 2 && last === count && lastCol - view.left + 1 === count);
}

function splitName(raw: string): { name: string; note: string | null } {
  const s = raw.normalize('NFKC').trim();
  const m = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(s);
  return m ? { name: compact(m[1]!), note: m[2]!.trim() } : { name: compact(s), note: null };
}

/** Reads a sheet; null when it holds no roster (no header with 姓名 that this scheme recognises). */
export function readTable(view: GridView, v: Vocabulary, overrides: ColumnOverrides = {}): Table | null {
  const head = findHeaderRow(view, v);
  if (!head) return null;
  let bottom = head.row;
  while (bottom - head.row + 1 < MAX_HEADER_ROWS && isMoreHeader(view, bottom + 1, head.nameCol, v)) bottom++;

  const headers: { col: number; path: string[]; max: number | null }[] = [];
  for (let c = view.left; c <= view.right; c++) headers.push({ col: c, ...columnPath(view, head.row, bottom, c) });
  // Blocks side by side under the same headers: the columns are the first block's, each row knows its block.
  const blocks = blockShifts(headers, (t) => v.isName(t));
  const firstCol = headers.find((h) => h.path.length > 0)?.col ?? view.left;
  const blockRight = blocks.length > 1 ? firstCol + blocks[1]! - 1 : view.right;

  let columns: Column[] = [];
  for (const { col: c, path, max } of headers) {
    if (c > blockRight) break;
    if (path.length === 0 && overrides[c] === undefined) continue;
    const o = overrides[c];
    const rated = path.length > 0 ? statedRating(path[path.length - 1]!) : null;
    const m = o ? { role: o, how: 'user' as const } : rated ? matchRatedColumn(path, rated.label, v) : matchColumn(path, v);
    columns.push({ col: c, path, headerMax: max, role: m.role, how: m.how, ...(rated && { rating: rated.stated }) });
  }
  const stages = gradeStages(view, bottom, columns, v);
  columns = resolveDuplicates(stages.columns);

  const title: string[] = [];
  for (let r = view.top; r < head.row; r++) {
    const texts: string[] = [];
    for (let c = view.left; c <= view.right; c++) {
      if (view.isMergeTail(r, c)) continue;
      const t = cellText(view.value(r, c));
      if (t) texts.push(t);
    }
    if (texts.length > 0) title.push(texts.join(' '));
  }

  // The header's texts per column (of the first block), to know the header when it comes again.
  const header = new Map<number, Set<string>>();
  for (let r = head.row; r <= bottom; r++)
    for (let c = view.left; c <= blockRight; c++) {
      const t = compact(cellText(view.shown(r, c)));
      if (t) header.set(c, (header.get(c) ?? new Set()).add(t));
    }

  const rows: RosterRow[] = [];
  let skipped: Table['skipped'] = [];
  for (const shift of blocks) {
    const nameCol = columnOf({ columns }, 'name') ?? head.nameCol;
    const block = readRows(shiftView(view, shift), bottom, nameCol, columns, blockRight, shift, (r, rv) =>
      repeatsHeader(rv, r, header, v, nameCol),
    );
    rows.push(...block.rows);
    skipped.push(...block.skipped);
  }
  if (blocks.length > 1) {
    // A row skipped by one block may hold a person in another; else it is skipped once, as the first block saw it.
    const people = new Set(rows.map((r) => r.row));
    const seen = new Set<number>();
    skipped = skipped.filter((x) => !people.has(x.row) && !seen.has(x.row) && seen.add(x.row)).sort((a, b) => a.row - b.row);
  }

  return {
    sheet: view.grid.sheet,
    headerTop: head.row,
    headerBottom: bottom,
    columns,
    earlierGrades: stages.earlier,
    blocks,
    rows,
    skipped,
    title,
  };
}

/** How many rows under the header show what an opinion column holds. */
const OPINION_SAMPLE = 100;

/**
 * Several grade columns naming their stages (建议等次, 党组会建议等次, 最终评定等次, and an opinion column
 * holding grades): the one decided last is the grade, the others earlier stages.
 */
function gradeStages(view: GridView, bottom: number, columns: Column[], v: Vocabulary): { columns: Column[]; earlier: Column[] } {
  const labels = v.compiled.scheme.grading.labels.map((l) => [l.label, ...l.synonyms].map(compact));
  const isGrade = (t: string): boolean => labels.some((l) => l.includes(compact(t)));
  const holdsGrades = (col: number): boolean => {
    let filled = 0;
    let grades = 0;
    for (let r = bottom + 1; r <= Math.min(view.bottom, bottom + OPINION_SAMPLE); r++) {
      const t = cellText(view.value(r, col));
      if (!t) continue;
      filled++;
      if (isGrade(t)) grades++;
    }
    return grades * 2 > filled;
  };
  const grades = columns.filter(
    (c) => c.how !== 'user' && (c.role.kind === 'grade' || (c.role.kind === 'ignored' && isOpinionHeader(c.path) && holdsGrades(c.col))),
  );
  const best = decidedGrade(grades.map((c) => c.path));
  if (best === null) return { columns, earlier: [] };
  const decided = grades[best]!;
  const earlier = grades.filter((c) => c !== decided).map((c) => ({ ...c, role: { kind: 'grade' as const } }));
  return {
    columns: columns.map((c) =>
      c === decided
        ? { ...c, role: { kind: 'grade' }, how: 'exact' }
        : grades.includes(c)
          ? { ...c, role: { kind: 'ignored' }, how: 'none' }
          : c,
    ),
    earlier,
  };
}

/** The rows under the header of one block (seen through its shifted view, over the first block's columns). */
function readRows(
  view: GridView,
  bottom: number,
  nameCol: number,
  columns: Column[],
  right: number,
  shift: number,
  isHeader: (r: number, view: GridView) => boolean,
): { rows: RosterRow[]; skipped: Table['skipped'] } {
  const seqCol = columnOf({ columns }, 'seq');
  const remarkCols = columns.filter((c) => c.role.kind === 'remark' || c.role.kind === 'status').map((c) => c.col);
  const remarkHolds = (r: number): boolean => remarkCols.some((c) => cellText(view.value(r, c)) !== '');
  const dataCols = columns.filter((c) => c.role.kind === 'field' || c.role.kind === 'total' || c.role.kind === 'grade').map((c) => c.col);

  const rows: RosterRow[] = [];
  const skipped: Table['skipped'] = [];
  let section: string | null = null;
  for (let r = bottom + 1; r <= view.bottom; r++) {
    // The common row: a name and data beside it. Decided without reading the rest of the row.
    const named = cellText(view.value(r, nameCol));
    // The header again further down (after a page break): nobody is called 姓名, no person's cells are all header texts.
    if (isHeader(r, view)) {
      skipped.push({ row: r, why: 'header' });
      continue;
    }
    if (named && !isSummaryText(named) && !isNoteWord(named) && !(r <= bottom + 3 && isColumnNumbering(view, r, right))) {
      const data = dataCols.some((c) => {
        const val = view.value(r, c);
        return val !== null && val !== '';
      });
      if (data || remarkHolds(r) || (!isNoteText(named) && !isSectionLabel(view, r, nameCol, named))) {
        const { name, note } = splitName(named);
        rows.push({ row: r, name, nameNote: note, section, shift });
        continue;
      }
    }
    const texts: { c: number; t: string }[] = [];
    for (let c = view.left; c <= right; c++) {
      if (view.isMergeTail(r, c)) continue;
      const val = view.value(r, c);
      const t = typeof val === 'boolean' ? String(val) : cellText(val);
      if (t || (val !== null && typeof val === 'object')) texts.push({ c, t: t || '#' });
    }
    if (r <= bottom + 3 && isColumnNumbering(view, r, right)) {
      skipped.push({ row: r, why: 'note' });
      continue;
    }
    // A template row numbered in advance (序号 only) is as good as blank.
    const content = texts.filter((x) => !(x.c === seqCol && typeof view.value(r, x.c) === 'number'));
    if (content.length === 0) {
      skipped.push({ row: r, why: 'blank' });
      continue;
    }
    const nameRaw = cellText(view.value(r, nameCol));
    if (isSummaryText(nameRaw) || isSummaryText(texts[0]!.t)) {
      skipped.push({ row: r, why: 'summary' });
      continue;
    }
    const hasData = dataCols.some((c) => {
      const val = view.value(r, c);
      return val !== null && val !== '';
    });
    // 注：…, 填表人：李明 — under the header in the name column when it is the first column; 填表人 | 李明 in two cells.
    if (nameRaw && (isNoteWord(nameRaw) || (!hasData && isNoteText(nameRaw)))) {
      skipped.push({ row: r, why: 'note' });
      continue;
    }
    if (nameRaw && !hasData && !remarkHolds(r) && isSectionLabel(view, r, nameCol, nameRaw)) {
      section = compact(nameRaw);
      skipped.push({ row: r, why: 'section' });
      continue;
    }
    if (nameRaw) {
      const { name, note } = splitName(nameRaw);
      rows.push({ row: r, name, nameNote: note, section, shift });
      continue;
    }
    // 填表人：白雪 … 审核人：任志刚 — a sign-off line across the columns, not a person without a name.
    if (content.every((x) => typeof view.value(r, x.c) === 'string' && isNoteText(x.t))) {
      skipped.push({ row: r, why: 'note' });
      continue;
    }
    if (hasData) {
      rows.push({ row: r, name: '', nameNote: null, section, shift });
      continue;
    }
    const first = content[0]!.t;
    const isNote = isNoteText(first) || content.length > 1;
    if (isNote) {
      skipped.push({ row: r, why: 'note' });
    } else {
      section = compact(first);
      skipped.push({ row: r, why: 'section' });
    }
  }
  return { rows, skipped };
}

/**
 * A row that repeats the header (after a page break, when a Word table is pasted): 姓名 in the name
 * column, or no number and two cells or more holding their column's header texts (the lower header
 * row, 思想政治素质（6分） …, has no 姓名 under a merged one).
 */
function repeatsHeader(view: GridView, r: number, header: Map<number, Set<string>>, v: Vocabulary, nameCol: number): boolean {
  // The common row first, cheaply: a name that is not the header's is a person's.
  const name = cellText(view.value(r, nameCol));
  if (name && !header.get(nameCol)?.has(compact(name))) return false;
  let same = 0;
  let filled = 0;
  for (const [c, texts] of header) {
    if (view.isMergeTail(r, c)) continue;
    const val = view.value(r, c);
    if (typeof val === 'number') return false;
    const t = compact(cellText(val));
    if (!t) continue;
    if (texts.has(t) && v.isName(t)) return true;
    filled++;
    if (texts.has(t)) same++;
  }
  return same >= 2 && same * 2 >= filled;
}

/** The A1 address of a column's header cell (its lowest header row), for issues about a column. */
export function headerCell(t: Table, col: number): string {
  return a1(t.headerBottom, col);
}
