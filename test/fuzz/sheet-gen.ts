/**
 * Generated appraisal sheets for the fuzz suite. fast-check builds a description of a sheet —
 * which preset, title rows, a one- or two-row header in one of the ways offices label columns,
 * columns left out, columns the scheme does not know, and rows of people whose cells hold
 * anything a secretary's sheet may hold (numbers out of range, numbers typed as text, full-width
 * digits, Excel errors, dates, booleans, stale formulas, merged cells) mixed with blank, 合计,
 * note and section rows — and `buildSheet` lays it out as a Grid, remembering where every field
 * and every person is, so properties can recompute totals without the engine.
 */
import fc from 'fast-check';
import { parseArea, type Area, type CellValue, type Grid } from '../../src/engine/grid';
import { countId, voteId, VOTERS_ID, type Scheme } from '../../src/engine/scheme/model';
import { PRESET_IDS, preset } from '../../src/schemes';

// ---------------------------------------------------------------- what a cell may hold

export type ScoreCell =
  | { k: 'num'; frac: number }
  | { k: 'over'; by: number }
  | { k: 'neg'; v: number }
  | { k: 'huge'; v: number }
  | { k: 'text'; frac: number; style: 'ascii' | 'full' | 'fen' | 'spaced' }
  | { k: 'empty' }
  | { k: 'nil'; t: string }
  | { k: 'garbage'; t: string }
  | { k: 'error'; e: string }
  | { k: 'bool'; b: boolean }
  | { k: 'date'; serial: number }
  | { k: 'formula'; frac: number; cached: boolean };

const frac = fc.integer({ min: 0, max: 20 }).map((n) => n / 20);

/** Mostly good numbers, as in real sheets; every kind of trouble now and then. */
export const scoreCell: fc.Arbitrary<ScoreCell> = fc.oneof(
  { weight: 40, arbitrary: frac.map((f) => ({ k: 'num' as const, frac: f })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 100 }).map((n) => ({ k: 'over' as const, by: n / 2 })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }).map((n) => ({ k: 'neg' as const, v: n / 2 })) },
  { weight: 1, arbitrary: fc.constantFrom(1e15, 1e308, -1e308, 0.1 + 0.2).map((v) => ({ k: 'huge' as const, v })) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('text' as const),
      frac,
      style: fc.constantFrom('ascii' as const, 'full' as const, 'fen' as const, 'spaced' as const),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ k: 'empty' as const }) },
  { weight: 1, arbitrary: fc.constantFrom('-', '/', '无', '—', '／').map((t) => ({ k: 'nil' as const, t })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.constantFrom('优', 'N/A', '九十', '90+', '缺考', '=A1', '+5', '@x', '1,000', '８.５分'), fc.string({ maxLength: 6 }))
      .map((t) => ({ k: 'garbage' as const, t })),
  },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?').map((e) => ({ k: 'error' as const, e })) },
  { weight: 1, arbitrary: fc.boolean().map((b) => ({ k: 'bool' as const, b })) },
  { weight: 1, arbitrary: fc.integer({ min: 40000, max: 47000 }).map((serial) => ({ k: 'date' as const, serial })) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('formula' as const), frac, cached: fc.boolean() }) },
);

const FULL_DIGITS = '０１２３４５６７８９';
const toFullWidth = (s: string): string => s.replace(/\d/g, (d) => FULL_DIGITS[Number(d)]!).replace('.', '．');

/** A cell's content for a field of maximum `max`. */
function cellContent(c: ScoreCell, max: number): { value: CellValue; formula: string | null; numFmt: string | null } {
  const plain = (value: CellValue) => ({ value, formula: null, numFmt: null });
  const inRange = (f: number): number => Math.round(f * max * 2) / 2;
  switch (c.k) {
    case 'num':
      return plain(inRange(c.frac));
    case 'over':
      return plain(max + c.by);
    case 'neg':
      return plain(-c.v);
    case 'huge':
      return plain(c.v);
    case 'text': {
      const s = String(inRange(c.frac));
      return plain(c.style === 'ascii' ? s : c.style === 'full' ? toFullWidth(s) : c.style === 'fen' ? `${s}分` : ` ${s} `);
    }
    case 'empty':
      return plain(null);
    case 'nil':
      return plain(c.t);
    case 'garbage':
      return plain(c.t === '' ? null : c.t);
    case 'error':
      return plain({ error: c.e });
    case 'bool':
      return plain(c.b);
    case 'date':
      return { value: c.serial, formula: null, numFmt: 'yyyy-mm-dd' };
    case 'formula':
      return { value: c.cached ? inRange(c.frac) : null, formula: `=${inRange(c.frac)}*1`, numFmt: null };
  }
}

// ---------------------------------------------------------------- the sheet's description

export interface RowSpec {
  kind: 'person' | 'blank' | 'summary' | 'note' | 'section';
  name: number;
  noName: boolean;
  nameNote: string;
  unit: number;
  post: number;
  cells: ScoreCell[];
  total: 'empty' | 'right' | 'wrong' | 'text' | 'formula';
  grade: 'empty' | 'right' | 'other' | 'synonym' | 'garbage' | 'none';
  gradePick: number;
  remark: number;
}

export interface SheetSpec {
  presetId: string;
  titleRows: number;
  /** For groups with items: item columns, group columns only, or both (a 小计 under each group). */
  shape: 'items' | 'groups' | 'both';
  twoRowHeader: boolean;
  /** In a two-row header, columns without a sub-header merged down over both rows. */
  mergeDown: boolean;
  numbered: boolean;
  labelStyles: number[];
  dropped: boolean[];
  seq: boolean;
  unit: boolean;
  post: boolean;
  totalCol: boolean;
  gradeCol: boolean;
  remarkCol: boolean;
  junk: number[];
  mergeUnits: boolean;
  rows: RowSpec[];
  merges: { row: number; col: number; down: boolean }[];
  hidden: number[];
  sheetName: string;
}

export const NAMES = ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十', '郑一', '王芳', '李娜', '张 伟', '刘洋', '陈静'];
const UNITS = ['办公室', '财务科', '人事科', '法规科'];
const POSTS = ['科员', '科长', '副科长', '一级主任科员', ''];
const REMARKS = [
  '',
  '',
  '',
  '',
  '试用期',
  '病假50天',
  '事假两周',
  '已调出',
  '受警告处分',
  '未受处分',
  '急难险重任务表现突出',
  '派驻村第一书记',
  '病假30天，事假20天',
  '立案调查',
  '=SUM(A1:A3)',
  '+1',
  '@x',
  '-',
  '新录用',
  '借调市委办',
  '病事假累计超过本季度一半',
  '抽调参加巡察工作',
];
/** What offices write in the grade cell for no grade (src/engine/grade/no-grade.json): the sheet's own statement, or a dash. */
const NO_GRADE = ['不确定等次', '不参加考核', '在外考核', '不确定等次（试用期）', '未定等次', '—', '不参加（调出）', '暂不定等次'];
const JUNK = ['性别', '联系电话', '出生年月', '身份证号', '本人签字', '', '民族'];
const NOTES = ['注：1. 本表一式两份。', '说明：加分须附证明材料', '审核人：', '填表人：李明'];

const rowSpec: fc.Arbitrary<RowSpec> = fc.record({
  kind: fc.oneof(
    { weight: 30, arbitrary: fc.constant('person' as const) },
    { weight: 1, arbitrary: fc.constantFrom('blank' as const, 'summary' as const, 'note' as const, 'section' as const) },
  ),
  name: fc.nat({ max: NAMES.length - 1 }),
  noName: fc.oneof({ weight: 40, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  nameNote: fc.oneof(
    { weight: 20, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('（试用期）', '(挂职)', '（新录用）') },
  ),
  unit: fc.nat({ max: UNITS.length - 1 }),
  post: fc.nat({ max: POSTS.length - 1 }),
  cells: fc.array(scoreCell, { minLength: 24, maxLength: 24 }),
  total: fc.constantFrom(
    'empty' as const,
    'empty' as const,
    'right' as const,
    'right' as const,
    'wrong' as const,
    'text' as const,
    'formula' as const,
  ),
  grade: fc.constantFrom(
    'empty' as const,
    'right' as const,
    'right' as const,
    'other' as const,
    'synonym' as const,
    'garbage' as const,
    'none' as const,
  ),
  gradePick: fc.nat({ max: 7 }),
  remark: fc.nat({ max: REMARKS.length - 1 }),
});

export const sheetSpec: fc.Arbitrary<SheetSpec> = fc.record({
  presetId: fc.constantFrom(...PRESET_IDS),
  titleRows: fc.nat({ max: 2 }),
  shape: fc.constantFrom('items' as const, 'groups' as const, 'both' as const),
  twoRowHeader: fc.boolean(),
  mergeDown: fc.boolean(),
  numbered: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  labelStyles: fc.array(fc.nat({ max: 5 }), { minLength: 24, maxLength: 24 }),
  dropped: fc.array(fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), {
    minLength: 24,
    maxLength: 24,
  }),
  seq: fc.boolean(),
  unit: fc.boolean(),
  post: fc.boolean(),
  totalCol: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  gradeCol: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  remarkCol: fc.boolean(),
  junk: fc.array(fc.nat({ max: JUNK.length - 1 }), { maxLength: 3 }),
  mergeUnits: fc.boolean(),
  rows: fc.array(rowSpec, { maxLength: 30 }),
  merges: fc.array(fc.record({ row: fc.nat({ max: 40 }), col: fc.nat({ max: 30 }), down: fc.boolean() }), { maxLength: 2 }),
  hidden: fc.array(fc.nat({ max: 40 }), { maxLength: 3 }),
  sheetName: fc.constantFrom('第一季度', 'Sheet1', '2026年Q1（机关）', "O'Brien's"),
});

// ---------------------------------------------------------------- laying it out

/** A score column: the field it holds and that field's maximum (for generating values). */
interface ScoreColumn {
  id: string;
  top: string;
  sub: string | null;
  max: number;
}

export interface BuiltSheet {
  grid: Grid;
  scheme: Scheme;
  /** Field id → 1-based column, for the fields the sheet has a column for. */
  fieldCols: Map<string, number>;
  /** Group id → column of its 小计 when the items are there too. */
  subtotalCols: Map<string, number>;
  nameCol: number;
  totalCol: number | null;
  gradeCol: number | null;
  headerTop: number;
  headerBottom: number;
  /** 1-based rows that hold a person (a name, or scores without a name). */
  personRows: number[];
  /** The right total of a person row (where the generator could know it), by row. */
  right: Map<number, number | null>;
}

function label(f: { label: string; synonyms: string[] }, max: number | null, style: number): string {
  const m = max === null ? '' : String(max);
  switch (style) {
    case 1:
      return m ? `${f.label}（${m}分）` : f.label;
    case 2:
      return m ? `${f.label}(${m}分)` : f.label;
    case 3:
      return f.synonyms[0] ?? f.label;
    case 4:
      return f.label.length > 1 ? `${f.label[0]} ${f.label.slice(1)}` : f.label;
    case 5:
      return m ? `${f.label}\n（${m}分）` : f.label;
    default:
      return f.label;
  }
}

function scoreColumns(s: Scheme, spec: SheetSpec): ScoreColumn[] {
  if (s.grading.mode === 'entered') return [];
  const out: ScoreColumn[] = [];
  let n = 0;
  const style = (): number => spec.labelStyles[n++ % spec.labelStyles.length]!;
  const two = spec.twoRowHeader;
  for (const g of s.groups) {
    const members = s.items.filter((i) => i.group === g.id);
    const groupHeader = label(g, g.max, two ? 1 : style());
    if (members.length === 0 || spec.shape === 'groups') {
      out.push({ id: g.id, top: groupHeader, sub: null, max: g.max });
      continue;
    }
    for (const it of members) {
      const l = label(it, it.max, style());
      out.push(two ? { id: it.id, top: groupHeader, sub: l, max: it.max } : { id: it.id, top: l, sub: null, max: it.max });
    }
    // A 小计 column needs its group above it to say whose subtotal it is.
    if (spec.shape === 'both' && two) out.push({ id: `${g.id}#subtotal`, top: groupHeader, sub: '小计', max: g.max });
  }
  for (const it of s.items.filter((i) => i.group === undefined))
    out.push({ id: it.id, top: label(it, it.max, style()), sub: null, max: it.max });
  for (const x of s.inputs) out.push({ id: x.id, top: label(x, x.max ?? null, style()), sub: null, max: x.max ?? s.scale?.max ?? 100 });
  for (const a of s.adjustments) out.push({ id: a.id, top: style() % 2 ? `${a.label}（最高${a.cap}分）` : a.label, sub: null, max: a.cap });
  // Ballots: the voters, then every option under its subject (always a two-row header).
  if (s.ballot) {
    out.push({ id: VOTERS_ID, top: s.ballot.voters.label, sub: null, max: 40 });
    for (const sub of s.ballot.subjects)
      s.ballot.options.forEach((o, k) => out.push({ id: voteId(sub.id, k), top: sub.label, sub: o.label, max: 20 }));
  }
  // Deductions: the count of cases, and the points taken where the scheme names a column for them.
  for (const d of s.deductions) {
    out.push({ id: countId(d.id), top: label(d, null, style()), sub: null, max: 4 });
    const most = typeof d.points === 'number' ? d.points : d.points.max;
    if (d.pointsColumn) out.push({ id: d.id, top: d.pointsColumn.label, sub: null, max: 4 * most });
  }
  return out.filter((_, i) => !spec.dropped[i % spec.dropped.length]);
}

const colLetters = (c: number): string => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export function buildSheet(spec: SheetSpec): BuiltSheet {
  const s = preset(spec.presetId)!;
  const scores = scoreColumns(s, spec);
  // Ballot options are only told apart under their subject: such sheets always have two header rows.
  const two = spec.twoRowHeader || !!s.ballot;

  // Columns in order: identity, a junk column, scores, tail, more junk.
  type Col = { role: string; top: string; sub: string | null; score?: ScoreColumn };
  const cols: Col[] = [];
  if (spec.seq) cols.push({ role: 'seq', top: '序号', sub: null });
  cols.push({ role: 'name', top: '姓名', sub: null });
  if (spec.unit) cols.push({ role: 'unit', top: '科室', sub: null });
  if (spec.post) cols.push({ role: 'post', top: '职务', sub: null });
  if (spec.junk.length > 0) cols.push({ role: 'junk', top: JUNK[spec.junk[0]!]!, sub: null });
  for (const sc of scores) cols.push({ role: 'score', top: sc.top, sub: sc.sub, score: sc });
  if (spec.totalCol && s.grading.mode === 'bands') cols.push({ role: 'total', top: '合计', sub: null });
  if (spec.gradeCol || s.grading.mode === 'entered') cols.push({ role: 'grade', top: '等次', sub: null });
  if (spec.remarkCol) cols.push({ role: 'remark', top: '备注', sub: null });
  for (const j of spec.junk.slice(1)) cols.push({ role: 'junk', top: JUNK[j]!, sub: null });
  const width = cols.length;
  const colOf = (role: string): number | null => {
    const i = cols.findIndex((c) => c.role === role);
    return i < 0 ? null : i + 1;
  };

  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numFmts: (string | null)[][] = [];
  const merges: Area[] = [];
  const blankRow = (): void => {
    values.push(Array(width).fill(null));
    formulas.push(Array(width).fill(null));
    numFmts.push(Array(width).fill(null));
  };
  const put = (row: number, col: number, c: { value: CellValue; formula: string | null; numFmt: string | null }): void => {
    values[row - 1]![col - 1] = c.value;
    formulas[row - 1]![col - 1] = c.formula;
    numFmts[row - 1]![col - 1] = c.numFmt;
  };
  const text = (row: number, col: number, v: CellValue): void => put(row, col, { value: v, formula: null, numFmt: null });

  // Title rows.
  for (let t = 0; t < spec.titleRows; t++) {
    blankRow();
    const r = values.length;
    if (t === 0) {
      text(r, 1, '2026年第一季度平时考核登记表');
      if (width > 1) merges.push({ top: r, left: 1, bottom: r, right: width });
    } else text(r, 1, '填报单位：县财政局    填报时间：2026年4月3日');
  }

  // Header: one row, or two with groups merged across their items and other columns merged down.
  const headerTop = values.length + 1;
  blankRow();
  if (two) blankRow();
  const headerBottom = values.length;
  cols.forEach((c, i) => {
    const col = i + 1;
    const prev = cols[i - 1];
    const sameGroup = two && c.sub !== null && prev?.sub != null && prev.top === c.top;
    if (!sameGroup) text(headerTop, col, c.top);
    if (two && c.sub !== null) text(headerBottom, col, c.sub);
    if (two && c.sub !== null && !sameGroup) {
      let end = i;
      while (cols[end + 1]?.sub != null && cols[end + 1]!.top === c.top) end++;
      if (end > i) merges.push({ top: headerTop, left: col, bottom: headerTop, right: end + 1 });
    }
    if (two && c.sub === null && spec.mergeDown) merges.push({ top: headerTop, left: col, bottom: headerBottom, right: col });
  });
  if (spec.numbered) {
    blankRow();
    for (let c = 1; c <= width; c++) text(values.length, c, c);
  }

  // Body.
  const fieldCols = new Map<string, number>();
  const subtotalCols = new Map<string, number>();
  cols.forEach((c, i) => {
    if (!c.score) return;
    if (c.score.id.endsWith('#subtotal')) subtotalCols.set(c.score.id.slice(0, -'#subtotal'.length), i + 1);
    else fieldCols.set(c.score.id, i + 1);
  });
  const nameCol = colOf('name')!;
  const totalCol = colOf('total');
  const gradeCol = colOf('grade');
  const unitCol = colOf('unit');
  const personRows: number[] = [];
  const right = new Map<number, number | null>();
  const labels = s.grading.labels;
  let seq = 0;
  let unitRun: { unit: number; from: number } | null = null;
  const closeUnitRun = (end: number): void => {
    if (unitRun && unitCol && spec.mergeUnits && end > unitRun.from)
      merges.push({ top: unitRun.from, left: unitCol, bottom: end, right: unitCol });
    unitRun = null;
  };

  for (const r of spec.rows) {
    blankRow();
    const row = values.length;
    if (r.kind !== 'person') {
      closeUnitRun(row - 1);
      if (r.kind === 'summary') {
        text(row, nameCol, r.name % 2 ? '合计' : '平均分');
        for (const col of fieldCols.values()) text(row, col, 100 + r.unit);
      } else if (r.kind === 'note') text(row, 1, NOTES[r.name % NOTES.length]!);
      else if (r.kind === 'section') text(row, 1, UNITS[r.unit]!);
      continue;
    }
    personRows.push(row);
    if (spec.seq) text(row, colOf('seq')!, ++seq);
    if (!r.noName) text(row, nameCol, NAMES[r.name]! + r.nameNote);
    if (unitCol) {
      if (spec.mergeUnits && unitRun?.unit === r.unit) {
        /* merged down from the run's first row */
      } else {
        closeUnitRun(row - 1);
        text(row, unitCol, UNITS[r.unit]!);
        unitRun = { unit: r.unit, from: row };
      }
    }
    if (colOf('post')) text(row, colOf('post')!, POSTS[r.post]! || null);
    if (colOf('remark')) text(row, colOf('remark')!, REMARKS[r.remark]! || null);
    let k = 0;
    for (const [i, c] of cols.entries()) {
      if (!c.score || c.score.id.endsWith('#subtotal')) continue;
      put(row, i + 1, cellContent(r.cells[k++ % r.cells.length]!, c.score.max));
    }
    // Subtotals hold the sum of the items as the sheet shows them, where they are numbers.
    for (const [g, col] of subtotalCols) {
      const items = s.items.filter((it) => it.group === g).map((it) => values[row - 1]![fieldCols.get(it.id)! - 1]);
      if (items.every((v) => typeof v === 'number'))
        text(
          row,
          col,
          (items as number[]).reduce((a, b) => a + b, 0),
        );
    }
  }
  closeUnitRun(values.length);

  // Random merges in the body (a merged score cell is a sheet's mistake, not a layout).
  const bodyTop = headerBottom + 1 + (spec.numbered ? 1 : 0);
  const bodyMerges: Area[] = [];
  // Only the top-left cell of a merged area holds anything (Excel clears the others when merging).
  const clearCovered = (a: Area): void => {
    for (let rr = a.top; rr <= a.bottom; rr++)
      for (let cc = a.left; cc <= a.right; cc++)
        if (rr !== a.top || cc !== a.left) put(rr, cc, { value: null, formula: null, numFmt: null });
  };
  for (const m of spec.merges) {
    if (values.length < bodyTop + 1 || width < 2) break;
    const top = bodyTop + (m.row % (values.length - bodyTop));
    const left = 1 + (m.col % (width - 1));
    const area = m.down ? { top, left, bottom: top + 1, right: left } : { top, left, bottom: top, right: left + 1 };
    if (merges.some((x) => x.top <= area.bottom && area.top <= x.bottom && x.left <= area.right && area.left <= x.right)) continue;
    merges.push(area);
    bodyMerges.push(area);
    clearCovered(area);
  }

  const grid: Grid = { sheet: spec.sheetName, top: 1, left: 1, values, formulas, numFmts, merges };
  if (spec.hidden.length > 0 && values.length > bodyTop)
    grid.hiddenRows = [...new Set(spec.hidden.map((h) => bodyTop + (h % (values.length - bodyTop + 1))))];
  const built: BuiltSheet = {
    grid,
    scheme: s,
    fieldCols,
    subtotalCols,
    nameCol,
    totalCol,
    gradeCol,
    headerTop,
    headerBottom,
    personRows,
    right,
  };

  // Totals and grades the sheet already has: right, wrong, or odd; computed without the engine.
  spec.rows
    .filter((r) => r.kind === 'person')
    .forEach((r, i) => {
      const row = personRows[i]!;
      const t = referenceTotal(built, row, 'computed');
      right.set(row, t);
      if (totalCol) {
        const good = t !== null ? Math.round(t * 100) / 100 : null;
        if (r.total === 'right' && good !== null) text(row, totalCol, good);
        else if (r.total === 'wrong' && good !== null) text(row, totalCol, good + 3);
        else if (r.total === 'text') text(row, totalCol, '九十');
        else if (r.total === 'formula') put(row, totalCol, { value: null, formula: '=SUM(A1:A2)', numFmt: null });
      }
      if (gradeCol) {
        const band = t === null ? undefined : s.grading.bands.find((b) => inBandRef(b, Math.round(t * 100) / 100));
        // A scheme that gives no grade (mode none) may still meet a 等次 column the office keeps.
        const pick = labels.length > 0 ? labels[r.gradePick % labels.length]! : { label: '好', synonyms: ['优秀'] };
        const g =
          r.grade === 'right'
            ? (band?.grade ?? pick.label)
            : r.grade === 'other'
              ? pick.label
              : r.grade === 'synonym'
                ? (pick.synonyms[0] ?? pick.label)
                : r.grade === 'garbage'
                  ? '良好+'
                  : r.grade === 'none'
                    ? NO_GRADE[r.gradePick % NO_GRADE.length]!
                    : null;
        text(row, gradeCol, g);
      }
    });
  bodyMerges.forEach(clearCovered);
  return built;
}

// ---------------------------------------------------------------- recomputing without the engine

/** A cell as a number the way the rules read it: empty, a number, or bad (text, error, date, …). */
export function referenceValue(v: CellValue, formula: string | null, numFmt: string | null): number | 'empty' | 'bad' {
  if (v === null) return formula ? 'bad' : 'empty';
  if (typeof v === 'boolean' || typeof v === 'object') return 'bad';
  if (typeof v === 'number') return numFmt && /y|d/.test(numFmt) ? 'bad' : v;
  // Text: full-width forms folded, spaces dropped, a leading apostrophe and a trailing 分 ignored.
  const t = v.normalize('NFKC').replace(/\s+/g, '');
  if (t === '' || /^(?:[-—–/\\、·]+|无|空)$/.test(t)) return 'empty';
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))分?$/.exec(t.replace(/^'/, '').replace(/[−–—]/g, '-'));
  return m ? Number(m[1]) : 'bad';
}

/** Whether a total falls in a band, by the band's own bounds. */
export function inBandRef(
  b: { min?: number | undefined; max?: number | undefined; minInclusive: boolean; maxInclusive: boolean },
  v: number,
): boolean {
  const lo = b.min === undefined || (b.minInclusive ? v >= b.min : v > b.min);
  const hi = b.max === undefined || (b.maxInclusive ? v <= b.max : v < b.max);
  return lo && hi;
}

/** Totals whose scheme writes its own formula: recomputed here by hand, one per preset. */
interface Cells {
  /** A field's cell: null when bad, or empty and required; 0 when empty and optional. */
  field: (id: string, optional: boolean) => number | null;
  /** Whether the sheet has a column for the field. */
  has: (id: string) => boolean;
}

/** A sum that is null as soon as one part is. */
function sumOrNull(xs: (number | null)[]): number | null {
  return xs.some((x) => x === null) ? null : (xs as number[]).reduce((a, b) => a + b, 0);
}

/**
 * 区组织工作考核 by the 评分细则, written out from the seed rather than from the preset's data:
 * each 基层组织建设 item is its points less its cases' costs (not below 0) wherever the sheet
 * counts a case, else its own cell; a dimension comes from its parts when all are on the sheet,
 * else from its own column, else from the parts there are; 业绩加分 is, per content, the
 * highest (创新项目 20/10; 国家级/省部级/市级表彰), plus 迎检调研, at most 50.
 */
function quZuzhiTotal({ field, has }: Cells): number | null {
  const costs: Record<string, [string, number, number?][]> = {
    peixun: [
      ['peixun_jihua', 2, 2],
      ['peixun_ziliao', 0.5],
    ],
    huanjie: [['huanjie_cun', 1]],
    houjin: [['houjin_wei', 2, 2]],
    dangyuan: [
      ['dangyuan_zhidu', 2, 2],
      ['dangyuan_guifan', 1, 1],
    ],
    bangfu: [
      ['bangfu_wei', 2, 2],
      ['bangfu_jilu', 1, 1],
    ],
    fugai: [['fugai_shao', 1]],
    shishi: [
      ['shishi_wei', 2, 2],
      ['shishi_luoshi', 0.2],
    ],
  };
  const points: Record<string, number> = { peixun: 4, huanjie: 4, houjin: 2, dangyuan: 4, bangfu: 3, fugai: 4, shishi: 4 };
  const counted = (id: string): boolean => (costs[id] ?? []).some(([d]) => has(`${d}_count`) || has(d));
  const item = (id: string): number | null => {
    if (!counted(id)) return field(id, false);
    const taken = costs[id]!.map(([d, each, cap]) => {
      const n = field(`${d}_count`, true);
      // A count so large its cost overflows (1e308 cases) has no cost, as in the engine.
      return n === null ? null : finite(Math.min(finite(n * each) ?? NaN, cap ?? Infinity));
    });
    const sum = sumOrNull(taken);
    return sum === null ? null : Math.max(0, points[id]! - sum);
  };
  const present = (id: string): boolean => has(id) || counted(id);
  const dimension = (
    id: string,
    parts: string[],
    part: (x: string) => number | null,
    partPresent: (x: string) => boolean,
    optional: boolean,
  ) => {
    if (parts.every(partPresent)) return sumOrNull(parts.map(part));
    if (has(id)) return field(id, optional);
    if (parts.some(partPresent)) return sumOrNull(parts.map(part));
    return optional ? 0 : null;
  };
  const jicengItems = ['peixun', 'huanjie', 'houjin', 'dangyuan', 'bangfu', 'fugai', 'shishi', 'luxian', 'cungaiju', 'jiceng_qita'];
  const jicengPresent = (): boolean => jicengItems.every(present) || has('jiceng') || jicengItems.some(present);
  const jiceng = (): number | null => dimension('jiceng', jicengItems, item, present, false);
  const mubiao = dimension(
    'mubiao',
    ['jiceng', 'qita_mubiao'],
    (x) => (x === 'jiceng' ? jiceng() : field(x, false)),
    (x) => (x === 'jiceng' ? jicengPresent() : has(x)),
    false,
  );
  const bonusItems = ['chuangxin_zhongda', 'chuangxin', 'guojia', 'shengbu', 'shiji', 'yingjian'];
  const opt = (x: string): number | null => field(x, true);
  let yeji: number | null;
  if (bonusItems.some(has) && (bonusItems.every(has) || !has('yeji'))) {
    const [a, b, c, d, e, f] = bonusItems.map(opt);
    yeji = [a, b, c, d, e, f].some((x) => x === null) ? null : finite(Math.max(a!, b!) + Math.max(c!, d!, e!) + f!);
  } else yeji = has('yeji') ? field('yeji', true) : 0;
  const extra = field('fugai_duo_count', true);
  const faults = field('guocuo', true);
  const recognition = field('gongren', true);
  if (mubiao === null || yeji === null || extra === null || faults === null || recognition === null) return null;
  return mubiao + Math.min(yeji, 50) + Math.min(extra, 3) - faults + recognition;
}

const OWN_TOTALS: Record<string, (v: (id: string) => number | null, cells: Cells) => number | null> = {
  'qu-zuzhi-2014': (_v, cells) => quZuzhiTotal(cells),
  // 好评率: (优秀 + 良好) of the overall subject ÷ voters.
  'keji-banzi': (v) => {
    const [excellent, good, voters] = [v('zongti_1'), v('zongti_2'), v('voters')];
    if (excellent === null || good === null || voters === null) return null;
    return (excellent + good) / voters;
  },
  'xiang-2015': (v) => {
    const groups = ['de', 'neng', 'qin', 'ji', 'lian'].map(v);
    const minzhu = v('minzhu');
    if (groups.some((g) => g === null) || minzhu === null) return null;
    const lingdao = (groups as number[]).reduce((a, b) => a + b, 0);
    return 0.7 * lingdao + 0.3 * minzhu;
  },
};

/**
 * The total of a person row, from the grid's cells and the scheme's data: groups from their
 * items (weighted where the scheme says so) or their own column, plus capped bonus, minus capped
 * penalty (a penalty written -3 is 3). Null when a needed score is missing or not a number.
 * `scoring`: 'total-column' reads the sheet's total instead, as the engine does when the sheet
 * has no score columns.
 */
export function referenceTotal(b: BuiltSheet, row: number, scoring: 'computed' | 'total-column'): number | null {
  const s = b.scheme;
  const at = (col: number) =>
    referenceValue(
      b.grid.values[row - 1]?.[col - 1] ?? null,
      b.grid.formulas?.[row - 1]?.[col - 1] ?? null,
      b.grid.numFmts?.[row - 1]?.[col - 1] ?? null,
    );
  if (scoring === 'total-column') {
    const t = b.totalCol ? at(b.totalCol) : 'bad';
    return typeof t === 'number' ? t : null;
  }
  const cellAt = (col: number | undefined, optional: boolean): number | null => {
    const v = col === undefined ? 'empty' : at(col);
    if (v === 'bad') return null;
    if (v === 'empty') return optional ? 0 : null;
    return v;
  };
  const field = (id: string, optional: boolean): number | null => cellAt(b.fieldCols.get(id), optional);
  const group = (id: string): number | null => {
    const g = s.groups.find((x) => x.id === id)!;
    const members = s.items.filter((i) => i.group === id);
    if (members.length > 0 && members.every((m) => b.fieldCols.has(m.id))) {
      const vals = members.map((m) => field(m.id, !m.required));
      if (vals.some((x) => x === null)) return null;
      return members.reduce((sum, m, i) => sum + (g.combine === 'weighted' ? (m.weight ?? 1) : 1) * vals[i]!, 0);
    }
    if (b.fieldCols.has(id)) return field(id, !g.required);
    return null;
  };
  const value = (id: string): number | null => {
    if (s.groups.some((g) => g.id === id)) return group(id);
    const it = s.items.find((i) => i.id === id) ?? s.inputs.find((i) => i.id === id);
    return field(id, it ? !it.required : true);
  };
  const own = OWN_TOTALS[s.id];
  if (s.total.expr !== undefined) {
    if (!own) throw new Error(`no hand-written reference total for preset ${s.id}: add one to OWN_TOTALS`);
    // A 小计 column is the dimension's own column to the engine.
    const cells: Cells = {
      field: (id, optional) =>
        !b.fieldCols.has(id) && b.subtotalCols.has(id) ? cellAt(b.subtotalCols.get(id)!, optional) : field(id, optional),
      has: (id) => b.fieldCols.has(id) || b.subtotalCols.has(id),
    };
    return finite(own(value, cells));
  }
  const parts = [...s.groups.map((g) => group(g.id)), ...s.items.filter((i) => i.group === undefined).map((i) => field(i.id, !i.required))];
  if (parts.some((p) => p === null)) return null;
  // With no items, deductions are taken from the scale (100).
  let total = parts.length === 0 && s.deductions.length > 0 ? (s.scale?.max ?? 100) : (parts as number[]).reduce((a, c) => a + c, 0);
  for (const d of s.deductions) {
    // A fixed cost is count × points (a points column is only checked); a ranged one is what the sheet took.
    const cost = typeof d.points === 'number' ? mul(field(countId(d.id), true), d.points) : field(d.id, true);
    if (cost === null) return null;
    total += d.direction === 'deduct' ? -cost : cost;
  }
  for (const a of s.adjustments) {
    const v = field(a.id, true);
    if (v === null) return null;
    total += a.kind === 'bonus' ? Math.min(v, a.cap) : -Math.min(Math.abs(v), a.cap);
  }
  return finite(total);
}

function mul(x: number | null, k: number): number | null {
  return x === null ? null : x * k;
}

function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** An area from an A1 reference, for tests that name merges by address. */
export const area = (ref: string): Area => parseArea(ref)!;
export { colLetters };
