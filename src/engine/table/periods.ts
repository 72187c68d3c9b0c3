/**
 * Several periods in one sheet: month columns ("（7）月份考核等次"), quarter columns (第一季度 …
 * 第四季度, or 1 2 3 4 under a merged 平时考核等次（季度）), and (等次, 备注) or (得分, 等次) pairs
 * under each period. Each period becomes a set of column corrections that makes the sheet read as
 * that period alone: its own columns take the grade, total and remark roles, the other periods'
 * columns are ignored. Reads headers only; judges nothing.
 */
import { monthOf, quarterOf, type PeriodUnit } from '../annual/periods';
import { compact, headerKey } from '../text';
import type { GridView } from '../grid';
import { cellText } from './cells';
import type { ColumnRole, IdentityRole, Vocabulary } from './columns';
import type { ColumnOverrides, Table } from './read';

export interface SheetPeriod {
  /** 1-based position in the year: the quarter or the month. */
  index: number;
  /** The corrections that read the sheet as this period alone. */
  overrides: ColumnOverrides;
}

export interface PeriodColumns {
  unit: PeriodUnit;
  periods: SheetPeriod[];
}

/** The roles a period's own column can take. */
const PERIOD_ROLES: readonly IdentityRole[] = ['grade', 'total', 'remark'];

/** "（7）月份" and "(7)月" name the month as "7月" does. */
const bracketedNumber = (s: string): string => s.replace(/\((\d{1,2})\)/g, '$1');

/** The period a header text names (第一季度, （7）月份, or 2 under a 季度 heading); null when it names none. */
function periodIn(text: string, parent: string | null): { unit: PeriodUnit; index: number } | null {
  const t = bracketedNumber(compact(text));
  const q = quarterOf(t);
  if (q !== null) return { unit: 'quarter', index: q };
  const m = monthOf(t);
  if (m !== null) return { unit: 'month', index: m };
  // 1 2 3 4 under 平时考核等次（季度）, or 7 8 9 under 月份.
  if (parent !== null && /^\d{1,2}$/.test(t)) {
    const n = Number(t);
    const p = compact(parent);
    if (/季度/.test(p) && n >= 1 && n <= 4) return { unit: 'quarter', index: n };
    if (/月/.test(p) && n >= 1 && n <= 12) return { unit: 'month', index: n };
  }
  return null;
}

/** Whether a header cell names a period by itself (第一季度, （7）月份, Q3): a row of two or more is a header row. */
export function namesPeriod(text: string): boolean {
  return periodIn(text, null) !== null;
}

/** What a period's column holds, from the words beside the period's (考核等次, 得分, 备注), else from its cells. */
function roleIn(texts: string[], v: Vocabulary, view: GridView, table: Table, col: number): IdentityRole | null {
  // The leaf first (等次 under 第一季度), then the headers above it (平时考核等次（季度） over 1 2 3 4).
  for (const t of [...texts].reverse()) {
    const rest = headerKey(
      bracketedNumber(compact(t))
        .replace(/第?[一二三四1-4]季度?|[Qq][1-4]/g, '')
        .replace(/(?:\d{1,2}|十[一二]|[一二三四五六七八九十])月份?/g, ''),
    ).toLowerCase();
    if (!rest) continue;
    const role = v.identityExact(rest) ?? v.identityContained(rest);
    if (role && PERIOD_ROLES.includes(role)) return role;
  }
  // A bare 第一季度: grades if its cells hold words, totals if they hold numbers.
  let words = 0;
  let numbers = 0;
  for (const r of table.rows) {
    const val = view.value(r.row, col);
    if (typeof val === 'number') numbers++;
    else if (cellText(val)) words++;
  }
  if (words + numbers === 0) return null;
  return numbers > words ? 'total' : 'grade';
}

/**
 * The periods of a sheet that keeps several side by side; null when it keeps one (or none). A
 * period counts when it has a grade or a total column; two at least, all of one unit.
 */
export function findPeriodColumns(view: GridView, table: Table, v: Vocabulary): PeriodColumns | null {
  const found: { col: number; unit: PeriodUnit; index: number; role: IdentityRole }[] = [];
  for (const c of table.columns) {
    if (c.how === 'user') continue;
    let period: { unit: PeriodUnit; index: number } | null = null;
    for (let i = c.path.length - 1; i >= 0 && !period; i--) period = periodIn(c.path[i]!, i > 0 ? c.path[i - 1]! : null);
    if (!period) continue;
    const role = roleIn(c.path, v, view, table, c.col);
    if (role) found.push({ col: c.col, ...period, role });
  }
  const unit = found[0]?.unit;
  if (!unit || found.some((f) => f.unit !== unit)) return null;
  const indexes = [...new Set(found.filter((f) => f.role !== 'remark').map((f) => f.index))].sort((a, b) => a - b);
  if (indexes.length < 2) return null;
  const ignored: ColumnRole = { kind: 'ignored' };
  return {
    unit,
    periods: indexes.map((index) => {
      const overrides: ColumnOverrides = {};
      for (const f of found) overrides[f.col] = f.index === index ? { kind: f.role } : ignored;
      // The sheet's other grade and total columns (a 年度 column beside the quarters) are not this period's.
      for (const c of table.columns)
        if (overrides[c.col] === undefined && c.how !== 'user' && (c.role.kind === 'grade' || c.role.kind === 'total'))
          overrides[c.col] = ignored;
      return { index, overrides };
    }),
  };
}
