/**
 * The words a scheme is described in, as a 考核办法 says it: one set per language, so that the
 * description (./describe.ts) holds no text of its own. Numbers are formatted by the caller.
 */
import type { Locale } from '../../report/locale';
import type { SettingProblem } from './edit';

/** The parts of a description, in the order a 考核办法 gives them. */
export const SECTIONS = ['scheme', 'items', 'total', 'grades', 'direct', 'status', 'quotas', 'annual'] as const;
export type SectionKey = (typeof SECTIONS)[number];

export const ANNUAL_OPS = ['>=', '>', '<=', '<', '='] as const;
export type AnnualOp = (typeof ANNUAL_OPS)[number];
export const ANNUAL_EFFECTS = ['max-grade', 'grade', 'priority', 'flag'] as const;
export type AnnualEffect = (typeof ANNUAL_EFFECTS)[number];

/** A bound of a range said in words: 90 分及以上, 低于 60 分. */
export type BoundWord = (x: string) => string;

export interface DescribeWords {
  sections: Record<SectionKey, string>;
  name: (name: string) => string;
  basedOn: (id: string) => string;
  source: (source: string) => string;
  period: Record<'month' | 'quarter' | 'half-year' | 'year', string>;
  /** The days a period counts for leave rules (超过考核期一半: more than half of them). */
  periodDays: (days: string) => string;
  scale: (max: string) => string;
  /** 德 20 分：思想政治素质 6、职业道德 4. */
  group: (label: string, max: string, items: string[]) => string;
  /** A weighted dimension: 实绩 70 分：得分 × 70%、测评 × 30%. */
  weightedGroup: (label: string, max: string, items: string[]) => string;
  item: (label: string, max: string) => string;
  weightedItem: (label: string, weight: string) => string;
  /** An item with no lower bound or a negative one. */
  itemMin: (label: string, min: string | null) => string;
  rated: (label: string, words: string[]) => string;
  ratedWord: (word: string, effect: 'none' | 'not-top' | 'lowest' | 'veto', veto: 'lowest' | 'not-top') => string;
  adjustment: (label: string, kind: 'bonus' | 'penalty', cap: string) => string;
  deduction: (label: string, points: string, direction: 'deduct' | 'add', cap: string | null, item: string | null) => string;
  totalSum: string;
  totalExpr: (expr: string) => string;
  computed: (label: string, expr: string) => string;
  decimals: (n: number) => string;
  atLeast: BoundWord;
  above: BoundWord;
  below: BoundWord;
  atMost: BoundWord;
  /** A band: 较好：75 分及以上、低于 90 分（89.5 分为较好）. */
  band: (grade: string, bounds: string[], example: string | null) => string;
  example: (score: string, grade: string) => string;
  entered: (labels: string[]) => string;
  noGrades: string;
  condition: {
    'direct-grade': (grade: string, reason: string) => string;
    'max-grade': (grade: string, reason: string) => string;
    exclude: (reason: string) => string;
    elsewhere: (reason: string) => string;
    'no-grade': (reason: string) => string;
    flag: (reason: string) => string;
  };
  keywords: (words: string[]) => string;
  leave: (kinds: string[], over: string | null) => string;
  /** A quota: 好 不超过 40%（向下取整），全单位. */
  quota: (grades: string, bound: string, where: string, soft: boolean, rounding: string | null) => string;
  maxShare: (share: string) => string;
  minShare: (share: string) => string;
  maxPlaces: (n: number) => string;
  minPlaces: (n: number) => string;
  scope: Record<'all' | 'unit', string>;
  rounding: Record<'floor' | 'round' | 'ceil', string>;
  atLeastOne: string;
  annualPeriods: (n: number, grades: string[]) => string;
  /** What the annual total takes from the periods: the mean of their grades' values or of their totals, at a weight. */
  annualScore: (from: 'grade-values' | 'totals', weight: string) => string;
  /** A part of the annual total at a weight, or added whole (weight null: 奖惩分), within its bounds said in words. */
  annualPart: (label: string, weight: string | null, bounds: string[]) => string;
  /** An annual rule: its own words, then what is applied — 全年均为好的优先评为优秀（按规则：好的次数等于全部考核期时，优先评为优秀）. */
  annualRule: (text: string, tests: string[], effect: string) => string;
  annualCount: (grades: string, op: AnnualOp, value: number | 'half' | 'all') => string;
  annualAny: (grades: string) => string;
  annualRun: (grades: string, n: number) => string;
  annualScoreBelow: (score: string) => string;
  annualEffect: Record<AnnualEffect, (grade: string) => string>;
  annualOp: Record<AnnualOp, string>;
  list: (xs: string[]) => string;
  /** Grades counted together in one quota: 好、较好. */
  together: (grades: string[]) => string;
  /** A setting that cannot be applied (kaohe scheme --set). */
  setting: { [C in SettingProblem['code']]: (p: Extract<SettingProblem, { code: C }>) => string };
  /** A change, before and after: 好不超过 30%（原为：好不超过 40%）. */
  changed: (after: string, before: string) => string;
  added: (after: string) => string;
  removed: (before: string) => string;
}

const zhOp: Record<AnnualOp, string> = { '>=': '不少于', '>': '多于', '<=': '不多于', '<': '少于', '=': '等于' };
const enOp: Record<AnnualOp, string> = { '>=': 'at least', '>': 'more than', '<=': 'at most', '<': 'fewer than', '=': 'exactly' };

const zh: DescribeWords = {
  sections: {
    scheme: '方案',
    items: '考核内容与分值',
    total: '总分',
    grades: '等次',
    direct: '直接定等次与否决',
    status: '不定等次、不参加与在外考核',
    quotas: '等次名额',
    annual: '年度考核',
  },
  name: (n) => `方案名称：${n}`,
  basedOn: (id) => `基于预设方案 ${id} 修改`,
  source: (s) => `依据：${s}`,
  period: { month: '考核周期：按月', quarter: '考核周期：按季度', 'half-year': '考核周期：按半年', year: '考核周期：按年' },
  periodDays: (d) => `考核期按 ${d} 天计（病、事假是否超过考核期一半按此计算）`,
  scale: (m) => `满分 ${m} 分（加减分另计）`,
  group: (l, m, items) => (items.length > 0 ? `${l} ${m} 分：${items.join('、')}` : `${l} ${m} 分`),
  weightedGroup: (l, m, items) => `${l} ${m} 分，按权重折算：${items.join('、')}`,
  item: (l, m) => `${l} ${m}`,
  weightedItem: (l, w) => `${l} × ${w}`,
  itemMin: (l, min) => (min === null ? `${l}可计负分，不设下限` : `${l}最低 ${min} 分`),
  rated: (l, words) => `${l}（不计分）：${words.join('；')}`,
  ratedWord: (w, effect, veto) =>
    ({
      none: `${w}不影响等次`,
      'not-top': `${w}不能评为最高等次`,
      lowest: `${w}定为最低等次`,
      veto: veto === 'lowest' ? `${w}一票否决，定为最低等次` : `${w}一票否决，不能评为最高等次`,
    })[effect],
  adjustment: (l, kind, cap) => (kind === 'bonus' ? `${l}：最高加 ${cap} 分` : `${l}：最多减 ${cap} 分`),
  deduction: (l, points, dir, cap, item) =>
    `${l}：每次${dir === 'deduct' ? '扣' : '加'} ${points} 分${cap !== null ? `，最多 ${cap} 分` : ''}${item !== null ? `，从“${item}”中${dir === 'deduct' ? '扣除' : '加上'}` : ''}`,
  totalSum: '总分 = 各项得分之和 + 加分 − 减分',
  totalExpr: (e) => `总分 = ${e}`,
  computed: (l, e) => `${l} = ${e}`,
  decimals: (n) => (n === 0 ? '总分取整数' : `总分保留 ${n} 位小数`),
  atLeast: (x) => `${x} 分及以上`,
  above: (x) => `高于 ${x} 分`,
  below: (x) => `低于 ${x} 分`,
  atMost: (x) => `${x} 分及以下`,
  band: (g, bounds, ex) => `${g}：${bounds.length > 0 ? bounds.join('、') : '任何分数'}${ex ? `（${ex}）` : ''}`,
  example: (score, g) => `${score} 分为${g}`,
  entered: (labels) => `等次由表中填写（${labels.join('、')}），不按分数划分`,
  noGrades: '只计分数，不定等次',
  condition: {
    'direct-grade': (g, r) => `直接定为${g}：${r}`,
    'max-grade': (g, r) => `最高只能定为${g}：${r}`,
    exclude: (r) => `不参加：${r}`,
    elsewhere: (r) => `由其他单位考核、单独列出：${r}`,
    'no-grade': (r) => `不定等次：${r}`,
    flag: (r) => `提示：${r}`,
  },
  keywords: (ws) => `（备注中出现：${ws.join('、')}）`,
  leave: (kinds, over) => `（${kinds.join('、')}累计${over === null ? '超过考核期一半' : `超过 ${over} 天`}）`,
  quota: (grades, bound, where, soft, rounding) =>
    `${grades}${bound}，${where}${rounding ? `，人数${rounding}` : ''}${soft ? '（提醒，不作为错误）' : ''}`,
  maxShare: (s) => `不超过 ${s}`,
  minShare: (s) => `不少于 ${s}`,
  maxPlaces: (n) => `不超过 ${n} 人`,
  minPlaces: (n) => `不少于 ${n} 人`,
  scope: { all: '按全单位计算', unit: '每个科室（考核单元）分别计算' },
  rounding: { floor: '向下取整', round: '四舍五入', ceil: '向上取整' },
  atLeastOne: '，至少 1 人',
  annualPeriods: (n, grades) => `全年 ${n} 个考核期；年度等次：${grades.join('、')}`,
  annualScore: (from, w) => `年度成绩中，平时考核成绩（各期${from === 'grade-values' ? '等次折算分' : '总分'}的平均）占 ${w}`,
  annualPart: (l, w, bounds) =>
    `${w === null ? `年度成绩加上${l}` : `年度成绩中，${l}占 ${w}`}${bounds.length > 0 ? `（${bounds.join('、')}）` : ''}`,
  annualRule: (text, tests, effect) => `${text}（按规则：${tests.length > 0 ? `${tests.join('且')}时，` : ''}${effect}）`,
  annualCount: (g, op, v) => `${g}的次数${zhOp[op]}${v === 'all' ? '全部考核期' : v === 'half' ? '考核期的一半' : ` ${v} 次`}`,
  annualAny: (g) => `有${g}`,
  annualRun: (g, n) => `连续 ${n} 个考核期为${g}`,
  annualScoreBelow: (x) => `平时得分低于 ${x} 分`,
  annualEffect: {
    'max-grade': (g) => `年度最高定为${g}`,
    grade: (g) => `年度定为${g}`,
    priority: (g) => `优先评为${g}`,
    flag: () => '只作提示',
  },
  annualOp: { ...zhOp },
  list: (xs) => xs.join('、'),
  together: (gs) => gs.join('、'),
  setting: {
    'no-equals': (p) => `设置“${p.text}”缺少“=”：应写成 名称=值，例如 quota.好.max=30%`,
    'no-such-entry': (p) => `方案中没有“${p.name}”（${p.list}）：请检查名称，或用 kaohe scheme <方案> 查看方案内容`,
    'no-such-field': (p) => `方案中没有“${p.path}”这一项：请检查拼写和序号（序号从 0 开始）`,
    'reserved-name': (p) => `“${p.path}”不是方案中的名称`,
  },
  changed: (after, before) => `${after}（原为：${before}）`,
  added: (after) => `新增：${after}`,
  removed: (before) => `删除：${before}`,
};

const en: DescribeWords = {
  sections: {
    scheme: 'Scheme',
    items: 'Items and maxima',
    total: 'Total',
    grades: 'Grades',
    direct: 'Direct grades and vetoes',
    status: 'No grade, not taking part, appraised elsewhere',
    quotas: 'Quotas',
    annual: 'The year',
  },
  name: (n) => `Name: ${n}`,
  basedOn: (id) => `Modified from the preset ${id}`,
  source: (s) => `Source: ${s}`,
  period: { month: 'Period: month', quarter: 'Period: quarter', 'half-year': 'Period: half-year', year: 'Period: year' },
  periodDays: (d) => `A period counts ${d} days (for leave over half the period)`,
  scale: (m) => `Out of ${m} points (bonus and penalty apart)`,
  group: (l, m, items) => (items.length > 0 ? `${l} ${m}: ${items.join(', ')}` : `${l} ${m}`),
  weightedGroup: (l, m, items) => `${l} ${m}, weighted: ${items.join(', ')}`,
  item: (l, m) => `${l} ${m}`,
  weightedItem: (l, w) => `${l} × ${w}`,
  itemMin: (l, min) => (min === null ? `${l} may be negative, no lower bound` : `${l} at least ${min}`),
  rated: (l, words) => `${l} (not scored): ${words.join('; ')}`,
  ratedWord: (w, effect, veto) =>
    ({
      none: `${w} does not affect the grade`,
      'not-top': `${w} bars the top grade`,
      lowest: `${w} gives the lowest grade`,
      veto: veto === 'lowest' ? `${w} is a veto: the lowest grade` : `${w} is a veto: not the top grade`,
    })[effect],
  adjustment: (l, kind, cap) => (kind === 'bonus' ? `${l}: at most ${cap} points added` : `${l}: at most ${cap} points taken off`),
  deduction: (l, points, dir, cap, item) =>
    `${l}: ${points} points ${dir === 'deduct' ? 'off' : 'added'} per case${cap !== null ? `, at most ${cap}` : ''}${item !== null ? `, from "${item}"` : ''}`,
  totalSum: 'Total = the items + bonus − penalty',
  totalExpr: (e) => `Total = ${e}`,
  computed: (l, e) => `${l} = ${e}`,
  decimals: (n) => (n === 0 ? 'The total is a whole number' : `The total keeps ${n} decimals`),
  atLeast: (x) => `${x} or more`,
  above: (x) => `over ${x}`,
  below: (x) => `under ${x}`,
  atMost: (x) => `${x} or less`,
  band: (g, bounds, ex) => `${g}: ${bounds.length > 0 ? bounds.join(' and ') : 'any score'}${ex ? ` (${ex})` : ''}`,
  example: (score, g) => `${score} is ${g}`,
  entered: (labels) => `Grades are entered in the sheet (${labels.join(', ')}), not derived from scores`,
  noGrades: 'Scores only, no grades',
  condition: {
    'direct-grade': (g, r) => `Graded ${g} directly: ${r}`,
    'max-grade': (g, r) => `At best ${g}: ${r}`,
    exclude: (r) => `Not appraised: ${r}`,
    elsewhere: (r) => `Appraised by another unit, listed apart: ${r}`,
    'no-grade': (r) => `No grade: ${r}`,
    flag: (r) => `Note: ${r}`,
  },
  keywords: (ws) => ` (remarks with: ${ws.join(', ')})`,
  leave: (kinds, over) => ` (${kinds.join(', ')} over ${over === null ? 'half the period' : `${over} days`})`,
  quota: (grades, bound, where, soft, rounding) =>
    `${grades} ${bound}, ${where}${rounding ? `, ${rounding}` : ''}${soft ? ' (a warning, not an error)' : ''}`,
  maxShare: (s) => `at most ${s}`,
  minShare: (s) => `at least ${s}`,
  maxPlaces: (n) => `at most ${n} people`,
  minPlaces: (n) => `at least ${n} people`,
  scope: { all: 'over the whole office', unit: 'in each unit on its own' },
  rounding: { floor: 'rounded down', round: 'rounded', ceil: 'rounded up' },
  atLeastOne: ', at least 1',
  annualPeriods: (n, grades) => `${n} periods in a year; annual grades: ${grades.join(', ')}`,
  annualScore: (from, w) =>
    `The annual total takes the periods' score (the mean of their ${from === 'grade-values' ? "grades' values" : 'totals'}) at ${w}`,
  annualPart: (l, w, bounds) =>
    `${w === null ? `The annual total adds ${l}` : `The annual total takes ${l} at ${w}`}${bounds.length > 0 ? ` (${bounds.join(' and ')})` : ''}`,
  annualRule: (text, tests, effect) => `${text} (as applied: ${tests.length > 0 ? `when ${tests.join(' and ')}, ` : ''}${effect})`,
  annualCount: (g, op, v) =>
    `the periods graded ${g} are ${enOp[op]} ${v === 'all' ? 'all of them' : v === 'half' ? 'half of them' : String(v)}`,
  annualAny: (g) => `a period is graded ${g}`,
  annualRun: (g, n) => `${n} periods in a row are graded ${g}`,
  annualScoreBelow: (x) => `the period score is under ${x}`,
  annualEffect: {
    'max-grade': (g) => `at best ${g} for the year`,
    grade: (g) => `${g} for the year`,
    priority: (g) => `first in line for ${g}`,
    flag: () => 'a note only',
  },
  annualOp: { ...enOp },
  list: (xs) => xs.join(', '),
  together: (gs) => gs.join(' + '),
  setting: {
    'no-equals': (p) => `The setting "${p.text}" has no "=": write name=value, e.g. quota.好.max=30%`,
    'no-such-entry': (p) => `The scheme has no "${p.name}" (${p.list}): check the name, or see the scheme with kaohe scheme <scheme>`,
    'no-such-field': (p) => `The scheme has no "${p.path}": check the spelling and the positions (counted from 0)`,
    'reserved-name': (p) => `"${p.path}" is not a name in a scheme`,
  },
  changed: (after, before) => `${after} (was: ${before})`,
  added: (after) => `Added: ${after}`,
  removed: (before) => `Removed: ${before}`,
};

export function describeWords(locale: Locale): DescribeWords {
  return locale === 'en' ? en : zh;
}
