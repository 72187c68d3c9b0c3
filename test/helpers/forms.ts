/**
 * Per-person forms (登记表), one person a sheet, rebuilt cell by cell (issue #16 point 8).
 *
 * Where the layouts come from — no public .xlsx of the national template was found (search corpora
 * `pages`, `code`); the seeds (../shared/seeds) hold the forms' texts:
 * - `registerForm`: 《公务员平时考核登记表》, seed 002 篇二 附件3 (the 2020 template offices copy from
 *   the national 《公务员平时考核办法（试行）》): title, （  年度第  季度）, 姓名 | 性别 | 出生年月 |
 *   政治面貌 on one row, 科室 and 单位及职务（职级）, 个人小结/工作实绩 (long text, signed), 本期内参加培训情况,
 *   科室负责人评语和考核等次初评建议, 分管领导审定, 主管考核领导评鉴, 未确定等次或未参加考核情况说明, and
 *   the note 本表双面打印一式2份. The template lists 好/较好/一般/较差 for the grade to be chosen: here a
 *   考核等次 row with boxes, ☑ for the one chosen (`boxes`), or the four words in cells with √ in the
 *   cell beside the chosen one (`cells`), or the word written (`word`).
 * - `scoredForm`: the same header with 《公务员平时考核量化指标》 inside it (seed 002 篇二 附件2: 考核内容 |
 *   考核要素 | 评价标准 | 得分, 德（20分）… 廉（10分）, 加分/减分指标, 合计得分), the scores per item the
 *   登记表's 初评 is made from.
 * - `quarterForm`: 季度考评登记表, seed 002 篇七 (a prefecture's 2015 rules, the xinjiang-2015 preset):
 *   （  年第  季度）, 本季度工作目标任务, 个人工作总结, 出勤情况, 科室或内设机构负责人评语, 主管领导考核等次意见
 *   及评鉴意见, 未确定等次或不参加考核情况说明, 本人意见. It sits in a 记实簿 whose cover carries the name, so
 *   the form itself has no 姓名: kaohe cannot tell whose it is.
 * Names, units and texts are invented.
 */
import type { CellValue, Grid } from '../../src/engine';
import { GWY_ITEMS, gridOf } from './sheets';

const W = 8;

class Form {
  readonly values: CellValue[][] = [];
  readonly merges: string[] = [];
  row(cells: CellValue[], merges: string[] = []): number {
    const r = this.values.length + 1;
    this.values.push([...cells, ...Array<CellValue>(Math.max(0, W - cells.length)).fill(null)]);
    for (const m of merges) this.merges.push(m.replace(/#/g, String(r)));
    return r;
  }
  grid(sheet: string): Grid {
    return gridOf(this.values, this.merges, sheet);
  }
}

export interface FormPersonSpec {
  sheet: string;
  name: string | null;
  unit: string;
  post: string;
  /** How the grade is given: ☑ in a row of boxes, √ in the cell beside the word, or the word written; null: none chosen. */
  grade: string | null;
  gradeAs?: 'boxes' | 'cells' | 'word';
  /** 未确定等次或未参加考核情况说明. */
  remark?: string;
  summary?: string;
  period?: string;
  /** The grades the form offers (default gwy-2020's 好/较好/一般/较差). */
  ladder?: string[];
}

export const LADDER = ['好', '较好', '一般', '较差'];

/** 公务员平时考核登记表 (seed 002 篇二 附件3), A–H. */
export function registerForm(p: FormPersonSpec): Grid {
  const f = new Form();
  f.row(['公务员平时考核登记表'], ['A#:H#']);
  f.row([`（${p.period ?? '2024年度第一季度'}）`], ['A#:H#']);
  f.row(['姓\n名', p.name, '性  别', '男', '出生年月', '1986.03', '政治面貌', '中共党员']);
  f.row(['科　室', p.unit, null, '单位及职务（职级）', p.post], ['B#:C#', 'E#:H#']);
  const s = f.row(['个人小结\n工作实绩', `${p.summary ?? '一、认真完成本职工作。二、按时报送各类材料。'}\n签名：\n    年  月  日`]);
  f.merges.push(`A${s}:A${s + 3}`, `B${s}:H${s + 3}`);
  for (let i = 0; i < 3; i++) f.row([]);
  f.row(['本期内参加培训情况', '参加全市公文写作培训 2 天'], ['B#:H#']);
  f.row(['科室负责人评语和考核等次初评建议', '工作认真，按时完成任务。\n签名：    年  月  日'], ['B#:H#']);
  const as = p.gradeAs ?? 'boxes';
  const ladder = p.ladder ?? LADDER;
  if (as === 'boxes') {
    f.row(['考核等次', ladder.map((g) => `${g === p.grade ? '☑' : '□'}${g}`).join('  ')], ['B#:H#']);
  } else if (as === 'cells') {
    f.row(['考核等次', ...ladder.flatMap((g) => [g, g === p.grade ? '√' : null])].slice(0, W + 1));
  } else {
    f.row(['考核等次', p.grade], ['B#:H#']);
  }
  f.row(['分管领导审定', '同意。\n签名：    年  月  日'], ['B#:H#']);
  f.row(['主管考核领导评鉴', '同意。\n签名：    年  月  日'], ['B#:H#']);
  f.row(['未确定等次或未参加考核情况说明', p.remark ?? null], ['B#:H#']);
  f.row(['本表双面打印一式2份，1份由本人保存，另1份由局人事科留存。'], ['A#:H#']);
  return f.grid(p.sheet);
}

/** The 登记表's header with 公务员平时考核量化指标 inside (seed 002 篇二 附件2): scores per item, 合计得分, the grade written. */
export function scoredForm(p: FormPersonSpec & { scores: CellValue[]; bonus?: number; penalty?: number; total?: number }): Grid {
  const f = new Form();
  f.row([`公务员平时考核登记表（${p.period ?? '2024年第一季度'}）`], ['A#:H#']);
  f.row(['姓名', p.name, '科室', p.unit, '职务', p.post], ['F#:H#']);
  f.row(['考核内容', '考核要素', '评价标准', null, null, null, null, '得分'], ['C#:G#']);
  const dims: [string, number][] = [
    ['德', 20],
    ['能', 20],
    ['勤', 15],
    ['绩', 35],
    ['廉', 10],
  ];
  for (const [dim, max] of dims) {
    const first = f.values.length + 1;
    GWY_ITEMS.forEach(([d, label, m], i) => {
      if (d !== dim) return;
      f.row(
        [
          i === GWY_ITEMS.findIndex((x) => x[0] === dim) ? `${dim}（${max}分）` : null,
          `${label}（${m}分）`,
          '（评价标准）',
          null,
          null,
          null,
          null,
          p.scores[i]!,
        ],
        ['C#:G#'],
      );
    });
    f.merges.push(`A${first}:A${f.values.length}`);
  }
  f.row(['弹性指标', '加分指标（5分）', '（加分事项）', null, null, null, null, p.bonus ?? null], ['C#:G#']);
  f.row([null, '减分指标（5分）', '（减分事项）', null, null, null, null, p.penalty ?? null], ['C#:G#']);
  f.merges.push(`A${f.values.length - 1}:A${f.values.length}`);
  const sum =
    p.scores.reduce<number>((a, b) => a + (typeof b === 'number' ? b : Number(String(b).normalize('NFKC'))), 0) +
    (p.bonus ?? 0) -
    (p.penalty ?? 0);
  f.row(['合计得分', null, null, null, null, null, null, p.total ?? Math.round(sum * 100) / 100], ['A#:G#']);
  f.row(['考核等次', p.grade], ['B#:H#']);
  f.row(['备注', p.remark ?? null], ['B#:H#']);
  return f.grid(p.sheet);
}

/** 季度考评登记表 (seed 002 篇七): no 姓名 on the form itself. */
export function quarterForm(sheet: string): Grid {
  const f = new Form();
  f.row(['季度考评登记表'], ['A#:H#']);
  f.row(['（2024年第一季度）'], ['A#:H#']);
  f.row(['填写时间：2024年4月3日', null, null, null, '个人签名：'], ['A#:D#', 'E#:H#']);
  f.row(['本季度工作目标任务', '完成信访接待和材料报送'], ['B#:H#']);
  f.row(['个人工作总结', '按时完成各项任务'], ['B#:H#']);
  f.row(['出勤情况', '出勤 62 天  病事假 0 天  迟到早退 0 次'], ['B#:H#']);
  f.row(['科室或内设机构负责人评语', '工作扎实'], ['B#:H#']);
  f.row(['主管领导考核等次意见及评鉴意见', '考核等次意见：称职'], ['B#:H#']);
  f.row(['未确定等次或不参加考核情况说明', null], ['B#:H#']);
  f.row(['本人意见', '同意'], ['B#:H#']);
  return f.grid(sheet);
}

/**
 * A unit's first quarter as five 登记表 (gwy-2020's ladder): 张三 ☑好, 李四 好 (√ beside the word),
 * 王五 ☑好, 赵六 ☑较好, 钱七 on probation (试用期, no box ticked). Graded: 4; 好 allowed 40% of 4 → 1;
 * 好 given 3: over by 2.
 */
export function registerBook(): Grid[] {
  return [
    registerForm({ sheet: '张三', name: '张三', unit: '办公室', post: '一级科员', grade: '好' }),
    registerForm({ sheet: '李四', name: '李四', unit: '办公室', post: '四级主任科员', grade: '好', gradeAs: 'cells' }),
    registerForm({ sheet: '王五', name: '王五', unit: '业务科', post: '二级主任科员', grade: '好' }),
    registerForm({ sheet: '赵六', name: '赵六', unit: '业务科', post: '一级科员', grade: '较好' }),
    registerForm({
      sheet: '钱七',
      name: '钱七',
      unit: '业务科',
      post: '一级科员',
      grade: null,
      remark: '2024年2月新录用，试用期内，只写评语不确定等次',
    }),
  ];
}

/** gwy-2020's maxima, item by item (GWY_ITEMS' order): 100 in all. */
export const FULL = GWY_ITEMS.map(([, , m]) => m);

/** FULL with points taken off items by label: less({ 工作负荷: 2 }). */
export function less(off: Record<string, number>): number[] {
  return GWY_ITEMS.map(([, label, m]) => m - (off[label] ?? 0));
}

/**
 * A unit's first quarter as five scored 登记表 under gwy-2020 (bands 好 ≥ 90, 较好 75–90; 好 ≤ 40% of
 * the graded, rounded down). Totals by hand: 张三 100 − 2 = 98, 李四 100 − 5 = 95 (思想政治素质 typed
 * as the text ６), 王五 100 − 8 = 92, 赵六 100 − 13 = 87 (较好, but 好 written on the form), 钱七 on
 * probation by its 备注 (90, no grade). Graded 4 → 好 allowed 1; 好 by the bands 3: over by 2.
 */
export function scoredBook(): Grid[] {
  const li: CellValue[] = less({ 工作负荷: 3, 工作效率: 2 });
  li[0] = '６';
  return [
    scoredForm({ sheet: '张三', name: '张三', unit: '办公室', post: '一级科员', grade: '好', scores: less({ 工作负荷: 2 }) }),
    scoredForm({ sheet: '李四', name: '李四', unit: '办公室', post: '四级主任科员', grade: '好', scores: li }),
    scoredForm({
      sheet: '王五',
      name: '王五',
      unit: '业务科',
      post: '二级主任科员',
      grade: '好',
      scores: less({ 工作负荷: 4, 工作效率: 2, 工作成效: 2 }),
    }),
    scoredForm({
      sheet: '赵六',
      name: '赵六',
      unit: '业务科',
      post: '一级科员',
      grade: '好',
      scores: less({ 工作负荷: 5, 工作效率: 3, 工作成效: 3, 开拓创新能力: 2 }),
    }),
    scoredForm({
      sheet: '钱七',
      name: '钱七',
      unit: '业务科',
      post: '一级科员',
      grade: null,
      remark: '试用期（2024年2月新录用）',
      scores: less({ 工作负荷: 5, 工作效率: 5 }),
    }),
  ];
}

/** The 登记表 of a prefecture whose quarters are graded 优秀/称职/基本称职/不称职 (seed 002 篇七, xinjiang-2015), ticked in boxes or with √ beside the word. */
export const XJ = ['优秀', '称职', '基本称职', '不称职'];
export function tickedBook(): Grid[] {
  const form = (sheet: string, grade: string | null, more: Partial<FormPersonSpec> = {}) =>
    registerForm({ sheet, name: sheet, unit: '综合科', post: '科员', grade, ladder: XJ, period: '2024年度第二季度', ...more });
  return [
    form('阿依古丽', '优秀'),
    form('马明', '优秀', { gradeAs: 'cells' }),
    form('王芳', '称职'),
    form('李强', null, { remark: '试用期内，不确定等次' }),
  ];
}
