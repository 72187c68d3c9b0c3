/**
 * Sheets built in code, laid out as offices lay them out: a title, a 填报单位 line, a one- or
 * two-row header with merged cells, people, a 合计 row. Tests describe the sheet they need
 * instead of loading binary fixtures.
 */
import { type Area, type CellValue, type Grid, parseArea } from '../../src/engine';

export function gridOf(values: CellValue[][], merges: string[] = [], sheet = '第一季度'): Grid {
  return { sheet, top: 1, left: 1, values, merges: merges.map((m) => parseArea(m) as Area) };
}

/** gwy-2020's items: dimension, label, maximum. */
export const GWY_ITEMS: [string, string, number][] = [
  ['德', '思想政治素质', 6],
  ['德', '职业道德', 4],
  ['德', '社会公德', 6],
  ['德', '家庭美德', 4],
  ['能', '岗位执行能力', 5],
  ['能', '综合业务能力', 6],
  ['能', '开拓创新能力', 5],
  ['能', '沟通协作能力', 4],
  ['勤', '工作责任心', 5],
  ['勤', '工作作风', 5],
  ['勤', '出勤情况', 5],
  ['绩', '工作负荷', 15],
  ['绩', '工作效率', 10],
  ['绩', '工作成效', 10],
  ['廉', '遵章守纪情况', 4],
  ['廉', '艰苦奋斗勤俭节约情况', 3],
  ['廉', '日常信访举报情况', 3],
];

export const GWY_DIMS: [string, number][] = [
  ['德', 20],
  ['能', 20],
  ['勤', 15],
  ['绩', 35],
  ['廉', 10],
];

/** Scores in half points, each within its maximum, that add up exactly to `target`. */
export function scoresFor(maxes: number[], target: number): number[] {
  const full = maxes.reduce((s, m) => s + m, 0);
  const out = maxes.map((m) => Math.floor(((m * target) / full) * 2) / 2);
  let diff = Math.round((target - out.reduce((s, x) => s + x, 0)) * 2) / 2;
  for (let i = 0; diff !== 0 && i < 10000; i = (i + 1) % maxes.length) {
    const step = diff > 0 ? 0.5 : -0.5;
    const next = out[i]! + step;
    if (next >= 0 && next <= maxes[i]!) {
      out[i] = next;
      diff = Math.round((diff - step) * 2) / 2;
    }
  }
  return out;
}

export interface GwyPerson {
  name: string;
  unit?: string;
  /** Sum of the 17 items; scores are generated to add up to it. */
  base?: number;
  /** Or the 17 item scores as they should appear in the cells. */
  items?: CellValue[];
  bonus?: CellValue;
  penalty?: CellValue;
  total?: CellValue;
  grade?: CellValue;
  remark?: CellValue;
}

export interface GwyLayout {
  /** 'items': two-row header, 德（20分） merged over its items; 'dims': one row of dimensions; 'both': items and a 小计 per dimension. */
  shape?: 'items' | 'dims' | 'both';
  title?: boolean;
  summaryRow?: boolean;
  /** Insert a blank row after this many people. */
  blankAfter?: number;
  fullWidthBrackets?: boolean;
}

/**
 * A gwy-2020 sheet. Columns: 序号 姓名 科室 | items (or dimensions) | 加分 减分 合计 等次 备注.
 * Returns the grid and the 1-based row of each person.
 */
export function gwySheet(people: GwyPerson[], layout: GwyLayout = {}): { grid: Grid; rows: number[]; cols: Record<string, number> } {
  const shape = layout.shape ?? 'items';
  const [lb, rb] = layout.fullWidthBrackets === false ? ['(', ')'] : ['（', '）'];
  const values: CellValue[][] = [];
  const merges: string[] = [];
  const lead = ['序号', '姓名', '科室'];
  const tail = ['加分', '减分', '合计', '等次', '备注'];
  const cols: Record<string, number> = {};

  // Score columns in order, with their top and bottom header text.
  const scoreCols: { top: string; sub: string | null }[] = [];
  if (shape === 'dims') {
    for (const [d, m] of GWY_DIMS) scoreCols.push({ top: `${d}${lb}${m}分${rb}`, sub: null });
  } else {
    for (const [d, m] of GWY_DIMS) {
      for (const [dd, label, max] of GWY_ITEMS)
        if (dd === d) scoreCols.push({ top: `${d}${lb}${m}分${rb}`, sub: `${label}${lb}${max}分${rb}` });
      if (shape === 'both') scoreCols.push({ top: `${d}${lb}${m}分${rb}`, sub: '小计' });
    }
  }
  const twoRows = shape !== 'dims';
  const width = lead.length + scoreCols.length + tail.length;
  const colLetter = (c: number): string => {
    let s = '';
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };

  let r = 1;
  if (layout.title !== false) {
    values.push(['2026年第一季度公务员平时考核量化评分表', ...Array(width - 1).fill(null)]);
    merges.push(`A1:${colLetter(width)}1`);
    values.push(['填报单位：县财政局', null, null, null, null, '填报时间：2026年4月3日', ...Array(width - 6).fill(null)]);
    r = 3;
  }
  const top: CellValue[] = [];
  const sub: CellValue[] = [];
  lead.forEach((t, i) => {
    top.push(t);
    sub.push(null);
    if (twoRows) merges.push(`${colLetter(i + 1)}${r}:${colLetter(i + 1)}${r + 1}`);
    cols[t] = i + 1;
  });
  let c = lead.length + 1;
  let groupStart = c;
  scoreCols.forEach((sc, i) => {
    const prev = scoreCols[i - 1];
    if (!prev || prev.top !== sc.top) groupStart = c;
    top.push(prev && prev.top === sc.top ? null : sc.top);
    sub.push(sc.sub);
    cols[sc.sub ?? sc.top] = c;
    const next = scoreCols[i + 1];
    if (twoRows && (!next || next.top !== sc.top) && c > groupStart) merges.push(`${colLetter(groupStart)}${r}:${colLetter(c)}${r}`);
    c++;
  });
  for (const t of tail) {
    top.push(t === '加分' ? `加分${lb}≤5分${rb}` : t === '减分' ? `减分${lb}≤5分${rb}` : t);
    sub.push(null);
    if (twoRows) merges.push(`${colLetter(c)}${r}:${colLetter(c)}${r + 1}`);
    cols[t] = c;
    c++;
  }
  values.push(top);
  if (twoRows) values.push(sub);
  r += twoRows ? 2 : 1;

  const rows: number[] = [];
  people.forEach((p, i) => {
    const maxes = GWY_ITEMS.map((x) => x[2]);
    const items = p.items ?? scoresFor(maxes, p.base ?? 85);
    let scores: CellValue[];
    if (shape === 'dims') {
      scores = GWY_DIMS.map(([d]) => GWY_ITEMS.reduce((s, x, j) => (x[0] === d ? s + Number(items[j] ?? 0) : s), 0));
    } else {
      scores = [];
      for (const [d] of GWY_DIMS) {
        GWY_ITEMS.forEach((x, j) => {
          if (x[0] === d) scores.push(items[j] ?? null);
        });
        if (shape === 'both') scores.push(GWY_ITEMS.reduce((s, x, j) => (x[0] === d ? s + Number(items[j] ?? 0) : s), 0));
      }
    }
    values.push([
      i + 1,
      p.name,
      p.unit ?? '办公室',
      ...scores,
      p.bonus ?? null,
      p.penalty ?? null,
      p.total ?? null,
      p.grade ?? null,
      p.remark ?? null,
    ]);
    rows.push(r++);
    if (layout.blankAfter !== undefined && i + 1 === layout.blankAfter) {
      values.push(Array(width).fill(null));
      r++;
    }
  });
  if (layout.summaryRow !== false) {
    values.push([null, '合计', null, ...Array(width - 3).fill(null)]);
    r++;
    values.push([null, '平均分', null, ...Array(width - 3).fill(null)]);
  }
  return { grid: gridOf(values, merges), rows, cols };
}

export interface SchemePerson {
  name: string;
  unit?: string;
  post?: string;
  /** The total before bonus and penalty; every score column is set in proportion to reach it. */
  total?: number;
  /** Or exact values by field id (others follow `total`). */
  values?: Record<string, CellValue>;
  bonus?: CellValue;
  penalty?: CellValue;
  sheetTotal?: CellValue;
  grade?: CellValue;
  remark?: CellValue;
}

/**
 * A one-row-header sheet for any scheme: 序号 姓名 科室 职务, its score columns (items, dimensions
 * without items, other inputs, bonus and penalty; none for entered-grade schemes), 合计, 等次, 备注.
 */
export function schemeSheet(
  s: import('../../src/engine/scheme/model').Scheme,
  people: SchemePerson[],
  sheet = '第一季度',
): { grid: Grid; rows: number[]; col: (idOrHeader: string) => number } {
  if (s.ballot) return ballotSheet(s, people, sheet);
  const scale = s.scale?.max ?? 100;
  const score: { id: string; header: string; max: number }[] = [];
  const scored = s.grading.mode !== 'entered';
  if (scored) {
    for (const g of s.groups)
      if (!s.items.some((i) => i.group === g.id)) score.push({ id: g.id, header: `${g.label}（${g.max}分）`, max: g.max });
    for (const i of s.items) score.push({ id: i.id, header: `${i.label}（${i.max}分）`, max: i.max });
    for (const x of s.inputs) score.push({ id: x.id, header: x.label, max: x.max ?? scale });
    // Deductions: no cases unless the person's values say so (max 0 scales every default to 0).
    for (const d of s.deductions) {
      score.push({ id: `${d.id}_count`, header: d.label, max: 0 });
      if (d.pointsColumn) score.push({ id: d.id, header: d.pointsColumn.label, max: 0 });
    }
  }
  const adj = scored ? s.adjustments : [];
  // Organisations are ranked within the category column (街道 / 区直单位) where units have 科室.
  const third = s.organisation ? '类别' : '科室';
  const headers = ['序号', '姓名', third, '职务', ...score.map((x) => x.header), ...adj.map((a) => a.label), '合计', '等次', '备注'];
  const values: CellValue[][] = [headers];
  const rows: number[] = [];
  people.forEach((p, i) => {
    const t = p.total ?? 80;
    const cells = score.map((x) => (p.values && x.id in p.values ? p.values[x.id]! : Math.round(((x.max * t) / scale) * 1e6) / 1e6));
    const adjCells = adj.map((a) => (a.kind === 'bonus' ? (p.bonus ?? null) : (p.penalty ?? null)));
    values.push([
      i + 1,
      p.name,
      p.unit ?? '办公室',
      p.post ?? '科员',
      ...cells,
      ...adjCells,
      p.sheetTotal ?? null,
      p.grade ?? null,
      p.remark ?? null,
    ]);
    rows.push(i + 2);
  });
  const col = (key: string): number => {
    const byId = score.findIndex((x) => x.id === key);
    if (byId >= 0) return 5 + byId;
    const a = adj.findIndex((x) => x.id === key);
    if (a >= 0) return 5 + score.length + a;
    return headers.indexOf(key) + 1;
  };
  return { grid: gridOf(values, [], sheet), rows, col };
}

/**
 * A ballot sheet as offices lay it out: 序号 姓名 科室 职务 参加测评人数, then each subject merged
 * over its options (优秀 良好 一般 较差) on a second header row; 20 voters, votes 10/6/3/1 in every
 * subject unless the person's values say otherwise (by field id: zongti_1 …, voters).
 */
function ballotSheet(
  s: import('../../src/engine/scheme/model').Scheme,
  people: SchemePerson[],
  sheet: string,
): { grid: Grid; rows: number[]; col: (idOrHeader: string) => number } {
  const b = s.ballot!;
  const ids = b.subjects.flatMap((sub) => b.options.map((_o, k) => `${sub.id}_${k + 1}`));
  const top: CellValue[] = ['序号', '姓名', '科室', '职务', b.voters.label];
  const sub: CellValue[] = [null, null, null, null, null];
  const merges = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2'];
  b.subjects.forEach((x, i) => {
    const left = 6 + i * b.options.length;
    top.push(x.label, ...b.options.slice(1).map(() => null));
    sub.push(...b.options.map((o) => o.label));
    merges.push(`${columnName(left)}1:${columnName(left + b.options.length - 1)}1`);
  });
  const defaults = [10, 6, 3, 1];
  const values: CellValue[][] = [top, sub];
  people.forEach((p, i) =>
    values.push([
      i + 1,
      p.name,
      p.unit ?? '办公室',
      p.post ?? '科员',
      p.values?.['voters'] ?? 20,
      ...ids.map((id, k) => p.values?.[id] ?? defaults[k % b.options.length] ?? 0),
    ]),
  );
  const col = (key: string): number => (key === 'voters' ? 5 : ids.indexOf(key) >= 0 ? 6 + ids.indexOf(key) : top.indexOf(key) + 1);
  return { grid: gridOf(values, merges, sheet), rows: people.map((_p, i) => i + 3), col };
}

function columnName(c: number): string {
  let out = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * A 德/廉 一票否决 scheme (issue #15's measurement): 德 and 廉 rated (合格/不合格/否决), 能 30 勤 30
 * 绩 40 scored, the national 好/较好/一般/较差 bands (gwy-2020's). Raw JSON, as a scheme file holds it.
 */
export const DE_LIAN_SCHEME = {
  id: 'de-lian-veto',
  name: '德廉定性、能勤绩计分',
  period: { unit: 'quarter' },
  scale: { max: 100 },
  rated: [
    { id: 'de', label: '德', en: 'Virtue', synonyms: ['思想品德'] },
    { id: 'lian', label: '廉', en: 'Integrity', synonyms: ['廉洁自律', '廉政情况'] },
  ],
  items: [
    { id: 'neng', label: '能', max: 30 },
    { id: 'qin', label: '勤', max: 30 },
    { id: 'ji', label: '绩', max: 40 },
  ],
  grading: {
    labels: [{ label: '好' }, { label: '较好' }, { label: '一般' }, { label: '较差' }],
    bands: [
      { grade: '好', min: 90 },
      { grade: '较好', min: 75, max: 90 },
      { grade: '一般', min: 60, max: 75 },
      { grade: '较差', max: 60 },
    ],
  },
};

/**
 * The 德/廉 一票否决 sheet of issue #15's measurements, as a county's 平时考核 汇总表 lays it
 * out: title, one header row with the ladder and the veto stated in brackets, people, a 注 line.
 */
export function deLianSheet(
  rows: CellValue[][],
  header = ['德（合格/不合格）', '能（30分）', '勤（30分）', '绩（40分）', '廉（一票否决）'],
): Grid {
  return gridOf([
    ['XX县XX局2024年第一季度公务员平时考核结果汇总表'],
    ['序号', '姓名', ...header, '合计', '等次'],
    ...rows.map((r, i) => [i + 1, ...r]),
    ['注：德、廉为定性评价，廉洁自律一票否决。'],
  ]);
}
