/**
 * Sheets as offices and appraisal systems really lay them out (issue #15's "Done when", with
 * the layouts of issue #16): titles, 填报单位 lines, one- and two-row headers with merged cells,
 * footers (合计, 优秀人数合计, 注：…, 填表人/审核人). Every value is written out by hand, so the
 * builders are deterministic and the expectations in test/cli/real-sheets.test.ts can be worked
 * out from the sheet's own rules.
 *
 * Where each layout comes from is said above each builder. The public pages found (search
 * corpus `pages`) are aggregator copies of office rules; where no public file of the exact kind
 * was found, the layout follows the seed documents (../shared/seeds, summarised in
 * ../shared/domain/rules.md) or the national 《公务员平时考核办法（试行）》(2020) templates, as
 * the comment says. Units, names and values are invented but realistic.
 */
import type { CellValue, Grid } from '../../src/engine';
import { gridOf, gwySheet } from './sheets';

function colName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rows of a fixed width; `wide` writes a line merged across the sheet (a title, a 注). */
export class Layout {
  readonly values: CellValue[][] = [];
  readonly merges: string[] = [];
  constructor(readonly width: number) {}
  get next(): number {
    return this.values.length + 1;
  }
  row(cells: CellValue[]): number {
    const r = this.next;
    this.values.push([...cells, ...Array<CellValue>(Math.max(0, this.width - cells.length)).fill(null)]);
    return r;
  }
  /** Cells placed at 1-based columns: at(1, 'a', 6, 'b'). */
  at(...pairs: (number | string)[]): number {
    const cells: CellValue[] = Array<CellValue>(this.width).fill(null);
    for (let i = 0; i < pairs.length; i += 2) cells[(pairs[i] as number) - 1] = pairs[i + 1] as string;
    return this.row(cells);
  }
  wide(text: string): number {
    const r = this.row([text]);
    this.merges.push(`A${r}:${colName(this.width)}${r}`);
    return r;
  }
  merge(area: string): void {
    this.merges.push(area);
  }
  /** Merges each listed column over two header rows (r, r+1). */
  tall(r: number, cols: number[]): void {
    for (const c of cols) this.merges.push(`${colName(c)}${r}:${colName(c)}${r + 1}`);
  }
  grid(sheet: string): Grid {
    return gridOf(
      this.values.map((r) => [...r]),
      [...this.merges],
      sheet,
    );
  }
}

/**
 * 1. A 组织部's county compilation: several organisations stacked, the quarters side by side
 * under a merged 平时考核等次（季度）, the organisation merged down its block, a "“好”等次人数合计"
 * footer, a 注 and 填表人/审核人.
 * Source: issue #16 ("A county 组织部's compilation stacks 县发展和改革局, 县财政局 … with their
 * quarters side by side"); 公务员平时考核结果汇总表, 附件4 of the national template (seed 002,
 * 篇二). 21 people in 3 organisations; 县财政局 has 3 好 of 7 in 第二季度 (its 40% allows 2),
 * while the whole sheet stays within 40% in every quarter (8 of 21).
 * Rows: title 1, 填报 2, header 3–4, 发改局 5–12, 财政局 13–19, 人社局 20–25, footers 26–28.
 */
export function countyCompilation(): Grid {
  const s = new Layout(8);
  s.wide('清河县2025年县直机关公务员平时考核结果汇总表（第一至第三季度）');
  s.at(1, '填报单位：中共清河县委组织部（盖章）', 6, '填报日期：2025年10月15日');
  const h = s.row(['序号', '单位', '姓名', '职务', '平时考核等次（季度）', null, null, '备注']);
  s.row([null, null, null, null, '第一季度', '第二季度', '第三季度', null]);
  s.tall(h, [1, 2, 3, 4, 8]);
  s.merge(`E${h}:G${h}`);
  const blocks: [string, [string, string, string, string, string][]][] = [
    [
      '县发展和改革局',
      [
        ['王建军', '局长', '好', '好', '好'],
        ['刘晓燕', '副局长', '较好', '好', '较好'],
        ['陈志强', '办公室主任', '好', '较好', '好'],
        ['张丽娟', '投资股股长', '较好', '较好', '较好'],
        ['杨帆', '价格股股长', '较好', '好', '较好'],
        ['赵文博', '一级科员', '一般', '较好', '一般'],
        ['孙佳琪', '一级科员', '较好', '较好', '较好'],
        ['周海涛', '二级科员', '好', '一般', '好'],
      ],
    ],
    [
      '县财政局',
      [
        ['李国华', '局长', '好', '好', '好'],
        ['吴秀英', '副局长', '较好', '好', '较好'],
        ['郑宏伟', '预算股股长', '好', '好', '好'],
        ['何静', '国库股股长', '较好', '较好', '较好'],
        ['马俊杰', '一级科员', '较好', '较好', '较好'],
        ['高雅琴', '一级科员', '一般', '较好', '一般'],
        ['林志远', '二级科员', '较好', '一般', '较好'],
      ],
    ],
    [
      '县人力资源和社会保障局',
      [
        ['黄永刚', '局长', '好', '好', '好'],
        ['罗晓梅', '副局长', '较好', '较好', '好'],
        ['谢明', '就业股股长', '好', '好', '较好'],
        ['唐丽', '社保股股长', '较好', '较好', '较好'],
        ['韩磊', '一级科员', '较好', '一般', '较好'],
        ['冯雪', '二级科员', '一般', '较好', '一般'],
      ],
    ],
  ];
  let n = 0;
  for (const [unit, people] of blocks) {
    const first = s.next;
    people.forEach(([name, post, q1, q2, q3], i) => s.row([++n, i === 0 ? unit : null, name, post, q1, q2, q3, null]));
    s.merge(`B${first}:B${s.next - 1}`);
  }
  s.row([null, '“好”等次人数合计', null, null, 7, 8, 7, null]);
  s.wide('注：1.各单位“好”等次人数原则上不超过本单位参加平时考核公务员总人数的40%；2.试用期公务员只写评语，不确定等次。');
  s.at(1, '填表人：周敏', 4, '审核人：李建国', 6, '联系电话：0558-6521234');
  return s.grid('汇总表');
}

/**
 * 2. A 处室's month table: one row per person, a grade column per month headed "（7）月份考核等次",
 * a person on probation with 不确定等次 in each month.
 * Source: issue #16 ("Month columns ('（7）月份考核等次')"); monthly appraisal of a provincial
 * department's 处室. 10 people, 9 graded; 好 3 in every month (40% of 9 allows 3).
 * Rows: title 1, 处室 2, header 3, people 4–13, footers 14–15.
 */
export function monthTable(): Grid {
  const s = new Layout(7);
  s.wide('省自然资源厅国土空间规划处2025年第三季度公务员平时考核月度等次汇总表');
  s.at(1, '处室（盖章）：国土空间规划处', 5, '填报时间：2025年10月9日');
  s.row(['序号', '姓名', '职务职级', '（7）月份考核等次', '（8）月份考核等次', '（9）月份考核等次', '备注']);
  const people: [string, string, string, string, string, string | null][] = [
    ['许志明', '处长', '好', '好', '好', null],
    ['邓慧', '副处长', '好', '较好', '好', null],
    ['曹宇航', '一级调研员', '较好', '好', '较好', null],
    ['彭晓丽', '二级调研员', '较好', '较好', '较好', null],
    ['曾凡', '一级主任科员', '较好', '较好', '较好', null],
    ['潘婷', '二级主任科员', '较好', '较好', '较好', null],
    ['袁立新', '四级主任科员', '一般', '较好', '较好', null],
    ['蒋欣怡', '一级科员', '好', '好', '好', null],
    ['蔡俊', '一级科员', '较好', '较好', '一般', null],
    ['余晓彤', '一级科员', '不确定等次', '不确定等次', '不确定等次', '2025年7月新录用，试用期'],
  ];
  people.forEach((p, i) => s.row([i + 1, ...p]));
  s.wide('注：“好”等次人数不超过本处室参加考核人数的40%，试用期人员不确定等次。');
  s.at(1, '处室负责人（签字）：', 4, '填表人：彭晓丽');
  return s.grid('第三季度');
}

/**
 * 3. An appraisal system's export: no title, the header on row 1, "#" as 序号, 用户姓名, 部门名称,
 * 综合得分, 考核结果 and 审定意见 side by side.
 * Source: issue #16 ("用户姓名 finds no roster at all; 部门名称 … '#' as 序号"); export columns of
 * appraisal systems as found in public code (kosmos-zhang/erp-aspnet,
 * src/Web/Pages/Office/HumanManager/PerformanceTaskCheck.aspx.cs: 被考核人|考核期间|考核总得分|
 * 实际得分|考核等级|总评人 …). 20 people, 好 8 (40% of 20 allows 8). No bands stated.
 * Rows: header 1, people 2–21.
 */
export function systemExport(): Grid {
  const s = new Layout(8);
  s.row(['#', '用户姓名', '部门名称', '岗位', '考核周期', '综合得分', '考核结果', '审定意见']);
  const people: [string, string, string, number, string][] = [
    ['郭子豪', '办公室', '主任', 95.5, '好'],
    ['梁静', '办公室', '科员', 91, '好'],
    ['宋佳', '办公室', '科员', 86.5, '较好'],
    ['唐国栋', '办公室', '科员', 83, '较好'],
    ['韦小燕', '办公室', '科员', 78, '较好'],
    ['冯建华', '政策法规科', '科长', 94, '好'],
    ['董倩', '政策法规科', '科员', 92.5, '好'],
    ['萧文', '政策法规科', '科员', 88, '较好'],
    ['程立', '政策法规科', '科员', 81.5, '较好'],
    ['袁媛', '政策法规科', '科员', 72, '一般'],
    ['邓建平', '财务审计科', '科长', 93, '好'],
    ['许梦瑶', '财务审计科', '科员', 90.5, '好'],
    ['傅强', '财务审计科', '科员', 87, '较好'],
    ['沈晓东', '财务审计科', '科员', 84.5, '较好'],
    ['曾丽华', '财务审计科', '科员', 79, '较好'],
    ['吕志刚', '执法监督科', '科长', 92, '好'],
    ['苏敏', '执法监督科', '科员', 90, '好'],
    ['卢伟', '执法监督科', '科员', 85, '较好'],
    ['蒋红', '执法监督科', '科员', 76.5, '较好'],
    ['蔡明亮', '执法监督科', '科员', 68, '一般'],
  ];
  people.forEach(([name, dept, post, score, result], i) => s.row([i + 1, name, dept, post, '2025年第二季度', score, result, '同意']));
  return s.grid('Sheet1');
}

/**
 * 4. A 村两委 sheet: 村（社区） column, 德（20分）能（20分）勤（20分）绩（30分）廉（10分）, 总分,
 * 优秀/称职/基本称职 words, an "优秀人数合计" footer, a stated number of places ("优秀名额3名").
 * Source: 庐江县村干部绩效考核表 as described at http://xvaqeci.cn/zixun_detail/430176.html
 * (德 20分, 能 20分 …, "德、能、勤、绩、廉" dimensions); issue #15 ("a 村两委 sheet").
 * 15 people in 4 villages; 总分 = the five dimensions on every row; 优秀 3 of 3 places.
 * Rows: title 1, 填报 2, header 3, people 4–18, footers 19–21.
 */
export function villageCommittee(): Grid {
  const s = new Layout(12);
  s.wide('白马镇2025年度村“两委”干部考核评分表');
  s.at(1, '填报单位：中共白马镇委员会（盖章）', 9, '填报日期：2026年1月12日');
  s.row([
    '序号',
    '村（社区）',
    '姓名',
    '职务',
    '德（20分）',
    '能（20分）',
    '勤（20分）',
    '绩（30分）',
    '廉（10分）',
    '总分',
    '考核等次',
    '备注',
  ]);
  const people: [string, string, string, number, number, number, number, number, number, string][] = [
    ['桃园村', '王德胜', '党支部书记、村委会主任', 19, 18, 19, 28, 10, 94, '优秀'],
    ['桃园村', '李春梅', '村委会副主任', 17, 17, 18, 26, 9, 87, '称职'],
    ['桃园村', '张保国', '村委委员', 16, 15, 17, 24, 9, 81, '称职'],
    ['桃园村', '刘红霞', '妇联主席', 17, 16, 18, 25, 9, 85, '称职'],
    ['柳河村', '陈永福', '党支部书记', 18, 18, 18, 27, 10, 91, '优秀'],
    ['柳河村', '杨秀兰', '村委会主任', 17, 16, 17, 25, 9, 84, '称职'],
    ['柳河村', '赵金山', '村委委员', 15, 14, 15, 21, 8, 73, '基本称职'],
    ['柳河村', '黄小军', '村务监督委员会主任', 16, 16, 16, 24, 9, 81, '称职'],
    ['石桥社区', '周建民', '党总支书记、居委会主任', 19, 19, 18, 28, 10, 94, '优秀'],
    ['石桥社区', '吴桂芳', '居委会副主任', 17, 17, 17, 25, 9, 85, '称职'],
    ['石桥社区', '徐海波', '社区委员', 16, 15, 16, 23, 9, 79, '称职'],
    ['石桥社区', '孙丽萍', '社区委员', 17, 16, 17, 24, 9, 83, '称职'],
    ['新庄村', '马长青', '党支部书记', 18, 17, 18, 26, 9, 88, '称职'],
    ['新庄村', '胡玉珍', '村委会主任', 17, 17, 17, 26, 9, 86, '称职'],
    ['新庄村', '朱志勇', '村委委员', 16, 15, 16, 22, 8, 77, '称职'],
  ];
  people.forEach(([village, name, post, ...rest], i) => s.row([i + 1, village, name, post, ...rest, null]));
  s.at(2, '优秀人数合计', 11, '3人');
  s.wide('注：1.总分=德+能+勤+绩+廉；2.全镇村“两委”干部优秀名额3名，由镇党委研究确定。');
  s.at(1, '填表人：刘芳', 5, '审核人：陈光明', 9, '镇党委书记（签字）：');
  return s.grid('村两委');
}

/**
 * 5. A 乡村 sheet with 实绩 70% + 测评 30%: 实绩考核（70%） and 民主测评（30%） each merged over
 * 得分 and 折合分, 综合得分 = the two 折合分, grades entered by the township with no bands
 * stated (梁秀英 89.7 is 优秀 by the township's decision).
 * Source: seed 002 篇一 (一) (民主测评 weighs 30%, see rules.md [xiang-2015]); issue #15 ("a 乡村
 * sheet with 实绩 70% + 测评 30%"; grade "corrected" right grades on it). 14 people, 优秀 4
 * (the stated 30% of 14 allows 4).
 * Rows: title 1, 填报 2, header 3–4, people 5–18, footers 19–20.
 */
export function weighted7030(): Grid {
  const s = new Layout(10);
  s.wide('杨柳乡2025年第二季度机关干部考核综合得分汇总表');
  s.at(1, '填报单位：杨柳乡人民政府', 7, '填报日期：2025年7月8日');
  const h = s.row(['序号', '姓名', '职务', '实绩考核（70%）', null, '民主测评（30%）', null, '综合得分', '等次', '备注']);
  s.row([null, null, null, '得分', '折合分', '得分', '折合分', null, null, null]);
  s.tall(h, [1, 2, 3, 8, 9, 10]);
  s.merge(`D${h}:E${h}`);
  s.merge(`F${h}:G${h}`);
  const people: [string, string, number, number, number, number, number, string][] = [
    ['何志强', '党委书记', 96, 67.2, 94, 28.2, 95.4, '优秀'],
    ['罗文华', '乡长', 94, 65.8, 92, 27.6, 93.4, '优秀'],
    ['梁秀英', '党委副书记', 90, 63, 89, 26.7, 89.7, '优秀'],
    ['田建新', '副乡长', 89, 62.3, 90, 27, 89.3, '称职'],
    ['韩小梅', '组织委员', 92, 64.4, 91, 27.3, 91.7, '优秀'],
    ['谭军', '宣传委员', 85, 59.5, 86, 25.8, 85.3, '称职'],
    ['陆文静', '纪委书记', 88, 61.6, 87, 26.1, 87.7, '称职'],
    ['雷鸣', '武装部长', 82, 57.4, 84, 25.2, 82.6, '称职'],
    ['贺丽', '党政办主任', 86, 60.2, 85, 25.5, 85.7, '称职'],
    ['龙海', '经济发展办主任', 80, 56, 82, 24.6, 80.6, '称职'],
    ['毛小兰', '社会事务办主任', 78, 54.6, 80, 24, 78.6, '称职'],
    ['江涛', '农业服务中心主任', 75, 52.5, 78, 23.4, 75.9, '称职'],
    ['史晓峰', '综治中心主任', 68, 47.6, 72, 21.6, 69.2, '基本称职'],
    ['邹燕', '财政所所长', 83, 58.1, 81, 24.3, 82.4, '称职'],
  ];
  people.forEach((p, i) => s.row([i + 1, ...p, null]));
  s.wide('注：综合得分＝实绩考核得分×70%＋民主测评得分×30%；优秀等次人数不超过参加考核人数的30%。');
  s.at(1, '填表人：贺丽', 6, '审核人：罗文华');
  return s.grid('第二季度');
}

/**
 * 6. A six-item sheet headed "(30%)": half-width brackets, each item's weight on a 100-point
 * sheet (so its maximum), 总分 the plain sum, 好/较好/一般 with no bands stated.
 * Source: issue #15 ("a six-item sheet headed '(30%)'"); the five-item bureau scheme of seed
 * 002 篇四 (目标任务完成情况 30 …) with a sixth item, as 县 bureaux adapt it. 18 people, 好 7
 * (40% of 18 allows 7).
 * Rows: title 1, 考核单位 2, header 3, people 4–21, footers 22–23.
 */
export function sixItems30(): Grid {
  const s = new Layout(12);
  s.wide('丰源县市场监督管理局2025年第一季度工作人员平时考核评分表');
  s.at(1, '考核单位：丰源县市场监督管理局', 9, '考核时间：2025年4月');
  s.row([
    '序号',
    '姓名',
    '股室',
    '目标任务完成情况(30%)',
    '工作质量(20%)',
    '工作效率(15%)',
    '工作作风(15%)',
    '出勤情况(10%)',
    '廉洁自律(10%)',
    '总分',
    '考核等次',
    '备注',
  ]);
  const people: [string, string, number, number, number, number, number, number, number, string][] = [
    ['钟伟', '办公室', 29, 19, 14, 14, 10, 10, 96, '好'],
    ['邱丽', '办公室', 27, 18, 13, 13, 9, 10, 90, '好'],
    ['骆明', '办公室', 25, 17, 12, 12, 9, 9, 84, '较好'],
    ['万芳', '登记注册股', 28, 19, 14, 14, 10, 10, 95, '好'],
    ['段鹏', '登记注册股', 26, 17, 13, 13, 9, 9, 87, '较好'],
    ['雷晓', '登记注册股', 24, 16, 12, 12, 9, 9, 82, '较好'],
    ['钱立', '食品安全股', 28, 18, 14, 13, 10, 10, 93, '好'],
    ['汤静', '食品安全股', 25, 17, 13, 12, 9, 9, 85, '较好'],
    ['尹浩', '食品安全股', 22, 15, 11, 11, 8, 9, 76, '较好'],
    ['黎明', '特种设备股', 27, 19, 14, 14, 9, 10, 93, '好'],
    ['易红', '特种设备股', 24, 16, 12, 12, 9, 9, 82, '较好'],
    ['常青', '特种设备股', 20, 14, 10, 10, 8, 8, 70, '一般'],
    ['武斌', '综合执法大队', 28, 18, 13, 14, 10, 10, 93, '好'],
    ['乔丹丹', '综合执法大队', 26, 17, 13, 12, 9, 9, 86, '较好'],
    ['贺军', '综合执法大队', 23, 16, 12, 12, 8, 9, 80, '较好'],
    ['赖静', '质量计量股', 27, 18, 14, 13, 9, 10, 91, '好'],
    ['施晓军', '质量计量股', 24, 16, 12, 13, 9, 9, 83, '较好'],
    ['洪梅', '质量计量股', 21, 15, 11, 11, 8, 8, 74, '一般'],
  ];
  people.forEach((p, i) => s.row([i + 1, ...p, null]));
  s.wide('注：各项按百分制计分，括号内为该项所占权重；“好”等次人数不超过参加考核人数的40%。');
  s.at(1, '填表人：骆明', 6, '分管领导：钟伟');
  return s.grid('第一季度');
}

/**
 * 7. A 德/廉 一票否决 sheet: 德 and 廉 written as 合格/不合格, 能/勤/绩 scored, bands and the veto
 * stated in the 注. 毛建国 has 廉 不合格: 总分 88 (较好 by the bands) but 较差 by the veto.
 * Source: seed 002 篇六 (direct 较差 for a sanction; rules.md [five-dims]) and the common
 * "德、廉实行一票否决" of county bureaux; issue #15 ("a 德/廉 一票否决 sheet"; grade replaced a
 * correct 较差 with 好). 12 people, 好 4 (40% of 12 allows 4).
 * Rows: title 1, 填报 2, header 3, people 4–15, footers 16–17.
 */
export function vetoSheet(): Grid {
  const s = new Layout(11);
  s.wide('江北区住房和城乡建设局2025年第二季度公务员平时考核评分表');
  s.at(1, '填报科室：机关各科室', 8, '填报时间：2025年7月5日');
  s.row([
    '序号',
    '姓名',
    '科室',
    '德（合格/不合格）',
    '能（25分）',
    '勤（25分）',
    '绩（50分）',
    '廉（合格/不合格）',
    '总分',
    '等次',
    '备注',
  ]);
  const people: [string, string, string, number, number, number, string, number, string, string | null][] = [
    ['任志刚', '办公室', '合格', 24, 24, 47, '合格', 95, '好', null],
    ['白雪', '办公室', '合格', 21, 22, 42, '合格', 85, '较好', null],
    ['崔建', '规划建设科', '合格', 23, 24, 46, '合格', 93, '好', null],
    ['康丽娜', '规划建设科', '合格', 20, 21, 41, '合格', 82, '较好', null],
    ['毛建国', '质量安全科', '合格', 22, 23, 43, '不合格', 88, '较差', '收受管理服务对象礼品被通报，廉政一票否决'],
    ['邱晓燕', '质量安全科', '合格', 24, 23, 45, '合格', 92, '好', null],
    ['石磊', '房产管理科', '合格', 19, 20, 38, '合格', 77, '较好', null],
    ['谭雅', '房产管理科', '合格', 17, 18, 35, '合格', 70, '一般', null],
    ['方建明', '城建监察科', '合格', 23, 23, 44, '合格', 90, '好', null],
    ['金晓丽', '城建监察科', '合格', 21, 21, 40, '合格', 82, '较好', null],
    ['夏天', '人事科', '合格', 20, 20, 39, '合格', 79, '较好', null],
    ['严华', '人事科', '合格', 18, 19, 36, '合格', 73, '一般', null],
  ];
  people.forEach((p, i) => s.row([i + 1, ...p]));
  s.wide(
    '注：1.德、廉两项实行一票否决，评定为“不合格”的，当季等次直接确定为“较差”；2.总分90分以上为好，75-89分为较好，60-74分为一般，60分以下为较差；3.“好”等次人数不超过参加考核人数的40%。',
  );
  s.at(1, '填表人：白雪', 6, '审核人：任志刚');
  return s.grid('第二季度');
}

/**
 * 8. A 60-point 领导干部 sheet: 考核内容及分值（60分） merged over four items, 得分 and 排名, and no
 * grade column at all (the score goes into the annual total).
 * Source: issue #15 ("a 60-point 领导干部 sheet … any column containing 得分 pulled in
 * xicheng-sifa (a 60-point sheet got 不称职 for everyone …)"); county 组织部 appraisal of 乡镇
 * 党政正职. 10 people; 得分 = the four items; 蒋春燕 and 俞海峰 tie at 55 (排名 4).
 * Rows: title 1, 考核单位 2, header 3–4, people 5–14, footers 15–16.
 */
export function leader60(): Grid {
  const s = new Layout(11);
  s.wide('青山县2025年第三季度乡镇党政正职平时考核评分表');
  s.at(1, '考核单位：中共青山县委组织部', 8, '2025年10月');
  const h = s.row(['序号', '姓名', '单位', '职务', '考核内容及分值（60分）', null, null, null, '得分', '排名', '备注']);
  s.row([null, null, null, null, '政治表现（15分）', '履职尽责（20分）', '工作实绩（15分）', '廉洁自律（10分）', null, null, null]);
  s.tall(h, [1, 2, 3, 4, 9, 10, 11]);
  s.merge(`E${h}:H${h}`);
  const people: [string, string, string, number, number, number, number, number, number][] = [
    ['陶宏亮', '东关镇', '党委书记', 14.5, 19, 14, 10, 57.5, 1],
    ['蒋春燕', '东关镇', '镇长', 14, 18, 13.5, 9.5, 55, 4],
    ['孔德明', '西河乡', '党委书记', 14, 18.5, 13, 10, 55.5, 3],
    ['范丽君', '西河乡', '乡长', 13.5, 17.5, 13, 9.5, 53.5, 7],
    ['殷志华', '南湖街道', '党工委书记', 14.5, 18.5, 14, 9.5, 56.5, 2],
    ['方晓', '南湖街道', '办事处主任', 13, 17, 12.5, 9, 51.5, 8],
    ['俞海峰', '北山镇', '党委书记', 13.5, 18, 13.5, 10, 55, 4],
    ['柴文军', '北山镇', '镇长', 12.5, 16.5, 12, 9, 50, 9],
    ['童丽', '石门乡', '党委书记', 14, 17.5, 13.5, 9.5, 54.5, 6],
    ['鲍建军', '石门乡', '乡长', 12, 16, 11.5, 9, 48.5, 10],
  ];
  people.forEach((p, i) => s.row([i + 1, ...p, null]));
  s.wide('注：本表满分60分，平时考核得分按60%计入年度考核总分；排名在各乡镇（街道）党政正职中进行。');
  s.at(1, '填表人：汪洋', 6, '审核人：孔繁荣');
  return s.grid('第三季度');
}

/** gwyQuarterly's people: name, 科室, the sum of the 17 items (= 合计), the grade by gwy-2020's bands. */
export const GWY_QUARTERLY_PEOPLE: [string, string, number, string][] = [
  ['夏明远', '办公室', 96, '好'],
  ['邹静怡', '办公室', 93, '好'],
  ['莫国庆', '办公室', 91, '好'],
  ['谷雨', '预算股', 90.5, '好'],
  ['方雅', '预算股', 88, '较好'],
  ['孟凡', '预算股', 86, '较好'],
  ['秦朗', '预算股', 85, '较好'],
  ['尤佳', '国库股', 82, '较好'],
  ['蓝天明', '国库股', 79, '较好'],
  ['卜晓红', '国库股', 76, '较好'],
  ['严冬', '国库股', 75, '较好'],
  ['牛立军', '绩效股', 72, '一般'],
  ['车晓莉', '绩效股', 68, '一般'],
  ['葛亮', '绩效股', 64, '一般'],
  ['房宏', '绩效股', 58, '较差'],
];

/**
 * 9. A gwy-2020-style quarterly sheet that does fit a preset: 德（20分） merged over its four
 * items … 廉（10分）, 加分/减分（≤5分）, 合计, 等次, 合计/平均分 rows, a 注 and 填表人.
 * Source: 附件2 公务员平时考核量化指标 of the national template (seed 002 篇二; rules.md
 * [gwy-2020]). 15 people, totals and grades right, 好 4 (40% of 15 allows 6).
 * Rows: title 1, 填报 2, header 3–4, people 5–19, 合计 20, 平均分 21, footers 22–23.
 */
export function gwyQuarterly(): Grid {
  const { grid } = gwySheet(GWY_QUARTERLY_PEOPLE.map(([name, unit, base, grade]) => ({ name, unit, base, total: base, grade })));
  const width = grid.values[0]!.length;
  const r = grid.values.length + 1;
  grid.values.push([
    '注：1.本表依据《公务员平时考核办法（试行）》附件2量化指标；2.“好”等次人数不超过本机关参加平时考核公务员总人数的40%。',
    ...Array<CellValue>(width - 1).fill(null),
  ]);
  grid.merges.push({ top: r, left: 1, bottom: r, right: width });
  const sign: CellValue[] = Array<CellValue>(width).fill(null);
  sign[0] = '填表人：尤佳';
  sign[10] = '审核人：夏明远';
  grid.values.push(sign);
  return grid;
}

/**
 * 10. A grades-only roster: 序号 姓名 性别 职务职级 考核等次 备注, no score at all, a person on
 * probation with 不确定等次 written in the grade cell.
 * Source: issue #16 ("Grades only. A roster with names and entered grades but no scores");
 * 公务员平时考核结果汇总表 (附件4 of the national template, seed 002 篇二). 16 people, 15 graded,
 * 好 6 (40% of 15 allows 6).
 * Rows: title 1, 填报 2, header 3, people 4–19, footers 20–21.
 */
export function gradesOnlyRoster(): Grid {
  const s = new Layout(6);
  s.wide('东阳县审计局2025年第三季度公务员平时考核等次名册');
  s.at(1, '填报单位（盖章）：东阳县审计局', 5, '2025年10月10日');
  s.row(['序号', '姓名', '性别', '职务职级', '考核等次', '备注']);
  const people: [string, string, string, string, string | null][] = [
    ['龚建华', '男', '局长', '好', null],
    ['程秀梅', '女', '副局长', '好', null],
    ['宁波', '男', '一级主任科员', '较好', null],
    ['牟晓云', '女', '二级主任科员', '好', null],
    ['包志强', '男', '三级主任科员', '较好', null],
    ['柏琳', '女', '四级主任科员', '较好', null],
    ['祝永红', '男', '一级科员', '好', null],
    ['左丽', '女', '一级科员', '较好', null],
    ['石建', '男', '一级科员', '一般', null],
    ['崔晓', '女', '二级科员', '较好', null],
    ['鲁军', '男', '二级科员', '好', null],
    ['韦娜', '女', '二级科员', '较好', null],
    ['聂文', '男', '一级科员', '好', null],
    ['晏子涵', '女', '一级科员', '较好', null],
    ['巫强', '男', '二级科员', '一般', null],
    ['柯晓敏', '女', '一级科员', '不确定等次', '试用期'],
  ];
  people.forEach((p, i) => s.row([i + 1, ...p]));
  s.wide('注：试用期人员只写评语，不确定等次。');
  s.at(1, '填表人：左丽', 4, '审核人：程秀梅');
  return s.grid('第三季度');
}

/**
 * 11. A sheet whose stated quota is broken: 5 好 of 10 under a 注 "好等次人数不超过本单位参加考核人数
 * 的40%" (40% of 10 allows 4). 考核得分 is a single read score, no items.
 * Source: issue #15 ("Three sheets that break the 40% rule got '没有发现问题' and exit 0"); the
 * national 40% (rules.md §3). 10 people.
 * Rows: title 1, 填报 2, header 3, people 4–13, footers 14–15.
 */
export function brokenQuota(): Grid {
  const s = new Layout(6);
  s.wide('南川市统计局2025年第一季度公务员平时考核结果统计表');
  s.at(1, '填报单位：南川市统计局人事科', 5, '填报日期：2025年4月8日');
  s.row(['序号', '姓名', '处室', '考核得分', '考核等次', '备注']);
  const people: [string, string, number, string][] = [
    ['屈志远', '综合处', 95, '好'],
    ['幸丽', '综合处', 93, '好'],
    ['戚明', '综合处', 86, '较好'],
    ['焦晓', '国民经济核算处', 94, '好'],
    ['班立伟', '国民经济核算处', 91, '好'],
    ['伏燕', '国民经济核算处', 84, '较好'],
    ['计红', '农村统计处', 92, '好'],
    ['梅子轩', '农村统计处', 80, '较好'],
    ['应建平', '农村统计处', 77, '较好'],
    ['桑晓东', '法规处', 71, '一般'],
  ];
  people.forEach((p, i) => s.row([i + 1, ...p, null]));
  s.wide('注：好等次人数不超过本单位参加考核人数的40%。');
  s.at(1, '统计人：幸丽', 4, '审核人：屈志远');
  return s.grid('第一季度');
}

/**
 * 12. A sheet with its bands stated in a note: four items of its own (50/20/20/10), 合计, 等次,
 * "注：1.合计90分以上（含90分）为“好”，75分至89分为“较好”…". 喻强 has 合计 88 written 好: wrong
 * by the sheet's own bands (较好).
 * Source: issue #15 ("bands only where the sheet states them (a 注 or 说明 line such as
 * '90分以上为好')"); bureau rules as at https://oh100.com/ahsrst/a/201507/48716.html
 * (机关事业单位绩效考核制度, 德、能、勤、绩、廉 with score bands). 15 people.
 * Rows: title 1, 填报 2, header 3, people 4–18, footers 19–21.
 */
export function statedBands(): Grid {
  const s = new Layout(10);
  s.wide('清溪县水利局2025年第二季度干部职工平时考核量化评分表');
  s.at(1, '填报单位：清溪县水利局', 7, '填报日期：2025年7月3日');
  s.row(['序号', '姓名', '股室', '工作实绩（50分）', '工作态度（20分）', '能力素质（20分）', '遵纪守法（10分）', '合计', '等次', '备注']);
  const people: [string, string, number, number, number, number, number, string][] = [
    ['熊伟', '办公室', 48, 19, 18, 10, 95, '好'],
    ['邵丽华', '办公室', 44, 18, 17, 9, 88, '较好'],
    ['魏东', '水政股', 47, 18, 18, 9, 92, '好'],
    ['庞晓', '水政股', 40, 16, 15, 9, 80, '较好'],
    ['杜鹃', '水资源股', 46, 19, 17, 10, 92, '好'],
    ['喻强', '水资源股', 43, 18, 17, 10, 88, '好'],
    ['阎红', '工程建设股', 45, 18, 18, 9, 90, '好'],
    ['丁志刚', '工程建设股', 38, 15, 14, 8, 75, '较好'],
    ['柳青', '工程建设股', 35, 14, 13, 8, 70, '一般'],
    ['姜涛', '农村水利股', 42, 17, 16, 9, 84, '较好'],
    ['黎娜', '农村水利股', 39, 16, 15, 9, 79, '较好'],
    ['滕飞', '防汛办', 41, 17, 16, 9, 83, '较好'],
    ['殷红', '防汛办', 33, 13, 12, 8, 66, '一般'],
    ['邬建', '水土保持站', 28, 12, 11, 7, 58, '较差'],
    ['卫晓敏', '水土保持站', 44, 17, 17, 9, 87, '较好'],
  ];
  people.forEach((p, i) => s.row([i + 1, ...p, null]));
  s.wide('注：1.合计90分以上（含90分）为“好”，75分至89分为“较好”，60分至74分为“一般”，60分以下为“较差”；');
  s.wide('2.“好”等次人数不超过参加考核人数的40%。');
  s.at(1, '填表人：邵丽华', 6, '审核人：熊伟');
  return s.grid('第二季度');
}

/**
 * 13. A grades-only xiang-2015 sheet (优秀/称职/基本称职, no scores): 6 优秀 of 10, over the soft
 * 40% (4) and the hard 50% (5); checked with --scheme xiang-2015.
 * Source: issue #16, "What to build" 1 ("a xiang-2015 sheet of 10 people … with 6, an error over
 * the hard 50%"); seed 002 篇一 (一) 第九条. 10 people.
 * Rows: title 1, 填报 2, header 3, people 4–13.
 */
export function xiangGradesOnly(): Grid {
  const s = new Layout(6);
  s.wide('石湖乡2025年第一季度机关干部平时考核等次表');
  s.at(1, '填报单位：石湖乡党政办', 5, '2025年4月6日');
  s.row(['序号', '姓名', '科室', '职务', '等次', '备注']);
  const people: [string, string, string, string][] = [
    ['巩立', '党政办', '主任', '优秀'],
    ['季红', '党政办', '科员', '优秀'],
    ['单明', '经济发展办', '主任', '优秀'],
    ['薛晓', '经济发展办', '科员', '称职'],
    ['雍军', '社会事务办', '主任', '优秀'],
    ['邝丽', '社会事务办', '科员', '优秀'],
    ['桂平', '农业服务中心', '主任', '优秀'],
    ['阮红', '农业服务中心', '科员', '称职'],
    ['戈建', '综治中心', '主任', '称职'],
    ['温馨', '财政所', '所长', '基本称职'],
  ];
  people.forEach((p, i) => s.row([i + 1, ...p, null]));
  return s.grid('第一季度');
}

/**
 * 14. A list of the people to be appraised (考核对象花名册): names, sex, birth, party, post — no
 * score, no grade, nothing to check. The honest answer is that no scheme fits.
 * Source: the 考核对象 lists that 组织部 send out before an appraisal (rules.md §1: a roster
 * with identity columns only). 10 people.
 * Rows: title 1, header 2, people 3–12.
 */
export function appraiseeList(): Grid {
  const s = new Layout(7);
  s.wide('2025年度县直机关公务员考核对象花名册');
  s.row(['序号', '姓名', '性别', '出生年月', '政治面貌', '职务职级', '参加工作时间']);
  const people: [string, string, string, string, string, string][] = [
    ['汪建平', '男', '1975.03', '中共党员', '局长', '1996.08'],
    ['顾晓红', '女', '1980.11', '中共党员', '副局长', '2002.07'],
    ['孟庆华', '男', '1985.06', '中共党员', '一级主任科员', '2008.09'],
    ['邢丽', '女', '1988.02', '群众', '二级主任科员', '2011.08'],
    ['侯磊', '男', '1990.09', '中共党员', '四级主任科员', '2013.07'],
    ['邵佳', '女', '1992.04', '共青团员', '一级科员', '2015.08'],
    ['申凯', '男', '1993.12', '中共党员', '一级科员', '2016.09'],
    ['杭雪', '女', '1995.07', '群众', '二级科员', '2018.08'],
    ['尚志', '男', '1996.05', '中共党员', '二级科员', '2019.07'],
    ['祁雯', '女', '1998.10', '共青团员', '一级科员（试用期）', '2025.08'],
  ];
  people.forEach((p, i) => s.row([i + 1, ...p]));
  return s.grid('Sheet1');
}

/** Every builder, by name, for the determinism check. */
export const REAL_SHEETS: Record<string, () => Grid> = {
  countyCompilation,
  monthTable,
  systemExport,
  villageCommittee,
  weighted7030,
  sixItems30,
  vetoSheet,
  leader60,
  gwyQuarterly,
  gradesOnlyRoster,
  brokenQuota,
  statedBands,
  xiangGradesOnly,
  appraiseeList,
};
